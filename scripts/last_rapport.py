"""The load test's two helpers (scripts/last.sh):

    last_rapport.py minne SERVERMAPPE UT.json   samples the server's memory until stopped
    last_rapport.py rapport RUNMAPPE DOCS       docs/load.md (tables) and docs/load.png (plot)

Memory: the summed proportional set size (PSS) of the server's processes — gunicorn (both servers),
the Celery worker and the pandoc/lualatex they start, PostgreSQL and Redis of the instance —
sampled twice a second; the peak and the median are kept.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import signal
import statistics
import sys
import time
from pathlib import Path

NIVA = (1, 5, 10, 20, 40)
SKJERMAR = ("POST innsending", "POST gjennomgang", "POST vurdering", "dokument pdf", "HR: saksida", "HR: lista")


def minne(servermappe: str, ut: str) -> None:
    import psutil

    prover: list[float] = []
    stopp = False

    def slutt(*_):
        nonlocal stopp
        stopp = True

    signal.signal(signal.SIGTERM, slutt)
    while not stopp:
        total = 0
        for p in psutil.process_iter(["cmdline", "name"]):
            try:
                cmd = " ".join(p.info["cmdline"] or [])
                if "locust" in cmd or "last_rapport" in cmd:
                    continue  # the load generator and this sampler name the server's folder too
                if (servermappe in cmd or p.info["name"] in ("pandoc", "lualatex", "luahbtex")
                        or ("docassemble" in cmd and ("gunicorn" in cmd or "celery" in cmd))):
                    # PSS: forked workers share most of their pages; RSS would count them twice.
                    total += p.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied, TypeError):
                continue
        prover.append(total / 2**20)
        time.sleep(0.5)
    Path(ut).write_text(json.dumps({"topp_mib": max(prover, default=0), "median_mib": statistics.median(prover) if prover else 0}))


def _stats(fil: Path) -> dict[str, dict]:
    with fil.open(encoding="utf-8") as f:
        return {r["Name"]: r for r in csv.DictReader(f)}


def rapport(run: str, docs: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    run_p, docs_p = Path(run), Path(docs)
    rader, per_skjerm, plott = [], [], {}
    grense = {}
    over_1s = []  # (set-up, users, the requests whose p95 is over 1 s)
    for modus, tittel in (("ein", "1 tenar"), ("to", "2 tenarar + HAProxy")):
        xs, p95s, rpss = [], [], []
        for n in NIVA:
            fil = run_p / f"{modus}-{n}_stats.csv"
            if not fil.exists():
                continue
            s = _stats(fil)
            agg = s["Aggregated"]
            minne_ = json.loads((run_p / f"{modus}-{n}-minne.json").read_text())
            p95 = float(agg["95%"])
            rader.append(f"| {tittel} | {n} | {float(agg['Requests/s']):.1f} | {float(agg['50%']):.0f} | {p95:.0f} | "
                         f"{agg['Failure Count']} av {agg['Request Count']} | {minne_['topp_mib']:.0f} |")
            if n in (20, 40):
                over_1s.append((tittel, n, [f"{k} ({float(v['95%']):.0f} ms)" for k, v in s.items()
                                            if k != "Aggregated" and v["95%"] not in ("", "N/A")
                                            and float(v["95%"]) > 1000]))
            for namn in SKJERMAR:
                if namn in s and int(s[namn]["Request Count"]) > 0:
                    per_skjerm.append(f"| {tittel} | {n} | {namn} | {s[namn]['Request Count']} | {float(s[namn]['50%']):.0f} | "
                                      f"{float(s[namn]['95%']):.0f} | {s[namn]['Failure Count']} |")
            xs.append(n), p95s.append(p95), rpss.append(float(agg["Requests/s"]))
            if p95 > 1000 and modus not in grense:
                grense[modus] = n
        if xs:  # a set-up not run this time gets no line
            plott[tittel] = (xs, p95s, rpss)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for tittel, (xs, p95s, rpss) in plott.items():
        a.plot(xs, p95s, marker="o", label=tittel)
        b.plot(xs, rpss, marker="o", label=tittel)
    a.axhline(1000, color="grey", linestyle="--", linewidth=1)
    a.set(xlabel="Samtidige brukarar", ylabel="p95 (ms), alle førespurnader", title="Svartid, p95")
    b.set(xlabel="Samtidige brukarar", ylabel="førespurnader per sekund", title="Gjennomstrøyming")
    for ax in (a, b):
        ax.legend()
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(docs_p / "load.png", dpi=110)

    def kor(modus):
        if not any((run_p / f"{modus}-{n}_stats.csv").exists() for n in NIVA):
            return "ikkje målt i denne køyringa"
        return f"{grense[modus]} brukarar" if modus in grense else f"ikkje nådd opp til {max(NIVA)} brukarar"

    # Side by side with the run before issue 29 (each PDF a lualatex run), kept in docs/load-latex.md.
    samanlikning = []
    for_fil = docs_p / "load-latex.md"
    if for_fil.exists():
        for_p95 = {int(m.group(1)): m.group(2) for m in re.finditer(
            r"^\| 1 tenar \| (\d+) \| [\d.]+ \| \d+ \| (\d+) \|", for_fil.read_text("utf-8"), re.M)}
        no_p95 = dict(zip(plott.get("1 tenar", ([], [], []))[0], plott.get("1 tenar", ([], [], []))[1]))
        if for_p95 and no_p95:
            samanlikning = ["## Før og no, éin tenar (p95, alle førespurnader)", "",
                            "| Brukarar | Før: LaTeX (ms), [load-latex.md](load-latex.md) | No: Typst (ms) |", "|---|---|---|",
                            *[f"| {n} | {for_p95.get(n, '–')} | {no_p95[n]:.0f} |" for n in sorted(no_p95)], ""]
    tekst = [
        "# Lasttest (issue 18, 29)", "",
        f"Laga av `scripts/last.sh` {dt.datetime.now():%Y-%m-%d %H:%M} (køyring `{run_p.name}`): Locust "
        "(`scripts/lastfil.py`) mot den lokale tenaren på same maskin (2 kjernar). Kvar tilsett-brukar "
        "loggar inn som ny brukar, går gjennom heile intervjuet (22 skjermar, 1–2 s lesetid per skjerm), "
        "sender saka til HR og lastar ned PDF og DOCX; kvar femte brukar er HR som opnar lista og ei sak. "
        "Minne: summen av PSS (delte sider delte mellom prosessane) for tenaren sine prosessar (gunicorn, Celery, "
        "pandoc, Typst i arbeidarane, PostgreSQL, Redis), toppen. Celery køyrer éin prosess per kjerne (`--concurrency=$(nproc)`).",
        "",
        f"- p95 over 1 s (alle førespurnader): **1 tenar: {kor('ein')}; 2 tenarar: {kor('to')}**.",
        *[f"- Over 1 s (p95) med {n} brukarar, {tittel}: {', '.join(namn) or 'ingen'}." for tittel, n, namn in over_1s],
        "", "![p95 og gjennomstrøyming](load.png)", "",
        "| Oppsett | Brukarar | Førespurnader/s | p50 (ms) | p95 (ms) | Feil | Minne, topp (MiB) |",
        "|---|---|---|---|---|---|---|", *rader, "", *samanlikning,
        "## Per skjerm", "",
        "| Oppsett | Brukarar | Skjerm | N | p50 (ms) | p95 (ms) | Feil |", "|---|---|---|---|---|---|---|", *per_skjerm, "",
    ]
    (docs_p / "load.md").write_text("\n".join(tekst), encoding="utf-8")
    print("\n".join(tekst))


if __name__ == "__main__":
    if sys.argv[1] == "minne":
        minne(sys.argv[2], sys.argv[3])
    else:
        rapport(sys.argv[2], sys.argv[3])
