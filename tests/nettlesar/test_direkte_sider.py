"""Issue 31, item 5: docassemble's own pages reached directly — sign-in, register, password reset,
the account pages, refused access, error pages — in Nynorsk whatever language the browser asks
for (docassemble.desentral.intervju.nettspraak)."""
from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from nettlesarhjelp import Intervju, logg_inn
from skjermsjekk import engelsk_pa_skjerm

UTAN_INNLOGGING = ["/user/sign-in", "/user/register", "/user/forgot-password",
                   "/user/reset-password/ugyldig-lenkje", "/finst-ikkje",
                   "/interview?i=docassemble.desentral:data/questions/finst-ikkje.yml"]
INNLOGGA = ["/user/profile", "/user/change-password", "/interviews", "/userlist"]
# What browsers send: Bokmål with English as the second choice (a Norwegian Chrome's default: no
# Nynorsk in it, so docassemble alone answers in English), English, and no header at all.
SPRAAK = {"nb": "nb-NO,nb;q=0.9,en-US;q=0.8,en;q=0.7", "en": "en-US,en;q=0.9", "ingen": None}


def _hent(url: str, spraak: str | None) -> str:
    req = urllib.request.Request(url, headers={"Accept-Language": spraak} if spraak else {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:  # the error pages are what is checked
        return exc.read().decode("utf-8")


def _html_lang(html: str) -> str | None:
    m = re.search(r"<html[^>]*\blang=\"([^\"]*)\"", html)
    return m.group(1) if m else None


@pytest.mark.parametrize("kva", list(SPRAAK))
def test_direkte_sider_paa_nynorsk_med_kvart_spraak(tenar, kva):
    for sti in UTAN_INNLOGGING:
        html = _hent(tenar + sti, SPRAAK[kva])
        assert _html_lang(html) == "nn", (sti, kva, _html_lang(html))
        assert engelsk_pa_skjerm(html) == [], (sti, kva, engelsk_pa_skjerm(html))


def test_kontrollen_finn_engelsk(tenar):
    # The check above can fail: docassemble's own `?lang=en` still gives the English page.
    html = _hent(tenar + "/user/sign-in?lang=en", SPRAAK["en"])
    assert _html_lang(html) == "en"
    assert "Sign in" in engelsk_pa_skjerm(html)


@pytest.mark.parametrize(("locale", "kva"), [("nb-NO", "nb"), ("en-US", "en")])
def test_kontosidene_i_nettlesar_paa_bokmaal_og_engelsk(ny_side, tenar, brukar, locale, kva):
    side = ny_side(locale, locale=locale)
    # Chromium sends its locale alone (extra headers do not replace it): the header a person's
    # browser sends, with English as a second choice, is set on each request.
    side.context.route("**/*", lambda r: r.continue_(headers={**r.request.headers, "accept-language": SPRAAK[kva]}))
    sjekk = Intervju(side, tenar)
    assert side.evaluate("navigator.language") == locale
    for sti in UTAN_INNLOGGING:
        side.goto(tenar + sti)
        side.wait_for_load_state("networkidle")
        assert side.get_attribute("html", "lang") == "nn", sti
        sjekk.sjekk()
    logg_inn(side, tenar, brukar)
    assert "Du er logga inn." in side.inner_text("body")
    for sti in INNLOGGA:
        side.goto(tenar + sti)
        side.wait_for_load_state("networkidle")
        assert side.get_attribute("html", "lang") == "nn", sti
        sjekk.sjekk()
    side.goto(tenar + "/user/sign-out")
    assert "Du er logga ut." in side.inner_text("body")
    sjekk.sjekk()
