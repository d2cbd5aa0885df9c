"""Issue 27 on the real server: a signature binds to the exact document the signer saw.

1. The race of item 1, on both sides. The employee draws a signature on version 1's screen and
   leaves the tab; in another tab the work place is changed and HR approves version 2; the
   signature from the old tab is refused with the reason and lands on no version. HR confirms
   version 2 and leaves that tab; version 3 is approved in another HR tab and signed by the
   employee; HR's old tab is refused. The signed PDF is version 3's approved pages unchanged,
   then a signing page naming version 3 and the hash of those bytes.
2. Real parallel requests against the local server, the case's lock held by the test while they
   are sent (so they meet at the compare-and-set): two HR officers approving at the same instant
   (one decision stands, the other is told why), two officers signing for the employer at the
   same instant, and a change approved while the employee's signature of the old version is
   sent.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import time
from urllib.parse import urlparse

import pytest
from nettlesarhjelp import Intervju, logg_inn, ny_brukar
from pdftekst import pdftotext
from test_hr_nettlesar import HR_URL, godkjende_saker, godkjenn_som_hr, opne_sak_som_hr, send_inn_som_arbeidstakar
from test_hr_nettlesar import sak_url as _sak_url
from test_signering_nettlesar import _hr_lista, _hr_opnar, _kryss, _last_ned, _skriv_under, les_det_som_blir_signert

from docassemble.desentral.reglar.saker import LAAS_PREFIKS


def _ny_fane(side, namn: str):
    """Another tab of the same browser (the same signed-in user)."""
    fane = side.context.new_page()
    fane.set_default_timeout(60_000)
    fane.artefakt = side.artefakt / namn
    fane.artefakt.mkdir(parents=True, exist_ok=True)
    return fane


def _endre(iv: Intervju, sak_url: str, ny_stad: str):
    """The employee changes the work place of the approved agreement and sends it to HR."""
    side = iv.page
    side.goto(sak_url)
    side.wait_for_selector("body.question-avtale-ferdig")
    side.get_by_role("link", name="Endre avtala").click()
    side.wait_for_selector("body.question-endring-dato")
    iv.sjekk()
    iv.dato("Endringa gjeld frå", "2027-06-01")
    iv.tekst("Kva skal endrast, og kvifor?", "Ny arbeidsstad.")
    iv.hald_fram("endring-opna")
    side.get_by_role("link", name="Endre svara i saka").click()
    side.wait_for_selector("body.question-endring")
    iv.sjekk()
    iv.hald_fram("gjennomgang")
    side.locator(".da-review").filter(has_text=re.compile(r"Arbeidsstad: ")).get_by_role("button", name="Endre").click()
    side.wait_for_selector("body.question-arbeidsstad")
    iv.sjekk()
    iv.tekst("Namn og adresse", ny_stad)
    iv.hald_fram("gjennomgang")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")


def _opne_signering(iv: Intervju, sak_url: str):
    iv.page.goto(sak_url)
    iv.page.wait_for_selector("body.question-avtale-ferdig")
    iv.page.get_by_role("link", name="Skriv under avtala").click()
    iv.page.wait_for_selector("body.question-signering-stadfest")
    iv.sjekk()


def _sidetekst(pdf: bytes, fra: int = 1) -> str:
    return " ".join(pdftotext(pdf, "-f", str(fra)).split())


def _sider(pdf: bytes) -> list[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        return [b"".join(s.read_bytes() for s in (side.Contents if isinstance(side.Contents, pikepdf.Array)
                                                   else [side.Contents])) for side in p.pages]


def test_underskrift_paa_avloyst_versjon_blir_avvist_for_arbeidstakar_og_hr(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"Sigve Signering {secrets.token_hex(2)}"
    [(a, iv, sak_url)], hr_side, hr = godkjende_saker(ny_side, tenar, api_nokkel, hr_brukar, ("Sigve", namn, {}))

    # The employee opens the signing of version 1, ticks the box, and leaves the tab before «Signer».
    _opne_signering(iv, sak_url)
    versjon_1, sha_1, _ = les_det_som_blir_signert(a, tenar)
    assert versjon_1 == 1
    _kryss(a)
    # Another tab: the work place changes, HR approves version 2.
    fane = Intervju(_ny_fane(a, "fane2"), tenar)
    _endre(fane, sak_url, "Lomsvegen 2, 2686 Lom")
    godkjenn_som_hr(hr, namn)
    # The old tab signs what it showed, version 1: refused, with the reason.
    iv.knapp("Signer", "signering-avvist")
    assert "Avtala er endra sidan du opna ho – les versjon 2 før du skriv under." in a.inner_text("#daquestion")
    iv.knapp("Les avtala slik ho står no", "signering-stadfest")
    versjon_2, sha_2, _ = les_det_som_blir_signert(a, tenar)
    assert (versjon_2, sha_2 != sha_1) == (2, True)
    _skriv_under(iv)
    assert "Underskrifta ventar" in a.inner_text("body")

    # HR confirms version 2 and leaves the tab on the confirmation screen.
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn, "Opne underskrifta")
    hr.val("Kven skriv under?", "Eg skriv under sjølv")
    hr.hald_fram("signering-stadfest")
    assert les_det_som_blir_signert(hr_side, tenar)[0] == 2
    # Version 3: the employee changes again, HR approves in another tab, the employee signs it.
    _endre(fane, sak_url, "Fossbergom, 2686 Lom")
    hr2 = Intervju(_ny_fane(hr_side, "fane2"), tenar)
    _hr_lista(hr2)  # HR's list session was left on the signing link's screen
    # Before approving version 3, HR reads the version in force: version 2, until 3 is approved.
    opne_sak_som_hr(hr2, namn)
    hr2.page.locator("#daquestion").get_by_role("link", name="versjon 2").click()
    hr2.page.wait_for_selector("body.question-versjon-vist")
    hr2.sjekk()
    assert "Versjonen tek til å gjelde 1. juni 2027" in hr2.page.inner_text("#daquestion")
    # HR's session is still on the case: the decision is made there.
    hr2.page.goto(hr2.url + HR_URL)
    hr2.page.wait_for_selector("body.question-hr-sak")
    hr2.tekst("Tryggingsreglar", "Reglane for informasjonstryggleik i verksemda gjeld.")
    hr2.val("Avgjerd", "Godkjenn avtala")
    hr2.hald_fram("hr-utfort")
    hr2.knapp("Tilbake til lista", "hr-saker")
    # Version 2 was approved for the same day as version 3: it never takes effect, and says so.
    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    a.get_by_role("link", name="Versjon 2").click()
    a.wait_for_selector("body.question-versjon-vist")
    iv.sjekk()
    assert "Versjonen tek aldri til å gjelde: versjon 3 avløyser henne frå 1. juni 2027." in a.inner_text("#daquestion")
    _opne_signering(iv, sak_url)
    versjon_3, sha_3, godkjent_3 = les_det_som_blir_signert(a, tenar)
    assert versjon_3 == 3
    _skriv_under(iv)
    # HR continues in the old tab, which carries version 2: «Signer» is refused.
    _kryss(hr_side)
    hr.knapp("Signer", "signering-avvist")
    assert "Avtala er endra sidan du opna ho – les versjon 3 før du skriv under." in hr_side.inner_text("#daquestion")
    hr.knapp("Les avtala slik ho står no", "kven-skriv-under")
    # «Tilbake» goes to the refusal again (nothing stored); on from there.
    hr.knapp("Tilbake", "signering-avvist")
    hr.knapp("Les avtala slik ho står no", "kven-skriv-under")
    hr.val("Kven skriv under?", "Eg skriv under sjølv")
    hr.hald_fram("signering-stadfest")
    assert les_det_som_blir_signert(hr_side, tenar)[:2] == (3, sha_3)
    _skriv_under(hr)
    assert "Avtala er skriven under" in hr_side.inner_text("body")

    # The signed PDF: version 3's approved pages unchanged, then the signing page.
    pdf = _last_ned(hr_side, tenar, "Last ned PDF (arkivformat PDF/A)")
    godkjende = _sider(godkjent_3)
    assert _sider(pdf)[:len(godkjende)] == godkjende
    tekst = _sidetekst(pdf)
    assert "frå heimekontor: Fossbergom, 2686 Lom" in tekst and "Lomsvegen" not in tekst
    side = _sidetekst(pdf, len(godkjende) + 1)
    assert "Signeringsside for versjon 3" in side and side.count(sha_3) == 3 and hashlib.sha256(godkjent_3).hexdigest() == sha_3


@pytest.fixture
def laas():
    """The case lock in the test server's Redis (docassemble's DARedis: database 2): held by the
    test while it sends requests, so they meet at the compare-and-set."""
    import redis

    port = os.environ.get("DESENTRAL_REDIS_PORT")
    if not port:
        pytest.skip("scripts/test.sh set DESENTRAL_REDIS_PORT")
    return redis.Redis(host="127.0.0.1", port=int(port), db=2)


def _skjema_post(r) -> bool:
    return r.method == "POST" and urlparse(r.url).path.endswith("/interview")


def _samstundes(laas, sak_id: str, *knappar, ventar: tuple[bool, ...] | None = None) -> None:
    """Hold the case's lock, click each button (its form is sent at once, nothing waits), check
    that every POST has gone out and that none of those that must wait (`ventar`, default all)
    is answered while the lock is held — they wait at the compare-and-set, in parallel on the
    server — then let go."""
    ventar = ventar or (True,) * len(knappar)
    nokkel = LAAS_PREFIKS + sak_id
    assert laas.set(nokkel, "test", nx=True, px=30000), "låsen var alt teken"
    try:
        statusar = []
        for knapp in knappar:
            status = {"sendt": 0, "svar": 0}
            # The form's POST to the interview only: docassemble's page also POSTs to /checkin
            # every few seconds, answered without the case lock (it once landed in this window).
            knapp.page.on("request", lambda r, s=status: s.update(sendt=s["sendt"] + 1) if _skjema_post(r) else None)
            knapp.page.on("response",
                          lambda r, s=status: s.update(svar=s["svar"] + 1) if _skjema_post(r.request) else None)
            knapp.click(no_wait_after=True)
            statusar.append(status)
        slutt = time.monotonic() + 10
        while time.monotonic() < slutt and not all(s["sendt"] for s in statusar):
            knappar[0].page.wait_for_timeout(100)
        knappar[0].page.wait_for_timeout(1500)
        assert all(s["sendt"] for s in statusar), statusar
        assert not any(s["svar"] for s, v in zip(statusar, ventar) if v), statusar
        assert laas.get(nokkel) == b"test"
    finally:
        laas.delete(nokkel)


def _hald_fram(side):
    return side.locator("#daquestion").get_by_role("button", name="Hald fram", exact=True).first


def _signaturknapp(side):
    return side.locator("#daquestion").get_by_role("button", name="Signer", exact=True)


def _godkjenn_klar(hr: Intervju, namn: str) -> str:
    """HR on the case page of `namn`, approval chosen, not sent; returns the case's id."""
    _hr_lista(hr)
    sak_id = opne_sak_som_hr(hr, namn)
    hr.tekst("Tryggingsreglar", "Reglane for informasjonstryggleik i verksemda gjeld.")
    hr.val("Avgjerd", "Godkjenn avtala")
    return sak_id


