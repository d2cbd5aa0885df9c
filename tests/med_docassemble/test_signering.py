"""Signing in the app on docassemble's engine (issues 17 and 27): the employee signs, then the
employer; a signature binds to the version and the SHA-256 of the approved document the signer's
screen showed, and is refused (for the employee and for HR) when another version was approved
meanwhile; the signed agreement is the approved document's pages unchanged plus a signing page
that names each signer, role, time and hash; it is PDF/A-2a, its metadata literal, and sealed;
the named leader reads exactly what they sign and is named for one version; signing before
approval, twice, or as the wrong party is refused."""
from __future__ import annotations

import copy
import hashlib
import io
from pathlib import Path

import pytest
from motorhjelp import (SVAR_HEIMEKONTOR, docx_sprak, docx_tekst, engelsk_pa_skjerm, gjennom, normaliser, ny_okt,
                        pdf_tekst, synleg_tekst)
from test_endring import _godkjend, _godkjenn

from fiendtleg import TEX_NAMN, TEX_VERKSEMD, forbodne_i, manglar_i
from pdfa_sjekk import pdfa_feil, xmp
from pdftekst import pdftotext
from segltest import lag_ca, valider_segl

HR = {"roller": ["user", "hr"], "epost": "hr@example.com", "brukar_id": 99}
# «Eg har lese avtala og signerer ho» ticked and «Signer» pressed (the screen's continue button).
SIGNER = {"signering_lest": True, "signering_stadfest": True}
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
                        {**(motor.plugin.daconfig.get("desentral") or {}),
                         "segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(filer["nykel"])})
    return filer


def _fil(motor, fil) -> bytes:
    return Path(motor.plugin.files[int(fil.number)][0]).read_bytes()


def _sett(motor, okt) -> dict:
    """What the confirmation screen shows and its form carries: the version, the SHA-256 (in
    groups of four on the screen), and the approved PDF its link opens, whose hash it is."""
    from docassemble.desentral.lager.signeringslager import hash_tekst

    assert okt.skjerm.id == "signering-stadfest", okt.skjerm.id
    skjulte = okt.skjulte_verdiar()
    pdf = _fil(motor, okt.user_dict["godkjent_pdf"])
    assert hashlib.sha256(pdf).hexdigest() == skjulte["sett_sha256"]
    tekst = synleg_tekst(okt.skjerm.html)
    assert f"versjon {skjulte['sett_versjon']}" in tekst and hash_tekst(skjulte["sett_sha256"]) in tekst
    return {"versjon": int(skjulte["sett_versjon"]), "sha256": skjulte["sett_sha256"], "pdf": pdf,
            "docx": _fil(motor, okt.user_dict["godkjent_docx"])}


def _skriv_under(motor, okt):
    """On the signing screen: the agreement's text is there, then «Eg har lese avtala og signerer
    ho» ticked and «Signer» (issue 31: a confirming action, no drawing)."""
    sett = _sett(motor, okt)
    assert 'aria-label="Avtaleteksten"' in okt.skjerm.html
    # Drawing is offered only where the agency turns it on (the engine's config has it off).
    assert "signering_lest" in okt.skjerm.variablar and ("Vil du òg teikne" in okt.skjerm.html) == \
        bool((okt.motor.plugin.daconfig.get("desentral") or {}).get("teikna underskrift"))
    return okt.svar(SIGNER), sett


def _signering(motor, sak_id, **brukar):
    return motor.okt("signering.yml", url_args={"sak": sak_id}, **brukar)


def _tilsett(brukar_id):
    return {"epost": "kari.nordmann@example.com", "brukar_id": brukar_id}


def _lagra(okt, sak_id) -> dict:
    """The case as stored now (read in a session's context, as the interviews read it)."""
    from docassemble.desentral.lager.sakslager import hent_sak

    with okt._kontekst():
        return hent_sak(sak_id)


def _sider(pdf: bytes) -> list[bytes]:
    """Each page's content, as the PDF draws it (its content streams)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        return [b"".join(s.read_bytes() for s in (side.Contents if isinstance(side.Contents, pikepdf.Array)
                                                   else [side.Contents])) for side in p.pages]


def _sidetekst(pdf: bytes, fra: int) -> str:
    return " ".join(pdftotext(pdf, "-f", str(fra)).split())


def test_begge_skriv_under_og_pdf_en_er_den_godkjende_med_signeringsside(motor, segl, tmp_path):
    from docassemble.desentral.reglar.signering import signering

    svar = copy.deepcopy(SVAR_HEIMEKONTOR)
    svar["arbeidstakar"]["arbeidstakar.namn"] = FIENDTLEG_NAMN
    svar["verksemd"]["verksemd.namn"] = FIENDTLEG_VERKSEMD
    tilsett, sak_id = _godkjend(motor, 701, svar)
    assert "Skriv under avtala" in tilsett.skjerm.html
    # The employee's case page offers the approved version's kept documents: the bytes signed.
    [vist] = tilsett.skjerm.vedlegg

    # The employer cannot sign first.
    hr = _signering(motor, sak_id, **HR)
    assert hr.skjerm.id == "signering-status"
    assert "Arbeidstakaren skriv under først" in synleg_tekst(hr.skjerm.html)

    arbeidstakar = _signering(motor, sak_id, **_tilsett(701))
    skjerm, sett = _skriv_under(motor, arbeidstakar)
    assert vist.filer["pdf"].read_bytes() == sett["pdf"]
    assert skjerm.id == "signering-status" and "Underskrifta ventar" in skjerm.tekst
    assert engelsk_pa_skjerm(skjerm.html) == []
    # A second signature by the employee, from a new session: refused with the reason.
    att = _signering(motor, sak_id, **_tilsett(701))
    assert att.skjerm.id == "signering-status"
    assert "Du har alt skrive under" in synleg_tekst(att.skjerm.html)
    tilsett.last_inn()
    assert "ventar på underskrifta til arbeidsgivaren" in synleg_tekst(tilsett.skjerm.html)

    hr = _signering(motor, sak_id, **HR)
    assert hr.skjerm.id == "kven-skriv-under"
    hr.svar({"kven_skriv_under": "sjolv"})
    skjerm, sett_hr = _skriv_under(motor, hr)
    assert sett_hr["sha256"] == sett["sha256"]
    assert skjerm.id == "signering-status" and skjerm.tekst.strip() == "Avtala er skriven under"
    assert "PDF-en er forsegla" in synleg_tekst(skjerm.html)
    assert engelsk_pa_skjerm(skjerm.html) == []

    signerte = hr.user_dict["signerte"]
    pdf, docx = signerte["pdf"], signerte["docx"]
    godkjent = sett["pdf"]
    # The approved pages unchanged, then the signing page.
    sider, godkjende_sider = _sider(pdf), _sider(godkjent)
    assert len(sider) > len(godkjende_sider) and sider[:len(godkjende_sider)] == godkjende_sider
    # The signing page names each signer, role, time and the hash of what they signed, which is
    # the SHA-256 of the approved version's kept bytes.
    side = _sidetekst(pdf, len(godkjende_sider) + 1)
    fasit = hashlib.sha256(godkjent).hexdigest()
    assert side.count(fasit) == 3, side  # the document's, and each party's signature
    for tekst in ("Signeringsside for versjon 1", "Arbeidstakar", "For arbeidsgivaren", "kari.nordmann@example.com",
                  "hr@example.com", "(norsk tid)", "UTC", hashlib.sha256(sett["docx"]).hexdigest()):
        assert tekst in side, tekst
    assert manglar_i(side, [FIENDTLEG_NAMN]) == [] and forbodne_i(side) == []
    assert {r: s["sha256"] for r, s in signering(hr.user_dict["sak"]).items() if r != "versjon"} == \
        {"arbeidstakar": fasit, "arbeidsgivar": fasit}
    # PDF/A-2a and PDF/UA-1; the XMP and the document information name the parties exactly as typed.
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
    # Signed by the confirming action alone (drawing is off here): no image on the signing page,
    # and the page says how each party signed (the drawn one: test_signering_krev_krysset...).
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        bilete = [o for o in p.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
    assert bilete == []
    assert " ".join(side.split()).count("stadfesta som innlogga brukar («Eg har lese avtala og signerer ho»)") == 2
    # The DOCX: the approved DOCX's text, then the signing page.
    (tmp_path / "signert.docx").write_bytes(docx)
    (tmp_path / "godkjent.docx").write_bytes(sett["docx"])
    docx_tekst_ = normaliser(docx_tekst(tmp_path / "signert.docx"))
    assert docx_tekst_.startswith(normaliser(docx_tekst(tmp_path / "godkjent.docx")))
    assert "Signeringsside" in docx_tekst_ and fasit in docx_tekst_ and "UTKAST" not in docx_tekst_
    assert manglar_i(docx_tekst(tmp_path / "signert.docx"), [FIENDTLEG_NAMN, FIENDTLEG_VERKSEMD]) == []
    assert "nn-NO" in docx_sprak(tmp_path / "signert.docx")

    # Signing again as HR: refused; the employee's screen now offers the signed agreement.
    att = _signering(motor, sak_id, **HR)
    assert att.skjerm.id == "signering-status" and "Avtala er skriven under" in att.skjerm.tekst
    tilsett.last_inn()
    assert "Last ned den signerte avtala" in tilsett.skjerm.html


def signerte_dag(okt) -> str:
    from docassemble.desentral.reglar.signering import oslo_tid, signert_av

    return oslo_tid(signert_av(okt.user_dict["sak"], "arbeidsgivar")["tid"]).date().isoformat()


def _endra_og_godkjend(motor, tilsett, sak_id, brukar_id, ny_stad: str):
    """The employee opens a change, changes the work place and sends it; HR approves it."""
    okt = motor.okt("endring.yml", url_args={"sak": sak_id}, **_tilsett(brukar_id))
    okt.svar({"endring_fra": "2027-04-01", "endring_kommentar": "Ny arbeidsstad."})
    tilsett.last_inn()
    tilsett.svar({"endring_lesen": True})
    tilsett.sett({"ordning.arbeidsstad": ny_stad})
    tilsett.svar({"gjennomgang_ferdig": True})
    tilsett.svar({"innsending_stadfesta": True})
    _godkjenn(motor, sak_id)
    tilsett.last_inn()
    assert tilsett.skjerm.id == "avtale-ferdig" and tilsett.user_dict["sak"]["status"] == "godkjend"


def test_underskrift_paa_ein_versjon_som_er_avloyst_blir_avvist_for_begge_partar(motor):
    """Issue 27, item 1, on both sides: a screen drawn for one version, a new version approved
    meanwhile; the signature is refused with the reason and lands on no version; after reading
    the new version it is stored there, and the signed PDF is that version's text."""
    from docassemble.desentral.reglar.signering import signering

    tilsett, sak_id = _godkjend(motor, 708)
    # The employee's signing screen shows version 1; the tab is left open.
    gammal = _signering(motor, sak_id, **_tilsett(708))
    sett_1 = _sett(motor, gammal)
    assert "versjon 1" in gammal.skjerm.undertekst
    _endra_og_godkjend(motor, tilsett, sak_id, 708, "Lomsvegen 2, 2686 Lom")
    # «Signer» in that tab posts what it showed: version 1.
    skjerm = gammal.svar(SIGNER)
    assert skjerm.id == "signering-avvist"
    assert "Avtala er endra sidan du opna ho – les versjon 2 før du skriv under." in synleg_tekst(skjerm.html)
    sak = _lagra(tilsett, sak_id)
    assert signering(sak) == {} and not any(v.get("signering") for v in sak["versjonar"])
    # «Les avtala slik ho står no»: version 2, another document, and then the signature stands.
    gammal.svar({"signering_avvist": True})
    sett_2 = _sett(motor, gammal)
    assert sett_2["versjon"] == 2 and sett_2["sha256"] != sett_1["sha256"]
    assert gammal.svar(SIGNER).id == "signering-status"
    assert signering(_lagra(tilsett, sak_id))["arbeidstakar"]["sha256"] == sett_2["sha256"]

    # HR confirms version 2 and leaves that tab; version 3 is approved and signed by the employee.
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "sjolv"})
    assert _sett(motor, hr)["versjon"] == 2
    _endra_og_godkjend(motor, tilsett, sak_id, 708, "Fossbergom, 2686 Lom")
    skjerm, sett_3 = _skriv_under(motor, _signering(motor, sak_id, **_tilsett(708)))
    assert sett_3["versjon"] == 3
    # HR continues in the old tab, which still carries version 2: refused.
    hr.svar(SIGNER)
    assert hr.skjerm.id == "signering-avvist"
    assert "les versjon 3 før du skriv under" in synleg_tekst(hr.skjerm.html)
    assert signering(_lagra(tilsett, sak_id)).get("arbeidsgivar") is None
    hr.svar({"signering_avvist": True})
    assert hr.skjerm.id == "kven-skriv-under"
    hr.svar({"kven_skriv_under": "sjolv"})
    skjerm, sett_hr = _skriv_under(motor, hr)
    assert skjerm.tekst.strip() == "Avtala er skriven under" and sett_hr["sha256"] == sett_3["sha256"]
    # The signed PDF is version 3's approved document: its text and its hash, nothing older.
    signerte = hr.user_dict["signerte"]
    assert _sider(signerte["pdf"])[:len(_sider(sett_3["pdf"]))] == _sider(sett_3["pdf"])
    tekst = _sidetekst(signerte["pdf"], 1)
    assert "Fossbergom" in tekst and "Lomsvegen" not in tekst and "Signeringsside for versjon 3" in tekst
    # Each version keeps what was signed on it; nothing moved from one to another.
    sak = _lagra(tilsett, sak_id)
    per_versjon = {v["versjon"]: {r: s["sha256"] for r, s in (v.get("signering") or {}).items()}
                   for v in sak["versjonar"]}
    assert per_versjon == {1: {}, 2: {"arbeidstakar": sett_2["sha256"]},
                           3: {"arbeidstakar": sett_3["sha256"], "arbeidsgivar": sett_3["sha256"]}}


