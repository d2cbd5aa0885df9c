"""Issue 18: docassemble's multi-server mode on this machine (scripts/to-tenarar.sh): the test
server, a second docassemble web server on the same installation (PostgreSQL, Redis and file
storage shared), HAProxy in front. An employee's session started on one server goes on on the
other with its answers, is handed over there, HR approves it through the first, and the
employee reads the approved agreement through the load balancer, whose requests reach both.
A package installed through Package Management (the load balancer's /api/package) reaches
both servers: each one's workers are replaced and each draws HR's page with the new release."""
from __future__ import annotations

import os
import secrets
import subprocess
import time
from pathlib import Path

import pytest
from nettlesarhjelp import Intervju, fyll_arbeidstakar, fyll_verksemd, logg_inn, pdf_tekst
from test_hr_nettlesar import fra_stad_til_innsending, godkjenn_som_hr, sak_url
from test_pakkehandsaming import PAKKE, Admin

ROOT = Path(__file__).resolve().parents[2]
from pakke_zip import lag_zip

from docassemble.desentral import __version__

S = Path(os.environ.get("DESENTRAL_SERVER", "/var/lib/docassemble-desentral"))
INTERVJU = "/interview?i=docassemble.desentral:data/questions/tilsett.yml"
HR_INTERVJU = "/interview?i=docassemble.desentral:data/questions/hr.yml"
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


def _arbeidarar(ending: str) -> set[int]:
    """The gunicorn workers of one server (the master's children)."""
    master = (S / f"gunicorn{ending}.pid").read_text().strip()
    ut = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True).stdout.split()
    return {int(p) for p in ut}


def _versjon_paa(hr_side, url: str) -> str:
    hr_side.goto(url + HR_INTERVJU)
    hr_side.wait_for_selector("body.question-hr-saker")
    return hr_side.inner_text(".desentral-versjon").removeprefix("Programversjon:").strip()


def _installer_og_vent(admin: Admin, zip_fil: Path, kva: str) -> None:
    """Install through Package Management, then wait until no worker from before is left on
    either server: the install's restart (WSGI touch, the watcher's HUP) reached both."""
    for_ = {e: _arbeidarar(e) for e in ("", "-2")}
    admin.installer_zip(zip_fil, kva)
    frist = time.monotonic() + 180
    while any(for_[e] & _arbeidarar(e) for e in for_):
        assert time.monotonic() < frist, f"{kva}: arbeidarar frå før installeringa lever framleis"
        time.sleep(1)
    for e in for_:
        assert _arbeidarar(e), f"{kva}: tenaren gunicorn{e} har ingen arbeidarar"


def test_pakke_installert_gjennom_lastbalanseraren_naar_begge_tenarane(tenarar, api_nokkel, ny_side, hr_brukar,
                                                                       tmp_path):
    a, b, lb = tenarar
    merkt = f"{__version__}.post18"  # this build under another number: what each server runs shows
    admin = Admin(lb, api_nokkel)
    hr_side = ny_side("hr")
    logg_inn(hr_side, a, hr_brukar)
    assert [_versjon_paa(hr_side, u) for u in (a, b)] == [f"{PAKKE} {__version__}"] * 2
    try:
        _installer_og_vent(admin, lag_zip(tmp_path / "merkt.zip", versjon=merkt), "installering gjennom lastbalanseraren")
        for url in (a, b):
            assert Admin(url, api_nokkel).pakkar()[PAKKE]["version"] == merkt, url
            assert _versjon_paa(hr_side, url) == f"{PAKKE} {merkt}", url
    finally:
        # Leave the servers as the run found them: this build under its own number.
        _installer_og_vent(admin, lag_zip(tmp_path / "no.zip"), "installering att")
    assert [_versjon_paa(hr_side, u) for u in (a, b)] == [f"{PAKKE} {__version__}"] * 2
