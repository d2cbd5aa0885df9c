"""Signing in the app on docassemble's engine (issue 17): the employee signs, then the employer;
the signed agreement carries both signatures and the signing record, is PDF/A-2b and sealed
(pyHanko validates the seal; one changed byte breaks it); signing before approval, twice, or as
the wrong party is refused; typed text reaches the signed documents literally, in Nynorsk."""
from __future__ import annotations

import copy
import io
import sys
from pathlib import Path

import pytest
from motorhjelp import (SVAR_HEIMEKONTOR, docx_sprak, docx_tekst, engelsk_pa_skjerm, gjennom, normaliser, ny_okt,
                        pdf_tekst, synleg_tekst)
from test_endring import _godkjend, _godkjenn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fiendtleg import forbodne_i, manglar_i  # noqa: E402
from pdfa_sjekk import pdfa_feil, xmp  # noqa: E402
from segltest import lag_ca, valider_segl  # noqa: E402

HR = {"roller": ["user", "hr"], "epost": "hr@example.com", "brukar_id": 99}
LEIAR = {"roller": ["user", "leiar"], "epost": "leiar@example.com", "brukar_id": 98}
FIENDTLEG_NAMN = "Kari <b>N</b> ${ 7*7 } \\input{/etc/hostname} [FILE 1] _x_ 😀"
FIENDTLEG_VERKSEMD = "Direktoratet & \\textbf{døme} $x$ <i>AS</i>"


def _png(strek: int = 4) -> bytes:
    from PIL import Image, ImageDraw

    bilete = Image.new("RGBA", (400, 120), (255, 255, 255, 0))
    ImageDraw.Draw(bilete).line([(10, 100), (120, 15), (250, 105), (390, 20)], fill=(0, 0, 0, 255), width=strek)
    ut = io.BytesIO()
    bilete.save(ut, "PNG")
    return ut.getvalue()


