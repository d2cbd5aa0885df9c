"""Issue 31, item 4: the 2024 list of municipalities as dated data (kommunar-2024.yml), and the
interview's answer `ordning.kommune` checked against it."""
from __future__ import annotations

from collections import Counter

import pytest

from docassemble.desentral.reglar.kommunar import kjelde, kommunar, kommunenamn, kommuneval
from docassemble.desentral.reglar.svarfil import SvarFeil, svar_fra_dict

# Municipalities per county from 1 January 2024 (the county reversals and the Ålesund/Haram split).
PER_FYLKE = {"03": 1, "11": 23, "15": 27, "18": 41, "31": 12, "32": 21, "33": 18, "34": 46, "39": 6, "40": 17,
             "42": 25, "46": 43, "50": 38, "55": 21, "56": 18}


def test_lista_fraa_2024():
    k = kommunar()
    assert len(k) == 357 and all(len(nr) == 4 and nr.isdigit() for nr in k)
    assert Counter(nr[:2] for nr in k) == PER_FYLKE
    # 2024: Ålesund split into 1508 Ålesund and 1580 Haram; Viken's numbers (30xx) are gone.
    assert kommunenamn("1508") == "Ålesund" and kommunenamn("1580") == "Haram" and kommunenamn("1507") is None
    assert not any(nr.startswith(("30", "38", "54")) for nr in k)
    assert kommunenamn("0301") == "Oslo" and kommunenamn(None) is None
    assert kjelde()["gjeld_fra"] == "2024-01-01" and kjelde()["status"] == "ikkje stadfesta"


def test_vala_i_norsk_rekkjefolgje():
    namn = [next(iter(v.values())) for v in kommuneval()]
    assert len(namn) == 357 and namn[:2] == ["Aarborte - Hattfjelldal (1826)", "Alstahaug (1820)"]
    # Æ, Ø and Å after Z; the South Sámi «Aarborte» (Hattfjelldal) is an A, as SSB writes it.
    assert namn[-1] == "Åsnes (3418)"
    assert namn.index("Vågå (3435)") < namn.index("Øyer (3440)") < namn.index("Ål (3328)")


def test_svarfila_tek_kommunenummer(svar_dict):
    med = dict(svar_dict, ordning=dict(svar_dict["ordning"], kommune="4601"))
    assert svar_fra_dict(med).ordning.kommune == "4601"
    with pytest.raises(SvarFeil) as feil:
        svar_fra_dict(dict(svar_dict, ordning=dict(svar_dict["ordning"], kommune="1507")))
    assert str(feil.value) == "ordning.kommune: «1507» er ikkje ein gyldig verdi"
