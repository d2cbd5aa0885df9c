"""Driving the interview in the browser, with the checks every screen gets."""
from __future__ import annotations

import os
import base64
import json
import re
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from pdftekst import pdftotext
from skjermsjekk import engelsk_pa_skjerm

ROOT = Path(__file__).resolve().parents[2]

INTERVJU = "docassemble.desentral:data/questions/tilsett.yml"


def hemmeleg(namn: str) -> str | None:
    """A value from the local server's hemmeleg.env (scripts/serve.sh), e.g. DA_ADMIN_API_KEY."""
    env = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral")) / "hemmeleg.env"
    return next((line.split("=", 1)[1] for line in env.read_text().splitlines() if line.startswith(namn + "=")), None)

# No CSS animation or transition running, two frames after the call.
STILLE = """() => new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() =>
    ok(document.getAnimations().every(a => a.playState !== 'running')))))"""

# axe findings in docassemble 1.10.14's own markup, which this package cannot change: rule ->
# a piece of the offending element's HTML that shows it is docassemble's. Anything else fails.
KJENDE_DOCASSEMBLE = {
    # aria-required on the role="group" wrapper docassemble puts round radio and yes/no fields
    "aria-allowed-attr": "da-field-container",
    # the tab list of docassemble's documents block
    "aria-required-children": "da-attachment",
    "aria-required-parent": "da-attachment",
    "listitem": "da-attachment",
}


# The navigation bar is done: its tab list hidden, or its tab given its role by Bootstrap.
KLAR = """() => { const u = document.getElementById('nav-bar-tab-list'); if (!u) return true;
  const t = u.querySelector('[data-bs-toggle=tab]');
  return u.classList.contains('dainvisible') || !t || t.getAttribute('role') === 'tab'; }"""


def _kjend(regel: str, node_html: str, omgjevnad: str) -> bool:
    merke = KJENDE_DOCASSEMBLE.get(regel)
    return bool(merke) and (merke in node_html or merke in omgjevnad)


