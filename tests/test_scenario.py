"""The scenario corpus on the rules alone (issue 30): tests/scenario/*.yml, the answer file
decided by reglar on the scenario's day; the same files run on the engine and in the browser."""
from __future__ import annotations

import pytest

from docassemble.desentral.reglar.svarfil import svar_fra_dict
from docassemble.desentral.reglar.vurdering import vurder
from scenariokorpus import alle, avgjerd_avvik, tidslinje

SCENARIO = alle()


def test_korpuset_har_dei_tre_situasjonane_og_eit_utanfor():
    assert len(SCENARIO) >= 4
    assert {s["forventa"]["avgjerd"].get("situasjon") for s in SCENARIO} >= {1, 2, 3}
    assert any(s["forventa"]["avgjerd"]["i_omfang"] is False for s in SCENARIO)


@pytest.mark.parametrize("scenario", SCENARIO, ids=[s["id"] for s in SCENARIO])
def test_reglane_avgjer_som_scenarioet_seier(scenario):
    avgjerd = vurder(svar_fra_dict(scenario["svarfil"]), scenario["dato"]).som_json()
    assert avgjerd_avvik(scenario, avgjerd) == {}
    assert tidslinje(avgjerd["tidslinje"]) == scenario["forventa"]["tidslinje"]
    # A decision out of scope has nothing to print; one in scope names the sentences to find.
    assert bool(scenario["forventa"]["dokument"]) == avgjerd["i_omfang"]
    assert scenario["forventa"]["skjerm"] == ("avtale-ferdig" if avgjerd["i_omfang"] else "utanfor-omfang")
