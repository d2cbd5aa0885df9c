"""Notice of an approved arrangement (issue 16): within the prøveperiode for ordninga its short
notice, after it the agreed notice, refused before the arrangement starts or after it ended;
an ordinary agreement goes to HR with statstilsettelova's notice."""
from __future__ import annotations

from datetime import date

import pytest

from docassemble.desentral.oppseiing import OppseiingFeil, vurder_oppseiing
from docassemble.desentral.reglar import vurder

I_DAG = date(2026, 12, 1)


def _opp(lag_svar, gitt, kven="arbeidstakar", overrides=None):
    svar = lag_svar(overrides or {})
    return vurder_oppseiing(svar, vurder(svar, I_DAG), gitt, kven)


def test_i_proveperioden_to_veker(lag_svar):
    r = _opp(lag_svar, date(2027, 2, 10))
    assert (r["grunnlag"], r["siste_dag"], r["frist"]) == ("proveperiode", date(2027, 2, 24), "2 veker")
    assert r["fell_tilbake"] and not r["til_hr"]
    assert any(g["kjelde"] == "Rettleiinga 5.3.6" for g in r["grunnar"])
    # The trial's last day still counts as within it.
    assert _opp(lag_svar, date(2027, 3, 31))["grunnlag"] == "proveperiode"


def test_etter_proveperioden_avtalt_frist(lag_svar):
    r = _opp(lag_svar, date(2027, 4, 1), kven="arbeidsgivar")
    assert (r["grunnlag"], r["siste_dag"], r["frist"]) == ("avtalt_frist", date(2027, 6, 1), "2 månader")
    assert r["kven"] == "arbeidsgivar"


def test_ordninga_sluttar_uansett_foer_fristen(lag_svar):
    r = _opp(lag_svar, date(2027, 11, 20))
    assert (r["grunnlag"], r["siste_dag"]) == ("slutt_uansett", date(2027, 12, 31))


@pytest.mark.parametrize("gitt, melding", [
    (date(2026, 12, 20), "tek til å gjelde 1. januar 2027"),
    (date(2028, 1, 2), "slutta 31. desember 2027"),
])
def test_for_tidleg_eller_for_seint_blir_nekta_med_grunn(lag_svar, gitt, melding):
    with pytest.raises(OppseiingFeil, match=melding):
        _opp(lag_svar, gitt)


def test_ordinaer_arbeidsavtale_gaar_til_hr(lag_svar):
    r = _opp(lag_svar, date(2027, 9, 1), overrides={
        "arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 1, 1), "ordning.til": None,
        "ordning.fast_pa_ordinaer_kontorstad": False})
    assert r["avtaletype"] == "arbeidsavtale" and r["til_hr"] and r["siste_dag"] is None
    # statstilsettelova § 22: after prøvetid, under two years of service: one month.
    assert (r["frist"], r["oppseiingsfrist"]["i_provetid"]) == ("1 månad", False)
    assert {g["kjelde"] for g in r["grunnar"]} >= {"Rettleiinga 5.3.6", "statstilsettelova § 22"}
    # In the prøvetid (to 30 June 2027): §§ 15 and 22.
    r = _opp(lag_svar, date(2027, 3, 1), overrides={
        "arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 1, 1), "ordning.til": None,
        "ordning.fast_pa_ordinaer_kontorstad": False})
    assert r["oppseiingsfrist"]["i_provetid"] is True
    assert "statstilsettelova §§ 15 og 22" in {g["kjelde"] for g in r["grunnar"]}
