"""Issue 13: paths a user clicks that the scripted flows did not take."""
from __future__ import annotations

from nettlesarhjelp import Intervju, fram_til_stad, heil_url, logg_inn, samtykke_og_periode
from test_hr_nettlesar import send_inn_som_arbeidstakar


def test_ny_sak_etter_innsending_held_den_sende_saka_i_intervjua_mine(side, tenar, brukar):
    """(3) «Start ei ny sak» on «Saka er sendt til HR» leaves the submitted case reachable."""
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    send_inn_som_arbeidstakar(iv, "Sigrid Sendt")
    iv.knapp("Start ei ny sak", "intro")
    side.goto(f"{tenar}/interviews")
    side.wait_for_load_state("networkidle")
    iv.sjekk()
    lenkjer = [a.get_attribute("href") for a in side.get_by_role("link", name="Avtale om desentralisert arbeid").all()]
    assert len(lenkjer) == 2, lenkjer
    skjermar = {}
    for href in lenkjer:
        side.goto(heil_url(tenar, href))
        side.wait_for_selector("body[class*='question-']")
        skjermar[iv.id] = side.inner_text("#daquestion")
    assert set(skjermar) == {"intro", "avtale-ferdig"}, list(skjermar)
    assert "Saka er sendt til HR" in skjermar["avtale-ferdig"]


def _fram_til_arbeidsstad(iv: Intervju, namn: str):
    """Office hub, existing employee, open-ended: up to the screen for the place's address."""
    fram_til_stad(iv, namn, nytilsett=False)
    iv.val("Arbeidsstad", "Eit kontorfellesskap utanfor kontorstrukturen til verksemda")
    iv.hald_fram("samtykke")
    samtykke_og_periode(iv, "2021-03-01", "2027-01-01", "2027-12-31")
    iv.val("Kva avtale vil de bruke?", "Tilleggsavtale til arbeidsavtala")
    iv.hald_fram("arbeidsstad")


def test_tilbake_to_steg_og_fram_att_held_svaret_paa_seinare_skjerm(side, tenar):
    """(8) Back throws nothing away: what was typed on a later screen is there when the user
    goes forward again (docassemble's Back returns the interview to before that answer)."""
    iv = Intervju(side, tenar).start()
    _fram_til_arbeidsstad(iv, "Berit Tilbake")
    adresse = "Kontorfellesskapet Vågå, Storgata 9, 2680 Vågå"
    iv.tekst("Namn og adresse", adresse)
    iv.hald_fram("omfang")
    iv.val("Omfang", "Heile stillinga")
    iv.knapp("Tilbake", "arbeidsstad")
    iv.knapp("Tilbake", "avtaletype")
    iv.hald_fram("arbeidsstad")
    assert side.get_by_label("Namn og adresse", exact=True).input_value() == adresse
    iv.hald_fram("omfang")
    # the choice made on the screen after it comes back too
    assert side.get_by_role("group", name="Omfang").get_by_label("Heile stillinga", exact=True).is_checked()


def test_logg_inn_midt_i_intervjuet_fører_tilbake_til_same_skjerm(side, tenar, brukar):
    """(8) Signing in from the interview's menu returns to the same screen with the answers,
    and «Intervjua mine» then holds that one interview, not a second, empty one."""
    iv = Intervju(side, tenar).start()
    iv.hald_fram("arbeidstakar")
    iv.tekst("Namnet ditt", "Lise Logginn")
    iv.tekst("Stilling", "rådgivar")
    iv.tekst("Bustadadressa di", "Storgata 1, 2680 Vågå")
    iv.val("Er du nytilsett i verksemda?", "Nei")
    iv.hald_fram("verksemd")
    side.get_by_role("link", name="Logg inn eller registrer deg for å lagre svara").click()
    side.wait_for_url("**/user/sign-in**")
    epost, passord = brukar
    side.get_by_label("E-post", exact=True).fill(epost)
    side.get_by_label("Passord", exact=True).fill(passord)
    side.get_by_role("button", name="Logg inn").click()
    side.wait_for_selector("body[class*='question-']", timeout=30_000)
    assert iv.id == "verksemd", f"etter innlogging: {side.url}"
    iv.sjekk()
    iv.knapp("Tilbake", "arbeidstakar")
    assert side.get_by_label("Namnet ditt", exact=True).input_value() == "Lise Logginn"
    side.goto(f"{tenar}/interviews")
    side.wait_for_load_state("networkidle")
    lenkjer = side.get_by_role("link", name="Avtale om desentralisert arbeid").all()
    assert len(lenkjer) == 1, [a.get_attribute("href") for a in lenkjer]


def test_endra_periode_paa_gjennomgangen_gir_ny_tilraading(side, tenar):
    """Issue 14 (7): an existing employee at an office hub, open-ended and no longer at the
    ordinary office, gets an ordinary agreement; changing the arrangement to time-limited on the
    review screen asks for the agreement type again, with the tilleggsavtale recommended."""
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Hugo Hub", nytilsett=False, bustad="Storgata 1, 2609 Lillehammer")
    iv.val("Arbeidsstad", "Eit kontorfellesskap utanfor kontorstrukturen til verksemda")
    iv.hald_fram("samtykke")
    samtykke_og_periode(iv, "2021-03-01", "2027-01-01", None)
    iv.val("Held du fram med å arbeide fast frå den ordinære kontorstaden ein del av tida?", "Nei")
    iv.hald_fram("avtaletype")
    assert "ei ordinær arbeidsavtale" in side.inner_text("#daquestion")
    for skjerm in ("arbeidsstad",):
        iv.hald_fram(skjerm)
    iv.tekst("Namn og adresse", "Hubben, Jernbanegata 2, 2609 Lillehammer")
    iv.hald_fram("omfang")
    iv.val("Omfang", "Heile stillinga")
    for skjerm in ("tilgjengelegheit", "arbeidstid", "utstyr", "utstyr-ansvar", "vurdering", "gjennomgang"):
        iv.hald_fram(skjerm)
    assert "Avtaletype: Ordinær arbeidsavtale" in side.inner_text("#daquestion")
    side.locator(".da-review").filter(has_text="Ordninga:").get_by_role("button", name="Endre").click()
    side.wait_for_selector("body.question-periode")
    iv.sjekk()
    iv.val("Er ordninga tidsavgrensa?", "Ja")
    iv.hald_fram("sluttdato")
    iv.dato("Sluttdato for ordninga", "2027-12-31")
    iv.hald_fram("avtaletype")
    assert "ei tilleggsavtale" in side.inner_text("#daquestion")
    assert side.get_by_role("group", name="Kva avtale vil de bruke?").get_by_label(
        "Tilleggsavtale til arbeidsavtala", exact=True).is_checked()
    iv.hald_fram()
    # a tilleggsavtale needs its prøveperiode and notice before the review
    if iv.id == "proveperiode":
        iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
        iv.hald_fram("gjennomgang")
    assert iv.id == "gjennomgang"
    assert "Avtaletype: Tilleggsavtale til arbeidsavtala" in side.inner_text("#daquestion")
