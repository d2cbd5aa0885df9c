# do not pre-load
"""Cases in docassemble's own SQL storage (DAStore under this package's base key).

The rows live in the server's database, so a case survives restarts and every server behind
a load balancer sees the same cases; no file or process state is used. Only the interviews of
this package read them: the employee's interview only the signed-in user's own case
(`eiga_sak`), the HR interview (privilege `hr`) all of them.
"""
from __future__ import annotations

import secrets
import sys
import time
from contextlib import contextmanager

from redis.exceptions import WatchError

from docassemble.base.util import DARedis, DAStore, get_config

from ..dokument.epost import lag_epost, send_epost
from ..reglar.oversikt import fakta, samandrag
from ..reglar.saker import LAAS_PREFIKS, SakFeil, endra_sidan, ny_sak, send_inn
from ..reglar.sak import Sak
from .varselutsending import send_varsel

__all__ = ["lagre_sak", "hent_sak", "alle_saker", "alle_samandrag", "saker_med_id", "eiga_sak", "sak_i_okta", "send_inn_fra_intervju", "varsle_hr",
           "sak_for_lenkje", "sak_for_oppseiing", "er_hr", "oppdater_sak", "okt_lenkje", "endre_sak", "sak_laas"]

BASE = "docassemble.desentral:saker"
# Every write of a case reads it, checks it and writes it while holding its lock (LAAS_PREFIKS),
# so two writers never both act on the same stored state (compare-and-set; DAStore has none).
LAAS_LEVETID_MS = 15000  # a crashed writer blocks the case for at most this long
LAAS_VENTETID = 20.0


def sakstore() -> DAStore:
    return DAStore("_desentral_saker", base=BASE)


@contextmanager
def sak_laas(sak_id: str):
    """Hold the case's lock while the block reads, checks and writes it. The key holds a random
    token, so only its holder removes it (compare-and-delete in a Redis transaction)."""
    redis, nokkel, merke = DARedis("desentral_redis"), LAAS_PREFIKS + str(sak_id), secrets.token_hex(8)
    slutt = time.monotonic() + LAAS_VENTETID
    while not redis.set(nokkel, merke, nx=True, px=LAAS_LEVETID_MS):
        if time.monotonic() > slutt:
            raise SakFeil("saka er oppteken av ei anna lagring no; prøv att om litt")
        time.sleep(0.05)
    try:
        yield
    finally:
        with redis.pipeline() as pipe:
            try:
                pipe.watch(nokkel)
                if (pipe.get(nokkel) or b"").decode() == merke:
                    pipe.multi()
                    pipe.delete(nokkel)
                    pipe.execute()
                else:
                    pipe.unwatch()
            except WatchError:
                pass


def lagre_sak(sak: dict) -> dict:
    """Write a case as it is (a new case, or inside endre_sak, which holds its lock). `rev`
    counts the writes, so a reader can tell that the case changed. Only a case is written: its
    shape and status are checked by reglar/sak.Sak, the one typed form of it."""
    sak = dict(Sak.fra_dict(sak).til_dict(), rev=int(sak.get("rev") or 0) + 1)
    # What HR's overview counts, from the rules once per write (issue 31: not per view).
    sak["oversikt"] = fakta(sak) if sak.get("status") != "utkast" else None
    lager = sakstore()
    lager.set("sak:" + sak["id"], sak)
    # Beside it, what HR's list and overview read of it: 5,000 of these are read in one query
    # in a tenth of the time the cases take (issue 31, measured).
    lager.set("liste:" + sak["id"], samandrag(sak))
    _memo().pop("samandrag", None)
    return sak


def endre_sak(sak_id: str, endre, sett: dict | None = None, tilgang=None) -> dict:
    """Compare-and-set: under the case's lock, read the case as stored now, refuse (SakFeil) if
    it is not the one the person saw (`sett`: the case as their screen showed it — its version
    and status must still be the same), apply `endre` (a rule: the rule's own checks run on the
    stored case) and write the result. `tilgang(sak)`: whether the signed-in user may act on it."""
    with sak_laas(sak_id):
        sak = hent_sak(sak_id)
        if sak is None or (tilgang is not None and not tilgang(sak)):
            raise SakFeil("fann ikkje saka")
        grunn = endra_sidan(sak, sett)
        if grunn:
            raise SakFeil(grunn)
        ny = lagre_sak(endre(sak))
    # The parties are told once the write is stored and the lock let go (issue 31).
    send_varsel(sak, ny)
    return ny


def hent_sak(sak_id: str) -> dict | None:
    return sakstore().get("sak:" + str(sak_id))


def alle_saker() -> list[dict]:
    """Every case, the latest event first. On a server in one SQL query (issue 30: one query per
    case made HR's list slower with every case); the engine without a server reads them by key."""
    saker = _i_ei_sporjing("sak:")
    if saker is None:
        lager = sakstore()
        saker = [lager.get(k) for k in lager.keys() if k.startswith("sak:")]
    return sorted((s for s in saker if s), key=lambda s: s["historikk"][-1]["tid"], reverse=True)


def alle_samandrag() -> list[dict]:
    """What HR's list and the overview read of every case (oversikt.samandrag), in one query of
    small records. A case stored before its summary existed (0.4.0) is summarised from the case
    (one more query for those), until its next write stores the summary."""
    memo = _memo()
    if "samandrag" in memo:
        return memo["samandrag"]
    samandrag_ = _i_ei_sporjing("liste:")
    if samandrag_ is None:
        lager = sakstore()
        samandrag_ = [samandrag(s) for s in (lager.get(k) for k in lager.keys() if k.startswith("sak:")) if s]
    else:
        har = {s["id"] for s in samandrag_}
        samandrag_ += [samandrag(s) for s in saker_med_id([i for i in _idar_i_ei_sporjing() if i not in har])]
    memo["samandrag"] = samandrag_
    return samandrag_


