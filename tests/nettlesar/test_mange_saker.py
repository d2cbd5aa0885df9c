"""Issue 31, item 4: HR's list and the overview with 5,000 generated cases on the local server.
The cases are written into the server's storage by scripts/testsaker.sh (the package's own rules
and `lagre_sak`), read by HR in the browser, and removed again; the test runs alone (it changes
every count). What it checks: the counts hold the 5,000, the list and the municipality table are
paged, the choices under the list are the page's cases (not 5,000), a filter to one municipality
counts exactly the generated ones there, and the CSV holds every case. The time of each screen is
printed, not asserted (docs/benchmark-saker.md measures it with repetitions)."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nettlesarhjelp import Intervju, logg_inn

pytestmark = pytest.mark.eigen_tenar

ROOT = Path(__file__).resolve().parents[2]
TAL = 5000
HR_URL = "/interview?i=docassemble.desentral:data/questions/hr.yml&new_session=1"
OVERSIKT_URL = "/interview?i=docassemble.desentral:data/questions/oversikt.yml&new_session=1"


def _testsaker(*argv: str) -> str:
    r = subprocess.run(["bash", str(ROOT / "scripts" / "testsaker.sh"), *argv], capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout.strip()


def _generert_i(kommune: str) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from testsaker import lag_saker
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return sum(1 for s in lag_saker(TAL) if s["svar"]["ordning"]["kommune"] == kommune)


def _tal_i_utvalet(side) -> int:
    return int(re.search(r"(\d+) ordning(?:ar)? i utvalet", side.inner_text("#daquestion")).group(1))


def _vis(hr: Intervju, kommune: str | None, tider: dict, namn: str) -> int:
    hr.page.goto(hr.url + OVERSIKT_URL)
    hr.page.wait_for_selector("body.question-oversikt-utval")
    if kommune:
        hr.page.get_by_label("Kommune", exact=True).select_option(value=kommune)
    t = time.perf_counter()
    hr.knapp("Vis oversikta", "oversikt-vist")
    tider[namn] = time.perf_counter() - t
    return _tal_i_utvalet(hr.page)


def test_lista_og_oversikta_med_5000_saker(ny_side, tenar, hr_brukar):
    side = ny_side("hr")
    logg_inn(side, tenar, hr_brukar)
    hr = Intervju(side, tenar)
    tider: dict[str, float] = {}
    foer, foer_bergen = _vis(hr, None, tider, "-"), _vis(hr, "4601", tider, "-")
    print(_testsaker("lag", str(TAL)))
    try:
        # The overview: every generated case counted, and those in Bergen exactly.
        assert _vis(hr, None, tider, "oversikta") == foer + TAL
        kommunetabell = side.locator("#daquestion table").filter(has=side.locator("caption", has_text="Etter kommune"))
        assert kommunetabell.locator("tbody tr").count() == 25
        assert re.search(r"Side 1 av \d+ · Neste side med kommunar", side.inner_text("#daquestion"))
        t = time.perf_counter()
        side.get_by_role("link", name="Neste side med kommunar").click()
        side.locator("#daquestion", has_text=re.compile(r"Side 2 av \d+")).first.wait_for()
        tider["neste side med kommunar"] = time.perf_counter() - t
        hr.sjekk()
        with side.expect_download() as nedlasting:
            side.get_by_role("link", name="Last ned som CSV").click()
        rader = list(csv.reader(io.StringIO(Path(nedlasting.value.path()).read_text("utf-8-sig")), delimiter=";"))
        saker = rader[[r[:1] for r in rader].index(["Saker"]) + 2:]
        assert sum(1 for r in saker if r and re.fullmatch(r".* \d{4}", r[0])) >= TAL
        assert _vis(hr, "4601", tider, "oversikta, berre Bergen") == foer_bergen + _generert_i("4601")

        # HR's list: the count of all cases, paged; the choices are the cases on the page.
        t = time.perf_counter()
        side.goto(tenar + HR_URL)
        side.wait_for_selector("body.question-hr-saker")
        tider["HR-lista"] = time.perf_counter() - t
        hr.sjekk()
        side.locator("#daquestion").get_by_role("link", name=re.compile(r"^Alle \(\d+\)$")).click()
        side.locator("#daquestion strong", has_text=re.compile(r"^Alle \(\d+\)$")).wait_for()
        tekst = side.inner_text("#daquestion")
        alle = int(re.search(r"Alle \((\d+)\)", tekst).group(1))
        assert alle >= TAL and f"Side 1 av {-(-alle // 25)} (sak 1–25 av {alle})" in tekst
        assert side.locator("#daquestion table tbody tr").count() == 25
        hr.val("Kva vil du gjere?", "Endre ei godkjend avtale")
        val = side.get_by_label("Godkjend avtale", exact=True).locator("option[value]:not([value=''])")
        assert 0 < val.count() <= 25
        assert len(side.content()) < 200_000
    finally:
        print(_testsaker("fjern"))
    assert _vis(hr, None, tider, "-") == foer
    # Each time includes the test's own checks of the screen (axe, screenshot); not asserted.
    print("med testsjekkane: " + "; ".join(f"{k}: {v * 1000:.0f} ms" for k, v in tider.items() if k != "-"))
