"""Shared fixtures. The rules are imported from the checkout, as `PYTHONPATH=.` does."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

DOME = ROOT / "docassemble" / "desentral" / "data" / "sources" / "dome"


def _base() -> dict:
    """A complete, in-scope answer file as a dict (existing employee, time-limited home office)."""
    return yaml.safe_load((DOME / "heimekontor_tilleggsavtale.yml").read_text("utf-8"))


@pytest.fixture
def svar_dict():
    return copy.deepcopy(_base())


@pytest.fixture
def lag_svar():
    """Build a Svar from the base answers with dotted overrides: lag_svar(**{"ordning.til": None})."""
    from docassemble.desentral.reglar.svarfil import svar_fra_dict

    def build(overrides: dict | None = None, drop: tuple[str, ...] = ()):
        data = copy.deepcopy(_base())
        for dotted, value in (overrides or {}).items():
            section, key = dotted.split(".")
            data.setdefault(section, {})[key] = value
        for dotted in drop:
            section, key = dotted.split(".")
            data[section].pop(key, None)
        return svar_fra_dict(data)

    return build


def pytest_collection_modifyitems(config, items):
    """`DESENTRAL_UTVAL=1` (scripts/test.sh's phase on the oldest supported docassemble, issue
    15: «a separate, shorter job»): every test runs, but a parametrized one with its first case
    only — the cases vary the answers, not what docassemble does with them, and all of them run
    on the newest docassemble in the phase before."""
    import os

    if os.environ.get("DESENTRAL_UTVAL") != "1":
        return
    sett, behald, vekk = set(), [], []
    for item in items:
        funksjon = item.nodeid.split("[", 1)[0]
        if "[" in item.nodeid and funksjon in sett:
            vekk.append(item)
        else:
            sett.add(funksjon)
            behald.append(item)
    if vekk:
        config.hook.pytest_deselected(items=vekk)
        items[:] = behald
