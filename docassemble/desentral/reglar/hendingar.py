"""An arrangement's life replayed from an answer file and a list of events (issue 28): what the
command `python -m docassemble.desentral livslop SVAR.yml --hendingar HENDINGAR.yml` prints, so
HR can check the timeline, notice, renewal and signing deadline without a browser. Plain Python;
each event calls the same rule the interviews call (saker, livslop, signering, oppseiing).

The events file is a YAML list; each event has `hending` and `dato` (the day it happens):

    - {hending: godkjend, dato: 2026-12-10}            # HR approves the version sent
    - {hending: signert, dato: 2026-12-12}             # both parties sign it
    - {hending: endring, dato: 2027-03-01, fra: 2027-04-01,
       svar: {ordning: {arbeidsstad: Lom}}}             # a change, sent to HR (then godkjend)
    - {hending: fornying, dato: 2027-11-01}            # evaluation: a new period, sent to HR
    - {hending: avslutt_ny_periode, dato: 2027-12-01}  # the new period ends before it starts
    - {hending: trekk_tilbake, dato: 2026-12-11}       # HR withdraws an unsigned approval
    - {hending: oppseiing, dato: 2027-05-01, kven: arbeidstakar, mottatt: 2027-05-03}

Without the documents (the command assembles none), a version's "document" is the SHA-256 of its
answers, so signing binds to what was approved as in the app.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date

from .livslop import (avslutt_ny_periode, evaluer, forfalne_for_sak, gjeldande_versjon, kommande_periode, opne_endring,
                      vurdering_for_sak)
from .oppseiing import OppseiingFeil, oppseiing_for_sak, trekk_tilbake
from .saker import SakFeil, godkjenn, meld_oppseiing, ny_sak, sei_opp, send_inn, svar_til_json
from .signering import ferdig_signert, godkjent_hash, registrer_godkjent_dokument, signer
from .svarfil import SvarFeil, svar_fra_dict

__all__ = ["HENDINGAR", "les_hendingar", "spel_av"]

HENDINGAR = ("godkjend", "signert", "endring", "fornying", "avslutt_ny_periode", "trekk_tilbake", "oppseiing")
_FELT = {"godkjend": {"hr"}, "signert": set(), "endring": {"fra", "svar", "kven"}, "fornying": {"kven"},
         "avslutt_ny_periode": {"kven"}, "trekk_tilbake": set(), "oppseiing": {"kven", "mottatt"}}
_HR = {"utstyr": "Utstyr frå arbeidsgivaren.", "tryggingsreglar": "Reglane i verksemda.", "fodselsnummer": "–",
       "stillingskode": "–", "lonn": "–", "utbetaling": "–", "stillingsprosent": "–", "heimel_mellombels": "–"}


def _dato(felt: str, verdi) -> date:
    if isinstance(verdi, date):
        return verdi
    try:
        return date.fromisoformat(str(verdi).strip())
    except ValueError:
        raise SvarFeil(felt, f"«{verdi}» er ikkje ein dato på forma ÅÅÅÅ-MM-DD") from None


def les_hendingar(data) -> list[dict]:
    """Check the parsed events file; SvarFeil names the event and field («hendingar[2].dato»)."""
    if not isinstance(data, list):
        raise SvarFeil("hendingar", "må vere ei liste av hendingar")
    ut = []
    for nr, h in enumerate(data):
        namn = f"hendingar[{nr}]"
        if not isinstance(h, dict):
            raise SvarFeil(namn, "må vere ein mapping med hending og dato")
        if h.get("hending") not in HENDINGAR:
            raise SvarFeil(f"{namn}.hending", f"«{h.get('hending')}» er ikkje ei kjend hending "
                                              f"(kjende: {', '.join(HENDINGAR)})")
        ukjende = set(h) - {"hending", "dato"} - _FELT[h["hending"]]
        if ukjende:
            raise SvarFeil(f"{namn}.{sorted(ukjende)[0]}", "ukjend felt")
        if "dato" not in h:
            raise SvarFeil(f"{namn}.dato", "manglar (feltet er påkravd)")
        hending = dict(h, dato=_dato(f"{namn}.dato", h["dato"]))
        for felt in ("fra", "mottatt"):
            if felt in h:
                hending[felt] = _dato(f"{namn}.{felt}", h[felt])
        if hending["hending"] == "endring" and "fra" not in hending:
            raise SvarFeil(f"{namn}.fra", "manglar (dagen endringa tek til å gjelde)")
        if hending.get("kven", "arbeidstakar") not in ("arbeidstakar", "arbeidsgivar"):
            raise SvarFeil(f"{namn}.kven", "må vere arbeidstakar eller arbeidsgivar")
        ut.append(hending)
    return ut


def _dokumenthash(sak: dict) -> str:
    return hashlib.sha256(json.dumps(sak["svar"], sort_keys=True, default=str).encode()).hexdigest()


def _steg(sak: dict, h: dict) -> tuple[dict, dict | None]:
    """One event applied by its rule; returns the case and, for notice, the notice's result."""
    dag, kven = h["dato"], h.get("kven", "arbeidstakar")
    if h["hending"] == "godkjend":
        sak = godkjenn(sak, {**_HR, **(h.get("hr") or {})})
        sak["versjonar"][-1] = dict(sak["versjonar"][-1], godkjend=f"{dag.isoformat()}T12:00:00+00:00")
        return registrer_godkjent_dokument(sak, sak["versjon"], _dokumenthash(sak), _dokumenthash(sak)), None
    if h["hending"] == "signert":
        tid = f"{dag.isoformat()}T12:00:00+00:00"
        for rolle in ("arbeidstakar", "arbeidsgivar"):
            sak = signer(sak, rolle, rolle, None, None, "-", sak["versjon"], godkjent_hash(sak), tid=tid)
        return sak, None
    if h["hending"] == "endring":
        sak = opne_endring(sak, kven, h["fra"], None, dag)
        svar = {k: dict(v, **((h.get("svar") or {}).get(k) or {})) for k, v in sak["svar"].items()}
        svar_fra_dict(svar)
        return send_inn(sak, svar), None
    if h["hending"] == "fornying":
        return evaluer(sak, kven, "godt", "halde_fram", None, dag), None
    if h["hending"] == "avslutt_ny_periode":
        return avslutt_ny_periode(sak, kven, dag), None
    if h["hending"] == "trekk_tilbake":
        return trekk_tilbake(sak), None
    resultat = oppseiing_for_sak(sak, dag, kven, h.get("mottatt"))
    return (meld_oppseiing if resultat["til_hr"] else sei_opp)(sak, resultat), resultat


