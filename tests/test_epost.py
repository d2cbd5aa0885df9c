"""Every e-mail comes from one helper (issue 27, item 2): the wording from epost.yml, typed values
as typed in the text part (on one line) and escaped in the HTML part, so an employee's name can
never become a link or an image in HR's inbox. The real SMTP path: tests/nettlesar/test_paaminning.py."""
from __future__ import annotations

from html.parser import HTMLParser

from docassemble.desentral.dokument.epost import lag_epost, tekstverdi

FIENDTLEG = ('<a href="http://127.0.0.1:9/x">Klikk her</a><img src="http://127.0.0.1:9/spor.png"> '
             "${ 7*7 } [FILE x] **feit** {dagar} \u202eesrever")


class Taggar(HTMLParser):
    def __init__(self):
        super().__init__()
        self.taggar: set[str] = set()
        self.tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.taggar.add(tag)
        assert not attrs or tag == "html", (tag, attrs)

    def handle_data(self, data):
        self.tekst.append(data)


def lesen(html: str) -> Taggar:
    t = Taggar()
    t.feed(html)
    return t


def test_paaminninga_har_skrivne_namn_som_tekst_i_begge_delar():
    epost = lag_epost("paaminning", {"dagar": 30},
                      [{"namn": FIENDTLEG + "\nFalsk linje: http://127.0.0.1:9/", "verksemd": "A & B <i>AS</i>",
                        "kva": "Prøveperioden for ordninga sluttar 31. mars 2027", "kjelde": "Rettleiinga 5.3.6"}])
    assert epost.emne == "Påminning: datoar for avtaler om desentralisert arbeid"
    # Text part: the name as typed (a typed line break cannot fake a line of its own: the item is
    # one paragraph, its lines wrapped at spaces and indented).
    punkt = epost.tekst.split("\n\n")[1]
    assert punkt.startswith("- ") and all(line.startswith("  ") for line in punkt.splitlines()[1:])
    assert _eitt(punkt) == _eitt(f"- {FIENDTLEG} Falsk linje: http://127.0.0.1:9/ (A & B <i>AS</i>): Prøveperioden for "
                                 "ordninga sluttar 31. mars 2027 (Rettleiinga 5.3.6)")
    assert "innan 30 dagar" in _eitt(epost.tekst)
    # HTML part: only the template's own tags; the name is text, not a link or an image.
    html = lesen(epost.html)
    assert html.taggar == {"html", "body", "p", "ul", "li"}
    assert _eitt(FIENDTLEG) in _eitt("".join(html.tekst)) and "A & B <i>AS</i>" in _eitt("".join(html.tekst))


def _eitt(tekst: str) -> str:
    return " ".join(tekst.split())


def test_ingen_linje_er_for_lang_for_smtp():
    """RFC 5321 4.5.3.1.6: a line of at most 998 bytes; docassemble's mail sends UTF-8 unencoded.
    A reminder of 400 cases with the longest names (200 characters, each escaped to 4) still fits."""
    namn = "<" * 50 + " " + "Æ" * 149
    epost = lag_epost("paaminning", {"dagar": 30},
                      [{"namn": namn, "verksemd": namn, "kva": "Skriftleg avtale 1. januar 2027",
                        "kjelde": "arbeidsmiljølova § 14-8"}] * 400)
    for del_ in (epost.tekst, epost.html):
        assert max(len(line.encode()) for line in del_.splitlines()) <= 998


def test_ny_sak_har_ingen_skriven_tekst():
    epost = lag_epost("ny_sak")
    assert epost.tekst.strip() == "Ei ny avtale om desentralisert arbeid ventar på handsaming i HR-lista."
    assert lesen(epost.html).taggar == {"html", "body", "p"}


def test_kontrollteikn_og_linjeskift_blir_mellomrom():
    assert tekstverdi("a\r\nb\tc\x00d\u2028e") == "a b c d e"
    assert tekstverdi(None) == ""
