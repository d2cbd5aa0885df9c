"""Helpers for the tests that run the interviews on docassemble's own engine."""
from __future__ import annotations

import functools
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORDS = ROOT / "docassemble" / "desentral" / "data" / "sources" / "nn-words.yml"

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
    "tilsetjing": {"arbeidstakar.tilsett_fra": "2021-03-01", "arbeidstakar.mellombels": False},
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
    "heimekontor": {"ordning.utstyr_ansvar": "Verksemda eig, driftar og vedlikeheld utstyret.",
                    "ordning.dokumenthandtering": "Teiepliktige dokument blir ikkje skrivne ut heime."},
    "hms": {"hms_lesen": True},
    "proveperiode": {"ordning.proveperiode_manader": 3, "ordning.proveperiode_varsel_veker": 2,
                     "ordning.oppseiingsfrist_manader": 2},
    "vurdering": {"vurdering_lesen": True},
    "gjennomgang": {"gjennomgang_ferdig": True},
}

SLUTTSKJERMAR = ("avtale-ferdig", "utanfor-omfang")


class _Tekst(HTMLParser):
    """Visible text of a screen, plus the attributes a screen reader or a tooltip shows."""

    def __init__(self):
        super().__init__()
        self.deler: list[str] = []
        self._skjult = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skjult += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.deler.append(value)
            if tag == "input" and name == "value" and dict(attrs).get("type") in ("submit", "button") and value:
                self.deler.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skjult:
            self._skjult -= 1

    def handle_data(self, data):
        if not self._skjult and data.strip():
            self.deler.append(data.strip())


def synleg_tekst(html: str) -> str:
    p = _Tekst()
    p.feed(html)
    return "\n".join(p.deler)


# Single English words from docassemble's phrase list that are also Nynorsk (or names).
OGSA_NYNORSK = {"Send", "Chat", "Markdown", "Google", "Facebook", "Azure", "Keycloak", "Zitadel",
                "Authentik", "Auth0", "miniOrange", "DOCX", "PDF", "RTF", "Status", "Info", "Logo"}


@functools.lru_cache(maxsize=1)
def engelske_frasar() -> tuple[str, ...]:
    """docassemble's own phrases (base-words.yml), less what is the same in Nynorsk: none of
    them may show in English on a screen."""
    import docassemble.base  # noqa: PLC0415

    base = yaml.safe_load((Path(docassemble.base.__file__).parent / "data" / "sources" /
                           "base-words.yml").read_text("utf-8"))
    nn = yaml.safe_load(WORDS.read_text("utf-8"))["nn"]
    frasar = []
    for k in base:
        if k in nn and nn[k].strip().lower() == k.strip().lower():
            continue
        if " " in k.strip() or (len(k) >= 4 and k.isalpha() and k not in OGSA_NYNORSK):
            frasar.append(k)
    return tuple(sorted(frasar, key=len, reverse=True))


def engelsk_pa_skjerm(html: str) -> list[str]:
    tekst = synleg_tekst(html)
    funne = []
    for frase in engelske_frasar():
        if re.search(r"(?<![\w-])" + re.escape(frase) + r"(?![\w-])", tekst):
            funne.append(frase)
    return funne


def pdf_tekst(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


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
    tekst = re.sub(r"\n\s*Side \d+ av \d+\s*\n", "\n", tekst)  # the PDF's page footer
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
