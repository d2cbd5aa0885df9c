# do not pre-load
"""PDF through Pandoc and Typst (issue 29): the assembled Markdown → Pandoc's Typst writer →
Typst → PDF/A-2a and PDF/UA-1 (tagged, language nn-NO), in the worker's own process.

A lualatex run cost 1.5–3 s of CPU per agreement and gave an untagged PDF/A-2b. Here Pandoc
writes Typst with the package's template (data/templates/desentral.typ, beside the Markdown
templates) and Lua filter (desentral.lua: text is text, images with alt text, «Held saman»),
and one Typst compiler per process, loaded once, compiles it in well under a tenth of a second.

Typed text never becomes Typst code: the body comes from Pandoc (the filter escapes every
character of every text element) and the document's title, draft mark and footer reach the
template as strings in one JSON input (`sys.inputs.inn`), which Typst reads as data.

Pandoc: the lowest release whose Typst output this package has checked is 3.5 (that of
pypandoc-binary 1.15; 3.6, 3.8 and 3.9 too). Debian 12 has 2.17 and docassemble's images have
carried 2.17 to 3.1.6 (jhpyle/docassemble-os install_pandoc.sh), so such a server installs
pypandoc-binary (docs/deployment.md «What the server needs»). The first usable one of: the path in `desentral: pandoc`, docassemble's `pandoc`, the
`pandoc` on PATH, the one in `pypandoc-binary` if installed. Plain Python; no docassemble import.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["PdfFeil", "lag_pdf", "varm", "finn_pandoc", "pandoc_versjon", "MINSTE_PANDOC", "STANDARDAR", "MAL", "FILTER",
           "FRA", "skrifter"]

MINSTE_PANDOC = (3, 5)
# PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible): Typst checks both while it writes.
STANDARDAR = ["a-2a", "ua-1"]
_MALAR = Path(__file__).resolve().parents[1] / "data" / "templates"
MAL = _MALAR / "desentral.typ"
FILTER = _MALAR / "desentral.lua"
# The Markdown the LaTeX path reads (docassemble's `markdown+raw_tex-latex_macros`, so
# dokument.trygg() means the same on both paths), without heading labels (nothing links to
# them) and without implicit figures (a signature is an image with alt text, not a figure).
FRA = "markdown+raw_tex-latex_macros-auto_identifiers-implicit_figures"
# The body font first (New Computer Modern: the LaTeX template's Latin Modern, embedded in
# Typst), then the fonts that have what a typed name may hold and it lacks (Hebrew, Arabic,
# emoji), each used only where installed (see skrifter()).
SKRIFTER = ("New Computer Modern", "DejaVu Sans", "FreeSerif", "Symbola")
PANDOC_TID = 60

log = logging.getLogger("docassemble.desentral")


class PdfFeil(RuntimeError):
    """No PDF can be made; the message (Nynorsk) names what the administrator can change."""


@lru_cache(maxsize=16)
def pandoc_versjon(sti: str) -> tuple[int, ...] | None:
    """The version of the pandoc at `sti` (a path or a name on PATH), or None if it does not run."""
    full = shutil.which(sti)
    if not full:
        return None
    try:
        ut = subprocess.run([full, "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.match(r"pandoc\S*\s+(\d+(?:\.\d+)*)", ut)
    return tuple(int(x) for x in m.group(1).split(".")) if m else None


def _pypandoc_binary() -> str | None:
    """The pandoc inside an installed `pypandoc-binary` (found without importing pypandoc)."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or not spec.origin:
        return None
    sti = Path(spec.origin).parent / "files" / "pandoc"
    return str(sti) if sti.is_file() else None


def _tekst(versjon: tuple[int, ...] | None) -> str:
    return ".".join(map(str, versjon)) if versjon else "ukjend"


