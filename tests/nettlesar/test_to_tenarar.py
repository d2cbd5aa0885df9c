"""Issue 18: docassemble's multi-server mode on this machine (scripts/to-tenarar.sh): the test
server, a second docassemble web server on the same installation (PostgreSQL, Redis and file
storage shared), HAProxy in front. An employee's session started on one server goes on on the
other with its answers, is handed over there, HR approves it through the first, and the
employee reads the approved agreement through the load balancer, whose requests reach both."""
from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import pytest
from nettlesarhjelp import Intervju, fyll_arbeidstakar, fyll_verksemd, logg_inn, pdf_tekst
from test_hr_nettlesar import fra_stad_til_innsending, godkjenn_som_hr, sak_url

ROOT = Path(__file__).resolve().parents[2]
S = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral"))
INTERVJU = "/interview?i=docassemble.desentral:data/questions/tilsett.yml"
# Starts and stops a second server and a load balancer: never beside other tests.
pytestmark = pytest.mark.eigen_tenar


@pytest.fixture(scope="module")
def tenarar(tenar):
    skript = ROOT / "scripts" / "to-tenarar.sh"
    r = subprocess.run(["bash", str(skript)], capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    lb = r.stdout.strip().splitlines()[-1].split("/interview")[0]
    port = int(tenar.rsplit(":", 1)[1])
    yield tenar, f"http://127.0.0.1:{port + 2}", lb
    subprocess.run(["bash", str(skript), "stop"], capture_output=True, timeout=300, check=True)


def _postar(logg: str) -> int:
    """POSTs to the interview in one server's own access log."""
    fil = S / "log" / logg
    return sum(1 for line in fil.read_text(errors="replace").splitlines() if '"POST /interview' in line)


def test_okt_byrja_paa_ein_tenar_held_fram_paa_den_andre_og_hr_godkjenner_paa_den_forste(
        tenarar, ny_side, brukar, hr_brukar):
    a, b, lb = tenarar
    for_a, for_b = _postar("access.log"), _postar("access-2.log")
    side = ny_side("tilsett")
    logg_inn(side, a, brukar)
    iv = Intervju(side, a).start()
    namn = f"To Tenarar {secrets.token_hex(3)}"
    iv.hald_fram("arbeidstakar")
    fyll_arbeidstakar(iv, namn, nytilsett=False, bustad="Fjellvegen 3, 6900 Florø")
    iv.hald_fram("verksemd")
    assert _postar("access.log") > for_a

    # The same browser goes on at the other server: the session and its answers are there.
    iv.url = b
    side.goto(b + INTERVJU)
    side.wait_for_selector("body.question-verksemd")
    iv.sjekk()
    fyll_verksemd(iv)
    iv.hald_fram("stad")
    fra_stad_til_innsending(iv, berre_til_gjennomgang=True)
    assert namn in side.inner_text("#daquestion")
    iv.hald_fram("innsending")
    iv.knapp("Send til HR", "avtale-ferdig")
    assert "Saka er sendt til HR" in side.inner_text("body")
    assert _postar("access-2.log") > for_b

    # HR approves through the first server.
    hr_side = ny_side("hr")
    logg_inn(hr_side, a, hr_brukar)
    godkjenn_som_hr(Intervju(hr_side, a), namn)

    # The employee, through the load balancer: the approved agreement, its PDF from the shared
    # file storage; the balancer's requests reached both servers.
    a_for, b_for = (S / "log" / "access.log").stat().st_size, (S / "log" / "access-2.log").stat().st_size
    iv.url = lb
    side.goto(sak_url(side, lb))
    side.wait_for_selector("body.question-avtale-ferdig")
    iv.sjekk()
    assert "Avtala er godkjend" in side.inner_text("body")
    tekst = pdf_tekst(iv.dokument(("pdf",))["pdf"])
    assert namn in tekst and "Utkast" not in tekst
    for _ in range(4):
        side.reload()
        side.wait_for_selector("body.question-avtale-ferdig")
    nye_a = (S / "log" / "access.log").read_bytes()[a_for:].decode(errors="replace")
    nye_b = (S / "log" / "access-2.log").read_bytes()[b_for:].decode(errors="replace")
    assert "GET /interview" in nye_a and "GET /interview" in nye_b
