# do not pre-load
"""Daily reminders to HR (issue 16): what falls due on the arrangements, by e-mail, through
docassemble's own scheduler (the `cron_daily` event of data/questions/paaminning.yml).

Each due entry of a case's timeline (tidslinje.forfalne: within 30 days, or a signing deadline
passed before approval) is reminded once; what has been sent is kept in docassemble's SQL storage
(DAStore), so every server of a multi-server install and every reminder session agree. Without a
mail server (`mail`) or HR's address (`desentral: hr e-post`) nothing is sent; HR's list shows
the same dates in any case. The message is composed by pure functions (tested without a server);
sending them is paaminningsutsending.send_paaminningar, which reads the cases from the server.
"""
from __future__ import annotations

from datetime import date

from .epost import Epost, lag_epost
from ..reglar.livslop import forfalne_for_sak, vurdering_for_sak
from ..reglar.signering import ROLLAR, ferdig_signert, signert_av
from ..reglar.svarfil import SvarFeil
from ..reglar.tidslinje import NAER_DAGAR, kort_tekst

__all__ = ["nye_paaminningar", "paaminningsepost", "EMNE", "signeringspaaminningar",
           "SIGNERING_DAGAR"]

# The signers are reminded this many days before the written deadline of arbeidsmiljølova
# §§ 14-5/14-8 (and once when it has passed). A choice of the package, not a legal figure.
SIGNERING_DAGAR = 7

EMNE = lag_epost("paaminning", {"dagar": NAER_DAGAR}).emne


def _nokkel(sak: dict, p: dict) -> str:
    return f"paaminna:{sak['id']}:{p['kva']}:{p['dato'].isoformat()}"


def nye_paaminningar(saker: list[dict], i_dag: date, sendt: set[str]) -> list[tuple[str, dict, dict]]:
    """(storage key, case, entry) for every due entry not reminded before. Ended and unsent
    cases have nothing to remind; an unreadable stored case is skipped, not fatal."""
    ut = []
    for sak in saker:
        if sak.get("status") not in ("innsendt", "returnert", "godkjend", "endring"):
            continue
        try:
            due = forfalne_for_sak(sak, i_dag)
        except (SvarFeil, ValueError, KeyError, TypeError):
            continue
        for p in due:
            nokkel = _nokkel(sak, p)
            if nokkel not in sendt:
                ut.append((nokkel, sak, p))
    return ut


def signeringspaaminningar(saker: list[dict], i_dag: date, sendt: set[str]) -> list[tuple[str, str, dict, dict]]:
    """(storage key, role, case, deadline entry) for each party who has not signed an approved
    version whose written deadline is within SIGNERING_DAGAR days or passed (issue 28, item 10):
    once before the deadline, and once when it has passed."""
    ut = []
    for sak in saker:
        if sak.get("status") != "godkjend" or ferdig_signert(sak):
            continue
        try:
            frist = next(p for p in vurdering_for_sak(sak, i_dag)["tidslinje"] if p["kva"] == "skriftleg_frist")
        except (SvarFeil, ValueError, KeyError, TypeError):
            continue
        if (frist["dato"] - i_dag).days > SIGNERING_DAGAR:
            continue
        fase = "forsein" if frist["dato"] < i_dag else "snart"
        for rolle in ROLLAR:
            nokkel = f"signer:{sak['id']}:{sak['versjon']}:{rolle}:{fase}"
            if not signert_av(sak, rolle) and nokkel not in sendt:
                ut.append((nokkel, rolle, sak, frist))
    return ut


def paaminningsepost(nye: list[tuple[str, dict, dict]]) -> Epost:
    """The e-mail, in Nynorsk (epost.yml): typed names as typed in the text, escaped in HTML."""
    return lag_epost("paaminning", {"dagar": NAER_DAGAR},
                     [{"namn": sak["svar"]["arbeidstakar"].get("namn") or "–",
                       "verksemd": sak["svar"]["verksemd"].get("namn") or "–",
                       "kva": kort_tekst(p), "kjelde": p["kjelde"]} for _, sak, p in nye])
