# do not pre-load
"""Cases in docassemble's own SQL storage (DAStore under this package's base key).

The rows live in the server's database, so a case survives restarts and every server behind
a load balancer sees the same cases; no file or process state is used. Only the interviews of
this package read them: the employee's interview only the signed-in user's own case
(`eiga_sak`), the HR interview (privilege `hr`) all of them.
"""
from __future__ import annotations

from docassemble.base.util import DAStore

__all__ = ["lagre_sak", "hent_sak", "alle_saker", "eiga_sak", "sak_i_okta", "send_inn_fra_intervju", "varsle_hr",
           "sak_for_lenkje", "sak_for_oppseiing", "er_hr", "oppdater_sak", "okt_lenkje"]

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


# --- What the employee's interview calls: only the signed-in owner's own case ---
# docassemble sets any variable a form posts unless the server restricts input variables
# (`restrict input variables`), so the interview keeps no case id in its answers: the case
# handed over from a session is found on the server, by the session, and every read and write
# checks the case's owner against the signed-in user, both taken from docassemble
# (`user_info()`), never from what a form posts.

def _eigar() -> int | None:
    """The signed-in user's id, or None for a visitor who has not signed in."""
    from docassemble.base.util import user_info, user_logged_in  # noqa: PLC0415

    return user_info().id if user_logged_in() else None


def _kontekst():
    # current_context(), not user_info(): docassemble 1.10 deprecates user_info().session.
    from docassemble.base.util import current_context  # noqa: PLC0415

    return current_context()


def _okt_nokkel() -> str:
    kontekst = _kontekst()
    return f"okt:{kontekst.filename}:{kontekst.session}"


def okt_lenkje(sak: dict) -> str | None:
    """A link to the employee's own session of the case, where its answers are changed; None for
    cases handed over before 0.4.0 (the employee finds them under «Intervjua mine»)."""
    from docassemble.base.util import interview_url  # noqa: PLC0415

    okt = sak.get("okt")
    return interview_url(i=okt["i"], session=okt["session"], local=True) if okt else None


def eiga_sak(sak_id: str | None) -> dict | None:
    """The case with this id if it belongs to the signed-in user; otherwise None (an unknown id,
    another person's case, or no one signed in), and nothing of another case is read."""
    eigar = _eigar()
    if not sak_id or eigar is None:
        return None
    sak = hent_sak(sak_id)
    return sak if sak is not None and sak.get("brukar_id") == eigar else None


def sak_i_okta(gammal_sak_id: str | None = None) -> dict | None:
    """The signed-in user's case handed over from this session, or None. `gammal_sak_id`: the id
    that sessions of version 0.2.0 and earlier kept among their answers; it counts only if no
    case is linked to the session yet and it is the user's own."""
    sak_id = _lager().get(_okt_nokkel()) or gammal_sak_id
    return eiga_sak(sak_id)


def send_inn_fra_intervju(svar: dict, gammal_sak_id: str | None = None) -> str:
    """Hand the employee's answers over to HR; returns the case id. The first hand-over from a
    session makes a new case owned by the signed-in user and links it to the session; later ones
    change only that case."""
    from docassemble.base.util import user_info  # noqa: PLC0415

    from .saker import SakFeil, ny_sak, send_inn  # noqa: PLC0415

    eigar = _eigar()
    if eigar is None:
        raise SakFeil("du må vere logga inn for å sende saka til HR")
    sak = sak_i_okta(gammal_sak_id) or ny_sak(svar, eigar, user_info().email)
    sak = send_inn(sak, svar)
    # Where the case is answered, so a change opened elsewhere (HR, an evaluation) can link back
    # to it (issue 16); the owner check still applies when the link is opened.
    kontekst = _kontekst()
    sak["okt"] = {"i": kontekst.filename, "session": kontekst.session}
    sak = lagre_sak(sak)
    _lager().set(_okt_nokkel(), sak["id"])
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


# --- The notice interview (oppseiing.yml): the owner's own case, or any case for HR ---

def er_hr() -> bool:
    from docassemble.base.util import user_has_privilege, user_logged_in  # noqa: PLC0415

    return bool(user_logged_in() and user_has_privilege(["hr", "admin"]))


def sak_for_lenkje(sak_id: object) -> dict | None:
    """The case named in the link, if the signed-in user may act on it (notice, change,
    evaluation, earlier versions): its owner, or HR. The id comes from a URL anyone can edit, so
    it is checked here."""
    if not isinstance(sak_id, str) or not sak_id:
        return None
    if er_hr():
        return hent_sak(sak_id)
    return eiga_sak(sak_id)


sak_for_oppseiing = sak_for_lenkje  # the name 0.3.0's notice sessions call


def oppdater_sak(sak_id: str, endre) -> dict:
    """Apply `endre` (a saker/livslop function of the case) to the case as stored now, not to
    the copy a session read earlier, and store it: a case changed meanwhile by someone else (two
    HR officers, or HR and the employee) is refused by the rule's own status check (SakFeil)
    instead of being overwritten."""
    from .saker import SakFeil  # noqa: PLC0415

    sak = sak_for_lenkje(sak_id)
    if sak is None:
        raise SakFeil("fann ikkje saka")
    return lagre_sak(endre(sak))
