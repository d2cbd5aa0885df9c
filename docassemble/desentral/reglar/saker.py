"""Cases (saker) for HR review: status, hand-over, HR's checklist, and job-advert text.

Plain Python; no docassemble import. A case is a JSON-safe dict, stored by the interviews
through docassemble's own SQL storage (sakslager.py), so it survives restarts and is shared by
every server behind a load balancer.
"""
from __future__ import annotations

import secrets
from datetime import date, datetime, timezone

from .sak import SakFeil, Status, overgang, statusnamn
from .svarfil import Svar, svar_fra_dict

__all__ = [
    "STATUSAR",
    "SakFeil",
    "LAAS_PREFIKS",
    "endra_sidan",
    "versjonar",
    "neste_versjon",
    "svar_fra_sak",
    "ny_sak",
    "send_inn",
    "returner",
    "godkjenn",
    "sei_opp",
    "meld_oppseiing",
    "trekk_tilbake_godkjenning",
    "svar_til_json",
    "sjekkliste",
    "utlysingstekst",
    "HR_FELT",
    "hr_felt_som_trengst",
]

# Case status, in Nynorsk as HR sees it; which status may follow which: reglar/sak.py.
STATUSAR = statusnamn()

# What only the employer knows, completed by HR before approval (Rettleiinga 5.1, 5.3.5;
# arbeidsmiljølova § 14-6 for an ordinary agreement).
HR_FELT = {
    "utstyr": "Utstyr arbeidsgivaren stiller til rådvelde",
    "tryggingsreglar": "Tryggingsreglar",
    "lonn": "Løn ved tiltreding (lønstrinn eller årsløn, tillegg kvar for seg)",
    "stillingskode": "Stillingskode og skildring av arbeidet",
    "stillingsprosent": "Stillingsprosent",
    "fodselsnummer": "Fødselsnummer",
    "utbetaling": "Utbetaling av løn og pensjonsordning",
    "heimel_mellombels": "Heimel for mellombels tilsetjing (statstilsettelova § 9)",
}

# Which of HR's items an agreement prints, and so must have before approval (issue 13: an
# approved agreement has no «Fyllast ut»): an ordinary agreement is a whole employment contract
# (arbeidsmiljølova § 14-6); a temporary one names its legal basis (statstilsettelova § 9). The
# stillingsprosent is the employee's answer since 0.4.0 (issue 28); HR fills it in only for a
# case sent without it.
HR_FELT_FOR_AVTALE = {
    "tilleggsavtale": ("utstyr", "tryggingsreglar"),
    "arbeidsavtale": ("utstyr", "tryggingsreglar", "fodselsnummer", "stillingskode", "lonn", "utbetaling"),
}


def hr_felt_som_trengst(avtaletype: str, mellombels: bool, har_stillingsprosent: bool = True) -> tuple[str, ...]:
    felt = HR_FELT_FOR_AVTALE[avtaletype]
    if avtaletype == "arbeidsavtale" and not har_stillingsprosent:
        felt = felt + ("stillingsprosent",)
    return felt + ("heimel_mellombels",) if avtaletype == "arbeidsavtale" and mellombels else felt


# The lock of one case in Redis (sakslager.sak_laas; shared by every server of a multi-server
# install): every write reads, checks and writes the case while holding it (compare-and-set).
LAAS_PREFIKS = "desentral:laas:sak:"


def versjonar(sak: dict) -> list[dict]:
    """Every approved version, oldest first: `versjon`, `svar`, `hr`, `godkjend` (time), and
    later what was kept and signed on it. Cases approved before versions were kept (0.3.0 and
    earlier) have their one approved version in the case itself."""
    if sak.get("versjonar"):
        return list(sak["versjonar"])
    if sak["status"] in ("godkjend", "oppsagd"):
        tid = next((h["tid"] for h in reversed(sak["historikk"]) if h["hending"] == "godkjend"), None)
        return [{"versjon": sak["versjon"], "svar": sak["svar"], "hr": sak.get("hr") or {}, "godkjend": tid}]
    return []


