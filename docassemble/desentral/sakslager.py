# do not pre-load
"""Cases in docassemble's own SQL storage (DAStore under this package's base key).

The rows live in the server's database, so a case survives restarts and every server behind
a load balancer sees the same cases; no file or process state is used. Only the interviews of
this package read them: the employee's interview its own case by the id in its session, the
HR interview (privilege `hr`) all of them.
"""
from __future__ import annotations

from docassemble.base.util import DAStore

__all__ = ["lagre_sak", "hent_sak", "alle_saker", "send_inn_fra_intervju", "varsle_hr"]

BASE = "docassemble.desentral:saker"


def _lager() -> DAStore:
    return DAStore("_desentral_saker", base=BASE)


def lagre_sak(sak: dict) -> dict:
    _lager().set("sak:" + sak["id"], sak)
    return sak


def hent_sak(sak_id: str) -> dict | None:
    return _lager().get("sak:" + str(sak_id))


def alle_saker() -> list[dict]:
    lager = _lager()
    saker = [lager.get(k) for k in lager.keys() if k.startswith("sak:")]
    return sorted((s for s in saker if s), key=lambda s: s["historikk"][-1]["tid"], reverse=True)


# --- What the interviews call (thin: the rules and status changes are in saker.py) ---

def send_inn_fra_intervju(svar: dict, sak_id: str | None, brukar_id, epost: str | None) -> str:
    """Store the employee's answers as a submitted case; returns the case id."""
    from .saker import ny_sak, send_inn  # noqa: PLC0415

    sak = hent_sak(sak_id) if sak_id else None
    if sak is None:
        sak = ny_sak(svar, brukar_id, epost)
    sak = lagre_sak(send_inn(sak, svar))
    varsle_hr(sak)
    return sak["id"]


def varsle_hr(sak: dict) -> bool:
    """E-mail HR where the server has mail configured and `desentral: hr e-post:` is set; the
    case is in HR's list in any case."""
    from docassemble.base.util import get_config, send_email  # noqa: PLC0415

    til = (get_config("desentral") or {}).get("hr e-post")
    if not til or not get_config("mail"):
        return False
    try:
        return bool(send_email(to=til, subject="Ny sak om desentralisert arbeid",
                               body="Ei ny avtale om desentralisert arbeid ventar på handsaming i HR-lista."))
    except Exception:  # noqa: BLE001 - a failed notice must not lose the submission
        return False
