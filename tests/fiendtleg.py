"""Hostile values (issue 6) and how a test finds them again in a document's text.

Every value is wrapped in markers naming its field and its place («ZQ3a7» … «ZQ3b7»), so a check
that finds it in the PDF or DOCX text knows it came through that field, literally, and cannot be
satisfied by the template's own text.
"""
from __future__ import annotations

import re
import unicodedata

# Words of at most four letters: LaTeX never hyphenates them, so the line comes back whole.
LANG_LINJE = ("Ein to tre fire fem seks sju åtte ni ti " * 60)[:2000].strip()

VERDIAR = [
    r"\input{/etc/hostname}",
    r"\write18{id}",
    r"`\input{x}`{=latex}",
    "$x^2$",
    "# Overskrift",
    "**feit**",
    "[lenkje](javascript:alert(1))",
    "![bilete](/etc/passwd)",
    "${ 7*7 }",
    "<% import os %>",
    "<script>alert(1)</script>",
    "%",
    "&",
    "_",
    "~",
    "^",
    "\\",
    "{}",
    "Emoji 😀 👍🏽 ❤️",
    "שלום עולם",  # Hebrew, right to left
    "مرحبا",  # Arabic, right to left and joined
    "e\u0301 o\u0308 a\u030a",  # combining marks (as macOS sends them), each with a composed form
]

# Issue 27: names that reach a document's metadata as well as its text: raw TeX that changes
# catcodes or uses ^^ notation (pdfx read such a name as LaTeX and stopped the PDF), Mako, HTML,
# docassemble's markup, right-to-left text and emoji — each at most 200 characters (a name).
TEX_NAMN = r"Kari \makeatletter\@gobble ^^5c^^M \catcode`\{=12 # % ~ }{ <b>N</b> ${ 7*7 } [FILE 1] 😀 שלום"
TEX_VERKSEMD = r"Dir. \def\x{y}\x \csname end\endcsname \iffalse $x$ & <i>AS</i> [QR x] مرحبا"

# What must never show up: file content or command output from the values above.
FORBODNE = [
    re.compile(r"uid=\d+"),  # output of id (\write18{id})
    re.compile(r"root:x:0:0"),  # /etc/passwd
    re.compile(r"(?<![\w{])49(?!\w)"),  # ${ 7*7 } evaluated
]

# Bidirectional controls pdftotext adds around right-to-left runs, and the emoji variation
# selector the PDF font does not keep: layout, not content.
_LAYOUT = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufe0f\u00ad]")


def bokstavleg(tekst: str) -> str:
    """Text compared character by character: NFC, without layout controls and whitespace
    (pdftotext breaks lines and moves spaces at right-to-left boundaries)."""
    tekst = _LAYOUT.sub("", unicodedata.normalize("NFC", tekst))
    return re.sub(r"\s+", "", tekst)


def merkt(felt_nr: int, verdi_nr: int, verdi: str) -> str:
    return f"ZQ{felt_nr}a{verdi_nr} {verdi} ZQ{felt_nr}b{verdi_nr}"


def fordel(felt: list[tuple[str, int]], runde: int, rundar: int, forskyv: bool = False) -> dict[str, str]:
    """The values for each field in round `runde` of `rundar`: a long field (limit > 200) gets
    every value and the 2 000-character line in round 0; a short field gets every `rundar`-th
    value, so after all rounds each field has had each value. `forskyv`: short field number k
    takes round `runde + k`, so one round sends every value through some short field."""
    ut = {}
    for nr, (namn, maks) in enumerate(felt):
        if maks > 200:
            verdiar = list(enumerate(VERDIAR)) if runde == 0 else [(0, VERDIAR[0])]
            tekst = "\n".join(merkt(nr, i, v) for i, v in verdiar)
            if runde == 0:
                tekst += "\n" + merkt(nr, 99, LANG_LINJE)
        else:
            r = (runde + nr) % rundar if forskyv else runde
            verdiar = [(i, v) for i, v in enumerate(VERDIAR) if i % rundar == r]
            tekst = " ".join(merkt(nr, i, v) for i, v in verdiar)
        assert len(tekst) <= maks, (namn, len(tekst))
        ut[namn] = tekst
    return ut


def forventa(verdiar: dict[str, str]) -> list[str]:
    """Each marked value in the given field values, to look for in a document."""
    ut = []
    for namn in verdiar:
        ut += re.findall(r"ZQ\d+a\d+ .*? ZQ\d+b\d+", verdiar[namn], flags=re.S)
    return ut


# The PDF's page footer and a draft's page header (issue 13), which interrupt text that runs
# over a page break.
_SIDEFOT = re.compile(r"^[ \t\f]*(?:Side \d+ av \d+|UTKAST – ikkje godkjent av arbeidsgivaren)[ \t]*$", flags=re.M)


def manglar_i(dokumenttekst: str, forventa_verdiar: list[str]) -> list[str]:
    """The expected values not found literally in a document's text (the PDF's page footers,
    which interrupt a value that runs over a page break, taken out first); shortened for the
    failure message."""
    d = bokstavleg(_SIDEFOT.sub("", dokumenttekst))
    return [v[:90] for v in forventa_verdiar if bokstavleg(v) not in d]


# A signed agreement prints the time of each signature in Norwegian time and UTC («kl. 01.49»,
# «2026-12-03 10.49 UTC»): a clock, not an evaluated «7*7», so it is taken out before the search
# (a fresh-clone run failed on a UTC minute of 49).
_KLOKKESLETT = re.compile(r"(kl\.\s+|\d{4}-\d{2}-\d{2}\s+)\d{2}\.\d{2}")


def forbodne_i(dokumenttekst: str) -> list[str]:
    tekst = _KLOKKESLETT.sub(r"\1–", dokumenttekst)
    return [m.group(0) for f in FORBODNE for m in [f.search(tekst)] if m]


# Issue 12: what an attacker types to run script in another user's browser, make the server
# fetch an address (docassemble's [FILE …]/[QR …]), embed a frame or a target, or inject Markdown
# and Mako. `{PORT}` is a listener the test starts on 127.0.0.1, which must get no request.
SKADELEGE_MALAR = [
    "</textarea><img src=x onerror=window.__x=10>",
    "</textarea><svg onload=window.__x=11>",
    '"><svg onload=window.__x=12>',
    "'><img src=x onerror=window.__x=13>",
    "<script>window.__x=14</script>",
    "[lenkje](javascript:window.__x=15)",
    '<a href="javascript:window.__x=16">lenkje</a>',
    "[FILE http://127.0.0.1:{PORT}/fil.png]",
    "[FILE http://127.0.0.1:{PORT}/fil.png, 100%]",
    "[QR http://127.0.0.1:{PORT}/qr]",
    "[YOUTUBE abc123]",
    "[VIMEO 123]",
    "[TARGET mal]",
    "[EMOJI http://127.0.0.1:{PORT}/e.png, 1em]",
    "[BR] [NBSP] [[vilkår]] :fire:",
    "![bilete](http://127.0.0.1:{PORT}/md.png)",
    "**feit** # ikkje overskrift",
    "${ 7*7 } <%text>x</%text>",
]


def skadelege(port: int) -> list[str]:
    return [m.replace("{PORT}", str(port)) for m in SKADELEGE_MALAR]


# What a page must not contain once such text is on it: an element or attribute that runs
# script or loads something the user did not choose.
FARLEGE_TAGGAR = {"script", "img", "svg", "iframe", "object", "embed"}
