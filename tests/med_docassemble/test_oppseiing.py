"""Notice of a signed, approved arrangement on docassemble's engine (issues 16 and 28): the
employee ends a tilleggsavtale within the prøveperiode and gets the letter; a day received before
the day given is refused naming the field; another user's link and an unapproved case give no
notice; HR registers notice for the employer; the typed reason reaches the letter literally."""
from __future__ import annotations


import pytest
from motorhjelp import SVAR_HEIMEKONTOR, docx_tekst, gjennom, normaliser, ny_okt, pdf_tekst, synleg_tekst
from test_hr import hr_okt

from saksbyggjar import signert


def _godkjend_sak(motor, brukar_id: int) -> str:
    """Sent, approved by HR (its document kept), and signed by both (issue 28, item 11: only a
    signed agreement is given notice of)."""
    tilsett = ny_okt(motor, brukar_id=brukar_id)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    hr.svar({"hr_utstyr": "Berbar PC.", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "godkjenn"})
    assert hr.skjerm.id == "hr-utfort"
    _signer_begge(hr, sak_id)
    return sak_id


def _signer_begge(okt, sak_id: str) -> None:
    """Both parties sign the stored case, by the signing rule (the signing screens are tested in
    test_signering.py)."""
    from docassemble.desentral.lager.sakslager import hent_sak, lagre_sak

    with okt._kontekst():
        lagre_sak(signert(hent_sak(sak_id)))


def _oppseiing(motor, sak_id, **brukar):
    brukar = {"epost": "kari.nordmann@example.com", **brukar}
    return motor.okt("oppseiing.yml", url_args={"sak": sak_id}, **brukar)


def test_tilsett_seier_opp_i_proveperioden_og_faar_brevet(motor):
    from docassemble.desentral.lager.sakslager import hent_sak  # noqa: F401 - the engine's storage is read below
    from docassemble.desentral.kommando.svarmotor import Valideringsfeil

    sak_id = _godkjend_sak(motor, 401)
    okt = _oppseiing(motor, sak_id, brukar_id=401)
    assert okt.skjerm.id == "oppseiing-kven-og-dato"
    assert "Rettleiinga 5.1 og 5.3.6" in synleg_tekst(okt.skjerm.html)
    # Received before it was given: refused, naming the field, nothing lost.
    with pytest.raises(Valideringsfeil, match="motteken før ho er gitt"):
        okt.svar({"oppseiing_kven": "arbeidstakar", "oppseiing_gitt": "2027-02-10", "oppseiing_levert": "anna",
                  "oppseiing_mottatt": "2027-02-09",
                  "oppseiing_grunn": "Eg flyttar *nærare* kontoret <b>i mars</b> ${ 1+1 } \\input{x}"})
    okt.svar({"oppseiing_kven": "arbeidstakar", "oppseiing_gitt": "2027-02-10", "oppseiing_levert": "anna",
              "oppseiing_mottatt": "2027-02-10",
              "oppseiing_grunn": "Eg flyttar *nærare* kontoret <b>i mars</b> ${ 1+1 } \\input{x}"})
    assert okt.skjerm.id == "oppseiing-stadfest"
    tekst = synleg_tekst(okt.skjerm.html)
    assert "2 veker" in tekst and "24. februar 2027" in tekst and "Rettleiinga 5.3.6" in tekst
    okt.svar({"oppseiing_stadfesta": True})
    assert okt.skjerm.id == "oppseiing-ferdig"
    assert "til og med 24. februar 2027" in okt.skjerm.undertekst
    [brev] = okt.skjerm.vedlegg
    for t in (normaliser(pdf_tekst(brev.filer["pdf"])), normaliser(docx_tekst(brev.filer["docx"]))):
        assert "Arbeidstakaren seier med dette opp tilleggsavtala" in t
        assert "Oppseiinga er gitt 10. februar 2027 og motteken av arbeidsgivaren 10. februar 2027" in t
        assert "ordninga varer til og med 24. februar 2027" in t
        assert "Frå og med 25. februar 2027" in t
        # Typed text is data: Markdown, HTML, Mako and LaTeX come out as typed.
        assert "Eg flyttar *nærare* kontoret <b>i mars</b> ${ 1+1 } \\input{x}" in t
    sak = okt.user_dict["sak"]
    lagra = motor.plugin.sql  # the engine's DAStore rows
    assert any(isinstance(v, dict) and v.get("id") == sak_id and v.get("status") == "oppsagd"
               for v in _rader(lagra)), "saka vart ikkje lagra som oppsagd"
    assert sak["id"] == sak_id

    # Opened again: already ended, with its last day.
    att = _oppseiing(motor, sak_id, brukar_id=401)
    assert att.skjerm.id == "oppseiing-ikkje-mogleg" and "24. februar 2027" in att.skjerm.undertekst


