"""Benchmark (issue 7): what assembly and the rules cost, against bare pandoc.

Run on demand with the docassemble environment (not a test; nothing here asserts a time):

    scripts/benchmark.sh            # or: <venv-docassemble>/bin/python scripts/benchmark.py

Measures, several repetitions each (median and spread = max - min):
  * the PDF of the tilleggsavtale and the ordinary agreement (issue 29): the package's Typst path
    (typstpdf.lag_pdf and the literal metadata) against bare `pandoc -t typst` and Typst on the
    same Markdown and template, with a warm compiler and with a new one each time (as the
    command line); and the whole click (PDF + DOCX through docassemble's engine) on the Typst
    path beside the LaTeX path (config `desentral: pdf: latex`);
  * the rules per decision (`reglar.vurder`), and what our module calls add to one interview
    page (the `vurdering` page; our calls timed inside the session);
  * the import time of the modules docassemble preloads at start (fresh interpreter each time);
  * peak memory of assembly (Python heap in the engine; the largest child process, lualatex).
Prints a table and writes docs/benchmark.md with the machine it ran on.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "docassemble" / "desentral" / "data"
TEMPLATES = DATA / "templates"
DOME = DATA / "sources" / "dome" / "heimekontor_tilleggsavtale.yml"
DOME_ARBEIDSAVTALE = DATA / "sources" / "dome" / "nytilsett_arbeidsavtale.yml"
UT = ROOT / "docs" / "benchmark.md"

N_MONTERING = int(os.environ.get("BENCH_N", "5"))
N_REGLAR = 200
N_SIDE = 20
N_IMPORT = 10

# The modules the server imports at start: every module without "# do not pre-load".
PRELOAD = ["docassemble.desentral", "docassemble.desentral.reglar.datoar", "docassemble.desentral.reglar.regelverk",
           "docassemble.desentral.reglar.svarfil", "docassemble.desentral.reglar.vurdering", "docassemble.desentral.reglar.felles",
           "docassemble.desentral.reglar.tid", "docassemble.desentral.reglar.innhald", "docassemble.desentral.dokument.avtaledata",
           "docassemble.desentral.lager.hrliste", "docassemble.desentral.dokument.skjermtekst", "docassemble.desentral.reglar.avgjerd",
           "docassemble.desentral.reglar.saker", "docassemble.desentral.intervju.felles"]


def median_spreiing(tider: list[float]) -> tuple[float, float]:
    return statistics.median(tider), max(tider) - min(tider)


def svar_for(avtaletype: str):
    from docassemble.desentral.reglar.svarfil import les_svar

    return les_svar((DOME if avtaletype == "tilleggsavtale" else DOME_ARBEIDSAVTALE).read_text("utf-8"))


def engine_montering(motor, svar) -> tuple[float, object]:
    """Time the interview's last page, which assembles the PDF and the DOCX."""
    from docassemble.desentral.kommando.lag import KVITTERINGAR, verdiar_for_intervju

    okt = motor.okt("tilsett.yml")
    siste = "gjennomgang_ferdig"
    verdiar = verdiar_for_intervju(svar)
    # A name of its own each time: the same agreement is assembled only once and then kept
    # (dokumentlager, issue 18), and here the assembly itself is measured.
    verdiar["arbeidstakar.namn"] = f"{verdiar['arbeidstakar.namn']} {secrets.token_hex(3)}"
    okt.sett({**verdiar, **{k: True for k in KVITTERINGAR if k != siste}})
    assert okt.skjerm.id == "gjennomgang", okt.skjerm.id
    t = time.perf_counter()
    skjerm = okt.sett({siste: True})
    tid = time.perf_counter() - t
    assert skjerm.id == "avtale-ferdig" and skjerm.vedlegg, skjerm.id
    return tid, skjerm.vedlegg[0]


def pandoc_motor() -> str:
    from docassemble.base import pandoc as dapandoc

    dapandoc.initialize_pandoc()
    return dapandoc.PANDOC_ENGINE.split("=", 1)[1]


def _pdfveg(motor, veg: str) -> None:
    """The engine's config `desentral: pdf` (issue 29: typst, or latex for one release)."""
    motor.plugin.daconfig["desentral"] = {**(motor.plugin.daconfig.get("desentral") or {}), "pdf": veg}


def _fang_markdown(motor, svar) -> dict:
    """The Markdown and metadata the Typst path makes its PDF from, caught on their way in."""
    from docassemble.desentral.dokument import dokumentformat

    fanga, ekte = {}, dokumentformat.lag_pdf

    def lag_pdf(markdown, **kw):
        fanga.update(markdown=markdown, **kw)
        return ekte(markdown, **kw)

    dokumentformat.lag_pdf = lag_pdf
    try:
        engine_montering(motor, svar)
    finally:
        dokumentformat.lag_pdf = ekte
    return fanga


