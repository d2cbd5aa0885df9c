"""The case's status machine and its typed form (issue 30, item 2: reglar/sak.py): every status
change of the rules goes through one table, and a stored case reads and writes back unchanged."""
from __future__ import annotations

from datetime import date

import pytest

from docassemble.desentral.reglar import livslop, saker
from docassemble.desentral.reglar.sak import OVERGANGAR, Sak, SakFeil, Status, lovlege_hendingar, overgang
from scenariokorpus import KORPUS, last

# The answer file of one scenario of the corpus (a home office on a tilleggsavtale from 2027).
SVAR_HEIMEKONTOR = last(KORPUS / "heimekontor_tilleggsavtale.yml")["svarfil"]


def _sak(status: str = "utkast") -> dict:
    sak = saker.ny_sak(SVAR_HEIMEKONTOR, 7, "kari@example.com")
    return dict(sak, status=status)


@pytest.mark.parametrize("status", [s.value for s in Status])
@pytest.mark.parametrize("hending", sorted(OVERGANGAR))
def test_kvar_hending_i_kvar_status_er_tabellen(status, hending):
    fra, til, grunn = OVERGANGAR[hending]
    if Status(status) in fra:
        assert overgang(status, hending) == (til or Status(status)).value
        assert hending in lovlege_hendingar(status)
    else:
        with pytest.raises(SakFeil) as feil:
            overgang(status, hending)
        assert str(feil.value) == grunn.format(status=saker.STATUSAR[status])
        assert hending not in lovlege_hendingar(status)


def test_ingen_hending_fører_tilbake_til_utkast_og_oppsagd_er_slutten():
    assert all(til is not Status.UTKAST for _, til, _ in OVERGANGAR.values())
    assert lovlege_hendingar("oppsagd") == []
    assert set(saker.STATUSAR) == {s.value for s in Status}


def test_reglane_endrar_status_berre_som_tabellen_seier():
    """The rules' functions, one after the other through a case's life, each to the status the
    table gives, and refused in a status the table refuses."""
    sak = saker.ny_sak(SVAR_HEIMEKONTOR, 7, None)
    sak = saker.send_inn(sak, SVAR_HEIMEKONTOR)
    assert sak["status"] == overgang("utkast", "innsendt")
    sak = saker.returner(sak, "Fyll ut utstyret.")
    assert sak["status"] == "returnert"
    with pytest.raises(SakFeil, match="berre innsende saker kan godkjennast"):
        saker.godkjenn(sak, {})
    sak = saker.godkjenn(saker.send_inn(sak, SVAR_HEIMEKONTOR), {"utstyr": "PC"})
    assert sak["status"] == "godkjend"
    sak = saker.trekk_tilbake_godkjenning(sak)
    assert sak["status"] == "innsendt"
    sak = saker.godkjenn(sak, {"utstyr": "PC"})
    opna = livslop.opne_endring(sak, "arbeidstakar", date(2027, 3, 1), None, date(2027, 2, 1))
    assert opna["status"] == overgang("godkjend", "endring_opna") == "endring"
    with pytest.raises(SakFeil, match="saka kan ikkje sendast inn når ho er «Godkjend»"):
        saker.send_inn(sak, SVAR_HEIMEKONTOR)


def test_ei_lagra_sak_blir_skriven_tilbake_som_ho_var():
    sak = saker.godkjenn(saker.send_inn(_sak(), SVAR_HEIMEKONTOR), {"utstyr": "PC"})
    sak = dict(sak, rev=3, oversikt={"x": 1}, ukjend_felt_fra_ein_seinare_versjon=[1, 2])
    typed = Sak.fra_dict(sak)
    assert typed.status is Status.GODKJEND and typed.versjon == 1 and typed.hr == {"utstyr": "PC"}
    assert typed.til_dict() == sak and list(typed.til_dict()) == list(sak)


@pytest.mark.parametrize("feil", [{"status": "signert"}, {"versjon": "1"}, {"svar": None}])
def test_det_som_ikkje_er_ei_sak_blir_ikkje_lese(feil):
    with pytest.raises(SakFeil):
        Sak.fra_dict(dict(_sak(), **feil))
    utan_id = {k: v for k, v in _sak().items() if k != "id"}
    with pytest.raises(SakFeil, match="manglar id"):
        Sak.fra_dict(utan_id)
