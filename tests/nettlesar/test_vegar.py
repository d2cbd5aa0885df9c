"""Issue 13: paths a user clicks that the scripted flows did not take."""
from __future__ import annotations

from nettlesarhjelp import Intervju, logg_inn
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
        side.goto(href if href.startswith("http") else tenar + href)
        side.wait_for_selector("body[class*='question-']")
        skjermar[iv.id] = side.inner_text("#daquestion")
    assert set(skjermar) == {"intro", "avtale-ferdig"}, list(skjermar)
    assert "Saka er sendt til HR" in skjermar["avtale-ferdig"]