def _memo() -> dict:
    """The summaries read once per request: HR's page asks for them in its text, in two choices
    and in its check. Kept on the request (flask.g), never longer, and dropped by any write in
    it (lagre_sak); outside a request nothing is kept."""
    try:
        from flask import g, has_request_context  # noqa: PLC0415
    except ImportError:
        return {}
    if not has_request_context():
        return {}
    if not hasattr(g, "desentral_samandrag"):
        g.desentral_samandrag = {}
    return g.desentral_samandrag


def saker_med_id(idar: list[str]) -> list[dict]:
    """The cases with these ids (the page of HR's list), in that order, in one query."""
    if not idar:
        return []
    saker = _i_ei_sporjing(None, ["sak:" + i for i in idar])
    if saker is None:
        saker = [hent_sak(i) for i in idar]
    etter_id = {s["id"]: s for s in saker if s}
    return [etter_id[i] for i in idar if i in etter_id]


def _tabell():
    """docassemble's table behind DAStore (GlobalObjectStorage), or None where no docassemble web
    server runs in this process (the engine, `lag`) or its storage is laid out otherwise."""
    if "docassemble.webapp.server" not in sys.modules:
        return None
    try:
        from docassemble.webapp.daglobal.models import GlobalObjectStorage  # noqa: PLC0415
        from docassemble.webapp.extensions import db  # noqa: PLC0415
        from docassemble.webapp.utils.encryption import unpack_object  # noqa: PLC0415
    except ImportError:
        return None
    return GlobalObjectStorage, db, unpack_object


def _i_ei_sporjing(prefiks: str | None, nyklar: list[str] | None = None) -> list[dict] | None:
    """The values under `prefiks` (or with these keys) straight from the table in one query (this
    store is unencrypted, as DAStore keeps a custom base; an encrypted row is read through
    DAStore), or None without a server."""
    tabell = _tabell()
    if tabell is None:
        return None
    from sqlalchemy import select  # noqa: PLC0415

    gos, db, unpack_object = tabell
    sporjing = select(gos.key, gos.value, gos.encrypted)
    if nyklar is None:
        sporjing = sporjing.where(gos.key.startswith(f"{BASE}:{prefiks}", autoescape=True))
    else:
        sporjing = sporjing.where(gos.key.in_([f"{BASE}:{k}" for k in nyklar]))
    lager = sakstore()
    return [lager.get(k[len(BASE) + 1:]) if kryptert else unpack_object(v) for k, v, kryptert in db.session.execute(sporjing).all()]


def _idar_i_ei_sporjing() -> list[str]:
    """The ids of every stored case: the keys only, not the cases."""
    gos, db, _ = _tabell()
    from sqlalchemy import select  # noqa: PLC0415

    prefiks = f"{BASE}:sak:"
    rader = db.session.execute(select(gos.key).where(gos.key.startswith(prefiks, autoescape=True))).all()
    return [k[len(prefiks):] for (k,) in rader]


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
    sak_id = sakstore().get(_okt_nokkel()) or gammal_sak_id
    return eiga_sak(sak_id)


def send_inn_fra_intervju(svar: dict, gammal_sak_id: str | None = None) -> str:
    """Hand the employee's answers over to HR; returns the case id. The first hand-over from a
    session makes a new case owned by the signed-in user and links it to the session; later ones
    change only that case."""
    from docassemble.base.util import user_info  # noqa: PLC0415

    eigar = _eigar()
    if eigar is None:
        raise SakFeil("du må vere logga inn for å sende saka til HR")
    kontekst = _kontekst()
    # Where the case is answered, so a change opened elsewhere (HR, an evaluation) can link back
    # to it (issue 16); the owner check still applies when the link is opened.
    okt = {"i": kontekst.filename, "session": kontekst.session}
    fyrr = sak_i_okta(gammal_sak_id)
    if fyrr is None:
        sak = lagre_sak(dict(send_inn(ny_sak(svar, eigar, user_info().email), svar), okt=okt))
        sakstore().set(_okt_nokkel(), sak["id"])
    else:
        # The stored case as it is now (HR may have acted meanwhile): send_inn's status check
        # decides, under the case's lock.
        sak = endre_sak(fyrr["id"], lambda s: dict(send_inn(s, svar), okt=okt),
                        tilgang=lambda s: s.get("brukar_id") == eigar)
    varsle_hr(sak)
    return sak["id"]


def varsle_hr(sak: dict) -> bool:
    """E-mail HR where the server has mail configured and `desentral: hr e-post:` is set; the
    case is in HR's list in any case."""
    return send_epost((get_config("desentral") or {}).get("hr e-post"), lag_epost("ny_sak"))


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


def _har_tilgang(sak: dict) -> bool:
    return er_hr() or (sak.get("brukar_id") is not None and sak.get("brukar_id") == _eigar())


def oppdater_sak(sak_id: str, endre, sett: dict | None = None) -> dict:
    """Apply `endre` (a saker/livslop function of the case) to the case as stored now, not to
    the copy a session read earlier, and store it (endre_sak: compare-and-set under the case's
    lock). `sett`: the case as the person's screen showed it; a case changed meanwhile by
    someone else (two HR officers, or HR and the employee) is refused (SakFeil), never
    overwritten. Only the owner or HR may act (sak_for_lenkje's rule)."""
    return endre_sak(sak_id, endre, sett, tilgang=_har_tilgang)
