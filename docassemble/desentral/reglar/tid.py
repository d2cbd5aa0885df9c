"""Trial periods and notice: the tilleggsavtale's own prøveperiode (Rettleiinga 5.3.6), the
employment's prøvetid (statstilsettelova § 15) and notice periods (§§ 17 and 22). Plain Python;
no docassemble import."""
from __future__ import annotations

import math
from datetime import date, timedelta

from .datoar import add_months, days_inclusive, notice_end, nynorsk_dato, period_end
from .felles import Tal, frist_etter, frist_tekst, kjeldegrunn, manader_tekst, veker_tekst
from .svarfil import Arbeidstakar, Svar

__all__ = ["proveperiode_for_ordninga", "provetid_for_tilsetjinga", "tenestetid_ar",
           "oppseiingsfrist_for_arbeidsavtale", "skriftleg_frist", "skriftleg_krav"]


def siste_dag_for_ordninga(svar: Svar) -> date | None:
    """The last day the arrangement can run: its own end, or the end of a temporary employment."""
    ends = [d for d in (svar.ordning.til, svar.arbeidstakar.mellombels_til) if d is not None]
    return min(ends) if ends else None


# --- The deadline for the agreement in writing: arbeidsmiljølova §§ 14-5 and 14-8 ---

def skriftleg_frist(svar: Svar, avtaletype: str, tal: Tal) -> dict:
    """The last day the agreement must be in writing (issue 28, items 6-8).

    arbeidsmiljølova § 14-5, counted from the first day of work (7 days from 1 July 2024, one
    month before; at once for an employment shorter than one month from 1 July 2024), applies to
    the agreement made when someone is hired: a new hire's ordinary agreement, and a new hire's
    tilleggsavtale that starts on the first day of the employment. Everything else changes an
    employment — a tilleggsavtale for someone already at work, a change, a renewal: § 14-8,
    counted from the day it takes effect (that same day from 1 July 2024, one month after before).
    The rule data holds every period."""
    at, o = svar.arbeidstakar, svar.ordning
    forste = o.endra_fra is None and not o.fornya
    if at.nytilsett and forste and (avtaletype == "arbeidsavtale" or o.fra <= at.tilsett_fra):
        frist_tal = tal("aml_skriftleg_arbeidsavtale_frist", at.tilsett_fra)
        kort = tal("aml_skriftleg_kort_arbeidsforhold", at.tilsett_fra)
        straks = bool(kort and at.mellombels_til is not None
                      and at.mellombels_til < add_months(at.tilsett_fra, kort["kortare_enn_manader"]))
        if straks:
            frist_tal = kort["frist"]
        return {"dato": frist_etter(at.tilsett_fra, frist_tal), "fra": at.tilsett_fra, "frist": frist_tal,
                "gjeld": "arbeidsavtale", "straks": straks, "kjelde": "arbeidsmiljølova § 14-5"}
    fra = o.endra_fra or o.fra
    frist_tal = tal("aml_endring_skriftleg_frist", fra)
    return {"dato": frist_etter(fra, frist_tal), "fra": fra, "frist": frist_tal, "straks": False,
            "gjeld": "endring" if o.endra_fra else "fornying" if o.fornya else "ordning",
            "kjelde": "arbeidsmiljølova § 14-8"}


def skriftleg_krav(skriftleg: dict) -> str:
    """The deadline as one Nynorsk phrase that reads naturally for every period, «seinast …»
    (never «0 dagar»): for the timeline, the warnings and the documents alike."""
    dato = nynorsk_dato(skriftleg["dato"])
    if skriftleg["gjeld"] == "arbeidsavtale":
        if skriftleg["dato"] == skriftleg["fra"]:
            grunn = " (tilsetjinga varer kortare enn éin månad)" if skriftleg.get("straks") else ""
            return f"straks, seinast første arbeidsdag {dato}{grunn}"
        return f"seinast {frist_tekst(skriftleg['frist'])} etter tiltredinga, det vil seie {dato}"
    kva = {"fornying": "den nye perioden", "endring": "endringa"}.get(skriftleg["gjeld"], "ordninga")
    if skriftleg["dato"] == skriftleg["fra"]:
        return f"seinast den dagen {kva} tek til å gjelde, {dato}"
    return f"seinast {frist_tekst(skriftleg['frist'])} etter at {kva} tok til å gjelde, det vil seie {dato}"


# --- The tilleggsavtale's own prøveperiode: Rettleiinga 5.3.6 ---

