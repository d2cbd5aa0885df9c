"""HR's list of cases: the table, the choice of case, and filtering and sorting by status and
date (issue 13: HR could not tell cases apart or find the ones waiting). Plain Python; no
docassemble import: the link to a view comes from the interview (`url_action`)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from .. import __version__
from ..reglar.saker import STATUSAR
from ..reglar.signering import signeringsstatus
from ..dokument.skjermtekst import html_tabell, skjerm_val
from ..reglar.svarfil import SvarFeil
from ..reglar.felles import AVTALETYPE_NAMN
from ..reglar.livslop import forfalne_for_sak, vurdering_for_sak
from ..reglar.oversikt import samandrag
from ..reglar.tidslinje import NAER_DAGAR, datomerknad

__all__ = ["FILTER", "SORTERINGAR", "PER_SIDE", "hr_visningsval", "hr_saker_i_visning", "hr_sideutval", "hr_sida", "hr_sidelenkjer",
           "hr_visningslenkjer", "hr_oversikt", "hr_sakval", "pakkeversjon"]

# What HR can show: all cases, or those with one status (the employee's unsent drafts are
# never HR's). The first one is the default: what waits for HR.
FILTER = {"innsendt": "Ventar på HR", "returnert": "Returnerte", "godkjend": "Godkjende", "alle": "Alle"}
SORTERINGAR = {"endra": "Sist endra", "sendt": "Sendt inn", "namn": "Namn"}


def pakkeversjon() -> str:
    """The release that runs on the server that drew the page: what HR names when reporting a
    fault, and how an administrator sees that an install reached every server (issue 18)."""
    return f"docassemble.desentral {__version__}"


def _avtale_og_datoar(sak: dict, i_dag: date) -> tuple[str, str]:
    """The agreement's name and the dates falling due, from one decision per case."""
    try:
        vurdering = vurdering_for_sak(sak, i_dag)
        # livslop.forfalne_for_sak: the version in force, and a waiting version's signing deadline.
        return AVTALETYPE_NAMN[vurdering["avtaletype"]], datomerknad(forfalne_for_sak(sak, i_dag, vurdering))
    except (SvarFeil, ValueError, KeyError, TypeError):
        # One unreadable stored case must not take HR's whole list down with it.
        return "Kan ikkje lesast", "–"


def _status(s: dict) -> str:
    """The status, and for an ordinary agreement the employee's or HR's wish to end it (issue 16)."""
    if s["avslutting_meldt"]:
        return f"{STATUSAR['godkjend']} – avslutting meldt {s['avslutting_meldt']}"
    return STATUSAR[s["status"]]


# Rows per page of HR's list (and of the overview's tables, which page with hr_sideutval too): a
# page HR can read through, and a screen that stays quick to draw however many cases the agency
# has (all of them in one table grew past 16 000 pixels).
PER_SIDE = 25


def hr_visningsval(status: object, sorter: object, side: object = None) -> tuple[str, str, int]:
    """The view asked for in a link, or the default for anything else (a link is a URL anyone
    can edit): status, order and page (from 1; hr_sideutval keeps it within the list)."""
    try:
        nr = max(1, int(str(side)))
    except ValueError:
        nr = 1
    return (status if status in FILTER else "innsendt", sorter if sorter in SORTERINGAR else "endra", nr)