def spel_av(svar: dict, hendingar: list[dict], i_dag: date) -> dict:
    """The case after each event, and what HR sees on `i_dag`: the version in force and its
    timeline, a new period not yet started, the signing deadline of the version the case holds
    (and whether it is signed), what falls due, and the last notice. Raises SvarFeil naming the
    event when a rule refuses it."""
    sak = send_inn(ny_sak(svar_til_json(svar), 1, None), svar_til_json(svar))
    oppseiing = None
    for nr, h in enumerate(hendingar):
        try:
            sak, resultat = _steg(sak, h)
        except (SakFeil, OppseiingFeil) as feil:
            raise SvarFeil(f"hendingar[{nr}]", str(feil)) from None
        oppseiing = resultat or oppseiing
    gjeld = gjeldande_versjon(sak, i_dag)
    vurdering = vurdering_for_sak(sak, i_dag)
    frist = next(p for p in vurdering["tidslinje"] if p["kva"] == "skriftleg_frist")
    return {
        "status": sak["status"],
        "versjon": sak["versjon"],
        "i_kraft": None if gjeld is None else {
            "versjon": gjeld["versjon"], "fra": gjeld["svar"]["ordning"]["fra"],
            "til": gjeld["svar"]["ordning"].get("til"),
            "tidslinje": vurdering_for_sak(dict(sak, svar=gjeld["svar"]), i_dag)["tidslinje"]},
        "ny_periode": kommande_periode(sak, i_dag),
        "skriftleg_frist": {**frist, "signert": ferdig_signert(sak)},
        "forfalne": forfalne_for_sak(sak, i_dag),
        "oppseiing": oppseiing,
        "versjonar": [{"versjon": v["versjon"], "fra": v["svar"]["ordning"]["fra"], "til": v["svar"]["ordning"].get("til"),
                       "godkjend": v.get("godkjend"), "signert": bool(v.get("signering") and len(v["signering"]) == 2),
                       "avlyst": bool(v.get("avlyst")), "trekt": bool(v.get("trekt"))} for v in sak.get("versjonar") or []],
    }