def finn_pandoc(eigen: str | None = None, docassemble: str | None = None) -> str:
    """The pandoc to use: `eigen` (config `desentral: pandoc`) if set, which must then be new
    enough; otherwise the first new enough of docassemble's `pandoc`, PATH's, pypandoc-binary's."""
    minst = _tekst(MINSTE_PANDOC)
    if eigen:
        versjon = pandoc_versjon(str(eigen))
        if versjon is None or versjon < MINSTE_PANDOC:
            raise PdfFeil(f"Pandoc i «desentral: pandoc» ({eigen}) har versjon {_tekst(versjon)}; PDF-en "
                          f"treng Pandoc {minst} eller nyare. Rett stien, eller set «desentral: pdf: latex».")
        return str(shutil.which(str(eigen)))
    prova = []
    for sti in (docassemble or "pandoc", "pandoc", _pypandoc_binary()):
        if sti and sti not in prova:
            prova.append(sti)
            versjon = pandoc_versjon(sti)
            if versjon is not None and versjon >= MINSTE_PANDOC:
                return str(shutil.which(sti))
    funne = ", ".join(f"{s} ({_tekst(pandoc_versjon(s))})" for s in prova)
    raise PdfFeil(f"Fann ingen Pandoc {minst} eller nyare (prøvde {funne}). Installer pypandoc-binary på "
                  f"tenaren, set stien i «desentral: pandoc», eller set «desentral: pdf: latex».")


# One compiler per process, made on the first PDF: it finds and loads the fonts (about 1 s),
# which later compiles reuse. Typst's compiler is not used from two threads at once.
_kompilator = None
_skrifter: tuple[str, ...] = ()
_laas = threading.Lock()


def _typst():
    global _kompilator, _skrifter
    if _kompilator is None:
        import typst  # noqa: PLC0415 - loaded on the first PDF only

        fontar = typst.Fonts()
        familiar = set(fontar.families())
        _skrifter = tuple(s for s in SKRIFTER if s in familiar)
        _kompilator = typst.Compiler(font_paths=fontar)
    return _kompilator


def varm() -> None:
    """Load the compiler and its fonts now (dokumentformat starts this in a thread when an
    interview loads it, so the first agreement a worker makes does not wait for the fonts)."""
    with _laas:
        _typst()


def skrifter() -> tuple[str, ...]:
    """The fonts of SKRIFTER this server has, in order (Typst warns about a missing one)."""
    with _laas:
        _typst()
        return _skrifter


def lag_pdf(markdown: str, *, tittel: str, utkast: str = "", sidefot: str = "", pandoc: str | None = None) -> bytes:
    """The PDF (PDF/A-2a, PDF/UA-1) of an assembled document's Markdown. `tittel` is printed as
    its first heading and named in its metadata; `utkast`, if set, stands at the top of every
    page; `sidefot` replaces «Side X av Y». Raises PdfFeil when Pandoc or Typst fails."""
    pandoc = pandoc or finn_pandoc()
    # Canonically the same text, composed: Typst 0.15 maps a base letter and a combining mark
    # to the pair twice in the PDF's text (typst/typst#8767), so «e» + U+0301 came out as «éé»
    # to a screen reader; «é» does not. A pair with no composed form is still affected.
    markdown, tittel, utkast, sidefot = (unicodedata.normalize("NFC", t) for t in (markdown, tittel, utkast, sidefot))
    with tempfile.TemporaryDirectory(prefix="desentral-typst-") as mappe:
        rot = Path(mappe)
        (rot / "dokument.md").write_text(markdown, encoding="utf-8")
        try:
            subprocess.run([pandoc, "--from", FRA, "--to", "typst", "--template", str(MAL),
                            "--lua-filter", str(FILTER), "--output", "dokument.typ", "dokument.md"],
                           cwd=rot, capture_output=True, text=True, timeout=PANDOC_TID, check=True)
        except subprocess.CalledProcessError as feil:
            raise PdfFeil(f"Pandoc kunne ikkje lage Typst-fila: {feil.stderr.strip()[-500:]}") from feil
        except subprocess.TimeoutExpired as feil:
            raise PdfFeil(f"Pandoc svarte ikkje innan {PANDOC_TID} s.") from feil
        with _laas:
            kompilator = _typst()
            # One input holding all values (the template's comment says why).
            inn = json.dumps({"tittel": tittel, "utkast": utkast, "sidefot": sidefot,
                              "skrifter": "\n".join(_skrifter)}, ensure_ascii=False)
            try:
                pdf, varsel = kompilator.compile_with_warnings(
                    input=str(rot / "dokument.typ"), root=str(rot), format="pdf",
                    pdf_standards=STANDARDAR, sys_inputs={"inn": inn})
            except Exception as feil:  # noqa: BLE001 - typst.TypstError and I/O errors alike
                melding = getattr(feil, "message", None) or str(feil)
                raise PdfFeil(f"Typst kunne ikkje lage PDF-en: {melding}") from feil
    for v in varsel or ():
        log.warning("desentral: Typst: %s", getattr(v, "message", v))
    return pdf
