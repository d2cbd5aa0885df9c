"""A PDF's text as pdftotext gives it, with Typst's hyphenation undone (issue 29).

Typst breaks words with a soft hyphen (U+00AD), which pdftotext keeps at the end of the line:
«ut\u00ad» / «styr». A reader, a screen reader and a copy see one word; so do the tests. A break
across a page (the footer between the halves) is left as two parts.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

__all__ = ["utan_orddeling", "pdftotext"]

_DELING = re.compile(r"\u00ad\r?\n[ \t]*(?=[^\W\d_])")


def utan_orddeling(tekst: str) -> str:
    """`tekst` with each word that a line break split (soft hyphen at the line end) whole again."""
    return _DELING.sub("", tekst).replace("\u00ad", "")


def pdftotext(pdf: bytes | Path | str, *args: str) -> str:
    """pdftotext's text of `pdf` (bytes or a path; `args` before the file, e.g. "-layout"),
    hyphenation undone."""
    if isinstance(pdf, bytes):
        ut = subprocess.run(["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True).stdout
    else:
        ut = subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, check=True).stdout
    return utan_orddeling(ut.decode("utf-8"))
