"""Issue 16 on the real server: change, earlier versions, evaluation and renewal.

A temporary employee's approved tilleggsavtale shows its automatic end with the employment.
The employee opens a change of the approved agreement (a date before the arrangement starts is
refused at the field, the typed text kept), changes an answer on the review screen and sends it
to HR; HR sees version 1 from the case page and approves; the employee gets version 2 with the
change date and still downloads version 1. Then an evaluation: «halde fram» sends a new period
to HR, HR approves it. HR evaluates a second case while its owner has the same form open: the
owner's later answer is refused with the reason, not written over. HR opens a change from the
list. Links with another person's case give nothing."""
from __future__ import annotations

import re
import secrets

from nettlesarhjelp import Intervju, docx_tekst, heil_url, logg_inn, ny_brukar, pdf_tekst
from test_hr_nettlesar import HR_URL, godkjende_saker, godkjenn_som_hr

NY_STAD = "Heimekontor, <b>Lomsvegen</b> 2 *Lom* ${ 1+1 }"
KOMMENTAR = "Flyttar til Lom \\textbf{i mai}"


def _tekst(filer: dict) -> list[str]:
    return [" ".join(pdf_tekst(filer["pdf"]).split()), " ".join(docx_tekst(filer["docx"]).split())]


def vis_alle(hr: Intervju):
    """HR's list showing «Alle» (the view is kept in HR's session: a link unless it is shown)."""
    alle = hr.page.locator("#daquestion").get_by_role("link", name=re.compile(r"^Alle \(\d+\)$"))
    if alle.count():
        alle.click()
        hr.page.locator("#daquestion strong", has_text=re.compile(r"^Alle \(\d+\)$")).wait_for()
        hr.sjekk()


def _hr_vel_godkjend(hr: Intervju, gjer: str, namn: str, forventa: str = "hr-lenkje"):
    """From HR's list: a task for the approved case of `namn`, to its link screen. The choices
    are the cases in the table above, so HR shows all cases first (newest change first: this
    test's case is on the first page)."""
    vis_alle(hr)
    hr.val("Kva vil du gjere?", gjer)
    [val] = [o.get_attribute("value") for o in hr.page.get_by_label("Godkjend avtale", exact=True).locator("option").all()
             if o.inner_text().startswith(f"{namn}, ")]
    hr.page.get_by_label("Godkjend avtale", exact=True).select_option(value=val)
    hr.hald_fram(forventa)


