"""An approved arrangement's versions, change, evaluation and renewal (issue 16)."""
from __future__ import annotations

from datetime import date

import pytest

from docassemble.desentral.dokument.avtaledata import avtaledata
from docassemble.desentral.reglar.livslop import (endring_mogleg, evaluer, gjeldande_versjon,
                                           kan_evaluerast, ny_periode, opne_endring, tidlegare_versjonar,
                                           versjon_som_sak, versjonar)
from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.saker import SakFeil, godkjenn, ny_sak, returner, send_inn
from docassemble.desentral.reglar.svarfil import SvarFeil, svar_fra_dict
from saksbyggjar import godkjend, signert

I_DAG = date(2027, 3, 1)


def _godkjend(svar_dict, hr=None):
    return godkjenn(send_inn(ny_sak(svar_dict, 7, None), svar_dict), hr or {"utstyr": "PC"})


def test_godkjenning_held_kvar_versjon(svar_dict):
    sak = _godkjend(svar_dict)
    assert [v["versjon"] for v in versjonar(sak)] == [1]
    assert gjeldande_versjon(sak)["hr"] == {"utstyr": "PC"} and tidlegare_versjonar(sak) == []


def test_endring_gjennom_same_handsaming_og_ny_versjon(svar_dict):
    v1 = _godkjend(svar_dict)
    sak = opne_endring(v1, "arbeidstakar", date(2027, 4, 1), " Flyttar ", I_DAG)
    assert sak["status"] == "endring" and sak["versjon"] == 1 and sak["kommentar"] == "Flyttar"
    assert sak["svar"]["ordning"]["endra_fra"] == "2027-04-01"
    # The approved version is still the one in force while the change is under way.
    assert gjeldande_versjon(sak)["svar"] == v1["svar"]
    ny = dict(sak["svar"], ordning=dict(sak["svar"]["ordning"], arbeidsstad="Heimekontor, Lom"))
    sak = send_inn(sak, ny)
    assert (sak["status"], sak["versjon"]) == ("innsendt", 2)
    sak = godkjenn(send_inn(returner(sak, "Skriv adressa heilt."), ny), {"utstyr": "PC og skjerm"})
    assert [v["versjon"] for v in versjonar(sak)] == [1, 3]
    assert [v["versjon"] for v in tidlegare_versjonar(sak)] == [1]
    gammal = versjon_som_sak(sak, 1)
    assert gammal["svar"]["ordning"]["arbeidsstad"] == svar_dict["ordning"]["arbeidsstad"]
    assert gammal["hr"] == {"utstyr": "PC"} and versjon_som_sak(sak, 2) is None
    # The new version counts § 14-8 from the change and says so in the agreement.
    svar = svar_fra_dict(sak["svar"])
    avgjerd = vurder(svar, I_DAG).som_json()
    frist = next(p for p in avgjerd["tidslinje"] if p["kva"] == "skriftleg_frist")
    assert (frist["dato"], frist["kjelde"]) == (date(2027, 4, 1), "arbeidsmiljølova § 14-8")
    assert avtaledata(svar, avgjerd).endra_fra == "1. april 2027"
    assert avtaledata(svar_fra_dict(gammal["svar"]), avgjerd).endra_fra is None


@pytest.mark.parametrize("fra, melding", [
    (date(2026, 12, 1), "før ordninga tok til"),
    (date(2028, 1, 1), "sluttar 31. desember 2027"),
])
def test_endring_nekta_med_grunn(svar_dict, fra, melding):
    sak = _godkjend(svar_dict)
    assert melding in endring_mogleg(sak, fra, I_DAG)
    with pytest.raises(SakFeil, match=melding):
        opne_endring(sak, "arbeidsgivar", fra, None, I_DAG)
    assert endring_mogleg(sak, I_DAG, I_DAG) is None  # the day itself is in time


def test_arbeidsmiljolova_14_8_endring_med_passert_dato_blir_registrert_med_brotet(svar_dict):
    """Issue 28, item 9: a change whose day has passed is recorded with its true date (no
    refusal that pushes people to write a false one); HR sees the missed written deadline of
    § 14-8 with the number of days late."""
    svar_dict["ordning"].pop("signeringsdato", None)  # signed when the screen is used: today
    sak = _godkjend(svar_dict)
    assert endring_mogleg(sak, date(2027, 2, 1), I_DAG) is None
    endra = opne_endring(sak, "arbeidsgivar", date(2027, 2, 1), None, I_DAG)
    assert endra["svar"]["ordning"]["endra_fra"] == "2027-02-01"
    avgjerd = vurder(svar_fra_dict(endra["svar"]), I_DAG)
    [brot] = [a for a in avgjerd["atvaringar"] if a["kjelde"] == "arbeidsmiljølova § 14-8"]
    assert brot["tekst"] == ("Avtala skal vere skriftleg seinast den dagen endringa tek til å gjelde, 1. februar "
                             "2027. Ho kan tidlegast skrivast under 1. mars 2027, 28 dagar etter fristen.")


