"""The employee interview in a real browser on the local docassemble server."""
from __future__ import annotations

from nettlesarhjelp import Intervju, docx_tekst, fram_til_stad, logg_inn, pdf_tekst, samtykke_og_periode
from skjermsjekk import engelsk_pa_skjerm


def test_tilleggsavtale_for_heimekontor(side, tenar, brukar):
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Kari Nordmann", nytilsett=False)
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    iv.tekst("Grunngjeving (reisetid, avstand o.l.)", "Om lag fem timar kvar veg.")
    iv.hald_fram("samtykke")
    samtykke_og_periode(iv, "2021-03-01", "2027-01-01", "2027-12-31")
    assert "Rettleiinga 5.3.2" in side.inner_text("body")
    iv.hald_fram("arbeidsstad")
    iv.hald_fram("omfang")  # the home address is the default
    iv.val("Omfang", "Heile stillinga")
    iv.hald_fram("tilgjengelegheit")
    iv.hald_fram("arbeidstid")
    iv.hald_fram("utstyr")
    iv.hald_fram("utstyr-ansvar")
    iv.hald_fram("hms")
    iv.hald_fram("proveperiode")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
    iv.hald_fram("vurdering")
    tekst = side.inner_text("body")
    assert "Tilleggsavtale til arbeidsavtala" in tekst and "1. januar 2027 – 31. mars 2027" in tekst
    iv.hald_fram("gjennomgang")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    filer = iv.dokument()
    for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        assert "Tilleggsavtale om desentralisert arbeid" in tekst
        assert "Kari Nordmann" in tekst and "Storgata 1, 2680 Vågå" in tekst
        assert "frå 1. januar 2027 til og med 31. mars 2027" in tekst
        assert "frist på 2 månader" in tekst
    # axe ran on every screen of the walk (Intervju.sjekk asserts each one on its own).
    assert len(iv.a11y) >= 10 and not any(iv.a11y.values()), iv.a11y


def test_arbeidsavtale_for_nytilsett_i_kontorfellesskap(side, tenar, brukar):
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Ola Nordmann", nytilsett=True)
    iv.val("Arbeidsstad", "Eit kontorfellesskap utanfor kontorstrukturen til verksemda")
    iv.hald_fram("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", "2027-02-01")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    iv.hald_fram("periode")
    iv.dato("Startdato for ordninga", "2027-02-01")
    iv.val("Er ordninga tidsavgrensa?", "Nei")
    iv.hald_fram("fast-kontorstad")
    iv.val("Held du fram med å arbeide fast frå den ordinære kontorstaden ein del av tida?", "Nei")
    iv.hald_fram("avtaletype")
    assert "ei ordinær arbeidsavtale" in side.inner_text("body")
    iv.hald_fram("arbeidsstad")
    iv.tekst("Namn og adresse", "Kontorfellesskapet Hubben, Jernbanegata 2, 2609 Lillehammer")
    iv.hald_fram("omfang")
    iv.val("Omfang", "Heile stillinga")
    iv.hald_fram("tilgjengelegheit")
    iv.hald_fram("arbeidstid")
    iv.hald_fram("utstyr")
    iv.hald_fram("utstyr-ansvar")  # every situation (Rettleiinga 5.3.5)
    iv.hald_fram("vurdering")
    assert "Prøvetid i tilsetjinga:" in side.inner_text("body")
    iv.hald_fram("gjennomgang")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    filer = iv.dokument()
    for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        assert "Arbeidsavtale" in tekst and "Ola Nordmann" in tekst
        assert "frå 1. februar 2027 til og med 31. juli 2027" in tekst
        assert "inneber at arbeidsforholdet blir avslutta" in tekst
        assert "Kontorfellesskapet Hubben" in tekst


def test_avvist_sak_fra_utlandet(side, tenar):
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Kari Nordmann", nytilsett=False)
    iv.val("Arbeidsstad", "Ein stad i utlandet")
    iv.hald_fram("utanfor-omfang")
    tekst = side.inner_text("body")
    assert "Rettleiinga omfattar ikkje arbeid frå utlandet" in tekst and "Rettleiinga 2.1" in tekst
    assert side.locator("a[href*='.pdf'], a[href*='.docx']").count() == 0


