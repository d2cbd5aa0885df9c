"""An approved arrangement's life (issue 16): versions, change (endring), evaluation and renewal.

Plain Python; no docassemble import. A case (saker.py) keeps every approved version of its
agreement in `versjonar` — answers, HR's items and when HR approved — so each version's
documents can be assembled again from exactly what was approved, and a change or renewal goes
through the same review as the first agreement (innsendt → godkjend or returnert).
"""
from __future__ import annotations

from datetime import date, timedelta

from .datoar import nynorsk_dato, period_end
from .reglar_felles import Tal, _frist_etter, _frist_tekst
from .saker import SakFeil, _no
from .svarfil import svar_fra_dict
from .tidslinje import forfalne

__all__ = ["EVALUERING_FUNGERER", "EVALUERING_VAL", "versjonar", "gjeldande_versjon", "tidlegare_versjonar",
           "versjon_som_sak", "forfalne_for_sak", "endring_nokkel", "endring_mogleg", "opne_endring", "ny_periode", "kan_evaluerast",
           "evaluer"]

EVALUERING_FUNGERER = {"godt": "Ordninga fungerer godt", "delvis": "Ordninga fungerer delvis",
                       "ikkje": "Ordninga fungerer ikkje"}
EVALUERING_VAL = {"halde_fram": "Halde fram i ein ny periode med same vilkår",
                  "endre": "Halde fram i ein ny periode med endringar",
                  "avslutte": "Avslutte ordninga når perioden er slutt"}


def _dato(v) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) else v


def versjonar(sak: dict) -> list[dict]:
    """Every approved version, oldest first: `versjon`, `svar`, `hr`, `godkjend` (time). Cases
    approved before versions were kept (0.3.0 and earlier) have their one approved version in
    the case itself."""
    if sak.get("versjonar"):
        return list(sak["versjonar"])
    if sak["status"] in ("godkjend", "oppsagd"):
        tid = next((h["tid"] for h in reversed(sak["historikk"]) if h["hending"] == "godkjend"), None)
        return [{"versjon": sak["versjon"], "svar": sak["svar"], "hr": sak.get("hr") or {}, "godkjend": tid}]
    return []


def gjeldande_versjon(sak: dict) -> dict | None:
    """The approved version in force: the newest approved one (a change under way is not)."""
    alle = versjonar(sak)
    return alle[-1] if alle else None


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


def forfalne_for_sak(sak: dict, i_dag: date, vurdering: dict | None = None) -> list[dict]:
    """What HR should act on for one case, for HR's list and the reminders (one rule): the dates
    of the version in force; while a new version waits (sent, returned or being changed) also
    its signing deadline (arbeidsmiljølova § 14-8), not its other dates, which are not in force
    yet. A case never approved: its draft's dates. `vurdering`: the current answers' decision,
    if the caller has made it."""
    from .intervju import vurdering_for_sak  # noqa: PLC0415 - intervju is the heavier module

    if vurdering is None:
        vurdering = vurdering_for_sak(sak, i_dag)
    gjeld = gjeldande_versjon(sak)
    if gjeld is None or (sak["status"] in ("godkjend", "oppsagd") and gjeld["versjon"] == sak["versjon"]):
        return forfalne(vurdering["tidslinje"], gjeld is not None, i_dag)
    i_kraft = forfalne(vurdering_for_sak(versjon_som_sak(sak, gjeld["versjon"]), i_dag)["tidslinje"], True, i_dag)
    ventar = [p for p in forfalne(vurdering["tidslinje"], False, i_dag) if p["kva"] == "skriftleg_frist"]
    return sorted(i_kraft + ventar, key=lambda p: p["dato"])


def endring_nokkel(sak: dict) -> str | None:
    """Which change is under way (the time it was opened), so a session takes it in once."""
    return next((h["tid"] for h in reversed(sak["historikk"]) if h["hending"] in ("endring_opna", "fornya_med_endring")),
                None)