def bare_typst(fanga: dict, mappe: Path, varm) -> float:
    """The same Markdown through `pandoc -t typst` with the same template and `typst` compiling
    it: `varm` a compiler kept between runs (as the package does), or None for a new one each
    time (as `typst compile` on the command line)."""
    import typst

    from docassemble.desentral.dokument.typstpdf import FRA, MAL, STANDARDAR

    (mappe / "d.md").write_text(fanga["markdown"], "utf-8")
    t = time.perf_counter()
    subprocess.run([fanga["pandoc"], "--from", FRA, "--to", "typst", "--template", str(MAL), "-o", "d.typ", "d.md"],
                   check=True, cwd=mappe, capture_output=True)
    # The template's one input (typstpdf.lag_pdf gives the same).
    inn = {"inn": json.dumps({"tittel": fanga["tittel"], "utkast": fanga.get("utkast", "")}, ensure_ascii=False)}
    if varm is None:
        typst.compile(str(mappe / "d.typ"), root=str(mappe), format="pdf", pdf_standards=STANDARDAR, sys_inputs=inn)
    else:
        varm.compile(input=str(mappe / "d.typ"), root=str(mappe), format="pdf", pdf_standards=STANDARDAR,
                     sys_inputs=inn)
    return time.perf_counter() - t


def pakka_typst(fanga: dict) -> float:
    """The package's PDF from the same Markdown: typstpdf.lag_pdf and the literal metadata."""
    from docassemble.desentral.dokument.pdfa import skriv_metadata
    from docassemble.desentral.dokument.typstpdf import lag_pdf

    t = time.perf_counter()
    pdf = lag_pdf(fanga["markdown"], tittel=fanga["tittel"], utkast=fanga.get("utkast", ""), pandoc=fanga["pandoc"])
    skriv_metadata(pdf, fanga["tittel"], "Verksemda", "Arbeidstakaren")
    return time.perf_counter() - t


def _rad(namn: str, tider: list[float], forhold: str = "", mal: str = "", naadd: str = "") -> tuple:
    m, s = median_spreiing(tider)
    return (namn, f"{m * 1000:.0f} ms", f"{s * 1000:.0f} ms", len(tider), forhold, mal, naadd)


def mal_montering(motor, rader: list, notat: list):
    import typst

    from docassemble.desentral.dokument.typstpdf import finn_pandoc, pandoc_versjon

    pandoc = finn_pandoc()
    notat.append(f"Typst-vegen: Pandoc {'.'.join(map(str, pandoc_versjon(pandoc)))} ({pandoc}), typst "
                 f"{version('typst')}; LaTeX-vegen: {pandoc_motor()} (desentral: pdf: latex).")
    notat.append("PDF-forholdet: mot bare `pandoc -t typst` + `typst compile` (ny kompilator per dokument, "
                 "målet i issue 29), og mot ein varm kompilator som får same kjelde att (Typst si "
                 "mellomlagring hoppar då over sideoppsettet, det ein ny avtale ikkje får). Kva skilnaden "
                 "er: docs/ytelse.md, «Benchmark».")
    varm = typst.Compiler()
    for avtaletype in ("tilleggsavtale", "arbeidsavtale"):
        svar = svar_for(avtaletype)
        _pdfveg(motor, "typst")
        fanga = _fang_markdown(motor, svar)  # also the warm-up: fonts, imports
        fanga["pandoc"] = pandoc
        typst_klikk = [engine_montering(motor, svar)[0] for _ in range(N_MONTERING)]
        pakka, bare_varm, bare_kald = [], [], []
        for _ in range(N_MONTERING):
            pakka.append(pakka_typst(fanga))
            with tempfile.TemporaryDirectory() as d:
                bare_varm.append(bare_typst(fanga, Path(d), varm))
            with tempfile.TemporaryDirectory() as d:
                bare_kald.append(bare_typst(fanga, Path(d), None))
        _pdfveg(motor, "latex")
        engine_montering(motor, svar)
        latex_klikk = [engine_montering(motor, svar)[0] for _ in range(N_MONTERING)]
        _pdfveg(motor, "typst")
        # The target (issue 29) is against the bare pipeline `pandoc -t typst` + `typst compile`:
        # a new compiler per document. Beside it the ratio to a warm compiler that gets the
        # identical source again (Typst's cache then skips the layout; a new agreement does not).
        kald = statistics.median(pakka) / statistics.median(bare_kald)
        varm_forhold = statistics.median(pakka) / statistics.median(bare_varm)
        rader.append(_rad(f"PDF {avtaletype}: pakka (Typst, filter, metadata)", pakka,
                          f"{kald:.2f}× `typst compile`; {varm_forhold:.2f}× varm", "≤ 1.15×",
                          "ja" if kald <= 1.15 else "nei"))
        rader.append(_rad(f"PDF {avtaletype}: bare `pandoc -t typst` + `typst compile` (ny kvar gong)", bare_kald,
                          "1.00×"))
        rader.append(_rad(f"PDF {avtaletype}: bare `pandoc -t typst` + Typst, varm kompilator, same kjelde", bare_varm))
        rader.append(_rad(f"Montering {avtaletype} (PDF + DOCX), heile klikket, Typst", typst_klikk,
                          f"{statistics.median(typst_klikk) / statistics.median(latex_klikk):.2f}× LaTeX"))
        rader.append(_rad(f"Montering {avtaletype} (PDF + DOCX), heile klikket, LaTeX", latex_klikk, "1.00×"))


