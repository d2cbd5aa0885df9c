"""The rules of *Desentralisert arbeid i staten* and the law around it, as plain functions.

Every rule names its source in the comment above it and in each reason it gives
(`{"tekst": ..., "kjelde": ...}`). Legal figures come from data/sources/regelverk.yml
through `Tal`, which also records which figures a decision used, so HR can see which of
them are unconfirmed. Plain Python and pyyaml; no docassemble import.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from .datoar import add_months, days_inclusive, notice_end, nynorsk_dato, period_end
from .regelverk import Regelverk, last_regelverk
from .svarfil import Arbeidstakar, Ordning, Svar

__all__ = [
    "Tal",
    "Omfang",
    "vurder_omfang",
    "tilra_avtaletype",
    "proveperiode_for_ordninga",
    "provetid_for_tilsetjinga",
    "tenestetid_ar",
    "oppseiingsfrist_for_arbeidsavtale",
    "innhaldskontroll",
    "vurder",
]

AVTALENAMN = {"arbeidsavtale": "ei ordinær arbeidsavtale", "tilleggsavtale": "ei tilleggsavtale"}


def _grunn(tekst: str, kjelde: str) -> dict:
    return {"tekst": tekst, "kjelde": kjelde}


def _manader(n: int) -> str:
    return f"{n} månad" if n == 1 else f"{n} månader"


def _frist_etter(start: date, frist: dict) -> date:
    """A deadline from the rule data (`{dagar: n}` or `{manader: n}`), counted from `start`."""
    if "manader" in frist:
        return add_months(start, frist["manader"])
    return start + timedelta(days=frist["dagar"])


def _frist_tekst(frist: dict) -> str:
    if "manader" in frist:
        return "éin månad" if frist["manader"] == 1 else f"{frist['manader']} månader"
    return "éin dag" if frist["dagar"] == 1 else f"{frist['dagar']} dagar"


def _veker(n: int) -> str:
    return f"{n} veke" if n == 1 else f"{n} veker"


class Tal:
    """Reads figures from the rule data and records which were used on which date."""

    def __init__(self, regelverk: Regelverk | None = None):
        self.regelverk = regelverk or last_regelverk()
        self._brukte: dict[str, date] = {}

    def __call__(self, key: str, dato: date):
        self._brukte.setdefault(key, dato)
        return self.regelverk[key].ved(dato).verdi

    def brukte(self) -> list[dict]:
        return [self.regelverk[key].som_dict(dato) for key, dato in self._brukte.items()]


# --- Scope: Rettleiinga 2.1 (three situations, abroad, ordinary home office) and 5.3.1 ---

SITUASJONAR = {"kontorfellesskap": 1, "annan_kontorstad": 2, "heimekontor": 3}


@dataclass
class Omfang:
    i_omfang: bool
    avvisingsgrunn: str | None
    situasjon: int | None
    grunngjeving: list[dict] = field(default_factory=list)


def vurder_omfang(
    stad: str,
    dagpendling_realistisk: bool | None,
    nytilsett: bool,
    samtykke_arbeidstakar: bool | None,
    samtykke_arbeidsgivar: bool | None,
) -> Omfang:
    """Which of the guideline's three situations applies, or why the case is out of scope."""
    # Rettleiinga 2.1: "Rettleiinga omfattar heller ikkje arbeid frå utlandet."
    if stad == "utlandet":
        return Omfang(False, "utlandet", None, [_grunn(
            "Rettleiinga omfattar ikkje arbeid frå utlandet. Arbeid frå utlandet reiser eigne "
            "spørsmål om skatt, trygd og kva lands lovgiving som gjeld, og må vurderast særskilt "
            "utanfor denne ordninga.",
            "Rettleiinga 2.1")])
    # Rettleiinga 2.1 and footnote 1: home office one or more days a week, where commuting is
    # realistic, is ordinary home office and not covered.
    if stad == "heimekontor" and dagpendling_realistisk:
        return Omfang(False, "vanleg_heimekontor", None, [_grunn(
            "Når du kan dagpendle til kontorstaden, er dette vanleg heimekontor (ein eller fleire "
            "dagar i veka), som rettleiinga ikkje omtaler. Er "
            "heimearbeidet fast, om lag éin dag i veka eller meir, krev heimekontorforskrifta "
            "likevel ei skriftleg avtale etter § 2.",
            "Rettleiinga 2.1 og fotnote 1; heimekontorforskrifta §§ 1 og 2")])
    # Rettleiinga 5.3.1: for existing employees it must be voluntary; neither party can
    # demand it alone.
    if not nytilsett and not (samtykke_arbeidstakar and samtykke_arbeidsgivar):
        manglar = [p for p, ok in (("arbeidstakaren", samtykke_arbeidstakar),
                                   ("arbeidsgivaren", samtykke_arbeidsgivar)) if not ok]
        return Omfang(False, "ikkje_friviljug", None, [_grunn(
            "For ein arbeidstakar som alt er tilsett i verksemda, må desentralisert arbeid vere "
            "frivillig: verken arbeidsgivaren eller arbeidstakaren kan krevje ordninga åleine. "
            f"Her har ikkje {' og '.join(manglar)} samtykt, og det kan ikkje inngåast avtale.",
            "Rettleiinga 5.3.1")])

    situasjon = SITUASJONAR[stad]
    grunnar = [_grunn({
        1: "Arbeidstakaren skal arbeide frå eit kontorfellesskap utanfor kontorstrukturen til "
           "verksemda (situasjon 1 i rettleiinga).",
        2: "Arbeidstakaren skal arbeide frå ein annan kontorstad i verksemda enn den "
           "kontorstaden arbeidstakaren organisatorisk høyrer til (situasjon 2 i rettleiinga).",
        3: "Arbeidstakaren skal arbeide frå heimekontor fordi dagpendling til kontorstaden ikkje "
           "er realistisk (situasjon 3 i rettleiinga).",
    }[situasjon], "Rettleiinga 2.1")]
    if situasjon == 3:
        # Legal facts E4: no threshold in km or time exists; the employer assesses each case.
        grunnar.append(_grunn(
            "Rettleiinga set inga grense i kilometer eller reisetid for når dagpendling ikkje er "
            "realistisk; det er arbeidsgivaren som vurderer det i kvart einskilt tilfelle.",
            "Rettleiinga 2.1"))
        grunnar.append(_grunn(
            "Heimekontorforskrifta gjeld. Avtala må difor òg ha med punkta i forskrifta § 2.",
            "heimekontorforskrifta §§ 1 og 2"))
    if not nytilsett:
        grunnar.append(_grunn(
            "Både arbeidstakaren og arbeidsgivaren har samtykt, så ordninga er frivillig.",
            "Rettleiinga 5.3.1"))
    return Omfang(True, None, situasjon, grunnar)


