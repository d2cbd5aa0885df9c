# do not pre-load
"""`python -m docassemble.desentral lag SVAR.yml --ut MAPPE`: the interview's documents from an
answer file, assembled by docassemble's own engine (see motor.py), for HR batch work and tests.

The answers are set on the same interview variables the web interview fills, the screens that
only acknowledge information are marked as seen, and the interview runs to its last screen.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..intervju.felles import verdiar_for_intervju
from ..reglar.svarfil import Svar
from .motor import Motor

__all__ = ["LagFeil", "lag_dokument", "INTERVJU", "KVITTERINGAR"]

INTERVJU = "tilsett.yml"
# Screens that only show information, and `berre_utkast`: `lag` stores no case and hands
# nothing over to HR; the interview then ends on the draft.
KVITTERINGAR = ("intro_lesen", "hms_lesen", "vurdering_lesen", "gjennomgang_ferdig", "berre_utkast")


class LagFeil(RuntimeError):
    pass


def lag_dokument(svar: Svar, ut: Path, arbeidsmappe: Path | None = None) -> dict:
    """Run the interview to its end on the engine and copy its documents into `ut`."""
    motor = Motor(arbeidsmappe or tempfile.mkdtemp(prefix="desentral-lag-"))
    okt = motor.okt(INTERVJU)
    okt.sett({**verdiar_for_intervju(svar), **{k: True for k in KVITTERINGAR}})
    skjerm = okt.skjerm
    if skjerm.id == "utanfor-omfang":
        return {"laga": False, "skjerm": skjerm.id, "filer": []}
    if skjerm.id != "avtale-ferdig":
        raise LagFeil(f"intervjuet stoppa på skjermen «{skjerm.id}» ({', '.join(skjerm.variablar)})")
    ut.mkdir(parents=True, exist_ok=True)
    filer = []
    for vedlegg in skjerm.vedlegg:
        for fmt in ("pdf", "docx"):
            if fmt in vedlegg.filer:
                dest = ut / f"{vedlegg.filnamn}.{fmt}"
                shutil.copyfile(vedlegg.filer[fmt], dest)
                filer.append(str(dest))
    return {"laga": True, "skjerm": skjerm.id, "filer": filer}
