"""Issues 8 and 15: the package as an administrator installs it, through docassemble's own Package
Management API on the local server: install the previous release's ZIP, start an employee's
session, upgrade to this build while the session waits, resume it with its answers and
produce its documents, uninstall, and leave the server as it was (this build installed).

The previous release is built from its commit, named in CHANGELOG.md (every clone has it;
tags do not always travel with a clone).

The PyPI way (issue 15): scripts/test.sh starts a package index of its own (pypiserver on
127.0.0.1) and names it to the test server with docassemble's `pip extra index urls` key; the
test uploads the previous release's and this build's sdist and wheel there, installs the
previous release by name and version, and upgrades it by name alone."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import requests
from nettlesarhjelp import Intervju, docx_tekst, fram_til_stad, logg_inn, pdf_tekst, samtykke_og_periode

ROOT = Path(__file__).resolve().parents[2]
from pakke_zip import bygg, lag_zip

from docassemble.desentral import __version__

PAKKE = "docassemble.desentral"
# The previous release, "## 0.1.0 – dato (commit abc1234)" in CHANGELOG.md.
FORRIGE, FORRIGE_COMMIT = re.search(r"^## (0\.1\.0) .*\(commit ([0-9a-f]{7,40})\)",
                                    (ROOT / "CHANGELOG.md").read_text("utf-8"), re.M).groups()
RAPPORT: list[str] = []  # printed at the end of the run (conftest: pytest_terminal_summary)
# Installs, upgrades and removes the package on the server: runs alone (scripts/test.sh, phase 3b).
pytestmark = pytest.mark.eigen_tenar


class Admin:
    """docassemble's Package Management API with the administrator's key."""

    def __init__(self, url: str, nokkel: str):
        self.url, self.h = url, {"X-API-Key": nokkel}

    def pakkar(self) -> dict[str, dict]:
        r = requests.get(f"{self.url}/api/package", headers=self.h, timeout=30)
        r.raise_for_status()
        return {p["name"]: p for p in r.json()}

    def _vent(self, r: requests.Response, kva: str) -> str:
        assert r.status_code == 200, (kva, r.status_code, r.text[:500])
        task = r.json()["task_id"]
        frist = time.monotonic() + 300
        while time.monotonic() < frist:
            # The install's own task status, asked again until the deadline: while pip runs and
            # the server restarts, one request may find no worker free to answer (issue 29: a
            # single 30-second read timeout failed a fresh-clone run).
            try:
                s = requests.get(f"{self.url}/api/package_update_status", params={"task_id": task},
                                 headers=self.h, timeout=15).json()
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(2)
                continue
            if s["status"] == "completed":
                assert s.get("ok"), (kva, s)
                break
            assert s["status"] == "working", (kva, s)
            time.sleep(2)
        else:
            pytest.fail(f"{kva}: ikkje ferdig på 300 s")
        self.svarar(kva)
        return s.get("log", "")

    def svarar(self, kva: str) -> None:
        """The server answers after the restart the worker asked for. gunicorn reloads its
        workers after the task is done, so a first answer can come from a worker about to be
        replaced (measured: a single health check right after it timed out at 10 s while the
        new workers started, with the other test phases beside it on the 2 cores)."""
        for _ in range(120):
            try:
                if requests.get(f"{self.url}/health_check", timeout=10).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        pytest.fail(f"{kva}: tenaren svarar ikkje etter omstart")

    def installer_zip(self, zip_fil: Path, kva: str) -> None:
        with zip_fil.open("rb") as f:
            r = requests.post(f"{self.url}/api/package", headers=self.h, timeout=120,
                              files={"zip": ("docassemble-desentral.zip", f, "application/zip")})
        self._vent(r, kva)

    def installer_pip(self, krav: str, kva: str) -> None:
        """Package Management's PyPI way: `pip install --upgrade KRAV` in the worker."""
        r = requests.post(f"{self.url}/api/package", headers=self.h, timeout=120, data={"pip": krav})
        self._vent(r, kva)

    def avinstaller(self) -> None:
        r = requests.delete(f"{self.url}/api/package", params={"package": PAKKE}, headers=self.h, timeout=120)
        self._vent(r, "avinstallering")


def _til_samtykke(iv: Intervju, namn: str):
    fram_til_stad(iv, namn, nytilsett=False)
    iv.val("Arbeidsstad", "Heimekontor")
    iv.hald_fram("dagpendling")
    iv.val("Er dagpendling til kontorstaden realistisk for deg?", "Nei")
    iv.hald_fram("samtykke")


