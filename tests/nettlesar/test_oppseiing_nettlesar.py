"""Issue 16 on the real server: after HR approves a tilleggsavtale, the employee opens the notice
from the approved case, is refused a date before the arrangement starts (message at the field,
typed text kept), goes Back from the confirmation and on, and gets the letter (PDF and DOCX) with
the last day from the prøveperiode's notice. HR registers the employer's notice of a second
approved case from its list. A link with another case's id gives no notice."""
from __future__ import annotations

import re
import secrets

from nettlesarhjelp import docx_tekst, heil_url, pdf_tekst
from test_hr_nettlesar import HR_URL, _rader, godkjende_saker

OPPSEIING_URL = "/interview?i=docassemble.desentral:data/questions/oppseiing.yml"
GRUNN = "Eg flyttar <b>nærare</b> *kontoret* ${ 1+1 }"


def test_tilsett_og_hr_seier_opp_tilleggsavtala(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Siri Seiopp {secrets.token_hex(2)}"
    namn_b = f"Bodil Bytte {secrets.token_hex(2)}"
    # Two home offices 1 March 2027 – 29 February 2028, both approved.
    [(a, iv_a, a_sak_url), (b, iv_b, _)], hr_side, hr = godkjende_saker(
        ny_side, tenar, api_nokkel, hr_brukar, ("Siri", namn, {}), ("Bodil", namn_b, {}))

    # B cannot give notice of A's case with A's case id in the link.
    a.goto(a_sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    iv_a.sjekk()
    tekst = a.inner_text("body")
    assert "Avtala er godkjend" in tekst and "Datoar å hugse" in tekst and "Rettleiinga 5.3.6" in tekst
    lenkje = a.get_by_role("link", name="Sei opp tilleggsavtala")
    href = lenkje.get_attribute("href")
    b.goto(heil_url(tenar, href))
    b.wait_for_selector("body.question-oppseiing-ikkje-mogleg")
    iv_b.sjekk()
    assert "Fann inga avtale" in b.inner_text("body")

    # A gives notice in the prøveperiode (1 March – 31 May 2027).
    lenkje.click()
    a.wait_for_selector("body.question-oppseiing-kven-og-dato")
    iv_a.sjekk()
    iv_a.val("Kven seier opp?", "Arbeidsgivaren")
    iv_a.val("Kven seier opp?", "Arbeidstakaren")
    iv_a.dato("Dato oppseiinga er gitt", "2027-02-01")
    iv_a.tekst("Grunngjeving (valfri)", GRUNN)
    a.get_by_role("button", name="Hald fram", exact=True).click()
    a.wait_for_selector(".invalid-feedback:has-text('tek til å gjelde 1. mars 2027')")
    assert a.get_by_label("Grunngjeving (valfri)", exact=True).input_value() == GRUNN  # nothing lost
    iv_a.sjekk()
    iv_a.dato("Dato oppseiinga er gitt", "2027-04-06")
    iv_a.hald_fram("oppseiing-stadfest")
    assert "20. april 2027" in a.inner_text("body") and "2 veker" in a.inner_text("body")
    # Back to change the date: the answers are there; on again with the new date.
    iv_a.knapp("Tilbake", "oppseiing-kven-og-dato")
    assert a.get_by_label("Grunngjeving (valfri)", exact=True).input_value() == GRUNN
    iv_a.dato("Dato oppseiinga er gitt", "2027-04-07")
    iv_a.hald_fram("oppseiing-stadfest")
    assert "21. april 2027" in a.inner_text("body")
    iv_a.knapp("Sei opp", "oppseiing-ferdig")
    assert "Tilleggsavtala er sagd opp" in a.inner_text("body")
    filer = iv_a.dokument()
    for t in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        t = " ".join(t.split())
        assert "Arbeidstakaren seier med dette opp tilleggsavtala" in t
        assert "varer difor til og med 21. april 2027" in t and "Frå og med 22. april 2027" in t
        assert GRUNN in t and namn in t

    # HR registers the employer's notice of B's case, after the prøveperiode: the agreed 3 months.
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-saker")
    hr.sjekk()
    hr.val("Kva vil du gjere?", "Registrere oppseiing av ei godkjend avtale")
    [val] = [o.get_attribute("value") for o in hr_side.locator("select option").all()
             if o.inner_text().startswith(f"{namn_b}, ")]
    hr_side.get_by_label("Godkjend avtale", exact=True).select_option(value=val)
    hr.hald_fram("hr-lenkje")
    assert namn_b in hr_side.inner_text("body")
    hr_side.get_by_role("link", name="Opne oppseiinga").click()
    hr_side.wait_for_selector("body.question-oppseiing-kven-og-dato")
    hr.sjekk()
    assert hr_side.get_by_role("group", name="Kven seier opp?").get_by_label("Arbeidsgivaren").is_checked()
    hr.dato("Dato oppseiinga er gitt", "2027-06-15")
    hr.hald_fram("oppseiing-stadfest")
    assert "3 månader" in hr_side.inner_text("body") and "15. september 2027" in hr_side.inner_text("body")
    hr.knapp("Sei opp", "oppseiing-ferdig")
    t = " ".join(pdf_tekst(hr.dokument(("pdf",))["pdf"]).split())
    assert "Arbeidsgivaren seier med dette opp" in t and namn_b in t

    # HR's list shows both as ended; HR goes back to the list from the notice screen.
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-lenkje")
    hr.sjekk()
    hr.knapp("Tilbake til lista", "hr-saker")
    hr_side.locator("#daquestion").get_by_role("link", name=re.compile(r"^Alle \(\d+\)$")).click()
    hr_side.locator("#daquestion strong", has_text=re.compile(r"^Alle \(\d+\)$")).wait_for()
    hr.sjekk()
    rader = {r[0]: r for r in _rader(hr)}
    assert rader[namn][4] == "Sagt opp" and rader[namn_b][4] == "Sagt opp"

    # A opens the notice link again: already ended, with its last day.
    a.goto(a_sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    href = a.get_by_role("link", name="Sei opp tilleggsavtala").count()
    assert href == 0  # an ended agreement offers no notice
