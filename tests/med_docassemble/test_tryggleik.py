"""Issue 12 on docassemble's engine: typed text never becomes markup on another user's screen
(docassemble's own formatter renders the pages), and a case is read and changed only by its
owner, also on a server that does not restrict input variables (the engine sets a forged
variable the way the webapp's POST handler does when nothing restricts it)."""
from __future__ import annotations

import fiendtleg
from motorhjelp import SVAR_HEIMEKONTOR, docx_tekst, gjennom, normaliser, ny_okt, pdf_tekst, synleg_tekst
from skjermsjekk import markup_fra_tekst
from test_hr import hr_okt

PORT = 9  # no listener is needed here: the check is that no element names the address at all
SKADELEGE = fiendtleg.skadelege(PORT)


def _kort(start: int) -> str:
    """Four hostile values in one short field (at most 200 characters)."""
    tekst = " ".join(SKADELEGE[(start + i) % len(SKADELEGE)] for i in range(4))
    return tekst[:200]


def _med(svar: dict, **felt) -> dict:
    """SVAR_HEIMEKONTOR with some fields replaced (variable -> value), on their screens."""
    ut = {s: dict(v) for s, v in svar.items()}
    for variabel, verdi in felt.items():
        [skjerm] = [s for s, v in ut.items() if variabel in v]
        ut[skjerm][variabel] = verdi
    return ut


def _sjekk(okt, *forventa: str):
    funne, tekstfelt = markup_fra_tekst(okt.skjerm.html, PORT)
    assert funne == [], (okt.skjerm.id, funne)
    synleg = fiendtleg.bokstavleg(synleg_tekst(okt.skjerm.html))
    for tekst in forventa:
        assert fiendtleg.bokstavleg(tekst) in synleg, (okt.skjerm.id, tekst[:80])
    return tekstfelt


def test_tilsett_tekst_er_berre_tekst_paa_hr_skjermane(motor):
    lang = "\n".join(SKADELEGE)
    namn, verksemd = _kort(0), _kort(4)
    tilsett = ny_okt(motor, brukar_id=201)
    gjennom(tilsett, _med(SVAR_HEIMEKONTOR, **{
        "arbeidstakar.namn": namn, "verksemd.namn": verksemd,
        "ordning.utstyr": lang, "ordning.tryggingsreglar": lang + "\n"}))
    sak_id = tilsett.user_dict["sak"]["id"]

    # The draft: every value literally, none read as docassemble's document markup ([FILE …]
    # would include a picture, [NBSP] a space, [BR] a line break).
    [utkast] = tilsett.skjerm.vedlegg
    for tekst in (pdf_tekst(utkast.filer["pdf"]), docx_tekst(utkast.filer["docx"])):
        assert fiendtleg.manglar_i(tekst, [lang, namn, verksemd]) == []
        assert "invalid graphics reference" not in tekst

    hr = hr_okt(motor)
    assert hr.skjerm.id == "hr-saker"
    _sjekk(hr, namn, verksemd)  # the table and the dropdown's choice label
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert hr.skjerm.id == "hr-sak"
    tekstfelt = _sjekk(hr, namn)
    # HR's two fields start from the employee's text, character for character.
    # Imported after the engine has loaded its configuration (the motor fixture): docassemble.base.util
    # has safeid on every release since 1.10.0 (codec only later), and importing it first would
    # load NLTK's corpora before the configuration says not to.
    from docassemble.base.util import safeid  # noqa: PLC0415

    assert tekstfelt[safeid("hr_utstyr")] == lang
    assert tekstfelt[safeid("hr_tryggingsreglar")] == lang + "\n"



def test_hr_tekst_er_berre_tekst_for_tilsett(motor):
    tilsett = ny_okt(motor, brukar_id=211)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": tilsett.user_dict["sak"]["id"]})
    kommentar = "\n".join(SKADELEGE)
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": kommentar})
    tilsett.last_inn()
    assert tilsett.skjerm.id == "returnert"
    _sjekk(tilsett, *SKADELEGE)

    hr.svar({"hr_utfort": True})
    hr.svar({"hr_val": "utlysing"})
    hr.svar({"utlysing_former": ["1"], "utlysing_stader": _kort(8)})
    assert hr.skjerm.id == "utlysing-tekst"
    _sjekk(hr, _kort(8))


