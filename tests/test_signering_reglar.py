"""Signing rules, the archive record and the seal, without docassemble (issue 17)."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest

from docassemble.desentral.arkiv import FILNAMN, arkivpakke
from docassemble.desentral.livslop import opne_endring
from docassemble.desentral.reglar import vurder
from docassemble.desentral.saker import SakFeil, godkjenn, ny_sak, send_inn
from docassemble.desentral.signering import (ferdig_signert, fristbrot, kan_signere, rolle_for, signer,
                                             signeringslogg, signeringsstatus, tildel_leiar)
from docassemble.desentral.svarfil import svar_fra_dict

EIGAR = 7
BILETE = "iVBORw0KGgo="


def _godkjend(svar_dict):
    return godkjenn(send_inn(ny_sak(svar_dict, EIGAR, "kari@example.com"), svar_dict), {"utstyr": "PC"})


def _signert(sak, rolle, tid):
    return signer(sak, rolle, "Namn", "x@example.com", 1, BILETE, tid=tid)


def test_ingen_kan_skrive_under_for_godkjenning(svar_dict):
    sak = send_inn(ny_sak(svar_dict, EIGAR, None), svar_dict)
    assert "før HR har godkjent" in kan_signere(sak, "arbeidstakar")
    with pytest.raises(SakFeil, match="før HR har godkjent"):
        signer(sak, "arbeidstakar", "Kari", None, EIGAR, BILETE)


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
    assert "bilete" not in sak["versjonar"][-1]["signering"]["arbeidstakar"]


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


def test_ny_versjon_byrjar_ny_signering(svar_dict):
    sak = _signert(_signert(_godkjend(svar_dict), "arbeidstakar", "2027-01-01T10:00:00+00:00"),
                   "arbeidsgivar", "2027-01-01T11:00:00+00:00")
    endra = opne_endring(sak, "arbeidstakar", date(2027, 4, 1), "Flyttar", date(2027, 3, 1))
    sak2 = godkjenn(send_inn(endra, endra["svar"]), {"utstyr": "PC"})
    assert not ferdig_signert(sak2) and kan_signere(sak2, "arbeidstakar") is None
    assert sak2["versjonar"][0]["signering"]["versjon"] == 1


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