class Intervju:
    def __init__(self, page, url: str):
        self.page = page
        self.url = url
        self.skjermar: list[str] = []
        self.a11y: dict[str, list] = {}

    # -- where we are
    @property
    def id(self) -> str | None:
        klasse = self.page.locator("body").get_attribute("class") or ""
        m = re.search(r"\bquestion-(\S+)", klasse)
        return m.group(1) if m else None

    def start(self):
        self.page.goto(f"{self.url}/interview?i={INTERVJU}&new_session=1")
        self.page.wait_for_selector("body[class*='question-']")
        self.sjekk()
        return self

    def sjekk(self):
        """Every screen: an axe run and no English docassemble phrase; a screenshot the first
        time this page shows it."""
        from axe_playwright_python.sync_playwright import Axe

        # docassemble's script finishes the navigation bar after a screen arrives: it hides the tab
        # list (no help, chat or phone) or Bootstrap gives it its roles. axe once ran in between,
        # on a screen not pictured again, and reported the half-made tab list (issue 29). If
        # neither happens within 5 s, axe judges what is there.
        try:
            self.page.wait_for_function(KLAR, timeout=5000)
        except PlaywrightTimeout:
            pass
        # Then let CSS transitions finish (a choice put back by svar-ved-tilbake.js on
        # docassemble's page-load event turns its button blue with a transition): axe must judge
        # the colours the user sees, not a frame halfway. Checked after the navigation bar and two
        # frames on, so a transition the page-load handlers start is already running (axe once
        # judged a «Ja» button halfway, when this wait came first).
        self.page.wait_for_function(STILLE)
        skjerm = self.id
        n = len(self.skjermar)
        self.skjermar.append(skjerm)
        # A picture of each screen the first time this page shows it (a full-page picture of a
        # long screen takes seconds; ny_side pictures every page as it is when a test fails).
        if skjerm not in self.skjermar[:-1]:
            self.page.screenshot(path=str(self.page.artefakt / f"{n:02d}-{skjerm}.png"), full_page=True)
        resultat = Axe().run(self.page)
        ukjende = []
        for brot in resultat.response["violations"]:
            for node in brot["nodes"]:
                omgjevnad = self.page.evaluate(
                    "sel => { const e = document.querySelector(sel); const a = e && e.closest('[class*=da-attachment]');"
                    " return a ? a.className : ''; }", node["target"][0]) if node.get("target") else ""
                if not _kjend(brot["id"], node["html"], omgjevnad):
                    ukjende.append((brot["id"], brot["impact"], node["html"][:200]))
        self.a11y[f"{n:02d}-{skjerm}"] = ukjende
        assert ukjende == [], f"axe på skjermen {skjerm}: {ukjende}"
        engelsk = engelsk_pa_skjerm(self.page.content())
        assert engelsk == [], f"engelsk på skjermen {skjerm}: {engelsk}"

    # -- answering
    def tekst(self, label: str, verdi: str):
        self.page.get_by_label(label, exact=True).fill(verdi)

    def dato(self, label: str, verdi: str):
        self.page.get_by_label(label, exact=True).fill(verdi)

    def val(self, gruppe: str, alternativ: str):
        """A radio or yes/no choice: click the label docassemble shows for it, within its group."""
        self.page.get_by_role("group", name=gruppe).get_by_text(alternativ, exact=True).click()

    def kryss(self, gruppe: str, alternativ: str, pa: bool = True):
        boks = self.page.get_by_role("group", name=gruppe).get_by_label(alternativ, exact=True)
        if boks.is_checked() != pa:
            self.page.get_by_role("group", name=gruppe).get_by_text(alternativ, exact=True).click()

    def knapp(self, namn: str, forventa: str | None = None):
        """Click a button that leads to another screen, wait for it, check it. A click that sends
        nothing is a failure, never clicked again (issue 13: a user's click must not be lost)."""
        # The user looks at the tab they click in: a background tab gets no frames, and Chromium
        # then holds each input event up to a second (57 s for one drawn signature, issue 29).
        self.page.bring_to_front()
        fra = self.id
        postar: list[str] = []
        lyttar = lambda r: postar.append(r.url) if r.method == "POST" else None  # noqa: E731
        self.page.on("request", lyttar)
        try:
            self.page.get_by_role("button", name=namn, exact=True).first.click()
            try:
                self.page.wait_for_function(
                    "fra => !document.body.classList.contains('question-' + fra)", arg=fra, timeout=5000)
            except Exception:  # noqa: BLE001 - playwright's TimeoutError: still here after 5 s
                assert postar, f"klikket på «{namn}» på skjermen {fra} sende ingenting"
            if forventa:
                self.page.wait_for_selector(f"body.question-{forventa}", timeout=60000)
            else:
                self.page.wait_for_function(
                    "fra => !document.body.classList.contains('question-' + fra)", arg=fra, timeout=60000)
        finally:
            self.page.remove_listener("request", lyttar)
        self.page.wait_for_load_state("networkidle")
        self.sjekk()

    def hald_fram(self, forventa: str | None = None):
        self.knapp("Hald fram", forventa)

    # -- documents on the last screen
    def dokument(self, format_: tuple[str, ...] = ("pdf", "docx")) -> dict[str, Path]:
        """The documents as a user gets them: the «Last ned» tab, then each format's link (docassemble
        opens it in a new tab); the file is then read with the page's session and checked."""
        ut = {}
        mappe = Path(tempfile.mkdtemp(prefix="dokument-"))
        self.page.locator("#daquestion").get_by_role("tab", name="Last ned").first.click()
        for fmt in format_:
            namn = fmt.upper()
            lenkje = self.page.locator(f"#daquestion a[href*='.{fmt}']").first
            assert lenkje.inner_text().strip() == namn
            with self.page.context.expect_page() as ny:
                lenkje.click()
            ny.value.close()
            self.page.bring_to_front()  # back in the interview's tab, as the user is
            href = lenkje.get_attribute("href")
            svar = self.page.request.get(heil_url(self.url, href))
            assert svar.ok, (fmt, svar.status)
            path = mappe / f"avtale.{fmt}"
            path.write_bytes(svar.body())
            ut[fmt] = path
        return ut