def test_for_godkjenning_og_feil_part_blir_avvist(motor):
    tilsett = ny_okt(motor, brukar_id=702)
    gjennom(tilsett, SVAR_HEIMEKONTOR)
    sak_id = tilsett.user_dict["sak"]["id"]
    # Sent to HR, not approved: the employee sees why nothing can be signed.
    okt = _signering(motor, sak_id, **_tilsett(702))
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
    _skriv_under(motor, okt)
    att = _signering(motor, sak_id, **eigar_hr)
    assert att.skjerm.id == "signering-status" and "Du har alt skrive under" in synleg_tekst(att.skjerm.html)
    from docassemble.desentral.reglar.signering import signert_av

    assert signert_av(att.user_dict["sak"], "arbeidsgivar") is None


def test_leiar_les_det_hen_skriv_under_og_er_peika_ut_for_ein_versjon(motor, monkeypatch):
    """Issue 27, item 3: the named leader opens the version they sign (the same bytes, the hash
    shown); naming holds for one version; HR replaces or removes the leader."""
    import json
    import zipfile

    monkeypatch.setitem(motor.plugin.daconfig, "desentral", {k: v for k, v in (motor.plugin.daconfig.get("desentral") or {}).items()
                                                             if not k.startswith("segl")})
    tilsett, sak_id = _godkjend(motor, 705)
    _skriv_under(motor, _signering(motor, sak_id, **_tilsett(705)))
    # Before both have signed there is no bundle.
    assert motor.okt("arkiv.yml", url_args={"sak": sak_id}, **HR).skjerm.id == "arkiv-ikkje-klar"

    hr = _signering(motor, sak_id, **HR)
    assert "er peika ut til å skrive under" not in synleg_tekst(hr.skjerm.html)
    hr.svar({"kven_skriv_under": "leiar", "leiar_epost": "leiar@example.com"})
    assert hr.skjerm.id == "leiar-tildelt" and "leiar@example.com" in synleg_tekst(hr.skjerm.html)
    annan_leiar = dict(LEIAR, epost="annan.leiar@example.com", brukar_id=97)
    assert _signering(motor, sak_id, **annan_leiar).skjerm.id == "signering-ikkje-funnen"
    leiar = _signering(motor, sak_id, **LEIAR)
    assert "for arbeidsgivaren" in synleg_tekst(leiar.skjerm.html)
    # The leader reads exactly the approved version, and only that: the link on the screen.
    lese = _sett(motor, leiar)
    assert lese["versjon"] == 1
    # HR names another leader instead: the first one's link finds nothing any more.
    hr = _signering(motor, sak_id, **HR)
    assert "No er leiar@example.com peika ut til å skrive under." in synleg_tekst(hr.skjerm.html)
    hr.svar({"kven_skriv_under": "leiar", "leiar_epost": "annan.leiar@example.com"})
    assert _signering(motor, sak_id, **LEIAR).skjerm.id == "signering-ikkje-funnen"
    # ... and takes the task back again: neither leader is a party now.
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "fjern"})
    assert hr.skjerm.id == "signering-stadfest"
    assert _signering(motor, sak_id, **annan_leiar).skjerm.id == "signering-ikkje-funnen"
    # Named again; a new version approved meanwhile: the naming does not carry over.
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "leiar", "leiar_epost": "leiar@example.com"})
    leiar = _signering(motor, sak_id, **LEIAR)
    skjerm, _ = _skriv_under(motor, leiar)
    assert skjerm.tekst.strip() == "Avtala er skriven under"
    # No certificate configured: nothing sealed, and the screen says so; still PDF/A.
    assert "ikkje forsegla" in synleg_tekst(skjerm.html)
    signerte = leiar.user_dict["signerte"]
    assert pdfa_feil(signerte["pdf"]) == [] and b"/ByteRange" not in signerte["pdf"]

    # The archive bundle: HR only.
    assert motor.okt("arkiv.yml", url_args={"sak": sak_id}, **_tilsett(705)).skjerm.id == "arkiv-ikkje-klar"
    arkiv = motor.okt("arkiv.yml", url_args={"sak": sak_id}, **HR)
    assert arkiv.skjerm.id == "arkiv-vist" and "Last ned arkivpakka" in arkiv.skjerm.html
    assert engelsk_pa_skjerm(arkiv.skjerm.html) == []
    with zipfile.ZipFile(motor.plugin.files[int(arkiv.user_dict["arkivfil"].number)][0]) as z:
        assert z.namelist() == ["avtale.pdf", "avtale.docx", "arkivpost.json"]
        assert z.read("avtale.pdf") == signerte["pdf"]
        post = json.loads(z.read("arkivpost.json"))
    assert post["signering"]["arbeidsgivar"]["epost"] == "leiar@example.com"
    assert post["signering"]["arbeidsgivar"]["sha256"] == lese["sha256"]
    assert post["versjonar"][0]["dokument"]["sha256_pdf"] == lese["sha256"]
    assert post["dokument"][0]["segl"]["forsegla"] is False


