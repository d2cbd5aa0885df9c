"""The compatibility rule for interview variables across versions (README «Upgrades and
compatibility»): the keys a released version stored — in sessions (`arbeidstakar.*`,
`verksemd.*`, `ordning.*`) and in HR's cases (the answer-file form) — keep their meaning in every
later version. New keys may be added; a key may be renamed or dropped only with a carry-forward
in `intervju.svar_fra_sak` and a line in CHANGELOG. The live check is the upgrade test on the
server (tests/nettlesar/test_pakkehandsaming.py: a 0.1.0 session resumes on this build); this
one keeps the released key lists."""
from __future__ import annotations

import re
from pathlib import Path

from docassemble.desentral.intervju.felles import SVARFELT, svar_fra_sak

DATA = Path(__file__).resolve().parent / "data"


def _utgaver():
    for fil in sorted(DATA.glob("svarfelt-*.txt")):
        yield fil.stem.removeprefix("svarfelt-"), [
            line for line in fil.read_text("utf-8").splitlines() if line and not line.startswith("#")]


def test_kvar_tidlegare_utgaave_har_ei_liste():
    """Every released version in CHANGELOG (all but the one being made) has its key list."""
    from docassemble.desentral import __version__

    changelog = (DATA.parents[1] / "CHANGELOG.md").read_text("utf-8")
    utgitte = [v for v in re.findall(r"^## (\d+\.\d+\.\d+) ", changelog, flags=re.M) if v != __version__]
    assert utgitte, "CHANGELOG has no earlier release"
    assert sorted(utgitte) == sorted(v for v, _ in _utgaver())


def test_nyklane_fraa_tidlegare_utgaaver_finst_framleis():
    no = {f"{s}.{k}" for s, keys in SVARFELT.items() for k in keys}
    for versjon, keys in _utgaver():
        assert len(keys) >= 30
        assert [k for k in keys if k not in no] == [], f"nyklar frå {versjon} som er borte utan vidareføring"


def test_ei_lagra_sak_fraa_0_1_0_kan_lesast():
    # The shape 0.1.0 stored (svar_som_dict, dates as ISO text), blanks included.
    sak = {"svar": {
        "arbeidstakar": {"namn": "Kari", "stilling": "rådgivar", "bustad": "Vågå", "nytilsett": False,
                         "tilsett_fra": "2021-03-01"},
        "verksemd": {"namn": "Direktoratet", "ordinaer_kontorstad": "Oslo"},
        "ordning": {"stad": "heimekontor", "dagpendling_realistisk": False, "dagpendling_grunngjeving": "",
                    "fra": "2027-01-01", "til": "2027-12-31", "samtykke_arbeidstakar": True,
                    "samtykke_arbeidsgivar": True, "arbeidsstad": "Vågå"},
    }}
    svar = svar_fra_sak(sak)
    assert svar.ordning.stad == "heimekontor" and svar.ordning.dagpendling_grunngjeving is None