def svar_fra_sak(sak: dict) -> Svar:
    """The answers of a stored case. Cases stored before the interview left blank optional
    answers out may hold blank texts; they are read as answers not given, so old cases stay
    readable (and the HR list works) after an upgrade."""
    svar = {seksjon: {k: v for k, v in (verdiar or {}).items() if not (isinstance(v, str) and not v.strip())}
            if isinstance(verdiar, dict) else verdiar for seksjon, verdiar in sak["svar"].items()}
    return svar_fra_dict(svar)


def neste_versjon(sak: dict) -> int:
    """The number of the next version: above every version the case ever had, so a version
    withdrawn or replaced before it started never shares its number (and its kept documents)."""
    return max([sak["versjon"], *(v["versjon"] for v in versjonar(sak))]) + 1


def endra_sidan(sak: dict, sett: dict | None) -> str | None:
    """Why the stored case `sak` is no longer the one a person's screen showed (`sett`: the case
    as read for that screen), in Nynorsk, or None. An action binds to what the person saw: a
    new version or another status since then refuses it (DEVELOPERS.md «Standards»)."""
    if sett is None:
        return None
    if sak.get("versjon") != sett.get("versjon") or sak.get("status") != sett.get("status"):
        return (f"saka er endra sidan du opna ho: ho er no versjon {sak.get('versjon')} med status "
                f"«{STATUSAR.get(sak.get('status'), sak.get('status'))}»")
    return None


def tid_no() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def svar_til_json(data: dict) -> dict:
    """An answer dict (as svar_som_dict gives it) with dates as ISO text, for storage."""
    return {section: {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
            for section, values in data.items()}


def ny_sak(svar: dict, brukar_id, epost: str | None) -> dict:
    return {
        "id": secrets.token_urlsafe(9),
        "status": Status.UTKAST.value,
        "svar": svar_til_json(svar),
        "brukar_id": brukar_id,
        "epost": epost,
        "versjon": 0,
        "kommentar": None,
        "hr": {},
        "historikk": [{"tid": tid_no(), "hending": "oppretta"}],
    }


def send_inn(sak: dict, svar: dict) -> dict:
    """The employee hands the case over; after this only HR can open it for changes."""
    sak = dict(sak, status=overgang(sak["status"], "innsendt"), svar=svar_til_json(svar), versjon=neste_versjon(sak))
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": "innsendt", "versjon": sak["versjon"]}]
    return sak


def returner(sak: dict, kommentar: str) -> dict:
    status = overgang(sak["status"], "returnert")
    if not kommentar or not kommentar.strip():
        raise SakFeil("skriv ein kommentar til arbeidstakaren")
    sak = dict(sak, status=status, kommentar=kommentar.strip())
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": "returnert", "kommentar": kommentar.strip()}]
    return sak


def godkjenn(sak: dict, hr: dict) -> dict:
    status = overgang(sak["status"], "godkjend")
    ukjende = set(hr) - set(HR_FELT)
    if ukjende:
        raise SakFeil(f"ukjende felt: {sorted(ukjende)}")
    tid = tid_no()
    sak = dict(sak, status=status, hr={k: v for k, v in hr.items() if v}, endring=None)
    # Every approved version is kept with what HR approved, so its documents can be made again
    # (issue 16); a case approved before versions were kept starts its list with this one.
    tidlegare = [v for v in (sak.get("versjonar") or []) if v["versjon"] != sak["versjon"]]
    sak["versjonar"] = tidlegare + [{"versjon": sak["versjon"], "svar": sak["svar"], "hr": sak["hr"], "godkjend": tid}]
    sak["historikk"] = sak["historikk"] + [{"tid": tid, "hending": "godkjend", "versjon": sak["versjon"]}]
    return sak


def _oppseiing_json(oppseiing: dict, grunn: str | None) -> dict:
    ut = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in oppseiing.items()
          if k in ("avtaletype", "kven", "gitt", "mottatt", "siste_dag", "grunnlag", "frist", "verknad", "til_hr",
                   "versjon")}
    return dict(ut, grunn=(grunn or "").strip() or None, registrert=tid_no())