def test_leiar_for_ein_eldre_versjon_finn_ikkje_den_nye(motor):
    tilsett, sak_id = _godkjend(motor, 709)
    _skriv_under(motor, _signering(motor, sak_id, **_tilsett(709)))
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "leiar", "leiar_epost": "leiar@example.com"})
    assert _signering(motor, sak_id, **LEIAR).skjerm.id == "signering-stadfest"
    _endra_og_godkjend(motor, tilsett, sak_id, 709, "Lomsvegen 2, 2686 Lom")
    assert _signering(motor, sak_id, **LEIAR).skjerm.id == "signering-ikkje-funnen"


def test_to_hr_tilsette_skriv_under_samstundes(motor, segl):
    tilsett, sak_id = _godkjend(motor, 706)
    _skriv_under(motor, _signering(motor, sak_id, **_tilsett(706)))
    andre_hr = dict(HR, epost="hr2@example.com", brukar_id=96)
    fyrste, andre = _signering(motor, sak_id, **HR), _signering(motor, sak_id, **andre_hr)
    for okt in (fyrste, andre):
        okt.svar({"kven_skriv_under": "sjolv"})
        assert okt.skjerm.id == "signering-stadfest"
    assert fyrste.svar(SIGNER).tekst.strip() == "Avtala er skriven under"
    # The second officer's signature is refused with the reason; the first one's stands.
    skjerm = andre.svar(SIGNER)
    assert skjerm.id == "signering-avvist" and "Arbeidsgivaren har alt skrive under" in synleg_tekst(skjerm.html)
    from docassemble.desentral.reglar.signering import signert_av

    assert signert_av(andre.user_dict["sak"], "arbeidsgivar")["epost"] == "hr@example.com"


