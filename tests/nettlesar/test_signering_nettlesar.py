"""Issue 17 on the real server: signing in the app, the sealed PDF/A and the archive bundle.

Two approved agreements. The first: the employee opens «Skriv under avtala», reads version 1,
tries to continue with an empty signature (a Nynorsk message, nothing sent), draws and signs;
HR signs from the list (Back on the way), downloads the signed PDF, whose seal validates with
pyHanko against this run's CA (one changed byte breaks it), which passes the PDF/A-2a check and
shows both signatures and the signing record; HR's list shows who has signed; the archive
bundle holds what README says. The second: HR names a leader, a stranger's link finds nothing,
the bundle is not ready before the leader signs, the leader signs."""
from __future__ import annotations

import io
import json
import os
import re
import secrets
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from nettlesarhjelp import Intervju, heil_url, logg_inn, ny_brukar
from test_endring_nettlesar import _hr_vel_godkjend
from test_hr_nettlesar import HR_URL, _rader, godkjende_saker

from fiendtleg import forbodne_i
from pdfa_sjekk import pdfa_feil, xmp
from pdftekst import pdftotext
from segltest import valider_segl

NAMN_TEKST = "<b>Sol</b> ${ 7*7 }"


SIGNER_KRYSS = "Eg har lese avtala og signerer ho"
TEIKNE_SPORSMAL = "Vil du òg teikne underskrifta di? (Ikkje naudsynt.)"


def _teikn(side):
    """Draw a signature on docassemble's canvas with the mouse (the optional drawing)."""
    side.bring_to_front()  # a hidden tab delays every mouse event (see Intervju.knapp)
    lerret = side.locator("#dasigcontent canvas")
    boks = lerret.bounding_box()
    x, y, b, h = boks["x"], boks["y"], boks["width"], boks["height"]
    side.mouse.move(x + b * 0.1, y + h * 0.7)
    side.mouse.down()
    for i in range(1, 21):
        side.mouse.move(x + b * (0.1 + 0.04 * i), y + h * (0.7 - 0.4 * (i % 2)), steps=3)
    side.mouse.up()


def _kryss(side):
    """Tick «Eg har lese avtala og signerer ho» on the signing screen, as a user clicks its label."""
    side.bring_to_front()  # a hidden tab delays every input event (see Intervju.knapp)
    boks = side.get_by_label(SIGNER_KRYSS, exact=True)
    if not boks.is_checked():
        side.locator("#daquestion").get_by_text(SIGNER_KRYSS, exact=True).click()
    assert boks.is_checked()


def _skriv_under(iv: Intervju):
    """On the signing screen (issue 31: a confirming action): the agreement's text is there; the
    box ticked, then «Signer»."""
    side = iv.page
    side.wait_for_selector("body.question-signering-stadfest")
    assert side.locator("#daquestion section[aria-label='Avtaleteksten']").count() == 1
    _kryss(side)
    iv.knapp("Signer", "signering-status")


def _signer_med_tastaturet(iv: Intervju):
    """The signing screen with the keyboard alone: Tab to the box, Space, Tab to «Signer», Enter
    (WCAG 2.1.1). Fails if the box or the button cannot be reached, or nothing is sent."""
    side = iv.page
    side.bring_to_front()
    side.wait_for_selector("body.question-signering-stadfest")

    def fokus_paa(js: str) -> bool:
        for _ in range(120):
            side.keyboard.press("Tab")
            if side.evaluate(js):
                return True
        return False

    assert fokus_paa("() => document.activeElement && document.activeElement.type === 'checkbox' && "
                     f"document.activeElement.labels[0] && document.activeElement.labels[0].innerText.trim() === {SIGNER_KRYSS!r}")
    side.keyboard.press("Space")
    assert side.get_by_label(SIGNER_KRYSS, exact=True).is_checked()
    assert fokus_paa("() => document.activeElement && document.activeElement.tagName === 'BUTTON' && "
                     "document.activeElement.innerText.trim() === 'Signer'")
    side.keyboard.press("Enter")
    side.wait_for_selector("body.question-signering-status", timeout=120000)
    side.wait_for_load_state("networkidle")
    iv.sjekk()


