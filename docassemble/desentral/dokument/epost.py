"""Every e-mail the package sends, built in one place (issue 27).

The wording is in `data/templates/epost.yml` (Nynorsk, one entry per kind of mail); the values
put into it — names an employee or HR typed among them — are data: in the plain-text part they
stay as typed on one line (no control characters or line breaks that could fake a line of the
message), in the HTML part every value and every piece of the template is HTML-escaped, so a
name like `<a href=…>Klikk her</a>` arrives as those characters, never as a link or an image.
docassemble's `send_email` would otherwise build the HTML part by plain concatenation of the
text. The builder is plain Python (tested without a server); `send_epost` hands the two parts to
docassemble.
"""
from __future__ import annotations

import html
import re
import string
import textwrap
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["Epost", "lag_epost", "send_epost", "tekstverdi"]

_KONTROLL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# docassemble's mail (Flask-Mail) sends UTF-8 bodies unencoded, and SMTP refuses a line over 998
# bytes (RFC 5321 4.5.3.1.6): a reminder listing many cases on one HTML line was refused. Every
# line is wrapped at spaces (a typed value is at most 200 characters, so no word comes near).
BREIDD = 76


def _bryt(tekst: str, innrykk: str = "") -> str:
    return "\n".join(textwrap.wrap(tekst, BREIDD, subsequent_indent=innrykk, break_long_words=False,
                                   break_on_hyphens=False)) or tekst


@dataclass(frozen=True)
class Epost:
    emne: str
    tekst: str
    html: str


def tekstverdi(verdi: object) -> str:
    """A value for the plain-text part: as typed, with no line break of its own (the message
    wraps its lines at spaces)."""
    return _KONTROLL.sub(" ", "" if verdi is None else str(verdi)).strip()


def _malar() -> dict:
    tekst = (resources.files("docassemble.desentral") / "data" / "templates" / "epost.yml").read_text("utf-8")
    return yaml.safe_load(tekst)


def _fyll(mal: str, verdiar: dict, som_html: bool) -> str:
    """`mal` with its {fields} filled in; for HTML the template's own text and each value are
    escaped separately (a value can never close or open a tag)."""
    ut = []
    for bokstavleg, felt, _, _ in string.Formatter().parse(mal):
        ut.append(html.escape(bokstavleg) if som_html else bokstavleg)
        if felt is not None:
            verdi = tekstverdi(verdiar[felt])
            ut.append(html.escape(verdi, quote=True) if som_html else verdi)
    return "".join(ut)


def lag_epost(kva: str, verdiar: dict | None = None, liste: list[dict] | None = None) -> Epost:
    """The mail `kva` of epost.yml: `innleiing` (paragraphs), then one `linje` per item of
    `liste`, then `avslutning`; `verdiar` fill the fields of every part."""
    mal = _malar()[kva]
    verdiar = verdiar or {}
    avsnitt = [a for a in (mal.get("innleiing") or "").strip().split("\n\n") if a]
    slutt = [a for a in (mal.get("avslutning") or "").strip().split("\n\n") if a]
    linjer = [dict(verdiar, **rad) for rad in liste or []]
    tekst = [_bryt(_fyll(" ".join(a.split()), verdiar, False)) for a in avsnitt]
    if linjer:
        tekst.append("\n".join(_bryt("- " + _fyll(mal["linje"], rad, False), "  ") for rad in linjer))
    tekst += [_bryt(_fyll(" ".join(a.split()), verdiar, False)) for a in slutt]
    html_del = [f"<p>{_bryt(_fyll(' '.join(a.split()), verdiar, True))}</p>" for a in avsnitt]
    if linjer:
        html_del.append("<ul>\n" + "\n".join(f"<li>{_bryt(_fyll(mal['linje'], rad, True))}</li>" for rad in linjer)
                        + "\n</ul>")
    html_del += [f"<p>{_bryt(_fyll(' '.join(a.split()), verdiar, True))}</p>" for a in slutt]
    return Epost(emne=_fyll(mal["emne"], verdiar, False),
                 tekst="\n\n".join(tekst) + "\n",
                 html='<html lang="nn"><body>\n' + "\n".join(html_del) + "\n</body></html>\n")


def send_epost(til: str, epost: Epost) -> bool:
    """Send a mail made by lag_epost to `til` through docassemble's own mail (the server's `mail`
    config), with both its parts; False when the server has no mail or sending failed (never
    raises: a notice must not stop what the person did)."""
    from docassemble.base.util import get_config, send_email  # noqa: PLC0415 - only on a server

    if not til or not get_config("mail"):
        return False
    try:
        return bool(send_email(to=til, subject=epost.emne, body=epost.tekst, html=epost.html))
    except Exception:  # noqa: BLE001 - a failed notice must not lose what was stored
        return False