def test_tex_styreteikn_i_namn_stoppar_ingen_pdf_og_metadata_er_bokstavlege(motor, tmp_path):
    """Issue 27, item 4: names with raw TeX (catcode changes, ^^ notation, \\makeatletter),
    Mako, HTML, docassemble markup, right-to-left text and emoji, through every PDF path: the
    draft, the approved version (HR's screen, the employee's, an earlier version's page), the
    signed agreement and the notice letter. Each is made, is PDF/A-2a, and names the agency and
    the employee in its metadata exactly as typed."""
    svar = copy.deepcopy(SVAR_HEIMEKONTOR)
    svar["arbeidstakar"]["arbeidstakar.namn"] = TEX_NAMN
    svar["verksemd"]["verksemd.namn"] = TEX_VERKSEMD
    tilsett = ny_okt(motor, brukar_id=710)
    gjennom(tilsett, svar)
    sak_id = tilsett.user_dict["sak"]["id"]
    pdfar = {"utkast": tilsett.skjerm.vedlegg[0].filer["pdf"].read_bytes()}
    hr = _godkjenn(motor, sak_id)
    pdfar["godkjend (HR)"] = hr.skjerm.vedlegg[0].filer["pdf"].read_bytes()
    tilsett.last_inn()
    pdfar["godkjend (arbeidstakaren)"] = tilsett.skjerm.vedlegg[0].filer["pdf"].read_bytes()
    versjon = motor.okt("versjon.yml", url_args={"sak": sak_id, "versjon": "1"}, **_tilsett(710))
    assert versjon.skjerm.id == "versjon-vist"
    pdfar["versjon 1"] = versjon.skjerm.vedlegg[0].filer["pdf"].read_bytes()
    _skriv_under(motor, _signering(motor, sak_id, **_tilsett(710)))
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "sjolv"})
    _skriv_under(motor, hr)
    pdfar["signert"] = hr.user_dict["signerte"]["pdf"]
    oppseiing = motor.okt("oppseiing.yml", url_args={"sak": sak_id}, **_tilsett(710))
    oppseiing.svar({"oppseiing_kven": "arbeidstakar", "oppseiing_gitt": "2027-02-10", "oppseiing_levert": "anna",
                    "oppseiing_mottatt": "2027-02-10", "oppseiing_grunn": TEX_NAMN})
    oppseiing.svar({"oppseiing_stadfesta": True})
    assert oppseiing.skjerm.id == "oppseiing-ferdig"
    pdfar["oppseiingsbrev"] = oppseiing.skjerm.vedlegg[0].filer["pdf"].read_bytes()
    # The approved version is the same bytes wherever it is offered.
    assert pdfar["godkjend (HR)"] == pdfar["godkjend (arbeidstakaren)"] == pdfar["versjon 1"]
    for kva, pdf in pdfar.items():
        assert pdfa_feil(pdf) == [], kva
        meta = xmp(pdf)
        assert (meta["publisher"], meta["contributor"], meta["creator"]) == (TEX_VERKSEMD, TEX_NAMN, TEX_VERKSEMD), kva
        (tmp_path / "d.pdf").write_bytes(pdf)
        assert manglar_i(pdf_tekst(tmp_path / "d.pdf"), [TEX_NAMN]) == [], kva


