"""Benchmark on the served interview (issue 18): what the person waits for, in Chromium.

Run against a running local server (scripts/serve.sh), with the docassemble environment:

    scripts/benchmark.sh tenar      # or: <venv-docassemble>/bin/python scripts/benchmark_tenar.py

Measures, BENCH_N times each (default 5; a new user and a new case every time):
  * click-to-links: from the click «Send til HR» to the page with the documents' links, for an
    employee who reads the review screen `BENCH_LES` seconds (default 8) before going on, and
    for one who clicks on at once;
  * HR's case page: from HR's click «Hald fram» with the case chosen to the case page with the
    documents' links;
  * beside them, the engine alone: the same agreement's PDF + DOCX on docassemble's engine
    (benchmark.py's measure), and the ratio.
Nothing here asserts a time. Writes the section «Served interview» of docs/benchmark-tenar.md.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "nettlesar"),
                str(ROOT / "scripts")]
UT = ROOT / "docs" / "benchmark-tenar.md"
URL = os.environ.get("DESENTRAL_URL", "http://127.0.0.1:8080")
N = int(os.environ.get("BENCH_N", "5"))
LES = float(os.environ.get("BENCH_LES", "8"))
LENKJE = "#daquestion a[href*='.pdf']"


def api_nokkel() -> str:
    from nettlesarhjelp import hemmeleg

    return hemmeleg("DA_ADMIN_API_KEY")


def stille(page):
    """The test helpers' Intervju without its per-screen checks (screenshots, axe): only what a
    user does, so the timings are the server's and the browser's."""
    from nettlesarhjelp import Intervju

    iv = Intervju(page, URL)
    iv.sjekk = lambda: None
    return iv


def til_innsending(side, les: float):
    """A new employee to the review screen; `les` seconds reading it; then the time from the
    click «Send til HR» to the documents' links."""
    from nettlesarhjelp import logg_inn, ny_brukar
    from test_hr_nettlesar import send_inn_som_arbeidstakar

    logg_inn(side, URL, ny_brukar(URL, api_nokkel()))
    iv = stille(side).start()
    namn = f"Benk {secrets.token_hex(3)}"
    send_inn_som_arbeidstakar(iv, namn, berre_til_gjennomgang=True)
    time.sleep(les)
    iv.hald_fram("innsending")
    t = time.perf_counter()
    side.get_by_role("button", name="Send til HR", exact=True).click()
    side.wait_for_selector("body.question-avtale-ferdig")
    side.locator(LENKJE).first.wait_for(state="attached")
    return time.perf_counter() - t, namn


def hr_sakside(hr_side, namn: str) -> float:
    hr_side.goto(f"{URL}/interview?i=docassemble.desentral:data/questions/hr.yml&new_session=1")
    hr_side.wait_for_selector("body.question-hr-saker")
    hr_side.get_by_role("group", name="Kva vil du gjere?").get_by_text("Opne ei innsendt sak", exact=True).click()
    [val] = [o.get_attribute("value") for o in hr_side.locator("select option").all() if o.inner_text().startswith(f"{namn},")]
    hr_side.get_by_label("Sak", exact=True).select_option(value=val)
    t = time.perf_counter()
    hr_side.get_by_role("button", name="Hald fram", exact=True).click()
    hr_side.wait_for_selector("body.question-hr-sak")
    hr_side.locator(LENKJE).first.wait_for(state="attached")
    return time.perf_counter() - t


def engine_pdf_docx() -> list[float]:
    import tempfile

    import benchmark
    from docassemble.desentral.kommando.svarmotor import SvarMotor

    with tempfile.TemporaryDirectory() as work:
        motor = SvarMotor(work)
        svar = benchmark.svar_for("tilleggsavtale")
        return [benchmark.engine_montering(motor, svar)[0] for _ in range(N)]


def main():
    import importlib.util

    from nettlesarhjelp import logg_inn, ny_brukar
    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location("nettlesarconf", ROOT / "tests" / "nettlesar" / "conftest.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    klikk_les, klikk_straks, hr = [], [], []
    with sync_playwright() as p:
        nettlesar = p.chromium.launch(executable_path=conf.CHROMIUM, headless=True, args=conf.CHROMIUM_ARGS)

        def side():
            s = nettlesar.new_context(locale="nn-NO").new_page()
            s.set_default_timeout(120_000)
            return s

        from nettlesarhjelp import _api

        _api(URL, api_nokkel(), "/api/privileges", {"privilege": "hr"})
        hr_side = side()
        logg_inn(hr_side, URL, ny_brukar(URL, api_nokkel(), ("user", "hr"), fornamn="Hanne"))
        for _ in range(N):
            for les, ut in ((LES, klikk_les), (0.0, klikk_straks)):
                s = side()
                tid, namn = til_innsending(s, les)
                ut.append(tid)
                s.context.close()
            hr.append(hr_sakside(hr_side, namn))
        nettlesar.close()
    motor = engine_pdf_docx()
    skriv(klikk_les, klikk_straks, hr, motor)


def skriv(klikk_les, klikk_straks, hr, motor):
    m = statistics.median(motor)

    def rad(namn, tider, mal=""):
        med = statistics.median(tider)
        return (f"| {namn} | {med * 1000:.0f} ms | {(max(tider) - min(tider)) * 1000:.0f} ms | {len(tider)} | "
                f"{med / m:.2f}× | {mal} |")

    linjer = [
        "# Benchmark: the served interview (issue 18)", "",
        "Laga av `scripts/benchmark_tenar.py` mot den lokale tenaren (`scripts/serve.sh`): Chromium, "
        "ny brukar og ny sak kvar gong; tida er frå klikket til lenkjene til dokumenta finst på sida.", "",
        f"- Køyrd {dt.datetime.now():%Y-%m-%d %H:%M}; tenar {URL} (gunicorn, 2 prosessar, 4 trådar, keep-alive 5 s; Celery éin prosess per kjerne)",
        f"- Lesetid på gjennomgangen før «Hald fram»: {LES:.0f} s (den andre rada: ingen)", "",
        "| Mål | Median | Spreiing | N | Forhold til motoren | Mål (issue 18) |", "|---|---|---|---|---|---|",
        rad(f"Klikk «Send til HR» → lenkjer, etter {LES:.0f} s på gjennomgangen", klikk_les, "≤ 1.3×"),
        rad("Klikk «Send til HR» → lenkjer, utan lesetid", klikk_straks, "≤ 1.3×"),
        rad("HR: saksida (klikk «Hald fram» → lenkjer)", hr, "< 1 s"),
        rad("Motoren åleine: PDF + DOCX (benchmark.py)", motor),
    ]
    UT.write_text("\n".join(linjer) + "\n", encoding="utf-8")
    print("\n".join(linjer))


if __name__ == "__main__":
    main()