def test_installer_oppgrader_med_okt_i_gang_og_avinstaller(side, tenar, api_nokkel, brukar, tmp_path):
    admin = Admin(tenar, api_nokkel)
    no = __version__
    forrige_zip = tmp_path / "forrige.zip"
    lag_zip(forrige_zip, ref=FORRIGE_COMMIT)
    RAPPORT.append(f"førre utgåve: {FORRIGE} frå commit {FORRIGE_COMMIT} (CHANGELOG.md)")
    ny_zip = lag_zip(tmp_path / "ny.zip")

    try:
        admin.installer_zip(forrige_zip, "installering av førre utgåve")
        pakke = admin.pakkar()[PAKKE]
        assert (pakke["type"], pakke.get("version")) == ("zip", FORRIGE), \
            f"Package Management melde ikkje versjon {FORRIGE} etter installeringa: {pakke}"
        RAPPORT.append(f"installert gjennom POST /api/package: {PAKKE} {pakke['version']}")

        # An employee starts before the upgrade and stops on the consent screen.
        logg_inn(side, tenar, brukar)
        # The release installed here (CHANGELOG, 0.1.0) had no Nynorsk for the sign-in notice (0.3.0 has):
        # that one phrase, on that page, is the old release's, not this one's.
        side.opptak.engelsk = [(s, e) for s, e in side.opptak.engelsk
                               if e != ["You have signed in successfully."]]
        iv = Intervju(side, tenar).start()
        _til_samtykke(iv, "Ola Oppgradering")

        admin.installer_zip(ny_zip, "oppgradering")
        pakke = admin.pakkar()[PAKKE]
        assert pakke.get("version") == no, f"Package Management melde ikkje versjon {no}: {pakke}"
        RAPPORT.append(f"oppgradert med ei økt i gang: {PAKKE} {pakke['version']}")

        # The same session resumes on the new code, with the answers given before.
        side.reload()
        side.wait_for_selector("body.question-samtykke")
        iv.sjekk()
        samtykke_og_periode(iv, "2021-03-01", "2027-01-01", "2027-12-31")
        for skjerm in ("arbeidsstad", "omfang"):
            iv.hald_fram(skjerm)
        iv.val("Omfang", "Heile stillinga")
        for skjerm in ("tilgjengelegheit", "arbeidstid", "utstyr", "utstyr-ansvar", "hms", "proveperiode"):
            iv.hald_fram(skjerm)
        iv.tekst("Oppseiingsfrist etter prøveperioden (månader)", "2")
        iv.hald_fram("vurdering")
        iv.hald_fram("gjennomgang")
        iv.hald_fram("innsending")
        iv.knapp("Send til HR", "avtale-ferdig")
        filer = iv.dokument()
        for tekst in (pdf_tekst(filer["pdf"]), docx_tekst(filer["docx"])):
            # Answers from before the upgrade: name, home address (the workplace's default).
            assert "Ola Oppgradering" in tekst and "Storgata 1, 2680 Vågå" in tekst
        RAPPORT.append("økta frå før oppgraderinga heldt fram med svara sine og laga PDF og DOCX")

        admin.avinstaller()
        assert PAKKE not in admin.pakkar()
        admin.svarar("etter avinstallering")
        RAPPORT.append("avinstallert gjennom DELETE /api/package; tenaren svarar (health_check 200)")
    finally:
        # Leave the server as the run found it: this build installed.
        if admin.pakkar().get(PAKKE, {}).get("version") != no:
            admin.installer_zip(ny_zip, "installering att")
        RAPPORT.append(f"installert att: {PAKKE} {admin.pakkar()[PAKKE]['version']}")


def test_pypi_installer_ved_namn_og_oppgrader(tenar, api_nokkel):
    indeks = os.environ.get("DESENTRAL_PYPI_DIR")
    if not indeks:
        pytest.skip("ingen pakkeindeks (scripts/test.sh startar ein: DESENTRAL_PYPI_DIR)")
    admin = Admin(tenar, api_nokkel)
    no = __version__
    for ref in (FORRIGE_COMMIT, None):
        for fil in bygg(Path(indeks), ref=ref):
            RAPPORT.append(f"i pakkeindeksen (pypiserver, 127.0.0.1): {fil.name}")
    try:
        admin.installer_pip(f"{PAKKE}=={FORRIGE}", "installering ved namn og versjon")
        pakke = admin.pakkar()[PAKKE]
        assert (pakke["type"], pakke.get("version")) == ("pip", FORRIGE), \
            f"Package Management melde ikkje {PAKKE} {FORRIGE} frå PyPI-vegen: {pakke}"
        RAPPORT.append(f"installert ved namn gjennom POST /api/package {{pip: {PAKKE}=={FORRIGE}}}: "
                       f"{pakke['version']}")
        admin.installer_pip(PAKKE, "oppgradering ved namn")
        pakke = admin.pakkar()[PAKKE]
        assert (pakke["type"], pakke.get("version")) == ("pip", no), \
            f"Package Management melde ikkje {PAKKE} {no} etter oppgradering ved namn: {pakke}"
        RAPPORT.append(f"oppgradert ved namn gjennom POST /api/package {{pip: {PAKKE}}}: {pakke['version']}")
        # The worker's pip fetched both releases from this index (its request log), not elsewhere.
        logg = Path(os.environ["DESENTRAL_PYPI_LOG"]).read_text("utf-8", errors="replace")
        for versjon in (FORRIGE, no):
            assert f"docassemble_desentral-{versjon}-py3-none-any.whl" in logg, \
                f"pakkeindeksen fekk ingen førespurnad etter {versjon}:\n{logg[-2000:]}"
        admin.svarar("etter oppgradering frå PyPI")
    finally:
        pakke = admin.pakkar().get(PAKKE, {})
        if pakke.get("version") != no:
            admin.installer_pip(PAKKE, "installering att")
