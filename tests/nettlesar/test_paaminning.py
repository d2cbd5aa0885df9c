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
from test_hr_nettlesar import godkjenn_som_hr, opne_sak_som_hr, send_inn_som_arbeidstakar
from test_signering_nettlesar import _hr_opnar, _skriv_under

from docassemble.desentral.reglar.datoar import add_months, nynorsk_dato, period_end
from docassemble.desentral.dokument.epost import lag_epost
from docassemble.desentral.dokument.paaminning import EMNE

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


# --- Issue 31, item 2: the parties told by e-mail, each link opening the right screen ---------
# (in this file: one SMTP sink per worker, --dist loadfile)

def _brev(mottak, til: str, emne: str, tal: int = 1, med: str = "") -> email.message.EmailMessage:
    """The `tal`-th mail to `til` with subject `emne` (and `med` in its text: HR's address gets
    the mails of every test's cases); the server sends while the screen is made, the sink may
    take a moment to hand it over."""
    import time

    for _ in range(100):
        funne = [b for b in mottak.brev if b["To"] == til and b["Subject"] == emne
                 and med in b.get_body(("plain",)).get_content()]
        if len(funne) >= tal:
            return funne[tal - 1]
        time.sleep(0.1)
    raise AssertionError((til, emne, [(b["To"], b["Subject"]) for b in mottak.brev]))


def _lenkje(brev) -> str:
    tekst = brev.get_body(("plain",)).get_content()
    html = lesen(brev.get_body(("html",)).get_content())
    assert html.taggar <= {"html", "body", "p", "ul", "li"}, html.taggar
    [lenkje] = re.findall(r"http://\S+", tekst)
    assert "/user/sign-in?next=" in lenkje
    return lenkje


def _opne(side, lenkje: str, brukar: tuple[str, str] | None, skjerm: str):
    """The link followed in `side`; `brukar` signs in on the sign-in page it opens first (None:
    already signed in there). Waits for the screen `skjerm` and checks it."""
    side.goto(lenkje)
    if brukar is not None:
        side.get_by_label("E-post", exact=True).fill(brukar[0])
        side.get_by_label("Passord", exact=True).fill(brukar[1])
        side.get_by_role("button", name="Logg inn").click()
    side.wait_for_selector(f"body.question-{skjerm}")
    Intervju(side, side.url.split("/interview")[0]).sjekk()


