"""The scenario corpus (issue 30): tests/scenario/*.yml, one file per case, OpenFisca-style.

Each file holds what an employee answers screen by screen (`skjermar`, variable -> value, as the
engine and the browser tests answer them), the answer file the interview must make of it
(`svarfil`, the rules' input), the day the rules decide on (`dato`), and what must come of it
(`forventa`: the end screen, the decision's fields, the timeline's dates and sources, and sentences
both the PDF and the DOCX hold). The rule tests, the engine tests and the browser tests read the
same files through this module."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

KORPUS = Path(__file__).resolve().parent / "scenario"
AVGJERD_FELT = ("i_omfang", "situasjon", "avtaletype", "avvisingsgrunn", "manglar")


def filer() -> list[Path]:
    return sorted(KORPUS.glob("*.yml"))


def _tekst(verdi):
    """A screen answer as a form carries it: dates as ISO text."""
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, list):
        return [_tekst(v) for v in verdi]
    return verdi


def last(fil: Path) -> dict:
    data = yaml.safe_load(fil.read_text("utf-8"))
    assert set(data) == {"namn", "kjelder", "dato", "skjermar", "svarfil", "forventa"}, (fil.name, sorted(data))
    assert set(data["forventa"]) == {"skjerm", "avgjerd", "tidslinje", "dokument"}, fil.name
    data["skjermar"] = {skjerm: {k: _tekst(v) for k, v in (verdiar or {}).items()}
                        for skjerm, verdiar in data["skjermar"].items()}
    data["id"] = fil.stem
    return data


def alle() -> list[dict]:
    return [last(f) for f in filer()]


def avgjerd_avvik(scenario: dict, avgjerd: dict) -> dict:
    """The decision's fields that differ from the scenario's, as {field: (expected, got)}."""
    return {k: (v, avgjerd.get(k)) for k, v in scenario["forventa"]["avgjerd"].items() if avgjerd.get(k) != v}


def tidslinje(rader) -> list[dict]:
    """A timeline as the scenario states it: kind, date and source of each row."""
    return [{"kva": r["kva"], "dato": r["dato"], "kjelde": r["kjelde"]} for r in rader]


def svarfil_som_tekst(svarfil: dict) -> dict:
    """The answer file with dates as ISO text and multi-line text as stored (for comparing)."""
    return {seksjon: {k: (v.isoformat() if isinstance(v, date) else v) for k, v in verdiar.items()}
            for seksjon, verdiar in svarfil.items()}
