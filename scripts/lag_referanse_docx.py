#!/usr/bin/env python3
"""Build data/templates/referanse.docx and referanse-utkast.docx: pandoc's own reference document,
made Nynorsk and A4, with page numbers in the footer («Side N av M»); the draft's also carries
«UTKAST – ikkje godkjent av arbeidsgivaren» in the header of every page (issue 13). A paragraph
style «Held saman» keeps the last clause and the signatures on one page.

pandoc takes styles, page set-up, header and footer from the reference document, so the draft
mark and page numbers need no post-processing of the assembled DOCX. Run again after a pandoc
upgrade, with python-docx installed (the docassemble venv has it):
`~/.cache/docassemble-desentral/venv-docassemble/bin/python scripts/lag_referanse_docx.py`.
"""
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

TEMPLATES = Path(__file__).resolve().parents[1] / "docassemble" / "desentral" / "data" / "templates"
UTKAST = "UTKAST – ikkje godkjent av arbeidsgivaren"
A4 = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
      '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="708" '
      'w:footer="708" w:gutter="0"/></w:sectPr>')


def _grunnlag(ut: Path):
    """pandoc's reference.docx with Nynorsk as the language and an A4 page."""
    original = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                              check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d) / "orig.docx"
        tmp.write_bytes(original)
        with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "word/styles.xml":
                    text = data.decode("utf-8")
                    text, n = re.subn(r'<w:lang [^>]*/>', '<w:lang w:val="nn-NO" w:eastAsia="nn-NO" w:bidi="ar-SA" />', text)
                    assert n >= 1, "no w:lang in styles.xml"
                    data = text.encode("utf-8")
                elif item.filename == "word/document.xml":
                    text = data.decode("utf-8")
                    text, n = re.subn(r"<w:sectPr\s*/>|<w:sectPr>.*?</w:sectPr>", A4, text, flags=re.S)
                    assert n == 1, "no sectPr in document.xml"
                    data = text.encode("utf-8")
                elif item.filename == "docProps/core.xml":
                    text = data.decode("utf-8")
                    text = re.sub(r"<dc:language>.*?</dc:language>", "", text)
                    data = text.encode("utf-8")
                dst.writestr(item, data)


def _felt(avsnitt, kode: str):
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when showing the page."""
    run = avsnitt.add_run()
    for typ, tekst in (("begin", None), (None, f" {kode} "), ("separate", None), (None, "1"), ("end", None)):
        if typ:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), typ)
        elif tekst.strip() == "1":
            el = OxmlElement("w:t")
            el.text = tekst
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = tekst
        run._r.append(el)


def lag(ut: Path, utkast: bool):
    _grunnlag(ut)
    d = docx.Document(str(ut))
    seksjon = d.sections[0]
    fot = seksjon.footer.paragraphs[0]
    fot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fot.add_run("Side ")
    _felt(fot, "PAGE")
    fot.add_run(" av ")
    _felt(fot, "NUMPAGES")
    if utkast:
        hovud = seksjon.header.paragraphs[0]
        hovud.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = hovud.add_run(UTKAST)
        run.bold = True
        run.font.size = Pt(11)
        run.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)
    stil = d.styles.add_style("Held saman", WD_STYLE_TYPE.PARAGRAPH)
    stil.base_style = d.styles["Body Text"]
    stil.paragraph_format.keep_with_next = True
    stil.paragraph_format.keep_together = True
    d.save(str(ut))
    print(ut)


def main() -> int:
    lag(TEMPLATES / "referanse.docx", utkast=False)
    lag(TEMPLATES / "referanse-utkast.docx", utkast=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
