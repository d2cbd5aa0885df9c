"""Signing rules, the archive record and the seal, without docassemble (issues 17 and 27: a
signature binds to the version and the SHA-256 of the approved document the signer saw)."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest

from docassemble.desentral.dokument.arkiv import FILNAMN, arkivpakke
from docassemble.desentral.reglar.livslop import opne_endring
from docassemble.desentral.reglar.vurdering import vurder
from docassemble.desentral.reglar.saker import SakFeil, endra_sidan, godkjenn, ny_sak, send_inn
from docassemble.desentral.reglar.signering import (fjern_leiar, ferdig_signert, fristbrot, godkjent_hash, kan_signere,
                                             leiar_for, registrer_godkjent_dokument, rolle_for, signer, signering,
                                             signeringslogg, signeringsstatus, tildel_leiar, ulik_det_sette)
from docassemble.desentral.reglar.svarfil import svar_fra_dict

EIGAR = 7
BILETE = "c" * 64  # the drawn image's SHA-256 (the image itself is kept beside the case)


def _dokument(sak, merke="a"):
    """The approved version's document kept, with its hashes on the version (signeringslager)."""
    return registrer_godkjent_dokument(sak, sak["versjon"], merke * 64, "d" * 64)


def _godkjend(svar_dict):
    return _dokument(godkjenn(send_inn(ny_sak(svar_dict, EIGAR, "kari@example.com"), svar_dict), {"utstyr": "PC"}))


def _signert(sak, rolle, tid):
    """Signed by someone whose screen showed the case's version and document as they are."""
    return signer(sak, rolle, "Namn", "x@example.com", 1, BILETE, sak["versjon"], godkjent_hash(sak), tid=tid)


def _ny_versjon(sak):
    endra = opne_endring(sak, "arbeidstakar", date(2027, 4, 1), "Flyttar", date(2027, 3, 1))
    return godkjenn(send_inn(endra, endra["svar"]), {"utstyr": "PC"})


def test_ingen_kan_skrive_under_for_godkjenning(svar_dict):
    sak = send_inn(ny_sak(svar_dict, EIGAR, None), svar_dict)
    assert "før HR har godkjent" in kan_signere(sak, "arbeidstakar")
    with pytest.raises(SakFeil, match="før HR har godkjent"):
        signer(sak, "arbeidstakar", "Kari", None, EIGAR, BILETE, 1, None)


def test_underskrift_krev_det_lagra_godkjende_dokumentet(svar_dict):
    sak = godkjenn(send_inn(ny_sak(svar_dict, EIGAR, None), svar_dict), {"utstyr": "PC"})
    assert godkjent_hash(sak) is None
    with pytest.raises(SakFeil, match="ikkje klar til underskrift"):
        signer(sak, "arbeidstakar", "Kari", None, EIGAR, BILETE, 1, None)
    sak = _dokument(sak)
    # Kept once: a second document for the same version does not replace the first.
    assert godkjent_hash(registrer_godkjent_dokument(sak, 1, "e" * 64, "f" * 64)) == "a" * 64


def test_underskrift_paa_ein_versjon_ingen_har_sett_blir_avvist(svar_dict):
    """Issue 27, item 1: the screen showed version 1; meanwhile version 2 was approved."""
    sak = _godkjend(svar_dict)
    sett = (sak["versjon"], godkjent_hash(sak))
    sak2 = _dokument(_ny_versjon(sak), "b")
    with pytest.raises(SakFeil, match="^Avtala er endra sidan du opna ho – les versjon 2 før du skriv under.$"):
        signer(sak2, "arbeidstakar", "Kari", None, EIGAR, BILETE, *sett)
    assert ulik_det_sette(sak2, *sett) == "Avtala er endra sidan du opna ho – les versjon 2 før du skriv under."
    # The version number alone is not enough: the document's SHA-256 must be the stored one.
    with pytest.raises(SakFeil, match="les versjon 2"):
        signer(sak2, "arbeidstakar", "Kari", None, EIGAR, BILETE, 2, "a" * 64)
    # A new version sent but not approved yet: nothing to sign, and the reason says so.
    venter = send_inn(opne_endring(sak, "arbeidstakar", date(2027, 4, 1), "", date(2027, 3, 1)), sak["svar"])
    with pytest.raises(SakFeil, match="ikkje godkjend enno"):
        signer(venter, "arbeidstakar", "Kari", None, EIGAR, BILETE, *sett)
    # What the screen showed, as the case holds it now: accepted, bound to that hash.
    signert = signer(sak2, "arbeidstakar", "Kari", None, EIGAR, BILETE, 2, "b" * 64)
    assert signering(signert)["arbeidstakar"]["sha256"] == "b" * 64
    assert signert["historikk"][-1] == {"tid": signert["historikk"][-1]["tid"], "hending": "signert",
                                        "rolle": "arbeidstakar", "versjon": 2, "sha256": "b" * 64}


