"""The PDF through Pandoc's Typst writer and Typst (issue 29): which Pandoc, PDF/A-2a and
PDF/UA-1 with their tags, the look (A4, «Side X av Y», the draft mark), typed text printed
literally in the body and the metadata, the signing page joined to the tagged agreement, and
the seal on a PDF/A-2a file. Real Pandoc and Typst; no docassemble."""
from __future__ import annotations

import io
import unicodedata
import shutil
import subprocess
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")
pytest.importorskip("typst")

from docassemble.desentral.dokument import typstpdf
from docassemble.desentral.dokument.avtaledata import trygg
from docassemble.desentral.dokument.pdfa import legg_til_sider, med_seglfelt, sett_produsent, skriv_metadata
from docassemble.desentral.dokument.segl import SEGLFELT, forsegl, oppsett_fra_config, seglprodusent
from docassemble.desentral.dokument.typstpdf import MINSTE_PANDOC, PdfFeil, finn_pandoc, lag_pdf, pandoc_versjon
from fiendtleg import TEX_NAMN, TEX_VERKSEMD, VERDIAR
from pdfa_sjekk import pdfa_feil, xmp
from segltest import lag_ca, valider_segl

AVTALE = """## 1 Partar

Arbeidsgivar: Testverksemda. Arbeidstakar: {namn}.

## 2 Arbeidsstad

| Dag | Stad |
|---|---|
| Måndag | Heimekontor |

{lang}
"""

# Typst's own markup and code, which must print as typed: a typed «#read("/etc/hostname")» that
# Typst ran would put the machine's name into the agreement.
TYPST = ['#read("/etc/hostname")', "#set page(fill: red)", "= Overskrift", "- punkt", "+ tal", "1. ein",
         "/* kommentar */", "// kommentar", "<merke>", "@referanse", "$ x^2 $", "*feit* _skrå_", "`kode`",
         "\\u{1F600}", "#{1 + 1}", "~", "'sitat'", "]", "[", "#", "\\", "--- –", "..."]


