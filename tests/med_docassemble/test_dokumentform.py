"""The agreement's form on paper (issue 13): a draft says so on every page of the PDF and the
DOCX, the DOCX has page numbers and one title, and the signatures never stand alone on the last
page. Assembled by docassemble's own engine with real Pandoc and Typst (and LaTeX, with
DESENTRAL_PDF_VEG=latex: scripts/test.sh --alt)."""
from __future__ import annotations

import copy
import os
import re
import subprocess
import zipfile

import pytest
from motorhjelp import SVAR_HEIMEKONTOR, docx_tekst, gjennom, ny_okt
from pdfa_sjekk import pdfa_feil
from pdftekst import pdftotext

UTKAST = "UTKAST – ikkje godkjent av arbeidsgivaren"


def _vedlegg(motor, utstyr_linjer: int):
    svar = copy.deepcopy(SVAR_HEIMEKONTOR)
    svar["utstyr"]["ordning.utstyr"] = "\n".join(f"Utstyr nr. {i}: berbar PC med lader." for i in range(utstyr_linjer)) \
        or "Berbar PC."
    skjermar = gjennom(ny_okt(motor), svar)
    assert skjermar[-1].id == "avtale-ferdig"
    [vedlegg] = skjermar[-1].vedlegg
    return vedlegg


def _sider(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    n = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [re.sub(r"\s+", " ", pdftotext(pdf, "-f", str(i), "-l", str(i)))
            for i in range(1, n + 1)]


def _docx_del(docx, namn_monster: str) -> str:
    with zipfile.ZipFile(docx) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.fullmatch(namn_monster, n))


def test_utkastet_er_merkt_paa_kvar_side_og_docx_har_sidetal_og_ein_tittel(motor):
    vedlegg = _vedlegg(motor, 60)
    sider = _sider(vedlegg.filer["pdf"])
    assert len(sider) >= 3, "utkastet skulle gå over fleire sider"
    for i, side in enumerate(sider, 1):
        assert UTKAST in side, f"side {i} av PDF-en manglar utkastmerket"
        assert f"Side {i} av {len(sider)}" in side
    # The PDF path's archive level: PDF/A-2a and PDF/UA-1, tagged (Typst; 2b on the LaTeX path).
    assert pdfa_feil(vedlegg.filer["pdf"].read_bytes()) == []
    import pikepdf  # noqa: PLC0415

    with pikepdf.open(vedlegg.filer["pdf"]) as p:  # made the way the config says
        laga_med = str(p.open_metadata().get("xmp:CreatorTool", ""))
    assert ("Typst" in laga_med) == (os.environ.get("DESENTRAL_PDF_VEG") != "latex"), laga_med
    assert sider[0].count("Tilleggsavtale om desentralisert arbeid") == 1
    docx = vedlegg.filer["docx"]
    hovud = _docx_del(docx, r"word/header\d*\.xml")
    assert UTKAST in hovud, "DOCX-en har ikkje utkastmerket i topptekst (kvar side)"
    fot = _docx_del(docx, r"word/footer\d*\.xml")
    assert "PAGE" in fot and "NUMPAGES" in fot and "Side" in fot, "DOCX-en har ikkje sidetal"
    # The document.xml's section refers to both, so Word shows them on every page.
    dokument = _docx_del(docx, r"word/document\.xml")
    assert "w:headerReference" in dokument and "w:footerReference" in dokument
    tekst = docx_tekst(docx)
    assert tekst.count("Tilleggsavtale om desentralisert arbeid") == 1, "tittelen står fleire gonger i DOCX-en"


@pytest.mark.parametrize("linjer", [0, 8, 16, 24, 32, 40])
def test_underskriftene_staar_aldri_aaleine_paa_siste_side(motor, linjer):
    """Whatever the length, the last page holds the last clause as well as the signatures."""
    vedlegg = _vedlegg(motor, linjer)
    siste = _sider(vedlegg.filer["pdf"])[-1]
    assert "Underskrifter" in siste and "Arbeidstakar:" in siste
    assert "Staten er sjølvassurandør" in siste, f"underskriftene står åleine på siste side ({linjer} linjer)"
    # DOCX: the same part is one block that Word keeps together (keep with next, keep lines).
    import docx as python_docx  # noqa: PLC0415

    avsnitt = python_docx.Document(str(vedlegg.filer["docx"])).paragraphs
    held_saman = [p.text for p in avsnitt if p.style.name == "Held saman"]
    assert held_saman and held_saman[0].startswith("Staten er sjølvassurandør")
    assert any(t.startswith("Arbeidstakar:") for t in held_saman)
    stil = python_docx.Document(str(vedlegg.filer["docx"])).styles["Held saman"]
    assert stil.paragraph_format.keep_with_next and stil.paragraph_format.keep_together
