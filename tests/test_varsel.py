"""Issue 31, item 2: who is told what when a case changes (varsel.py, without docassemble), and
the wording of each notice (epost.yml): every kind has its mail, none carries what a user typed."""
from __future__ import annotations

from datetime import date

from saksbyggjar import godkjend, med_dokument
from docassemble.desentral.dokument.epost import lag_epost
from docassemble.desentral.reglar.livslop import opne_endring
from docassemble.desentral.reglar.saker import godkjenn, ny_sak, returner, sei_opp, send_inn
from docassemble.desentral.reglar.signering import godkjent_hash, signer, tildel_leiar
from docassemble.desentral.reglar.varsel import SLAG, slatt_paa, varsel_for

KOMMENTAR = "<b>Før opp stolen</b> ${ 7*7 } \\textbf{x}"


def _ein(foer, etter):
    [v] = varsel_for(foer, etter)
    return v


def test_retur_og_godkjenning_gaar_til_arbeidstakaren(svar_dict):
    sendt = send_inn(ny_sak(svar_dict, 7, "kari@example.com"), svar_dict)
    assert varsel_for(None, sendt) == []  # the hand-over itself goes to HR (sakslager.varsle_hr)
    returnert = returner(sendt, KOMMENTAR)
    v = _ein(sendt, returnert)
    assert (v.slag, v.til, v.stad) == ("returnert", "arbeidstakar", "okt")
    # HR's comment stays on the screen behind the link; the mail has none of it.
    epost = lag_epost(v.epostmal, dict(v.verdiar, lenkje="http://x/y"))
    assert "stolen" not in epost.tekst + epost.html + epost.emne
    godkjent = godkjenn(send_inn(returnert, svar_dict), {"utstyr": "PC"})
    v = _ein(send_inn(returnert, svar_dict), godkjent)
    assert (v.slag, v.til, v.stad, v.verdiar) == ("godkjend", "arbeidstakar", "signering", {"versjon": 2})


def test_leiaren_og_underskriftene(svar_dict):
    sak = godkjend(svar_dict)
    med_leiar = tildel_leiar(sak, "leiar@example.com")
    v = _ein(sak, med_leiar)
    assert (v.slag, v.til, v.stad) == ("leiar_signering", "leiar", "signering")
    tilsett = signer(med_leiar, "arbeidstakar", "Kari", "kari@example.com", 7, None, sak["versjon"], godkjent_hash(sak))
    v = _ein(med_leiar, tilsett)
    assert (v.slag, v.til, v.epostmal) == ("signert", "arbeidsgivar", "signert_av_arbeidstakar")
    begge = signer(tilsett, "arbeidsgivar", "Lars", "leiar@example.com", 9, None, sak["versjon"], godkjent_hash(sak))
    v = _ein(tilsett, begge)
    assert (v.slag, v.til, v.epostmal) == ("signert", "arbeidstakar", "signert_av_arbeidsgivar")


def test_endring_fraa_arbeidsgivaren_men_ikkje_fraa_arbeidstakaren(svar_dict):
    sak = med_dokument(godkjend(svar_dict))
    av_hr = opne_endring(sak, "arbeidsgivar", date(2027, 6, 1), KOMMENTAR, date(2027, 5, 1))
    v = _ein(sak, av_hr)
    assert (v.slag, v.til, v.stad, v.verdiar) == ("endra", "arbeidstakar", "okt", {"fra": "1. juni 2027"})
    assert varsel_for(sak, opne_endring(sak, "arbeidstakar", date(2027, 6, 1), None, date(2027, 5, 1))) == []


def test_oppseiing(svar_dict):
    sak = godkjend(svar_dict)
    oppseiing = {"avtaletype": "tilleggsavtale", "kven": "arbeidsgivar", "gitt": date(2027, 5, 3),
                 "mottatt": date(2027, 5, 3), "siste_dag": date(2027, 6, 30), "til_hr": False}
    v = _ein(sak, sei_opp(sak, oppseiing, KOMMENTAR))
    assert (v.slag, v.til, v.stad, v.verdiar) == ("oppsagd", "arbeidstakar", "oppseiing", {"siste_dag": "30. juni 2027"})
    epost = lag_epost(v.epostmal, dict(v.verdiar, lenkje="http://x/y"))
    assert "Ordninga varer til og med 30. juni 2027." in " ".join(epost.tekst.split())
    utan = _ein(sak, sei_opp(sak, dict(oppseiing, siste_dag=None)))
    assert utan.epostmal == "oppsagd_foer_start"


def test_kvar_mal_finst_og_kvart_slag_kan_slaast_av():
    for mal, verdiar in [("returnert", {}), ("godkjend", {"versjon": 1}), ("endra", {"fra": "1. juni 2027"}),
                         ("signert_av_arbeidstakar", {"versjon": 1}), ("signert_av_arbeidsgivar", {"versjon": 1}),
                         ("leiar_signering", {"versjon": 1}), ("oppsagd", {"siste_dag": "1. juni 2027"}),
                         ("oppsagd_foer_start", {})]:
        epost = lag_epost(mal, dict(verdiar, lenkje="http://127.0.0.1/user/sign-in?next=%2Fx"))
        assert epost.emne and "http://127.0.0.1/user/sign-in?next=%2Fx" in epost.tekst, mal
        assert "{" not in epost.tekst + epost.html, mal
    for slag in SLAG:
        assert slatt_paa(slag, None) and slatt_paa(slag, {"varsel": {}})
        assert not slatt_paa(slag, {"varsel": {slag: False}})
        assert slatt_paa(slag, {"varsel": {s: False for s in SLAG if s != slag}})