def fyll_arbeidstakar(iv: Intervju, namn: str, nytilsett: bool, bustad: str = "Storgata 1, 2680 Vågå"):
    """The answers on the screen about the employee (not sent)."""
    iv.tekst("Namnet ditt", namn)
    iv.tekst("Stilling", "seniorrådgivar")
    iv.tekst("Bustadadressa di", bustad)
    iv.val("Er du nytilsett i verksemda?", "Ja" if nytilsett else "Nei")


def fyll_verksemd(iv: Intervju):
    """The answers on the screen about the agency (not sent)."""
    iv.tekst("Verksemda", "Direktoratet for døme")
    iv.tekst("Den ordinære kontorstaden din", "Oslo")


def fram_til_stad(iv: Intervju, namn: str, nytilsett: bool, bustad: str = "Storgata 1, 2680 Vågå",
                  leiar_epost: str | None = None):
    """From the first screen to the choice of place; `leiar_epost`: the leader the employee names."""
    assert iv.id == "intro"
    iv.hald_fram("arbeidstakar")
    fyll_arbeidstakar(iv, namn, nytilsett, bustad)
    iv.hald_fram("verksemd")
    fyll_verksemd(iv)
    if leiar_epost:
        iv.tekst("E-postadressa til leiaren din (valfritt)", leiar_epost)
    iv.hald_fram("stad")


def samtykke_og_periode(iv: Intervju, tilsett_fra: str, fra: str, til: str | None, mellombels_til: str | None = None):
    """Both consents (an existing employee), the employment (temporary to `mellombels_til` if
    given), and the arrangement's period; ends on the screen after the period (avtaletype, or
    fast-kontorstad when open-ended)."""
    iv.val("Ønskjer du sjølv å arbeide desentralisert?", "Ja")
    iv.val("Har arbeidsgivaren sagt ja til ordninga?", "Ja")
    iv.hald_fram("tilsetjing")
    iv.dato("Første arbeidsdag i verksemda", tilsett_fra)
    if mellombels_til:
        iv.val("Er tilsetjinga mellombels?", "Ja")
        iv.hald_fram("tilsetjing-slutt")
        iv.dato("Siste arbeidsdag", mellombels_til)
    else:
        iv.val("Er tilsetjinga mellombels?", "Nei")
    iv.hald_fram("periode")
    iv.dato("Startdato for ordninga", fra)
    if date.fromisoformat(fra) < date.today():
        # A start already passed is confirmed on the same screen (intervju.sjekk_passert_startdato).
        iv.page.get_by_text("Startdatoen er passert, og det er rett", exact=True).click()
    iv.val("Er ordninga tidsavgrensa?", "Ja" if til else "Nei")
    if til:
        iv.hald_fram("sluttdato")
        iv.dato("Sluttdato for ordninga", til)
        iv.hald_fram("avtaletype")
    else:
        iv.hald_fram("fast-kontorstad")


def pdf_tekst(path: Path) -> str:
    tekst = pdftotext(path)
    # page footers, and a draft's page headers
    tekst = re.sub(r"(?m)^[ \t\f]*(?:Side \d+ av \d+|UTKAST – ikkje godkjent av arbeidsgivaren)[ \t]*$", "", tekst)
    return re.sub(r"\s+", " ", tekst)


def docx_tekst(path: Path) -> str:
    import docx

    return re.sub(r"\s+", " ", "\n".join(p.text for p in docx.Document(str(path)).paragraphs))


def heil_url(tenar: str, href: str) -> str:
    """A link's href as a full URL (docassemble writes local links without the server)."""
    return href if href.startswith("http") else tenar + href