def test_rekkjefolgje_og_to_gongar_blir_avvist(svar_dict):
    sak = _godkjend(svar_dict)
    assert signeringsstatus(sak) == "Ventar på arbeidstakaren"
    with pytest.raises(SakFeil, match="Arbeidstakaren skriv under først"):
        _signert(sak, "arbeidsgivar", "2027-01-01T10:00:00+00:00")
    sak = _signert(sak, "arbeidstakar", "2027-01-01T10:00:00+00:00")
    with pytest.raises(SakFeil, match="alt skrive under"):
        _signert(sak, "arbeidstakar", "2027-01-01T11:00:00+00:00")
    assert not ferdig_signert(sak)
    sak = _signert(sak, "arbeidsgivar", "2027-01-01T12:30:00+00:00")
    assert ferdig_signert(sak) and signeringsstatus(sak) == "Begge har skrive under"
    with pytest.raises(SakFeil, match="alt skrive under"):
        _signert(sak, "arbeidsgivar", "2027-01-02T12:00:00+00:00")
    # Norwegian time in the record (13.30 in winter is 12.30 UTC); kept with its version.
    assert [r["tid"] for r in signeringslogg(sak)] == ["1. januar 2027 kl. 11.00", "1. januar 2027 kl. 13.30"]
    assert sak["versjonar"][-1]["signering"]["arbeidsgivar"]["tid"] == "2027-01-01T12:30:00+00:00"
    # The record holds the image's hash, not the image; each signature the document's hash.
    assert sak["versjonar"][-1]["signering"]["arbeidstakar"]["bilete_sha256"] == BILETE
    assert [r["sha256"] for r in signeringslogg(sak)] == ["a" * 64, "a" * 64]
    assert [r["tid_utc"] for r in signeringslogg(sak)] == ["2027-01-01 10.00 UTC", "2027-01-01 12.30 UTC"]


def test_arbeidstakaren_kan_ikkje_skrive_under_som_arbeidsgivar(svar_dict):
    sak = _godkjend(svar_dict)
    # The owner is the employee, even with HR's privilege.
    assert rolle_for(sak, EIGAR, "kari@example.com", {"hr"}) == "arbeidstakar"
    assert rolle_for(sak, 8, "hr@example.com", {"hr"}) == "arbeidsgivar"
    assert rolle_for(sak, 9, "anna@example.com", set()) is None
    assert "ikkje part" in kan_signere(sak, None)


def test_leiar_som_hr_har_peika_ut(svar_dict):
    sak = _godkjend(svar_dict)
    assert rolle_for(sak, 9, "leiar@example.com", {"leiar"}) is None
    with pytest.raises(SakFeil, match="e-postadressa"):
        tildel_leiar(sak, "ikkje ei adresse")
    sak = tildel_leiar(sak, " Leiar@Example.com ")
    assert rolle_for(sak, 9, "leiar@example.com", {"leiar"}) == "arbeidsgivar"
    # The right e-mail without the privilege, or another leader: not a party.
    assert rolle_for(sak, 9, "leiar@example.com", set()) is None
    assert rolle_for(sak, 10, "annan.leiar@example.com", {"leiar"}) is None
    # HR replaces the leader, or takes the task back.
    sak = tildel_leiar(sak, "annan.leiar@example.com")
    assert rolle_for(sak, 9, "leiar@example.com", {"leiar"}) is None
    assert rolle_for(sak, 10, "annan.leiar@example.com", {"leiar"}) == "arbeidsgivar"
    sak = fjern_leiar(sak)
    assert leiar_for(sak) is None and rolle_for(sak, 10, "annan.leiar@example.com", {"leiar"}) is None
    with pytest.raises(SakFeil, match="ingen leiar"):
        fjern_leiar(sak)


