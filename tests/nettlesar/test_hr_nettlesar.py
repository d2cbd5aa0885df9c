"""Three users on the real server: employee A submits, HR returns with a comment, A changes and
resubmits, HR approves and downloads the final documents. Employee B and an anonymous visitor
are refused on the HR interview and on A's case. The case survives a server restart."""
from __future__ import annotations

import os
import re
import secrets
import subprocess

import pytest

from nettlesarhjelp import (ROOT, Intervju, docx_tekst, fram_til_stad, heil_url, logg_inn, ny_brukar, pdf_tekst,
                            samtykke_og_periode)
from pdftekst import pdftotext
from skjermsjekk import engelsk_pa_skjerm

from docassemble.desentral.lager.hrliste import PER_SIDE

HR_URL = "/interview?i=docassemble.desentral:data/questions/hr.yml"


def send_inn_som_arbeidstakar(iv: Intervju, namn: str, fra: str = "2027-03-01", til: str = "2028-02-29",
                              mellombels_til: str | None = None, berre_til_gjennomgang: bool = False,
                              leiar_epost: str | None = None, kommune: str | None = None):
    """A home office from `fra` to `til` (tilleggsavtale), sent to HR; a temporary employment
    to `mellombels_til` if given. `berre_til_gjennomgang`: stop on the review screen.
    `leiar_epost`: the leader the employee names to sign for the employer."""
    fram_til_stad(iv, namn, nytilsett=False, bustad="Fjellvegen 3, 6900 Florø", leiar_epost=leiar_epost)
    fra_stad_til_innsending(iv, fra, til, mellombels_til, berre_til_gjennomgang, kommune)


def fra_stad_til_innsending(iv: Intervju, fra: str = "2027-03-01", til: str = "2028-02-29",
                            mellombels_til: str | None = None, berre_til_gjennomgang: bool = False,
                            kommune: str | None = None):
    """send_inn_som_arbeidstakar from the choice of place on; `kommune`: the municipality chosen
    on the place's screen, as the list shows it («Bergen (4601)»)."""
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    iv.hald_fram("samtykke")
    samtykke_og_periode(iv, "2019-08-01", fra, til, mellombels_til)
    iv.hald_fram("arbeidsstad")
    if kommune:
        iv.page.get_by_label("Kommune", exact=True).select_option(label=kommune)
    iv.hald_fram("omfang")
    iv.val("Omfang", "Heile stillinga")
    for skjerm in ("tilgjengelegheit", "arbeidstid", "utstyr", "utstyr-ansvar", "hms", "proveperiode"):
        iv.hald_fram(skjerm)
    iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "3")
    iv.hald_fram("vurdering")
    iv.hald_fram("gjennomgang")
    if berre_til_gjennomgang:
        return
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    assert "Saka er sendt til HR" in iv.page.inner_text("body")


def sak_url(side, tenar) -> str:
    """The signed-in employee's case, as «Intervjua mine» links to it."""
    side.goto(f"{tenar}/interviews")
    return heil_url(tenar, side.get_by_role("link", name="Avtale om desentralisert arbeid").first.get_attribute("href"))


def godkjende_saker(ny_side, tenar, api_nokkel, hr_brukar, *tilsette):
    """Each employee (first name, name in the case, send_inn_som_arbeidstakar's dates) signs up,
    sends a home office to HR and notes the case's URL; then HR signs in and approves them in
    order. Returns ([(page, Intervju, case URL) per employee], HR's page, HR's Intervju)."""
    ut = []
    for nr, (fornamn, namn, datoar) in enumerate(tilsette):
        side = ny_side("abcdefgh"[nr])
        logg_inn(side, tenar, ny_brukar(tenar, api_nokkel, fornamn=fornamn))
        iv = Intervju(side, tenar).start()
        send_inn_som_arbeidstakar(iv, namn, **datoar)
        ut.append((side, iv, sak_url(side, tenar)))
    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    for _, namn, _ in tilsette:
        godkjenn_som_hr(hr, namn)
    return ut, hr_side, hr


def opne_sak_som_hr(hr: Intervju, namn: str) -> str:
    """HR opens the submitted case of `namn` from the list; returns the case's id (the choice's
    value)."""
    hr.page.goto(hr.url + HR_URL)
    hr.page.wait_for_selector("body.question-hr-saker")
    hr.sjekk()
    assert namn in hr.page.inner_text("body")
    hr.val("Kva vil du gjere?", "Opne ei innsendt sak")
    # Each choice names the case (name, agency, e-mail, day sent, version), so HR can tell them apart.
    [val] = [o.get_attribute("value") for o in hr.page.get_by_label("Sak", exact=True).locator("option").all()
             if o.inner_text().startswith(f"{namn}, Direktoratet for døme (")]
    hr.page.get_by_label("Sak", exact=True).select_option(value=val)
    hr.hald_fram("hr-sak")
    tekst = hr.page.inner_text("body")
    assert "Sjekkliste" in tekst and "frivilligheit" in tekst and "Rettleiinga 5.3.2" in tekst
    return val


