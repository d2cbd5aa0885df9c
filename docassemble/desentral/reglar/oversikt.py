"""HR's overview of the arrangements (issue 31, item 4): how many work decentralised, in which
situation, under which agreement type, from which municipality, and which dates fall due this
quarter — the figures an agency reports on the state's decentralisation goal. Plain Python.

The rules run once per write, not per view: `fakta` is what the overview needs of one case (its
agreement type and timeline from the rules), kept in the case's summary (`samandrag`, which HR's
list reads too) that sakslager.lagre_sak writes beside the case; a case stored before 0.4.0 is
summarised when it is read. `oversikt` then counts the summaries read in one query, so a page of
the overview costs one pass over small records, not the rules or the cases.
`leiing` (the leadership's privilege) sees the counts only; HR also sees the cases behind the
dates (names typed by employees go through the screen's escaping helper and, in the exports,
are written as text, never as a formula).
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta

from .datoar import nynorsk_dato
from .kommunar import kommunenamn, sorteringsnykel
from .livslop import vurdering_for_sak
from .saker import STATUSAR, versjonar
from .svarfil import SvarFeil
from .tidslinje import KORT

__all__ = ["fakta", "samandrag", "oversikt", "kvartal", "FILTER", "som_csv", "som_xlsx", "SITUASJON", "AVTALETYPE", "IKKJE_OPPGITT"]

# The guideline's three situations (Rettleiinga 1.2) and the agreement types (5.1).
SITUASJON = {"kontorfellesskap": "Kontorfellesskap", "annan_kontorstad": "Annan kontorstad i verksemda",
             "heimekontor": "Heimekontor langt frå kontoret"}
AVTALETYPE = {"arbeidsavtale": "Ordinær arbeidsavtale", "tilleggsavtale": "Tilleggsavtale"}
IKKJE_OPPGITT = "Ikkje oppgitt"
FILTER = ("status", "situasjon", "avtaletype", "kommune")


def fakta(sak: dict) -> dict | None:
    """What the overview counts of one case: situation, agreement type, municipality and the
    dated entries of its timeline (ISO dates); None for a case whose answers the rules refuse."""
    try:
        vurdering = vurdering_for_sak(sak)
    except (SvarFeil, ValueError, KeyError, TypeError):
        return None
    ordning = sak["svar"]["ordning"]
    return {"situasjon": ordning.get("stad"), "avtaletype": vurdering.get("avtaletype"),
            "kommune": ordning.get("kommune"),
            "datoar": [{"kva": p["kva"], "dato": p["dato"].isoformat()} for p in vurdering["tidslinje"]]}


# The layout of a summary; a summary of another layout is made again from the case.
SAMANDRAG = 1


def samandrag(sak: dict) -> dict:
    """What HR's list and the overview read of a case, kept beside it at every write
    (sakslager.lagre_sak), so the list of 5,000 cases is read without the cases: who, status,
    version, the day sent and changed, whether a version is in force, the overview's facts.
    A summary passes through unchanged; a case is summarised here."""
    if sak.get("samandrag") == SAMANDRAG:
        return sak
    svar = sak["svar"]
    innsendt = [h["tid"][:10] for h in sak.get("historikk", []) if h.get("hending") == "innsendt"]
    melding = sak.get("oppseiing_melding")
    return {"samandrag": SAMANDRAG, "id": sak["id"], "status": sak["status"], "epost": sak.get("epost"),
            "namn": svar["arbeidstakar"].get("namn") or "", "verksemd": svar["verksemd"].get("namn") or "",
            "versjon": sak.get("versjon", 0), "sendt": innsendt[-1] if innsendt else "–",
            "endra": sak["historikk"][-1]["tid"],
            # Notice, change, evaluation and signing need an approved version in force (hrliste).
            "i_kraft": sak["status"] not in ("utkast", "oppsagd") and bool(versjonar(sak)),
            "avslutting_meldt": melding["gitt"][:10] if melding and sak["status"] == "godkjend" else None,
            "oversikt": None if sak["status"] == "utkast" else (sak.get("oversikt") or fakta(sak))}


def kvartal(i_dag: date) -> tuple[date, date]:
    """The first and last day of the quarter `i_dag` is in."""
    fyrste = date(i_dag.year, 3 * ((i_dag.month - 1) // 3) + 1, 1)
    neste = date(fyrste.year + (fyrste.month == 10), (fyrste.month + 2) % 12 + 1, 1)
    return fyrste, neste - timedelta(days=1)


def _rad(sak: dict) -> dict | None:
    s = samandrag(sak)
    f = s["oversikt"]
    if f is None:
        return None
    return {"id": s["id"], "status": s["status"], "situasjon": f["situasjon"], "avtaletype": f["avtaletype"],
            "kommune": f.get("kommune") or "", "datoar": f["datoar"], "namn": s["namn"], "verksemd": s["verksemd"]}


def oversikt(saker: list[dict], filter_: dict | None, i_dag: date) -> dict:
    """The counts of the arrangements sent to HR (drafts are not arrangements) that match
    `filter_` (FILTER keys; a missing or «alle» value does not filter), and the dated entries that
    fall in the quarter of `i_dag`, by date."""
    filter_ = {k: v for k, v in (filter_ or {}).items() if k in FILTER and v not in (None, "", "alle")}
    rader = [r for r in (_rad(s) for s in saker if s["status"] != "utkast") if r is not None]
    rader = [r for r in rader if all(r[k] == v for k, v in filter_.items())]
    fra, til = kvartal(i_dag)
    forfall = sorted(({"dato": date.fromisoformat(d["dato"]), "kva": KORT.get(d["kva"], d["kva"]), "namn": r["namn"],
                       "verksemd": r["verksemd"], "id": r["id"]}
                      for r in rader if r["status"] in ("godkjend", "endring", "innsendt", "returnert")
                      for d in r["datoar"] if fra <= date.fromisoformat(d["dato"]) <= til),
                     key=lambda p: (p["dato"], p["kva"]))
    kommunar = Counter(kommunenamn(r["kommune"]) or IKKJE_OPPGITT for r in rader)
    return {
        "tal": len(rader),
        "status": [(STATUSAR[k], n) for k, n in _ordna(Counter(r["status"] for r in rader), STATUSAR)],
        "situasjon": [(SITUASJON.get(k, k), n) for k, n in _ordna(Counter(r["situasjon"] for r in rader), SITUASJON)],
        "avtaletype": [(AVTALETYPE.get(k, k), n) for k, n in _ordna(Counter(r["avtaletype"] for r in rader), AVTALETYPE)],
        "kommune": sorted(kommunar.items(), key=lambda p: (-p[1], sorteringsnykel(p[0]))),
        "kvartal": (fra, til),
        "forfall": forfall,
        "forfall_per_kva": sorted(Counter(p["kva"] for p in forfall).items()),
        "forfall_per_veke": _per_veke(forfall, fra, til),
        "rader": rader,
    }


def _per_veke(forfall: list[dict], fra: date, til: date) -> list[tuple[str, int]]:
    """The quarter's dates counted week by week, every week of the quarter in order (a week
    without a date counts 0): the timeline of what falls due. A week is named by its number and
    the first day of it inside the quarter."""
    talde = Counter(p["dato"].isocalendar()[:2] for p in forfall)
    veker, dag = [], fra
    while dag <= til:
        veke = dag.isocalendar()[:2]
        veker.append((f"Veke {veke[1]} (frå {nynorsk_dato(dag)})", talde[veke]))
        dag += timedelta(days=7 - dag.weekday())
    return veker


def _ordna(talde: Counter, rekkjefolgje: dict) -> list[tuple[str, int]]:
    """The counts in the order of the named values, then any other value."""
    return [(k, talde[k]) for k in rekkjefolgje if talde[k]] + [(k, n) for k, n in talde.items() if k not in rekkjefolgje]


def _celle(verdi: object) -> str:
    """A value as text for a spreadsheet: a text that starts as a formula would (=, +, -, @, tab,
    return) gets a leading apostrophe, so the program shows it instead of calculating it."""
    tekst = "" if verdi is None else str(verdi)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst


def _tabellar(o: dict, med_saker: bool) -> list[tuple[str, list[str], list[list]]]:
    """The overview as tables (title, header, rows): the counts, and for HR the cases."""
    tabellar = [("Status", ["Status", "Tal"], o["status"]), ("Situasjon", ["Situasjon", "Tal"], o["situasjon"]),
                ("Avtaletype", ["Avtaletype", "Tal"], o["avtaletype"]), ("Kommune", ["Kommune", "Tal"], o["kommune"]),
                ("Datoar i kvartalet", ["Kva", "Tal"], o["forfall_per_kva"]),
                ("Datoar veke for veke", ["Veke", "Tal"], o["forfall_per_veke"])]
    if med_saker:
        tabellar.append(("Saker", ["Namn", "Verksemd", "Status", "Situasjon", "Avtaletype", "Kommune"],
                         [[r["namn"], r["verksemd"], STATUSAR.get(r["status"], r["status"]),
                           SITUASJON.get(r["situasjon"], r["situasjon"]), AVTALETYPE.get(r["avtaletype"], r["avtaletype"]),
                           kommunenamn(r["kommune"]) or IKKJE_OPPGITT] for r in o["rader"]]))
    return tabellar


def som_csv(o: dict, med_saker: bool) -> bytes:
    """The overview as CSV (UTF-8 with BOM and semicolons, as a Norwegian spreadsheet opens it):
    each table after its title line."""
    ut = io.StringIO()
    skrivar = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    for tittel, hovud, rader in _tabellar(o, med_saker):
        skrivar.writerow([tittel])
        skrivar.writerow(hovud)
        skrivar.writerows([[_celle(c) for c in rad] for rad in rader])
        skrivar.writerow([])
    return ("\ufeff" + ut.getvalue()).encode("utf-8")


def som_xlsx(o: dict, med_saker: bool) -> bytes:
    """The overview as an XLSX workbook, one sheet per table; every text cell is a string cell
    (openpyxl would otherwise store a text starting with «=» as a formula)."""
    from openpyxl import Workbook  # noqa: PLC0415 - only the server exports; docassemble ships openpyxl

    bok = Workbook()
    bok.remove(bok.active)
    for tittel, hovud, rader in _tabellar(o, med_saker):
        ark = bok.create_sheet(tittel[:31])
        ark.append(hovud)
        # The row number is counted here: asking the sheet for its last row on every row made
        # 5,000 cases take 22 s (measured; max_row walks every cell).
        for radnr, rad in enumerate(rader, start=2):
            for nr, verdi in enumerate(rad, start=1):
                celle = ark.cell(row=radnr, column=nr)
                if isinstance(verdi, int):
                    celle.value = verdi
                else:
                    celle.value = "" if verdi is None else str(verdi)
                    celle.data_type = "s"
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()
