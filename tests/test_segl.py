"""The seal with pyHanko (issue 17): a throwaway CA, a seal that validates, a one-byte change
that breaks it, and no seal without a configured certificate."""
from __future__ import annotations

import io

import pytest

from docassemble.desentral.dokument.segl import SeglFeil, forsegl, oppsett_fra_config
from segltest import lag_ca, valider_segl


def _pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    ut = io.BytesIO()
    pdf.save(ut)
    return ut.getvalue()


def test_segl_er_gyldig_og_ein_endra_byte_bryt_det(tmp_path):
    filer = lag_ca(tmp_path)
    oppsett = oppsett_fra_config({"segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(filer["nykel"]),
                                  "segl stad": "Oslo"})
    original = _pdf()
    forsegla = forsegl(original, oppsett, "Test")
    assert forsegla.startswith(original)  # an incremental update: the signed bytes stay as they were
    status = valider_segl(forsegla, filer["ca"])
    assert status.bottom_line and status.intact and status.valid and status.trusted
    for stad in (len(original) // 2, 20):
        endra = bytearray(forsegla)
        endra[stad] ^= 0x01
        assert not valider_segl(bytes(endra), filer["ca"]).intact


def test_pem_tekst_i_konfigurasjonen(tmp_path):
    filer = lag_ca(tmp_path)
    oppsett = oppsett_fra_config({"segl sertifikat": filer["sertifikat"].read_text(),
                                  "segl nykel": filer["nykel"].read_text()})
    assert valider_segl(forsegl(_pdf(), oppsett, "Test"), filer["ca"]).bottom_line


def test_annan_ca_er_ikkje_klarert(tmp_path):
    filer = lag_ca(tmp_path / "a")
    annan = lag_ca(tmp_path / "b")
    oppsett = oppsett_fra_config({"segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(filer["nykel"])})
    status = valider_segl(forsegl(_pdf(), oppsett, "Test"), annan["ca"])
    assert status.intact and not status.trusted and not status.bottom_line


def test_utan_sertifikat_blir_ingenting_forsegla(tmp_path):
    assert oppsett_fra_config(None) is None and oppsett_fra_config({}) is None
    with pytest.raises(SeglFeil, match="segl nykel"):
        oppsett_fra_config({"segl sertifikat": "/finst/ikkje.crt"})
    with pytest.raises(SeglFeil, match="finst ikkje"):
        oppsett_fra_config({"segl sertifikat": "/finst/ikkje.crt", "segl nykel": "/finst/ikkje.key"})
    feil_nykel = tmp_path / "feil.key"
    feil_nykel.write_text("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    filer = lag_ca(tmp_path / "ca")
    oppsett = oppsett_fra_config({"segl sertifikat": str(filer["sertifikat"]), "segl nykel": str(feil_nykel)})
    with pytest.raises(SeglFeil, match="kan ikkje lesast"):
        forsegl(_pdf(), oppsett, "Test")