def proveperiode_for_ordninga(svar: Svar, tal: Tal) -> tuple[dict | None, list[dict]]:
    """The trial period for the arrangement (not the employment's statutory prøvetid)."""
    o = svar.ordning
    manader = o.proveperiode_manader
    if manader is None:
        manader = tal("tilleggsavtale_proveperiode", o.fra)
    veker = o.proveperiode_varsel_veker
    if veker is None:
        veker = tal("tilleggsavtale_proveperiode_varsel", o.fra)
    if manader == 0:
        return None, [kjeldegrunn("Partane har avtalt at det ikkje skal vere nokon prøveperiode for "
                             "ordninga.", "Rettleiinga 5.3.6")]
    til = period_end(o.fra, manader)
    grunnar = [kjeldegrunn(
        f"Prøveperioden for ordninga er {manader_tekst(manader)}, frå {nynorsk_dato(o.fra)} til og "
        f"med {nynorsk_dato(til)}. I prøveperioden kan kvar av partane seie opp tilleggsavtala "
        f"med eit varsel på {veker_tekst(veker)}.",
        "Rettleiinga 5.3.6")]
    siste = siste_dag_for_ordninga(svar)
    if siste is not None and til > siste:
        til = siste
        grunnar.append(kjeldegrunn(
            f"Prøveperioden kan ikkje vare lenger enn ordninga, og sluttar difor "
            f"{nynorsk_dato(til)}.", "Rettleiinga 5.3.6"))
    return {"fra": o.fra, "til": til, "manader": manader, "varsel_veker": veker,
            "varsel_dagar": veker * 7}, grunnar


# --- Statutory prøvetid of the employment: statstilsettelova § 15 ---

def provetid_for_tilsetjinga(arbeidstakar: Arbeidstakar, tal: Tal) -> tuple[dict | None, list[dict]]:
    """Statutory prøvetid for a new hire: 6 months from the first day, at most half of a
    temporary employment, extendable by days of absence."""
    fra = arbeidstakar.tilsett_fra
    manader = tal("statstilsettelova_provetid", fra)
    til = period_end(fra, manader)
    grunnar = [kjeldegrunn(
        f"Prøvetida i staten er {manader_tekst(manader)} frå tiltredinga: frå {nynorsk_dato(fra)} til "
        f"og med {nynorsk_dato(til)}.", "statstilsettelova § 15")]
    slutt = arbeidstakar.mellombels_til
    if slutt is not None:
        del_ = tal("statstilsettelova_provetid_mellombels_del", fra)
        if del_ is not None:
            lengst = math.floor(days_inclusive(fra, slutt) * del_)
            if lengst < 1:
                return None, [kjeldegrunn("Tilsetjinga er så kort at det ikkje kan vere prøvetid.",
                                     "statstilsettelova § 15")]
            halv = fra + timedelta(days=lengst - 1)
            if halv < til:
                til = halv
                grunnar.append(kjeldegrunn(
                    f"Tilsetjinga er mellombels til og med {nynorsk_dato(slutt)}. Prøvetida kan "
                    "ikkje vere lenger enn halvparten av tilsetjingstida og sluttar difor "
                    f"{nynorsk_dato(til)}.", "statstilsettelova § 15 (frå 1. juli 2024)"))
    avkorta = til < period_end(fra, manader)
    # statstilsettelova § 15: the employer MAY extend the prøvetid by the days of absence; the
    # prøvetid ends on its own day unless the employer does (issue 28, item 14). So the decision
    # keeps the end as it is and names the extension as an option with its date.
    kan_forlengjast_til = None
    dagar = arbeidstakar.fravaer_i_provetid_dagar
    if dagar and tal("statstilsettelova_provetid_forlenging", fra):
        kan_forlengjast_til = til + timedelta(days=dagar)
        if slutt is not None and kan_forlengjast_til > slutt:
            kan_forlengjast_til = slutt
        grunnar.append(kjeldegrunn(
            f"Arbeidstakaren har vore borte {dagar} dagar i prøvetida. Arbeidsgivaren kan forlengje "
            f"prøvetida med like lang tid, til og med {nynorsk_dato(kan_forlengjast_til)}; gjer arbeidsgivaren "
            f"ikkje det, sluttar ho {nynorsk_dato(til)}.", "statstilsettelova § 15"))
    # `manader` is the statutory length; `halvparten` says it was cut to half a temporary
    # employment, so the agreement never prints a length the dates contradict (issue 14).
    return {"fra": fra, "til": til, "til_utan_forlenging": til, "kan_forlengjast_til": kan_forlengjast_til,
            "manader": manader, "halvparten": avkorta, "mellombels_til": slutt,
            "forlenging_dagar": (kan_forlengjast_til - til).days if kan_forlengjast_til else 0}, grunnar


