"""The employee's questions, in the order the interview asks them (issue 30, item 2: the main
flow's order lives with the rules, not in tilsett.yml).

Plain Python; no docassemble import. `sporsmal(verdi)` yields the name of each answer the
interview needs next; `verdi(namn)` is the interview's value of a name it has already asked for
(docassemble's `value`, which asks when the answer is missing), so a later question can depend on
an earlier answer. tilsett.yml asks each name in turn; what happens after the questions (hand-over,
return, change, approval) follows the stored case's status there (reglar/sak.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

__all__ = ["sporsmal"]


def sporsmal(verdi: Callable[[str], object]) -> Iterator[str]:
    yield "intro_lesen"
    yield "arbeidstakar.namn"
    yield "arbeidstakar.nytilsett"
    yield "verksemd.namn"
    yield "ordning.stad"
    # Rettleiinga 2.3: a home office only where daily commuting is not realistic.
    if verdi("ordning.stad") == "heimekontor":
        yield "ordning.dagpendling_realistisk"
    if not verdi("omfang").i_omfang:
        yield "utanfor_omfang"
    # Rettleiinga 5.3.1: an existing employee's arrangement rests on both parties' consent;
    # a new hire's is part of the post (Rettleiinga 2.2).
    if not verdi("arbeidstakar.nytilsett"):
        yield "ordning.samtykke_arbeidstakar"
    if not verdi("omfang").i_omfang:
        yield "utanfor_omfang"
    yield from ("arbeidstakar.tilsett_fra", "arbeidstakar.mellombels_til", "ordning.fra", "ordning.til")
    # Rettleiinga 4.2: an arrangement without an end date, and whether the ordinary office stays
    # the fixed place of work, decide the agreement's type.
    if verdi("ordning.til") is None:
        yield "ordning.fast_pa_ordinaer_kontorstad"
    yield from ("ordning.avtaletype_valt", "ordning.arbeidsstad", "ordning.omfang", "ordning.tilgjengelegheit",
                "ordning.arbeidstid", "ordning.utstyr")
    # Rettleiinga 5.3.5: equipment responsibility and document storage in every situation.
    yield "ordning.utstyr_ansvar"
    # heimekontorforskrifta: what a home office's HMS means.
    if verdi("ordning.stad") == "heimekontor":
        yield "hms_lesen"
    # Rettleiinga 5.3.6: the prøveperiode for ordninga belongs to a tilleggsavtale only.
    if verdi("vurdering")["avtaletype"] == "tilleggsavtale":
        yield "ordning.proveperiode_manader"
