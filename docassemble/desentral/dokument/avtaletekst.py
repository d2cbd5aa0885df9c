# do not pre-load
"""The approved agreement as text on the signing screen (issue 31): the signer reads on the
screen what they sign, with a screen reader or the keyboard alone, not only through a PDF link.

The text is made from the very bytes that are signed — the approved version's stored DOCX —
by Pandoc's DOCX reader, so the screen cannot show anything else. Pandoc's HTML is then written
again with a short list of elements (headings one level down, under the screen's own heading;
paragraphs, lists, tables, emphasis) and every piece of text through `skjermtekst.skjerm()`, the
one way typed text reaches a screen: nothing in the agreement is read as markup by docassemble
or Markdown. Plain Python; no docassemble import.
"""
from __future__ import annotations

import subprocess
from html.parser import HTMLParser

from .skjermtekst import skjerm
from .typstpdf import PdfFeil, finn_pandoc

__all__ = ["avtale_html", "html_fra_pandoc"]

# Pandoc's element -> the screen's; any other element is left out and its text kept.
_ELEMENT = {"h1": "h2", "h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6", "h6": "h6", "p": "p", "ul": "ul",
            "ol": "ol", "li": "li", "table": "table", "thead": "thead", "tbody": "tbody", "tr": "tr", "th": "th",
            "td": "td", "strong": "strong", "em": "em", "code": "code", "blockquote": "blockquote"}
# Attributes the screen's element gets (docassemble's table style, header cells for screen readers).
_ATTRIBUTT = {"table": ' class="table table-sm"', "th": ' scope="col"'}
# Elements whose content is not text of the agreement (the HTML head, a style, a drawing).
_HOPP_OVER = {"head", "style", "script", "svg"}


class _Omskrivar(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ut: list[str] = []
        self.hopp = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HOPP_OVER:
            self.hopp += 1
        elif tag == "br":
            self.ut.append("<br>")
        elif tag in _ELEMENT:
            self.ut.append(f"<{_ELEMENT[tag]}{_ATTRIBUTT.get(tag, '')}>")

    def handle_endtag(self, tag):
        if tag in _HOPP_OVER:
            self.hopp -= 1
        elif tag in _ELEMENT:
            self.ut.append(f"</{_ELEMENT[tag]}>")

    def handle_data(self, data):
        if not self.hopp:
            self.ut.append(skjerm(" ".join(data.split("\n"))))


def html_fra_pandoc(html: str) -> str:
    """Pandoc's HTML of the agreement as the screen shows it: one line (a Markdown HTML block),
    known elements only, every text through skjerm()."""
    omskrivar = _Omskrivar()
    omskrivar.feed(html)
    omskrivar.close()
    innhald = "".join(omskrivar.ut)
    return f'<section class="desentral-avtaletekst" aria-label="Avtaleteksten">{innhald}</section>'


def avtale_html(docx: bytes, pandoc: str | None = None) -> str:
    """The agreement's text from its DOCX bytes, for the signing screen (html_fra_pandoc)."""
    if pandoc is None:
        try:
            pandoc = finn_pandoc()
        except PdfFeil:
            pandoc = "pandoc"  # any Pandoc reads DOCX; the Typst writer's minimum is not needed
    # Standalone: the title (the DOCX's Title paragraph, which Pandoc reads as the title) is
    # printed first, as in the PDF.
    ut = subprocess.run([pandoc, "--from", "docx", "--to", "html", "--standalone", "--wrap", "none"], input=docx,
                        capture_output=True, timeout=60, check=True)
    return html_fra_pandoc(ut.stdout.decode("utf-8"))