def godkjenn_som_hr(hr: Intervju, namn: str):
    """HR approves the submitted case of `namn` (a tilleggsavtale) and goes back to the list."""
    opne_sak_som_hr(hr, namn)
    hr.tekst("Tryggingsreglar", "Reglane for informasjonstryggleik i verksemda gjeld.")
    hr.val("Avgjerd", "Godkjenn avtala")
    hr.hald_fram("hr-utfort")
    hr.knapp("Tilbake til lista", "hr-saker")


def _rader(hr: Intervju, *namn: str) -> list[list[str]]:
    """The rows of the list's page on screen; with `namn`, also those of the pages after it, as
    HR follows «Neste side» until every one named is found (the list shows PER_SIDE a page)."""
    rader = [[c.inner_text().strip() for c in r.locator("td").all()] for r in hr.page.locator("#daquestion table tbody tr").all()]
    neste = hr.page.locator("#daquestion").get_by_role("link", name="Neste side", exact=True)
    if namn and not set(namn) <= {r[0] for r in rader} and neste.count():
        side = re.search(r"Side (\d+) av", hr.page.inner_text("#daquestion")).group(1)
        neste.click()
        hr.page.locator("#daquestion", has_text=f"Side {int(side) + 1} av").wait_for()
        hr.sjekk()
        return rader + _rader(hr, *namn)
    return rader


def hr_liste_filtrert_og_sortert(hr: Intervju, namn: str):
    """HR's list: each status link shows only that status, with its count; the approved case is
    under «Godkjende» and «Alle», not under the others; each order is the one asked for."""
    for lenkje, status in (("Returnerte", "Returnert til arbeidstakaren"), ("Godkjende", "Godkjend"),
                           ("Alle", None), ("Ventar på HR", "Sendt til HR")):
        hr.page.locator("#daquestion").get_by_role("link", name=re.compile(rf"^{lenkje} \(\d+\)$")).click()
        hr.page.locator("#daquestion strong", has_text=re.compile(rf"^{lenkje} \(\d+\)$")).wait_for()
        hr.sjekk()
        rader = _rader(hr)
        talet = int(re.search(rf"{lenkje} \((\d+)\)", hr.page.inner_text("#daquestion")).group(1))
        assert len(rader) == min(talet, PER_SIDE), (lenkje, len(rader), talet)
        if status:
            assert all(r[4] == status for r in rader), (lenkje, rader)
        med = any(r[0] == namn for r in rader)
        assert med == (lenkje in ("Godkjende", "Alle")), (lenkje, namn)
    hr.page.locator("#daquestion").get_by_role("link", name=re.compile(r"^Alle \(\d+\)$")).click()
    hr.page.locator("#daquestion strong", has_text=re.compile(r"^Alle \(\d+\)$")).wait_for()
    talet = int(re.search(r"Alle \((\d+)\)", hr.page.inner_text("#daquestion")).group(1))
    if talet > PER_SIDE:  # a list of more than one page (the engine test makes one of its own)
        hr.page.locator("#daquestion").get_by_role("link", name="Neste side", exact=True).click()
        hr.page.locator("#daquestion", has_text=f"Side 2 av {-(-talet // PER_SIDE)} (sak {PER_SIDE + 1}–").wait_for()
        hr.sjekk()
        assert len(_rader(hr)) == min(talet - PER_SIDE, PER_SIDE)
        hr.page.locator("#daquestion").get_by_role("link", name="Førre side", exact=True).click()
        hr.page.locator("#daquestion", has_text=f"Side 1 av {-(-talet // PER_SIDE)} (sak 1–{PER_SIDE} ").wait_for()
        hr.sjekk()
        assert len(_rader(hr)) == PER_SIDE
    for lenkje, kolonne in (("Namn", 0), ("Sendt inn", 6), ("Sist endra", 7)):
        hr.page.locator("#daquestion").get_by_role("link", name=lenkje, exact=True).click()
        hr.page.locator("#daquestion strong", has_text=re.compile(rf"^{lenkje}$")).wait_for()
        hr.sjekk()
        verdiar = [r[kolonne] for r in _rader(hr)]
        if kolonne == 0:
            orden = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}
            # by the first letter (the cells hold typed text, hostile test names too)
            nokkel = [orden.get(v.lower()[:1], 100 + ord(v[:1] or " ")) for v in verdiar]
            assert nokkel == sorted(nokkel), verdiar
        else:
            assert verdiar == sorted(verdiar, reverse=True), (lenkje, verdiar)


def nektar_tilgang(page, url: str, namn: str):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    tekst = page.inner_text("body")
    assert namn not in tekst, (url, tekst[:500])
    assert "Sjekkliste" not in tekst and "Saker om desentralisert arbeid" not in tekst, (url, tekst[:500])
    assert engelsk_pa_skjerm(page.content()) == [], (url, tekst[:500])
    return tekst


