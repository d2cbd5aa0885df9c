"""Issue 18: faults on the real server. PostgreSQL restarted and Redis restarted in the middle of
an interview, the web server's workers and the background worker killed while the agreement is
assembled: the user's next click goes on (or is retried by the browser) and ends where it
should, no answer given before is lost, HR's list holds the case once. A backup (scripts/
reservekopi.sh: pg_dump, the file storage, the secrets) restored into a fresh server brings back
the employee's session and case and HR's list."""
from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from nettlesarhjelp import Intervju, fyll_arbeidstakar, fyll_verksemd, logg_inn, pdf_tekst
from test_hr_nettlesar import HR_URL, _rader, fra_stad_til_innsending, sak_url, send_inn_som_arbeidstakar

ROOT = Path(__file__).resolve().parents[2]
S = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral"))
# Restarts PostgreSQL and Redis and kills workers: never beside other tests.
pytestmark = pytest.mark.eigen_tenar


def _bash(kode: str, env: dict | None = None) -> str:
    """A few lines with the server scripts' functions (scripts/server-lib.sh) at hand."""
    r = subprocess.run(["bash", "-c", f'set -euo pipefail; . "{ROOT}/scripts/lib.sh"; . "{ROOT}/scripts/server-lib.sh"; {kode}'],
                       capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})})
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def _til_arbeidstakar(side, tenar, brukar, namn: str) -> Intervju:
    logg_inn(side, tenar, brukar)
    iv = Intervju(side, tenar).start()
    iv.hald_fram("arbeidstakar")
    fyll_arbeidstakar(iv, namn, nytilsett=False, bustad="Fjellvegen 3, 6900 Florø")
    return iv


def _svara_held(iv: Intervju, namn: str):
    """«Tilbake» from the next screen: the answers given before the fault are there."""
    iv.knapp("Tilbake", "arbeidstakar")
    assert iv.page.get_by_label("Namnet ditt", exact=True).input_value() == namn
    assert iv.page.get_by_label("Bustadadressa di", exact=True).input_value() == "Fjellvegen 3, 6900 Florø"
    iv.hald_fram("verksemd")


@pytest.mark.parametrize("teneste", ["postgresql", "redis"])
def test_omstart_midt_i_intervjuet(teneste, side, tenar, brukar):
    namn = f"Omstart {secrets.token_hex(3)}"
    iv = _til_arbeidstakar(side, tenar, brukar, namn)
    if teneste == "postgresql":
        _bash('runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$S/pg/data" -l "$S/pg/postgresql.log" -m fast -w restart >&2')
    else:
        # A graceful restart (Redis writes its snapshot on the way down).
        _bash('stop_pid "$S/redis/redis.pid" Redis; redis_start')
    # The click after the restart goes through: the next screen, not an error page.
    iv.hald_fram("verksemd")
    _svara_held(iv, namn)
    fyll_verksemd(iv)
    iv.hald_fram("stad")
    fra_stad_til_innsending(iv)
    assert "Saka er sendt til HR" in side.inner_text("body")


def test_arbeidarar_drepne_under_monteringa(ny_side, tenar, brukar, hr_brukar):
    side = ny_side("tilsett")
    namn = f"Drepen {secrets.token_hex(3)}"
    iv = _til_arbeidstakar(side, tenar, brukar, namn)
    iv.hald_fram("verksemd")
    fyll_verksemd(iv)
    iv.hald_fram("stad")
    fra_stad_til_innsending(iv, berre_til_gjennomgang=True)
    # The background worker's process dies while it assembles the draft (Celery starts another).
    _bash('pkill -KILL -P "$(cat "$S/celery.pid")" || true')
    iv.hald_fram("innsending")
    side.get_by_role("button", name="Send til HR", exact=True).click()
    time.sleep(0.8)
    # Every web worker dies while the click is handled (gunicorn starts new ones).
    _bash('pkill -KILL -P "$(cat "$S/gunicorn.pid")"')
    # The browser sends the click again to the new workers: the hand-over ends on its screen.
    side.wait_for_selector("body.question-avtale-ferdig", timeout=180_000)
    iv.sjekk()
    assert "Saka er sendt til HR" in side.inner_text("body")
    assert namn in pdf_tekst(iv.dokument(("pdf",))["pdf"])

    hr_side = ny_side("hr")
    logg_inn(hr_side, tenar, hr_brukar)
    hr = Intervju(hr_side, tenar)
    hr_side.goto(tenar + HR_URL)
    hr_side.wait_for_selector("body.question-hr-saker")
    hr.sjekk()
    hr_side.locator("#daquestion").get_by_role("link", name=re.compile(r"^Alle \(\d+\)$")).click()
    hr_side.locator("#daquestion strong", has_text=re.compile(r"^Alle \(\d+\)$")).wait_for()
    assert [r[0] for r in _rader(hr, namn)].count(namn) == 1


def test_reservekopi_henta_inn_i_ein_ny_tenar(ny_side, tenar, brukar, hr_brukar, tmp_path):
    side = ny_side("tilsett")
    logg_inn(side, tenar, brukar)
    namn = f"Reservekopi {secrets.token_hex(3)}"
    send_inn_som_arbeidstakar(Intervju(side, tenar).start(), namn)
    opphavleg = pdf_tekst(Intervju(side, tenar).dokument(("pdf",))["pdf"])

    kopi = tmp_path / "kopi"
    _bash(f'bash "$REPO/scripts/reservekopi.sh" lag "{kopi}"')
    port = int(tenar.rsplit(":", 1)[1]) + 4
    ny = Path(f"{S}-henta")
    env = {"DESENTRAL_SERVER": str(ny), "DESENTRAL_PORT": str(port),
           "DESENTRAL_PG_PORT": str(int(os.environ.get("DESENTRAL_PG_PORT", "5433")) + 3),
           "DESENTRAL_REDIS_PORT": str(int(os.environ.get("DESENTRAL_REDIS_PORT", "6380")) + 3)}
    shutil.rmtree(ny, ignore_errors=True)
    try:
        _bash(f'bash "$REPO/scripts/reservekopi.sh" hent "{kopi}"', env)
        url = f"http://127.0.0.1:{port}"
        # The employee signs in on the new server with the same password: the session and the case.
        side2 = ny_side("henta")
        logg_inn(side2, url, brukar)
        side2.goto(sak_url(side2, url))
        side2.wait_for_selector("body.question-avtale-ferdig")
        iv = Intervju(side2, url)
        iv.sjekk()
        assert "Saka er sendt til HR" in side2.inner_text("body")
        assert pdf_tekst(iv.dokument(("pdf",))["pdf"]) == opphavleg
        # HR's list on the new server holds the case.
        hr_side = ny_side("hr-henta")
        logg_inn(hr_side, url, hr_brukar)
        hr_side.goto(url + HR_URL)
        hr_side.wait_for_selector("body.question-hr-saker")
        hr = Intervju(hr_side, url)
        hr.sjekk()
        assert namn in [r[0] for r in _rader(hr, namn)]
    finally:
        _bash('bash "$REPO/scripts/stop.sh"', env)
        shutil.rmtree(ny, ignore_errors=True)