def endring_mogleg(sak: dict, endra_fra: date, i_dag: date, tal: Tal | None = None) -> str | None:
    """Why a change of this approved case cannot take effect on `endra_fra`, in Nynorsk, or None."""
    if sak["status"] != "godkjend":
        return "Berre ei godkjend avtale kan endrast."
    o, at = sak["svar"]["ordning"], sak["svar"]["arbeidstakar"]
    fra, til, slutt = _dato(o["fra"]), _dato(o.get("til")), _dato(at.get("mellombels_til"))
    if endra_fra < fra:
        return f"Endringa kan ikkje gjelde frå før ordninga tok til ({nynorsk_dato(fra)})."
    for siste in (til, slutt):
        if siste is not None and endra_fra > siste:
            return (f"Ordninga sluttar {nynorsk_dato(siste)}. Skal ho halde fram etter det, bruk "
                    "evalueringa og vel ein ny periode.")
    # arbeidsmiljølova § 14-8: the change is to be in writing no later than its deadline, counted
    # from the day it takes effect (that same day from 1 July 2024) — a deadline already passed
    # cannot be kept, so such a change is refused rather than agreed late.
    frist = (tal or Tal())("aml_endring_skriftleg_frist", endra_fra)
    if _frist_etter(endra_fra, frist) < i_dag:
        return (f"Ei endring skal vere skriftleg seinast {_frist_tekst(frist)} etter at ho tek til å gjelde, "
                "og den fristen er passert for denne datoen (arbeidsmiljølova § 14-8). Vel ein dato frå i dag.")
    return None


def opne_endring(sak: dict, kven: str, endra_fra: date, kommentar: str | None, i_dag: date) -> dict:
    """Open a change of an approved arrangement (arbeidsmiljølova § 14-8; Rettleiinga 5.3.2): the
    employee changes the answers in their case and sends it to HR again; the approved version
    stays in force, and in `versjonar`, until HR approves the new one."""
    feil = endring_mogleg(sak, endra_fra, i_dag)
    if feil:
        raise SakFeil(feil)
    return _til_endring(sak, kven, endra_fra, kommentar, sak["svar"], "endring_opna")


def _til_endring(sak: dict, kven: str, endra_fra: date, kommentar: str | None, svar: dict, hending: str) -> dict:
    kommentar = (kommentar or "").strip() or None
    ordning = dict(svar["ordning"], endra_fra=endra_fra.isoformat())
    sak = dict(sak, versjonar=versjonar(sak), status="endring", svar=dict(svar, ordning=ordning),
               kommentar=kommentar, endring={"kven": kven, "fra": endra_fra.isoformat(), "kommentar": kommentar})
    sak["historikk"] = sak["historikk"] + [{"tid": _no(), "hending": hending, "kven": kven,
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
    if sak["status"] != "godkjend":
        return "Berre ei godkjend ordning kan evaluerast."
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
    evaluering = {"tid": _no(), "kven": kven, "fungerer": fungerer, "val": val, "kommentar": kommentar}
    sak = dict(sak, versjonar=versjonar(sak), evalueringar=list(sak.get("evalueringar") or []) + [evaluering])
    sak["historikk"] = sak["historikk"] + [{"tid": evaluering["tid"], "hending": "evaluert", "kven": kven, "val": val}]
    if val == "avslutte":
        return sak
    ny_fra, ny_til = ny_periode(sak["svar"])
    # The new period is a new agreement period, not a change within one: its own dates, no new
    # prøveperiode for an arrangement already tried (Rettleiinga 5.3.6), no change date.
    ordning = dict(sak["svar"]["ordning"], fra=ny_fra.isoformat(), til=ny_til.isoformat(), endra_fra=None)
    if ordning.get("proveperiode_manader") is not None:
        ordning["proveperiode_manader"] = 0
    svar = dict(sak["svar"], ordning=ordning)
    svar_fra_dict(svar)  # the renewed answers must still be a valid answer file
    if val == "endre":
        return _til_endring(sak, kven, ny_fra, kommentar, svar, "fornya_med_endring")
    sak = dict(sak, status="innsendt", svar=svar, versjon=sak["versjon"] + 1, kommentar=None)
    sak["historikk"] = sak["historikk"] + [{"tid": _no(), "hending": "fornya", "versjon": sak["versjon"],
                                            "fra": ny_fra.isoformat(), "til": ny_til.isoformat()}]
    return sak