def test_signering_krev_krysset_og_teikning_er_eit_val_der_verksemda_vil(motor, segl, monkeypatch):
    """Issue 31, item 1: «Signer» without the box ticked stores nothing and names the box; where
    the agency turns drawing on (`desentral: teikna underskrift`), the signer may add a drawn
    signature, never must; the signing page says how each party signed."""
    from docassemble.desentral.reglar.signering import signering
    from docassemble.desentral.kommando.svarmotor import Valideringsfeil

    tilsett, sak_id = _godkjend(motor, 711)
    okt = _signering(motor, sak_id, **_tilsett(711))
    with pytest.raises(Valideringsfeil) as feil:
        okt.svar({**SIGNER, "signering_lest": False})
    assert "Eg har lese avtala og signerer ho" in str(feil.value) and "signering_lest" in feil.value.feil
    assert okt.skjerm.id == "signering-stadfest" and signering(_lagra(tilsett, sak_id)) == {}
    # The agreement's text on the screen is the approved DOCX's, its typed name as typed.
    tekst = synleg_tekst(okt.skjerm.html)
    assert "Kari Nordmann" in tekst and "Tilleggsavtale om desentralisert arbeid" in tekst
    _skriv_under(motor, okt)

    monkeypatch.setitem(motor.plugin.daconfig, "desentral",
                        {**(motor.plugin.daconfig.get("desentral") or {}), "teikna underskrift": True})
    hr = _signering(motor, sak_id, **HR)
    hr.svar({"kven_skriv_under": "sjolv"})
    assert "Vil du òg teikne underskrifta di?" in hr.skjerm.html
    hr.svar({**SIGNER, "vil_teikne": True})
    assert hr.skjerm.id == "underskrift"
    assert hr.underskriv(_png()).tekst.strip() == "Avtala er skriven under"
    rec = signering(_lagra(tilsett, sak_id))
    assert rec["arbeidstakar"]["bilete_sha256"] is None and rec["arbeidsgivar"]["bilete_sha256"]
    side = " ".join(pdftotext(hr.user_dict["signerte"]["pdf"]).split())
    fasit = "stadfesta som innlogga brukar («Eg har lese avtala og signerer ho»)"
    assert side.count(fasit) == 2 and side.count(fasit + ", med teikna underskrift") == 1
    # The drawn image is on the signing page; the file is PDF/A at the path's level (2a with Typst).
    assert pdfa_feil(hr.user_dict["signerte"]["pdf"]) == []
    import pikepdf

    with pikepdf.open(io.BytesIO(hr.user_dict["signerte"]["pdf"])) as p:
        assert [o for o in p.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
