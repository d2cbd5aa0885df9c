# do not pre-load
"""The signed agreement's XMP fields, exactly as typed (issue 17).

The LaTeX template makes the PDF/A-2b (pdfx: output intent, embedded fonts, XMP); pdfx reads
its fields from LaTeX text, where a name such as «Dept <b>» comes back with LaTeX's empty
groups («<b>{}»). For the signed agreement, which is archived, the descriptive fields are
written again here from the stored answers, with pikepdf (qpdf), before the seal: title,
agency (dc:creator, dc:publisher), employee (dc:contributor), date and language, mirrored into
the document information dictionary as PDF/A requires (ISO 19005-2, 6.6.3).
"""
from __future__ import annotations

from io import BytesIO

__all__ = ["skriv_xmp"]


def skriv_xmp(pdf: bytes, tittel: str, verksemd: str, arbeidstakar: str, dato: str) -> bytes:
    import pikepdf

    with pikepdf.open(BytesIO(pdf)) as p:
        with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["dc:title"] = tittel
            meta["dc:creator"] = [verksemd or "Arbeidsgivaren"]
            meta["dc:publisher"] = {verksemd or "Arbeidsgivaren"}
            meta["dc:contributor"] = {arbeidstakar or "Arbeidstakaren"}
            meta["dc:language"] = {"nn-NO"}
            if dato:
                meta["dc:date"] = [dato]
        ut = BytesIO()
        # No object streams: the file stays as LaTeX wrote it apart from the metadata.
        p.save(ut, object_stream_mode=pikepdf.ObjectStreamMode.preserve, compress_streams=False)
        return ut.getvalue()
