"""Issue 18 on the real server: the draft is assembled in docassemble's background worker
(Celery) while the employee reads the review screen, kept once in the server's database, and
what the employee and HR download is that one assembly; a changed answer on the review screen
makes a new one, and the old one is not shown."""
from __future__ import annotations

import os
import secrets
import time

from nettlesarhjelp import Intervju, hemmeleg, logg_inn, pdf_tekst
from test_hr_nettlesar import opne_sak_som_hr, send_inn_som_arbeidstakar


def _lagra_dokument() -> int:
    """How many agreements the server keeps (rows of dokumentlager's DAStore), read from its
    PostgreSQL as an administrator would."""
    import psycopg2

    with psycopg2.connect(host="127.0.0.1", port=int(os.environ.get("DESENTRAL_PG_PORT", "5433")),
                          user="docassemble", password=hemmeleg("DA_DB_PASSWORD"), dbname="docassemble") as db, \
            db.cursor() as c:
        c.execute("select count(*) from globalobjectstorage where key like %s", ("docassemble.desentral:dokument:dok:%",))
        return c.fetchone()[0]


def _vent_paa_ny_rad(for_: int, sekund: float = 90) -> int:
    slutt = time.monotonic() + sekund
    while time.monotonic() < slutt:
        no = _lagra_dokument()
        if no > for_:
            return no
        time.sleep(0.5)
    raise AssertionError(f"bakgrunnsarbeidaren la ikkje frå seg noko dokument på {sekund:.0f} s")


def test_utkastet_blir_laga_i_bakgrunnen_og_vist_same_for_tilsett_og_hr(ny_side, tenar, brukar, hr_brukar):
    side = ny_side("tilsett")
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    for_ = _lagra_dokument()
    namn = f"Bakgrunn {secrets.token_hex(3)}"
    send_inn_som_arbeidstakar(iv, namn, berre_til_gjennomgang=True)
    # Nothing clicked on the review screen yet: the worker assembles and keeps the draft.
    etter_forste = _vent_paa_ny_rad(for_)

    # The employee changes the name on the review screen: a new draft, assembled again.
    side.locator(".da-review").filter(has_text="Namn:").get_by_role("button", name="Endre").click()
    side.wait_for_selector("body.question-arbeidstakar")
    iv.sjekk()
    nytt_namn = namn + " *Li*"
    iv.tekst("Namnet ditt", nytt_namn)
    iv.hald_fram("gjennomgang")
    _vent_paa_ny_rad(etter_forste)
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    tilsett_pdf = iv.dokument(("pdf",))["pdf"]
    tekst = pdf_tekst(tilsett_pdf)
    assert nytt_namn in tekst and f"{namn} " not in tekst.replace(nytt_namn, "")

    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    opne_sak_som_hr(hr, nytt_namn)
    # HR's case page offers the same kept draft, byte for byte.
    assert hr.dokument(("pdf",))["pdf"].read_bytes() == tilsett_pdf.read_bytes()