def test_forfalska_sak_id_les_og_endrar_ikkje_andre_si_sak(motor):
    # A submits; HR returns A's case with a comment meant for A.
    a = ny_okt(motor, epost="a@example.com", brukar_id=301)
    gjennom(a, SVAR_HEIMEKONTOR)
    a_id = a.user_dict["sak"]["id"]
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": a_id})
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": "Hemmeleg merknad til A"})
    lagra = dict(motor.plugin.sql)

    # B, on the hand-over screen, posts A's case id and variables no screen asks for (as a form
    # can where the server does not restrict input variables).
    b_svar = _med(SVAR_HEIMEKONTOR, **{"arbeidstakar.namn": "Bjarne Bakke"})
    b = ny_okt(motor, epost="b@example.com", brukar_id=302)
    for skjerm in list(b_svar)[: list(b_svar).index("innsending")]:
        b.svar(b_svar[skjerm])
    assert b.skjerm.id == "innsending"
    b.sett({"sak_id": a_id, "innsendt": True, "handtert_retur": 99, "sak_status": "returnert"})
    assert b.skjerm.id == "innsending"  # nothing skipped the hand-over; nothing of A's case shown
    assert "Hemmeleg merknad" not in b.skjerm.html
    assert motor.plugin.sql == lagra  # nothing stored or changed

    b.svar({"innsending_stadfesta": True})
    assert b.skjerm.id == "avtale-ferdig" and "Saka er sendt til HR" in b.skjerm.tekst
    b_id = b.user_dict["sak"]["id"]
    assert b_id != a_id and b.user_dict["sak"]["brukar_id"] == 302
    assert "Hemmeleg merknad" not in b.skjerm.html
    [utkast] = b.skjerm.vedlegg
    tekst = normaliser(pdf_tekst(utkast.filer["pdf"]))
    assert "Bjarne Bakke" in tekst and "Kari Nordmann" not in tekst
    # A's case is as HR left it.
    a_nokkel = [k for k in lagra if k.endswith("sak:" + a_id)]
    assert a_nokkel and all(motor.plugin.sql[k] == lagra[k] for k in a_nokkel)

    # A forged id after B's own hand-over changes nothing: B still has B's own case.
    b.sett({"sak_id": a_id})
    assert b.skjerm.id == "avtale-ferdig" and b.user_dict["sak"]["id"] == b_id
    assert "Hemmeleg merknad" not in b.skjerm.html


def test_innsending_av_anna_sak_blir_nekta_i_sakslageret(motor):
    """The store's own rule, beneath the interview's: another user's id is refused on hand-over."""
    import pytest
    from docassemble.desentral.reglar.saker import SakFeil

    a = ny_okt(motor, epost="a2@example.com", brukar_id=311)
    gjennom(a, SVAR_HEIMEKONTOR)
    a_id = a.user_dict["sak"]["id"]
    b = ny_okt(motor, epost="b2@example.com", brukar_id=312)
    with b._kontekst():
        from docassemble.desentral.lager.sakslager import eiga_sak, hent_sak, sak_i_okta, send_inn_fra_intervju

        assert eiga_sak(a_id) is None and sak_i_okta(a_id) is None
        for_ = hent_sak(a_id)
        # Another user's id given as an old session's id: a new case of B's own, A's untouched.
        b_id = send_inn_fra_intervju(for_["svar"], a_id)
        assert b_id != a_id and hent_sak(b_id)["brukar_id"] == 312
        assert hent_sak(a_id) == for_
    anonym = motor.okt("tilsett.yml")
    with anonym._kontekst():
        from docassemble.desentral.lager.sakslager import eiga_sak, hent_sak, send_inn_fra_intervju

        assert eiga_sak(a_id) is None
        with pytest.raises(SakFeil, match="logga inn"):
            send_inn_fra_intervju(hent_sak(a_id)["svar"], None)


def test_begge_intervjua_seier_fraa_paa_nynorsk_naar_ei_side_ikkje_kan_handsamast(motor):
    """docassemble's `error help` (interview metadata, shared through feilhjelp.yml)."""
    for intervju in ("tilsett.yml", "hr.yml"):
        hjelp = motor.okt(intervju, roller=["user", "hr"]).interview.consolidated_metadata.get("error help")
        assert hjelp and hjelp.startswith("# Sida kunne ikkje handsamast") and "Prøv på nytt" in hjelp