def _tekst(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _ein_linje(tekst: str) -> str:
    return " ".join(tekst.split())


def test_pandoc_paa_denne_maskina_er_for_gamal_og_pypandoc_binary_vert_vald():
    system = pandoc_versjon("pandoc")
    vald = finn_pandoc()
    assert pandoc_versjon(vald) >= MINSTE_PANDOC
    if system is not None and system < MINSTE_PANDOC:  # Debian 12: 2.17
        assert vald != shutil.which("pandoc") and "pypandoc" in vald


def test_for_gamal_pandoc_gir_ei_melding_som_namngir_konfigurasjonen(monkeypatch, tmp_path):
    gamal = tmp_path / "pandoc"
    gamal.write_text("#!/bin/sh\necho 'pandoc 3.1.6'\n")
    gamal.chmod(0o755)
    with pytest.raises(PdfFeil, match=r"«desentral: pandoc».*3\.1\.6.*«desentral: pdf: latex»"):
        finn_pandoc(str(gamal))
    # No new enough Pandoc anywhere: docassemble's, PATH's and pypandoc-binary's all too old.
    monkeypatch.setattr(typstpdf, "_pypandoc_binary", lambda: None)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    if (pandoc_versjon(shutil.which("pandoc") or "") or (0,)) >= MINSTE_PANDOC:
        pytest.skip("PATH har ein ny nok Pandoc")
    with pytest.raises(PdfFeil, match=r"pypandoc-binary.*«desentral: pandoc».*«desentral: pdf: latex»"):
        finn_pandoc(None, str(gamal))


def test_avtala_er_pdfa_2a_og_pdfua_1_merkt_paa_nynorsk_a4_med_sidetal():
    lang = "\n\n".join(f"Avsnitt {i}: " + "Arbeidstakaren arbeider frå heimekontoret sitt. " * 12 for i in range(14))
    pdf = lag_pdf(AVTALE.format(namn="Kari Nordmann", lang=lang), tittel="Tilleggsavtale om desentralisert arbeid",
                  utkast="UTKAST – ikkje godkjent av arbeidsgivaren")
    assert pdfa_feil(pdf, "A") == []
    with pikepdf.open(io.BytesIO(pdf)) as p:
        assert len(p.pages) >= 2
        for side in p.pages:
            assert [round(float(x)) for x in side.mediabox] == [0, 0, 595, 842]  # A4
        assert str(p.Root.Lang) == "nn-NO"
        overskrifter = [str(e.S) for e in p.Root.StructTreeRoot.K[0].K if isinstance(e, pikepdf.Dictionary)]
        assert overskrifter[0] == "/H1" and "/H2" in overskrifter and "/Table" in overskrifter
    assert xmp(pdf)["title"].endswith("Tilleggsavtale om desentralisert arbeid")
    sider = _tekst(pdf).split("\f")[:-1]
    for nr, side in enumerate(sider, 1):
        assert f"Side {nr} av {len(sider)}" in side
        assert "UTKAST – ikkje godkjent av arbeidsgivaren" in side


def test_skrive_tekst_blir_ståande_bokstavleg_i_tekst_tittel_og_sidefot():
    verdiar = TYPST + [v for v in VERDIAR if v.isascii()]
    kropp = "\n\n".join(f"Felt {i}: {trygg(v)}" for i, v in enumerate(verdiar))
    pdf = lag_pdf(kropp, tittel='#read("/etc/hostname") $x$ \\', sidefot="Side [1] #x *y*",
                  utkast="<b>UTKAST</b> // 1. = ein")
    tekst = _ein_linje(_tekst(pdf))
    for i, v in enumerate(verdiar):
        assert _ein_linje(f"Felt {i}: {v}") in tekst, v
    assert '#read("/etc/hostname") $x$ \\' in tekst and "Side [1] #x *y*" in tekst
    assert "<b>UTKAST</b> // 1. = ein" in tekst
    vertsnamn = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    if vertsnamn and vertsnamn not in " ".join(verdiar):
        assert vertsnamn not in tekst  # #read(...) was not run
    assert pdfa_feil(pdf, "A") == []


def test_namn_med_tex_og_html_i_metadata_paa_typst_pdf():
    pdf = skriv_metadata(lag_pdf("Tekst.", tittel="Tilleggsavtale"), "Tilleggsavtale", TEX_VERKSEMD, TEX_NAMN)
    felt = xmp(pdf)
    assert felt["creator"] == TEX_VERKSEMD and felt["contributor"] == TEX_NAMN
    assert pdfa_feil(pdf, "A") == []


def test_signeringssida_blir_ein_del_av_strukturtreet_og_seglet_held_pdfa_2a(tmp_path):
    from PIL import Image, ImageDraw

    bilete = tmp_path / "underskrift.png"  # a drawn signature: an image with transparency
    teikning = Image.new("RGBA", (200, 60), (255, 255, 255, 0))
    ImageDraw.Draw(teikning).line([(10, 50), (60, 10), (120, 50), (190, 10)], fill=(0, 0, 0, 255), width=3)
    teikning.save(bilete)
    avtale = lag_pdf(AVTALE.format(namn="Ola", lang="Slutt."), tittel="Tilleggsavtale")
    side = lag_pdf("Signeringssida høyrer til avtala.\n\n| Part | Namn |\n|---|---|\n| Arbeidstakar | Ola |\n\n"
                   f"![Underskrift]({bilete}){{width=5cm}}",
                   tittel="Signeringsside", sidefot="Signeringsside for versjon 1")
    samla = skriv_metadata(legg_til_sider(avtale, side), "Tilleggsavtale", "Verksemda", "Ola")
    assert pdfa_feil(samla, "A") == []
    struktur = subprocess.run(["pdfinfo", "-struct-text", "-"], input=samla, capture_output=True).stdout.decode()
    if not struktur:  # older poppler reads no stdin
        (tmp_path / "s.pdf").write_bytes(samla)
        struktur = subprocess.run(["pdfinfo", "-struct-text", str(tmp_path / "s.pdf")], capture_output=True).stdout.decode()
    assert "Signeringssida høyrer til avtala." in struktur and "Arbeidstakar" in struktur
    assert "Figure" in struktur  # the signature, with its alt text (pdfa_feil: every MCID tagged)
    assert struktur.index("Partar") < struktur.index("Signeringssida høyrer til")
    with pikepdf.open(io.BytesIO(samla)) as p:
        ider = [str(k) for k in pikepdf.NameTree(p.Root.StructTreeRoot.IDTree).keys()]
        assert len(ider) == len(set(ider)) and any(i.startswith("S") for i in ider)
        assert p.open_metadata()["{http://ns.adobe.com/xap/1.0/t/pg/}NPages"] == str(len(p.pages))

    filer = lag_ca(tmp_path / "ca")
    oppsett = oppsett_fra_config({"segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(filer["nykel"])})
    klar = med_seglfelt(sett_produsent(samla, seglprodusent()), SEGLFELT, "Segl frå arbeidsgivaren")
    forsegla = forsegl(klar, oppsett, "Test")
    assert forsegla.startswith(klar)
    status = valider_segl(forsegla, filer["ca"])
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert pdfa_feil(forsegla, "A") == []
    with pikepdf.open(io.BytesIO(forsegla)) as p:
        meta = p.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "A")
        assert meta["pdf:Producer"] == str(p.docinfo["/Producer"])


def test_ein_kompilator_per_prosess():
    # The fonts are loaded once per process (about 1 s); each PDF after reuses the compiler.
    lag_pdf("Oppvarming.", tittel="T")
    kompilator = typstpdf._kompilator
    lag_pdf(AVTALE.format(namn="Ola", lang="Slutt."), tittel="T")
    assert kompilator is not None and typstpdf._kompilator is kompilator


def test_kombinerande_teikn_blir_samansette_i_pdf_teksten():
    """«e» + U+0301 (as macOS sends it) reads as «é» in the PDF's text (composed before Typst)."""
    tekst = _tekst(lag_pdf("Namn: " + trygg("Andre\u0301 Bjo\u0308rk Aa\u030as"), tittel="T"))
    assert "Namn: André Björk Aås" in unicodedata.normalize("NFC", tekst)


@pytest.mark.xfail(strict=True, reason="typst/typst#8767: a letter and a combining mark with no composed form "
                                       "(n + U+0308) come out twice in the PDF's text; strict, so a fixed Typst shows")
def test_kombinerande_teikn_utan_samansett_form():
    tekst = _tekst(lag_pdf("Namn: " + trygg("n\u0308 q\u0303"), tittel="T"))
    assert "Namn: n\u0308 q\u0303" in unicodedata.normalize("NFC", tekst)
