"""Typed text on a docassemble screen: one way out, so a screen shows the characters typed.

Text an employee or HR typed reaches a screen in two kinds of place, and each has one helper:

- **Markdown** — question, subquestion, `under`, help, review buttons, choice labels, table cells:
  docassemble first replaces its own markup in the text (`[FILE …]`, `[QR …]`, `[YOUTUBE …]`,
  `[VIMEO …]`, `[TARGET …]`, `[EMOJI …]`, `[MAP …]`, `[BR]`, `[NBSP]`, `[[term]]`, `:icon:`;
  docassemble/base/filter/html.py, `html_filter` and `markdown_to_html`), then runs Markdown, which
  passes HTML through. `[FILE http://…]` makes the *server* fetch the address. `skjerm()` writes
  every character those steps read as markup as a character reference, so none of them sees it.
- **A field's own value** — an input's `value` attribute or a textarea's text: docassemble writes
  it into the page unescaped (standardformatter `input_for`), so `</textarea>` in a value ends
  the textarea. `feltverdi()` escapes it; the package's text datatype (felttype.py) gives every
  free-text field's value to docassemble through it.

Plain Python; no docassemble import.
"""
from __future__ import annotations

import html

__all__ = ["skjerm", "skjerm_val", "feltverdi", "html_tabell"]

# HTML's special characters, and the ASCII punctuation that Python-Markdown or docassemble's
# filters read as markup, each written as a character reference in one pass (so a reference is
# never escaped again), which no regular expression of docassemble's and no Markdown rule matches.
_SKJERM_TEIKN = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-.!|:~^$%="}


def skjerm(tekst: object) -> str:
    """User text for any Markdown place on a screen: every character as itself, line breaks
    kept. The screen counterpart of `dokument.trygg()`."""
    if tekst is None:
        return ""
    linjer = str(tekst).replace("\r\n", "\n").split("\n")
    return "<br>".join(linje.translate(_SKJERM_TEIKN) for linje in linjer)


def skjerm_val(tekst: object) -> str:
    """User text as the label of a dropdown choice. docassemble writes an <option>'s text
    through BeautifulSoup's `get_text()` (filter/html.py, `markdown_to_html(escape='option')`),
    which turns character references back into characters and re-escapes only `<` and `>`, so
    a typed `&amp;` showed as `&`: one more level for `&` keeps every typed character."""
    return skjerm(tekst).replace("&", "&#38;")


def feltverdi(tekst: object) -> str:
    """A field's current or default value as docassemble writes it into the page (not through
    Markdown): HTML-escaped, so the browser shows and sends back exactly the text."""
    if tekst is None:
        return ""
    return html.escape(str(tekst), quote=True)


def html_tabell(overskrifter: list[str], rader: list[list]) -> str:
    """A table for a screen, as HTML; every cell is text through `skjerm()`, never markup."""
    hovud = "".join(f'<th scope="col">{skjerm(o)}</th>' for o in overskrifter)
    kropp = "".join("<tr>" + "".join(f"<td>{skjerm(c)}</td>" for c in rad) + "</tr>" for rad in rader)
    return f'<table class="table table-sm"><thead><tr>{hovud}</tr></thead><tbody>{kropp}</tbody></table>'
