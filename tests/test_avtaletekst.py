"""The agreement's text on the signing screen (issue 31): made from the approved DOCX bytes, every
piece of text through skjerm(), only known elements, headings under the screen's own."""
import html
import re
import subprocess

from fiendtleg import VERDIAR

from docassemble.desentral.dokument.avtaletekst import avtale_html, html_fra_pandoc
from docassemble.desentral.dokument.avtaledata import trygg
from docassemble.desentral.dokument.typstpdf import finn_pandoc


def _tekst(section: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", section))


def test_berre_kjende_element_og_tekst_som_teiknreferansar():
    ut = html_fra_pandoc('<html><head><title>T</title><style>p{}</style></head><body>'
                         '<h1>Tittel</h1><p>[FILE http://x] *a* ${x} &lt;script&gt;</p>'
                         '<p><img src="media/a.png" alt="x"><a href="javascript:alert(1)">lenkje</a></p>'
                         '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
                         '</body></html>')
    assert ut.startswith('<section class="desentral-avtaletekst" aria-label="Avtaleteksten">') and "\n" not in ut
    assert "<h2>Tittel</h2>" in ut and '<table class="table table-sm">' in ut and '<th scope="col">A</th>' in ut
    # No element Pandoc did not make for text: no image, link, style or script; the head left out.
    assert not re.search(r"<(img|a|style|script|title)\b", ut) and "p{}" not in ut
    # What docassemble or Markdown would read as markup is a character reference.
    for ra in ("[FILE", "*a*", "${x}", "<script>"):
        assert ra not in ut, ra
    assert "[FILE http://x] *a* ${x} <script>" in _tekst(ut) and "lenkje" in _tekst(ut)


def test_skadeleg_tekst_fraa_docx_kjem_fram_bokstavleg():
    kjelde = "# Avtale\n\n" + "\n\n".join(f"Felt {i}: {trygg(v)}" for i, v in enumerate(VERDIAR))
    docx = subprocess.run([finn_pandoc(), "--from", "markdown", "--to", "docx"], input=kjelde.encode(),
                          capture_output=True, check=True).stdout
    tekst = " ".join(_tekst(avtale_html(docx)).split())
    for i, v in enumerate(VERDIAR):
        assert " ".join(f"Felt {i}: {v}".split()) in tekst, v
