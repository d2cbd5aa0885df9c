"""An approved arrangement's life (issue 16): versions, change (endring), evaluation and renewal.

Plain Python; no docassemble import. A case (saker.py) keeps every approved version of its
agreement in `versjonar` — answers, HR's items and when HR approved — so each version's
documents can be assembled again from exactly what was approved, and a change or renewal goes
through the same review as the first agreement (innsendt → godkjend or returnert).
"""
from __future__ import annotations

from datetime import date, timedelta

from .datoar import nynorsk_dato, period_end
from .vurdering import vurder
from .sak import OVERGANGAR, lovlege_hendingar, overgang
from .saker import SakFeil, tid_no, neste_versjon, svar_fra_sak, versjonar
from .signering import ferdig_signert
from .svarfil import svar_fra_dict
from .tidslinje import forfalne

__all__ = ["EVALUERING_FUNGERER", "EVALUERING_VAL", "versjonar", "gjeldande_versjon", "kommande_periode",
           "tidlegare_versjonar", "versjon_som_sak", "forfalne_for_sak", "endring_nokkel", "endring_handtert", "endring_mogleg",
           "opne_endring", "ny_periode", "kan_evaluerast", "evaluer", "avslutt_ny_periode", "versjonsstatus"]

EVALUERING_FUNGERER = {"godt": "Ordninga fungerer godt", "delvis": "Ordninga fungerer delvis",
                       "ikkje": "Ordninga fungerer ikkje"}
EVALUERING_VAL = {"halde_fram": "Halde fram i ein ny periode med same vilkår",
                  "endre": "Halde fram i ein ny periode med endringar",
                  "avslutte": "Avslutte ordninga når perioden er slutt"}


def _dato(v) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) else v


def _tek_til(v: dict) -> date:
    """The day a version takes effect: a change's day, else its period's first day."""
    o = v["svar"]["ordning"]
    return _dato(o.get("endra_fra")) or _dato(o["fra"])


def _gyldige(sak: dict) -> list[dict]:
    """Approved versions that count: not withdrawn before signing (`trekt`) nor replaced
    before they started (`avlyst`)."""
    return [v for v in versjonar(sak) if not v.get("trekt") and not v.get("avlyst")]


def gjeldande_versjon(sak: dict, dato: date | None = None) -> dict | None:
    """The approved version in force on `dato` (default today): the newest one that has taken
    effect; before any has, the first one approved. A change or a new period approved for a
    later day is not in force yet (issue 28, item 2)."""
    dato = dato or date.today()
    alle = _gyldige(sak)
    byrja = [v for v in alle if _tek_til(v) <= dato]
    return byrja[-1] if byrja else (alle[0] if alle else None)


def versjonsstatus(sak: dict, versjon: int, dato: date | None = None) -> dict:
    """What an approved version is on `dato`: `gjeld` (in force), `kjem` (approved for a later day,
    `fra`), `avloyst` (replaced: `av`, the version in force), `forbigaatt` (replaced before it
    started by version `av` from `fra`), or `trekt`/`avlyst` (never in force)."""
    dato = dato or date.today()
    v = next(v for v in versjonar(sak) if v["versjon"] == versjon)
    if v.get("trekt") or v.get("avlyst"):
        return {"status": "trekt" if v.get("trekt") else "avlyst"}
    gjeld = gjeldande_versjon(sak, dato)
    if gjeld["versjon"] == versjon:
        return {"status": "gjeld"}
    # A later approved version that takes effect no later than this one replaces it before it
    # starts: gjeldande_versjon never picks it (the newest started version wins).
    forbi = [w for w in _gyldige(sak) if w["versjon"] > versjon and _tek_til(w) <= _tek_til(v)]
    if forbi:
        return {"status": "forbigaatt", "av": forbi[0]["versjon"], "fra": _tek_til(forbi[0])}
    if versjon > gjeld["versjon"]:
        return {"status": "kjem", "fra": _tek_til(v)}
    return {"status": "avloyst", "av": gjeld["versjon"]}


def kommande_periode(sak: dict, dato: date | None = None) -> dict | None:
    """A new period (renewal, Rettleiinga 5.3.2) that has not started on `dato`: approved for a
    later day, or sent to HR and waiting. `versjon`, `fra`, `til`, `godkjend` (bool); or None."""
    dato = dato or date.today()
    gjeld = gjeldande_versjon(sak, dato)
    if gjeld is None:
        return None
    o = sak["svar"]["ordning"]
    if sak["versjon"] != gjeld["versjon"] and o.get("fornya") and _dato(o["fra"]) > dato \
            and sak["status"] in ("godkjend", "innsendt", "returnert"):
        return {"versjon": sak["versjon"], "fra": _dato(o["fra"]), "til": _dato(o.get("til")),
                "godkjend": sak["status"] == "godkjend"}
    return None


