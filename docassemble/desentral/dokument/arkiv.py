"""The archive bundle HR downloads per case (issue 17): the signed PDF/A, the DOCX and a JSON
record of the decision, the versions and the signing — what an agency's archive import (Noark
5: a case file, its registry entries and their documents) needs to file the agreement.

Plain Python; no docassemble import. docs/hr.md «Signing, seal and archive» documents the layout.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

from ..reglar.saker import STATUSAR, tid_no
from ..reglar.signering import ROLLAR, signering, utan_bilete

__all__ = ["FORMAT", "FILNAMN", "arkivpost", "arkivpakke"]

FORMAT = "docassemble.desentral/arkivpost/1"
# The files in the bundle, in this order.
FILNAMN = {"pdf": "avtale.pdf", "docx": "avtale.docx", "post": "arkivpost.json"}


def _dokumentpost(filnamn: str, innhald: bytes, format_: str, **meir) -> dict:
    return {"filnamn": filnamn, "format": format_, "storleik": len(innhald),
            "sha256": hashlib.sha256(innhald).hexdigest(), **meir}


def arkivpost(sak: dict, vurdering, pdf: bytes, docx: bytes, segl: dict) -> dict:
    """The record (JSON-safe): the case, the parties, the decision with its reasons and sources,
    every approved version with its signing record, the documents with their SHA-256, and the
    seal. `segl`: what was stored with the signed documents (`forsegla`, `sertifikat`, `melding`)."""
    svar = sak["svar"]
    rec = signering(sak)
    return {
        "format": FORMAT,
        "laga": tid_no(),
        "sak": {"id": sak["id"], "status": STATUSAR.get(sak["status"], sak["status"]), "versjon": sak["versjon"],
                "tittel": f"Avtale om desentralisert arbeid – {svar['arbeidstakar'].get('namn') or ''}".strip(" –")},
        "partar": {"arbeidstakar": {"namn": svar["arbeidstakar"].get("namn"), "epost": sak.get("epost")},
                   "arbeidsgivar": {"verksemd": svar["verksemd"].get("namn"), "leiar": sak.get("leiar")}},
        "avgjerd": {"situasjon": vurdering["situasjon"], "avtaletype": vurdering["avtaletype"],
                    "grunngjeving": [{"tekst": g["tekst"], "kjelde": g["kjelde"]} for g in vurdering["grunngjeving"]],
                    "ustadfesta_tal": list(vurdering["ustadfesta_tal"])},
        "versjonar": [{"versjon": v["versjon"], "godkjend": v.get("godkjend"), "dokument": v.get("dokument"),
                       "signering": utan_bilete(v.get("signering"))} for v in sak.get("versjonar") or []],
        "signering": {"versjon": rec.get("versjon"),
                      **{r: {k: rec[r].get(k) for k in ("namn", "epost", "tid", "sha256")} for r in ROLLAR
                         if rec.get(r)}},
        "dokument": [_dokumentpost(FILNAMN["pdf"], pdf, "PDF/A-2b", segl=segl),
                     _dokumentpost(FILNAMN["docx"], docx, "DOCX")],
        "historikk": sak["historikk"],
    }


def arkivpakke(sak: dict, vurdering, pdf: bytes, docx: bytes, segl: dict) -> bytes:
    """The ZIP: avtale.pdf, avtale.docx, arkivpost.json (UTF-8, Nynorsk keys)."""
    post = arkivpost(sak, vurdering, pdf, docx, segl)
    ut = io.BytesIO()
    with zipfile.ZipFile(ut, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(FILNAMN["pdf"], pdf)
        z.writestr(FILNAMN["docx"], docx)
        z.writestr(FILNAMN["post"], json.dumps(post, ensure_ascii=False, indent=2, default=str))
    return ut.getvalue()
