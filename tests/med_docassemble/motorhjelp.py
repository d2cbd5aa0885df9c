"""Helpers for the tests that run the interviews on docassemble's own engine."""
from __future__ import annotations

import re
from pathlib import Path

from pdftekst import pdftotext
from skjermsjekk import engelsk_pa_skjerm, synleg_tekst  # noqa: F401 - re-exported for the tests

ROOT = Path(__file__).resolve().parents[2]

# A complete set of answers, by screen id, that scenarios override.
SVAR_HEIMEKONTOR = {
    "intro": {"intro_lesen": True},
    "arbeidstakar": {"arbeidstakar.namn": "Kari Nordmann", "arbeidstakar.stilling": "seniorrådgivar",
                     "arbeidstakar.bustad": "Storgata 1, 2680 Vågå", "arbeidstakar.nytilsett": False},
    "verksemd": {"verksemd.namn": "Direktoratet for døme", "verksemd.ordinaer_kontorstad": "Oslo"},
    "stad": {"ordning.stad": "heimekontor"},
    "dagpendling": {"ordning.dagpendling_realistisk": False,
                    "ordning.dagpendling_grunngjeving": "Om lag fem timar kvar veg."},
    "samtykke": {"ordning.samtykke_arbeidstakar": True, "ordning.samtykke_arbeidsgivar": True},
    "tilsetjing": {"arbeidstakar.tilsett_fra": "2021-03-01", "arbeidstakar.mellombels": False,
                   "arbeidstakar.stillingsprosent": 100},
    "periode": {"ordning.fra": "2027-01-01", "ordning.fra_passert_stadfesta": False,
                "ordning.tidsavgrensa": True},
    "sluttdato": {"ordning.sluttdato": "2027-12-31"},
    "avtaletype": {"ordning.avtaletype_valt": "tilleggsavtale"},
    "arbeidsstad": {"ordning.arbeidsstad": "Storgata 1, 2680 Vågå"},
    "omfang": {"ordning.omfang_form": "heile"},
    "tilgjengelegheit": {"ordning.tilgjengeleg_tidsrom": "i kjernetida kl. 09:00–14:30",
                         "ordning.tilgjengeleg_kanalar": ["telefon", "e-post", "videomøte"],
                         "ordning.fysiske_mote": "Avdelingsmøtet første tysdag i månaden."},
    "arbeidstid": {"ordning.fleksitid": True, "ordning.tidsregistrering": "i tidsregistreringssystemet til verksemda"},
    "utstyr": {"ordning.utstyr": "Berbar PC, skjerm og hovudtelefonar.",
               "ordning.tryggingsreglar": "Reglane for informasjonstryggleik i verksemda gjeld."},
    "utstyr-ansvar": {"ordning.utstyr_ansvar": "Verksemda eig, driftar og vedlikeheld utstyret.",
                    "ordning.dokumenthandtering": "Teiepliktige dokument blir ikkje skrivne ut heime."},
    "hms": {"hms_lesen": True},
    "proveperiode": {"ordning.proveperiode_manader": 3, "ordning.proveperiode_varsel_veker": 2,
                     "ordning.oppseiingsfrist_manader": 2},
    "vurdering": {"vurdering_lesen": True},
    "gjennomgang": {"gjennomgang_ferdig": True},
    "innsending": {"innsending_stadfesta": True},
}


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