def tidlegare_versjonar(sak: dict) -> list[dict]:
    """Approved versions other than the one the case shows now, newest first."""
    return [v for v in reversed(versjonar(sak)) if v["versjon"] != sak["versjon"] or sak["status"] not in
            ("godkjend", "oppsagd")]


def versjon_som_sak(sak: dict, versjon: object) -> dict | None:
    """The case as it was when HR approved `versjon` (for assembling that version's documents),
    with `godkjend_dag`, the day the decision is made for so the documents come out as approved;
    None for a version that was not approved or a number that is not one (it comes from a link)."""
    try:
        versjon = int(str(versjon))
    except ValueError:
        return None
    v = next((v for v in versjonar(sak) if v["versjon"] == versjon), None)
    if v is None:
        return None
    dag = date.fromisoformat(v["godkjend"][:10]) if v.get("godkjend") else None
    return dict(sak, status="godkjend", versjon=v["versjon"], svar=v["svar"], hr=v["hr"], godkjend_dag=dag)


def vurdering_for_sak(sak: dict, i_dag: date | None = None) -> dict:
    """The decision for a stored case's answers on `i_dag` (default today)."""
    return vurder(svar_fra_sak(sak), i_dag or date.today())


def forfalne_for_sak(sak: dict, i_dag: date, vurdering: dict | None = None) -> list[dict]:
    """What HR should act on for one case, for HR's list and the reminders (one rule): the dates
    of the version in force on `i_dag`, its signing deadline while it is not signed by both
    (issue 28, item 10: also after approval); and a later version's signing deadline (a change
    or a new period, sent, returned, being changed, or approved for a later day), not its other
    dates, which are not in force yet. A case never approved: its draft's dates. `vurdering`:
    the current answers' decision, if the caller has made it."""
    if vurdering is None:
        vurdering = vurdering_for_sak(sak, i_dag)
    gjeld = gjeldande_versjon(sak, i_dag)
    if gjeld is None:
        return forfalne(vurdering["tidslinje"], False, i_dag)
    i_kraft_sak = versjon_som_sak(sak, gjeld["versjon"])
    same = gjeld["versjon"] == sak["versjon"] and sak["status"] in ("godkjend", "oppsagd")
    i_kraft_vurdering = vurdering if same else vurdering_for_sak(i_kraft_sak, i_dag)
    ut = forfalne(i_kraft_vurdering["tidslinje"], ferdig_signert(i_kraft_sak), i_dag)
    if not same and sak["status"] != "oppsagd":
        signert = sak["status"] == "godkjend" and ferdig_signert(sak)
        ut += [p for p in forfalne(vurdering["tidslinje"], signert, i_dag) if p["kva"] == "skriftleg_frist"]
    return sorted(ut, key=lambda p: p["dato"])


def endring_nokkel(sak: dict) -> str | None:
    """Which change is under way, so a session takes it in once: the event's place in the case's
    history and its time. The time alone (to the second) gave two changes opened within one
    second the same key, and the second was never shown (a flaky engine test once documents
    were made in a tenth of a second)."""
    historikk = sak["historikk"]
    for i in range(len(historikk) - 1, -1, -1):
        if historikk[i]["hending"] in ("endring_opna", "fornya_med_endring"):
            return f"{i}:{historikk[i]['tid']}"
    return None


def endring_handtert(handtert: str | None, sak: dict) -> bool:
    """Whether the session has taken in the change under way. A session from 0.4.0's first
    commits kept the time alone; that still counts, so no change in progress is read again."""
    nokkel = endring_nokkel(sak)
    if nokkel is None:
        return handtert is None
    return handtert in (nokkel, nokkel.split(":", 1)[1])


def _grunnlag_for_endring(sak: dict, endra_fra: date) -> tuple[dict, bool]:
    """The answers a change builds on, and whether a new period not yet started falls away: a
    change dated inside the period that runs now changes that period (issue 28, item 2: it stays
    open to change while a new period waits or is approved for later); the new period, made from
    the old terms, then falls away and is evaluated again."""
    ny = kommande_periode(sak, endra_fra)
    if ny is not None:
        gjeld = gjeldande_versjon(sak, endra_fra)
        return gjeld["svar"], True
    return sak["svar"], False