def restart_tenar():
    env = dict(os.environ)
    for script in ("stop.sh", "serve.sh"):
        p = subprocess.run(["bash", str(ROOT / "scripts" / script)], env=env, capture_output=True, text=True,
                           timeout=600)
        assert p.returncode == 0, p.stderr[-2000:]


# Restarts the server mid-test: runs alone (scripts/test.sh, phase 3b).
@pytest.mark.eigen_tenar
def test_hr_returnerer_og_godkjenner(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Anne Aasen {secrets.token_hex(2)}"
    a_brukar = ny_brukar(tenar, api_nokkel, fornamn="Anne")
    b_brukar = ny_brukar(tenar, api_nokkel, fornamn="Bjarne")

    a = ny_side("a")
    logg_inn(a, tenar, a_brukar)
    iv_a = Intervju(a, tenar).start()
    send_inn_som_arbeidstakar(iv_a, namn)

    # Employee B and an anonymous visitor: no HR interview, no view of A's case.
    a_sak_url = sak_url(a, tenar)
    b = ny_side("b")
    logg_inn(b, tenar, b_brukar)
    tekst = nektar_tilgang(b, tenar + HR_URL, namn)
    assert "ikkje tilgang" in tekst, tekst[:500]
    nektar_tilgang(b, a_sak_url, namn)
    anonym = ny_side("anonym")
    nektar_tilgang(anonym, tenar + HR_URL, namn)
    nektar_tilgang(anonym, a_sak_url, namn)

    # The server restarts while the case waits for HR: nothing is lost.
    restart_tenar()

    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    opne_sak_som_hr(hr, namn)
    # Issue 13 (5): HR can leave a case without deciding; it still waits in the list.
    hr.val("Avgjerd", "Ingen avgjerd no (tilbake til lista)")
    hr.hald_fram("hr-saker")
    assert namn in hr_side.inner_text("body") and "Sendt til HR" in hr_side.inner_text("body")
    opne_sak_som_hr(hr, namn)
    # HR reads the draft as the employee sent it: marked as a draft on every page.
    utkast = hr.dokument()
    assert namn in pdf_tekst(utkast["pdf"]) and "UTKAST – ikkje godkjent av arbeidsgivaren" in \
        pdftotext(utkast["pdf"])
    hr.val("Avgjerd", "Returner til arbeidstakaren")
    hr.tekst("Kommentar til arbeidstakaren", "Før opp skjerm og kontorstol i utstyrslista.")
    hr.hald_fram("hr-utfort")
    assert "Saka er returnert" in hr_side.inner_text("body")
    hr.knapp("Tilbake til lista", "hr-saker")

    # A comes back, reads the comment, changes the equipment and submits again.
    a.get_by_role("link", name="Avtale om desentralisert arbeid").first.click()
    a.wait_for_selector("body.question-returnert")
    iv_a.sjekk()
    assert "Før opp skjerm og kontorstol i utstyrslista." in a.inner_text("body")
    iv_a.hald_fram("gjennomgang")
    a.locator(".da-review").filter(has_text="Utstyr:").get_by_role("button", name="Endre").click()
    a.wait_for_selector("body.question-utstyr")
    iv_a.tekst("Utstyr arbeidsgivaren stiller til rådvelde", "Berbar PC, skjerm og kontorstol.")
    iv_a.hald_fram("gjennomgang")
    iv_a.hald_fram("innsending")
    iv_a.knapp("Send til HR", "avtale-ferdig")
    # Issue 13 (2): the draft offered now is the version just sent, with the new equipment.
    for tekst in (pdf_tekst(f) if f.suffix == ".pdf" else docx_tekst(f) for f in iv_a.dokument().values()):
        assert "Berbar PC, skjerm og kontorstol." in tekst

    # HR approves, completes what only the employer knows, and downloads the final agreement.
    opne_sak_som_hr(hr, namn)
    assert "versjon 2" in hr_side.inner_text("body")
    assert hr_side.get_by_label("Utstyr arbeidsgivaren stiller til rådvelde", exact=True).input_value() == \
        "Berbar PC, skjerm og kontorstol."
    hr.tekst("Tryggingsreglar", "Reglane for informasjonstryggleik i verksemda gjeld.")
    hr.val("Avgjerd", "Godkjenn avtala")
    hr.hald_fram("hr-utfort")
    filer = hr.dokument()
    for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        assert "Utkast" not in tekst and namn in tekst
        assert "Berbar PC, skjerm og kontorstol." in tekst
        assert "Reglane for informasjonstryggleik i verksemda gjeld." in tekst
        assert "For arbeidsgivaren:" in tekst and "Arbeidstakar:" in tekst

    hr.knapp("Tilbake til lista", "hr-saker")
    hr_liste_filtrert_og_sortert(hr, namn)

    # A sees the approved agreement in her own case.
    a.goto(a_sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    assert "Avtala er godkjend" in a.inner_text("body")