# --- Agreement type: Rettleiinga 5.1 and 5.3.2, applied in this order ---

def tilra_avtaletype(ordning: Ordning, nytilsett: bool) -> tuple[str, list[dict]]:
    """The recommended agreement type and why."""
    # Rettleiinga 5.3.2: a time-limited arrangement -> tilleggsavtale.
    if ordning.til is not None:
        return "tilleggsavtale", [_grunn(
            f"Ordninga er tidsavgrensa (til og med {nynorsk_dato(ordning.til)}). Ved ei "
            "tidsavgrensa ordning er det nærliggjande å inngå ei tilleggsavtale til den ordinære "
            "arbeidsavtala, så partane kan evaluere og eventuelt endre ordninga ved slutten av "
            "avtaleperioden.",
            "Rettleiinga 5.3.2")]
    # Rettleiinga 5.1: open-ended, new hire -> ordinary agreement.
    if nytilsett:
        return "arbeidsavtale", [_grunn(
            "Ordninga er tidsuavgrensa og gjeld ei nytilsetjing. Når desentralisert arbeid er "
            "tenkt å vere ei fast ordning ved nyrekruttering, kan partane inngå ei ordinær "
            "arbeidsavtale. Ho må oppfylle krava i arbeidsmiljølova §§ 14-5 og 14-6.",
            "Rettleiinga 5.1")]
    # Rettleiinga 5.3.2: open-ended, regular work at the ordinary office ends -> ordinary.
    if not ordning.fast_pa_ordinaer_kontorstad:
        return "arbeidsavtale", [_grunn(
            "Ordninga er tidsuavgrensa, og partane er samde om at arbeidstakaren ikkje lenger "
            "skal arbeide fast frå den ordinære kontorstaden. Då bør partane inngå ei ordinær "
            "arbeidsavtale.",
            "Rettleiinga 5.3.2")]
    # Rettleiinga 5.1: open-ended, still partly at the ordinary office -> tilleggsavtale, so
    # either party can end the arrangement and keep the employment.
    return "tilleggsavtale", [_grunn(
        "Ordninga er tidsuavgrensa, men arbeidstakaren held fram med å arbeide fast delvis frå "
        "den ordinære kontorstaden. Med ei tilleggsavtale kan kvar av partane seie opp ordninga "
        "utan å seie opp arbeidsforholdet.",
        "Rettleiinga 5.1")]