def logg_inn(page, url: str, brukar: tuple[str, str]):
    epost, passord = brukar
    page.goto(f"{url}/user/sign-in")
    page.get_by_label("E-post", exact=True).fill(epost)
    page.get_by_label("Passord", exact=True).fill(passord)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state("networkidle")


def _api(tenar, api_nokkel, path, data):
    import json
    import urllib.error
    import urllib.request

    req = urllib.request.Request(f"{tenar}{path}", method="POST", data=json.dumps(data).encode(),
                                 headers={"Content-Type": "application/json", "X-API-Key": api_nokkel})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def ny_brukar(tenar, api_nokkel, privilegium=("user",), fornamn="Kari"):
    """A new user on the server, made through docassemble's API: (e-mail, password)."""
    import secrets

    epost = f"{fornamn.lower()}-{secrets.token_hex(4)}@example.com"
    passord = secrets.token_urlsafe(12)
    status, body = _api(tenar, api_nokkel, "/api/user/new",
                        {"username": epost, "password": passord, "first_name": fornamn,
                         "last_name": "Testesen", "privileges": list(privilegium)})
    assert status == 200, body
    return epost, passord


def _variabel(namn: str) -> str:
    """docassemble's field name (the variable's name in base64, padding dropped) as the variable."""
    try:
        return base64.b64decode(namn + "=" * (-len(namn) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return namn


def svar_skjerm(iv: Intervju, verdiar: dict, forventa: str | None = None):
    """Answer the screen the way a user does, from variable -> value (a scenario's screen in
    tests/scenario/*.yml): type into each field, click the label of each choice, then the screen's
    button (the one that sets a variable given here, or «Hald fram»)."""
    side = iv.page
    felt = side.evaluate("""() => [...document.querySelectorAll('#daform [name]')].map(e => ({
        namn: e.getAttribute('name'), id: e.id, tag: e.tagName.toLowerCase(), type: e.type || '',
        value: e.value, tekst: e.tagName === 'BUTTON' ? e.innerText.trim() : ''}))""")
    alias = {}
    for f in felt:
        if f["namn"] == "_varnames" and f["value"]:
            alias = {_variabel(k): _variabel(v) for k, v in json.loads(_variabel(f["value"])).items()}
    for f in felt:
        # A group of boxes is named «alias[B'value']»: the alias stands for the base only.
        grunn, _, resten = _variabel(f["namn"]).partition("[")
        f["var"] = (alias.get(grunn) or grunn) + ("[" + resten if resten else "")
    knapp = None
    for var, verdi in verdiar.items():
        mine = [f for f in felt if f["var"] == var and f["type"] != "hidden"]
        boksar = [f for f in felt if f["type"] == "checkbox" and f["var"].startswith(var + "[B'")]
        if boksar:
            for f in boksar:
                val = _variabel(f["var"][len(var) + 3:-2])
                if side.locator(f"#{f['id']}").is_checked() != (val in verdi):
                    side.locator(f"label[for='{f['id']}']").click()
            continue
        assert mine, f"skjermen {iv.id} har ikkje feltet {var} ({sorted({f['var'] for f in felt})})"
        tekst = ("True" if verdi else "False") if isinstance(verdi, bool) else str(verdi)
        if mine[0]["tag"] == "button":
            knapp = mine[0]["tekst"]
        elif mine[0]["type"] == "checkbox":
            # A yes/no box (shown or not): clicked only when it is not as the scenario says.
            if side.locator(f"#{mine[0]['id']}").is_checked() != bool(verdi):
                side.locator(f"label[for='{mine[0]['id']}']").click()
        elif mine[0]["type"] == "radio":
            [f] = [f for f in mine if f["value"] == tekst]
            side.locator(f"label[for='{f['id']}']").click()
        elif mine[0]["tag"] == "select":
            side.locator(f"#{mine[0]['id']}").select_option(tekst)
        else:
            side.locator(f"#{mine[0]['id']}").fill(tekst)
    iv.knapp(knapp or "Hald fram", forventa)