def test_leiar_er_peika_ut_for_ein_versjon(svar_dict):
    """Issue 27, item 3: naming a leader holds for the version HR named them for."""
    sak = _signert(tildel_leiar(_godkjend(svar_dict), "leiar@example.com"), "arbeidstakar",
                   "2027-01-01T10:00:00+00:00")
    assert rolle_for(sak, 9, "leiar@example.com", {"leiar"}) == "arbeidsgivar"
    sak2 = _dokument(_ny_versjon(sak), "b")
    assert leiar_for(sak2) is None and rolle_for(sak2, 9, "leiar@example.com", {"leiar"}) is None
    # 0.3.0 stored a bare address: it holds only when named after the newest approval.
    gammal = dict(sak2, leiar="leiar@example.com")
    assert leiar_for(gammal) is None
    gammal["historikk"] = gammal["historikk"] + [{"tid": "t", "hending": "leiar_tildelt", "leiar": "leiar@example.com"}]
    assert leiar_for(gammal) == "leiar@example.com"


def test_ny_versjon_byrjar_ny_signering(svar_dict):
    sak = _signert(_godkjend(svar_dict), "arbeidstakar", "2027-01-01T10:00:00+00:00")
    sak2 = _dokument(_ny_versjon(sak), "b")
    # The employee's signature on version 1 stays with version 1; version 2 starts afresh.
    assert not ferdig_signert(sak2) and kan_signere(sak2, "arbeidstakar") is None
    assert signering(sak2) == {} and "Ventar på arbeidstakaren" == signeringsstatus(sak2)
    assert sak2["versjonar"][0]["signering"]["arbeidstakar"]["versjon"] == 1
    assert sak2["versjonar"][0]["signering"]["arbeidstakar"]["sha256"] == "a" * 64
    assert "signering" not in sak2["versjonar"][1]


def test_0_3_0_si_underskrift_held_fram_paa_same_versjon(svar_dict):
    """A case where the employee signed under 0.3.0 (record on the case, image inline)."""
    sak = _godkjend(svar_dict)
    sak["signering"] = {"versjon": 1, "arbeidstakar": {"namn": "Kari", "epost": "k@example.com", "brukar_id": EIGAR,
                                                       "tid": "2027-01-01T10:00:00+00:00", "bilete": "iVBORw0KGgo="}}
    assert kan_signere(sak, "arbeidsgivar") is None
    sak = _signert(sak, "arbeidsgivar", "2027-01-01T11:00:00+00:00")
    assert ferdig_signert(sak) and signering(sak)["arbeidstakar"]["namn"] == "Kari"


def test_handling_bind_seg_til_det_personen_saag(svar_dict):
    """DEVELOPERS.md: an approval, notice or change is refused when the case changed since the
    screen was drawn (sakslager.endre_sak compares with what the screen showed)."""
    sak = send_inn(ny_sak(svar_dict, EIGAR, None), svar_dict)
    assert endra_sidan(sak, sak) is None and endra_sidan(sak, None) is None
    godkjend = godkjenn(sak, {"utstyr": "PC"})
    assert endra_sidan(godkjend, sak) == "saka er endra sidan du opna ho: ho er no versjon 1 med status «Godkjend»"
    ny = send_inn(dict(sak, status="returnert"), svar_dict)
    assert "versjon 2" in endra_sidan(ny, sak)


def test_fristbrot_etter_underskriftsdagen(svar_dict):
    sak = _godkjend(svar_dict)
    vurdering = vurder(svar_fra_dict(sak["svar"]), date(2026, 12, 1))
    frist = next(p["dato"] for p in vurdering["tidslinje"] if p["kva"] == "skriftleg_frist")
    i_tide = f"{frist.isoformat()}T10:00:00+00:00"
    seint = f"{date.fromordinal(frist.toordinal() + 1).isoformat()}T10:00:00+00:00"
    assert fristbrot(_signert(_signert(sak, "arbeidstakar", i_tide), "arbeidsgivar", i_tide), vurdering) == []
    brot = fristbrot(_signert(_signert(sak, "arbeidstakar", i_tide), "arbeidsgivar", seint), vurdering)
    assert len(brot) == 1 and "etter fristen" in brot[0]["tekst"] and brot[0]["kjelde"].startswith("arbeidsmiljølova § 14-")