def test_samtidige_lagringar_moetest_i_compare_and_set(ny_side, tenar, api_nokkel, hr_brukar, laas):
    namn = f"Synne Samtidig {secrets.token_hex(2)}"
    a = ny_side("a")
    logg_inn(a, tenar, ny_brukar(tenar, api_nokkel, fornamn="Synne"))
    iv = Intervju(a, tenar).start()
    send_inn_som_arbeidstakar(iv, namn)
    sak_url = _sak_url(a, tenar)
    # Two HR officers on the same case page, both approving, sent at the same instant.
    hr_side, hr2_side = ny_side("hr"), ny_side("hr2")
    logg_inn(hr_side, tenar, hr_brukar)
    logg_inn(hr2_side, tenar, ny_brukar(tenar, api_nokkel, ("user", "hr"), fornamn="Halvor"))
    hr, hr2 = Intervju(hr_side, tenar), Intervju(hr2_side, tenar)
    sak_id = _godkjenn_klar(hr, namn)
    assert _godkjenn_klar(hr2, namn) == sak_id
    _samstundes(laas, sak_id, _hald_fram(hr_side), _hald_fram(hr2_side))
    for side in (hr_side, hr2_side):
        side.wait_for_selector("body.question-hr-utfort", timeout=120000)
    overskrifter = sorted(s.locator("#daquestion").get_by_role("heading", level=1).first.inner_text().strip()
                          for s in (hr_side, hr2_side))
    assert overskrifter == ["Avtala er godkjend", "Saka er endra av nokon andre"], overskrifter
    for h in (hr, hr2):
        h.sjekk()
        h.knapp("Tilbake til lista", "hr-saker")

    # The employee signs; two officers sign for the employer at the same instant.
    _opne_signering(iv, sak_url)
    _skriv_under(iv)
    for h in (hr, hr2):
        _hr_opnar(h, "Skrive under ei godkjend avtale for arbeidsgivaren", namn, "Opne underskrifta")
        h.val("Kven skriv under?", "Eg skriv under sjølv")
        h.hald_fram("signering-stadfest")
        _kryss(h.page)
    _samstundes(laas, sak_id, _signaturknapp(hr_side), _signaturknapp(hr2_side))
    for side in (hr_side, hr2_side):
        side.wait_for_selector("body.question-signering-status, body.question-signering-avvist", timeout=120000)
    assert sorted(h.id for h in (hr, hr2)) == ["signering-avvist", "signering-status"]
    avvist = next(h for h in (hr, hr2) if h.id == "signering-avvist")
    avvist.sjekk()
    assert "Arbeidsgivaren har alt skrive under på denne versjonen av avtala." in avvist.page.inner_text("#daquestion")

    # A change approved at the instant the employee's signature of the old version is sent.
    namn_b = f"Sander Samtidig {secrets.token_hex(2)}"
    [(b, ivb, sak_url_b)], _, _ = godkjende_saker(ny_side, tenar, api_nokkel, hr_brukar, ("Sander", namn_b, {}))
    _opne_signering(ivb, sak_url_b)
    _kryss(b)
    _endre(Intervju(_ny_fane(b, "fane2"), tenar), sak_url_b, "Lomsvegen 2, 2686 Lom")
    sak_id_b = _godkjenn_klar(hr, namn_b)
    # «Signer» is refused without the lock: when the request is read, the case is already version
    # 2, sent to HR, so the signing question is no longer asked and docassemble
    # (`restrict input variables`) sets nothing from its form; the screen says why nothing can be
    # signed now. The approval waits at the lock, then is stored.
    _samstundes(laas, sak_id_b, _signaturknapp(b), _hald_fram(hr_side), ventar=(False, True))
    hr_side.wait_for_selector("body.question-hr-utfort", timeout=120000)
    assert "Avtala er godkjend" in hr_side.inner_text("#daquestion")
    b.wait_for_selector("body.question-signering-status", timeout=120000)
    ivb.sjekk()
    assert "Avtala kan ikkje skrivast under før HR har godkjent henne." in b.inner_text("#daquestion")
    # Nothing was recorded on either version: the employee's signature waits for version 2.
    _opne_signering(ivb, sak_url_b)
    assert les_det_som_blir_signert(b, tenar)[0] == 2
    b.goto(sak_url_b)
    b.wait_for_selector("body.question-avtale-ferdig")
    assert "Skriv under avtala" in b.inner_text("#daquestion")