def test_partane_faar_varsel_med_lenkje_til_rett_skjerm(ny_side, tenar, api_nokkel, hr_brukar, leiar_brukar, mottak):
    namn = f"Vera <b>Varsel</b> {secrets.token_hex(2)}"
    kommentar = "Før opp <i>skjerm</i> ${ 7*7 }"
    a_brukar = ny_brukar(tenar, api_nokkel, fornamn="Vera")
    epost_a = a_brukar[0]
    a = ny_side("a")
    logg_inn(a, tenar, a_brukar)
    iv_a = Intervju(a, tenar).start()
    send_inn_som_arbeidstakar(iv_a, namn)
    b = ny_side("b")  # another employee, signed in: every link must show her nothing of Vera's case
    logg_inn(b, tenar, ny_brukar(tenar, api_nokkel, fornamn="Bodil"))

    # HR returns the case: Vera is told, the comment is not in the mail.
    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    opne_sak_som_hr(hr, namn)
    hr.val("Avgjerd", "Returner til arbeidstakaren")
    hr.tekst("Kommentar til arbeidstakaren", kommentar)
    hr.hald_fram("hr-utfort")
    brev = _brev(mottak, epost_a, lag_epost("returnert", {"lenkje": ""}).emne)
    assert "skjerm" not in brev.get_body(("plain",)).get_content() and namn not in str(brev)
    lenkje = _lenkje(brev)
    # Vera in a browser not signed in: the sign-in page, then her own answers with the comment.
    a2 = ny_side("a2")
    _opne(a2, lenkje, a_brukar, "returnert")
    assert kommentar in a2.inner_text("#daquestion")
    # Bodil gets a new session of her own, nothing of Vera's.
    b.goto(lenkje)
    b.wait_for_selector("body[class*='question-']")
    assert namn not in b.inner_text("body") and kommentar not in b.inner_text("body")
    assert "Klarte ikkje å hente økta" in b.inner_text("body")
    iv_a2 = Intervju(a2, tenar)
    iv_a2.hald_fram("gjennomgang")
    iv_a2.hald_fram("innsending")
    iv_a2.knapp("Send til HR", "avtale-ferdig")

    # HR approves: Vera's link opens the signing screen; Bodil's the refusal.
    hr.knapp("Tilbake til lista", "hr-saker")
    godkjenn_som_hr(hr, namn)
    lenkje = _lenkje(_brev(mottak, epost_a, lag_epost("godkjend", {"versjon": 2, "lenkje": ""}).emne))
    sak_id = re.search(r"sak%3D([\w-]+)", lenkje).group(1)
    _opne(b, lenkje, None, "signering-ikkje-funnen")
    _opne(a, lenkje, None, "signering-stadfest")
    _skriv_under(Intervju(a, tenar))

    # Vera's signature: the employer (HR's address, no leader named yet) is told.
    hr_epost = os.environ.get("DESENTRAL_HR_EPOST", "hr@example.com")
    lenkje = _lenkje(_brev(mottak, hr_epost, lag_epost("signert_av_arbeidstakar", {"versjon": 2, "lenkje": ""}).emne,
                           med=f"sak%3D{sak_id}"))
    _opne(b, lenkje, None, "signering-ikkje-funnen")
    _opne(hr_side, lenkje, None, "kven-skriv-under")
    # HR names a leader: the leader's link, signed in on the way, opens the signing screen.
    hr.val("Kven skriv under?", "Ein leiar skriv under")
    hr.tekst("E-postadressa til leiaren", leiar_brukar[0])
    hr.hald_fram("leiar-tildelt")
    lenkje = _lenkje(_brev(mottak, leiar_brukar[0], lag_epost("leiar_signering", {"versjon": 2, "lenkje": ""}).emne))
    _opne(b, lenkje, None, "signering-ikkje-funnen")
    leiar = ny_side("leiar")
    _opne(leiar, lenkje, leiar_brukar, "signering-stadfest")
    _skriv_under(Intervju(leiar, tenar))

    # The leader's signature: Vera is told, her link shows the signed agreement.
    lenkje = _lenkje(_brev(mottak, epost_a, lag_epost("signert_av_arbeidsgivar", {"versjon": 2, "lenkje": ""}).emne))
    _opne(b, lenkje, None, "signering-ikkje-funnen")
    _opne(a, lenkje, None, "signering-status")
    assert "Avtala er skriven under" in a.inner_text("body")

    # HR opens a change of the signed agreement: Vera's link opens her own case at the change.
    _hr_opnar(hr, "Endre ei godkjend avtale", namn, "Opne endringa")
    hr.dato("Endringa gjeld frå", "2027-09-01")
    hr.tekst("Kva skal endrast, og kvifor?", kommentar)
    hr.hald_fram("endring-opna")
    brev = _brev(mottak, epost_a, lag_epost("endra", {"fra": "", "lenkje": ""}).emne)
    assert "1. september 2027" in " ".join(brev.get_body(("plain",)).get_content().split())
    assert "skjerm" not in brev.get_body(("plain",)).get_content()
    lenkje = _lenkje(brev)
    _opne(a2, lenkje, None, "endring")
    assert "HR har opna ei endring" in a2.inner_text("body")
    b.goto(lenkje)
    b.wait_for_selector("body[class*='question-']")
    assert namn not in b.inner_text("body") and "Klarte ikkje å hente økta" in b.inner_text("body")


LEIAR_URL = "/interview?i=docassemble.desentral:data/questions/leiar.yml&new_session=1"


def _leiarsida(side, tenar) -> str:
    side.goto(tenar + LEIAR_URL)
    side.wait_for_selector("body.question-leiar-saker")
    Intervju(side, tenar).sjekk()
    return side.inner_text("#daquestion")