def _til_versjonen(sak: dict, versjon: int) -> dict:
    """The case back at approved `versjon` (the one notice ended); later versions, not in force,
    fall away (`avlyst`) and stay in `versjonar`."""
    if versjon == sak["versjon"]:
        return sak
    tid = tid_no()
    post = next(v for v in versjonar(sak) if v["versjon"] == versjon)
    alle = [dict(v, avlyst=tid) if v["versjon"] > versjon and not v.get("trekt") else v for v in versjonar(sak)]
    return dict(sak, versjonar=alle, versjon=versjon, svar=post["svar"], hr=post.get("hr") or {})


def sei_opp(sak: dict, oppseiing: dict, grunn: str | None = None) -> dict:
    """A tilleggsavtale ended by notice (Rettleiinga 5.3.6): the case keeps the notice, its last
    day and who gave it; the status says it is ended. Notice is of the version in force when
    received (issue 28, item 2), also while a new period waits or is approved for later: that
    period then falls away."""
    status = overgang(sak["status"], "oppsagd")
    if oppseiing["avtaletype"] != "tilleggsavtale" or oppseiing["til_hr"]:
        raise SakFeil("ei ordinær arbeidsavtale blir ikkje sagd opp her; meld det til HR")
    registrert = _oppseiing_json(oppseiing, grunn)
    sak = dict(_til_versjonen(sak, oppseiing.get("versjon", sak["versjon"])), status=status, oppseiing=registrert)
    sak["historikk"] = sak["historikk"] + [{"tid": registrert["registrert"], "hending": "oppsagd",
                                            "kven": registrert["kven"], "siste_dag": registrert["siste_dag"]}]
    return sak


def meld_oppseiing(sak: dict, oppseiing: dict, grunn: str | None = None) -> dict:
    """An ordinary agreement: the wish to end the arrangement goes to HR (ending it ends or
    changes the employment, statstilsettelova; Rettleiinga 5.3.6). The agreement stays approved."""
    status = overgang(sak["status"], "oppseiing_meldt")
    registrert = _oppseiing_json(oppseiing, grunn)
    sak = dict(sak, status=status, oppseiing_melding=registrert)
    sak["historikk"] = sak["historikk"] + [{"tid": registrert["registrert"], "hending": "oppseiing_meldt",
                                            "kven": registrert["kven"]}]
    return sak


def trekk_tilbake_godkjenning(sak: dict) -> dict:
    """HR withdraws the approval of a version nobody has signed in full (issue 28, item 11: never
    a notice of an agreement that did not take effect in writing): the version is marked
    `trekt`, never in force; the case is back with HR to decide again (return or approve), as a
    new version number, so a new approval never shares the withdrawn one's kept documents."""
    status = overgang(sak["status"], "godkjenning_trekt")
    tid = tid_no()
    alle = [dict(v, trekt=tid) if v["versjon"] == sak["versjon"] else v for v in versjonar(sak)]
    sak = dict(sak, versjonar=alle, status=status, versjon=neste_versjon(dict(sak, versjonar=alle)))
    sak["historikk"] = sak["historikk"] + [{"tid": tid, "hending": "godkjenning_trekt", "versjon": sak["versjon"]}]
    return sak