def mal_reglar(rader: list):
    from docassemble.desentral.reglar.vurdering import vurder

    svar = svar_for("tilleggsavtale")
    i_dag = dt.date(2026, 11, 26)
    vurder(svar, i_dag)
    tider = []
    for _ in range(N_REGLAR):
        t = time.perf_counter()
        vurder(svar, i_dag)
        tider.append(time.perf_counter() - t)
    m, s = median_spreiing(tider)
    rader.append(("Reglane: éi avgjerd (`vurder`)", f"{m * 1000:.2f} ms", f"{s * 1000:.2f} ms", N_REGLAR, "", "", ""))


def mal_side(motor, rader: list):
    """One interview page: answering `proveperiode` assembles the `vurdering` page. Our calls
    (the interview's functions from docassemble.desentral.intervju.felles) are wrapped with timers in
    the session, so their share of the page is measured, not guessed."""
    from docassemble.desentral.intervju import felles as intervju
    from docassemble.desentral.kommando.lag import KVITTERINGAR, verdiar_for_intervju

    svar = svar_for("tilleggsavtale")
    verdiar = verdiar_for_intervju(svar)
    proveperiode = {k: verdiar[k] for k in ("ordning.proveperiode_manader", "ordning.proveperiode_varsel_veker",
                                            "ordning.oppseiingsfrist_manader")}
    side_tider, pakke_tider, kall = [], [], []
    # docassemble re-imports the module's names into the session on every page (`modules:`),
    # so the timers go on the module itself, for this benchmark process only.
    brukt = [0.0, 0]
    originale = {}
    for namn in intervju.__all__:
        f = getattr(intervju, namn)
        if callable(f) and getattr(f, "__module__", "").startswith("docassemble.desentral"):
            def tidtakar(*a, _f=f, **kw):
                t0 = time.perf_counter()
                try:
                    return _f(*a, **kw)
                finally:
                    brukt[0] += time.perf_counter() - t0
                    brukt[1] += 1
            originale[namn] = f
            setattr(intervju, namn, tidtakar)
    for n in range(N_SIDE + 1):
        okt = motor.okt("tilsett.yml")
        okt.sett({**{k: v for k, v in verdiar.items() if k not in proveperiode},
                  **{k: True for k in KVITTERINGAR if k not in ("hms_lesen", "vurdering_lesen", "gjennomgang_ferdig")}})
        okt.sett({"hms_lesen": True})
        assert okt.skjerm.id == "proveperiode", okt.skjerm.id
        brukt[0], brukt[1] = 0.0, 0
        t = time.perf_counter()
        skjerm = okt.svar(proveperiode)
        tid = time.perf_counter() - t
        assert skjerm.id == "vurdering", skjerm.id
        if n:  # the first round warms up
            side_tider.append(tid)
            pakke_tider.append(brukt[0])
            kall.append(brukt[1])
    for namn, f in originale.items():
        setattr(intervju, namn, f)
    m_side, s_side = median_spreiing(side_tider)
    m_pakke, s_pakke = median_spreiing(pakke_tider)
    rader.append(("Side `vurdering` (svar på `proveperiode`), heile sida", f"{m_side * 1000:.1f} ms",
                  f"{s_side * 1000:.1f} ms", N_SIDE, "", "", ""))
    rader.append((f"Reglane: det pakka legg til sida ({statistics.median(kall):.0f} kall)", f"{m_pakke * 1000:.1f} ms",
                  f"{s_pakke * 1000:.1f} ms", N_SIDE, f"{m_pakke / m_side:.0%} av sida", "≤ 10 ms",
                  "ja" if m_pakke <= 0.010 else "nei"))