def endring_mogleg(sak: dict, endra_fra: date, i_dag: date) -> str | None:
    """Why a change of this approved case cannot take effect on `endra_fra`, in Nynorsk, or None.
    A day already passed is allowed: what was agreed is recorded with its true date, and HR sees
    the missed written deadline of arbeidsmiljølova § 14-8 with the days late (issue 28, item 9)."""
    if sak["status"] != "godkjend" and kommande_periode(sak, i_dag) is None:
        return "Berre ei godkjend avtale kan endrast."
    svar, _ = _grunnlag_for_endring(sak, endra_fra)
    o, at = svar["ordning"], svar["arbeidstakar"]
    fra, til, slutt = _dato(o["fra"]), _dato(o.get("til")), _dato(at.get("mellombels_til"))
    if endra_fra < fra:
        return f"Endringa kan ikkje gjelde frå før ordninga tok til ({nynorsk_dato(fra)})."
    for siste in (til, slutt):
        if siste is not None and endra_fra > siste:
            return (f"Ordninga sluttar {nynorsk_dato(siste)}. Skal ho halde fram etter det, bruk "
                    "evalueringa og vel ein ny periode.")
    return None


def opne_endring(sak: dict, kven: str, endra_fra: date, kommentar: str | None, i_dag: date) -> dict:
    """Open a change of an approved arrangement (arbeidsmiljølova § 14-8; Rettleiinga 5.3.2): the
    employee changes the answers in their case and sends it to HR again; the approved version
    stays in force, and in `versjonar`, until HR approves the new one. A new period that has not
    started falls away when the change is inside the period that runs (`avlyst`)."""
    feil = endring_mogleg(sak, endra_fra, i_dag)
    if feil:
        raise SakFeil(feil)
    svar, avlys = _grunnlag_for_endring(sak, endra_fra)
    if avlys:
        sak = _avlys_ny_periode(sak, "endring")
    return _til_endring(sak, kven, endra_fra, kommentar, svar, "endring_opna")


def _tidlegare_avtaletype(svar: dict) -> str | None:
    """The agreement type of the version a change replaces (issue 28, item 15)."""
    return vurder(svar_fra_dict(svar), _dato(svar["ordning"]["fra"]))["avtaletype"]


def _avlys_ny_periode(sak: dict, grunn: str) -> dict:
    """The case back at the version in force; the new period that had not started is kept in
    `versjonar` marked `avlyst` (approved) or just dropped (only sent), never in force."""
    ny = kommande_periode(sak)
    gjeld = gjeldande_versjon(sak)
    tid = tid_no()
    alle = [dict(v, avlyst=tid) if ny and v["versjon"] == ny["versjon"] else v for v in versjonar(sak)]
    sak = dict(sak, versjonar=alle, status=overgang(sak["status"], "ny_periode_avlyst"), versjon=gjeld["versjon"],
               svar=gjeld["svar"], hr=gjeld.get("hr") or {}, kommentar=None)
    sak["historikk"] = sak["historikk"] + [{"tid": tid, "hending": "ny_periode_avlyst", "grunn": grunn,
                                            "versjon": ny["versjon"] if ny else None}]
    return sak


def avslutt_ny_periode(sak: dict, kven: str, i_dag: date) -> dict:
    """End a new period before it starts (issue 28, item 2; Rettleiinga 5.3.1: the arrangement
    rests on both parties wanting it): the period that runs ends on its own last day, as
    agreed. A separate choice from notice of the period that runs."""
    if kommande_periode(sak, i_dag) is None:
        raise SakFeil("det finst ingen ny periode som ikkje har teke til")
    sak = _avlys_ny_periode(sak, "avslutta")
    sak["historikk"][-1]["kven"] = kven
    return sak


def _til_endring(sak: dict, kven: str, endra_fra: date, kommentar: str | None, svar: dict, hending: str) -> dict:
    kommentar = (kommentar or "").strip() or None
    ordning = dict(svar["ordning"], endra_fra=endra_fra.isoformat(), tidlegare_avtaletype=_tidlegare_avtaletype(svar))
    sak = dict(sak, versjonar=versjonar(sak), status=overgang(sak["status"], hending), svar=dict(svar, ordning=ordning),
               kommentar=kommentar, endring={"kven": kven, "fra": endra_fra.isoformat(), "kommentar": kommentar})
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": hending, "kven": kven,
                                            "fra": endra_fra.isoformat()}]
    return sak


