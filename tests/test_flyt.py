"""The employee's questions in order (issue 30, item 2: reglar/flyt.py, which tilsett.yml asks
name by name): which questions each scenario of the corpus gets, decided by the answers and the
rules' decision, not by the YAML. The engine and browser tests of the corpus walk the same
screens (tests/scenario/*.yml)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from docassemble.desentral.reglar.flyt import sporsmal
from docassemble.desentral.reglar.svarfil import svar_fra_dict
from docassemble.desentral.reglar.vurdering import vurder
from scenariokorpus import KORPUS, last

FELLES = ["intro_lesen", "arbeidstakar.namn", "arbeidstakar.nytilsett", "verksemd.namn", "ordning.stad"]
ORDNINGA = ["arbeidstakar.tilsett_fra", "arbeidstakar.mellombels_til", "ordning.fra", "ordning.til"]
INNHALD = ["ordning.avtaletype_valt", "ordning.arbeidsstad", "ordning.omfang", "ordning.tilgjengelegheit",
           "ordning.arbeidstid", "ordning.utstyr", "ordning.utstyr_ansvar"]


def _flyt(scenario_id: str) -> list[str]:
    """The questions as the interview meets them: each name yielded is answered from the
    scenario's answer file; an end screen ends the walk, as it ends the interview."""
    s = last(KORPUS / f"{scenario_id}.yml")
    avgjerd = vurder(svar_fra_dict(s["svarfil"]), s["dato"])
    kjende = {f"{seksjon}.{k}": v for seksjon, verdiar in s["svarfil"].items() for k, v in verdiar.items()}
    kjende.update(omfang=SimpleNamespace(i_omfang=avgjerd["i_omfang"]), vurdering=avgjerd)
    ut = []
    for namn in sporsmal(kjende.__getitem__):
        ut.append(namn)
        if namn == "utanfor_omfang":
            break
    return ut


@pytest.mark.parametrize("scenario_id, forventa", [
    ("heimekontor_tilleggsavtale",
     FELLES + ["ordning.dagpendling_realistisk", "ordning.samtykke_arbeidstakar", *ORDNINGA, *INNHALD,
               "hms_lesen", "ordning.proveperiode_manader"]),
    ("annan_kontorstad_vekslande",
     FELLES + ["ordning.samtykke_arbeidstakar", *ORDNINGA, "ordning.fast_pa_ordinaer_kontorstad", *INNHALD,
               "ordning.proveperiode_manader"]),
    # A new hire is not asked for consent (Rettleiinga 2.2); an arbeidsavtale has no prøveperiode
    # for ordninga.
    ("nytilsett_kontorfellesskap_arbeidsavtale", FELLES + [*ORDNINGA, "ordning.fast_pa_ordinaer_kontorstad", *INNHALD]),
    # Out of scope as soon as the home office is shown to allow daily commuting.
    ("heimekontor_dagpendling_utanfor", FELLES + ["ordning.dagpendling_realistisk", "utanfor_omfang"]),
])
def test_sporsmala_i_rekkjefolgja_reglane_gir(scenario_id, forventa):
    assert _flyt(scenario_id) == forventa
