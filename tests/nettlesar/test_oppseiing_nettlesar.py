"""Issues 16 and 28 on the real server: notice of an approved tilleggsavtale.

Two home offices (1 March 2027 – 29 February 2028), both approved. Before anyone has signed, the
employee finds nothing to give notice of, and HR withdraws the approval of the second (item 11)
and approves it again. A link with another case's id gives no notice. Once both have signed the
first, the employee gives notice delivered another way: a day received before the day given is
refused at its field (typed text kept); the confirmation and the letter state the day given, the
day received and the last day counted from the receipt (item 3); Back works. For the second,
signed, the employee evaluates and continues in a new period, which waits for HR: the case page
still offers notice and change of the period that runs; the notice screen asks what to end, and
the new period is ended on its own (item 2). HR's list shows the statuses."""
from __future__ import annotations

import secrets

from nettlesarhjelp import docx_tekst, heil_url, pdf_tekst
from test_endring_nettlesar import _hr_vel_godkjend, vis_alle
from test_hr_nettlesar import _rader, godkjende_saker, godkjenn_som_hr
from test_signering_nettlesar import _hr_lista, signer_begge

GRUNN = "Eg flyttar <b>nærare</b> *kontoret* ${ 1+1 }"


def test_tilsett_og_hr_seier_opp_tilleggsavtala(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Siri Seiopp {secrets.token_hex(2)}"
    namn_b = f"Bodil Bytte {secrets.token_hex(2)}"
    [(a, iv_a, a_sak_url), (b, iv_b, b_sak_url)], hr_side, hr = godkjende_saker(
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
    # Nobody has signed A's agreement yet: there is nothing to give notice of (item 11).
    lenkje.click()
    a.wait_for_selector("body.question-oppseiing-usignert")
    iv_a.sjekk()
    assert "ikkje skriven under av begge partar" in a.inner_text("#daquestion")

    # HR opens the notice of B's unsigned agreement: it withdraws the approval instead.
    _hr_lista(hr)
    _hr_vel_godkjend(hr, "Registrere oppseiing av ei godkjend avtale", namn_b)
    hr_side.get_by_role("link", name="Opne oppseiinga").click()
    hr_side.wait_for_selector("body.question-trekk-tilbake")
    hr.sjekk()
    hr.knapp("Trekk tilbake godkjenninga", "godkjenning-trekt")
    assert "Sendt til HR" in hr_side.inner_text("#daquestion")
    _hr_lista(hr)
    godkjenn_som_hr(hr, namn_b)

    # Both sign A; the employee gives notice, delivered by post.
    signer_begge(iv_a, a_sak_url, hr, namn)
    a.goto(a_sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    a.get_by_role("link", name="Sei opp tilleggsavtala").click()
    a.wait_for_selector("body.question-oppseiing-kven-og-dato")
    iv_a.sjekk()
    iv_a.val("Kven seier opp?", "Arbeidsgivaren")
    iv_a.val("Kven seier opp?", "Arbeidstakaren")
    iv_a.dato("Dato oppseiinga er gitt", "2027-04-06")
    iv_a.val("Korleis får motparten oppseiinga?", "På anna vis, til dømes i posten")
    iv_a.val("Korleis får motparten oppseiinga?", "I dag, her i appen")
    iv_a.val("Korleis får motparten oppseiinga?", "På anna vis, til dømes i posten")
    iv_a.dato("Dato motparten fekk oppseiinga", "2027-04-01")
    iv_a.tekst("Grunngjeving (valfri)", GRUNN)
    a.get_by_role("button", name="Hald fram", exact=True).click()
    a.wait_for_selector(".invalid-feedback:has-text('motteken før ho er gitt')")
    assert a.get_by_label("Grunngjeving (valfri)", exact=True).input_value() == GRUNN  # nothing lost
    iv_a.sjekk()
    iv_a.dato("Dato motparten fekk oppseiinga", "2027-04-08")
    iv_a.hald_fram("oppseiing-stadfest")
    # In the prøveperiode (to 31 May 2027): 2 weeks from the day received.
    assert "22. april 2027" in a.inner_text("body") and "2 veker" in a.inner_text("body")
    # Back to change the day received: the answers are there; on again.
    iv_a.knapp("Tilbake", "oppseiing-kven-og-dato")
    assert a.get_by_label("Grunngjeving (valfri)", exact=True).input_value() == GRUNN
    iv_a.dato("Dato motparten fekk oppseiinga", "2027-04-09")
    iv_a.hald_fram("oppseiing-stadfest")
    assert "23. april 2027" in a.inner_text("body")
    iv_a.knapp("Sei opp", "oppseiing-ferdig")
    assert "Tilleggsavtala er sagd opp" in a.inner_text("body")
    filer = iv_a.dokument()
    for t in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
        t = " ".join(t.split())
        assert "Arbeidstakaren seier med dette opp tilleggsavtala" in t
        assert "Oppseiinga er gitt 6. april 2027 og motteken av arbeidsgivaren 9. april 2027" in t
        assert "ordninga varer til og med 23. april 2027" in t and "Frå og med 24. april 2027" in t
        assert GRUNN in t and namn in t

    # B: both sign, then the employee evaluates and continues in a new period (waits for HR).
    signer_begge(iv_b, b_sak_url, hr, namn_b)
    b.goto(b_sak_url)
    b.wait_for_selector("body.question-avtale-ferdig")
    b.get_by_role("link", name="Evaluer ordninga").click()
    b.wait_for_selector("body.question-evaluering-fungerer")
    iv_b.val("Korleis fungerer ordninga?", "Ordninga fungerer godt")
    iv_b.hald_fram("evaluering-val")
    iv_b.val("Kva skal skje når perioden er slutt?", "Halde fram i ein ny periode med same vilkår")
    iv_b.hald_fram("evaluering-ferdig")
    # The case page, with the new period waiting: the period that runs can still be changed or ended.
    b.goto(b_sak_url)
    b.wait_for_selector("body.question-avtale-ferdig")
    iv_b.sjekk()
    assert "gjeld framleis medan HR går gjennom den nye" in b.inner_text("#daquestion")
    b.get_by_role("link", name="Endre avtala som gjeld no").click()
    b.wait_for_selector("body.question-endring-dato")
    iv_b.sjekk()
    assert "Ein ny periode frå 1. mars 2028 er send til HR" in b.inner_text("#daquestion")
    b.goto(b_sak_url)
    b.wait_for_selector("body.question-avtale-ferdig")
    b.get_by_role("link", name="Sei opp eller avslutt ordninga").click()
    b.wait_for_selector("body.question-oppseiing-kva")
    iv_b.sjekk()
    iv_b.val("Kva vil du avslutte?", "Seie opp ordninga som gjeld no (den nye perioden tek då heller ikkje til)")
    iv_b.val("Kva vil du avslutte?", "Avslutte den nye perioden før han tek til (ordninga sluttar som avtalt)")
    iv_b.hald_fram("ny-periode-stadfest")
    assert "ordninga sluttar som avtalt 29. februar 2028" in b.inner_text("#daquestion").lower()
    # «Tilbake» keeps the choice; nothing has ended yet.
    iv_b.knapp("Tilbake", "oppseiing-kva")
    assert b.get_by_role("group", name="Kva vil du avslutte?").get_by_label(
        "Avslutte den nye perioden før han tek til (ordninga sluttar som avtalt)").is_checked()
    iv_b.hald_fram("ny-periode-stadfest")
    iv_b.knapp("Avslutt den nye perioden", "ny-periode-avslutta")

    # HR's list: A ended, B approved again at its first version.
    _hr_lista(hr)
    vis_alle(hr)
    rader = {r[0]: r for r in _rader(hr, namn, namn_b)}
    assert rader[namn][4] == "Sagt opp" and rader[namn_b][4] == "Godkjend"

    # A opens the case again: an ended agreement offers no notice.
    a.goto(a_sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    assert a.get_by_role("link", name="Sei opp tilleggsavtala").count() == 0
