# do not pre-load
"""An agreement is assembled once and kept (issue 18).

Assembly (pandoc and lualatex for the PDF, pandoc for the DOCX) is what the person waits for:
about 3.6 s of the 4.3-5.0 s the click «Send til HR» took on the local server (py-spy profile
of the gunicorn workers), and HR's case page assembled the draft again on every view. Here the
documents are kept by their content: the key is a hash of everything the templates print (the
`Avtaledata`) and of the templates themselves, so the same agreement is never assembled twice,
whoever asks (the employee, HR, a second HR officer, another server), and a changed answer or a
new template makes a new key. The files live in docassemble's SQL storage (DAStore, beside the
cases: shared by every server in multi-server mode), each view gets its own session copies
through DAFile (docassemble's file storage; never a local path).

While the employee reads the review screen, the draft is assembled in docassemble's background
worker (`background_action`, Celery); the click that hands the case over then finds it stored,
or waits for the running assembly instead of starting a second one beside it.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from redis.exceptions import WatchError

from docassemble.base.util import DAFileCollection, DARedis, DAStore, background_action, current_context, log

from .. import __version__
from ..dokument.dokumentformat import ferdige_filer
from ..dokument.pdfa import skriv_metadata
from .signeringslager import samling

__all__ = ["dokumentnokkel", "lagra_avtaledokument", "lagre_avtaledokument", "start_forhandsmontering", "er_lagra",
           "forhandsmontering_byrjar", "rydd_lagra_dokument", "FORMAT", "BEHALD_DAGAR"]

# On the LaTeX path (config `desentral: pdf: latex`, dokumentformat), lualatex runs in
# docassemble's temporary folder, where docassemble leaves every assembled
# PDF and DOCX until its hourly clean-up: with TeX Live's case-insensitive search on, each file
# lualatex probes for and does not find lists that folder (strace: 1 374 listings of 2 200
# entries per run). One pass took 2.35 s there and 1.53 s with the search off, 1.75 s and
# 1.48 s in an empty folder. Set only where the server has no value of its own (an
# administrator's environment wins); the search only helps file names typed in the wrong case.
os.environ.setdefault("texmf_casefold_search", "0")

BASE = "docassemble.desentral:dokument"
FORMAT = ("pdf", "docx")
# What the documents are made from besides the data: the templates and the attachment blocks.
_MALAR = ("data/templates", "data/questions/avtaledokument.yml")
# How long the click waits for an assembly already running in the worker before it assembles
# itself; a running assembly takes about 4 s on this kind of machine.
VENTETID = 20.0
# Kept documents are a cache (the same content is assembled again on demand): the nightly job
# deletes those assembled longer ago than this, so the store does not grow with every draft.
BEHALD_DAGAR = 30
# A marker lives this long, so a crashed worker never blocks anything for longer.
MERKE_LEVETID = 120


def _lager() -> DAStore:
    return DAStore("_desentral_dokument", base=BASE)


def _malversjon() -> str:
    """A hash of the package's template files: a new template means new documents."""
    rot = Path(__file__).resolve().parents[1]  # the package, above lager/
    h = hashlib.sha256(__version__.encode())
    for del_ in _MALAR:
        sti = rot / del_
        for fil in sorted(sti.rglob("*")) if sti.is_dir() else [sti]:
            if fil.is_file():
                h.update(fil.name.encode())
                h.update(fil.read_bytes())
    return h.hexdigest()


