"""The oldest Python the package declares (setup.py python_requires) is checked against its
source with vermin, which reads the syntax and standard-library use of every module; the rule
tests themselves also run on Python 3.11 with the oldest supported docassemble (scripts/test.sh,
phase «eldste docassemble»)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _python_requires() -> str:
    m = re.search(r'python_requires=">=(\d+\.\d+)"', (ROOT / "setup.py").read_text("utf-8"))
    assert m, "setup.py has no python_requires"
    return m.group(1)


def test_python_requires_star_i_readme():
    assert f"Python {_python_requires()}" in (ROOT / "README.md").read_text("utf-8")


def test_kjeldekoden_held_seg_til_eldste_python():
    pytest.importorskip("vermin")
    eldste = _python_requires()
    r = subprocess.run(
        [str(Path(sys.executable).with_name("vermin")), "--no-tips", "--eval-annotations", "--violations",
         f"--target={eldste}-", "docassemble/desentral", "scripts/pakke_zip.py"],
        cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, f"vermin: kode som krev nyare Python enn {eldste}:\n{r.stdout}{r.stderr}"
    # vermin did analyse the package (a run over no files would pass too).
    assert re.search(r"Analyzing (\d+) files", r.stdout) and int(
        re.search(r"Analyzing (\d+) files", r.stdout).group(1)) >= 15, r.stdout
