"""HR's daily reminders (issue 16), the pure part: which entries are new, once each, and the
e-mail's text. The scheduler and the e-mail on the real server: tests/nettlesar/test_paaminning.py."""
from __future__ import annotations

from datetime import date

from docassemble.desentral.dokument.paaminning import nye_paaminningar, paaminningsepost
from docassemble.desentral.reglar.saker import ny_sak, send_inn
from saksbyggjar import godkjend, signert

I_DAG = date(2027, 3, 24)


def _eitt(tekst: str) -> str:
    """The mail's text with its line wrapping undone."""
    return " ".join(tekst.split())  # the base case's prøveperiode ends 31 March 2027


def _sak(svar_dict, status="godkjend", namn="Kari Nordmann"):
    """An approved case signed by both (or one only sent, `status="innsendt"`)."""
    svar_dict["arbeidstakar"]["namn"] = namn
    if status == "godkjend":
        return signert(godkjend(svar_dict))
    return send_inn(ny_sak(svar_dict, 7, "kari@example.com"), svar_dict)


def test_kvar_dato_blir_nemnd_ein_gong(svar_dict):
    sak = _sak(svar_dict)
    nye = nye_paaminningar([sak], I_DAG, set())
    assert [(p["kva"], p["dato"]) for _, _, p in nye] == [("proveperiode_slutt", date(2027, 3, 31))]
    tekst = _eitt(paaminningsepost(nye).tekst)
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
    assert "Forsein: skriftleg avtale 1. januar 2027" in _eitt(paaminningsepost(nye).tekst)


def test_arbeidsmiljolova_14_8_underskrift_som_ventar_etter_godkjenning_blir_minna_om(svar_dict):
    """Issue 28, item 10: after approval the signing deadline is still HR's to follow until both
    have signed: due within 30 days, and overdue («Forsein»)."""
    sak = godkjend(svar_dict)  # approved, nobody has signed; in writing by 1 January 2027
    assert [(p["kva"], p["status"]) for _, _, p in nye_paaminningar([sak], date(2026, 12, 20), set())] == [
        ("skriftleg_frist", "naer")]
    [(_, _, p)] = [x for x in nye_paaminningar([sak], date(2027, 1, 5), set()) if x[2]["kva"] == "skriftleg_frist"]
    assert "Forsein: skriftleg avtale 1. januar 2027" in _eitt(paaminningsepost([(None, sak, p)]).tekst)
    assert nye_paaminningar([signert(sak)], date(2026, 12, 20), set()) == []


def test_ulesbar_sak_blir_hoppa_over(svar_dict):
    sak = _sak(svar_dict)
    oydelagd = dict(sak, id="x", svar={"arbeidstakar": {}, "verksemd": {}, "ordning": {}})
    assert [s["id"] for _, s, _ in nye_paaminningar([oydelagd, sak], I_DAG, set())] == [sak["id"]]


def test_arbeidsmiljolova_14_8_begge_som_skal_skrive_under_blir_minna_om_fristen(svar_dict):
    """Issue 28, item 10: each signer who has not signed gets a reminder a week before the written
    deadline, and once more when it has passed; none for a signed case."""
    from docassemble.desentral.dokument.paaminning import signeringspaaminningar

    sak = godkjend(svar_dict)  # in writing by 1 January 2027
    assert signeringspaaminningar([sak], date(2026, 12, 20), set()) == []  # 12 days before: not yet
    snart = signeringspaaminningar([sak], date(2026, 12, 26), set())
    assert [(rolle, frist["dato"]) for _, rolle, _, frist in snart] == [
        ("arbeidstakar", date(2027, 1, 1)), ("arbeidsgivar", date(2027, 1, 1))]
    sendt = {k for k, _, _, _ in snart}
    assert signeringspaaminningar([sak], date(2026, 12, 28), sendt) == []  # once before
    assert len(signeringspaaminningar([sak], date(2027, 1, 3), sendt)) == 2  # once when passed
    assert signeringspaaminningar([signert(sak)], date(2026, 12, 26), set()) == []
