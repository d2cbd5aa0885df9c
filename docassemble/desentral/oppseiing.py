"""Notice (oppseiing) of an approved arrangement (issue 16). Plain Python; no docassemble import.

A tilleggsavtale can be ended by either party without ending the employment; the parties then
fall back on the ordinary agreement (Rettleiinga 5.1 and 5.3.6). Within the prøveperiode for
ordninga the agreed short notice applies; after it the notice the agreement names. An ordinary
agreement about decentralised work cannot be ended on its own: ending it ends or changes the
employment, under statstilsettelova (Rettleiinga 5.3.6), so that goes to HR.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .datoar import notice_end, nynorsk_dato
from .dokument import STAD_NAMN, trygg
from .reglar_felles import Tal, _grunn, _manader, _veker
from .reglar_tid import _siste_dag, oppseiingsfrist_for_arbeidsavtale
from .svarfil import Svar

__all__ = ["KVEN", "OppseiingFeil", "vurder_oppseiing", "Brevdata", "brevdata", "oppseiing_for_sak",
           "brev_for_sak", "oppsagd_til"]

KVEN = {"arbeidstakar": "arbeidstakaren", "arbeidsgivar": "arbeidsgivaren"}


class OppseiingFeil(ValueError):
    """Notice cannot be given on that date; the message says why, in Nynorsk."""


def _tilleggsavtale(svar: Svar, avgjerd, gitt: date, kven: str) -> dict:
    o = svar.ordning
    siste_mogleg = _siste_dag(svar)
    if gitt < o.fra:
        raise OppseiingFeil(
            f"Tilleggsavtala tek til å gjelde {nynorsk_dato(o.fra)} og kan seiast opp frå den dagen. "
            "Før det kan partane avtale at ho ikkje skal ta til å gjelde.")
    if siste_mogleg is not None and gitt > siste_mogleg:
        raise OppseiingFeil(f"Ordninga slutta {nynorsk_dato(siste_mogleg)}; ho kan ikkje seiast opp etter det.")
    pp = avgjerd["proveperiode"]
    grunnar = []
    if pp is not None and gitt <= pp["til"]:
        # Rettleiinga 5.3.6: within the trial, each party may end it with the agreed short notice.
        siste = notice_end(gitt, weeks=pp["varsel_veker"])
        grunnlag, frist = "proveperiode", _veker(pp["varsel_veker"])
        grunnar.append(_grunn(
            f"Oppseiinga er gitt i prøveperioden for ordninga (til og med {nynorsk_dato(pp['til'])}). "
            f"Varselet er {frist}, så ordninga varer til og med {nynorsk_dato(siste)}.", "Rettleiinga 5.3.6"))
    else:
        manader = o.oppseiingsfrist_manader
        if manader is None:
            raise OppseiingFeil("Tilleggsavtala har ingen avtalt oppseiingsfrist etter prøveperioden. "
                                "Ta kontakt med HR.")
        siste = notice_end(gitt, months=manader)
        grunnlag, frist = "avtalt_frist", _manader(manader)
        grunnar.append(_grunn(
            f"Oppseiingsfristen i tilleggsavtala er {frist}, rekna frå dato til dato. Ordninga varer "
            f"til og med {nynorsk_dato(siste)}.", "Tilleggsavtala; Rettleiinga 5.3.6"))
    if siste_mogleg is not None and siste > siste_mogleg:
        # Rettleiinga 5.1 and 5.3.6: it ends at its own end or with the employment anyway.
        siste = siste_mogleg
        grunnlag = "slutt_uansett"
        grunnar.append(_grunn(f"Ordninga sluttar uansett {nynorsk_dato(siste)}, før fristen går ut.",
                              "Rettleiinga 5.1 og 5.3.6"))
    grunnar.append(_grunn(
        "Arbeidsforholdet held fram. Frå dagen etter fell partane tilbake på den ordinære arbeidsavtala "
        "og arbeidsstaden som står der.", "Rettleiinga 5.1 og 5.3.6"))
    return {"avtaletype": "tilleggsavtale", "kven": kven, "gitt": gitt, "siste_dag": siste,
            "grunnlag": grunnlag, "frist": frist, "fell_tilbake": True, "til_hr": False, "grunnar": grunnar}


def _arbeidsavtale(svar: Svar, avgjerd, gitt: date, kven: str, tal: Tal) -> dict:
    at = svar.arbeidstakar
    p = avgjerd["provetid"]
    i_provetid = p is not None and p["fra"] <= gitt <= p["til"]
    frist, _ = oppseiingsfrist_for_arbeidsavtale(at, gitt, i_provetid, tal)
    manader = frist["arbeidstakar_manader" if kven == "arbeidstakar" else "arbeidsgivar_manader"]
    grunnar = [
        _grunn("Avtala om desentralisert arbeid er ein del av den ordinære arbeidsavtala. Å seie ho opp er å "
               "seie opp arbeidsforholdet, eller å avtale ei endring av det; det går gjennom HR.",
               "Rettleiinga 5.3.6"),
        _grunn(f"Etter statstilsettelova er oppseiingsfristen for {KVEN[kven]} {_manader(manader)} "
               f"({frist['tenestetid_ar']} heile år i verksemda"
               f"{', i prøvetida' if i_provetid else ''}), rekna frå dato til dato.",
               "statstilsettelova §§ 15 og 22" if i_provetid else "statstilsettelova § 22"),
        _grunn("Vil partane berre endre arbeidsstaden, skal endringa vere skriftleg seinast den dagen ho tek "
               "til å gjelde.", "arbeidsmiljølova § 14-8"),
    ]
    return {"avtaletype": "arbeidsavtale", "kven": kven, "gitt": gitt, "siste_dag": None,
            "grunnlag": "statstilsettelova", "frist": _manader(manader), "fell_tilbake": False,
            "til_hr": True, "oppseiingsfrist": frist, "grunnar": grunnar}


def vurder_oppseiing(svar: Svar, avgjerd, gitt: date, kven: str, tal: Tal | None = None) -> dict:
    """The last day of the arrangement when `kven` gives notice on `gitt`, with reasons and
    sources; OppseiingFeil when notice is not possible that day."""
    if kven not in KVEN:
        raise OppseiingFeil("Vel kven som seier opp.")
    if not avgjerd["i_omfang"]:
        raise OppseiingFeil("Saka er utanfor rettleiinga; det finst inga avtale å seie opp.")
    if avgjerd["avtaletype"] == "tilleggsavtale":
        return _tilleggsavtale(svar, avgjerd, gitt, kven)
    return _arbeidsavtale(svar, avgjerd, gitt, kven, tal or Tal())


@dataclass(frozen=True)
class Brevdata:
    """What the notice letter (data/templates/oppseiing.md) prints: dates as Nynorsk text from
    the result, typed text made literal by trygg(). The wording is in the template."""

    verksemd_namn: str
    arbeidstakar_namn: str
    stilling: str
    stad: str
    ordning_fra: str
    kven: str
    motpart: str
    gitt: str
    siste_dag: str
    dagen_etter: str
    grunnlag: str
    frist: str
    grunn: str


def brevdata(svar: Svar, resultat: dict, grunn: str | None) -> Brevdata:
    at, o = svar.arbeidstakar, svar.ordning
    kven = resultat["kven"]
    motpart = "arbeidsgivar" if kven == "arbeidstakar" else "arbeidstakar"
    return Brevdata(
        verksemd_namn=trygg(svar.verksemd.namn), arbeidstakar_namn=trygg(at.namn), stilling=trygg(at.stilling),
        stad=STAD_NAMN[o.stad], ordning_fra=nynorsk_dato(o.fra), kven=KVEN[kven], motpart=KVEN[motpart],
        gitt=nynorsk_dato(resultat["gitt"]), siste_dag=nynorsk_dato(resultat["siste_dag"]),
        dagen_etter=nynorsk_dato(resultat["siste_dag"] + timedelta(days=1)), grunnlag=resultat["grunnlag"],
        frist=resultat["frist"], grunn=trygg(grunn) if grunn and grunn.strip() else "")


def oppseiing_for_sak(sak: dict, vurdering, gitt, kven: str) -> dict:
    """What oppseiing.yml calls: the result for a stored case (OppseiingFeil if refused)."""
    from .intervju import _dag, svar_fra_sak  # noqa: PLC0415

    return vurder_oppseiing(svar_fra_sak(sak), vurdering, _dag(gitt), kven)


def brev_for_sak(sak: dict, resultat: dict, grunn: str | None) -> Brevdata:
    from .intervju import svar_fra_sak  # noqa: PLC0415

    return brevdata(svar_fra_sak(sak), resultat, grunn)


def oppsagd_til(sak: dict) -> str:
    """The stored last day of an ended tilleggsavtale, as Nynorsk text."""
    return nynorsk_dato(date.fromisoformat(sak["oppseiing"]["siste_dag"]))
