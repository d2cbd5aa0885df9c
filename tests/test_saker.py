"""Cases for HR: status changes, the checklist, and the job-advert text (Rettleiinga 5.2)."""
from __future__ import annotations

import itertools
from pathlib import Path
from datetime import date

import pytest

from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.saker import (SakFeil, godkjenn, ny_sak, returner, send_inn, sjekkliste,
                                         svar_til_json, utlysingstekst)
from docassemble.desentral.reglar.svarfil import svar_fra_dict

ROOT = Path(__file__).resolve().parents[1]


def test_status_flyt(svar_dict):
    sak = ny_sak(svar_dict, 7, "kari@example.com")
    assert sak["status"] == "utkast" and sak["versjon"] == 0
    sak = send_inn(sak, svar_dict)
    assert (sak["status"], sak["versjon"]) == ("innsendt", 1)
    with pytest.raises(SakFeil):
        send_inn(sak, svar_dict)  # the employee cannot change a submitted case
    with pytest.raises(SakFeil, match="kommentar"):
        returner(sak, "  ")
    sak = returner(sak, "Manglar utstyrsliste.")
    assert sak["status"] == "returnert" and sak["kommentar"] == "Manglar utstyrsliste."
    with pytest.raises(SakFeil):
        godkjenn(sak, {})  # HR approves only what is submitted
    sak = send_inn(sak, svar_dict)
    assert sak["versjon"] == 2
    sak = godkjenn(sak, {"lonn": "Lønstrinn 60", "utstyr": ""})
    assert sak["status"] == "godkjend" and sak["hr"] == {"lonn": "Lønstrinn 60"}
    assert [h["hending"] for h in sak["historikk"]] == ["oppretta", "innsendt", "returnert", "innsendt", "godkjend"]
    with pytest.raises(SakFeil, match="ukjende"):
        godkjenn(send_inn(returner(send_inn(ny_sak(svar_dict, 1, None), svar_dict), "x"), svar_dict), {"fødselsnummer": "1"})


def test_svar_blir_lagra_som_json_og_kan_lesast_att(svar_dict):
    import json

    lagra = json.loads(json.dumps(svar_til_json(svar_dict)))
    assert svar_fra_dict(lagra) == svar_fra_dict(svar_dict)


def test_sjekkliste(svar_dict, lag_svar):
    svar = lag_svar({"ordning.signeringsdato": date(2027, 1, 5)}, drop=("ordning.utstyr_ansvar",))
    rader = sjekkliste(svar, vurder(svar, date(2026, 11, 26)))
    punkt = {r["punkt"]: r for r in rader}
    assert punkt["arbeidsstad"]["ok"] is True
    assert punkt["eigedomsrett, drift og vedlikehald av utstyr"]["ok"] is False
    assert punkt["frivilligheit"]["ok"] is True
    assert punkt["frist for underskrift"]["ok"] is False and "14-8" in punkt["frist for underskrift"]["kjelde"]
    assert all(r["kjelde"] for r in rader)


def test_sjekkliste_nytilsett_og_ustadfesta_tal(lag_svar):
    svar = lag_svar({"arbeidstakar.nytilsett": True, "arbeidstakar.tilsett_fra": date(2027, 2, 1),
                     "ordning.fra": date(2027, 2, 1), "ordning.til": None,
                     "ordning.fast_pa_ordinaer_kontorstad": False, "ordning.signeringsdato": date(2027, 2, 1)})
    rader = sjekkliste(svar, vurder(svar, date(2026, 11, 26)))
    punkt = [r["punkt"] for r in rader]
    assert "introduksjon for nytilsett" in punkt and "frivilligheit" not in punkt
    assert "tal: Prøvetid i staten" in punkt
    assert [r for r in rader if r["punkt"] == "tal: Prøvetid i staten"][0]["ok"] is None


KOMBINASJONAR = [set(c) for n in (1, 2, 3) for c in itertools.combinations((1, 2, 3), n)]


@pytest.mark.parametrize("former", KOMBINASJONAR, ids=lambda f: "+".join(map(str, sorted(f))))
@pytest.mark.parametrize("stader", [None, "Statens hus i Lillehammer"])
@pytest.mark.parametrize("heimekontor", ["fast", "mellombels", "begge"])
def test_utlysingstekst_for_kvar_kombinasjon(former, stader, heimekontor):
    tekst = utlysingstekst(former, stader, heimekontor)
    assert ("kontorfellesskap utanfor kontorstrukturen" in tekst) == (1 in former)
    assert ("ein annan kontorstad i verksemda" in tekst) == (2 in former)
    assert ("frå heimekontor" in tekst) == (3 in former)
    if {1, 2} & former:
        if stader:
            assert "Aktuelle kontorfellesskap eller lokale: Statens hus i Lillehammer." in tekst
        else:
            assert "Arbeidsgivaren avgjer endeleg" in tekst
    else:
        assert "Aktuelle kontorfellesskap" not in tekst and "avgjer endeleg" not in tekst
    venta = {"fast": "fast ordning", "mellombels": "mellombels ordning", "begge": "fast eller ei mellombels"}
    assert (venta[heimekontor] in tekst) == (3 in former)
    assert "kvalifikasjonsprinsippet, jf. statstilsettelova § 3" in tekst


@pytest.mark.parametrize("former, heimekontor", [(set(), None), ({4}, None), ({3}, None), ({3}, "alltid")])
def test_utlysingstekst_avviser_ugyldige_val(former, heimekontor):
    with pytest.raises(ValueError):
        utlysingstekst(former, None, heimekontor)


def test_html_tabell_gjer_celler_til_tekst():
    from docassemble.desentral.intervju.felles import html_tabell

    html = html_tabell(["A & B"], [["<script>x</script> [FILE http://x/y]", 3]])
    assert "<th scope=\"col\">A &#38; B</th>" in html
    assert "<td>&#60;script&#62;x&#60;/script&#62; &#91;FILE http&#58;//x/y&#93;</td><td>3</td>" in html


def test_gamle_saker_med_tomme_svar_kan_lesast():
    # Cases stored before blank optional answers were left out hold "" (found on the local
    # server: one such case broke HR's list). They read as answers not given.
    import yaml

    from docassemble.desentral.intervju.felles import svar_fra_sak
    from docassemble.desentral.reglar.svarfil import SvarFeil, svar_fra_dict

    data = yaml.safe_load((ROOT / "docassemble/desentral/data/sources/dome/heimekontor_tilleggsavtale.yml").read_text("utf-8"))
    data["ordning"]["dagpendling_grunngjeving"] = ""
    with pytest.raises(SvarFeil):
        svar_fra_dict(data)
    assert svar_fra_sak({"svar": data}).ordning.dagpendling_grunngjeving is None
