"""Browser tests: Debian's chromium, driven by Playwright, against the local docassemble server
that scripts/test.sh starts (scripts/serve.sh). Screenshots go to artefakt/skjermbilete/."""
from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import pytest
from nettlesarhjelp import _api, ny_brukar

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("DESENTRAL_URL", "http://127.0.0.1:8080")
ARTEFAKT = ROOT / "artefakt" / "skjermbilete"
CHROMIUM = os.environ.get("DESENTRAL_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
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
    env = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral")) / "hemmeleg.env"
    for line in env.read_text().splitlines():
        if line.startswith("DA_ADMIN_API_KEY="):
            return line.split("=", 1)[1]
    pytest.fail(f"fann ingen API-nøkkel i {env}")


@pytest.fixture
def brukar(tenar, api_nokkel):
    return ny_brukar(tenar, api_nokkel)


@pytest.fixture
def hr_brukar(tenar, api_nokkel):
    # The administrator's step in README: the privilege `hr` (docassemble: 400 if it exists).
    status, body = _api(tenar, api_nokkel, "/api/privileges", {"privilege": "hr"})
    assert status in (204, 400), body
    return ny_brukar(tenar, api_nokkel, ("user", "hr"), fornamn="Hanne")


@pytest.fixture(scope="session")
def nettlesar():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def ny_side(nettlesar, tenar, request):
    """Pages in separate browser contexts (separate users), each with its screenshot folder."""
    contexts = []

    def lag(namn: str = ""):
        context = nettlesar.new_context(locale="nn-NO", viewport={"width": 1100, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        mappe = ARTEFAKT / re.sub(r"[^\w.-]+", "_", request.node.name) / namn
        mappe.mkdir(parents=True, exist_ok=True)
        page.artefakt = mappe
        return page

    yield lag
    for context in contexts:
        context.close()


@pytest.fixture
def side(ny_side):
    return ny_side()


def pytest_terminal_summary(terminalreporter):
    """Issue 8: CI's output says what Package Management did on the real server."""
    import sys

    modul = sys.modules.get("test_pakkehandsaming")
    if modul is not None and modul.RAPPORT:
        terminalreporter.section("pakkehandsaming på den lokale docassemble-tenaren")
        for linje in modul.RAPPORT:
            terminalreporter.write_line(linje)