def test_anna_brukar_og_ikkje_godkjend_sak_gir_inga_oppseiing(motor):
    sak_id = _godkjend_sak(motor, 411)
    framand = _oppseiing(motor, sak_id, brukar_id=412, epost="ola@example.com")
    assert framand.skjerm.id == "oppseiing-ikkje-mogleg" and "Fann inga avtale" in framand.skjerm.undertekst
    utan = _oppseiing(motor, "finst-ikkje", brukar_id=411)
    assert utan.skjerm.id == "oppseiing-ikkje-mogleg"

    tilsett = ny_okt(motor, brukar_id=413)
    gjennom(tilsett, SVAR_HEIMEKONTOR)  # sent, not approved
    okt = _oppseiing(motor, tilsett.user_dict["sak"]["id"], brukar_id=413)
    assert okt.skjerm.id == "oppseiing-ikkje-mogleg" and "ikkje godkjend" in okt.skjerm.undertekst


def test_hr_registrerer_oppseiing_fraa_arbeidsgivaren_etter_proveperioden(motor):
    sak_id = _godkjend_sak(motor, 421)
    okt = motor.okt("oppseiing.yml", url_args={"sak": sak_id}, roller=["user", "hr"], epost="hr@example.com",
                    brukar_id=99)
    assert okt.skjerm.id == "oppseiing-kven-og-dato"
    okt.svar({"oppseiing_kven": "arbeidsgivar", "oppseiing_gitt": "2027-04-01", "oppseiing_grunn": "",
              "oppseiing_levert": "anna", "oppseiing_mottatt": "2027-04-01"})
    assert "2 månader" in synleg_tekst(okt.skjerm.html) and "1. juni 2027" in synleg_tekst(okt.skjerm.html)
    okt.svar({"oppseiing_stadfesta": True})
    [brev] = okt.skjerm.vedlegg
    t = normaliser(pdf_tekst(brev.filer["pdf"]))
    assert "Arbeidsgivaren seier med dette opp" in t and "Oppseiingsfristen etter tilleggsavtala er 2 månader" in t
    assert "Ordninga varer til og med 1. juni 2027" in t
    assert "Grunngjeving" not in t


def _rader(sql: dict):
    for verdi in sql.values():
        yield verdi


def test_ordinaer_arbeidsavtale_blir_meld_til_hr_utan_brev(motor):
    """Rettleiinga 5.3.6: ending an ordinary agreement ends or changes the employment; the
    interview explains it with statstilsettelova's notice and sends the wish to HR, no letter."""
    from test_intervju import NYTILSETT_HUB

    tilsett = ny_okt(motor, brukar_id=431)
    gjennom(tilsett, NYTILSETT_HUB)
    sak_id = tilsett.user_dict["sak"]["id"]
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_lonn": "Lønstrinn 60",
             "hr_stillingskode": "1434 rådgivar", "hr_fodselsnummer": "01017012345",
             "hr_utbetaling": "Den 12. kvar månad; Statens pensjonskasse.", "hr_avgjerd": "godkjenn"})
    assert hr.skjerm.id == "hr-utfort"
    _signer_begge(hr, sak_id)
    tilsett.last_inn()
    assert tilsett.skjerm.id == "avtale-ferdig"
    assert "Meld til HR at ordninga skal avsluttast" in tilsett.skjerm.html

    okt = _oppseiing(motor, sak_id, brukar_id=431)
    assert okt.skjerm.id == "oppseiing-kven-og-dato" and okt.skjerm.tekst == "Avslutte ordninga"
    fra = tilsett.user_dict["ordning"].fra
    gitt = fra.date() if hasattr(fra, "date") else fra
    okt.svar({"oppseiing_kven": "arbeidstakar", "oppseiing_gitt": gitt.replace(year=gitt.year + 1).isoformat(),
              "oppseiing_levert": "anna", "oppseiing_mottatt": gitt.replace(year=gitt.year + 1).isoformat(),
              "oppseiing_grunn": "Familien flyttar."})
    tekst = synleg_tekst(okt.skjerm.html)
    assert okt.skjerm.id == "oppseiing-stadfest" and "statstilsettelova § 22" in tekst and "Rettleiinga 5.3.6" in tekst
    okt.svar({"oppseiing_stadfesta": True})
    assert okt.skjerm.id == "oppseiing-ferdig" and okt.skjerm.vedlegg == []
    assert "Meldinga er send til HR" in okt.skjerm.tekst

    # The case stays approved; HR's list names the wish (its status column).
    with hr._kontekst():
        from docassemble.desentral.lager.hrliste import _status
        from docassemble.desentral.reglar.oversikt import samandrag
        from docassemble.desentral.lager.sakslager import hent_sak

        sak = hent_sak(sak_id)
    assert sak["status"] == "godkjend" and sak["oppseiing_melding"]["grunn"] == "Familien flyttar."
    assert _status(samandrag(sak)).startswith("Godkjend – avslutting meldt ")
