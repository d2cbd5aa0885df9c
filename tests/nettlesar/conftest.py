"""Browser tests: Debian's chromium, driven by Playwright, against the local docassemble server
that scripts/test.sh starts (scripts/serve.sh). Screenshots go to artefakt/skjermbilete/."""
from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import pytest
import skjermdekning
from nettlesarhjelp import _api, hemmeleg, ny_brukar

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("DESENTRAL_URL", "http://127.0.0.1:8080")
ARTEFAKT = ROOT / "artefakt" / "skjermbilete"
CHROMIUM = os.environ.get("DESENTRAL_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags chromium keeps trying hosts this machine cannot reach.
# --lang=nb: chromium's own messages (form validation bubbles) in Norwegian; it has no Nynorsk.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--lang=nb",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def tenar() -> str:
    try:
        with urllib.request.urlopen(f"{URL}/health_check", timeout=10) as r:
            assert r.status == 200
    except OSError as exc:
        pytest.fail(f"docassemble svarar ikkje på {URL} ({exc}); start han med scripts/serve.sh")
    return URL


@pytest.fixture(scope="session")
def api_nokkel() -> str:
    """The admin API key that scripts/serve.sh made for this machine's local server."""
    if os.environ.get("DESENTRAL_API_KEY"):
        return os.environ["DESENTRAL_API_KEY"]
    return hemmeleg("DA_ADMIN_API_KEY") or pytest.fail("fann ingen API-nøkkel i hemmeleg.env")


@pytest.fixture
def brukar(tenar, api_nokkel):
    return ny_brukar(tenar, api_nokkel)


@pytest.fixture
def hr_brukar(tenar, api_nokkel):
    # The administrator's step in README: the privilege `hr` (docassemble: 400 if it exists).
    status, body = _api(tenar, api_nokkel, "/api/privileges", {"privilege": "hr"})
    assert status in (204, 400), body
    return ny_brukar(tenar, api_nokkel, ("user", "hr"), fornamn="Hanne")


@pytest.fixture
def leiar_brukar(tenar, api_nokkel):
    # The administrator's step in README: the privilege `leiar` (400 if it exists).
    status, body = _api(tenar, api_nokkel, "/api/privileges", {"privilege": "leiar"})
    assert status in (204, 400), body
    return ny_brukar(tenar, api_nokkel, ("user", "leiar"), fornamn="Lars")


@pytest.fixture(scope="session")
def nettlesar():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def ny_side(nettlesar, tenar, request):
    """Pages in separate browser contexts (separate users), each with its screenshot folder.
    Every page reports its screens and clicks (skjermdekning.py); a screen with docassemble's
    English on it fails the test, whichever helper or raw call got there."""
    contexts = []
    opptak = skjermdekning.Opptak(request.node.nodeid)

    def lag(namn: str = "", locale: str = "nn-NO"):
        # `locale` is also the browser's Accept-Language (issue 31: docassemble's pages in
        # Nynorsk whatever the browser asks for).
        # reduced motion, as a user may set it: Bootstrap then switches a chosen button's colours
        # at once instead of over 0.15 s, so axe judges the colours at rest (its colour check
        # caught a «Ja» mid-transition in two full runs on this machine, even after waiting for
        # running animations).
        context = nettlesar.new_context(locale=locale, viewport={"width": 1100, "height": 900},
                                        reduced_motion="reduce")
        opptak.kople_til(context)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        mappe = ARTEFAKT / re.sub(r"[^\w.-]+", "_", request.node.name) / namn
        mappe.mkdir(parents=True, exist_ok=True)
        page.artefakt = mappe
        page.opptak = opptak
        return page

    yield lag
    rapport = getattr(request.node, "rep_call", None)
    if rapport is not None and rapport.failed:
        # What each page showed when the test failed, for the one reading CI's artefacts.
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                try:
                    page.screenshot(path=str(ARTEFAKT / re.sub(r"[^\w.-]+", "_", request.node.name) /
                                         f"feil-{n}-{m}.png"), full_page=True)
                    (ARTEFAKT / re.sub(r"[^\w.-]+", "_", request.node.name) / f"feil-{n}-{m}.url").write_text(page.url)
                except Exception:  # noqa: BLE001 - a closed page: nothing to show
                    pass
    for context in contexts:
        context.close()
    assert opptak.engelsk == [], f"engelsk tekst frå docassemble på skjermar: {opptak.engelsk}"


@pytest.fixture
def side(ny_side):
    return ny_side()


def pytest_terminal_summary(terminalreporter):
    """Issue 8: CI's output says what Package Management did on the real server; issue 13: the
    screen coverage."""
    import sys

    if "krav" in _DEKNING:
        terminalreporter.section("skjermdekning (artefakt/skjermdekning.md)")
        if not _DEKNING["krav"]:
            terminalreporter.write_line("berre ein del av nettlesartestane køyrde: dekninga er ikkje kravd")
        terminalreporter.write_line(f"skjermar ingen test når: {_DEKNING['ikkje_naadd'] or 'ingen'}")
        terminalreporter.write_line(f"ikkje klikka: {len(_DEKNING['ikkje_klikka'])}")
        for linje in _DEKNING["ikkje_klikka"]:
            terminalreporter.write_line(f"  {linje}")

    modul = sys.modules.get("test_pakkehandsaming")
    if modul is not None and modul.RAPPORT:
        terminalreporter.section("pakkehandsaming på den lokale docassemble-tenaren")
        for linje in modul.RAPPORT:
            terminalreporter.write_line(linje)


# -- screen coverage (issue 13): the report after every run; the complete suite must reach every
# screen of both interviews and click everything on them.
_DEKNING: dict = {}


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rapport = yield
    if rapport.when == "call":
        item.rep_call = rapport
    return rapport


def pytest_configure(config):
    config.addinivalue_line("markers", "eigen_tenar: changes or restarts the server; never beside other tests")
    config.addinivalue_line("markers", "royk: the browser smoke of scripts/test.sh's quick tier (issue 29)")


# scripts/test.sh runs the browser suite in two sessions: the tests that share the server quietly,
# two at a time, then those that restart it or install packages, alone. The second session keeps
# the first one's screen record and requires the coverage of both together.
FORTSET = os.environ.get("DESENTRAL_SKJERMDEKNING") == "fortset_og_krev"


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput") and not FORTSET:
        skjermdekning.tom()


def pytest_deselected(items):
    _DEKNING["fråvalde"] = _DEKNING.get("fråvalde", 0) + len(items)


def _heile_nettlesarsuiten(session) -> bool:
    """The whole browser suite ran: every test file here collected, none deselected, no -x."""
    filer = {p.name for p in Path(__file__).parent.glob("test_*.py")}
    samla = {Path(str(i.fspath)).name for i in session.items if "nettlesar" in str(i.fspath)}
    return filer <= samla and not _DEKNING.get("fråvalde") and not session.config.option.maxfail


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput") or not skjermdekning.MAPPE.exists():
        return
    ikkje_naadd, ikkje_klikka, tekst = skjermdekning.samle()
    skjermdekning.RAPPORT.write_text(tekst + "\n", "utf-8")
    _DEKNING.update(ikkje_naadd=ikkje_naadd, ikkje_klikka=ikkje_klikka,
                    krav=_heile_nettlesarsuiten(session) or (FORTSET and not session.config.option.maxfail))
    if _DEKNING["krav"] and (ikkje_naadd or ikkje_klikka):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
