"""Issue 12 in the browser, on the real server: an employee's text never runs in HR's browser or
makes the server fetch anything, HR's text never does so for the employee, a form that posts
variables its page does not ask for changes nothing, registration is limited, and the server's
config is readable by root only."""
from __future__ import annotations

import http.server
import os
import secrets
import stat
import threading
from pathlib import Path

import fiendtleg
import pytest
from docassemble.base.codec import safeid
from nettlesarhjelp import Intervju, docx_tekst, logg_inn, ny_brukar, pdf_tekst
from skjermsjekk import engelsk_pa_skjerm, markup_fra_tekst
from test_fiendtleg import FELT
from test_hr_nettlesar import HR_URL, send_inn_som_arbeidstakar


@pytest.fixture
def lyttar():
    """A listener on 127.0.0.1 that counts every request: none may come (the hostile texts name it
    in [FILE …], [QR …], [EMOJI …] and Markdown images, which the server or the browser would
    fetch if they were read as markup)."""
    treff: list[str] = []

    class Handsamar(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            treff.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    tenar = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handsamar)
    traad = threading.Thread(target=tenar.serve_forever, daemon=True)
    traad.start()
    tenar.treff = treff
    yield tenar
    tenar.shutdown()
    tenar.server_close()


def _verdiar(port: int) -> dict[str, str]:
    """Every hostile value in every long field; in the short fields (200 characters) as many as
    fit, each field starting further on, so every value passes through short fields too. The
    name starts with a word of its own, so HR finds this run's case."""
    skadelege = fiendtleg.skadelege(port)
    ut, start = {}, 0
    for _, label, maks in FELT:
        if maks > 200:
            ut[label] = "\n".join(skadelege)
            continue
        deler: list[str] = [f"T{secrets.token_hex(3)}"] if label == "Namnet ditt" else []
        while len(" ".join(deler + [skadelege[start % len(skadelege)]])) <= maks:
            deler.append(skadelege[start % len(skadelege)])
            start += 1
        ut[label] = " ".join(deler)
    assert start >= len(skadelege), "kvar verdi gjennom minst eitt kort felt"
    return ut


def _trygg(iv: Intervju, port: int):
    """This page: no script from typed text ran, and nothing typed became a tag that runs or loads."""
    assert iv.page.evaluate("window.__x") is None, iv.id
    funne, _ = markup_fra_tekst(iv.page.inner_html("#daquestion"), port)
    assert funne == [], (iv.id, funne)


def _ser(iv: Intervju, *tekstar: str):
    synleg = fiendtleg.bokstavleg(iv.page.inner_text("#daquestion"))
    for tekst in tekstar:
        assert fiendtleg.bokstavleg(tekst) in synleg, (iv.id, tekst[:80])