def test_arkivpakka_held_det_readme_seier(svar_dict):
    sak = _signert(_signert(_godkjend(svar_dict), "arbeidstakar", "2027-01-01T10:00:00+00:00"),
                   "arbeidsgivar", "2027-01-01T11:00:00+00:00")
    vurdering = vurder(svar_fra_dict(sak["svar"]), date(2026, 12, 1))
    pakke = arkivpakke(sak, vurdering, b"%PDF-1.7 pdf", b"PK docx", {"forsegla": False, "melding": "m"})
    with zipfile.ZipFile(io.BytesIO(pakke)) as z:
        assert z.namelist() == [FILNAMN["pdf"], FILNAMN["docx"], FILNAMN["post"]]
        assert z.read("avtale.pdf") == b"%PDF-1.7 pdf"
        post = json.loads(z.read("arkivpost.json"))
    assert post["format"] == "docassemble.desentral/arkivpost/1"
    assert post["sak"]["id"] == sak["id"] and post["sak"]["versjon"] == 1
    assert set(post["signering"]) == {"versjon", "arbeidstakar", "arbeidsgivar"}
    assert "bilete" not in post["signering"]["arbeidstakar"]
    assert [d["filnamn"] for d in post["dokument"]] == ["avtale.pdf", "avtale.docx"]
    assert post["dokument"][0]["sha256"] == __import__("hashlib").sha256(b"%PDF-1.7 pdf").hexdigest()
    assert post["avgjerd"]["avtaletype"] == vurdering["avtaletype"] and post["avgjerd"]["grunngjeving"]
    assert post["versjonar"][0]["signering"]["arbeidsgivar"]["namn"] == "Namn"
    assert post["versjonar"][0]["dokument"]["sha256_pdf"] == "a" * 64
    assert post["signering"]["arbeidstakar"]["sha256"] == "a" * 64


def test_leiar_invitert_paa_epost_signerer_med_nykelen_i_lenkja(svar_dict):
    """Issue 31, item 3: a leader without the privilege `leiar` (invited by e-mail) is the
    employer's signer only with the key mailed to the address HR named, for that version."""
    from docassemble.desentral.reglar.signering import leiarnykel

    sak = tildel_leiar(_godkjend(svar_dict), "Ny.Leiar@example.com")
    nykel = leiarnykel("hemmeleg", sak, "ny.leiar@example.com")
    assert rolle_for(sak, 9, "ny.leiar@example.com", set()) is None
    assert rolle_for(sak, 9, "ny.leiar@example.com", set(), nykel, "hemmeleg") == "arbeidsgivar"
    assert rolle_for(sak, 9, "NY.LEIAR@example.com", set(), nykel, "hemmeleg") == "arbeidsgivar"
    # Another address with the key, a wrong key, another secret: nothing.
    assert rolle_for(sak, 10, "annan@example.com", set(), nykel, "hemmeleg") is None
    assert rolle_for(sak, 9, "ny.leiar@example.com", set(), "0" * 32, "hemmeleg") is None
    assert rolle_for(sak, 9, "ny.leiar@example.com", set(), nykel, "anna") is None
    # HR names another leader: the first one's key opens nothing.
    annan = tildel_leiar(sak, "annan@example.com")
    assert rolle_for(annan, 9, "ny.leiar@example.com", set(), nykel, "hemmeleg") is None
    # The key holds for the version it was made for.
    assert nykel != leiarnykel("hemmeleg", dict(sak, versjon=sak["versjon"] + 1), "ny.leiar@example.com")


def test_leiaren_arbeidstakaren_namngav_blir_peika_ut_ved_godkjenning(svar_dict):
    """Issue 31, item 3: the employee names the leader in the answers; at approval that leader
    is named for the approved version (and told, varsel.py); HR's own choice stands."""
    from docassemble.desentral.reglar.signering import leiar_fra_arbeidstakaren
    from docassemble.desentral.reglar.svarfil import SvarFeil

    med = dict(svar_dict, verksemd=dict(svar_dict["verksemd"], leiar_epost="  leiar@example.com "))
    assert svar_fra_dict(med).verksemd.leiar_epost == "leiar@example.com"
    for feil in ("leiar", "a@b", "<a@b.no>", "a b@c.no"):
        with pytest.raises(SvarFeil, match="verksemd.leiar_epost"):
            svar_fra_dict(dict(svar_dict, verksemd=dict(svar_dict["verksemd"], leiar_epost=feil)))
    sak = leiar_fra_arbeidstakaren(godkjenn(send_inn(ny_sak(med, EIGAR, "k@example.com"), med), {"utstyr": "PC"}))
    assert leiar_for(sak) == "leiar@example.com"
    assert sak["historikk"][-1]["hending"] == "leiar_tildelt" and sak["historikk"][-1]["kven"] == "arbeidstakar"
    # Without a named leader, nothing; a leader HR named already stays.
    utan = godkjenn(send_inn(ny_sak(svar_dict, EIGAR, "k@example.com"), svar_dict), {"utstyr": "PC"})
    assert leiar_fra_arbeidstakaren(utan) == utan
    hr_sin = tildel_leiar(sak, "hr.valde@example.com")
    assert leiar_for(leiar_fra_arbeidstakaren(hr_sin)) == "hr.valde@example.com"