@pytest.fixture
def segl(motor, tmp_path, monkeypatch):
    filer = lag_ca(tmp_path / "ca")
    monkeypatch.setitem(motor.plugin.daconfig, "desentral",
                        {"segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(filer["nykel"])})
    return filer


def _skriv_under(okt):
    assert okt.skjerm.id == "signering-stadfest", okt.skjerm.id
    okt.svar({"signering_stadfest": True})
    assert okt.skjerm.id == "underskrift"
    return okt.underskriv(_png())


def _signering(motor, sak_id, **brukar):
    return motor.okt("signering.yml", url_args={"sak": sak_id}, **brukar)


def test_begge_skriv_under_og_pdf_en_er_pdfa_og_forsegla(motor, segl, tmp_path):
    svar = copy.deepcopy(SVAR_HEIMEKONTOR)
    svar["arbeidstakar"]["arbeidstakar.namn"] = FIENDTLEG_NAMN
    svar["verksemd"]["verksemd.namn"] = FIENDTLEG_VERKSEMD
    tilsett, sak_id = _godkjend(motor, 701, svar)
    assert "Skriv under avtala" in tilsett.skjerm.html

    # The employer cannot sign first.
    hr = _signering(motor, sak_id, **HR)
    assert hr.skjerm.id == "signering-status"
    assert "Arbeidstakaren skriv under først" in synleg_tekst(hr.skjerm.html)

    arbeidstakar = _signering(motor, sak_id, epost="kari.nordmann@example.com", brukar_id=701)
    skjerm = _skriv_under(arbeidstakar)
    assert skjerm.id == "signering-status" and "Underskrifta ventar" in skjerm.tekst
    assert engelsk_pa_skjerm(skjerm.html) == []
    # A second signature by the employee, from a new session: refused with the reason.
    att = _signering(motor, sak_id, epost="kari.nordmann@example.com", brukar_id=701)
    assert att.skjerm.id == "signering-status"
    assert "Du har alt skrive under" in synleg_tekst(att.skjerm.html)
    tilsett.last_inn()
    assert "ventar på underskrifta til arbeidsgivaren" in synleg_tekst(tilsett.skjerm.html)

    hr = _signering(motor, sak_id, **HR)
    assert hr.skjerm.id == "kven-skriv-under"
    hr.svar({"kven_skriv_under": "sjolv"})
    skjerm = _skriv_under(hr)
    assert skjerm.id == "signering-status" and skjerm.tekst.strip() == "Avtala er skriven under"
    assert "PDF-en er forsegla" in synleg_tekst(skjerm.html)
    assert engelsk_pa_skjerm(skjerm.html) == []

    signerte = hr.user_dict["signerte"]
    pdf, docx = signerte["pdf"], signerte["docx"]
    # PDF/A-2b, with the XMP fields the archive reads.
    assert pdfa_feil(pdf) == []
    meta = xmp(pdf)
    assert meta["language"] == "nn-NO" and meta["title"] == "Tilleggsavtale om desentralisert arbeid"
    assert meta["publisher"] == FIENDTLEG_VERKSEMD and meta["contributor"] == FIENDTLEG_NAMN
    assert meta["date"].startswith(signerte_dag(hr))
    # The seal validates against the test CA, and one changed byte breaks it.
    status = valider_segl(pdf, segl["ca"])
    assert status.bottom_line and status.intact and status.trusted
    endra = bytearray(pdf)
    endra[len(endra) // 3] ^= 1
    assert not valider_segl(bytes(endra), segl["ca"]).intact

    # Both signature images, the names, the e-mails and the record, in PDF and DOCX.
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        bilete = [o for o in p.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert len([b for b in bilete if "/SMask" in b or b.get("/Width") == 400]) >= 2
    (tmp_path / "signert.pdf").write_bytes(pdf)
    (tmp_path / "signert.docx").write_bytes(docx)
    pdf_tekst_, docx_tekst_ = pdf_tekst(tmp_path / "signert.pdf"), docx_tekst(tmp_path / "signert.docx")
    for tekst in (normaliser(pdf_tekst_), normaliser(docx_tekst_)):
        assert "Signeringslogg" in tekst and "kari.nordmann@example.com" in tekst and "hr@example.com" in tekst
        assert "versjon 1" in tekst and "(norsk tid)" in tekst
        assert "Avtala er skriven i to eksemplar" not in tekst and "UTKAST" not in tekst
    assert manglar_i(pdf_tekst_, [FIENDTLEG_NAMN, FIENDTLEG_VERKSEMD]) == []
    assert forbodne_i(pdf_tekst_) == []
    assert manglar_i(docx_tekst_, [FIENDTLEG_NAMN, FIENDTLEG_VERKSEMD]) == []
    assert "nn-NO" in docx_sprak(tmp_path / "signert.docx")

    # Signing again as HR: refused; the employee's screen now offers the signed agreement.
    att = _signering(motor, sak_id, **HR)
    assert att.skjerm.id == "signering-status" and "Avtala er skriven under" in att.skjerm.tekst
    tilsett.last_inn()
    assert "Last ned den signerte avtala" in tilsett.skjerm.html


def signerte_dag(okt) -> str:
    from docassemble.desentral.signering import oslo_tid

    return oslo_tid(okt.user_dict["sak"]["signering"]["arbeidsgivar"]["tid"]).date().isoformat()



def test_for_godkjenning_og_feil_part_blir_avvist(motor):
    tilsett = ny_okt(motor, brukar_id=702)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    # Sent to HR, not approved: the employee sees why nothing can be signed.
    okt = _signering(motor, sak_id, epost="kari.nordmann@example.com", brukar_id=702)
    assert okt.skjerm.id == "signering-status"
    assert "før HR har godkjent" in synleg_tekst(okt.skjerm.html)
    # Someone who is not a party finds nothing, not even the name.
    anna = _signering(motor, sak_id, epost="anna@example.com", brukar_id=703)
    assert anna.skjerm.id == "signering-ikkje-funnen" and "Kari" not in anna.skjerm.html
    # A leader HR has not named finds nothing either.
    assert _signering(motor, sak_id, **LEIAR).skjerm.id == "signering-ikkje-funnen"


def test_hr_tilsett_som_eig_saka_kan_ikkje_skrive_under_for_arbeidsgivaren(motor):
    eigar_hr = {"roller": ["user", "hr"], "epost": "hr.eigar@example.com", "brukar_id": 704}
    tilsett = ny_okt(motor, **eigar_hr)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    _godkjenn(motor, sak_id)
    okt = _signering(motor, sak_id, **eigar_hr)
    assert "som arbeidstakar" in synleg_tekst(okt.skjerm.html)
    _skriv_under(okt)
    att = _signering(motor, sak_id, **eigar_hr)
    assert att.skjerm.id == "signering-status" and "Du har alt skrive under" in synleg_tekst(att.skjerm.html)
    from docassemble.desentral.signering import signert_av

    assert signert_av(att.user_dict["sak"], "arbeidsgivar") is None


def test_leiar_skriv_under_utan_segl_og_hr_lastar_ned_arkivpakka(motor, monkeypatch):
    import json
    import zipfile

    monkeypatch.setitem(motor.plugin.daconfig, "desentral", {})
    tilsett, sak_id = _godkjend(motor, 705)
    _skriv_under(_signering(motor, sak_id, epost="kari.nordmann@example.com", brukar_id=705))
    # Before both have signed there is no bundle.
    assert motor.okt("arkiv.yml", url_args={"sak": sak_id}, **HR).skjerm.id == "arkiv-ikkje-klar"

    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "leiar", "leiar_epost": "leiar@example.com"})
    assert hr.skjerm.id == "leiar-tildelt" and "leiar@example.com" in synleg_tekst(hr.skjerm.html)
    annan_leiar = dict(LEIAR, epost="annan.leiar@example.com", brukar_id=97)
    assert _signering(motor, sak_id, **annan_leiar).skjerm.id == "signering-ikkje-funnen"
    leiar = _signering(motor, sak_id, **LEIAR)
    assert "for arbeidsgivaren" in synleg_tekst(leiar.skjerm.html)
    skjerm = _skriv_under(leiar)
    assert skjerm.tekst.strip() == "Avtala er skriven under"
    # No certificate configured: nothing sealed, and the screen says so; still PDF/A.
    assert "ikkje forsegla" in synleg_tekst(skjerm.html)
    signerte = leiar.user_dict["signerte"]
    assert pdfa_feil(signerte["pdf"]) == [] and b"/ByteRange" not in signerte["pdf"]

    # The archive bundle: HR only.
    assert motor.okt("arkiv.yml", url_args={"sak": sak_id}, epost="kari.nordmann@example.com",
                     brukar_id=705).skjerm.id == "arkiv-ikkje-klar"
    arkiv = motor.okt("arkiv.yml", url_args={"sak": sak_id}, **HR)
    assert arkiv.skjerm.id == "arkiv-vist" and "Last ned arkivpakka" in arkiv.skjerm.html
    assert engelsk_pa_skjerm(arkiv.skjerm.html) == []
    with zipfile.ZipFile(motor.plugin.files[int(arkiv.user_dict["arkivfil"].number)][0]) as z:
        assert z.namelist() == ["avtale.pdf", "avtale.docx", "arkivpost.json"]
        assert z.read("avtale.pdf") == signerte["pdf"]
        post = json.loads(z.read("arkivpost.json"))
    assert post["signering"]["arbeidsgivar"]["epost"] == "leiar@example.com"
    assert post["partar"]["arbeidsgivar"]["leiar"] == "leiar@example.com"
    assert post["dokument"][0]["segl"]["forsegla"] is False


def test_to_hr_tilsette_skriv_under_samstundes(motor, segl):
    tilsett, sak_id = _godkjend(motor, 706)
    _skriv_under(_signering(motor, sak_id, epost="kari.nordmann@example.com", brukar_id=706))
    andre_hr = dict(HR, epost="hr2@example.com", brukar_id=96)
    fyrste, andre = _signering(motor, sak_id, **HR), _signering(motor, sak_id, **andre_hr)
    for okt in (fyrste, andre):
        okt.svar({"kven_skriv_under": "sjolv"})
        okt.svar({"signering_stadfest": True})
        assert okt.skjerm.id == "underskrift"
    assert fyrste.underskriv(_png()).tekst.strip() == "Avtala er skriven under"
    # The second officer's signature is refused with the reason; the first one's stands.
    skjerm = andre.underskriv(_png(2))
    assert skjerm.id == "ikkje-lagra" and "Arbeidsgivaren har alt skrive under" in synleg_tekst(skjerm.html)
    from docassemble.desentral.signering import signert_av

    assert signert_av(andre.user_dict["sak"], "arbeidsgivar")["epost"] == "hr@example.com"
