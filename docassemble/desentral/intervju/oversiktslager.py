# do not pre-load
"""What HR's overview (data/questions/oversikt.yml) calls on the server (issue 31, item 4): the
cases read in one query, counted by oversikt.py; the tables with their bars; the exports as
files of the session. Who sees what: HR and administrators the cases behind the dates; the
privilege `leiing` the counts only.
"""
from __future__ import annotations

from datetime import date

from docassemble.base.util import user_has_privilege

from ..reglar.kommunar import kommuneval
from ..reglar.oversikt import AVTALETYPE, SITUASJON, oversikt, som_csv, som_xlsx
from ..reglar.saker import STATUSAR
from ..lager.sakslager import alle_samandrag
from ..lager.signeringslager import som_fil
from ..dokument.skjermtekst import skjerm

__all__ = ["les_oversikt", "stolpetabell", "eksportfil", "ser_saker", "filterval"]


def ser_saker() -> bool:
    """HR and administrators see the cases; `leiing` alone sees counts only."""
    return bool(user_has_privilege(["hr", "admin"]))


def les_oversikt(filter_: dict) -> dict:
    """The overview of every case as stored now (their summaries, one query), for today."""
    return oversikt(alle_samandrag(), filter_, date.today())


def filterval(kva: str) -> list[dict]:
    """The choices of a filter, «Alle» first."""
    val = {"status": [{k: v} for k, v in STATUSAR.items() if k != "utkast"],
           "situasjon": [{k: v} for k, v in SITUASJON.items()],
           "avtaletype": [{k: v} for k, v in AVTALETYPE.items()],
           "kommune": kommuneval()}[kva]
    return [{"alle": "Alle"}] + val


def stolpetabell(tittel: str, overskrift: str, rader: list[tuple[str, int]], storst: int | None = None) -> str:
    """A table of counts with a bar for each: the bar is drawn for the eye (aria-hidden), the
    number beside it is what a screen reader reads. Every label is text through skjerm()."""
    if not rader:
        return f"<p>{skjerm(tittel)}: ingen.</p>"
    storst = storst or max((n for _, n in rader), default=0) or 1
    kropp = "".join(
        f'<tr><th scope="row">{skjerm(namn)}</th><td class="text-end">{n}</td>'
        f'<td style="width:50%"><div aria-hidden="true" style="background:#1a5e8a;height:0.9em;'
        f'width:{round(100 * n / storst)}%"></div></td></tr>' for namn, n in rader)
    return (f'<table class="table table-sm"><caption>{skjerm(tittel)}</caption><thead><tr>'
            f'<th scope="col">{skjerm(overskrift)}</th><th scope="col" class="text-end">Tal</th>'
            f'<th scope="col"><span class="visually-hidden">Stolpe</span></th></tr></thead>'
            f'<tbody>{kropp}</tbody></table>')


def eksportfil(o: dict, format_: object):
    """The overview as a CSV or XLSX file of this session; the cases only for HR. The format
    comes from a link anyone can edit: anything but «xlsx» is CSV."""
    med = ser_saker()
    format_ = "xlsx" if format_ == "xlsx" else "csv"
    innhald = som_xlsx(o, med) if format_ == "xlsx" else som_csv(o, med)
    return som_fil(f"oversikt_{format_}", innhald, f"oversikt-desentralisert-arbeid.{format_}")

