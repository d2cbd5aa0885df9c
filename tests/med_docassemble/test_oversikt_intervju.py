"""Issue 31, item 4: the overview interview on docassemble's engine: who may open it, the
municipality answered on the place's screen counted, HR's cases behind the dates, `leiing`'s
counts only, «Endre utvalet»."""
from __future__ import annotations

from datetime import date, timedelta

from motorhjelp import SVAR_HEIMEKONTOR, gjennom, ny_okt


def _oversikt(motor, roller):
    return motor.okt("oversikt.yml", roller=roller, epost="o@example.com", brukar_id=98)


def test_kven_kan_opne_oversikta(motor):
    interview = _oversikt(motor, ["user", "leiing"]).interview
    for rolle in ("hr", "admin", "leiing"):
        assert interview.allowed_to_access(is_anonymous=False, has_roles=[rolle])
    assert not interview.allowed_to_access(is_anonymous=False, has_roles=["user", "leiar"])
    assert not interview.allowed_to_access(is_anonymous=True, has_roles=[])


def test_kommunen_blir_talt_og_leiinga_ser_berre_tal(motor):
    # From today: the written deadline falls in this quarter, so HR's table of dates names her.
    i_dag = date.today()
    svar = dict(SVAR_HEIMEKONTOR, arbeidsstad=dict(SVAR_HEIMEKONTOR["arbeidsstad"], **{"ordning.kommune": "5612"}),
                periode=dict(SVAR_HEIMEKONTOR["periode"], **{"ordning.fra": i_dag.isoformat()}),
                sluttdato={"ordning.sluttdato": (i_dag + timedelta(days=364)).isoformat()})
    tilsett = ny_okt(motor)
    gjennom(tilsett, svar)
    assert tilsett.skjerm.id == "avtale-ferdig"

    hr = _oversikt(motor, ["user", "hr"])
    assert hr.skjerm.id == "oversikt-utval"
    hr.svar({"oversikt_status": "alle", "oversikt_situasjon": "heimekontor", "oversikt_avtaletype": "alle",
             "oversikt_kommune": "5612", "oversikt_utval": True})
    assert hr.skjerm.id == "oversikt-vist"
    # The name as text (skjerm() writes its hyphen as a character reference).
    assert '<th scope="row">Guovdageaidnu &#45; Kautokeino</th><td class="text-end">1</td>' in hr.skjerm.html
    assert "Sendt til HR" in hr.skjerm.undertekst and "Last ned som XLSX" in hr.skjerm.undertekst
    assert "<td>Kari Nordmann</td>" in hr.skjerm.html
    hr.svar({"oversikt_vist": "endre"})
    assert hr.skjerm.id == "oversikt-utval"

    leiing = _oversikt(motor, ["user", "leiing"])
    leiing.svar({"oversikt_status": "alle", "oversikt_situasjon": "alle", "oversikt_avtaletype": "alle",
                 "oversikt_kommune": "5612", "oversikt_utval": True})
    assert leiing.skjerm.id == "oversikt-vist" and "(berre tal)" in leiing.skjerm.undertekst
    assert "Kari Nordmann" not in leiing.skjerm.html


def test_sidene_i_kommunetabellen():
    from docassemble.desentral.lager.hrliste import PER_SIDE, hr_sideutval as side_av

    rader = [(f"K{i}", 1) for i in range(2 * PER_SIDE + 10)]
    assert side_av(rader, 1) == (rader[:PER_SIDE], 1, 3)
    assert side_av(rader, 3) == (rader[2 * PER_SIDE:], 3, 3)
    # A page out of range (a stale link after the choice changed) shows the nearest page.
    assert side_av(rader, 9)[1:] == (3, 3) and side_av(rader, 0)[1:] == (1, 3)
    assert side_av([], 1) == ([], 1, 1)