def _konsekvens(avtaletype: str) -> dict:
    if avtaletype == "tilleggsavtale":
        # Rettleiinga 5.1 and 5.3.6: fall-back and automatic end.
        return _grunn(
            "Kvar av partane kan seie opp tilleggsavtala utan at arbeidsforholdet tek slutt; då "
            "fell partane tilbake på den ordinære arbeidsavtala. Tilleggsavtala blir avslutta "
            "automatisk når tilsetjingsforholdet i verksemda tek slutt.",
            "Rettleiinga 5.1 og 5.3.6")
    # Rettleiinga 5.3.6 and legal facts E7.
    return _grunn(
        "Oppseiing av ei ordinær arbeidsavtale inneber at arbeidsforholdet blir avslutta. "
        "Reglane i statstilsettelova om oppseiingsfristar og prøvetid gjeld.",
        "Rettleiinga 5.3.6")


def _siste_dag(svar: Svar) -> date | None:
    """The last day the arrangement can run: its own end, or the end of a temporary employment."""
    ends = [d for d in (svar.ordning.til, svar.arbeidstakar.mellombels_til) if d is not None]
    return min(ends) if ends else None


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


# --- Minimum content: Rettleiinga 5.1, and heimekontorforskrifta § 2 for a home office ---

# (item as the source names it, source, answer fields that fill it)
MINSTEINNHALD = (
    ("arbeidsstad", "Rettleiinga 5.1 og 5.3.1", ("arbeidsstad",)),
    ("tidsrom og omfang", "Rettleiinga 5.1 og 5.3.2", ("fra", "omfang")),
    ("tilgjengelegheit", "Rettleiinga 5.1 og 5.3.3", ("tilgjengelegheit",)),
    ("arbeidstid", "Rettleiinga 5.1 og 5.3.4", ("arbeidstid",)),
    # 5.3.5: also responsibility and costs of equipment, and document storage, in every situation
    ("utstyr og tryggingsreglar", "Rettleiinga 5.1 og 5.3.5",
     ("utstyr", "tryggingsreglar", "utstyr_ansvar", "dokumenthandtering")),
    ("reglar om prøvetid", "Rettleiinga 5.1 og 5.3.6", ()),
    ("opphøyr av avtala", "Rettleiinga 5.1 og 5.3.6", ()),
)
HEIMEKONTOR_INNHALD = (
    ("omfanget av heimearbeidet", ("omfang",)),
    ("arbeidstida for heimearbeidet", ("arbeidstid",)),
    ("når arbeidstakaren skal vere tilgjengeleg", ("tilgjengelegheit",)),
    ("forventa varigheit av ei mellombels ordning", ()),
    ("rett til å endre eller seie opp avtala, og oppseiingsfristar", ()),
    ("prøveperiode for heimearbeidsordninga", ()),
    ("eigedomsrett, drift og vedlikehald av utstyr", ("utstyr_ansvar",)),
    ("saksbehandling, teieplikt og oppbevaring av dokument", ("dokumenthandtering",)),
)


