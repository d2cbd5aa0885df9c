"""Helpers for the tests that run the interviews on docassemble's own engine."""
from __future__ import annotations

import re
from pathlib import Path

from pdftekst import pdftotext
from scenariokorpus import KORPUS, last
from skjermsjekk import engelsk_pa_skjerm, synleg_tekst  # noqa: F401 - re-exported for the tests

ROOT = Path(__file__).resolve().parents[2]

# A complete set of answers, by screen id, that tests override: the corpus's home office on a
# tilleggsavtale (tests/scenario/heimekontor_tilleggsavtale.yml; scripts/lastfil.py reads it too).
SVAR_HEIMEKONTOR = last(KORPUS / "heimekontor_tilleggsavtale.yml")["skjermar"]


def ny_okt(motor, **brukar):
    """An employee's session, signed in (the hand-over to HR needs a user)."""
    brukar = {"epost": "kari.nordmann@example.com", "brukar_id": 7, **brukar}
    return motor.okt("tilsett.yml", **brukar)

SLUTTSKJERMAR = ("avtale-ferdig", "utanfor-omfang")


def pdf_tekst(path: Path) -> str:
    return pdftotext(path, "-layout")


def docx_tekst(path: Path) -> str:
    import docx  # noqa: PLC0415 - python-docx comes with docassemble

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def docx_sprak(path: Path) -> set[str]:
    import zipfile  # noqa: PLC0415

    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    return set(re.findall(r'w:lang [^>]*?w:val="([^"]+)"', styles))


def normaliser(tekst: str) -> str:
    """Text without layout: one space between words (pdftotext breaks lines and hyphenates)."""
    tekst = re.sub(r"(?m)^[ \t\f]*(?:Side \d+ av \d+|UTKAST – ikkje godkjent av arbeidsgivaren)[ \t]*$", "", tekst)  # the PDF's page footer, a draft's header
    tekst = re.sub(r"\f", "\n", tekst)
    return re.sub(r"\s+", " ", tekst).strip()


def gjennom(okt, svar: dict, maks: int = 40) -> list:
    """Answer each screen from `svar` (by screen id) until an end screen; the screens passed."""
    skjermar = [okt.skjerm]
    for _ in range(maks):
        s = okt.skjerm
        if s.id in SLUTTSKJERMAR:
            return skjermar
        if s.id not in svar:
            raise AssertionError(f"uventa skjerm {s.id!r} ({s.variablar})")
        okt.svar(svar[s.id])
        skjermar.append(okt.skjerm)
    raise AssertionError("intervjuet kom ikkje til ein sluttskjerm")
