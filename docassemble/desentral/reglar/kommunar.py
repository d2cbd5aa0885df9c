"""The municipalities of Norway from 1 January 2024 (issue 31, item 4): dated data in
data/sources/kommunar-2024.yml with its source and status. Plain Python, no docassemble.

The interview asks in which municipality the employee will work (`ordning.kommune`, the
municipality number); HR's overview counts arrangements per municipality by its name here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

__all__ = ["kommunar", "kommunenamn", "kommuneval", "kjelde", "sorteringsnykel"]

_NORSK = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def sorteringsnykel(tekst: str) -> str:
    """Norwegian alphabetical order: æ, ø, å after z (as a Norwegian reader looks for them)."""
    return tekst.lower().translate(_NORSK)


@lru_cache(maxsize=1)
def _data() -> dict:
    fil = resources.files("docassemble.desentral") / "data" / "sources" / "kommunar-2024.yml"
    return yaml.safe_load(fil.read_text("utf-8"))


def kommunar() -> dict[str, str]:
    """Municipality number -> official name."""
    return dict(_data()["kommunar"])


def kommunenamn(nummer: str | None) -> str | None:
    """The name of a municipality number, or None for none or an unknown number."""
    return _data()["kommunar"].get(str(nummer)) if nummer else None


def kommuneval() -> list[dict[str, str]]:
    """The choices for the interview's list: «Namn (nummer)», in Norwegian order."""
    return [{nr: f"{namn} ({nr})"} for nr, namn in sorted(_data()["kommunar"].items(),
                                                           key=lambda p: sorteringsnykel(p[1]))]


def kjelde() -> dict[str, str]:
    """Where the list comes from, from which day it applies and whether it is checked."""
    d = _data()
    return {"kjelde": d["kjelde"], "url": d["url"], "gjeld_fra": str(d["gjeld_fra"]), "status": d["status"]}
