"""HR's daily reminders (issue 16), the pure part: which entries are new, once each, and the
e-mail's text. The scheduler and the e-mail on the real server: tests/nettlesar/test_paaminning.py."""
from __future__ import annotations

from datetime import date

from docassemble.desentral.paaminning import nye_paaminningar, paaminningsepost
from docassemble.desentral.saker import godkjenn, ny_sak, send_inn

I_DAG = date(2027, 3, 24)  # the base case's prøveperiode ends 31 March 2027


def _sak(svar_dict, status="godkjend", namn="Kari Nordmann"):
    svar_dict["arbeidstakar"]["namn"] = namn
    sak = send_inn(ny_sak(svar_dict, 7, "kari@example.com"), svar_dict)
    return godkjenn(sak, {"utstyr": "PC"}) if status == "godkjend" else sak


def test_kvar_dato_blir_nemnd_ein_gong(svar_dict):
    sak = _sak(svar_dict)
    nye = nye_paaminningar([sak], I_DAG, set())
    assert [(p["kva"], p["dato"]) for _, _, p in nye] == [("proveperiode_slutt", date(2027, 3, 31))]
    tekst = paaminningsepost(nye).tekst
    assert "- Kari Nordmann (Direktoratet for døme): Prøveperioden for ordninga sluttar 31. mars 2027 " \
           "(Rettleiinga 5.3.6)" in tekst
    assert nye_paaminningar([sak], I_DAG, {k for k, _, _ in nye}) == []


def test_ingenting_aa_minne_om(svar_dict):
    sak = _sak(svar_dict)
    assert nye_paaminningar([sak], date(2026, 10, 1), set()) == []  # nothing within 30 days
    oppsagd = dict(sak, status="oppsagd")
    assert nye_paaminningar([oppsagd], I_DAG, set()) == []


def test_passert_skrivefrist_utan_godkjenning(svar_dict):
    sak = _sak(svar_dict, status="innsendt")
    nye = nye_paaminningar([sak], date(2027, 1, 5), set())
    assert [(p["kva"], p["status"]) for _, _, p in nye] == [("skriftleg_frist", "forbi")]
    assert "Forsein: skriftleg avtale 1. januar 2027" in paaminningsepost(nye).tekst


def test_ulesbar_sak_blir_hoppa_over(svar_dict):
    sak = _sak(svar_dict)
    oydelagd = dict(sak, id="x", svar={"arbeidstakar": {}, "verksemd": {}, "ordning": {}})
    assert [s["id"] for _, s, _ in nye_paaminningar([oydelagd, sak], I_DAG, set())] == [sak["id"]]