def test_endring_krev_godkjend_sak(svar_dict):
    with pytest.raises(SakFeil, match="godkjend"):
        opne_endring(send_inn(ny_sak(svar_dict, 7, None), svar_dict), "arbeidstakar", I_DAG, None, I_DAG)


def test_endringsdato_i_svarfila_maa_liggje_i_perioden(svar_dict):
    svar_dict["ordning"]["endra_fra"] = "2026-12-31"
    with pytest.raises(SvarFeil, match="ordning.endra_fra: Endringa kan ikkje gjelde frå før ordninga tok til"):
        svar_fra_dict(svar_dict)
    svar_dict["ordning"]["endra_fra"] = "2028-01-01"
    with pytest.raises(SvarFeil, match="etter at ordninga sluttar"):
        svar_fra_dict(svar_dict)


@pytest.mark.parametrize("fra, til, mellombels_til, venta", [
    ("2027-01-01", "2027-12-31", None, (date(2028, 1, 1), date(2028, 12, 31))),
    ("2027-01-15", "2027-07-14", None, (date(2027, 7, 15), date(2028, 1, 14))),   # six months
    ("2027-01-01", "2027-01-10", None, (date(2027, 1, 11), date(2027, 1, 20))),   # ten days
    ("2027-01-01", "2027-12-31", "2028-06-30", (date(2028, 1, 1), date(2028, 6, 30))),  # capped
])
def test_ny_periode(svar_dict, fra, til, mellombels_til, venta):
    svar_dict["ordning"].update(fra=fra, til=til)
    svar_dict["arbeidstakar"]["mellombels_til"] = mellombels_til
    assert ny_periode(svar_dict) == venta


def test_ingen_ny_periode_naar_tilsetjinga_sluttar_same_dag(svar_dict):
    svar_dict["arbeidstakar"]["mellombels_til"] = "2027-12-31"
    with pytest.raises(SakFeil, match="Rettleiinga 5.1"):
        ny_periode(svar_dict)


def test_evaluering_halde_fram_sender_ny_periode_til_hr(svar_dict):
    svar_dict["ordning"]["proveperiode_manader"] = 3
    sak = evaluer(_godkjend(svar_dict), "arbeidsgivar", "godt", "halde_fram", "", date(2027, 11, 1))
    assert (sak["status"], sak["versjon"]) == ("innsendt", 2)
    o = sak["svar"]["ordning"]
    assert (o["fra"], o["til"], o["proveperiode_manader"], o["endra_fra"]) == ("2028-01-01", "2028-12-31", 0, None)
    assert sak["evalueringar"][0]["val"] == "halde_fram" and sak["evalueringar"][0]["kommentar"] is None
    assert [v["versjon"] for v in versjonar(sak)] == [1]
    assert [v["versjon"] for v in versjonar(godkjenn(sak, {}))] == [1, 2]


def test_evaluering_endre_og_avslutte(svar_dict):
    v1 = _godkjend(svar_dict)
    sak = evaluer(v1, "arbeidstakar", "delvis", "endre", "Færre kontordagar", date(2027, 11, 1))
    assert sak["status"] == "endring" and sak["svar"]["ordning"]["fra"] == "2028-01-01"
    assert sak["endring"]["fra"] == "2028-01-01" and sak["kommentar"] == "Færre kontordagar"
    sak = evaluer(v1, "arbeidstakar", "ikkje", "avslutte", None, date(2027, 11, 1))
    assert sak["status"] == "godkjend" and sak["svar"] == v1["svar"] and len(sak["evalueringar"]) == 1


def test_kven_kan_evaluerast(svar_dict):
    sak = _godkjend(svar_dict)
    assert kan_evaluerast(sak, date(2027, 12, 31)) is None
    assert "slutta 31. desember 2027" in kan_evaluerast(sak, date(2028, 1, 1))
    with pytest.raises(SakFeil, match="slutta"):
        evaluer(sak, "arbeidstakar", "godt", "halde_fram", None, date(2028, 1, 1))
    svar_dict["ordning"].update(til=None, fast_pa_ordinaer_kontorstad=False)
    assert "ikkje tidsavgrensa" in kan_evaluerast(_godkjend(svar_dict), I_DAG)


