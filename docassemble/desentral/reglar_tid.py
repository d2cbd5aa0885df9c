"""Trial periods and notice: the tilleggsavtale's own prøveperiode (Rettleiinga 5.3.6), the
employment's prøvetid (statstilsettelova § 15) and notice periods (§§ 17 and 22). Plain Python;
no docassemble import."""
from __future__ import annotations

import math
from datetime import date, timedelta

from .datoar import add_months, days_inclusive, notice_end, nynorsk_dato, period_end
from .reglar_felles import Tal, _frist_etter, _grunn, _manader, _veker
from .svarfil import Arbeidstakar, Svar

__all__ = ["proveperiode_for_ordninga", "provetid_for_tilsetjinga", "tenestetid_ar",
           "oppseiingsfrist_for_arbeidsavtale", "skriftleg_frist"]


def _siste_dag(svar: Svar) -> date | None:
    """The last day the arrangement can run: its own end, or the end of a temporary employment."""
    ends = [d for d in (svar.ordning.til, svar.arbeidstakar.mellombels_til) if d is not None]
    return min(ends) if ends else None


# --- The deadline for the agreement in writing: arbeidsmiljølova §§ 14-5 and 14-8 ---

def skriftleg_frist(svar: Svar, avtaletype: str, tal: Tal) -> dict:
    """The last day the agreement must be in writing. A new hire's ordinary agreement: § 14-5,
    counted from the first day of work (7 days from 1 July 2024, one month before). Anything
    else changes an employment: § 14-8, counted from the day the change takes effect (that same
    day from 1 July 2024, one month after it before). The rule data holds both periods."""
    at, o = svar.arbeidstakar, svar.ordning
    if avtaletype == "arbeidsavtale" and at.nytilsett and o.endra_fra is None:
        frist_tal = tal("aml_skriftleg_arbeidsavtale_frist", at.tilsett_fra)
        return {"dato": _frist_etter(at.tilsett_fra, frist_tal), "fra": at.tilsett_fra, "frist": frist_tal,
                "gjeld": "arbeidsavtale", "kjelde": "arbeidsmiljølova § 14-5"}
    # A change of an approved arrangement counts from the day the change takes effect (issue 16).
    fra = o.endra_fra or o.fra
    frist_tal = tal("aml_endring_skriftleg_frist", fra)
    return {"dato": _frist_etter(fra, frist_tal), "fra": fra, "frist": frist_tal,
            "gjeld": "endring", "kjelde": "arbeidsmiljølova § 14-8"}


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
        return None, [_grunn("Partane har avtalt at det ikkje skal vere nokon prøveperiode for "
                             "ordninga.", "Rettleiinga 5.3.6")]
    til = period_end(o.fra, manader)
    grunnar = [_grunn(
        f"Prøveperioden for ordninga er {_manader(manader)}, frå {nynorsk_dato(o.fra)} til og "
        f"med {nynorsk_dato(til)}. I prøveperioden kan kvar av partane seie opp tilleggsavtala "
        f"med eit varsel på {_veker(veker)}.",
        "Rettleiinga 5.3.6")]
    siste = _siste_dag(svar)
    if siste is not None and til > siste:
        til = siste
        grunnar.append(_grunn(
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
    grunnar = [_grunn(
        f"Prøvetida i staten er {_manader(manader)} frå tiltredinga: frå {nynorsk_dato(fra)} til "
        f"og med {nynorsk_dato(til)}.", "statstilsettelova § 15")]
    slutt = arbeidstakar.mellombels_til
    if slutt is not None:
        del_ = tal("statstilsettelova_provetid_mellombels_del", fra)
        if del_ is not None:
            lengst = math.floor(days_inclusive(fra, slutt) * del_)
            if lengst < 1:
                return None, [_grunn("Tilsetjinga er så kort at det ikkje kan vere prøvetid.",
                                     "statstilsettelova § 15")]
            halv = fra + timedelta(days=lengst - 1)
            if halv < til:
                til = halv
                grunnar.append(_grunn(
                    f"Tilsetjinga er mellombels til og med {nynorsk_dato(slutt)}. Prøvetida kan "
                    "ikkje vere lenger enn halvparten av tilsetjingstida og sluttar difor "
                    f"{nynorsk_dato(til)}.", "statstilsettelova § 15 (frå 1. juli 2024)"))
    utan_forlenging = til
    avkorta = til < period_end(fra, manader)
    dagar = arbeidstakar.fravaer_i_provetid_dagar
    if dagar and tal("statstilsettelova_provetid_forlenging", fra):
        til = til + timedelta(days=dagar)
        if slutt is not None and til > slutt:
            til = slutt
        grunnar.append(_grunn(
            f"Arbeidstakaren har vore borte {dagar} dagar i prøvetida. Arbeidsgivaren kan "
            f"forlengje prøvetida med like lang tid, til og med {nynorsk_dato(til)}.",
            "statstilsettelova § 15"))
    # `manader` is the statutory length; `halvparten` says it was cut to half a temporary
    # employment, so the agreement never prints a length the dates contradict (issue 14).
    return {"fra": fra, "til": til, "til_utan_forlenging": utan_forlenging, "manader": manader,
            "halvparten": avkorta, "mellombels_til": slutt,
            "forlenging_dagar": (til - utan_forlenging).days}, grunnar


def _provetid_som_held_fram(at: Arbeidstakar, fra: date, tal: Tal, grunnar: list) -> dict | None:
    """An existing employee whose prøvetid from the employment still runs when the arrangement
    starts: that prøvetid, unchanged by the arrangement (statstilsettelova § 15)."""
    p, _ = provetid_for_tilsetjinga(at, tal)
    if p is None or fra > p["til"]:
        return None
    grunnar.append(_grunn(
        f"Prøvetida frå tilsetjinga varer framleis til og med {nynorsk_dato(p['til'])} og held fram "
        "uendra; ordninga gir inga ny prøvetid.", "statstilsettelova § 15"))
    return {**p, "held_fram": True}


def _varsel_for_slutt(at: Arbeidstakar, tal: Tal, grunnar: list) -> dict | None:
    """A temporary employment of more than a year: the employer's written notice at least a
    month before its end (statstilsettelova § 17 (4); legal facts E10)."""
    if at.mellombels_til is None:
        return None
    regel = tal("statstilsettelova_varsel_mellombels_slutt", at.tilsett_fra)
    if at.mellombels_til <= period_end(at.tilsett_fra, 12 * regel["over_ar"]):
        return None
    seinast = add_months(at.mellombels_til, -regel["varsel_manader"])
    grunnar.append(_grunn(
        f"Tilsetjinga er mellombels i meir enn {regel['over_ar']} år. Arbeidsgivaren skal gi skriftleg "
        f"varsel seinast {nynorsk_dato(seinast)}, {_manader(regel['varsel_manader'])} før ho sluttar.",
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
        grunnar.append(_grunn(
            f"Arbeidstakaren er i prøvetida når ordninga startar. Oppseiingsfristen i prøvetida "
            f"er {_manader(frist['arbeidsgivar_manader'])} for arbeidsgivaren og "
            f"{_manader(frist['arbeidstakar_manader'])} for arbeidstakaren.",
            "statstilsettelova §§ 15 og 22"))
    else:
        grunnar.append(_grunn(
            f"Med {ar} heile år i verksemda når ordninga startar, er oppseiingsfristen "
            f"{_manader(frist['arbeidsgivar_manader'])} for arbeidsgivaren og "
            f"{_manader(frist['arbeidstakar_manader'])} for arbeidstakaren.",
            "statstilsettelova § 22"))
    eksempel = notice_end(dato, months=frist["arbeidsgivar_manader"])
    grunnar.append(_grunn(
        "Fristen går frå dato til dato, rekna frå den dagen oppseiinga er motteken, og ikkje frå "
        f"den første i neste månad: ei oppseiing motteken {nynorsk_dato(dato)} med "
        f"ein frist på {_manader(frist['arbeidsgivar_manader'])} går ut {nynorsk_dato(eksempel)}.",
        "statstilsettelova § 22"))
    return {**frist, "tenestetid_ar": ar, "i_provetid": i_provetid,
            "tilsetjing": "mellombels" if mellombels else "fast",
            "tabell": [dict(r) for r in tabell]}, grunnar