def test_gjennomgang_endrar_svar_og_dokument(side, tenar, brukar):
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Kari Nordmann", nytilsett=False)
    iv.val("Arbeidsstad", "Ein annan kontorstad i verksemda")
    iv.hald_fram("samtykke")
    samtykke_og_periode(iv, "2021-03-01", "2027-01-01", None)
    iv.val("Held du fram med å arbeide fast frå den ordinære kontorstaden ein del av tida?", "Ja")
    iv.hald_fram("avtaletype")
    iv.hald_fram("arbeidsstad")
    iv.tekst("Namn og adresse", "Regionkontoret i Bodø")
    iv.hald_fram("omfang")
    iv.val("Omfang", "Faste vekedagar")
    iv.kryss("Vekedagar med desentralisert arbeid", "måndag")
    iv.kryss("Vekedagar med desentralisert arbeid", "torsdag")
    iv.tekst("Når er du på kvar stad (dag, veke eller månad)?", "Tysdag, onsdag og fredag i Oslo.")
    iv.hald_fram("tilgjengelegheit")
    iv.hald_fram("arbeidstid")
    iv.hald_fram("utstyr")
    iv.hald_fram("utstyr-ansvar")
    iv.hald_fram("proveperiode")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "1")
    iv.hald_fram("vurdering")
    iv.hald_fram("gjennomgang")
    assert "Berbar PC, skjerm, tastatur, mus og hovudtelefonar." in side.inner_text("body")
    # Change the equipment from the review screen.
    side.locator(".da-review").filter(has_text="Utstyr:").get_by_role("button", name="Endre").click()
    side.wait_for_selector("body.question-utstyr")
    iv.sjekk()
    iv.tekst("Utstyr arbeidsgivaren stiller til rådvelde", "Berbar PC og mobiltelefon.")
    iv.hald_fram("gjennomgang")
    assert "Berbar PC og mobiltelefon." in side.inner_text("body")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    filer = iv.dokument()
    for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        assert "Berbar PC og mobiltelefon." in tekst
        assert "desentralisert på måndag og torsdag" in tekst
        assert "Berbar PC, skjerm, tastatur" not in tekst


def test_innlogga_brukar_kan_gaa_og_halde_fram(side, tenar, brukar):
    epost, passord = brukar
    side.goto(f"{tenar}/user/sign-in")
    side.screenshot(path=str(side.artefakt / "logg-inn.png"))
    assert engelsk_pa_skjerm(side.content()) == []
    side.get_by_label("E-post", exact=True).fill(epost)
    side.get_by_label("Passord", exact=True).fill(passord)
    side.get_by_role("button", name="Logg inn").click()
    side.wait_for_load_state("networkidle")
    iv = Intervju(side, tenar).start()
    iv.hald_fram("arbeidstakar")
    iv.tekst("Namnet ditt", "Kari Nordmann")
    iv.tekst("Stilling", "seniorrådgivar")
    iv.tekst("Bustadadressa di", "Storgata 1, 2680 Vågå")
    iv.val("Er du nytilsett i verksemda?", "Nei")
    iv.hald_fram("verksemd")
    # Leave: sign out, sign in again, and resume from the list of saved interviews.
    side.goto(f"{tenar}/user/sign-out")
    side.goto(f"{tenar}/user/sign-in")
    side.get_by_label("E-post", exact=True).fill(epost)
    side.get_by_label("Passord", exact=True).fill(passord)
    side.get_by_role("button", name="Logg inn").click()
    side.goto(f"{tenar}/interviews")
    side.screenshot(path=str(side.artefakt / "intervjua-mine.png"))
    assert engelsk_pa_skjerm(side.content()) == []
    side.get_by_role("link", name="Avtale om desentralisert arbeid").first.click()
    side.wait_for_selector("body.question-verksemd")
    iv.sjekk()
    iv.tekst("Verksemda", "Direktoratet for døme")
    iv.tekst("Den ordinære kontorstaden din", "Oslo")
    iv.hald_fram("stad")
    iv.knapp("Tilbake", "verksemd")
    iv.knapp("Tilbake", "arbeidstakar")
    assert side.get_by_label("Namnet ditt", exact=True).input_value() == "Kari Nordmann"