def dokumentnokkel(avtale) -> str:
    """The key of an agreement's documents: its data (Avtaledata) and the templates."""
    data = json.dumps(dataclasses.asdict(avtale), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((_malversjon() + "\n" + data).encode()).hexdigest()


def _merke(nokkel: str) -> str:
    return f"desentral:monterer:{nokkel}"


def _byt(redis, merke: str, til: str, *fra: str) -> bool:
    """Compare and set: the marker becomes `til` only when it now holds one of `fra` ("" = no
    marker), in one Redis transaction (WATCH/MULTI; a change in between makes it fail).
    Markers: "bestilt" (queued for the worker), "monterer:<session>" (the worker assembles),
    "framme:<session>" (a request assembles while its person waits)."""
    with redis.pipeline() as pipe:
        try:
            pipe.watch(merke)
            if (pipe.get(merke) or b"").decode() not in fra:
                pipe.unwatch()
                return False
            pipe.multi()
            pipe.set(merke, til, ex=MERKE_LEVETID)
            pipe.execute()
            return True
        except WatchError:
            return False


def _okt() -> str:
    return str(current_context().session or "")


def _hent(nokkel: str) -> dict | None:
    return _lager().get("dok:" + nokkel)


def _finst(nokkel: str) -> bool:
    return bool(_lager().defined("dok:" + nokkel))


def _samling(variabel: str, post: dict) -> DAFileCollection:
    """The stored documents as docassemble's attachment object, with this session's files."""
    return samling(variabel, post["info"], {e: base64.b64decode(post[e]) for e in FORMAT})


def er_lagra(avtale) -> bool:
    return _finst(dokumentnokkel(avtale))


def lagra_avtaledokument(avtale) -> DAFileCollection | None:
    """The agreement's stored documents (as `avtaledokument`), or None when this request is to
    assemble them. A task still queued for the worker is taken over (the worker then skips it):
    two assemblies side by side on two cores made the click slower than one. While the worker or
    another request assembles the same documents, waits for them (up to VENTETID)."""
    nokkel = dokumentnokkel(avtale)
    redis, merke, eigen = DARedis("desentral_redis"), _merke(nokkel), f"framme:{_okt()}"
    slutt = time.monotonic() + VENTETID
    while True:
        post = _hent(nokkel)
        if post is not None:
            return _samling("avtaledokument", post)
        # docassemble runs the calling block again after assembling: its own marker lets it on.
        if _byt(redis, merke, eigen, "", "bestilt", eigen):
            post = _hent(nokkel)  # stored between the look and the take-over
            return _samling("avtaledokument", post) if post is not None else None
        if time.monotonic() >= slutt:
            return None
        time.sleep(0.2)


def lagre_avtaledokument(avtale, dokument: DAFileCollection) -> DAFileCollection:
    """Keep the documents docassemble just assembled for this agreement (the click's request or
    the background worker), with what docassemble shows of them, and end its marker; returns the
    kept documents as this session's files. The PDF's descriptive fields are written here,
    literally, from the answers (pdfa.skriv_metadata; the LaTeX template writes fixed text only)."""
    nokkel = dokumentnokkel(avtale)
    # `laga`: when, so that old entries can be pruned (safe: they are assembled again on demand).
    post = {"info": {k: dokument.info[k] for k in ("name", "filename", "description") if k in dokument.info},
            "laga": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    filer = ferdige_filer(dokument)
    m = avtale.pdf_metadata
    filer["pdf"] = skriv_metadata(filer["pdf"], m["tittel"], m["verksemd"], m["arbeidstakar"])
    for ending in FORMAT:
        post[ending] = base64.b64encode(filer[ending]).decode("ascii")
    _lager().set("dok:" + nokkel, post)
    DARedis("desentral_redis").delete(_merke(nokkel))
    return _samling("avtaledokument", post)


def start_forhandsmontering(avtale, hending: str = "forhandsmonter_dokument") -> bool:
    """Ask docassemble's background worker to assemble the agreement now, unless it is stored
    or already on its way. Returns whether a task was started. Without a worker (docassemble's
    engine alone) nothing starts, and the documents are assembled when they are asked for."""
    nokkel = dokumentnokkel(avtale)
    if _finst(nokkel):
        return False
    redis = DARedis("desentral_redis")
    # SET NX: of two requests at once (two servers), one starts the task.
    if not redis.set(_merke(nokkel), b"bestilt", nx=True, ex=MERKE_LEVETID):
        return False
    try:
        background_action(hending)
    except Exception as feil:  # noqa: BLE001 - no worker: assembled in the foreground instead
        redis.delete(_merke(nokkel))
        log(f"desentral: førehandsmontering ikkje starta ({feil.__class__.__name__})")
        return False
    return True


def forhandsmontering_byrjar(avtale) -> bool:
    """In the worker, before assembly: whether the task is still this worker's to do (not taken
    over by the click meanwhile). The click that comes later waits for this one."""
    eigen = f"monterer:{_okt()}"
    return _byt(DARedis("desentral_redis"), _merke(dokumentnokkel(avtale)), eigen, "bestilt", eigen)


def rydd_lagra_dokument(dagar: int = BEHALD_DAGAR, no: datetime | None = None) -> int:
    """Delete the kept documents assembled more than `dagar` days before `no` (docassemble's
    cron_daily, paaminning.yml); returns how many. Signed agreements are kept elsewhere
    (signeringslager) and never here only."""
    grense = (no or datetime.now(timezone.utc)) - timedelta(days=dagar)
    lager, talde = _lager(), 0
    for nokkel in lager.keys():
        post = lager.get(nokkel) if nokkel.startswith("dok:") else None
        if post is not None and datetime.fromisoformat(post["laga"]) < grense:
            lager.delete(nokkel)
            talde += 1
    return talde
