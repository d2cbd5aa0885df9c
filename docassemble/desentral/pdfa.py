# do not pre-load
"""A PDF's descriptive metadata, exactly as typed, and the signed agreement's pages (issues 17, 27).

The LaTeX template makes PDF/A-2b (pdfx: output intent, embedded fonts, XMP), but pdfx reads its
XMP fields as LaTeX: a name such as «\\makeatletter\\@gobble» stopped lualatex there, and
«^^M» or «#» came out one way in the XMP and another in the document information. So the
template writes only fixed text into its metadata, and every PDF the package keeps gets its
descriptive fields here, from the stored answers, with pikepdf (qpdf): title, agency
(dc:creator, dc:publisher), employee (dc:contributor), date and language, mirrored into the
document information dictionary as PDF/A requires (ISO 19005-2, 6.6.3) — text is data, never
markup, on every PDF path.
"""
from __future__ import annotations

from io import BytesIO

__all__ = ["skriv_metadata", "legg_til_sider", "sett_produsent", "PRODUSENT"]

# The producer and keywords named in both the XMP and the document information (PDF/A: they
# must agree).
PRODUSENT = "docassemble.desentral"
NOKKELORD = "desentralisert arbeid"


def _open(pdf: bytes):
    import pikepdf  # noqa: PLC0415 - heavy; only where a PDF is written

    return pikepdf.open(BytesIO(pdf))


def _lagre(p) -> bytes:
    import pikepdf  # noqa: PLC0415

    ut = BytesIO()
    # No object streams: the file stays as LaTeX wrote it apart from what was changed.
    p.save(ut, object_stream_mode=pikepdf.ObjectStreamMode.preserve, compress_streams=False)
    return ut.getvalue()


def _skriv(p, tittel: str, verksemd: str, arbeidstakar: str, dato: str) -> None:
    with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["dc:title"] = tittel
        meta["dc:creator"] = [verksemd or "Arbeidsgivaren"]
        meta["dc:publisher"] = {verksemd or "Arbeidsgivaren"}
        meta["dc:contributor"] = {arbeidstakar or "Arbeidstakaren"}
        meta["dc:language"] = {"nn-NO"}
        meta["pdf:Producer"] = PRODUSENT
        # pdfx puts the keywords in dc:subject only; the Info's /Keywords needs pdf:Keywords.
        meta["pdf:Keywords"] = NOKKELORD
        if dato:
            meta["dc:date"] = [dato]


def skriv_metadata(pdf: bytes, tittel: str, verksemd: str, arbeidstakar: str, dato: str = "") -> bytes:
    """The PDF with its descriptive fields set to these values literally (XMP and document
    information alike); the rest of the file is kept."""
    with _open(pdf) as p:
        _skriv(p, tittel, verksemd, arbeidstakar, dato)
        return _lagre(p)



def sett_produsent(pdf: bytes, produsent: str) -> bytes:
    """The PDF with `produsent` as its producer in the XMP and the document information alike."""
    with _open(pdf) as p:
        with p.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["pdf:Producer"] = produsent
        return _lagre(p)


def legg_til_sider(pdf: bytes, tillegg: bytes) -> bytes:
    """`pdf` with the pages of `tillegg` after its own (the signing page after the approved
    agreement): the approved pages, their content and resources are kept as they are."""
    with _open(pdf) as p, _open(tillegg) as t:
        p.pages.extend(t.pages)
        return _lagre(p)
