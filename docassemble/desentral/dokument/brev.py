"""The notice letter's data (issues 16 and 28): the rules' result for a notice as the Nynorsk
text data/templates/oppseiing.md prints, typed text made literal by `trygg`.

The rules are in reglar.oppseiing; here only what the letter shows of them.
"""
from __future__ import annotations

from datetime import timedelta

from ..reglar.datoar import nynorsk_dato
from ..reglar.livslop import versjon_som_sak
from ..reglar.oppseiing import KVEN, Brevdata
from ..reglar.saker import svar_fra_sak
from ..reglar.svarfil import Svar
from .avtaledata import STAD_NAMN, trygg

__all__ = ["brevdata", "brev_for_sak"]


def brevdata(svar: Svar, resultat: dict, grunn: str | None) -> Brevdata:
    at, o = svar.arbeidstakar, svar.ordning
    kven = resultat["kven"]
    motpart = "arbeidsgivar" if kven == "arbeidstakar" else "arbeidstakar"
    siste = resultat["siste_dag"]
    return Brevdata(
        verksemd_namn=trygg(svar.verksemd.namn), arbeidstakar_namn=trygg(at.namn), stilling=trygg(at.stilling),
        stad=STAD_NAMN[o.stad], ordning_fra=nynorsk_dato(o.fra), kven=KVEN[kven], motpart=KVEN[motpart],
        gitt=nynorsk_dato(resultat["gitt"]), mottatt=nynorsk_dato(resultat["mottatt"]),
        siste_dag=nynorsk_dato(siste) if siste else None,
        dagen_etter=nynorsk_dato(siste + timedelta(days=1)) if siste else None,
        grunnlag=resultat["grunnlag"], verknad=resultat["verknad"], frist=resultat["frist"],
        tilsetjing_slutt=nynorsk_dato(at.mellombels_til) if at.mellombels_til else None,
        grunn=trygg(grunn) if grunn and grunn.strip() else "")


def brev_for_sak(sak: dict, resultat: dict, grunn: str | None) -> Brevdata:
    vsak = versjon_som_sak(sak, resultat["versjon"])
    return brevdata(svar_fra_sak(vsak), resultat, grunn)
