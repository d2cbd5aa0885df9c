"""Issue 31, item 4: HR's overview on the local server. An employee chooses her municipality in
the interview; HR opens the overview from the list, narrows it to that municipality, reads the
counts and the quarter's dates, downloads CSV and XLSX (the typed name arrives as text), and
changes the choice; the leadership (privilege `leiing`) sees counts only; an employee is refused."""
from __future__ import annotations

import csv
import io
import secrets
from datetime import date, timedelta
from pathlib import Path

from nettlesarhjelp import Intervju, _api, logg_inn, ny_brukar
from test_hr_nettlesar import godkjenn_som_hr, nektar_tilgang, send_inn_som_arbeidstakar

OVERSIKT_URL = "/interview?i=docassemble.desentral:data/questions/oversikt.yml&new_session=1"
KOMMUNE = "Vadsø (5607)"


def _rader(side, tittel: str) -> list[list[str]]:
    tabell = side.locator("#daquestion table").filter(has=side.locator("caption", has_text=tittel))
    return [[c.inner_text().strip() for c in r.locator("th, td").all()][:2] for r in tabell.locator("tbody tr").all()]


def _tal(side, tittel: str, rad: str) -> int:
    """The count on the row `rad` of the table `tittel`; 0 where the row is not there."""
    return next((int(n) for namn, n in _rader(side, tittel) if namn == rad), 0)


def _last_ned(side, namn: str) -> bytes:
    with side.expect_download() as nedlasting:
        side.get_by_role("link", name=namn).click()
    return Path(nedlasting.value.path()).read_bytes()


def _vel_og_vis(iv: Intervju, kommune: str):
    iv.page.wait_for_selector("body.question-oversikt-utval")
    iv.sjekk()
    iv.page.get_by_label("Kommune", exact=True).select_option(label=kommune)
    iv.knapp("Vis oversikta", "oversikt-vist")


def test_oversikt_for_hr_og_leiinga(ny_side, tenar, api_nokkel, hr_brukar):
    namn = f"=Oda Oversikt {secrets.token_hex(2)}"
    fra = date.today()
    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    # The local server keeps earlier runs' cases: the count before this one.
    hr_side.goto(tenar + OVERSIKT_URL)
    _vel_og_vis(hr, KOMMUNE)
    foer = _tal(hr_side, "Etter kommune", "Vadsø")
    a = ny_side("a")
    logg_inn(a, tenar, ny_brukar(tenar, api_nokkel, fornamn="Oda"))
    send_inn_som_arbeidstakar(Intervju(a, tenar).start(), namn, fra.isoformat(),
                              (fra + timedelta(days=364)).isoformat(), kommune=KOMMUNE)
    godkjenn_som_hr(hr, namn)

    # HR: from the list to the overview, narrowed to the municipality.
    hr_side.locator("#daquestion").get_by_role("link", name="Oversikt over ordningane").click()
    _vel_og_vis(hr, KOMMUNE)
    tekst = hr_side.inner_text("#daquestion")
    etter = foer + 1
    assert f"{etter} {'ordning' if etter == 1 else 'ordningar'} i utvalet" in tekst
    assert _rader(hr_side, "Etter kommune") == [["Vadsø", str(etter)]]
    # Only this test chooses a municipality for a home office it approves.
    assert _tal(hr_side, "Etter status", "Godkjend") == etter
    assert _tal(hr_side, "Etter situasjon", "Heimekontor langt frå kontoret") == etter
    assert _tal(hr_side, "Etter avtaletype", "Tilleggsavtale") == etter
    assert "Lista er ikkje stadfesta" in tekst
    # The arrangement starts today: its written deadline falls in this quarter, with her name.
    assert namn in hr_side.locator("#daquestion table").last.inner_text()
    rader = list(csv.reader(io.StringIO(_last_ned(hr_side, "Last ned som CSV").decode("utf-8-sig")), delimiter=";"))
    assert ["Vadsø", str(etter)] in rader and any(r and r[0] == "'" + namn for r in rader)
    from openpyxl import load_workbook

    bok = load_workbook(io.BytesIO(_last_ned(hr_side, "Last ned som XLSX")))
    [celle] = [c for c in bok["Saker"]["A"] if c.value == namn]
    assert celle.data_type == "s"
    # «Endre utvalet»: the choices again; «Alle» counts every arrangement.
    hr.knapp("Endre utvalet", "oversikt-utval")
    _vel_og_vis(hr, "Alle")
    assert ["Vadsø", str(etter)] in _rader(hr_side, "Etter kommune")

    # The leadership: the same counts, no names, an export of counts only.
    status, body = _api(tenar, api_nokkel, "/api/privileges", {"privilege": "leiing"})
    assert status in (204, 400), body
    leiing_side = ny_side("leiing")
    logg_inn(leiing_side, tenar, ny_brukar(tenar, api_nokkel, ("user", "leiing"), fornamn="Lise"))
    leiing = Intervju(leiing_side, tenar)
    leiing_side.goto(tenar + OVERSIKT_URL)
    _vel_og_vis(leiing, KOMMUNE)
    assert _rader(leiing_side, "Etter kommune") == [["Vadsø", str(etter)]]
    assert namn not in leiing_side.inner_text("body")
    tal = _last_ned(leiing_side, "Last ned som CSV").decode("utf-8-sig")
    assert f"Vadsø;{etter}" in tal and namn not in tal and "Saker" not in tal

    # An employee has no overview (docassemble refuses before the interview runs).
    nektar_tilgang(a, tenar + OVERSIKT_URL, namn)
    assert "Oversikt over desentralisert arbeid" not in a.inner_text("body")