def _last_ned(side, tenar, lenkjenamn: str) -> bytes:
    """A download link clicked as a user clicks it, the file read with the page's session."""
    lenkje = side.get_by_role("link", name=lenkjenamn)
    with side.expect_download() as nedlasting:
        lenkje.click()
    data = Path(nedlasting.value.path()).read_bytes()
    assert data == side.request.get(heil_url(tenar, lenkje.get_attribute("href"))).body()
    return data


def les_det_som_blir_signert(side, tenar) -> tuple[int, str, bytes]:
    """On the confirmation screen: the version and the SHA-256 it shows, and the approved PDF
    its link opens, read with the page's session; the PDF's hash is the one shown."""
    import hashlib

    versjon = int(re.search(r"på versjon (\d+) av avtala", side.inner_text("#daquestion")).group(1))
    sha256 = side.locator("#daquestion code.desentral-hash").inner_text().replace(" ", "")
    pdf = _last_ned(side, tenar, "Last ned avtala (PDF)")
    assert hashlib.sha256(pdf).hexdigest() == sha256
    assert _last_ned(side, tenar, "Last ned avtala (DOCX)").startswith(b"PK")
    return versjon, sha256, pdf


def signer_begge(iv: Intervju, sak_url: str, hr: Intervju, namn: str):
    """The employee signs the approved case from its page, then HR signs for the employer."""
    iv.page.goto(sak_url)
    iv.page.wait_for_selector("body.question-avtale-ferdig")
    iv.page.get_by_role("link", name="Skriv under avtala").click()
    iv.page.wait_for_selector("body.question-signering-stadfest")
    iv.sjekk()
    _skriv_under(iv)
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn, "Opne underskrifta")
    hr.val("Kven skriv under?", "Eg skriv under sjølv")
    hr.hald_fram("signering-stadfest")
    _skriv_under(hr)
    assert "Avtala er skriven under" in hr.page.inner_text("body")


def _hr_lista(hr: Intervju):
    """HR's list: HR's session resumes where it was (after a link screen, «Tilbake til lista»)."""
    hr.page.goto(hr.url + HR_URL)
    hr.page.wait_for_selector("body[class*='question-']")
    if hr.id == "hr-lenkje":
        hr.knapp("Tilbake til lista", "hr-saker")
    assert hr.id == "hr-saker"


def _hr_opnar(hr: Intervju, gjer: str, namn: str, lenkje: str):
    _hr_lista(hr)
    _hr_vel_godkjend(hr, gjer, namn)
    hr.page.get_by_role("link", name=lenkje).click()
    hr.page.wait_for_selector("body[class*='question-']")
    hr.sjekk()


@pytest.mark.royk
def test_royk_fraa_intervjuet_til_forsegla_avtale(ny_side, tenar, api_nokkel, hr_brukar):
    """The quick tier's smoke (scripts/test.sh): an employee sends a home office to HR, HR
    approves it, both sign; the signed PDF is sealed (valid against this run's CA), PDF/A-2a
    and PDF/UA-1 with its tags, and holds the signing page."""
    ca = os.environ.get("DESENTRAL_SEGL_CA")
    assert ca, "scripts/test.sh set DESENTRAL_SEGL_CA (the run's own CA)"
    namn = f"Rut Røyk {secrets.token_hex(2)}"
    [(a, iv, sak_url)], hr_side, hr = godkjende_saker(ny_side, tenar, api_nokkel, hr_brukar, ("Rut", namn, {}))
    signer_begge(iv, sak_url, hr, namn)
    pdf = _last_ned(hr_side, tenar, "Last ned PDF (arkivformat PDF/A)")
    status = valider_segl(pdf, Path(ca))
    assert status.bottom_line and status.intact and status.trusted
    assert pdfa_feil(pdf) == []
    tekst = " ".join(pdftotext(pdf).split())
    assert "Signeringsside for versjon 1" in tekst and namn in tekst and hr_brukar[0] in tekst