def _fylt(ordning: Ordning, felt: str) -> bool:
    value = getattr(ordning, felt)
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def innhaldskontroll(ordning: Ordning, avtaletype: str, situasjon: int) -> list[dict]:
    """Each minimum item: whether the agreement covers it, and from which answers or clause.

    The rules themselves supply the prøvetid clause for both types, the statutory notice for an
    ordinary agreement and the duration from `ordning.til`; the tilleggsavtale's notice after
    its prøveperiode has no default (legal facts § 6) and must come from the parties.
    """
    def opphoyr() -> tuple[bool, tuple[str, ...]]:
        if avtaletype == "arbeidsavtale":
            return True, ()
        return ordning.oppseiingsfrist_manader is not None, ("oppseiingsfrist_manader",)

    def post(punkt: str, kjelde: str, felt: tuple[str, ...]) -> dict:
        if punkt in ("opphøyr av avtala", "rett til å endre eller seie opp avtala, og oppseiingsfristar"):
            ok, felt = opphoyr()
        else:
            ok = all(_fylt(ordning, f) for f in felt)
        return {"punkt": punkt, "kjelde": kjelde, "dekt": ok,
                "felt": [f"ordning.{f}" for f in felt],
                "dekt_av": "svarfila" if felt else "reglane i pakka (standardklausul)"}

    poster = [post(p, k, f) for p, k, f in MINSTEINNHALD]
    if situasjon == 3:
        poster += [post(p, "heimekontorforskrifta § 2", f) for p, f in HEIMEKONTOR_INNHALD]
    return poster


# --- Warnings ---

def _atvaringar(svar: Svar, avtaletype: str, tilradd: str, tilradd_grunn: dict, i_dag: date,
                tal: Tal) -> list[dict]:
    at, o = svar.arbeidstakar, svar.ordning
    ut = []
    if o.avtaletype_valt and o.avtaletype_valt != tilradd:
        ut.append(_grunn(
            f"Partane har valt {AVTALENAMN[o.avtaletype_valt]}, men rettleiinga tilrår "
            f"{AVTALENAMN[tilradd]} her. {tilradd_grunn['tekst']} Valet er lov, men bør "
            "grunngjevast i saka.", tilradd_grunn["kjelde"]))
    signert = o.signeringsdato or i_dag
    if avtaletype == "arbeidsavtale" and at.nytilsett:
        # arbeidsmiljølova § 14-5: written no later than a deadline after the employment starts
        # (7 days from 1 July 2024, one month before; the rule data holds both).
        frist_tal = tal("aml_skriftleg_arbeidsavtale_frist", at.tilsett_fra)
        frist = _frist_etter(at.tilsett_fra, frist_tal)
        if signert > frist:
            ut.append(_grunn(
                f"Arbeidsavtala skal vere skriftleg seinast {_frist_tekst(frist_tal)} etter at "
                f"arbeidsforholdet tok til, det vil seie {nynorsk_dato(frist)}. Ho kan tidlegast "
                f"skrivast under {nynorsk_dato(signert)}.", "arbeidsmiljølova § 14-5"))
    else:
        # arbeidsmiljølova § 14-8: a change in writing no later than the day it takes effect
        # (from 1 July 2024; one month after it before).
        frist_tal = tal("aml_endring_skriftleg_frist", o.fra)
        frist = _frist_etter(o.fra, frist_tal)
        if signert > frist:
            krav = ("seinast den dagen ho tek til å gjelde" if frist == o.fra else
                    f"seinast {_frist_tekst(frist_tal)} etter at ho tok til å gjelde, det vil seie "
                    f"{nynorsk_dato(frist)}")
            ut.append(_grunn(
                f"Ordninga startar {nynorsk_dato(o.fra)}, men avtala kan tidlegast skrivast under "
                f"{nynorsk_dato(signert)}. Ei endring i arbeidsforholdet må vere skriftleg {krav}. "
                "Flytt startdatoen, eller skriv under før fristen.", "arbeidsmiljølova § 14-8"))
    if avtaletype == "tilleggsavtale" and at.mellombels_til is not None:
        # Rettleiinga 5.1 and 5.3.6; legal facts E10: it ends with the employment anyway.
        if o.til is None or o.til > at.mellombels_til:
            kor_lenge = "har ingen sluttdato" if o.til is None else f"varer til {nynorsk_dato(o.til)}"
            ut.append(_grunn(
                f"Tilleggsavtala {kor_lenge}, men tilsetjinga er mellombels og sluttar "
                f"{nynorsk_dato(at.mellombels_til)}. Tilleggsavtala blir avslutta automatisk når "
                "tilsetjingsforholdet tek slutt; set gjerne same sluttdato i avtala.",
                "Rettleiinga 5.1 og 5.3.6"))
    return ut


