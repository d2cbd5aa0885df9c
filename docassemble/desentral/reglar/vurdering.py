"""The rules of *Desentralisert arbeid i staten* and the law around it, as plain functions.

Every rule names its source in the comment above it and in each reason it gives
(`{"tekst": ..., "kjelde": ...}`). Legal figures come from data/sources/regelverk.yml
through `Tal`, which also records which figures a decision used, so HR can see which of
them are unconfirmed. Plain Python and pyyaml; no docassemble import. The parts live beside it: reglar_felles.py
(reasons, figures), reglar_tid.py (trial periods and notice), reglar_innhald.py (minimum content,
warnings); the names tests and callers use are re-exported here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .avgjerd import Avgjerd
from .datoar import nynorsk_dato
from .regelverk import Regelverk
from .felles import Tal, kjeldegrunn
from .innhald import atvaringar_for, merknader_for, innhaldskontroll
from .tid import (provetid_som_held_fram, siste_dag_for_ordninga, varsel_for_slutt_av_mellombels, oppseiingsfrist_for_arbeidsavtale,
                         proveperiode_for_ordninga, provetid_for_tilsetjinga, skriftleg_frist, tenestetid_ar)
from .tidslinje import lag_tidslinje
from .svarfil import Ordning, Svar

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
        return Omfang(False, "utlandet", None, [kjeldegrunn(
            "Rettleiinga omfattar ikkje arbeid frå utlandet. Arbeid frå utlandet reiser eigne "
            "spørsmål om skatt, trygd og kva lands lovgiving som gjeld, og må vurderast særskilt "
            "utanfor denne ordninga.",
            "Rettleiinga 2.1")])
    # Rettleiinga 2.1 and footnote 1: home office one or more days a week, where commuting is
    # realistic, is ordinary home office and not covered.
    if stad == "heimekontor" and dagpendling_realistisk:
        return Omfang(False, "vanleg_heimekontor", None, [kjeldegrunn(
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
        return Omfang(False, "ikkje_friviljug", None, [kjeldegrunn(
            "For ein arbeidstakar som alt er tilsett i verksemda, må desentralisert arbeid vere "
            "frivillig: verken arbeidsgivaren eller arbeidstakaren kan krevje ordninga åleine. "
            f"Her har ikkje {' og '.join(manglar)} samtykt, og det kan ikkje inngåast avtale.",
            "Rettleiinga 5.3.1")])

    situasjon = SITUASJONAR[stad]
    grunnar = [kjeldegrunn({
        1: "Arbeidstakaren skal arbeide frå eit kontorfellesskap utanfor kontorstrukturen til "
           "verksemda (situasjon 1 i rettleiinga).",
        2: "Arbeidstakaren skal arbeide frå ein annan kontorstad i verksemda enn den "
           "kontorstaden arbeidstakaren organisatorisk høyrer til (situasjon 2 i rettleiinga).",
        3: "Arbeidstakaren skal arbeide frå heimekontor fordi dagpendling til kontorstaden ikkje "
           "er realistisk (situasjon 3 i rettleiinga).",
    }[situasjon], "Rettleiinga 2.1")]
    if situasjon == 3:
        # Legal facts E4: no threshold in km or time exists; the employer assesses each case.
        grunnar.append(kjeldegrunn(
            "Rettleiinga set inga grense i kilometer eller reisetid for når dagpendling ikkje er "
            "realistisk; det er arbeidsgivaren som vurderer det i kvart einskilt tilfelle.",
            "Rettleiinga 2.1"))
        grunnar.append(kjeldegrunn(
            "Heimekontorforskrifta gjeld. Avtala må difor òg ha med punkta i forskrifta § 2.",
            "heimekontorforskrifta §§ 1 og 2"))
    if not nytilsett:
        grunnar.append(kjeldegrunn(
            "Både arbeidstakaren og arbeidsgivaren har samtykt, så ordninga er frivillig.",
            "Rettleiinga 5.3.1"))
    return Omfang(True, None, situasjon, grunnar)


# --- Agreement type: Rettleiinga 5.1 and 5.3.2, applied in this order ---

def tilra_avtaletype(ordning: Ordning, nytilsett: bool) -> tuple[str, list[dict]]:
    """The recommended agreement type and why."""
    # Rettleiinga 5.3.2: a time-limited arrangement -> tilleggsavtale.
    if ordning.til is not None:
        return "tilleggsavtale", [kjeldegrunn(
            f"Ordninga er tidsavgrensa (til og med {nynorsk_dato(ordning.til)}). Ved ei "
            "tidsavgrensa ordning er det nærliggjande å inngå ei tilleggsavtale til den ordinære "
            "arbeidsavtala, så partane kan evaluere og eventuelt endre ordninga ved slutten av "
            "avtaleperioden.",
            "Rettleiinga 5.3.2")]
    # Rettleiinga 5.1: open-ended, new hire -> ordinary agreement.
    if nytilsett:
        return "arbeidsavtale", [kjeldegrunn(
            "Ordninga er tidsuavgrensa og gjeld ei nytilsetjing. Når desentralisert arbeid er "
            "tenkt å vere ei fast ordning ved nyrekruttering, kan partane inngå ei ordinær "
            "arbeidsavtale. Ho må oppfylle krava i arbeidsmiljølova §§ 14-5 og 14-6.",
            "Rettleiinga 5.1")]
    # Rettleiinga 5.3.2: open-ended, regular work at the ordinary office ends -> ordinary.
    if not ordning.fast_pa_ordinaer_kontorstad:
        return "arbeidsavtale", [kjeldegrunn(
            "Ordninga er tidsuavgrensa, og partane er samde om at arbeidstakaren ikkje lenger "
            "skal arbeide fast frå den ordinære kontorstaden. Då bør partane inngå ei ordinær "
            "arbeidsavtale.",
            "Rettleiinga 5.3.2")]
    # Rettleiinga 5.1: open-ended, still partly at the ordinary office -> tilleggsavtale, so
    # either party can end the arrangement and keep the employment.
    return "tilleggsavtale", [kjeldegrunn(
        "Ordninga er tidsuavgrensa, men arbeidstakaren held fram med å arbeide fast delvis frå "
        "den ordinære kontorstaden. Med ei tilleggsavtale kan kvar av partane seie opp ordninga "
        "utan å seie opp arbeidsforholdet.",
        "Rettleiinga 5.1")]


def _konsekvens(avtaletype: str) -> dict:
    if avtaletype == "tilleggsavtale":
        # Rettleiinga 5.1 and 5.3.6: fall-back and automatic end.
        return kjeldegrunn(
            "Kvar av partane kan seie opp tilleggsavtala utan at arbeidsforholdet tek slutt; då "
            "fell partane tilbake på den ordinære arbeidsavtala. Tilleggsavtala blir avslutta "
            "automatisk når tilsetjingsforholdet i verksemda tek slutt.",
            "Rettleiinga 5.1 og 5.3.6")
    # Rettleiinga 5.3.6 and legal facts E7.
    return kjeldegrunn(
        "Oppseiing av ei ordinær arbeidsavtale inneber at arbeidsforholdet blir avslutta. "
        "Reglane i statstilsettelova om oppseiingsfristar og prøvetid gjeld.",
        "Rettleiinga 5.3.6")


# --- The whole decision ---

def vurder(svar: Svar, i_dag: date, regelverk: Regelverk | None = None) -> Avgjerd:
    """The decision for one answer file: one frozen `Avgjerd`, made once per screen and read by
    every part (`som_json()` is the JSON object of `vurder`, dates still `date`)."""
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
        "tidslinje": [],
    }
    if not omfang.i_omfang:
        ut["brukte_tal"] = []
        ut["ustadfesta_tal"] = []
        return Avgjerd(**ut)

    tilradd, grunnar = tilra_avtaletype(o, at.nytilsett)
    avtaletype = o.avtaletype_valt or tilradd
    ut["tilradd_avtaletype"] = tilradd
    ut["avtaletype"] = avtaletype
    ut["grunngjeving"] += grunnar
    ut["grunngjeving"].append(_konsekvens(avtaletype))

    provetid_som_gar = None  # the employment's prøvetid, for the timeline
    if avtaletype == "tilleggsavtale":
        ut["proveperiode"], g = proveperiode_for_ordninga(svar, tal)
        ut["grunngjeving"] += g
        if not at.nytilsett:
            # Legal facts E11: a prøvetid still running is the employment's, apart from the
            # prøveperiode for ordninga (issue 14 (5)).
            provetid_som_gar = provetid_som_held_fram(at, o.fra, tal, ut["grunngjeving"])
        if at.nytilsett:
            # Legal facts E11: the two trial periods are independent; keep them apart. A new
            # hire's prøvetid (statstilsettelova § 15) runs beside the prøveperiode for ordninga
            # and is on the timeline too (issue 28, item 13).
            provetid_som_gar, _ = provetid_for_tilsetjinga(at, tal)
            slutt = f" (til og med {nynorsk_dato(provetid_som_gar['til'])})" if provetid_som_gar else ""
            ut["grunngjeving"].append(kjeldegrunn(
                f"Prøvetida i tilsetjinga{slutt} følgjer den ordinære arbeidsavtala og er skild frå "
                "prøveperioden for ordninga.", "statstilsettelova § 15; Rettleiinga 5.3.6"))
        ut["opphoyr"] = {
            "avsluttar_arbeidsforholdet": False,
            "fell_tilbake_pa_arbeidsavtala": True,
            "slutt_automatisk_med_tilsetjinga": True,
            "oppseiingsfrist_manader": o.oppseiingsfrist_manader,
            "siste_dag": siste_dag_for_ordninga(svar),
            # statstilsettelova § 17 (4): the employer's notice before a long temporary
            # employment ends is the employment's, whatever the arrangement (issue 28, item 13).
            "varsel_for_slutt": varsel_for_slutt_av_mellombels(at, tal, ut["grunngjeving"]),
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
            ut["grunngjeving"].append(kjeldegrunn(
                "Arbeidstakaren er alt tilsett og held fram i same stilling, så det blir inga ny "
                "prøvetid.", "statstilsettelova § 15"))
            # ... but a prøvetid from the employment may still be running (issue 14 (5)).
            p = provetid_som_held_fram(at, o.fra, tal, ut["grunngjeving"])
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
            "varsel_for_slutt": varsel_for_slutt_av_mellombels(at, tal, ut["grunngjeving"]),
        }

    # arbeidsmiljølova § 14-6 (1) b: where work alternates between the decentralised place and the
    # ordinary office, the agreement says so instead of naming one fixed workplace (issue 14 (6)).
    ut["vekslande_arbeidsstad"] = bool(o.fast_pa_ordinaer_kontorstad)
    if ut["vekslande_arbeidsstad"]:
        ut["grunngjeving"].append(kjeldegrunn(
            "Arbeidstakaren held fram med å arbeide fast frå den ordinære kontorstaden ein del av tida. "
            "Avtala seier difor at arbeidet går føre seg vekselvis på dei to stadene.",
            "arbeidsmiljølova § 14-6 første ledd bokstav b"))

    # Rettleiinga 5.3.4: fleksitidsavtala applies to decentralised work — the version in force
    # when the agreement is made or takes effect, whichever is later (issue 28, item 18: an
    # arrangement that started before 2018 and is agreed now gets today's outer hours).
    gjeld = max(o.fra, o.signeringsdato or i_dag)
    ut["fleksitid"] = {"kjernetid": tal("fleksitid_kjernetid", gjeld),
                       "ytre_arbeidstid": tal("fleksitid_ytre_arbeidstid", gjeld),
                       "alminneleg_arbeidstid": tal("alminneleg_arbeidstid", gjeld),
                       "stillingsprosent": at.stillingsprosent}

    kontroll = innhaldskontroll(o, avtaletype, omfang.situasjon)
    ut["innhaldskontroll"] = kontroll
    ut["manglar"] = [p["punkt"] for p in kontroll if not p["dekt"]]
    # arbeidsmiljølova §§ 14-5/14-8: one deadline for the warning and the timeline.
    skriftleg = skriftleg_frist(svar, avtaletype, tal)
    ut["atvaringar"] = atvaringar_for(svar, avtaletype, tilradd, grunnar[0], i_dag, skriftleg)
    ut["merknader"] = merknader_for(svar, omfang.situasjon)
    ut["tidslinje"] = lag_tidslinje(svar, avtaletype, skriftleg, ut["proveperiode"],
                                    ut["provetid"] or provetid_som_gar, ut["opphoyr"])
    ut["brukte_tal"] = tal.brukte()
    ut["ustadfesta_tal"] = [t["id"] for t in ut["brukte_tal"] if t["status"] != "stadfesta"]
    return Avgjerd(**ut)
