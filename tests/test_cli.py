"""`python -m docassemble.desentral` from a checkout, with plain python3 and pyyaml."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome" / "heimekontor_tilleggsavtale.yml"


def cli(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "docassemble.desentral", *map(str, args)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def write(tmp_path, data, name="svar.yml"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_vurder_prints_one_json_object():
    p = cli("vurder", DOME, "--dato", "2026-11-26")
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    out = json.loads(p.stdout)
    for key in ("i_omfang", "avvisingsgrunn", "situasjon", "avtaletype", "grunngjeving",
                "proveperiode", "provetid", "oppseiingsfrist", "manglar", "atvaringar"):
        assert key in out
    assert out["avtaletype"] == "tilleggsavtale"
    assert out["proveperiode"] == {"fra": "2027-01-01", "til": "2027-03-31", "manader": 3,
                                   "varsel_veker": 2, "varsel_dagar": 14}
    assert "Rettleiinga 5.3.2" in {g["kjelde"] for g in out["grunngjeving"]}


@pytest.fixture
def utan_docassemble(tmp_path) -> dict:
    """An environment where importing docassemble (other than this package) fails."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class B:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('docassemble.') and not name.startswith('docassemble.desentral'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, B())\n")
    env = dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}")
    probe = subprocess.run([sys.executable, "-c", "import docassemble.base"],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert "blocked: docassemble.base" in probe.stderr  # the blocker is in force
    return env


def test_vurder_runs_without_docassemble(utan_docassemble):
    # The module must not import docassemble: block it and run the CLI in the same way.
    env = utan_docassemble
    p = subprocess.run([sys.executable, "-m", "docassemble.desentral", "vurder", str(DOME)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def test_tal_lists_figures_with_status():
    p = cli("tal")
    assert p.returncode == 0
    rows = json.loads(p.stdout)
    assert {"stadfesta", "sekundærkjelde", "ikkje stadfesta"} == {r["status"] for r in rows}
    assert all(r["kjelde"] for r in rows)


def _base():
    return yaml.safe_load(DOME.read_text("utf-8"))


def _with(section, key, value):
    data = _base()
    data[section][key] = value
    return data


def _without(section, key):
    data = _base()
    del data[section][key]
    return data


@pytest.mark.parametrize("data, message", [
    (_without("ordning", "fra"), "ordning.fra: manglar"),
    (_without("ordning", "til"), "ordning.til: manglar"),
    (_without("arbeidstakar", "nytilsett"), "arbeidstakar.nytilsett: manglar"),
    (_without("arbeidstakar", "tilsett_fra"), "arbeidstakar.tilsett_fra: manglar"),
    (_without("ordning", "stad"), "ordning.stad: manglar"),
    (_without("ordning", "samtykke_arbeidstakar"), "ordning.samtykke_arbeidstakar: manglar"),
    (_without("ordning", "dagpendling_realistisk"), "ordning.dagpendling_realistisk: manglar"),
    ({**_base(), "ordning": {**_base()["ordning"], "til": None}}, "ordning.fast_pa_ordinaer_kontorstad: manglar"),
    (_with("ordning", "til", "2026-12-31"), "ordning.til: Sluttdatoen kan ikkje vere før startdatoen."),
    (_with("ordning", "fra", "2027-02-30"), "ordning.fra: «2027-02-30» er ikkje ein gyldig dato"),
    (_with("ordning", "fra", "1. januar 2027"), "ordning.fra: «1. januar 2027» er ikkje ein dato på forma ÅÅÅÅ-MM-DD"),
    (_with("ordning", "stad", "hytta"), "ordning.stad: «hytta» er ikkje ein gyldig verdi"),
    (_with("ordning", "fargen", "blå"), "ordning.fargen: ukjend felt"),
    ({**_base(), "ekstra": 1}, "ekstra: ukjend felt"),
    (_with("arbeidstakar", "fravaer_i_provetid_dagar", -3), "arbeidstakar.fravaer_i_provetid_dagar: talet kan ikkje vere negativt"),
    (_with("arbeidstakar", "nytilsett", "ja"), "arbeidstakar.nytilsett: må vere true eller false"),
    (_with("ordning", "oppseiingsfrist_manader", 2.5), "ordning.oppseiingsfrist_manader: må vere eit heilt tal"),
    (_with("ordning", "fra", "2020-01-01"), "ordning.fra: Ordninga kan ikkje starte før første arbeidsdag i verksemda."),
    (_with("arbeidstakar", "mellombels_til", "2020-01-01"), "arbeidstakar.mellombels_til: Siste arbeidsdag kan ikkje vere før første arbeidsdag."),
    (_with("ordning", "arbeidsstad", "x" * 201), "ordning.arbeidsstad: teksten er for lang (201 teikn; høgst 200)"),
    (_with("ordning", "utstyr", "x" * 4001), "ordning.utstyr: teksten er for lang (4001 teikn; høgst 4000)"),
    (_with("ordning", "arbeidsstad", "  \n "), "ordning.arbeidsstad: feltet er tomt"),
    (_with("arbeidstakar", "namn", ""), "arbeidstakar.namn: feltet er tomt"),
    (_with("ordning", "utstyr", "PC\x00"), "ordning.utstyr: teksten inneheld kontrollteikn"),
    (_with("ordning", "til", "2999-12-31"), "ordning.til: året 2999 er ikkje truleg (må vere mellom 1970 og 2100)"),
    (_with("arbeidstakar", "tilsett_fra", "0202-03-01"), "arbeidstakar.tilsett_fra: året 202 er ikkje truleg"),
    ("arbeidstakar: [\n", "linje"),
    ("- 1\n", "svarfila: må vere ein YAML-mapping"),
])
def test_bad_input_exits_2_with_one_nynorsk_line(tmp_path, data, message):
    p = cli("vurder", write(tmp_path, data))
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.count("\n") == 1
    assert p.stderr.startswith(message), p.stderr


def test_missing_file(tmp_path):
    p = cli("vurder", tmp_path / "finst-ikkje.yml")
    assert p.returncode == 2 and p.stdout == ""
    assert "fila finst ikkje" in p.stderr


@pytest.mark.parametrize("args", [("vurder",), ("ukjend",), ("vurder", DOME, "--dato", "i går"), ("vurder", DOME, "--x", "1")])
def test_usage_errors_exit_2(args):
    p = cli(*args)
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.strip()


def test_quoted_and_unquoted_dates_are_the_same(tmp_path):
    text = DOME.read_text("utf-8").replace("fra: 2027-01-01", 'fra: "2027-01-01"')
    a = cli("vurder", write(tmp_path, text), "--dato", "2026-11-26")
    b = cli("vurder", DOME, "--dato", "2026-11-26")
    assert a.returncode == 0 and a.stdout == b.stdout


def test_oppseiing_og_tidslinje_fraa_kommandolinja():
    """Issue 16: HR can batch-check notice dates and the timeline from the command line."""
    p = cli("oppseiing", DOME, "--gitt", "2027-02-10", "--kven", "arbeidsgivar", "--dato", "2026-12-01")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert (out["siste_dag"], out["grunnlag"], out["kven"]) == ("2027-02-24", "proveperiode", "arbeidsgivar")
    p = cli("oppseiing", DOME, "--gitt", "2028-01-02")
    assert p.returncode == 2 and p.stdout == ""
    assert "slutta 31. desember 2027" in p.stderr
    p = cli("oppseiing", DOME)
    assert p.returncode == 2 and "--gitt" in p.stderr
    tidslinje = json.loads(cli("vurder", DOME, "--dato", "2026-12-01").stdout)["tidslinje"]
    assert [t["kva"] for t in tidslinje] == ["skriftleg_frist", "proveperiode_slutt", "ordning_slutt"]
    assert tidslinje[1] == {"kva": "proveperiode_slutt", "dato": "2027-03-31", "kjelde": "Rettleiinga 5.3.6",
                            "tekst": tidslinje[1]["tekst"]} and "2 veker" in tidslinje[1]["tekst"]


def test_vurder_med_endringsdato_reknar_fristen_fraa_endringa(tmp_path):
    """A changed agreement (issue 16): `ordning.endra_fra` in the answer file; the timeline's
    signing deadline is that day (arbeidsmiljølova § 14-8), and a day outside the period is
    refused naming the field."""
    data = yaml.safe_load(DOME.read_text("utf-8"))
    data["ordning"]["endra_fra"] = "2027-05-03"
    out = json.loads(cli("vurder", write(tmp_path, data), "--dato", "2027-04-01").stdout)
    [frist] = [p for p in out["tidslinje"] if p["kva"] == "skriftleg_frist"]
    assert (frist["dato"], frist["kjelde"]) == ("2027-05-03", "arbeidsmiljølova § 14-8")
    data["ordning"]["endra_fra"] = "2028-01-01"
    p = cli("vurder", write(tmp_path, data), "--dato", "2027-04-01")
    assert p.returncode != 0 and "ordning.endra_fra: Endringa kan ikkje gjelde frå etter at ordninga sluttar" in p.stderr


# The law and the documents' plain parts (issue 30): these import no docassemble, so the rules
# run and are tested in any Python with pyyaml.
PAKKE = ROOT / "docassemble" / "desentral"
# The law (every module of reglar/) and the documents' plain-Python part import no docassemble;
# dokumentformat reads the server's configuration and is the one exception in dokument/.
REGLAR = sorted(f"reglar.{f.stem}" for f in (PAKKE / "reglar").glob("*.py") if f.stem != "__init__")
DOKUMENT_REIN = sorted(f"dokument.{f.stem}" for f in (PAKKE / "dokument").glob("*.py")
                       if f.stem not in ("__init__", "dokumentformat"))
UTAN_DOCASSEMBLE = REGLAR + DOKUMENT_REIN


def test_lovlaget_importerer_ikkje_docassemble(utan_docassemble):
    env = utan_docassemble
    kode = "; ".join(f"import docassemble.desentral.{m}" for m in UTAN_DOCASSEMBLE)
    p = subprocess.run([sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def test_reglar_i_ein_python_utan_docassemble():
    """The layer of the law in a Python where docassemble is not installed at all (Debian's own)."""
    python = "/usr/bin/python3"
    if subprocess.run([python, "-c", "import yaml"], capture_output=True).returncode != 0:
        pytest.skip(f"{python} har ikkje pyyaml")
    assert subprocess.run([python, "-c", "import docassemble.base"], cwd="/", capture_output=True).returncode != 0
    assert len(REGLAR) >= 17
    kode = "; ".join(f"import docassemble.desentral.{m}" for m in REGLAR) + \
        "; import sys; print(sorted(m for m in sys.modules if m.startswith('docassemble.') " \
        "and not m.startswith('docassemble.desentral')))"
    p = subprocess.run([python, "-c", kode], cwd=ROOT, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"