def mal_avgjerder(motor, rader: list):
    """Issue 14: decisions per screen (target 1) and the rules' time on that screen, on the two
    screens that decide: `vurdering` (answer to `proveperiode`) and the documents' screen. The
    rules' entry point in the interview module is wrapped to count and time its calls."""
    from docassemble.desentral.intervju import felles as intervju
    from docassemble.desentral.kommando.lag import KVITTERINGAR, verdiar_for_intervju

    verdiar = verdiar_for_intervju(svar_for("tilleggsavtale"))
    ekte = intervju.vurder
    teljar = [0, 0.0]

    def talt(*a, **kw):
        t0 = time.perf_counter()
        try:
            return ekte(*a, **kw)
        finally:
            teljar[0] += 1
            teljar[1] += time.perf_counter() - t0

    intervju.vurder = talt
    try:
        for namn, sett in (("`vurdering`", {k: True for k in KVITTERINGAR if k not in ("vurdering_lesen", "gjennomgang_ferdig")}),
                           ("dokumentsida (`avtale-ferdig`)", {k: True for k in KVITTERINGAR})):
            kall, tider = [], []
            for n in range(N_SIDE + 1):
                okt = motor.okt("tilsett.yml")
                teljar[0], teljar[1] = 0, 0.0
                okt.sett({**verdiar, **sett})
                assert okt.skjerm.id in ("vurdering", "avtale-ferdig"), okt.skjerm.id
                if n:
                    kall.append(teljar[0])
                    tider.append(teljar[1])
            m, s = median_spreiing(tider)
            rader.append((f"Avgjerder på {namn}: {max(kall)} (mål 1); reglane si tid", f"{m * 1000:.2f} ms",
                          f"{s * 1000:.2f} ms", N_SIDE, "", "1 avgjerd", "ja" if max(kall) <= 1 else "nei"))
    finally:
        intervju.vurder = ekte


def mal_import(rader: list):
    """Fresh interpreter each time; what docassemble has loaded before (yaml, dateutil) first."""
    kode = ("import time, yaml, dateutil.parser, html, json, dataclasses, re\n"
            "t = time.perf_counter()\n" + "".join(f"import {m}\n" for m in PRELOAD) +
            "print(time.perf_counter() - t)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    tider = []
    for _ in range(N_IMPORT):
        p = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, check=True)
        tider.append(float(p.stdout.strip()))
    m, s = median_spreiing(tider)
    rader.append(("Import av modulane serveren lastar ved start", f"{m * 1000:.1f} ms", f"{s * 1000:.1f} ms",
                  N_IMPORT, "", "≤ 50 ms", "ja" if m <= 0.050 else "nei"))


def mal_minne(motor, rader: list):
    svar = svar_for("tilleggsavtale")
    tracemalloc.start()
    engine_montering(motor, svar)
    _, topp = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    barn = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rader.append(("Minne: Python-haug under montering (topp)", f"{topp / 2**20:.1f} MiB", "", 1, "", "", ""))
    rader.append(("Minne: største barneprosess (pandoc, eller lualatex på LaTeX-vegen, maks RSS)", f"{barn:.0f} MiB", "", 1, "", "", ""))


def maskin() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    minne = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal")), 0)
    os_namn = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME")), platform.platform())
    pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lua = subprocess.run(["lualatex", "--version"], capture_output=True, text=True).stdout.splitlines()[0] \
        if shutil.which("lualatex") else "–"
    return [f"CPU: {cpu}, {os.cpu_count()} kjernar; minne {minne} MiB; {os_namn}",
            f"Python {platform.python_version()}; docassemble.base {version('docassemble.base')}; {pandoc}; {lua}",
            f"Køyrd {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}"]


def main() -> int:
    # The engine with the tests' browser-like answering (docassemble.desentral.kommando.svarmotor).
    from docassemble.desentral.kommando.svarmotor import SvarMotor

    motor = SvarMotor(tempfile.mkdtemp(prefix="desentral-benchmark-"))
    rader: list[tuple] = []
    notat: list[str] = []
    mal_import(rader)
    mal_reglar(rader)
    mal_side(motor, rader)
    mal_avgjerder(motor, rader)
    mal_montering(motor, rader, notat)
    mal_minne(motor, rader)

    hovud = ("Mål", "Median", "Spreiing", "N", "Forhold", "Mål (README)", "Nådd")
    linjer = ["| " + " | ".join(hovud) + " |", "|" + "---|" * len(hovud)]
    linjer += ["| " + " | ".join(str(c) for c in r) + " |" for r in rader]
    tabell = "\n".join(linjer)
    print(tabell)
    for n in notat:
        print(n)
    UT.parent.mkdir(exist_ok=True)
    UT.write_text("# Benchmark\n\nLaga av `scripts/benchmark.py` (sjå README, «Benchmark»).\n\n"
                  + "\n".join(f"- {m}" for m in maskin() + notat) + "\n\n" + tabell + "\n", "utf-8")
    print(f"skreiv {UT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
