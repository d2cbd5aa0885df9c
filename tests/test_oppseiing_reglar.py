"""Notice of an approved arrangement (issues 16 and 28): within the prøveperiode for ordninga its
short notice, after it the agreed notice, counted from the day the notice is received; before the
arrangement starts it does not start; refused after it ended; a temporary employment that ends
first ends the tilleggsavtale with nothing to fall back on; an ordinary agreement goes to HR with
statstilsettelova's notice. Test names carry the source of the rule they check."""
from __future__ import annotations

from datetime import date

import pytest

from docassemble.desentral.reglar.oppseiing import OppseiingFeil, vurder_oppseiing
from docassemble.desentral.reglar.vurdering import vurder

I_DAG = date(2026, 12, 1)


def _opp(lag_svar, gitt, kven="arbeidstakar", overrides=None, mottatt=None):
    svar = lag_svar(overrides or {})
    return vurder_oppseiing(svar, vurder(svar, I_DAG), gitt, kven, mottatt)


def _tekst(r) -> str:
    return " ".join(g["tekst"] for g in r["grunnar"])


def test_i_proveperioden_to_veker(lag_svar):
    r = _opp(lag_svar, date(2027, 2, 10))
    assert (r["grunnlag"], r["siste_dag"], r["frist"]) == ("proveperiode", date(2027, 2, 24), "2 veker")
    assert r["verknad"] == "fell_tilbake" and not r["til_hr"]
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


def test_for_seint_blir_nekta_med_grunn(lag_svar):
    with pytest.raises(OppseiingFeil, match="slutta 31. desember 2027"):
        _opp(lag_svar, date(2028, 1, 2))


def test_rettleiinga_5_3_1_oppseiing_foer_start_gjer_at_ordninga_ikkje_tek_til(lag_svar):
    """Issue 28, item 4: allowed, with its source — decentralised work rests on both parties
    wanting it, so notice received before the start means the arrangement does not start."""
    r = _opp(lag_svar, date(2026, 12, 20))
    assert (r["grunnlag"], r["verknad"], r["siste_dag"]) == ("for_start", "tek_ikkje_til", None)
    assert r["grunnar"][0]["kjelde"] == "Rettleiinga 5.3.1 og 5.3.6"
    assert "tek ikkje til å gjelde" in _tekst(r) and "fell partane tilbake" not in _tekst(r)


def test_statstilsettelova_frist_fraa_dato_til_dato_fraa_mottak(lag_svar):
    """Issue 28, item 3 (legal facts 1.3: «counted from when the notice is received»): the last
    day counts from the day received, not the day written."""
    r = _opp(lag_svar, date(2027, 2, 10), mottatt=date(2027, 2, 15))
    assert (r["gitt"], r["mottatt"], r["siste_dag"]) == (date(2027, 2, 10), date(2027, 2, 15), date(2027, 3, 1))
    assert "frå den dagen oppseiinga er motteken" in _tekst(r)
    with pytest.raises(OppseiingFeil, match="motteken før ho er gitt"):
        _opp(lag_svar, date(2027, 2, 10), mottatt=date(2027, 2, 9))


def test_rettleiinga_5_1_mellombels_tilsetjing_som_sluttar_foerst_gir_ingenting_aa_falle_tilbake_paa(lag_svar):
    """Issue 28, item 1 (Rettleiinga 5.1, 5.3.6; statstilsettelova § 17): the employment ends
    with or before the arrangement; the tilleggsavtale ends with it, and no sentence says the
    parties fall back on the ordinary agreement."""
    r = _opp(lag_svar, date(2027, 9, 1), overrides={"arbeidstakar.mellombels_til": date(2027, 10, 15)})
    assert (r["siste_dag"], r["grunnlag"], r["verknad"]) == (date(2027, 10, 15), "slutt_uansett",
                                                              "sluttar_med_tilsetjinga")
    tekst = _tekst(r)
    assert "inga ordinær arbeidsavtale å falle tilbake på" in tekst and "fell partane tilbake" not in tekst
    assert "Arbeidsforholdet held fram" not in tekst
    # Exactly one statement of the last day: the capped one.
    assert "sluttar før, 15. oktober 2027, og ordninga varer til og med den dagen" in tekst
    assert "varer til og med 1. november 2027" not in tekst
    # A temporary employment that ends after the notice: back on the ordinary agreement until then.
    r = _opp(lag_svar, date(2027, 4, 1), overrides={"arbeidstakar.mellombels_til": date(2027, 12, 31),
                                                      "ordning.til": date(2027, 11, 30)})
    assert r["verknad"] == "fell_tilbake" and "fram til den mellombelse tilsetjinga sluttar 31. desember 2027" in _tekst(r)


def test_rettleiinga_5_3_6_null_varsel_blir_same_dag_utan_0_veker(lag_svar):
    """Issue 28, item 5: no notice agreed reads naturally — the arrangement ends the same day."""
    r = _opp(lag_svar, date(2027, 2, 10), overrides={"ordning.proveperiode_varsel_veker": 0})
    assert (r["siste_dag"], r["frist"]) == (date(2027, 2, 10), None)
    assert "0 veker" not in _tekst(r) and "ikkje avtalt noko varsel" in _tekst(r) and "sluttar same dag" in _tekst(r)
    r = _opp(lag_svar, date(2027, 5, 10), overrides={"ordning.oppseiingsfrist_manader": 0})
    assert r["siste_dag"] == date(2027, 5, 10) and "0 månader" not in _tekst(r)


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
