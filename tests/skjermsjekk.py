"""What a user sees on a screen, and whether docassemble's own English shows through.

Shared by the engine tests (question HTML from docassemble's formatter) and the browser tests
(the whole page from the real server)."""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORDS = ROOT / "docassemble" / "desentral" / "data" / "sources" / "nn-words.yml"


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
    """English docassemble phrases on a screen, and any \\uXXXX escapes shown as text."""
    tekst = synleg_tekst(html)
    funne = re.findall(r"\\u[0-9a-fA-F]{4}", tekst)
    for frase in engelske_frasar():
        # The substring test first: 1 300 regex searches over a long screen took up to 3 s.
        if frase in tekst and re.search(r"(?<![\w-])" + re.escape(frase) + r"(?![\w-])", tekst):
            funne.append(frase)
    return funne




class _Markup(HTMLParser):
    """Elements and attributes made from typed text, and the text of every textarea."""

    def __init__(self, merke: tuple[str, ...]):
        super().__init__()
        self.merke = merke
        self.funne: list[str] = []
        self.tekstfelt: dict[str, str] = {}
        self._i_tekstfelt: str | None = None
        self._i_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._i_script = True
        if tag == "textarea":
            self._i_tekstfelt = dict(attrs).get("name") or ""
            self.tekstfelt[self._i_tekstfelt] = ""
        for name, value in attrs:
            if (name.startswith("on") or name in ("href", "src", "srcdoc", "data")) and value and \
                    any(m in value for m in self.merke):
                self.funne.append(f"<{tag} {name}={value[:60]!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._i_script = False
        if tag == "textarea":
            self._i_tekstfelt = None

    def handle_data(self, data):
        if self._i_script and any(m in data for m in self.merke):
            self.funne.append(f"<script>{data.strip()[:60]}")
        if self._i_tekstfelt is not None:
            self.tekstfelt[self._i_tekstfelt] += data


def markup_fra_tekst(html: str, port: int) -> tuple[list[str], dict[str, str]]:
    """Issue 12: any script, handler, link or load on a page that came from typed text (each
    hostile value names `window.__x`, the test's listener, YouTube or Vimeo), and each textarea's
    text as the browser would read it (Python's parser, like the browser's, decodes references)."""
    p = _Markup(("__x", f"127.0.0.1:{port}", "youtube", "vimeo"))
    p.feed(html)
    p.close()
    return p.funne, p.tekstfelt
