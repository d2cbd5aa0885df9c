"""Notice (oppseiing) of an approved arrangement (issues 16 and 28). Plain Python; no docassemble
import.

A tilleggsavtale can be ended by either party without ending the employment; the parties then
fall back on the ordinary agreement (Rettleiinga 5.1 and 5.3.6) — unless the employment itself
ends first: a tilleggsavtale ends automatically with it, and there is nothing to fall back on.
Within the prøveperiode for ordninga the agreed short notice applies; after it the notice the
agreement names. Notice runs from date to date, counted from the day it is received (legal
facts 1.3). An ordinary agreement about decentralised work cannot be ended on its own: ending it
ends or changes the employment, under statstilsettelova (Rettleiinga 5.3.6), so that goes to HR.
Notice applies to the version in force on the day it is received: a new period not yet started
does not hide the period that runs (issue 28, item 2).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .datoar import notice_end, nynorsk_dato, som_dato
from .livslop import gjeldande_versjon, kommande_periode, versjon_som_sak
from .vurdering import vurder
from .felles import Tal, kjeldegrunn, manader_tekst, veker_tekst
from .tid import siste_dag_for_ordninga, oppseiingsfrist_for_arbeidsavtale
from .saker import SakFeil, svar_fra_sak, trekk_tilbake_godkjenning
from .signering import ferdig_signert
from .svarfil import Svar

__all__ = ["KVEN", "OppseiingFeil", "vurder_oppseiing", "Brevdata", "oppseiing_for_sak",
           "oppsagd_til", "kan_seiast_opp", "versjon_for_oppseiing", "trekk_tilbake"]

KVEN = {"arbeidstakar": "arbeidstakaren", "arbeidsgivar": "arbeidsgivaren"}


class OppseiingFeil(ValueError):
    """Notice cannot be given on that date; the message says why, in Nynorsk."""


def _varsel(mottatt: date, veker: int = 0, manader: int = 0) -> date:
    """The last day of the arrangement after a notice received on `mottatt`: date to date, and
    a notice of nothing ends it that same day."""
    return notice_end(mottatt, months=manader, weeks=veker) if veker or manader else mottatt


def _tilleggsavtale(svar: Svar, avgjerd, gitt: date, mottatt: date, kven: str) -> dict:
    o, at = svar.ordning, svar.arbeidstakar
    siste_mogleg = siste_dag_for_ordninga(svar)
    if siste_mogleg is not None and mottatt > siste_mogleg:
        raise OppseiingFeil(f"Ordninga slutta {nynorsk_dato(siste_mogleg)}; ho kan ikkje seiast opp etter det.")
    ut = {"avtaletype": "tilleggsavtale", "kven": kven, "gitt": gitt, "mottatt": mottatt, "til_hr": False}
    if mottatt < o.fra:
        # Rettleiinga 5.3.1: decentralised work rests on both parties wanting it; notice received
        # before the arrangement starts means it does not start (issue 28, item 4).
        return dict(ut, siste_dag=None, grunnlag="for_start", frist=None, verknad="tek_ikkje_til", grunnar=[
            kjeldegrunn(f"Oppseiinga er motteken {nynorsk_dato(mottatt)}, før tilleggsavtala skulle ta til å gjelde "
                   f"{nynorsk_dato(o.fra)}. Desentralisert arbeid byggjer på at begge partar vil, så ordninga tek "
                   "ikkje til å gjelde. Den ordinære arbeidsavtala gjeld som før.", "Rettleiinga 5.3.1 og 5.3.6")])
    pp = avgjerd["proveperiode"]
    if pp is not None and mottatt <= pp["til"]:
        # Rettleiinga 5.3.6: within the trial, each party may end it with the agreed short notice.
        veker = pp["varsel_veker"]
        grunnlag, frist, siste = "proveperiode", (veker_tekst(veker) if veker else None), _varsel(mottatt, veker=veker)
        tekst = (f"Oppseiinga er motteken i prøveperioden for ordninga (til og med {nynorsk_dato(pp['til'])}). "
                 + (f"Varselet i prøveperioden er {frist}, rekna frå dato til dato frå den dagen oppseiinga er motteken."
                    if veker else "Partane har ikkje avtalt noko varsel i prøveperioden."))
        kjelde = "Rettleiinga 5.3.6"
    else:
        manader = o.oppseiingsfrist_manader
        if manader is None:
            raise OppseiingFeil("Tilleggsavtala har ingen avtalt oppseiingsfrist etter prøveperioden. "
                                "Ta kontakt med HR.")
        grunnlag, frist, siste = "avtalt_frist", (manader_tekst(manader) if manader else None), _varsel(mottatt, manader=manader)
        tekst = (f"Oppseiingsfristen i tilleggsavtala er {frist}, rekna frå dato til dato frå den dagen oppseiinga "
                 "er motteken." if manader else "Tilleggsavtala har ingen oppseiingsfrist etter prøveperioden.")
        kjelde = "Tilleggsavtala; Rettleiinga 5.3.6"
    if siste_mogleg is not None and siste > siste_mogleg:
        # Rettleiinga 5.1 and 5.3.6: it ends at its own end, or with the employment, anyway.
        tilsetjinga = at.mellombels_til is not None and at.mellombels_til == siste_mogleg
        tekst += (f" Fristen ville gått ut {nynorsk_dato(siste)}, men "
                  f"{'den mellombelse tilsetjinga' if tilsetjinga else 'ordninga'} sluttar før, "
                  f"{nynorsk_dato(siste_mogleg)}, og ordninga varer til og med den dagen.")
        siste, grunnlag, kjelde = siste_mogleg, "slutt_uansett", "Rettleiinga 5.1 og 5.3.6"
    elif siste == mottatt:
        tekst += f" Ordninga sluttar same dag, {nynorsk_dato(siste)}."
    else:
        tekst += f" Ordninga varer til og med {nynorsk_dato(siste)}."
    grunnar = [kjeldegrunn(tekst, kjelde)]
    if at.mellombels_til is not None and at.mellombels_til <= siste:
        # Issue 28, item 1: the employment ends too; a tilleggsavtale ends with it (Rettleiinga
        # 5.1, 5.3.6) and a temporary appointment ends at its end (statstilsettelova § 17).
        verknad = "sluttar_med_tilsetjinga"
        grunnar.append(kjeldegrunn(
            f"Den mellombelse tilsetjinga sluttar {nynorsk_dato(at.mellombels_til)}, og tilleggsavtala sluttar "
            "automatisk med ho. Det er inga ordinær arbeidsavtale å falle tilbake på etter det.",
            "Rettleiinga 5.1 og 5.3.6; statstilsettelova § 17"))
    else:
        verknad = "fell_tilbake"
        til_slutt = (f", fram til den mellombelse tilsetjinga sluttar {nynorsk_dato(at.mellombels_til)}"
                     if at.mellombels_til is not None else "")
        grunnar.append(kjeldegrunn(
            f"Arbeidsforholdet held fram. Frå og med {nynorsk_dato(siste + timedelta(days=1))} fell partane "
            f"tilbake på den ordinære arbeidsavtala og arbeidsstaden som står der{til_slutt}.",
            "Rettleiinga 5.1 og 5.3.6"))
    return dict(ut, siste_dag=siste, grunnlag=grunnlag, frist=frist, verknad=verknad, grunnar=grunnar)


def _arbeidsavtale(svar: Svar, avgjerd, gitt: date, mottatt: date, kven: str, tal: Tal) -> dict:
    at = svar.arbeidstakar
    p = avgjerd["provetid"]
    i_provetid = p is not None and p["fra"] <= mottatt <= p["til"]
    frist, _ = oppseiingsfrist_for_arbeidsavtale(at, mottatt, i_provetid, tal)
    manader = frist["arbeidstakar_manader" if kven == "arbeidstakar" else "arbeidsgivar_manader"]
    grunnar = [
        kjeldegrunn("Avtala om desentralisert arbeid er ein del av den ordinære arbeidsavtala. Å seie ho opp er å "
               "seie opp arbeidsforholdet, eller å avtale ei endring av det; det går gjennom HR.",
               "Rettleiinga 5.3.6"),
        kjeldegrunn(f"Etter statstilsettelova er oppseiingsfristen for {KVEN[kven]} {manader_tekst(manader)} "
               f"({frist['tenestetid_ar']} heile år i verksemda"
               f"{', i prøvetida' if i_provetid else ''}), rekna frå dato til dato frå den dagen oppseiinga er "
               f"motteken: ei oppseiing motteken {nynorsk_dato(mottatt)} går ut "
               f"{nynorsk_dato(notice_end(mottatt, months=manader))}.",
               "statstilsettelova §§ 15 og 22" if i_provetid else "statstilsettelova § 22"),
        kjeldegrunn("Vil partane berre endre arbeidsstaden, skal endringa vere skriftleg seinast den dagen ho tek "
               "til å gjelde.", "arbeidsmiljølova § 14-8"),
    ]
    return {"avtaletype": "arbeidsavtale", "kven": kven, "gitt": gitt, "mottatt": mottatt, "siste_dag": None,
            "grunnlag": "statstilsettelova", "frist": manader_tekst(manader), "verknad": "til_hr",
            "til_hr": True, "oppseiingsfrist": frist, "grunnar": grunnar}


def vurder_oppseiing(svar: Svar, avgjerd, gitt: date, kven: str, mottatt: date | None = None,
                     tal: Tal | None = None) -> dict:
    """The last day of the arrangement when `kven` gives notice on `gitt` and the other party
    receives it on `mottatt` (default the same day), with reasons and sources;
    OppseiingFeil when notice is not possible."""
    mottatt = mottatt or gitt
    if kven not in KVEN:
        raise OppseiingFeil("Vel kven som seier opp.")
    if mottatt < gitt:
        raise OppseiingFeil("Oppseiinga kan ikkje vere motteken før ho er gitt.")
    if not avgjerd["i_omfang"]:
        raise OppseiingFeil("Saka er utanfor rettleiinga; det finst inga avtale å seie opp.")
    if avgjerd["avtaletype"] == "tilleggsavtale":
        return _tilleggsavtale(svar, avgjerd, gitt, mottatt, kven)
    return _arbeidsavtale(svar, avgjerd, gitt, mottatt, kven, tal or Tal())


def versjon_for_oppseiing(sak: dict, dato: date) -> dict | None:
    """The case as the version in force on `dato` (the day notice is received), or None."""
    gjeld = gjeldande_versjon(sak, dato)
    return versjon_som_sak(sak, gjeld["versjon"]) if gjeld is not None else None


def kan_seiast_opp(sak: dict, i_dag: date) -> str | None:
    """Why notice cannot be given on this case now, in Nynorsk, or None. An approved agreement
    not signed by both has not taken effect in writing: it is withdrawn, not given notice of
    (issue 28, item 11)."""
    if sak.get("status") in ("utkast", "oppsagd"):
        return "oppsagd" if sak.get("status") == "oppsagd" else "ikkje_godkjend"
    vsak = versjon_for_oppseiing(sak, i_dag)
    if vsak is None:
        return "ikkje_godkjend"
    if not ferdig_signert(vsak):
        return "ikkje_signert"
    return None


def trekk_tilbake(sak: dict) -> dict:
    """HR withdraws the approval of a version not signed by both (saker.trekk_tilbake_godkjenning);
    refused if both have signed meanwhile — then it is notice, not withdrawal."""
    if ferdig_signert(sak):
        raise SakFeil("begge partar har skrive under avtala no, så ho blir sagd opp, ikkje trekt tilbake")
    return trekk_tilbake_godkjenning(sak)


def oppseiing_for_sak(sak: dict, gitt, kven: str, mottatt=None) -> dict:
    """What oppseiing.yml calls: the result for a stored case, for the version in force on the
    day received (OppseiingFeil if refused). A new period that has not started then does not
    start either; the result says so."""
    gitt = som_dato(gitt)
    mottatt = som_dato(mottatt) or gitt
    vsak = versjon_for_oppseiing(sak, mottatt)
    if vsak is None:
        raise OppseiingFeil("Avtala er ikkje godkjend av HR enno, så det finst inga avtale å seie opp.")
    resultat = vurder_oppseiing(svar_fra_sak(vsak), vurder(svar_fra_sak(vsak), vsak["godkjend_dag"] or mottatt),
                                gitt, kven, mottatt)
    resultat["versjon"] = vsak["versjon"]
    ny = kommande_periode(sak, mottatt)
    if ny is not None:
        resultat["grunnar"].append(kjeldegrunn(
            f"Den nye perioden frå {nynorsk_dato(ny['fra'])} tek då ikkje til å gjelde.", "Rettleiinga 5.3.2"))
    return resultat


@dataclass(frozen=True)
class Brevdata:
    """What the notice letter (data/templates/oppseiing.md) prints: dates as Nynorsk text from
    the result, typed text made literal (made by dokument.brev). The wording is in the template."""

    verksemd_namn: str
    arbeidstakar_namn: str
    stilling: str
    stad: str
    ordning_fra: str
    kven: str
    motpart: str
    gitt: str
    mottatt: str
    siste_dag: str | None
    dagen_etter: str | None
    grunnlag: str
    verknad: str
    frist: str | None
    tilsetjing_slutt: str | None
    grunn: str


def oppsagd_til(sak: dict) -> str:
    """The stored last day of an ended tilleggsavtale, as Nynorsk text («tek ikkje til» for one
    ended before it started)."""
    siste = sak["oppseiing"].get("siste_dag")
    return nynorsk_dato(date.fromisoformat(siste)) if siste else "–"
