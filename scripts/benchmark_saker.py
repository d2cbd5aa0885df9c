"""Benchmark (issue 31, item 4): HR's list and the overview on a server holding many cases.

Run against a running local server (scripts/serve.sh), with the docassemble environment:

    scripts/benchmark.sh saker      # or: <venv-docassemble>/bin/python scripts/benchmark_saker.py

Writes BENCH_SAKER generated cases (default 5,000; scripts/testsaker.sh; the same ones each time,
beside the server's own cases) and removes them afterwards unless BENCH_BEHALD=1. Then, in Chromium as an HR
officer, BENCH_N times each (default 5): from the click (or the address) to the next screen drawn
— HR's list (first page, «Alle», the next page, by name), the overview (drawn, the next page of
municipalities and of dates, filtered to one municipality), and the CSV and XLSX downloads. Beside
each, the HTML the browser got. Nothing here asserts a time. Writes docs/benchmark-saker.md.
"""
from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "nettlesar")]
UT = ROOT / "docs" / "benchmark-saker.md"
URL = os.environ.get("DESENTRAL_URL", "http://127.0.0.1:8080")
N = int(os.environ.get("BENCH_N", "5"))
SAKER = int(os.environ.get("BENCH_SAKER", "5000"))
HR_URL = "/interview?i=docassemble.desentral:data/questions/hr.yml&new_session=1"
OVERSIKT_URL = "/interview?i=docassemble.desentral:data/questions/oversikt.yml&new_session=1"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--lang=nb",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def testsaker(*argv: str) -> str:
    r = subprocess.run(["bash", str(ROOT / "scripts" / "testsaker.sh"), *argv], capture_output=True, text=True,
                       timeout=900, check=True)
    return r.stdout.strip()


def hr_pa_tenaren() -> tuple[str, str]:
    from nettlesarhjelp import _api, hemmeleg, ny_brukar

    nokkel = hemmeleg("DA_ADMIN_API_KEY")
    _api(URL, nokkel, "/api/privileges", {"privilege": "hr"})
    return ny_brukar(URL, nokkel, ("user", "hr"), fornamn="Hanne")


class Maling:
    """The timings of one step, and the size of the HTML it drew."""

    def __init__(self, side):
        self.side, self.tider, self.storleik = side, {}, {}

    def mal(self, namn: str, gjer, skjerm: str):
        t = time.perf_counter()
        with self.side.expect_response(lambda r: r.request.resource_type == "document" or "/interview" in r.url) as svar:
            gjer()
        self.side.wait_for_selector(f"body.question-{skjerm}")
        self.tider.setdefault(namn, []).append(time.perf_counter() - t)
        self.storleik[namn] = len(svar.value.body())

    def last_ned(self, namn: str, lenkjetekst: str):
        t = time.perf_counter()
        with self.side.expect_download() as nedlasting:
            self.side.get_by_role("link", name=lenkjetekst).click()
        storleik = Path(nedlasting.value.path()).stat().st_size
        self.tider.setdefault(namn, []).append(time.perf_counter() - t)
        self.storleik[namn] = storleik


def ein_runde(m: Maling):
    side = m.side
    m.mal("HR: lista, første side", lambda: side.goto(URL + HR_URL), "hr-saker")
    m.mal("HR: «Alle»", lambda: side.get_by_role("link", name="Alle (").click(), "hr-saker")
    m.mal("HR: neste side", lambda: side.get_by_role("link", name="Neste side").first.click(), "hr-saker")
    m.mal("HR: sortert etter namn", lambda: side.get_by_role("link", name="Namn", exact=True).click(), "hr-saker")
    m.mal("Oversikt: utvalet", lambda: side.goto(URL + OVERSIKT_URL), "oversikt-utval")
    m.mal("Oversikt: vist", lambda: side.get_by_role("button", name="Vis oversikta").click(), "oversikt-vist")
    m.mal("Oversikt: neste side med kommunar",
          lambda: side.get_by_role("link", name="Neste side med kommunar").click(), "oversikt-vist")
    m.mal("Oversikt: neste side med datoar",
          lambda: side.get_by_role("link", name="Neste side med datoar").click(), "oversikt-vist")
    m.last_ned("Oversikt: CSV", "Last ned som CSV")
    m.last_ned("Oversikt: XLSX", "Last ned som XLSX")
    m.mal("Oversikt: endre utvalet", lambda: side.get_by_role("button", name="Endre utvalet").click(), "oversikt-utval")
    side.get_by_label("Kommune", exact=True).select_option(value="4601")
    m.mal("Oversikt: berre Bergen", lambda: side.get_by_role("button", name="Vis oversikta").click(), "oversikt-vist")


def main() -> int:
    from playwright.sync_api import sync_playwright

    with urllib.request.urlopen(f"{URL}/health_check", timeout=10) as r:
        assert r.status == 200
    laga = testsaker("lag", str(SAKER))
    print(laga)
    try:
        brukar = hr_pa_tenaren()
        with sync_playwright() as p:
            nettlesar = p.chromium.launch(executable_path=os.environ.get("DESENTRAL_CHROMIUM", "/usr/bin/chromium"),
                                          headless=True, args=CHROMIUM_ARGS)
            side = nettlesar.new_context(locale="nn-NO", accept_downloads=True).new_page()
            from nettlesarhjelp import logg_inn

            logg_inn(side, URL, brukar)
            m = Maling(side)
            ein_runde(m)  # warm: the first run loads the interviews into the worker
            m.tider.clear()
            for _ in range(N):
                ein_runde(m)
            tal = side.inner_text("body")
            nettlesar.close()
    finally:
        if os.environ.get("BENCH_BEHALD") != "1":
            print(testsaker("fjern"))
    rader = []
    for namn, tider in m.tider.items():
        ms = sorted(t * 1000 for t in tider)
        rader.append(f"| {namn} | {statistics.median(ms):.0f} | {ms[0]:.0f}–{ms[-1]:.0f} | {m.storleik[namn] / 1024:.0f} |")
    tabell = "\n".join(["| Steg | Median (ms) | Spreiing (ms) | Storleik (KiB) |", "|---|---:|---:|---:|", *rader])
    print(tabell)
    UT.write_text(
        f"# HR's list and the overview with {SAKER} generated cases\n\n"
        f"Written by `scripts/benchmark.sh saker` on {dt.date.today().isoformat()} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}), against {URL}: {laga}. "
        f"{N} runs after one warm run; the time from the click or the address to the next screen drawn in "
        f"Chromium (for a download: to the file saved). Size: the HTML of the screen, or the file.\n\n"
        f"{tabell}\n\nThe last screen (filtered to Bergen) began: «{' '.join(tal.split()[:12])}…»\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
