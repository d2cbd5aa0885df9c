"""What every part of the rules shares: a reason with its source, Nynorsk counts of months and
weeks, deadlines from the rule data, and `Tal`, which reads the legal figures and records which
a decision used. Plain Python; no docassemble import."""
from __future__ import annotations

from datetime import date, timedelta

from .datoar import add_months
from .regelverk import Regelverk, last_regelverk

__all__ = ["Tal", "AVTALETYPAR", "AVTALENAMN", "AVTALETYPE_NAMN", "AVTALETITTEL"]

# The two agreement types of Rettleiinga 5.1, named once (issue 14): as a choice and on screens,
# in a sentence («ei …»), and as the document's title.
AVTALETYPAR = {
    "tilleggsavtale": {"namn": "Tilleggsavtale til arbeidsavtala", "i_setning": "ei tilleggsavtale",
                       "tittel": "Tilleggsavtale om desentralisert arbeid"},
    "arbeidsavtale": {"namn": "Ordinær arbeidsavtale", "i_setning": "ei ordinær arbeidsavtale",
                      "tittel": "Arbeidsavtale"},
}
AVTALETYPE_NAMN = {k: v["namn"] for k, v in AVTALETYPAR.items()}
AVTALENAMN = {k: v["i_setning"] for k, v in AVTALETYPAR.items()}
AVTALETITTEL = {k: v["tittel"] for k, v in AVTALETYPAR.items()}


def kjeldegrunn(tekst: str, kjelde: str) -> dict:
    return {"tekst": tekst, "kjelde": kjelde}


def manader_tekst(n: int) -> str:
    return f"{n} månad" if n == 1 else f"{n} månader"


def frist_etter(start: date, frist: dict) -> date:
    """A deadline from the rule data (`{dagar: n}` or `{manader: n}`), counted from `start`."""
    if "manader" in frist:
        return add_months(start, frist["manader"])
    return start + timedelta(days=frist["dagar"])


def frist_tekst(frist: dict) -> str:
    if "manader" in frist:
        return "éin månad" if frist["manader"] == 1 else f"{frist['manader']} månader"
    return "éin dag" if frist["dagar"] == 1 else f"{frist['dagar']} dagar"


def veker_tekst(n: int) -> str:
    return f"{n} veke" if n == 1 else f"{n} veker"


class Tal:
    """Reads figures from the rule data and records which were used on which date."""

    def __init__(self, regelverk: Regelverk | None = None):
        self.regelverk = regelverk or last_regelverk()
        self._brukte: dict[str, date] = {}

    def __call__(self, key: str, dato: date):
        self._brukte.setdefault(key, dato)
        return self.regelverk[key].ved(dato).verdi

    def brukte(self) -> list[dict]:
        return [self.regelverk[key].som_dict(dato) for key, dato in self._brukte.items()]
