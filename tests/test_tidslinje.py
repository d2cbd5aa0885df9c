"""The arrangement's timeline (issue 16): every date comes from the decision's own parts, with
its source; the status marks for HR's list."""
from __future__ import annotations

from datetime import date

import pytest

from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.tidslinje import NAER_DAGAR, med_status

I_DAG = date(2026, 12, 1)


def _linje(lag_svar, overrides=None):
    r = vurder(lag_svar(overrides or {}), I_DAG)
    return r, {p["kva"]: p for p in r["tidslinje"]}


def test_tilleggsavtale_heimekontor(lag_svar):
    r, t = _linje(lag_svar)
    assert r["avtaletype"] == "tilleggsavtale"
    assert list(t) == ["skriftleg_frist", "proveperiode_slutt", "ordning_slutt"]
    # arbeidsmiljølova § 14-8 from 1 July 2024: in writing no later than the day it takes effect.
    assert (t["skriftleg_frist"]["dato"], t["skriftleg_frist"]["kjelde"]) == (date(2027, 1, 1), "arbeidsmiljølova § 14-8")
    assert t["proveperiode_slutt"]["dato"] == r["proveperiode"]["til"] == date(2027, 3, 31)
    assert "2 veker varsel" in t["proveperiode_slutt"]["tekst"]
    assert t["ordning_slutt"]["dato"] == date(2027, 12, 31)
    assert t["ordning_slutt"]["kjelde"] == "Rettleiinga 5.3.2"


def test_endring_foer_2024_har_ein_manads_frist(lag_svar):
    _, t = _linje(lag_svar, {"ordning.fra": date(2024, 3, 1), "ordning.til": date(2024, 12, 31),
                             "ordning.signeringsdato": date(2024, 2, 1)})
    assert t["skriftleg_frist"]["dato"] == date(2024, 4, 1)
    assert "éin månad etter" in t["skriftleg_frist"]["tekst"]


def test_nytilsett_arbeidsavtale(lag_svar):
    r, t = _linje(lag_svar, {"arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 1, 1),
                             "ordning.til": None, "ordning.fast_pa_ordinaer_kontorstad": False})
    assert r["avtaletype"] == "arbeidsavtale"
    # arbeidsmiljølova § 14-5: seven days after the first day of work.
    assert (t["skriftleg_frist"]["dato"], t["skriftleg_frist"]["kjelde"]) == (date(2027, 1, 8), "arbeidsmiljølova § 14-5")
    assert t["provetid_slutt"]["dato"] == r["provetid"]["til"] == date(2027, 6, 30)
    assert "proveperiode_slutt" not in t and "ordning_slutt" not in t


def test_mellombels_tilsett_tilleggsavtale_slutt_med_tilsetjinga(lag_svar):
    r, t = _linje(lag_svar, {"arbeidstakar.mellombels_til": date(2027, 6, 30)})
    assert r["avtaletype"] == "tilleggsavtale"
    assert t["tilsetjing_slutt"]["dato"] == date(2027, 6, 30)
    assert "sluttar automatisk" in t["tilsetjing_slutt"]["tekst"]
    assert t["tilsetjing_slutt"]["kjelde"] == "Rettleiinga 5.1 og 5.3.6"
    assert "ordning_slutt" not in t  # no end of its own before the employment's


def test_mellombels_over_eitt_ar_varsel_for_slutt(lag_svar):
    r, t = _linje(lag_svar, {"arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 1, 1),
                             "arbeidstakar.mellombels_til": date(2028, 12, 31), "ordning.til": None, "ordning.fast_pa_ordinaer_kontorstad": False})
    assert r["avtaletype"] == "arbeidsavtale"
    assert t["varsel_for_slutt"]["dato"] == r["opphoyr"]["varsel_for_slutt"]["seinast"] == date(2028, 11, 30)
    assert t["varsel_for_slutt"]["kjelde"] == "statstilsettelova § 17 fjerde ledd"
    assert t["tilsetjing_slutt"]["kjelde"] == "statstilsettelova § 17"


def test_utanfor_rettleiinga_har_inga_tidslinje(lag_svar):
    r, _ = _linje(lag_svar, {"ordning.stad": "utlandet"})
    assert not r["i_omfang"] and r["tidslinje"] == []


@pytest.mark.parametrize("dagar, status", [(-1, "forbi"), (0, "naer"), (NAER_DAGAR, "naer"),
                                           (NAER_DAGAR + 1, "seinare")])
def test_status_for_hr(dagar, status):
    from datetime import timedelta

    post = {"kva": "ordning_slutt", "dato": I_DAG + timedelta(days=dagar), "tekst": "x", "kjelde": "y"}
    assert med_status([post], I_DAG)[0]["status"] == status


def test_hr_datomerknad_naer_og_forsein():
    from docassemble.desentral.reglar.tidslinje import hr_datomerknad

    linje = [{"kva": "skriftleg_frist", "dato": date(2026, 11, 20), "tekst": "x", "kjelde": "aml § 14-8"},
             {"kva": "proveperiode_slutt", "dato": date(2026, 12, 20), "tekst": "x", "kjelde": "5.3.6"},
             {"kva": "ordning_slutt", "dato": date(2027, 6, 30), "tekst": "x", "kjelde": "5.3.2"}]
    # Not approved: the passed signing deadline is late; the trial's end is within 30 days.
    assert hr_datomerknad(linje, False, I_DAG) == ("Forsein: skriftleg avtale 20. november 2026; "
                                                  "Prøveperioden for ordninga sluttar 20. desember 2026")
    # Approved: the signing deadline is no longer HR's to chase.
    assert hr_datomerknad(linje, True, I_DAG) == "Prøveperioden for ordninga sluttar 20. desember 2026"
    assert hr_datomerknad(linje[2:], True, I_DAG) == "–"


@pytest.mark.parametrize("overrides, dato, kjelde", [
    # An arrangement from before 1 July 2024: § 14-8 then gave one month after it took effect.
    ({"ordning.fra": date(2024, 3, 1), "ordning.til": date(2024, 12, 31), "ordning.signeringsdato": date(2024, 2, 1)},
     "1. april 2024", "arbeidsmiljølova § 14-8"),
    ({}, "1. januar 2027", "arbeidsmiljølova § 14-8"),
    ({"arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 1, 1), "ordning.til": None,
      "ordning.fast_pa_ordinaer_kontorstad": False}, "8. januar 2027", "arbeidsmiljølova § 14-5"),
])
def test_avtala_seier_same_skrivefrist_som_tidslinja(lag_svar, overrides, dato, kjelde):
    """The signature clause prints the timeline's deadline (it said «the day the arrangement
    starts» for every case, also those § 14-5 or the pre-2024 rule governed)."""
    from docassemble.desentral.dokument.avtaledata import avtaledata

    svar = lag_svar(overrides)
    r = vurder(svar, I_DAG)
    data = avtaledata(svar, r)
    assert (data.skriftleg_seinast, data.skriftleg_kjelde) == (dato, kjelde)