def test_skadeleg_tekst_fra_tilsett_til_hr_og_tilbake(ny_side, tenar, api_nokkel, hr_brukar, lyttar):
    port = lyttar.server_address[1]
    verdiar = _verdiar(port)
    dialogar: list[str] = []
    tilsett_side, hr_side = ny_side("tilsett"), ny_side("hr")
    for side in (tilsett_side, hr_side):
        side.on("dialog", lambda d: (dialogar.append(d.message), d.dismiss()))

    # The employee types hostile text into every free-text and short-text field.
    logg_inn(tilsett_side, tenar, ny_brukar(tenar, api_nokkel, fornamn="Eva"))
    iv = Intervju(tilsett_side, tenar).start()

    def fyll(skjerm):
        for s, label, _ in FELT:
            if s == skjerm:
                iv.tekst(label, verdiar[label])

    def vidare(skjerm: str, *fyll_pa: str):
        for s in fyll_pa:
            fyll(s)
        iv.hald_fram(skjerm)
        _trygg(iv, port)

    vidare("arbeidstakar")
    fyll("arbeidstakar")
    iv.val("Er du nytilsett i verksemda?", "Nei")
    vidare("verksemd")
    vidare("stad", "verksemd")
    iv.val("Arbeidsstad", "Heimekontor")
    vidare("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    vidare("samtykke", "dagpendling")
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")
    vidare("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", "2021-03-01")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    vidare("periode")
    iv.dato("Startdato for ordninga", "2027-01-01")
    iv.val("Er ordninga tidsavgrensa?", "Ja")
    vidare("sluttdato")
    iv.dato("Sluttdato for ordninga", "2027-12-31")
    vidare("avtaletype")
    vidare("arbeidsstad")
    vidare("omfang", "arbeidsstad")
    iv.val("Omfang", "Ein prosentdel av stillinga")
    iv.tekst("Prosent desentralisert arbeid", "60")
    vidare("tilgjengelegheit", "omfang")
    vidare("arbeidstid", "tilgjengelegheit")
    vidare("utstyr", "arbeidstid")
    vidare("utstyr-ansvar", "utstyr")
    vidare("hms", "utstyr-ansvar")
    vidare("proveperiode")
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
    vidare("vurdering")
    vidare("gjennomgang")
    _ser(iv, verdiar["Namnet ditt"], verdiar["Namn og adresse"], verdiar["Utstyr arbeidsgivaren stiller til rådvelde"])
    # Going back to a field shows exactly what was typed in it (the value is written escaped).
    tilsett_side.locator(".da-review").filter(has_text="Utstyr:").get_by_role("button", name="Endre").click()
    tilsett_side.wait_for_selector("body.question-utstyr")
    _trygg(iv, port)
    for label in ("Utstyr arbeidsgivaren stiller til rådvelde", "Tryggingsreglar som gjeld på arbeidsstaden"):
        assert tilsett_side.get_by_label(label, exact=True).input_value() == verdiar[label]
    vidare("gjennomgang")
    vidare("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    _trygg(iv, port)

    # HR: the list, the case with its checklist and fields, and the draft.
    namn, verksemd = verdiar["Namnet ditt"], verdiar["Verksemda"]
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-saker")
    hr.sjekk()
    _trygg(hr, port)
    _ser(hr, namn, verksemd)
    hr.val("Kva vil du gjere?", "Opne ei innsendt sak")
    [sak_id] = [o.get_attribute("value") for o in hr_side.locator("select option").all()
                if fiendtleg.bokstavleg(o.inner_text()).startswith(fiendtleg.bokstavleg(f"{namn}, {verksemd} ("))]
    hr_side.get_by_label("Sak", exact=True).select_option(value=sak_id)
    hr.hald_fram("hr-sak")
    _trygg(hr, port)
    _ser(hr, namn, "Sjekkliste", "frivilligheit")
    # HR's two fields hold the employee's text exactly.
    assert hr_side.get_by_label("Utstyr arbeidsgivaren stiller til rådvelde", exact=True).input_value() == \
        verdiar["Utstyr arbeidsgivaren stiller til rådvelde"]
    assert hr_side.get_by_label("Tryggingsreglar", exact=True).input_value() == \
        verdiar["Tryggingsreglar som gjeld på arbeidsstaden"]
    utkast = hr.dokument()
    forventa = [verdiar[label] for _, label, maks in FELT if maks > 200]
    assert fiendtleg.manglar_i(pdf_tekst(utkast["pdf"]), forventa) == []

    # The other way: HR returns the case with hostile text in the comment.
    kommentar = "\n".join(fiendtleg.skadelege(port))
    hr.val("Avgjerd", "Returner til arbeidstakaren")
    hr.tekst("Kommentar til arbeidstakaren", kommentar)
    hr.hald_fram("hr-utfort")
    _trygg(hr, port)
    hr.knapp("Tilbake til lista", "hr-saker")
    tilsett_side.goto(f"{tenar}/interviews")
    tilsett_side.get_by_role("link", name="Avtale om desentralisert arbeid").first.click()
    tilsett_side.wait_for_selector("body.question-returnert")
    iv.sjekk()
    _trygg(iv, port)
    _ser(iv, *fiendtleg.skadelege(port))
    vidare("gjennomgang")
    vidare("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")

    # HR completes with hostile text and approves; the employee gets it literally.
    hr_side.reload()
    hr_side.wait_for_selector("body.question-hr-saker")
    hr.val("Kva vil du gjere?", "Opne ei innsendt sak")
    hr_side.get_by_label("Sak", exact=True).select_option(value=sak_id)
    hr.hald_fram("hr-sak")
    hr_tekst = {"Utstyr arbeidsgivaren stiller til rådvelde": "HR: " + kommentar,
                "Tryggingsreglar": "HR-reglar: " + kommentar}
    for label, tekst in hr_tekst.items():
        hr.tekst(label, tekst)
    hr.val("Avgjerd", "Godkjenn avtala")
    hr.hald_fram("hr-utfort")
    _trygg(hr, port)
    tilsett_side.goto(f"{tenar}/interviews")
    tilsett_side.get_by_role("link", name="Avtale om desentralisert arbeid").first.click()
    tilsett_side.wait_for_selector("body.question-avtale-ferdig")
    iv.sjekk()
    _trygg(iv, port)
    endeleg = iv.dokument()
    for tekst in (pdf_tekst(endeleg["pdf"]), docx_tekst(endeleg["docx"])):
        assert fiendtleg.manglar_i(tekst, list(hr_tekst.values())) == []

    assert dialogar == []
    assert lyttar.treff == [], f"tenaren eller nettlesaren henta {lyttar.treff}"


def _forfalsk(iv: Intervju, felt: dict[str, str]):
    """Add form fields the page does not ask for, as an attacker would with the browser's tools."""
    iv.page.evaluate(
        """felt => { const f = document.querySelector('#daform');
                     for (const [namn, verdi] of Object.entries(felt)) {
                       const i = document.createElement('input');
                       i.type = 'hidden'; i.name = namn; i.value = verdi; f.appendChild(i); } }""",
        {safeid(k): v for k, v in felt.items()})


def test_forfalska_felt_paa_kvar_skjerm_endrar_ingenting(ny_side, tenar, api_nokkel, hr_brukar):
    # A's case waits for HR.
    a_namn = f"Anne Offer {secrets.token_hex(3)}"
    a = ny_side("a")
    logg_inn(a, tenar, ny_brukar(tenar, api_nokkel, fornamn="Anne"))
    send_inn_som_arbeidstakar(Intervju(a, tenar).start(), a_namn)
    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-saker")
    [a_id] = [o.get_attribute("value") for o in hr_side.locator("select option").all()
              if o.inner_text().startswith(a_namn)]

    # B answers every screen, and first posts on each one A's case id, the hand-over flags and
    # an answer of another screen: docassemble refuses the page (`restrict input variables`); B
    # gets a Nynorsk message, and «Prøv på nytt» brings back the same screen.
    b = ny_side("b")
    logg_inn(b, tenar, ny_brukar(tenar, api_nokkel, fornamn="Bjarne"))
    iv = Intervju(b, tenar).start()
    forfalska = {"sak_id": a_id, "innsendt": "True", "innsending_stadfesta": "True",
                 "sak_status": "godkjend", "ordning.utstyr": "FORFALSKA"}
    sett: list[str] = []

    def steg(fyll, knapp: str = "Hald fram"):
        fra = iv.id
        fyll()
        _forfalsk(iv, forfalska)
        b.get_by_role("button", name=knapp, exact=True).click()
        b.wait_for_selector("#da-retry")
        tekst = b.inner_text("body")
        assert "Sida kan ikkje visast" in tekst and "vart ikkje lagra" in tekst, tekst
        assert engelsk_pa_skjerm(b.content()) == [] and "allowed fields" not in tekst
        b.get_by_role("link", name="Prøv på nytt").click()
        b.wait_for_selector("#da-retry", state="detached")
        b.wait_for_selector(f"body.question-{fra}")
        iv.sjekk()
        sett.append(fra)
        fyll()
        iv.knapp(knapp)

    ingen = lambda: None  # noqa: E731
    steg(ingen)  # intro
    steg(lambda: (iv.tekst("Namnet ditt", "Bjarne Bakke"), iv.tekst("Stilling", "rådgivar"),
                  iv.tekst("Bustadadressa di", "Vegen 2, 6800 Førde"),
                  iv.val("Er du nytilsett i verksemda?", "Nei")))
    steg(lambda: (iv.tekst("Verksemda", "Direktoratet for døme"), iv.tekst("Den ordinære kontorstaden din", "Oslo")))
    steg(lambda: iv.val("Arbeidsstad", "Eit kontorfellesskap utanfor kontorstrukturen til verksemda"))
    steg(lambda: (iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja"),
                  iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")))
    steg(lambda: (iv.dato("Første arbeidsdag i verksemda", "2020-01-06"), iv.val("Er tilsetjinga mellombels?", "Nei")))
    steg(lambda: (iv.dato("Startdato for ordninga", "2027-02-01"), iv.val("Er ordninga tidsavgrensa?", "Ja")))
    steg(lambda: iv.dato("Sluttdato for ordninga", "2027-12-31"))
    for _ in ("avtaletype",):
        steg(ingen)
    steg(lambda: iv.tekst("Namn og adresse", "Kontorhotellet, Førde"))
    steg(lambda: iv.val("Omfang", "Heile stillinga"))
    for _ in ("tilgjengelegheit", "arbeidstid", "utstyr", "utstyr-ansvar"):
        steg(ingen)
    steg(lambda: iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "1"))  # proveperiode
    steg(ingen)  # vurdering
    steg(ingen)  # gjennomgang
    steg(ingen, "Send til HR")  # innsending
    assert iv.id == "avtale-ferdig"
    assert sett == ["intro", "arbeidstakar", "verksemd", "stad", "samtykke", "tilsetjing", "periode",
                    "sluttdato", "avtaletype", "arbeidsstad", "omfang", "tilgjengelegheit", "arbeidstid",
                    "utstyr", "utstyr-ansvar", "proveperiode", "vurdering", "gjennomgang", "innsending"]
    b_dok = iv.dokument()
    for tekst in (pdf_tekst(b_dok["pdf"]), docx_tekst(b_dok["docx"])):
        assert "Bjarne Bakke" in tekst and a_namn not in tekst and "FORFALSKA" not in tekst

    # A's case is as A sent it, still waiting for HR; B's is a case of its own.
    hr_side.reload()
    hr_side.wait_for_selector("body.question-hr-saker")
    hr = Intervju(hr_side, tenar)
    hr.val("Kva vil du gjere?", "Opne ei innsendt sak")
    hr_side.get_by_label("Sak", exact=True).select_option(value=a_id)
    hr.hald_fram("hr-sak")
    tekst = hr_side.inner_text("body")
    assert a_namn in tekst and "versjon 1" in tekst and "Sendt til HR" in tekst
    assert hr_side.get_by_label("Utstyr arbeidsgivaren stiller til rådvelde", exact=True).input_value() != "FORFALSKA"


def test_registrering_berre_for_domenet(side, tenar):
    side.goto(f"{tenar}/user/register")
    side.get_by_label("E-post", exact=True).fill("nokon@utanfor.test")
    for felt in side.locator("input[type=password]").all():
        felt.fill("Eit-langt-passord-9")
    side.locator("#daform button[type=submit], form button[type=submit]").first.click()
    side.wait_for_load_state("networkidle")
    assert "E-postadresser i dette domenet kan ikkje registrere seg her" in side.inner_text("body")
    assert engelsk_pa_skjerm(side.content()) == []


def test_konfigurasjonen_er_berre_for_root():
    config = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral")) / "config" / "config.yml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert "restrict input variables: True" in config.read_text()