def test_hr_ser_datoane_til_versjonen_som_gjeld_medan_ein_ny_ventar(svar_dict):
    """HR's list and the reminders (one rule): while a renewal waits for HR, the version in force
    still ends on its day, and the waiting version's signing deadline is due too; its own later
    dates are not in force yet. A case under change is still reminded of."""
    from docassemble.desentral.reglar.livslop import forfalne_for_sak
    from docassemble.desentral.dokument.paaminning import nye_paaminningar

    v1 = signert(godkjend(svar_dict))
    dag = date(2027, 12, 10)
    fornya = evaluer(v1, "arbeidstakar", "godt", "halde_fram", None, dag)
    assert [(p["kva"], p["dato"]) for p in forfalne_for_sak(fornya, dag)] == [
        ("ordning_slutt", date(2027, 12, 31)), ("skriftleg_frist", date(2028, 1, 1))]
    assert [(p["kva"], p["dato"]) for p in forfalne_for_sak(v1, dag)] == [("ordning_slutt", date(2027, 12, 31))]
    endra = opne_endring(v1, "arbeidsgivar", date(2027, 12, 20), None, dag)
    assert [p["kva"] for _, _, p in nye_paaminningar([endra], dag, set())] == ["skriftleg_frist", "ordning_slutt"]


def test_arbeidsmiljolova_14_5_trekt_godkjenning_gir_ny_versjon_ved_ny_godkjenning(svar_dict):
    """Issue 28, item 11: a withdrawn approval is never in force, and approving again makes a new
    version (its own documents), not the withdrawn one again."""
    from docassemble.desentral.reglar.saker import trekk_tilbake_godkjenning

    sak = trekk_tilbake_godkjenning(godkjend(svar_dict))
    assert (sak["status"], sak["versjon"]) == ("innsendt", 2) and sak["versjonar"][0]["trekt"]
    assert gjeldande_versjon(sak) is None
    sak = godkjenn(sak, {"utstyr": "PC"})
    assert [v["versjon"] for v in versjonar(sak)] == [1, 2] and gjeldande_versjon(sak)["versjon"] == 2


def test_versjon_avloyst_foer_ho_tek_til_gjeld_aldri(svar_dict):
    """A change approved for 1 June and a second one approved for the same day: the first never
    takes effect, and its page says so (not «tek til å gjelde 1. juni»). A second change from a
    later day leaves the first in force between the two days."""
    from docassemble.desentral.reglar.livslop import versjonsstatus

    def endra(sak, fra, stad):
        sak = opne_endring(sak, "arbeidstakar", fra, None, I_DAG)
        ny = dict(sak["svar"], ordning=dict(sak["svar"]["ordning"], arbeidsstad=stad))
        return godkjenn(send_inn(sak, ny), {"utstyr": "PC"})

    v2 = endra(_godkjend(svar_dict), date(2027, 6, 1), "Heimekontor, Lom")
    assert versjonsstatus(v2, 2, I_DAG) == {"status": "kjem", "fra": date(2027, 6, 1)}
    same_dag = endra(v2, date(2027, 6, 1), "Heimekontor, Vågå")
    for dag in (I_DAG, date(2027, 7, 1)):
        assert versjonsstatus(same_dag, 2, dag) == {"status": "forbigaatt", "av": 3, "fra": date(2027, 6, 1)}
    assert gjeldande_versjon(same_dag, date(2027, 7, 1))["versjon"] == 3
    seinare = endra(v2, date(2027, 8, 1), "Heimekontor, Vågå")
    assert [versjonsstatus(seinare, 2, d)["status"] for d in (I_DAG, date(2027, 7, 1), date(2027, 9, 1))] == [
        "kjem", "gjeld", "avloyst"]


def test_to_endringar_i_same_sekund_er_to_endringar():
    """A change is known by its place in the history as well as its time: two changes opened
    within one second are two (the second was never shown when the time alone was the key)."""
    from docassemble.desentral.reglar.livslop import endring_handtert, endring_nokkel

    tid = "2027-01-10T09:00:00+00:00"
    sak = {"historikk": [{"tid": "2026-12-01T08:00:00+00:00", "hending": "innsendt"},
                         {"tid": tid, "hending": "endring_opna"}]}
    forste = endring_nokkel(sak)
    assert endring_handtert(forste, sak)
    sak["historikk"] += [{"tid": tid, "hending": "godkjend"}, {"tid": tid, "hending": "endring_opna"}]
    andre = endring_nokkel(sak)
    assert andre != forste and not endring_handtert(forste, sak) and endring_handtert(andre, sak)
    # A session that kept the time alone (0.4.0's first commits) has taken in the change under way.
    assert endring_handtert(tid, sak)
    assert endring_handtert(None, {"historikk": []}) and not endring_handtert(None, sak)