def test_leiaren_si_side_og_leiar_invitert_paa_epost(ny_side, tenar, api_nokkel, hr_brukar, leiar_brukar, mottak):
    """Issue 31, item 3: the employee names the leader, who is named at approval and told; the
    leader sees only the cases they are named in and signs there; HR reassigns; a leader with no
    account is invited by e-mail, registers and signs from the link."""
    namn = f"Ivar Invitert {secrets.token_hex(2)}"
    a_brukar = ny_brukar(tenar, api_nokkel, fornamn="Ivar")
    a = ny_side("a")
    logg_inn(a, tenar, a_brukar)
    # Ivar names his leader in the interview (an account with the role «leiar»).
    send_inn_som_arbeidstakar(Intervju(a, tenar).start(), namn, leiar_epost=leiar_brukar[0])
    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    godkjenn_som_hr(hr, namn)
    # Ivar signs from the approval's mail.
    _opne(a, _lenkje(_brev(mottak, a_brukar[0], lag_epost("godkjend", {"versjon": 1, "lenkje": ""}).emne)), None,
          "signering-stadfest")
    _skriv_under(Intervju(a, tenar))
    b = ny_side("b")
    b_brukar = ny_brukar(tenar, api_nokkel, fornamn="Bodil")
    logg_inn(b, tenar, b_brukar)

    # The approval named Ivar's leader: the leader is told, and the case is on the leader's page.
    _lenkje(_brev(mottak, leiar_brukar[0], lag_epost("leiar_signering", {"versjon": 1, "lenkje": ""}).emne))
    leiar = ny_side("leiar")
    logg_inn(leiar, tenar, leiar_brukar)
    assert f"Avtala til {namn}, versjon 1" in _leiarsida(leiar, tenar)
    assert namn not in _leiarsida(b, tenar) and "Du er ikkje peika ut" in _leiarsida(b, tenar)
    # The leader opens it from the page: the signing screen (the leader does not sign yet).
    leiar.locator("#daquestion").get_by_role("link", name=f"Avtala til {namn}, versjon 1").click()
    leiar.wait_for_selector("body.question-signering-stadfest")
    Intervju(leiar, tenar).sjekk()

    # HR gives the task to a leader with no account on the server: the first leader's page no
    # longer has it, the new address gets an invitation.
    ny_epost = f"ny-leiar-{secrets.token_hex(4)}@example.com"
    _hr_opnar(hr, "Skrive under ei godkjend avtale for arbeidsgivaren", namn, "Opne underskrifta")
    hr.val("Kven skriv under?", "Ein annan leiar skriv under")
    hr.tekst("E-postadressa til leiaren", ny_epost)
    hr.hald_fram("leiar-tildelt")
    assert namn not in _leiarsida(leiar, tenar)
    lenkje = _lenkje(_brev(mottak, ny_epost, lag_epost("leiar_signering", {"versjon": 1, "lenkje": ""}).emne))
    # Bodil, signed in, with the invitation's link: nothing.
    _opne(b, lenkje, None, "signering-ikkje-funnen")
    assert namn not in b.inner_text("body")
    # The new leader registers from the sign-in page the link opens, with that address.
    ny = ny_side("ny-leiar")
    ny.goto(lenkje)
    ny.locator("a[href*='/user/register']").first.click()
    ny.get_by_label("E-post", exact=True).fill(ny_epost)
    for felt in ny.locator("input[type=password]").all():
        felt.fill("Eit-langt-passord-9")
    ny.locator("form button[type=submit]").first.click()
    ny.wait_for_load_state("networkidle")
    # Signed in now; the same link opens the signing screen for the employer.
    _opne(ny, lenkje, None, "signering-stadfest")
    assert "for arbeidsgivaren" in ny.inner_text("body")
    # Without the key (the plain signing link) the new account, with no role «leiar», finds nothing.
    ny_side2 = ny_side("ny-leiar-utan-nykel")
    logg_inn(ny_side2, tenar, (ny_epost, "Eit-langt-passord-9"))
    sak_id = re.search(r"sak%3D([\w-]+)", lenkje).group(1)
    ny_side2.goto(f"{tenar}/interview?i=docassemble.desentral:data/questions/signering.yml&sak={sak_id}&new_session=1")
    ny_side2.wait_for_selector("body.question-signering-ikkje-funnen")
    _skriv_under(Intervju(ny, tenar))
    assert "Avtala er skriven under" in ny.inner_text("body")
    # Ivar is told that the employer has signed.
    _brev(mottak, a_brukar[0], lag_epost("signert_av_arbeidsgivar", {"versjon": 1, "lenkje": ""}).emne)

    # HR gives notice of the signed tilleggsavtale, in the app today: Ivar is told, and his link
    # opens the notice; Bodil's finds nothing.
    _hr_opnar(hr, "Registrere oppseiing av ei godkjend avtale", namn, "Opne oppseiinga")
    assert hr.id == "oppseiing-kven-og-dato"
    hr.val("Kven seier opp?", "Arbeidsgivaren")
    hr.dato("Dato oppseiinga er gitt", date.today().isoformat())
    hr.val("Korleis får motparten oppseiinga?", "I dag, her i appen")
    hr.hald_fram("oppseiing-stadfest")
    hr.knapp("Sei opp", "oppseiing-ferdig")
    lenkje = _lenkje(_brev(mottak, a_brukar[0], lag_epost("oppsagd_foer_start", {"lenkje": ""}).emne))
    _opne(b, lenkje, None, "oppseiing-ikkje-mogleg")
    assert namn not in b.inner_text("body") and "Fann inga avtale" in b.inner_text("body")
    _opne(a, lenkje, None, "oppseiing-ikkje-mogleg")
    assert "Tilleggsavtala er alt sagd opp" in a.inner_text("#daquestion")