def hr_sideutval(viste: list[dict], side: int) -> tuple[list[dict], int, int]:
    """The rows on page `side` of a list, that page's number (at most the last) and the count
    of pages (at least 1)."""
    sider = max(1, -(-len(viste) // PER_SIDE))
    side = min(max(1, side), sider)
    return viste[(side - 1) * PER_SIDE:side * PER_SIDE], side, sider


def hr_sida(saker: list[dict], filter_: str, sortering: str, side: int) -> tuple[list[dict], int, int, int]:
    """The page HR is looking at: its summaries, its number, the count of pages and the count of
    cases in the view (all pages). The list and the choices under it both read this."""
    viste = hr_saker_i_visning(saker, filter_, sortering)
    paa_sida, side, sider = hr_sideutval(viste, side)
    return paa_sida, side, sider, len(viste)


def hr_sidelenkjer(filter_: str, sortering: str, side: int, sider: int, talet: int,
                   lenkje: Callable[..., str]) -> str:
    """Under the list, when it has more than one page: where HR is and the way to the pages
    before and after (the same status and order)."""
    if sider <= 1:
        return ""
    fra, til = (side - 1) * PER_SIDE + 1, min(side * PER_SIDE, talet)
    delar = [f"Side {side} av {sider} (sak {fra}–{til} av {talet})"]
    if side > 1:
        delar.append(f"[Førre side]({lenkje(status=filter_, sorter=sortering, side=side - 1)})")
    if side < sider:
        delar.append(f"[Neste side]({lenkje(status=filter_, sorter=sortering, side=side + 1)})")
    return " · ".join(delar)


def hr_saker_i_visning(saker: list[dict], filter_: str, sortering: str) -> list[dict]:
    """The summaries (oversikt.samandrag) of the cases HR asked to see, in the order asked for:
    newest change or newest hand-over first, or by name (Norwegian letters after z, as a
    Norwegian reader expects). `saker`: cases or their summaries."""
    if filter_ not in FILTER:
        filter_ = "innsendt"
    valde = [s for s in map(samandrag, saker) if s["status"] != "utkast" and (filter_ == "alle" or s["status"] == filter_)]
    if sortering == "namn":
        orden = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzæøå")}
        return sorted(valde, key=lambda s: [orden.get(c, 100 + ord(c)) for c in (s["namn"] or "–").lower()])
    if sortering == "sendt":
        return sorted(valde, key=lambda s: s["sendt"], reverse=True)
    return sorted(valde, key=lambda s: s["endra"], reverse=True)


def hr_visningslenkjer(saker: list[dict], filter_: str, sortering: str, lenkje: Callable[..., str]) -> str:
    """Two lines of links above the list: which status, with the count of each, and the order.
    The current choice is bold, not a link. `lenkje(status=…, sorter=…)` makes the address."""
    def del_(namn: str, aktiv: bool, adresse: str) -> str:
        return f"**{namn}**" if aktiv else f"[{namn}]({adresse})"

    statusar = [s["status"] for s in saker if s["status"] != "utkast"]
    tal = {k: sum(1 for st in statusar if k == "alle" or st == k) for k in FILTER}
    vis = " · ".join(del_(f"{namn} ({tal[k]})", k == filter_, lenkje(status=k, sorter=sortering))
                     for k, namn in FILTER.items())
    sorter = " · ".join(del_(namn, k == sortering, lenkje(status=filter_, sorter=k)) for k, namn in SORTERINGAR.items())
    return f"Vis: {vis}\n\nSorter etter: {sorter}"


def hr_oversikt(saker: list[dict], i_dag: date | None = None) -> str:
    """HR's list of cases as a table: who, which agreement, status, version and dates, so HR
    can tell cases apart, and what falls due soon (issue 16). Typed text goes through `skjerm()`."""
    i_dag = i_dag or date.today()
    rader = []
    for sak in saker:
        avtale, datoar = _avtale_og_datoar(sak, i_dag)
        s = samandrag(sak)
        rader.append([s["namn"] or "–", s["epost"] or "–", s["verksemd"] or "–", avtale, _status(s), s["versjon"],
                      s["sendt"], s["endra"][:10], datoar, signeringsstatus(sak)])
    # The last column: who has signed the approved version (issue 17).
    return html_tabell(["Arbeidstakar", "E-post", "Verksemd", "Avtale", "Status", "Versjon",
                        "Sendt inn", "Sist endra", f"Datoar innan {NAER_DAGAR} dagar", "Underskrift"], rader)


def hr_sakval(saker: list[dict], status: str = "innsendt") -> list[dict]:
    """The cases with this status (those waiting for HR), or with `status="i_kraft"` those with
    an approved version in force that has not been ended (for notice, change, evaluation, signing:
    also while a new period waits for HR), as choices: name, agency, e-mail, day sent, version.
    `saker`: cases or their summaries."""
    return [{s["id"]: skjerm_val(f"{s['namn'] or '–'}, {s['verksemd'] or '–'} ({s['epost'] or '–'}, "
                             f"sendt {s['sendt']}, versjon {s['versjon']})")}
            for s in map(samandrag, saker) if (s["i_kraft"] if status == "i_kraft" else s["status"] == status)]