def test_underskrift_segl_og_arkivpakke(ny_side, tenar, api_nokkel, hr_brukar, leiar_brukar):
    ca = os.environ.get("DESENTRAL_SEGL_CA")
    assert ca, "scripts/test.sh set DESENTRAL_SEGL_CA (the run's own CA)"
    namn = f"Sigrid {NAMN_TEKST} {secrets.token_hex(2)}"
    namn2 = f"Leiv Leiar {secrets.token_hex(2)}"
    [(a, iv, sak_url), (a2, iv2, sak_url2)], hr_side, hr = godkjende_saker(
        ny_side, tenar, api_nokkel, hr_brukar, ("Sigrid", namn, {}), ("Leiv", namn2, {}))

    # --- The employee signs first.
    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    a.get_by_role("link", name="Skriv under avtala").click()
    a.wait_for_selector("body.question-signering-stadfest")
    iv.sjekk()
    assert "som arbeidstakar" in a.inner_text("body")
    # The agreement to read first: version 1, the bytes whose SHA-256 the screen shows.
    assert les_det_som_blir_signert(a, tenar)[0] == 1
    # The agreement's text on the screen, the employee's name as typed.
    assert NAMN_TEKST in a.locator("#daquestion section[aria-label='Avtaleteksten']").inner_text()
    # «Signer» without the box ticked: the Nynorsk message naming the box, nothing signed.
    a.locator("#daquestion").get_by_role("button", name="Signer", exact=True).click()
    a.get_by_text(f"Kryss av for «{SIGNER_KRYSS}» før du trykkjer «Signer».").first.wait_for()
    assert iv.id == "signering-stadfest"
    iv.sjekk()
    # Signed with the keyboard alone (WCAG 2.1.1).
    _signer_med_tastaturet(iv)
    assert "Underskrifta ventar" in a.inner_text("body")
    assert "Ventar" in a.inner_text("table")

    # --- HR signs for the employer, from the list; «Tilbake» on the way.
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn, "Opne underskrifta")
    assert hr.id == "kven-skriv-under"
    hr.val("Kven skriv under?", "Ein leiar skriv under")
    hr.val("Kven skriv under?", "Eg skriv under sjølv")
    hr.hald_fram("signering-stadfest")
    assert "for arbeidsgivaren" in hr_side.inner_text("body")
    hr.knapp("Tilbake", "kven-skriv-under")
    hr.hald_fram("signering-stadfest")
    # The test server lets a signer add a drawn signature (never required): HR adds one.
    hr.val(TEIKNE_SPORSMAL, "Ja")
    _kryss(hr_side)
    hr.knapp("Signer", "underskrift")
    # An empty drawing: the Nynorsk message, and the click sends nothing.
    postar = []
    hr_side.on("request", lambda r: postar.append(r.url) if r.method == "POST" else None)
    hr_side.locator(".da-signature .dasigsave").click()
    hr_side.wait_for_selector("#daerrormess:not(.dasignotshowing)")
    assert "Du må skrive under for å halde fram." in hr_side.inner_text("#daerrormess")
    assert postar == [] and hr.id == "underskrift"
    # Drawn, cleared («Tøm»), and the empty canvas is refused again.
    _teikn(hr_side)
    hr_side.locator(".da-signature .dasigclear").click()
    hr_side.locator(".da-signature .dasigsave").click()
    assert hr_side.locator("#daerrormess:not(.dasignotshowing)").is_visible() and postar == []
    # «Tilbake» from the drawing (the visible button under the canvas) to the signing screen.
    hr_side.locator(".da-signature").get_by_role("button", name="Tilbake").click()
    hr_side.wait_for_selector("body.question-signering-stadfest")
    hr.sjekk()
    _kryss(hr_side)
    hr.knapp("Signer", "underskrift")
    _teikn(hr_side)
    hr_side.locator(".da-signature .dasigsave").click()
    hr_side.wait_for_selector("body.question-signering-status", timeout=120000)
    hr.sjekk()
    tekst = hr_side.inner_text("body")
    assert "Avtala er skriven under" in tekst and "PDF-en er forsegla av verksemda" in tekst
    assert NAMN_TEKST in tekst  # the employee's name in the record, literally

    pdf = _last_ned(hr_side, tenar, "Last ned PDF (arkivformat PDF/A)")
    docx = _last_ned(hr_side, tenar, "Last ned DOCX")
    # Sealed: valid against this run's CA; one changed byte breaks it.
    status = valider_segl(pdf, Path(ca))
    assert status.bottom_line and status.intact and status.trusted
    endra = bytearray(pdf)
    endra[len(endra) // 2] ^= 0x01
    assert not valider_segl(bytes(endra), Path(ca)).intact
    # PDF/A-2a (tagged), the XMP fields, both signatures and the signing record.
    assert pdfa_feil(pdf) == []
    meta = xmp(pdf)
    assert meta["contributor"] == namn and meta["language"] == "nn-NO" and meta["publisher"] == "Direktoratet for døme"
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        # One drawn signature (HR's; the employee signed by the confirming action alone).
        assert len([o for o in p.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
                    and "/SMask" in o]) == 1
    pdf_tekst = " ".join(pdftotext(pdf).split())
    assert "Signeringsside for versjon 1" in pdf_tekst and hr_brukar[0] in pdf_tekst and NAMN_TEKST in pdf_tekst
    # How each signed: both confirmed as signed-in users; HR added a drawing.
    assert pdf_tekst.count("stadfesta som innlogga brukar") == 2 and pdf_tekst.count("med teikna underskrift") == 1
    assert forbodne_i(pdf_tekst) == []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert "Signeringsside" in z.read("word/document.xml").decode()

    # HR's list says who has signed; the archive bundle holds what README says.
    _hr_lista(hr)
    hr_side.locator("#daquestion").get_by_role("link", name=re.compile(r"^Godkjende \(\d+\)$")).click()
    hr_side.locator("#daquestion strong", has_text=re.compile(r"^Godkjende \(\d+\)$")).wait_for()
    hr.sjekk()
    rader = {r[0]: r for r in _rader(hr, namn, namn2)}
    assert rader[namn][4] == "Godkjend" and rader[namn][-1] == "Begge har skrive under"
    assert rader[namn2][-1] == "Ventar på arbeidstakaren"
    _hr_opnar(hr, "Laste ned arkivpakka for ei signert avtale", namn, "Opne arkivpakka")
    assert hr.id == "arkiv-vist"
    pakke = _last_ned(hr_side, tenar, "Last ned arkivpakka (ZIP)")
    with zipfile.ZipFile(io.BytesIO(pakke)) as z:
        assert z.namelist() == ["avtale.pdf", "avtale.docx", "arkivpost.json"]
        assert z.read("avtale.pdf") == pdf and z.read("avtale.docx") == docx
        post = json.loads(z.read("arkivpost.json"))
    assert post["format"] == "docassemble.desentral/arkivpost/1" and post["sak"]["versjon"] == 1
    assert post["partar"]["arbeidstakar"]["namn"] == namn
    assert post["signering"]["arbeidsgivar"]["epost"] == hr_brukar[0]
    assert post["dokument"][0]["segl"]["forsegla"] is True

    # The employee's case page now offers the signed agreement.
    a.goto(sak_url)
    a.wait_for_selector("body.question-avtale-ferdig")
    a.get_by_role("link", name="Last ned den signerte avtala").click()
    a.wait_for_selector("body.question-signering-status")
    iv.sjekk()
    assert _last_ned(a, tenar, "Last ned PDF (arkivformat PDF/A)") == pdf

    # --- The second agreement: a named leader signs for the employer.
    a2.goto(sak_url2)
    a2.wait_for_selector("body.question-avtale-ferdig")
    href = a2.get_by_role("link", name="Skriv under avtala").get_attribute("href")
    [sak_id] = parse_qs(urlparse(href).query)["sak"]
    a2.get_by_role("link", name="Skriv under avtala").click()
    a2.wait_for_selector("body.question-signering-stadfest")
    _skriv_under(iv2)
    # The case page says the employer's signature is waiting, and links to the record.
    a2.goto(sak_url2)
    a2.wait_for_selector("body.question-avtale-ferdig")
    assert "ventar på underskrifta til arbeidsgivaren" in a2.inner_text("body")
    a2.get_by_role("link", name="Sjå kven som har skrive under").click()
    a2.wait_for_selector("body.question-signering-status")
    iv2.sjekk()
    assert "Du har alt skrive under" in a2.inner_text("body")
    # Not ready for the archive yet.
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn2, "Opne underskrifta")
    hr.val("Kven skriv under?", "Ein leiar skriv under")
    hr.tekst("E-postadressa til leiaren", leiar_brukar[0])
    hr.hald_fram("leiar-tildelt")
    lenkje = hr_side.locator("#daquestion").inner_text()
    assert leiar_brukar[0] in lenkje and f"sak={sak_id}" in lenkje
    hr_side.goto(f"{tenar}/interview?i=docassemble.desentral:data/questions/arkiv.yml&sak={sak_id}&new_session=1")
    hr_side.wait_for_selector("body.question-arkiv-ikkje-klar")
    hr.sjekk()
    # A signed-in stranger with the link finds nothing.
    framand = ny_side("framand")
    logg_inn(framand, tenar, ny_brukar(tenar, api_nokkel, fornamn="Frida"))
    framand.goto(f"{tenar}/interview?i=docassemble.desentral:data/questions/signering.yml&sak={sak_id}&new_session=1")
    framand.wait_for_selector("body.question-signering-ikkje-funnen")
    Intervju(framand, tenar).sjekk()
    assert namn2 not in framand.inner_text("body")
    # HR replaces the leader (the first one's link finds nothing), then takes the task back,
    # then names the first leader again (issue 27, item 3).
    leiar_side = ny_side("leiar")
    logg_inn(leiar_side, tenar, leiar_brukar)
    leiar = Intervju(leiar_side, tenar)
    signering_url = f"{tenar}/interview?i=docassemble.desentral:data/questions/signering.yml&sak={sak_id}&new_session=1"
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn2, "Opne underskrifta")
    assert f"No er {leiar_brukar[0]} peika ut til å skrive under." in hr_side.inner_text("#daquestion")
    hr.val("Kven skriv under?", "Ein annan leiar skriv under")
    hr.tekst("E-postadressa til leiaren", "annan.leiar@example.com")
    hr.hald_fram("leiar-tildelt")
    leiar_side.goto(signering_url)
    leiar_side.wait_for_selector("body.question-signering-ikkje-funnen")
    leiar.sjekk()
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn2, "Opne underskrifta")
    hr.val("Kven skriv under?", "Fjern leiaren og skriv under sjølv")
    hr.hald_fram("signering-stadfest")
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn2, "Opne underskrifta")
    assert "peika ut til å skrive under" not in hr_side.inner_text("#daquestion")
    hr.val("Kven skriv under?", "Ein leiar skriv under")
    hr.tekst("E-postadressa til leiaren", leiar_brukar[0])
    hr.hald_fram("leiar-tildelt")
    # The leader signs.
    leiar_side.goto(f"{tenar}/interview?i=docassemble.desentral:data/questions/signering.yml&sak={sak_id}&new_session=1")
    leiar_side.wait_for_selector("body.question-signering-stadfest")
    leiar.sjekk()
    # Issue 27, item 3: the leader opens what they sign (read only), the hash as shown.
    versjon, sha256, godkjent = les_det_som_blir_signert(leiar_side, tenar)
    assert versjon == 1 and godkjent.startswith(b"%PDF")
    leiar.val(TEIKNE_SPORSMAL, "Nei")  # no drawing: the confirmation alone
    _skriv_under(leiar)
    assert "Avtala er skriven under" in leiar_side.inner_text("body")
    assert leiar_brukar[0] in leiar_side.inner_text("table")
