"""Issue 14: every date and every period printed in the agreement is one the decision (or the
answers it rests on) holds — the documents say exactly what the rules decided. `lag` assembles
on docassemble's engine; the decision is `vurder`'s for the same answer file and day."""
from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest
import yaml
from motorhjelp import ROOT, docx_tekst, normaliser, pdf_tekst

from docassemble.desentral.reglar.datoar import nynorsk_dato
from docassemble.desentral.kommando.lag import lag_dokument
from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.svarfil import svar_fra_dict

DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome"
MANADER = ("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember")


def _dome(namn: str, **endring) -> dict:
    data = yaml.safe_load((DOME / namn).read_text("utf-8"))
    for dotted, verdi in endring.items():
        seksjon, nokkel = dotted.split(".")
        data[seksjon][nokkel] = verdi
    return data


SAKER = {
    "tilleggsavtale": _dome("heimekontor_tilleggsavtale.yml", **{"ordning.proveperiode_manader": 4,
                                                                 "ordning.proveperiode_varsel_veker": 3}),
    "arbeidsavtale": _dome("nytilsett_arbeidsavtale.yml"),
    "halv prøvetid": _dome("nytilsett_arbeidsavtale.yml", **{"arbeidstakar.mellombels_til": date(2027, 8, 31)}),
    "forlengd prøvetid": _dome("nytilsett_arbeidsavtale.yml", **{"arbeidstakar.fravaer_i_provetid_dagar": 20}),
    "prøvetid held fram, mellombels over eitt år": _dome(
        "nytilsett_arbeidsavtale.yml", **{"arbeidstakar.nytilsett": False, "arbeidstakar.tilsett_fra": date(2026, 11, 2),
                                          "arbeidstakar.mellombels_til": date(2028, 6, 30),
                                          "ordning.samtykke_arbeidstakar": True, "ordning.samtykke_arbeidsgivar": True}),
    # issue 16: a changed agreement prints the change's day and its § 14-8 deadline from it
    "endra tilleggsavtale": _dome("heimekontor_tilleggsavtale.yml", **{"ordning.endra_fra": date(2027, 5, 3)}),
}


def _blad(v, er_blad) -> set:
    """Every leaf value anywhere in the decision or the answers that `er_blad` picks."""
    if isinstance(v, Mapping):
        v = list(v.values())
    if isinstance(v, (list, tuple)):
        return set().union(*(_blad(x, er_blad) for x in v)) if v else set()
    return {v} if er_blad(v) else set()


def _datoar(v) -> set[date]:
    return _blad(v, lambda x: isinstance(x, date))


def _heiltal(v) -> set[int]:
    return _blad(v, lambda x: isinstance(x, int) and not isinstance(x, bool))


@pytest.mark.parametrize("sak", list(SAKER))
def test_kvar_dato_og_kvar_periode_i_avtala_er_avgjerda_si(sak, tmp_path):
    data = copy.deepcopy(SAKER[sak])
    svar = svar_fra_dict(data)
    vurdering = vurder(svar, date.today())
    resultat = lag_dokument(svar, tmp_path / "ut", tmp_path / "arbeid")
    assert resultat["laga"], resultat
    lovlege_datoar = {nynorsk_dato(d) for d in _datoar(vurdering) | _datoar(data)}
    lovlege_tal = _heiltal(vurdering) | _heiltal(data)
    for fil in map(Path, resultat["filer"]):
        tekst = normaliser(pdf_tekst(fil) if fil.suffix == ".pdf" else docx_tekst(fil))
        trykte = set(re.findall(rf"\b\d{{1,2}}\. (?:{MANADER}) \d{{4}}\b", tekst))
        assert trykte, fil.name
        assert trykte <= lovlege_datoar, (fil.name, sorted(trykte - lovlege_datoar))
        for tal, eining in re.findall(r"\b(\d+) (månad|månader|veke|veker|dagar)\b", tekst):
            assert int(tal) in lovlege_tal, (fil.name, f"{tal} {eining}")
        # A period written in words is not the decision's figure (issue 14: «seks månader»).
        ord_ = re.findall(r"\b(?:ein|éin|to|tre|fire|fem|seks|sju|åtte|ni|ti|tolv) (?:månad|månader|veke|veker)\b", tekst)
        assert not ord_, (fil.name, ord_)
        # The periods the decision holds are all printed.
        for nokkel in ("provetid", "proveperiode"):
            p = vurdering[nokkel]
            if p:
                assert nynorsk_dato(p["til"]) in tekst, (fil.name, nokkel)
        if data["ordning"].get("endra_fra"):
            assert "endringane gjeld frå og med 3. mai 2027" in tekst and "seinast den dagen endringa tek til å gjelde, 3. mai 2027" in tekst, fil.name
        if vurdering["opphoyr"].get("varsel_for_slutt"):
            assert nynorsk_dato(vurdering["opphoyr"]["varsel_for_slutt"]["seinast"]) in tekst
