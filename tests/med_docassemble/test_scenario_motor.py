"""The scenario corpus on docassemble's own engine (issue 30): each scenario's screens answered one
by one as a browser posts them; the interview must end on the scenario's screen, store the
scenario's answer file, decide as the rules decided on it, and print its sentences in both the
PDF and the DOCX (tests/scenario/*.yml; the rules alone: tests/test_scenario.py)."""
from __future__ import annotations

import pytest

from docassemble.desentral.intervju.felles import svar_som_dict
from docassemble.desentral.reglar.saker import svar_til_json
from motorhjelp import docx_tekst, gjennom, normaliser, ny_okt, pdf_tekst
from scenariokorpus import alle, avgjerd_avvik, svarfil_som_tekst, tidslinje

SCENARIO = alle()


@pytest.mark.parametrize("scenario", SCENARIO, ids=[s["id"] for s in SCENARIO])
def test_intervjuet_paa_motoren_kjem_dit_scenarioet_seier(motor, scenario):
    okt = ny_okt(motor)
    skjermar = gjennom(okt, scenario["skjermar"])
    forventa = scenario["forventa"]
    # The scenario's screens, in its order, and no other (a screen the interview skips for this
    # case is an error in the scenario, which the browser would meet as a screen never shown).
    assert [s.id for s in skjermar] == [*scenario["skjermar"], forventa["skjerm"]]
    # The answers the session holds are the scenario's answer file (all of it, when the interview
    # went to the end; as far as it went, when it stopped).
    u = okt.user_dict
    i_okta = svar_til_json(svar_som_dict(u["arbeidstakar"], u["verksemd"], u["ordning"]))
    fil = svarfil_som_tekst(scenario["svarfil"])
    if forventa["skjerm"] == "avtale-ferdig":
        assert i_okta == fil
    else:
        assert {s: {k: fil[s].get(k) for k in v} for s, v in i_okta.items()} == i_okta
        return
    avgjerd = u["vurdering"].som_json()
    assert avgjerd_avvik(scenario, avgjerd) == {}
    assert tidslinje(avgjerd["tidslinje"]) == forventa["tidslinje"]
    [vedlegg] = skjermar[-1].vedlegg
    for tekst in (normaliser(pdf_tekst(vedlegg.filer["pdf"])), normaliser(docx_tekst(vedlegg.filer["docx"]))):
        manglar = [s for s in forventa["dokument"] if normaliser(s) not in tekst]
        assert manglar == []
