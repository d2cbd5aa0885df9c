"""Issue 18: an agreement is assembled once and kept, on docassemble's engine. Counted are the
engine's own pandoc runs (docassemble.base.pandoc.MyPandoc.convert: one per format)."""
from __future__ import annotations

import secrets

import pytest
from motorhjelp import SVAR_HEIMEKONTOR, gjennom, normaliser, ny_okt, pdf_tekst
from test_hr import hr_okt


@pytest.fixture
def monteringar(monkeypatch):
    from docassemble.base import pandoc

    talde = []
    ekte = pandoc.MyPandoc.convert

    def convert(self, *a, **kw):
        talde.append(self.output_format)
        return ekte(self, *a, **kw)

    monkeypatch.setattr(pandoc.MyPandoc, "convert", convert)
    # The Typst path makes the PDF itself, from the Markdown docassemble assembled.
    from docassemble.desentral.dokument import dokumentformat

    ekte_pdf = dokumentformat.lag_pdf

    def lag_pdf(*a, **kw):
        talde.append("pdf")
        return ekte_pdf(*a, **kw)

    monkeypatch.setattr(dokumentformat, "lag_pdf", lag_pdf)
    return talde


def _unik(svar: dict) -> dict:
    """Answers no other test gives (the store is shared by the tests of one engine)."""
    return {**svar, "arbeidstakar": {**svar["arbeidstakar"], "arbeidstakar.namn": f"Kari {secrets.token_hex(3)}"}}


def _bytes(skjerm) -> dict[str, bytes]:
    [dok] = skjerm.vedlegg
    return {f: dok.filer[f].read_bytes() for f in ("pdf", "docx")}


def test_utkastet_blir_montert_ein_gong_for_arbeidstakar_og_to_hr_sakshandsamarar(motor, monteringar):
    tilsett = ny_okt(motor)
    gjennom(tilsett, _unik(SVAR_HEIMEKONTOR))
    assert tilsett.skjerm.id == "avtale-ferdig"
    # No worker in the engine alone: the click assembles, PDF and DOCX once each.
    assert sorted(monteringar) == ["docx", "pdf"]
    utkast = _bytes(tilsett.skjerm)
    sak_id = tilsett.user_dict["sak"]["id"]

    tilsett.last_inn()
    for nr, hr in enumerate((hr_okt(motor), motor.okt("hr.yml", roller=["user", "hr"], epost="hr2@example.com", brukar_id=98))):
        hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
        assert hr.skjerm.id == "hr-sak", nr
        # HR's case page shows the stored draft of that version: the same bytes, nothing assembled.
        assert _bytes(hr.skjerm) == utkast
        hr.svar({"hr_avgjerd": "ingen"})
        hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
        assert _bytes(hr.skjerm) == utkast
    assert sorted(monteringar) == ["docx", "pdf"]

    # Approval makes the final agreement: assembled once (HR's receipt), then kept for the employee.
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "godkjenn"})
    assert hr.skjerm.id == "hr-utfort"
    assert sorted(monteringar) == ["docx", "docx", "pdf", "pdf"]
    endeleg = _bytes(hr.skjerm)
    assert endeleg["pdf"] != utkast["pdf"]
    tilsett.last_inn()
    assert "Avtala er godkjend" in tilsett.skjerm.tekst
    assert _bytes(tilsett.skjerm) == endeleg
    assert "Utkast" not in normaliser(pdf_tekst(tilsett.skjerm.vedlegg[0].filer["pdf"]))
    assert len(monteringar) == 4


def test_endra_svar_gir_nytt_dokument_og_det_gamle_blir_ikkje_brukt_om_att(motor, monteringar):
    tilsett = ny_okt(motor)
    gjennom(tilsett, _unik(SVAR_HEIMEKONTOR))
    sak_id = tilsett.user_dict["sak"]["id"]
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    hr.svar({"hr_utstyr": "PC", "hr_tryggingsreglar": "Reglane gjeld.", "hr_avgjerd": "returner",
             "hr_kommentar": "Skriv kva utstyr du treng."})
    tilsett.last_inn()
    tilsett.svar({"retur_lesen": True})
    tilsett.sett({"ordning.utstyr": "Berbar PC og skjerm <b>heime</b>."})
    tilsett.svar({"gjennomgang_ferdig": True})
    tilsett.svar({"innsending_stadfesta": True})
    assert tilsett.skjerm.id == "avtale-ferdig"
    assert "Berbar PC og skjerm <b>heime</b>." in normaliser(pdf_tekst(tilsett.skjerm.vedlegg[0].filer["pdf"]))
    assert sorted(monteringar) == ["docx", "docx", "pdf", "pdf"]
    hr.svar({"hr_utfort": True})
    hr.svar({"hr_val": "sak", "valt_sak_id": sak_id})
    assert "Berbar PC og skjerm <b>heime</b>." in normaliser(pdf_tekst(hr.skjerm.vedlegg[0].filer["pdf"]))
    assert len(monteringar) == 4


