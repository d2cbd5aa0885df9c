"""Issue 13 (7): docassemble's own account pages and messages in Nynorsk — sign-in and sign-out
notices, the profile, password and registration pages, refused access — and the browser's
date-field message."""
from __future__ import annotations

from nettlesarhjelp import Intervju, fram_til_stad, logg_inn
from skjermsjekk import engelsk_pa_skjerm


def _nynorsk(side, kva: str):
    side.wait_for_load_state("networkidle")
    funne = engelsk_pa_skjerm(side.content())
    assert funne == [], (kva, funne, side.inner_text("body")[:400])


def test_kontosidene_er_paa_nynorsk(side, tenar, brukar):
    logg_inn(side, tenar, brukar)
    assert "Du er logga inn." in side.inner_text("body")
    _nynorsk(side, "etter innlogging")
    for sti in ("/user/profile", "/user/change-password", "/interviews"):
        side.goto(tenar + sti)
        _nynorsk(side, sti)
    side.goto(tenar + "/user/change-password")
    passord = side.locator("input[type=password]")
    passord.nth(0).fill("feil-passord-1A")
    passord.nth(1).fill("Nytt-passord-9")
    passord.nth(2).fill("Nytt-passord-9")
    side.locator("form button[type=submit], form input[type=submit]").first.click()
    side.wait_for_load_state("networkidle")
    assert "Det gamle passordet er feil" in side.inner_text("body")
    _nynorsk(side, "feil gamalt passord")
    side.goto(tenar + "/userlist")
    _nynorsk(side, "/userlist utan tilgang")
    side.goto(tenar + "/user/sign-out")
    assert "Du er logga ut." in side.inner_text("body")
    _nynorsk(side, "etter utlogging")
    for sti in ("/user/forgot-password", "/user/register", "/user/sign-in"):
        side.goto(tenar + sti)
        _nynorsk(side, sti)


def test_halvskriven_dato_gir_nynorsk_melding(side, tenar):
    iv = Intervju(side, tenar).start()
    fram_til_stad(iv, "Dag Dato", nytilsett=False)
    iv.val("Arbeidsstad", "Eit kontorfellesskap utanfor kontorstrukturen til verksemda")
    iv.hald_fram("samtykke")
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")
    iv.hald_fram("tilsetjing")
    felt = side.get_by_label("Første arbeidsdag i verksemda", exact=True)
    felt.click()
    # A six-digit year, as a slip of the keyboard gives it: the browser sends 202222-12-12,
    # which jQuery Validation's dateISO rule refuses with its own message.
    side.keyboard.type("1212202222")
    iv.val("Er tilsetjinga mellombels?", "Nei")
    side.get_by_role("button", name="Hald fram", exact=True).click()
    side.wait_for_selector("text=Skriv ein gyldig dato (ÅÅÅÅ-MM-DD).")
    assert iv.id == "tilsetjing"
    _nynorsk(side, "dato med seks siffer i året")