def ny_periode(svar: dict) -> tuple[date, date]:
    """The next period of a time-limited arrangement: from the day after it ends, as long as the
    one before (whole months stay whole months), and never past a temporary employment's end
    (Rettleiinga 5.1: the arrangement cannot outlast the employment)."""
    o, at = svar["ordning"], svar["arbeidstakar"]
    fra, til, slutt = _dato(o["fra"]), _dato(o.get("til")), _dato(at.get("mellombels_til"))
    if til is None:
        raise SakFeil("ordninga er ikkje tidsavgrensa; ho held fram utan ny periode")
    if slutt is not None and til >= slutt:
        raise SakFeil(f"Ordninga sluttar med den mellombelse tilsetjinga {nynorsk_dato(slutt)} og kan ikkje "
                      "fornyast utan at tilsetjinga blir forlengd (Rettleiinga 5.1).")
    ny_fra = til + timedelta(days=1)
    manader = next((m for m in range(1, 121) if period_end(fra, m) == til), None)
    ny_til = period_end(ny_fra, manader) if manader else ny_fra + (til - fra)
    if slutt is not None and ny_til > slutt:
        ny_til = slutt
    return ny_fra, ny_til


def kan_evaluerast(sak: dict, i_dag: date) -> str | None:
    """Why this case cannot be evaluated now, in Nynorsk, or None (Rettleiinga 5.3.2: a
    time-limited arrangement is evaluated before its period ends)."""
    if "evaluert" not in lovlege_hendingar(sak["status"]):
        return OVERGANGAR["evaluert"][2]
    til = _dato(sak["svar"]["ordning"].get("til"))
    if til is None:
        return "Ordninga er ikkje tidsavgrensa. Vil de endre henne, opnar de ei endring."
    if i_dag > til:
        return f"Perioden for ordninga slutta {nynorsk_dato(til)}."
    return None


def evaluer(sak: dict, kven: str, fungerer: str, val: str, kommentar: str | None, i_dag: date) -> dict:
    """Record an evaluation and act on its choice (Rettleiinga 5.3.2): «halde fram» sends a new
    period with the old answers to HR; «endre» opens that new period for the employee to change
    first; «avslutte» lets the arrangement end with its period."""
    feil = kan_evaluerast(sak, i_dag)
    if feil:
        raise SakFeil(feil)
    if fungerer not in EVALUERING_FUNGERER or val not in EVALUERING_VAL:
        raise SakFeil("ukjend svar i evalueringa")
    kommentar = (kommentar or "").strip() or None
    evaluering = {"tid": tid_no(), "kven": kven, "fungerer": fungerer, "val": val, "kommentar": kommentar}
    sak = dict(sak, versjonar=versjonar(sak), evalueringar=list(sak.get("evalueringar") or []) + [evaluering])
    sak["historikk"] = sak["historikk"] + [{"tid": evaluering["tid"], "hending": "evaluert", "kven": kven, "val": val}]
    if val == "avslutte":
        return sak
    ny_fra, ny_til = ny_periode(sak["svar"])
    # The new period is a new agreement period, not a change within one: its own dates, no new
    # prøveperiode for an arrangement already tried (Rettleiinga 5.3.6), no change date.
    # Rettleiinga 5.3.6; issue 28, item 12: never a new prøveperiode, also when the first
    # period's was the default and not stored on the case.
    ordning = dict(sak["svar"]["ordning"], fra=ny_fra.isoformat(), til=ny_til.isoformat(), endra_fra=None,
                   tidlegare_avtaletype=None, proveperiode_manader=0, fornya=True)
    svar = dict(sak["svar"], ordning=ordning)
    svar_fra_dict(svar)  # the renewed answers must still be a valid answer file
    if val == "endre":
        return _til_endring(sak, kven, ny_fra, kommentar, svar, "fornya_med_endring")
    sak = dict(sak, status=overgang(sak["status"], "fornya"), svar=svar, versjon=neste_versjon(sak), kommentar=None)
    sak["historikk"] = sak["historikk"] + [{"tid": tid_no(), "hending": "fornya", "versjon": sak["versjon"],
                                            "fra": ny_fra.isoformat(), "til": ny_til.isoformat()}]
    return sak
