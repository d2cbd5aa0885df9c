"""Issue 16: HR's reminders through docassemble's own scheduler on the local server. HR turns
them on (paaminning.yml); two approved cases: one whose prøveperiode for ordninga ends in seven
days, one with nothing due for years. The real scheduled task runs (scripts/cron.sh: docassemble's
cron runner, `cron_daily`) and its e-mail reaches an SMTP sink the test starts on 127.0.0.1: the
first case is in it with its date and source, the second is not; a second run sends nothing new.
The first employee's name is a link and a tracking image (issue 27, item 2): in every mail the
server sends (the reminder, the notices of new cases) it arrives as text — the HTML part, parsed,
holds no tag but the template's own."""
from __future__ import annotations

import email
import os
import re
import secrets
import subprocess
from datetime import date, timedelta
from email.policy import default as standard

import pytest
from nettlesarhjelp import ROOT, Intervju, logg_inn, ny_brukar
from test_hr_nettlesar import godkjenn_som_hr, send_inn_som_arbeidstakar

from docassemble.desentral.datoar import add_months, nynorsk_dato, period_end
from docassemble.desentral.epost import lag_epost
from docassemble.desentral.paaminning import EMNE

SIGNERING_EMNE = lag_epost("signering_paaminning", {"versjon": 1, "frist": "", "kjelde": "", "part": "",
                                                   "lenkje": ""}).emne

from test_epost import lesen

PAAMINNING_URL = "/interview?i=docassemble.desentral:data/questions/paaminning.yml"


class Mottak:
    """An SMTP sink: every message the server sends is kept here."""

    def __init__(self):
        self.brev: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.brev.append(email.message_from_bytes(envelope.content, policy=standard))
        return "250 OK"

    def paaminningar(self) -> list[str]:
        return [b.get_body(("plain",)).get_content() for b in self.brev if b["Subject"] == EMNE]


@pytest.fixture
def mottak():
    port = os.environ.get("DESENTRAL_SMTP_PORT")
    if not port:
        pytest.skip("tenaren har ikkje e-post (scripts/test.sh set DESENTRAL_SMTP_PORT)")
    from aiosmtpd.controller import Controller

    m = Mottak()
    kontroll = Controller(m, hostname="127.0.0.1", port=int(port))
    kontroll.start()
    yield m
    kontroll.stop()


def _cron():
    r = subprocess.run(["bash", str(ROOT / "scripts" / "cron.sh"), "cron_daily"], capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]


def test_planleggjaren_sender_hr_paaminning_om_proveperioden(ny_side, tenar, api_nokkel, hr_brukar, mottak):
    i_dag = date.today()
    # The prøveperiode (3 months, the default) ends in about seven days: it started 3 months before.
    fra = add_months(i_dag + timedelta(days=8), -3)
    slutt = period_end(fra, 3)
    assert 0 < (slutt - i_dag).days <= 8
    port = os.environ["DESENTRAL_SMTP_PORT"]
    namn = (f'Pia <a href="http://127.0.0.1:{port}/x">Klikk her</a><img src="http://127.0.0.1:{port}/spor.png"> '
            f"{secrets.token_hex(2)}")
    namn_b = f"Rolf Ro {secrets.token_hex(2)}"

    a = ny_side("a")
    brukar_a = ny_brukar(tenar, api_nokkel, fornamn="Pia")
    epost_a = brukar_a[0]
    logg_inn(a, tenar, brukar_a)
    send_inn_som_arbeidstakar(Intervju(a, tenar).start(), namn, fra.isoformat(),
                              (add_months(fra, 12) - timedelta(days=1)).isoformat())
    b = ny_side("b")
    logg_inn(b, tenar, ny_brukar(tenar, api_nokkel, fornamn="Rolf"))
    send_inn_som_arbeidstakar(Intervju(b, tenar).start(), namn_b, f"{i_dag.year + 4}-03-01",
                              f"{i_dag.year + 5}-02-28")

    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    godkjenn_som_hr(hr, namn)
    godkjenn_som_hr(hr, namn_b)

    # HR turns the reminders on: the session the scheduler runs.
    hr_side.goto(tenar + PAAMINNING_URL)
    hr_side.wait_for_selector("body.question-paaminning-status")
    hr.sjekk()
    assert "Påminningar er slått på" in hr_side.inner_text("body")

    _cron()
    tekstar = [t for t in mottak.paaminningar() if namn in " ".join(t.split())]
    assert len(tekstar) == 1, mottak.paaminningar()
    punkt = [" ".join(p.split()) for p in re.split(r"\n- ", tekstar[0]) if namn in " ".join(p.split())]
    assert any(f"Prøveperioden for ordninga sluttar {nynorsk_dato(slutt)}" in p and "Rettleiinga 5.3.6" in p
               for p in punkt), punkt
    # Issue 28, item 10: approved, not signed, its written deadline passed (the arrangement started
    # three months ago): HR's reminder names it, and the employee is reminded with a link to sign.
    assert any(f"Forsein: skriftleg avtale {nynorsk_dato(fra)}" in p and "arbeidsmiljølova § 14-8" in p
               for p in punkt), punkt
    [til_a] = [b for b in mottak.brev if b["To"] == epost_a and b["Subject"] == SIGNERING_EMNE]
    tekst_a = " ".join(til_a.get_body(("plain",)).get_content().split())
    assert f"skal vere skriven under seinast {nynorsk_dato(fra)}" in tekst_a and "Arbeidstakaren har ikkje" in tekst_a
    lenkje = re.search(r"http://\S+", til_a.get_body(("plain",)).get_content()).group(0)
    a.goto(lenkje)
    a.wait_for_selector("body.question-signering-stadfest")
    Intervju(a, tenar).sjekk()
    assert not any(namn_b in t for t in mottak.paaminningar())
    # Every mail has an HTML part of the template's tags only; the name is text there.
    assert len(mottak.brev) >= 3  # the two new cases announced, the reminder
    for brev in mottak.brev:
        html = lesen(brev.get_body(("html",)).get_content())
        assert html.taggar <= {"html", "body", "p", "ul", "li"}, (brev["Subject"], html.taggar)
    [paaminning] = [b for b in mottak.brev
                    if b["Subject"] == EMNE and namn in " ".join(b.get_body(("plain",)).get_content().split())]
    assert namn in " ".join("".join(lesen(paaminning.get_body(("html",)).get_content()).tekst).split())

    # Once per date: the next run has nothing new about this case.
    _cron()
    assert len([t for t in mottak.paaminningar() if namn in " ".join(t.split())]) == 1

    hr_side.reload()
    hr_side.wait_for_selector("body.question-paaminning-status")
    hr.sjekk()
    assert f"Sist køyrd: {i_dag.day}." in hr_side.inner_text("body")
