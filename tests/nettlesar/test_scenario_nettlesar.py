"""The scenario corpus in a real browser (issue 30): each scenario of tests/scenario/*.yml
answered screen by screen in Chromium, with axe and the Nynorsk check on every screen, on the
scenario's screens in its order, to the end screen it names, and the sentences it names in the
PDF and the DOCX the user downloads (the same files: tests/test_scenario.py on the rules,
tests/med_docassemble/test_scenario_motor.py on the engine)."""
from __future__ import annotations

import pytest

from motorhjelp import normaliser
from nettlesarhjelp import Intervju, docx_tekst, logg_inn, pdf_tekst, svar_skjerm
from scenariokorpus import alle

SCENARIO = alle()


@pytest.mark.parametrize("scenario", SCENARIO, ids=[s["id"] for s in SCENARIO])
def test_scenarioet_i_nettlesaren(side, tenar, brukar, scenario):
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    skjermar = list(scenario["skjermar"].items())
    for nr, (skjerm, verdiar) in enumerate(skjermar):
        assert iv.id == skjerm, f"venta skjermen {skjerm}, fekk {iv.id}"
        neste = skjermar[nr + 1][0] if nr + 1 < len(skjermar) else scenario["forventa"]["skjerm"]
        svar_skjerm(iv, verdiar, neste)
    assert iv.id == scenario["forventa"]["skjerm"]
    if scenario["forventa"]["dokument"]:
        filer = iv.dokument()
        for tekst in (normaliser(pdf_tekst(filer["pdf"])), normaliser(docx_tekst(filer["docx"]))):
            manglar = [s for s in scenario["forventa"]["dokument"] if normaliser(s) not in tekst]
            assert manglar == []
    assert not any(iv.a11y.values()), iv.a11y