def provetid_som_held_fram(at: Arbeidstakar, fra: date, tal: Tal, grunnar: list) -> dict | None:
    """An existing employee whose prøvetid from the employment still runs when the arrangement
    starts: that prøvetid, unchanged by the arrangement (statstilsettelova § 15)."""
    p, _ = provetid_for_tilsetjinga(at, tal)
    if p is None or fra > p["til"]:
        return None
    grunnar.append(kjeldegrunn(
        f"Prøvetida frå tilsetjinga varer framleis til og med {nynorsk_dato(p['til'])} og held fram "
        "uendra; ordninga gir inga ny prøvetid.", "statstilsettelova § 15"))
    return {**p, "held_fram": True}


def varsel_for_slutt_av_mellombels(at: Arbeidstakar, tal: Tal, grunnar: list) -> dict | None:
    """A temporary employment of more than a year: the employer's written notice at least a
    month before its end (statstilsettelova § 17 (4); legal facts E10)."""
    if at.mellombels_til is None:
        return None
    regel = tal("statstilsettelova_varsel_mellombels_slutt", at.tilsett_fra)
    if at.mellombels_til <= period_end(at.tilsett_fra, 12 * regel["over_ar"]):
        return None
    seinast = add_months(at.mellombels_til, -regel["varsel_manader"])
    grunnar.append(kjeldegrunn(
        f"Tilsetjinga er mellombels i meir enn {regel['over_ar']} år. Arbeidsgivaren skal gi skriftleg "
        f"varsel seinast {nynorsk_dato(seinast)}, {manader_tekst(regel['varsel_manader'])} før ho sluttar.",
        "statstilsettelova § 17 fjerde ledd"))
    return {"seinast": seinast, "manader": regel["varsel_manader"]}


# --- Notice periods for an ordinary agreement: statstilsettelova § 22 ---

def tenestetid_ar(tilsett_fra: date, dato: date) -> int:
    """Whole years of service on `dato`: N when `dato` falls after the N-th year's last day."""
    ar = 0
    while dato > period_end(tilsett_fra, 12 * (ar + 1)):
        ar += 1
    return ar


def _rad(tabell: list[dict], ar: int) -> dict:
    """The row of the notice table for `ar` whole years of service: "over N år" holds from the
    first day after N whole years, that is for ar >= N."""
    return max((r for r in tabell if ar >= r["tenestetid_over_ar"]),
               key=lambda r: r["tenestetid_over_ar"])


def oppseiingsfrist_for_arbeidsavtale(
    arbeidstakar: Arbeidstakar, dato: date, i_provetid: bool, tal: Tal
) -> tuple[dict, list[dict]]:
    """Notice periods that apply on `dato` (the arrangement's start) under an ordinary agreement."""
    mellombels = arbeidstakar.mellombels_til is not None
    tabell = tal("statstilsettelova_oppseiingsfrist_mellombels" if mellombels
                 else "statstilsettelova_oppseiingsfrist_fast", dato)
    tal("statstilsettelova_tenestetid_grunnlag", dato)
    tal("statstilsettelova_frist_fra_dato_til_dato", dato)
    ar = tenestetid_ar(arbeidstakar.tilsett_fra, dato)
    rad = _rad(tabell, ar)
    frist = {"arbeidsgivar_manader": rad["arbeidsgivar_manader"],
             "arbeidstakar_manader": rad["arbeidstakar_manader"]}
    grunnar = []
    if i_provetid:
        frist = dict(tal("statstilsettelova_oppseiingsfrist_provetid", dato))
        grunnar.append(kjeldegrunn(
            f"Arbeidstakaren er i prøvetida når ordninga startar. Oppseiingsfristen i prøvetida "
            f"er {manader_tekst(frist['arbeidsgivar_manader'])} for arbeidsgivaren og "
            f"{manader_tekst(frist['arbeidstakar_manader'])} for arbeidstakaren.",
            "statstilsettelova §§ 15 og 22"))
    else:
        grunnar.append(kjeldegrunn(
            f"Med {ar} heile år i verksemda når ordninga startar, er oppseiingsfristen "
            f"{manader_tekst(frist['arbeidsgivar_manader'])} for arbeidsgivaren og "
            f"{manader_tekst(frist['arbeidstakar_manader'])} for arbeidstakaren.",
            "statstilsettelova § 22"))
    eksempel = notice_end(dato, months=frist["arbeidsgivar_manader"])
    grunnar.append(kjeldegrunn(
        "Fristen går frå dato til dato, rekna frå den dagen oppseiinga er motteken, og ikkje frå "
        f"den første i neste månad: ei oppseiing motteken {nynorsk_dato(dato)} med "
        f"ein frist på {manader_tekst(frist['arbeidsgivar_manader'])} går ut {nynorsk_dato(eksempel)}.",
        "statstilsettelova § 22"))
    return {**frist, "tenestetid_ar": ar, "i_provetid": i_provetid,
            "tilsetjing": "mellombels" if mellombels else "fast",
            "tabell": [dict(r) for r in tabell]}, grunnar