def _merknader(svar: Svar, situasjon: int) -> list[dict]:
    ut = []
    if svar.arbeidstakar.nytilsett:
        # Rettleiinga 2.2; legal facts E24.
        ut.append(_grunn(
            "Arbeidstakaren er nytilsett. Arbeidsgivaren må sørgje for at arbeidstakaren blir "
            "introdusert til verksemda og arbeidet på ein god måte; lag ein plan for det.",
            "Rettleiinga 2.2"))
    if situasjon == 3:
        ut.append(_grunn(
            "Arbeidsgivaren skal så langt det er praktisk mogleg sørgje for at arbeidsforholda i "
            "heimen er fullt forsvarlege, og arbeidstakaren skal medverke. Internkontrollen skal "
            "òg omfatte heimekontoret.", "heimekontorforskrifta §§ 3 og 4; Rettleiinga 4"))
    else:
        ut.append(_grunn(
            "Arbeidsmiljølova kapittel 3 og 4 gjeld òg ved arbeid frå kontorstader i eller utanfor "
            "kontorstrukturen til verksemda.", "Rettleiinga 4"))
    return ut


# --- The whole decision ---

def vurder(svar: Svar, i_dag: date, regelverk: Regelverk | None = None) -> dict:
    """The decision for one answer file, as the JSON object of `vurder` (dates still `date`)."""
    tal = Tal(regelverk)
    at, o = svar.arbeidstakar, svar.ordning
    omfang = vurder_omfang(o.stad, o.dagpendling_realistisk, at.nytilsett,
                           o.samtykke_arbeidstakar, o.samtykke_arbeidsgivar)
    ut = {
        "i_omfang": omfang.i_omfang,
        "avvisingsgrunn": omfang.avvisingsgrunn,
        "situasjon": omfang.situasjon,
        "avtaletype": None,
        "tilradd_avtaletype": None,
        "grunngjeving": list(omfang.grunngjeving),
        "proveperiode": None,
        "provetid": None,
        "oppseiingsfrist": None,
        "opphoyr": None,
        "fleksitid": None,
        "vekslande_arbeidsstad": False,
        "manglar": [],
        "innhaldskontroll": [],
        "atvaringar": [],
        "merknader": [],
    }
    if not omfang.i_omfang:
        ut["brukte_tal"] = []
        ut["ustadfesta_tal"] = []
        return ut

    tilradd, grunnar = tilra_avtaletype(o, at.nytilsett)
    avtaletype = o.avtaletype_valt or tilradd
    ut["tilradd_avtaletype"] = tilradd
    ut["avtaletype"] = avtaletype
    ut["grunngjeving"] += grunnar
    ut["grunngjeving"].append(_konsekvens(avtaletype))

    if avtaletype == "tilleggsavtale":
        ut["proveperiode"], g = proveperiode_for_ordninga(svar, tal)
        ut["grunngjeving"] += g
        if not at.nytilsett:
            # Legal facts E11: a prøvetid still running is the employment's, apart from the
            # prøveperiode for ordninga (issue 14 (5)).
            _provetid_som_held_fram(at, o.fra, tal, ut["grunngjeving"])
        if at.nytilsett:
            # Legal facts E11: the two trial periods are independent; keep them apart.
            ut["grunngjeving"].append(_grunn(
                "Prøvetida i tilsetjinga følgjer den ordinære arbeidsavtala og er skild frå "
                "prøveperioden for ordninga.", "statstilsettelova § 15; Rettleiinga 5.3.6"))
        ut["opphoyr"] = {
            "avsluttar_arbeidsforholdet": False,
            "fell_tilbake_pa_arbeidsavtala": True,
            "slutt_automatisk_med_tilsetjinga": True,
            "oppseiingsfrist_manader": o.oppseiingsfrist_manader,
            "siste_dag": _siste_dag(svar),
        }
        if o.oppseiingsfrist_manader is None:
            tal("tilleggsavtale_oppseiingsfrist", o.fra)
    else:
        i_provetid = False
        if at.nytilsett:
            ut["provetid"], g = provetid_for_tilsetjinga(at, tal)
            ut["grunngjeving"] += g
            p = ut["provetid"]
            i_provetid = p is not None and p["fra"] <= o.fra <= p["til"]
        else:
            # statstilsettelova § 15 (from 1 July 2024): no new prøvetid in the same or an
            # essentially similar position.
            ut["grunngjeving"].append(_grunn(
                "Arbeidstakaren er alt tilsett og held fram i same stilling, så det blir inga ny "
                "prøvetid.", "statstilsettelova § 15"))
            # ... but a prøvetid from the employment may still be running (issue 14 (5)).
            p = _provetid_som_held_fram(at, o.fra, tal, ut["grunngjeving"])
            if p is not None:
                ut["provetid"] = p
                i_provetid = True
        ut["oppseiingsfrist"], g = oppseiingsfrist_for_arbeidsavtale(at, o.fra, i_provetid, tal)
        ut["grunngjeving"] += g
        ut["opphoyr"] = {
            "avsluttar_arbeidsforholdet": True,
            "fell_tilbake_pa_arbeidsavtala": False,
            "slutt_automatisk_med_tilsetjinga": False,
            "oppseiingsfrist_manader": None,
            "siste_dag": at.mellombels_til,
            "varsel_for_slutt": _varsel_for_slutt(at, tal, ut["grunngjeving"]),
        }

    # arbeidsmiljølova § 14-6 (1) b: where work alternates between the decentralised place and the
    # ordinary office, the agreement says so instead of naming one fixed workplace (issue 14 (6)).
    ut["vekslande_arbeidsstad"] = bool(o.fast_pa_ordinaer_kontorstad)
    if ut["vekslande_arbeidsstad"]:
        ut["grunngjeving"].append(_grunn(
            "Arbeidstakaren held fram med å arbeide fast frå den ordinære kontorstaden ein del av tida. "
            "Avtala seier difor at arbeidet går føre seg vekselvis på dei to stadene.",
            "arbeidsmiljølova § 14-6 første ledd bokstav b"))

    # Rettleiinga 5.3.4: fleksitidsavtala applies to decentralised work.
    ut["fleksitid"] = {"kjernetid": tal("fleksitid_kjernetid", o.fra),
                       "ytre_arbeidstid": tal("fleksitid_ytre_arbeidstid", o.fra)}

    kontroll = innhaldskontroll(o, avtaletype, omfang.situasjon)
    ut["innhaldskontroll"] = kontroll
    ut["manglar"] = [p["punkt"] for p in kontroll if not p["dekt"]]
    ut["atvaringar"] = _atvaringar(svar, avtaletype, tilradd, grunnar[0], i_dag, tal)
    ut["merknader"] = _merknader(svar, omfang.situasjon)
    ut["brukte_tal"] = tal.brukte()
    ut["ustadfesta_tal"] = [t["id"] for t in ut["brukte_tal"] if t["status"] != "stadfesta"]
    return ut
