"""Browser tests: Debian's chromium, driven by Playwright, against the local docassemble server
that scripts/test.sh starts (scripts/serve.sh). Screenshots go to artefakt/skjermbilete/."""
from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import pytest

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
def nettlesar():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def side(nettlesar, tenar, request):
    context = nettlesar.new_context(locale="nn-NO", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    mappe = ARTEFAKT / re.sub(r"[^\w.-]+", "_", request.node.name)
    mappe.mkdir(parents=True, exist_ok=True)
    page.artefakt = mappe
    yield page
    context.close()
