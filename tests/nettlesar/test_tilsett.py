"""The employee interview in a real browser on the local docassemble server."""
from __future__ import annotations

from nettlesarhjelp import Intervju, docx_tekst, pdf_tekst


def fram_til_stad(iv: Intervju, namn: str, nytilsett: bool):
    assert iv.id == "intro"
    iv.hald_fram("arbeidstakar")
    iv.tekst("Namnet ditt", namn)
    iv.tekst("Stilling", "seniorrådgivar")
    iv.tekst("Bustadadressa di", "Storgata 1, 2680 Vågå")
    iv.val("Er du nytilsett i verksemda?", "Ja" if nytilsett else "Nei")
    iv.hald_fram("verksemd")
    iv.tekst("Verksemda", "Direktoratet for døme")
    iv.tekst("Den ordinære kontorstaden din", "Oslo")
    iv.hald_fram("stad")


def test_tilleggsavtale_for_heimekontor(side, tenar):
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Kari Nordmann", nytilsett=False)
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    iv.tekst("Grunngjeving (reisetid, avstand o.l.)", "Om lag fem timar kvar veg.")
    iv.hald_fram("samtykke")
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")
    iv.hald_fram("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", "2021-03-01")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    iv.hald_fram("periode")
    iv.dato("Startdato for ordninga", "2027-01-01")
    iv.val("Er ordninga tidsavgrensa?", "Ja")
    iv.hald_fram("sluttdato")
    iv.dato("Sluttdato for ordninga", "2027-12-31")
    iv.hald_fram("avtaletype")
    assert "Rettleiinga 5.3.2" in side.inner_text("body")
    iv.hald_fram("arbeidsstad")
    iv.hald_fram("omfang")  # the home address is the default
    iv.val("Omfang", "Heile stillinga")
    iv.hald_fram("tilgjengelegheit")
    iv.hald_fram("arbeidstid")
    iv.hald_fram("utstyr")
    iv.hald_fram("heimekontor")
    iv.hald_fram("hms")
    iv.hald_fram("proveperiode")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
    iv.hald_fram("vurdering")
    tekst = side.inner_text("body")
    assert "Tilleggsavtale til arbeidsavtala" in tekst and "1. januar 2027 – 31. mars 2027" in tekst
    iv.hald_fram("gjennomgang")
    iv.hald_fram("avtale-ferdig")
    filer = iv.dokument()
    for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        assert "Tilleggsavtale om desentralisert arbeid" in tekst
        assert "Kari Nordmann" in tekst and "Storgata 1, 2680 Vågå" in tekst
        assert "frå 1. januar 2027 til og med 31. mars 2027" in tekst
        assert "frist på 2 månader" in tekst
    print(iv.a11y)