def test_endring_og_tidlegare_versjon(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Eli Endring {secrets.token_hex(2)}"
    # 1 March 2027 – 29 February 2028, in a temporary employment to 30 June 2028.
    [(a, iv, sak_url)], hr_side, hr = godkjende_saker(
        ny_side, tenar, api_nokkel, hr_brukar, ("Eli", namn, {"mellombels_til": "2028-06-30"}))

    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    iv.sjekk()
    # The automatic end with the employment is on the employee's timeline (Rettleiinga 5.1, 5.3.6).
    rad = a.locator("#daquestion tr", has_text="30. juni 2028").inner_text()
    assert "tilleggsavtala sluttar automatisk same dag" in rad and "Rettleiinga 5.1 og 5.3.6" in rad
    endre_href = a.get_by_role("link", name="Endre avtala").get_attribute("href")
    a.get_by_role("link", name="Endre avtala").click()
    a.wait_for_selector("body.question-endring-dato")
    iv.sjekk()
    iv.dato("Endringa gjeld frå", "2027-02-01")
    iv.tekst("Kva skal endrast, og kvifor?", KOMMENTAR)
    a.get_by_role("button", name="Hald fram", exact=True).click()
    a.wait_for_selector(".invalid-feedback:has-text('før ordninga tok til (1. mars 2027)')")
    assert a.get_by_label("Kva skal endrast, og kvifor?", exact=True).input_value() == KOMMENTAR
    iv.sjekk()
    iv.dato("Endringa gjeld frå", "2027-06-01")
    iv.hald_fram("endring-opna")
    assert "1. juni 2027" in a.inner_text("body")
    a.get_by_role("link", name="Endre svara i saka").click()
    a.wait_for_selector("body.question-endring")
    iv.sjekk()
    assert KOMMENTAR in a.inner_text("body") and "arbeidsmiljølova § 14-8" in a.inner_text("body")
    iv.hald_fram("gjennomgang")
    # The change itself, on the review screen.
    a.locator(".da-review").filter(has_text="Arbeidsstad: Fjellvegen").get_by_role("button", name="Endre").click()
    a.wait_for_selector("body.question-arbeidsstad")
    iv.sjekk()
    iv.tekst("Namn og adresse", NY_STAD)
    iv.hald_fram("gjennomgang")
    assert NY_STAD in a.inner_text("body")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    assert "Saka er sendt til HR" in a.inner_text("body")

    # HR sees version 1 from the case page, then approves version 2.
    from test_hr_nettlesar import opne_sak_som_hr

    opne_sak_som_hr(hr, namn)
    assert "Endringane gjeld frå 1. juni 2027" in hr_side.inner_text("body")
    hr_side.locator("#daquestion").get_by_role("link", name="versjon 1").click()
    hr_side.wait_for_selector("body.question-versjon-vist")
    hr.sjekk()
    assert "avløyst av versjon" not in hr_side.inner_text("body")  # version 1 is still in force
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-sak")
    hr.tekst("Tryggingsreglar", "Reglane for informasjonstryggleik i verksemda gjeld.")
    hr.val("Avgjerd", "Godkjenn avtala")
    hr.hald_fram("hr-utfort")
    hr.knapp("Tilbake til lista", "hr-saker")

    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    iv.sjekk()
    for t in _tekst(iv.dokument()):
        assert "endringane gjeld frå og med 1. juni 2027" in t and NY_STAD in t
    versjon_href = a.get_by_role("link", name="Versjon 1").get_attribute("href")
    a.get_by_role("link", name="Versjon 1").click()
    a.wait_for_selector("body.question-versjon-vist")
    iv.sjekk()
    # Issue 28, item 2: version 2 takes effect 1 June 2027; until then version 1 is in force.
    assert "Dette er den godkjende versjonen som gjeld no" in a.inner_text("body")
    for t in _tekst(iv.dokument()):
        assert "endringane gjeld" not in t and NY_STAD not in t and "Fjellvegen 3, 6900 Florø" in t

    # Another user with the same links: nothing of the case.
    b = ny_side("b")
    logg_inn(b, tenar, ny_brukar(tenar, api_nokkel, fornamn="Berit"))
    ib = Intervju(b, tenar)
    b.goto(heil_url(tenar, versjon_href))
    b.wait_for_selector("body.question-versjon-ikkje-funnen")
    ib.sjekk()
    b.goto(heil_url(tenar, endre_href))
    b.wait_for_selector("body.question-endring-ikkje-mogleg")
    ib.sjekk()
    assert "Fann inga avtale" in b.inner_text("body")


def test_evaluering_fornying_og_samtidig_svar(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Eva Evaluering {secrets.token_hex(2)}"
    namn_b = f"Bjørn Begge {secrets.token_hex(2)}"
    [(a, iv, sak_url), (b, ib, b_sak_url)], hr_side, hr = godkjende_saker(
        ny_side, tenar, api_nokkel, hr_brukar, ("Eva", namn, {}), ("Bjorn", namn_b, {}))

    # The employee evaluates and continues: a new period of the same length goes to HR.
    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    a.get_by_role("link", name="Evaluer ordninga").click()
    a.wait_for_selector("body.question-evaluering-fungerer")
    iv.sjekk()
    for svar in ("Ordninga fungerer ikkje", "Ordninga fungerer delvis", "Ordninga fungerer godt"):
        iv.val("Korleis fungerer ordninga?", svar)
    iv.hald_fram("evaluering-val")
    assert "1. mars 2028" in a.inner_text("body") and "28. februar 2029" in a.inner_text("body")
    iv.knapp("Tilbake", "evaluering-fungerer")
    assert a.get_by_role("group", name="Korleis fungerer ordninga?").get_by_label(
        "Ordninga fungerer godt").is_checked()
    iv.hald_fram("evaluering-val")
    for svar in ("Avslutte ordninga når perioden er slutt", "Halde fram i ein ny periode med endringar",
                 "Halde fram i ein ny periode med same vilkår"):
        iv.val("Kva skal skje når perioden er slutt?", svar)
    iv.hald_fram("evaluering-ferdig")
    assert "versjon 2" in a.inner_text("body")
    godkjenn_som_hr(hr, namn)
    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    iv.sjekk()
    for t in _tekst(iv.dokument()):
        assert "frå og med 1. mars 2028 til og med 28. februar 2029" in t

    # B has the evaluation open while HR evaluates B's case with «endre»: B's answer is refused.
    b.goto(b_sak_url)
    b.wait_for_selector("body.question-avtale-ferdig")
    evaluer_href = b.get_by_role("link", name="Evaluer ordninga").get_attribute("href")
    b.get_by_role("link", name="Evaluer ordninga").click()
    b.wait_for_selector("body.question-evaluering-fungerer")
    ib.val("Korleis fungerer ordninga?", "Ordninga fungerer godt")
    ib.hald_fram("evaluering-val")
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-saker")
    _hr_vel_godkjend(hr, "Evaluere ei tidsavgrensa ordning", namn_b)
    hr.sjekk()
    hr_side.get_by_role("link", name="Opne evalueringa").click()
    hr_side.wait_for_selector("body.question-evaluering-fungerer")
    hr.val("Korleis fungerer ordninga?", "Ordninga fungerer delvis")
    hr.hald_fram("evaluering-val")
    hr.val("Kva skal skje når perioden er slutt?", "Halde fram i ein ny periode med endringar")
    hr.tekst("Kommentar (valfri)", "Færre dagar på heimekontor.")
    hr.hald_fram("evaluering-ferdig")
    assert "Arbeidstakaren endrar svara" in hr_side.inner_text("body")
    ib.val("Kva skal skje når perioden er slutt?", "Avslutte ordninga når perioden er slutt")
    ib.hald_fram("ikkje-lagra")
    assert "Saka er endra sidan du opna ho" in b.inner_text("body")
    b.goto(heil_url(tenar, evaluer_href))
    b.wait_for_selector("body.question-evaluering-ikkje-mogleg")
    ib.sjekk()
    # B's case now waits for B's changes, with HR's comment.
    b.goto(b_sak_url)
    b.wait_for_selector("body.question-endring")
    ib.sjekk()
    assert "HR har opna ei endring" in b.inner_text("body") and "Færre dagar på heimekontor." in b.inner_text("body")

    # HR opens a change of A's approved version 2 from the list (back from the link screen first).
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-lenkje")
    hr.knapp("Tilbake til lista", "hr-saker")
    _hr_vel_godkjend(hr, "Endre ei godkjend avtale", namn)
    hr_side.get_by_role("link", name="Opne endringa").click()
    hr_side.wait_for_selector("body.question-endring-dato")
    hr.sjekk()
    hr.dato("Endringa gjeld frå", "2028-04-01")
    hr.tekst("Kva skal endrast, og kvifor?", "Ny tryggingsinstruks.")
    hr.hald_fram("endring-opna")
    assert "Arbeidstakaren endrar svara i saka si" in hr_side.inner_text("body")
    a.goto(sak_url)
    a.wait_for_selector("body.question-endring")
    assert "HR har opna ei endring" in a.inner_text("body") and "1. april 2028" in a.inner_text("body")