def test_nykelen_folgjer_innhald_og_malar(motor, monkeypatch):
    from docassemble.desentral.lager import dokumentlager
    from docassemble.desentral.intervju.felles import avtale_for_intervju

    tilsett = ny_okt(motor)
    gjennom(tilsett, _unik(SVAR_HEIMEKONTOR))
    avtale = tilsett.user_dict["avtale"]
    assert dokumentlager.dokumentnokkel(avtale) == dokumentlager.dokumentnokkel(
        avtale_for_intervju(tilsett.user_dict["arbeidstakar"], tilsett.user_dict["verksemd"],
                            tilsett.user_dict["ordning"], tilsett.user_dict["vurdering"]))
    from dataclasses import replace

    assert dokumentlager.dokumentnokkel(replace(avtale, utstyr=avtale.utstyr + " ")) != dokumentlager.dokumentnokkel(avtale)
    fast = dokumentlager.dokumentnokkel(avtale)
    monkeypatch.setattr(dokumentlager, "__version__", "9.9.9")
    assert dokumentlager.dokumentnokkel(avtale) != fast


@pytest.fixture
def merke(motor, monkeypatch):
    """dokumentlager's marker protocol on its own: one agreement (key "k"), Redis (fakeredis, as
    the engine has), a store that is a dict, and the session the caller is in. `motor` sets up
    what importing docassemble needs (its NLTK data), whichever test a worker runs first."""
    import fakeredis

    from docassemble.desentral.lager import dokumentlager

    redis, lager, okt = fakeredis.FakeRedis(), {}, ["okt-1"]
    monkeypatch.setattr(dokumentlager, "DARedis", lambda namn: redis)
    monkeypatch.setattr(dokumentlager, "dokumentnokkel", lambda avtale: "k")
    monkeypatch.setattr(dokumentlager, "_hent", lambda nokkel: lager.get(nokkel))
    monkeypatch.setattr(dokumentlager, "_samling", lambda variabel, post: post)
    monkeypatch.setattr(dokumentlager, "_okt", lambda: okt[0])
    monkeypatch.setattr(dokumentlager, "VENTETID", 1.0)
    return dokumentlager, redis, lager, okt, dokumentlager._merke("k")


def test_klikket_tek_over_ei_bestilt_montering_og_arbeidaren_hoppar_over(merke):
    import time

    dokumentlager, redis, _lager, _okt, m = merke
    redis.set(m, "bestilt")
    t = time.monotonic()
    assert dokumentlager.lagra_avtaledokument(None) is None  # this request assembles, at once
    assert redis.get(m) == b"framme:okt-1"
    # docassemble runs the block again after assembling: the same session is let on at once.
    assert dokumentlager.lagra_avtaledokument(None) is None
    assert time.monotonic() - t < 0.5
    # The worker's task, when it starts, finds the work taken and does nothing.
    assert dokumentlager.forhandsmontering_byrjar(None) is False
    assert redis.get(m) == b"framme:okt-1"


def test_arbeidaren_som_har_byrja_blir_venta_paa(merke):
    import threading
    import time

    dokumentlager, redis, lager, okt, m = merke
    redis.set(m, "bestilt")
    assert dokumentlager.forhandsmontering_byrjar(None) is True
    assert dokumentlager.forhandsmontering_byrjar(None) is True  # its own block run again
    assert redis.get(m) == b"monterer:okt-1"
    # Another session's click (HR) waits for the worker's documents instead of assembling.
    okt[0] = "okt-2"
    threading.Timer(0.4, lambda: lager.__setitem__("k", {"pdf": "ferdig"})).start()
    t = time.monotonic()
    assert dokumentlager.lagra_avtaledokument(None) == {"pdf": "ferdig"}
    assert 0.3 < time.monotonic() - t < 0.9


def test_utan_dokument_etter_ventetida_monterer_klikket_sjolv(merke):
    import time

    dokumentlager, redis, _lager, _okt, m = merke
    redis.set(m, "monterer:okt-9")  # a worker that never finishes (killed)
    t = time.monotonic()
    assert dokumentlager.lagra_avtaledokument(None) is None
    assert 1.0 <= time.monotonic() - t < 1.5
    # With no marker at all, the request marks its own work so a second one waits for it.
    redis.delete(m)
    assert dokumentlager.lagra_avtaledokument(None) is None
    assert redis.get(m) == b"framme:okt-1"


def test_natta_ryddar_dokument_eldre_enn_behald_dagar(motor, monteringar):
    from datetime import datetime, timedelta, timezone

    from docassemble.desentral.lager import dokumentlager

    tilsett = ny_okt(motor)
    gjennom(tilsett, _unik(SVAR_HEIMEKONTOR))
    avtale, no = tilsett.user_dict["avtale"], datetime.now(timezone.utc)
    with tilsett._kontekst():
        assert dokumentlager.er_lagra(avtale)
        # A day short of the limit: kept. A day past it: deleted, and counted.
        dokumentlager.rydd_lagra_dokument(no=no + timedelta(days=dokumentlager.BEHALD_DAGAR - 1))
        assert dokumentlager.er_lagra(avtale)
        assert dokumentlager.rydd_lagra_dokument(no=no + timedelta(days=dokumentlager.BEHALD_DAGAR + 1)) >= 1
        assert not dokumentlager.er_lagra(avtale)
    # The next view (HR's case page) assembles the same agreement again and keeps it anew.
    assert sorted(monteringar) == ["docx", "pdf"]
    hr = hr_okt(motor)
    hr.svar({"hr_val": "sak", "valt_sak_id": tilsett.user_dict["sak"]["id"]})
    assert hr.skjerm.id == "hr-sak"
    assert sorted(monteringar) == ["docx", "docx", "pdf", "pdf"]
    with tilsett._kontekst():
        assert dokumentlager.er_lagra(avtale)
