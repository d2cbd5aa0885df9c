# do not pre-load
"""Which way the PDFs are made, and the assembled files as bytes (issue 29).

docassemble assembles each document from the package's Markdown templates. By default it is
asked for Markdown and DOCX (`valid formats: code: filformat()`), and the PDF is made here from
that Markdown through Pandoc's Typst writer and Typst (typstpdf: PDF/A-2a and PDF/UA-1, tagged,
in this process). An administrator can keep the LaTeX path (docassemble's own pandoc and
lualatex run with desentral.tex, PDF/A-2b, untagged) for one release:

    desentral:
      pdf: latex          # default: typst
      pandoc: /usr/local/bin/pandoc   # optional: the Pandoc (3.5 or newer) the Typst path uses

The DOCX is docassemble's (Pandoc with the reference file) on both paths.
"""
from __future__ import annotations

import threading

from docassemble.base.util import get_config

from .typstpdf import PdfFeil, finn_pandoc, lag_pdf, varm

__all__ = ["pdfveg", "filformat", "ferdige_filer", "bilete_markdown", "PdfFeil", "VEGAR"]

VEGAR = ("typst", "latex")


def _oppsett() -> dict:
    cfg = get_config("desentral") or {}
    return cfg if isinstance(cfg, dict) else {}


def pdfveg() -> str:
    """'typst' (the default) or 'latex' (config `desentral: pdf`)."""
    veg = str(_oppsett().get("pdf") or "typst").strip().lower()
    if veg not in VEGAR:
        raise PdfFeil(f"«desentral: pdf» i konfigurasjonen er «{veg}»; lovlege verdiar er typst og latex.")
    return veg


def filformat() -> list[str]:
    """What docassemble assembles for an attachment: Markdown for the Typst path (the PDF is
    made from it here), docassemble's own PDF on the LaTeX path; DOCX on both."""
    return ["md", "docx"] if pdfveg() == "typst" else ["pdf", "docx"]


def _les(fil) -> bytes:
    with open(fil.path(), "rb") as f:
        return f.read()


def ferdige_filer(dokument) -> dict[str, bytes]:
    """The PDF and DOCX of an assembled attachment (docassemble's DAFileCollection) as bytes.
    On the Typst path the PDF is made from the attachment's Markdown, with the title, draft
    mark and footer of its `metadata`."""
    if pdfveg() == "latex" or not hasattr(dokument, "md"):
        return {"pdf": _les(dokument.pdf), "docx": _les(dokument.docx)}
    meta = dokument.info.get("metadata") or {}
    pandoc = finn_pandoc(_oppsett().get("pandoc"), get_config("pandoc"))
    pdf = lag_pdf(_les(dokument.md).decode("utf-8"), tittel=str(meta.get("title") or dokument.info.get("name", "")),
                        utkast=str(meta.get("utkast") or ""), sidefot=str(meta.get("sidefot") or ""), pandoc=pandoc)
    return {"pdf": pdf, "docx": _les(dokument.docx)}


def _varm_opp() -> None:
    try:
        if pdfveg() == "typst":
            varm()
    except Exception:  # noqa: BLE001 - the PDF itself reports any problem when it is made
        pass


# Loaded by the interviews that make documents: the worker loads Typst's fonts (about 1 s) in
# the background while the person answers, not when the first agreement is waited for.
threading.Thread(target=_varm_opp, name="desentral-typst", daemon=True).start()


def bilete_markdown(fil, breidd: str = "5cm", alt: str = "Underskrift") -> str:
    """A stored image (a drawn signature, DAFile) as a Markdown image with its alt text, which
    the DOCX, the LaTeX PDF and the Typst PDF all read (docassemble's [FILE] markup is not
    Markdown, and the Typst path reads the Markdown docassemble assembled as it is); "" for
    None (a party who signed without drawing)."""
    if fil is None:
        return ""
    return f"![{alt}]({fil.path()}){{width={breidd}}}"