def sjekkliste(svar: Svar, vurdering: dict) -> list[dict]:
    """HR's checklist for one case, computed by the rules: each row `punkt`, `ok`, `tekst`,
    `kjelde`. `ok` is None where HR must judge (a reminder, not a check)."""
    rader = []
    for p in vurdering["innhaldskontroll"]:
        rader.append({"punkt": p["punkt"], "ok": p["dekt"], "kjelde": p["kjelde"],
                      "tekst": "Dekt" if p["dekt"] else "Manglar i avtala"})
    if not svar.arbeidstakar.nytilsett:
        # Rettleiinga 5.3.1
        ok = bool(svar.ordning.samtykke_arbeidstakar and svar.ordning.samtykke_arbeidsgivar)
        rader.append({"punkt": "frivilligheit", "ok": ok, "kjelde": "Rettleiinga 5.3.1",
                      "tekst": "Begge partar har samtykt" if ok else "Manglar samtykke"})
    else:
        # Rettleiinga 2.2
        rader.append({"punkt": "introduksjon for nytilsett", "ok": None, "kjelde": "Rettleiinga 2.2",
                      "tekst": "Lag ein plan for korleis den nytilsette blir introdusert til verksemda."})
    frist = [a for a in vurdering["atvaringar"] if a["kjelde"].startswith("arbeidsmiljølova § 14-")]
    rader.append({"punkt": "frist for underskrift", "ok": not frist,
                  "kjelde": "arbeidsmiljølova §§ 14-5 og 14-8",
                  "tekst": frist[0]["tekst"] if frist else "Avtala kan skrivast under i tide."})
    for t in vurdering["brukte_tal"]:
        if t["status"] != "stadfesta":
            rader.append({"punkt": f"tal: {t['namn']}", "ok": None, "kjelde": t["kjelde"],
                          "tekst": f"Status: {t['status']}. {t['merknad']}".strip()})
    for a in vurdering["atvaringar"]:
        if a not in frist:
            rader.append({"punkt": "åtvaring", "ok": False, "kjelde": a["kjelde"], "tekst": a["tekst"]})
    return rader


_FORMER = {
    1: "frå eit kontorfellesskap utanfor kontorstrukturen til verksemda",
    2: "frå ein annan kontorstad i verksemda enn den stillinga organisatorisk høyrer til",
    3: "frå heimekontor, dersom du bur så langt frå kontorstaden at dagpendling ikkje er realistisk",
}
_HEIMEKONTOR = {
    "fast": "Heimekontor kan vere ei fast ordning.",
    "mellombels": "Heimekontor kan vere ei mellombels ordning.",
    "begge": "Heimekontor kan vere ei fast eller ei mellombels ordning.",
}


def utlysingstekst(former: set[int] | list[int], stader: str | None = None,
                   heimekontor: str | None = None) -> str:
    """Text for a job advert (Rettleiinga 5.2): the forms that apply, the named premises or that
    the employer decides, whether a home office can be permanent or temporary, and the
    qualification principle (statstilsettelova § 3)."""
    former = sorted(set(former))
    if not former or any(f not in _FORMER for f in former):
        raise ValueError("vel ei eller fleire av formene 1, 2 og 3")
    if 3 in former and heimekontor not in _HEIMEKONTOR:
        raise ValueError("sei om heimekontor kan vere fast, mellombels eller begge")
    linjer = ["Stillinga kan utførast som desentralisert arbeid:"]
    linjer += [f"- {_FORMER[f]}" for f in former]
    if {1, 2} & set(former):
        if stader and stader.strip():
            linjer.append(f"Aktuelle kontorfellesskap eller lokale: {stader.strip()}.")
        else:
            linjer.append("Arbeidsgivaren avgjer endeleg kva kontorfellesskap eller lokale som er aktuelle.")
    if 3 in former:
        linjer.append(_HEIMEKONTOR[heimekontor])
    linjer.append("Tilsetjinga følgjer kvalifikasjonsprinsippet, jf. statstilsettelova § 3: den best "
                  "kvalifiserte søkjaren blir tilsett, uavhengig av kvar arbeidet skal utførast frå.")
    return "\n".join(linjer)
