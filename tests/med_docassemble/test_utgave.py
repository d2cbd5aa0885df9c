"""Release hygiene (issue 8): the sdist and the wheel hold every file under data/ and no tests,
the version comes from its one place, and the wheel installed into a clean virtual environment
exposes the interviews, templates and sources where docassemble looks for them
(`docassemble.desentral:data/...`, resolved through the installed package)."""
from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAKKE = ROOT / "docassemble" / "desentral"


def _data_filer() -> list[str]:
    """Every file under data/ that git knows (tracked or new), relative to the package."""
    ut = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "docassemble/desentral/data"], cwd=ROOT,
                        check=True, capture_output=True, text=True).stdout.split()
    return sorted(str(Path(f).relative_to("docassemble/desentral")) for f in ut)


@pytest.fixture(scope="module")
def bygg(tmp_path_factory):
    from pakke_zip import bygg as bygg_utgave  # noqa: PLC0415

    return bygg_utgave(tmp_path_factory.mktemp("dist"))


def test_versjonen_kjem_fraa_init(bygg):
    from docassemble.desentral import __version__

    whl, sdist = bygg
    assert whl.name.startswith(f"docassemble.desentral-{__version__}-") or \
        whl.name.startswith(f"docassemble_desentral-{__version__}-")
    assert f"-{__version__}.tar.gz" in sdist.name
    assert f"## {__version__} " in (ROOT / "CHANGELOG.md").read_text("utf-8")


def test_hjul_og_sdist_har_alle_datafilene_og_ingen_testar(bygg):
    whl, sdist = bygg
    data = _data_filer()
    assert "data/questions/tilsett.yml" in data and "data/templates/desentral.tex" in data
    with zipfile.ZipFile(whl) as z:
        i_hjul = {n.removeprefix("docassemble/desentral/") for n in z.namelist() if n.startswith("docassemble/desentral/")}
        assert not [n for n in z.namelist() if n.startswith("tests/") or "/tests/" in n]
    assert [f for f in data if f not in i_hjul] == []
    with tarfile.open(sdist) as t:
        namn = t.getnames()
    topp = namn[0].split("/")[0]
    i_sdist = {n.removeprefix(f"{topp}/docassemble/desentral/") for n in namn}
    assert [f for f in data if f not in i_sdist] == []
    assert not [n for n in namn if n.startswith(f"{topp}/tests/")]


def test_hjulet_i_eit_reint_miljo_viser_intervju_malar_og_kjelder(bygg, tmp_path):
    whl, _ = bygg
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(whl)], check=True)
    kode = (
        "import json, importlib.resources as r, docassemble.desentral as d\n"
        "p = r.files('docassemble.desentral')\n"
        "print(json.dumps({'versjon': d.__version__, 'filer': sorted(str(f.relative_to(p)) for f in"
        " (p / 'data').rglob('*') if f.is_file())}))"
    )
    # Outside the checkout, so only the installed package can answer.
    ut = json.loads(subprocess.run([str(py), "-c", kode], cwd=tmp_path, check=True, capture_output=True,
                                   text=True).stdout)
    from docassemble.desentral import __version__

    assert ut["versjon"] == __version__
    assert [f for f in _data_filer() if f not in ut["filer"]] == []
    for fil in ("data/questions/tilsett.yml", "data/questions/hr.yml", "data/templates/tilleggsavtale.md",
                "data/templates/referanse.docx", "data/sources/regelverk.yml", "data/sources/nn-words.yml"):
        assert fil in ut["filer"]
