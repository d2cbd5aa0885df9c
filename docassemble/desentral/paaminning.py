# do not pre-load
"""Daily reminders to HR (issue 16): what falls due on the arrangements, by e-mail, through
docassemble's own scheduler (the `cron_daily` event of data/questions/paaminning.yml).

Each due entry of a case's timeline (tidslinje.forfalne: within 30 days, or a signing deadline
passed before approval) is reminded once; what has been sent is kept in docassemble's SQL storage
(DAStore), so every server of a multi-server install and every reminder session agree. Without a
mail server (`mail`) or HR's address (`desentral: hr e-post`) nothing is sent; HR's list shows
the same dates in any case. The message is composed by pure functions (tested without a server).
"""
from __future__ import annotations

from datetime import date

from .epost import Epost, lag_epost, send_epost
from .livslop import forfalne_for_sak
from .svarfil import SvarFeil
from .tidslinje import NAER_DAGAR, kort_tekst

__all__ = ["nye_paaminningar", "paaminningsepost", "send_paaminningar", "EMNE"]

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


def paaminningsepost(nye: list[tuple[str, dict, dict]]) -> Epost:
    """The e-mail, in Nynorsk (epost.yml): typed names as typed in the text, escaped in HTML."""
    return lag_epost("paaminning", {"dagar": NAER_DAGAR},
                     [{"namn": sak["svar"]["arbeidstakar"].get("namn") or "–",
                       "verksemd": sak["svar"]["verksemd"].get("namn") or "–",
                       "kva": kort_tekst(p), "kjelde": p["kjelde"]} for _, sak, p in nye])


def send_paaminningar(i_dag: date | None = None) -> int:
    """Send what is new today to HR; returns how many entries were reminded (0 without mail)."""
    from docassemble.base.util import DAStore, get_config  # noqa: PLC0415

    from .sakslager import alle_saker  # noqa: PLC0415

    til = (get_config("desentral") or {}).get("hr e-post")
    if not til or not get_config("mail"):
        return 0
    lager = DAStore("_desentral_paaminningar", base="docassemble.desentral:paaminningar")
    sendt = set(lager.keys())
    nye = nye_paaminningar(alle_saker(), i_dag or date.today(), sendt)
    if not nye:
        return 0
    if not send_epost(til, paaminningsepost(nye)):
        return 0  # not marked as sent: tried again at the next run
    for nokkel, _, _ in nye:
        lager.set(nokkel, True)
    return len(nye)
