"""What the agreement templates print: user text made literal, and the computed clauses.

Every value a user typed reaches the Markdown templates through `trygg()` here, in one place:
the templates receive an `Avtaledata` whose text fields are already escaped, so Markdown,
Mako, HTML and raw LaTeX in an answer print as the characters they are. Plain Python; no
docassemble import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from .datoar import nynorsk_dato
from .reglar_felles import AVTALETITTEL
from .svarfil import Svar

__all__ = ["trygg", "Avtaledata", "avtaledata", "STAD_NAMN"]

# ASCII punctuation: pandoc's Markdown lets a backslash escape every one of them
# (all_symbols_escapable), which stops raw TeX (\input), raw attributes (`...`{=latex}), math
# ($), HTML (<...>), links and images ([...](...)). Square brackets are written as character
# references instead: docassemble replaces its own markup ([FILE …], [QR …], [EMOJI …], [NBSP],
# [BR] …; docassemble/base/filter/pandoc.py) in the Markdown before pandoc reads it, and its
# patterns find `[FILE` after a backslash too; pandoc reads `&#91;` as the character `[`.
_PUNKTUM = re.compile(r"([!-/:-@\[-`{-~])")
_HAKEPARENTES = {"[": "&#91;", "]": "&#93;"}


def _punktum(m: re.Match) -> str:
    return _HAKEPARENTES.get(m.group(1)) or "\\" + m.group(1)


def trygg(tekst: object) -> str:
    """User text as Markdown that pandoc prints literally, in PDF (LaTeX) and DOCX alike.

    Line breaks are kept as hard breaks; leading spaces are dropped so a line never becomes a
    code block; blank lines become one paragraph break.
    """
    if tekst is None:
        return ""
    linjer = [_PUNKTUM.sub(_punktum, linje.strip()) for linje in str(tekst).replace("\r\n", "\n").split("\n")]
    avsnitt, noverande = [], []
    for linje in linjer:
        if linje:
            noverande.append(linje)
        elif noverande:
            avsnitt.append(noverande)
            noverande = []
    if noverande:
        avsnitt.append(noverande)
    return "\n\n".join("\\\n".join(_etter_linjeskift(linje) if i else linje for i, linje in enumerate(a))
                       for a in avsnitt)


def _etter_linjeskift(linje: str) -> str:
    # pandoc writes a hard line break as `\\` in LaTeX, and LaTeX reads `\\` followed by `*` on
    # the next line as the starred `\\*` and drops the `*`: an empty LaTeX group between them
    # (a raw LaTeX span, which the DOCX writer leaves out) keeps the typed `*`.
    return "`{}`{=latex}" + linje if linje.startswith("\\*") else linje


STAD_NAMN = {
    "kontorfellesskap": "kontorfellesskap utanfor kontorstrukturen til verksemda",
    "annan_kontorstad": "ein annan kontorstad i verksemda",
    "heimekontor": "heimekontor",
}



def _manader(n: int) -> str:
    return f"{n} månad" if n == 1 else f"{n} månader"


def _veker(n: int) -> str:
    return f"{n} veke" if n == 1 else f"{n} veker"


HR_FYLLER_UT = "**Fyllast ut av arbeidsgivaren:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"


@dataclass
class Avtaledata:
    """Everything a template prints. Strings are Markdown, safe to insert as they are."""

    avtaletype: str
    tittel: str
    situasjon: int
    vekslande_arbeidsstad: bool
    arbeidstakar_namn: str
    stilling: str
    bustad: str
    verksemd_namn: str
    ordinaer_kontorstad: str
    stad: str
    arbeidsstad: str
    tidsrom: str
    omfang: str
    tilgjengelegheit: str
    arbeidstid: str
    kjernetid: str
    ytre_arbeidstid: str
    utstyr: str
    tryggingsreglar: str
    utstyr_ansvar: str
    dokumenthandtering: str
    provetid: list[str]
    opphoyr: list[str]
    tiltreding: str
    varigheit: str
    lonn: str = HR_FYLLER_UT
    stillingskode: str = HR_FYLLER_UT
    stillingsprosent: str = HR_FYLLER_UT
    fodselsnummer: str = HR_FYLLER_UT
    utbetaling: str = HR_FYLLER_UT
    endeleg: bool = False
    manglar: list[str] = field(default_factory=list)
    hr_fyller_ut: str = HR_FYLLER_UT
    heimekontor_grunnlag: str = ""


def _tekst_eller_hr(verdi: str | None) -> str:
    return trygg(verdi) if verdi and verdi.strip() else HR_FYLLER_UT


def _provetid_klausular(svar: Svar, v: dict) -> list[str]:
    """Rettleiinga 5.3.6 and statstilsettelova § 15, kept apart: prøveperiode for ordninga
    (the tilleggsavtale) versus prøvetid (the employment)."""
    ut = []
    if v["avtaletype"] == "tilleggsavtale":
        p = v["proveperiode"]
        if p:
            ut.append(
                f"Prøveperioden for ordninga er {_manader(p['manader'])}, "
                f"frå {nynorsk_dato(p['fra'])} til og med {nynorsk_dato(p['til'])}. I prøveperioden kan "
                # Rettleiinga 5.3.6 says «varsel», not a written one (issue 14).
                f"kvar av partane seie opp tilleggsavtala med eit varsel på {_veker(p['varsel_veker'])}.")
        else:
            ut.append("Partane har avtalt at det ikkje skal vere nokon prøveperiode for ordninga.")
        ut.append(
            "Prøveperioden for ordninga gjeld berre denne tilleggsavtala. Han har ingen verknad for "
            "prøvetida i tilsetjinga, som følgjer av arbeidsavtala og statstilsettelova § 15.")
    else:
        p = v["provetid"]
        if p and p.get("held_fram"):
            # An existing employee still in prøvetid (issue 14 (5)): it runs on, no new one.
            ut.append(
                "Arbeidstakaren er alt tilsett i verksemda. Prøvetida frå tilsetjinga etter "
                f"statstilsettelova § 15 varer til og med {nynorsk_dato(p['til'])} og held fram uendra; "
                "avtala gir inga ny prøvetid.")
        elif p:
            if p["halvparten"]:
                # statstilsettelova § 15 (from 1 July 2024): at most half a temporary employment.
                ut.append(
                    "Tilsetjinga er mellombels, og prøvetida er halvparten av tilsetjingstida etter "
                    f"statstilsettelova § 15: frå {nynorsk_dato(p['fra'])} til og med "
                    f"{nynorsk_dato(p['til_utan_forlenging'])}.")
            else:
                ut.append(
                    f"Tilsetjinga har ei prøvetid på {_manader(p['manader'])} etter statstilsettelova § 15, frå "
                    f"{nynorsk_dato(p['fra'])} til og med {nynorsk_dato(p['til_utan_forlenging'])}.")
            if p["til"] != p["til_utan_forlenging"]:
                ut.append(
                    f"Arbeidstakaren har hatt fråvær i prøvetida. Arbeidsgivaren kan forlengje prøvetida "
                    f"med like lang tid, til og med {nynorsk_dato(p['til'])}.")
            elif p["mellombels_til"] is None:
                ut.append("Har arbeidstakaren fråvær i prøvetida, kan arbeidsgivaren forlengje ho med like lang tid.")
            else:
                # Left out before for temporary staff, which could cost the employer the right to
                # extend (issue 14; statstilsettelova § 15): capped at the end of the employment.
                ut.append("Har arbeidstakaren fråvær i prøvetida, kan arbeidsgivaren forlengje ho med like lang "
                          f"tid, men ikkje ut over {nynorsk_dato(p['mellombels_til'])}.")
        else:
            ut.append(
                "Arbeidstakaren er alt tilsett i verksemda og held fram i same stilling. Det blir inga ny "
                "prøvetid etter statstilsettelova § 15.")
    return ut


def _opphoyr_klausular(svar: Svar, v: dict) -> list[str]:
    o = v["opphoyr"]
    if v["avtaletype"] == "tilleggsavtale":
        frist = svar.ordning.oppseiingsfrist_manader
        ut = [
            ("Etter prøveperioden kan kvar av partane seie opp tilleggsavtala skriftleg med ein frist på "
             f"{_manader(frist)}." if frist is not None else
             "Etter prøveperioden kan kvar av partane seie opp tilleggsavtala skriftleg med ein frist på "
             + HR_FYLLER_UT + " månader."),
            "Oppseiing av tilleggsavtala gjeld berre ordninga med desentralisert arbeid. Arbeidsforholdet "
            "held fram, og partane fell då tilbake på den ordinære arbeidsavtala, også når det gjeld "
            "arbeidsstaden.",
            "Tilleggsavtala blir avslutta automatisk når tilsetjingsforholdet i verksemda tek slutt.",
        ]
        if svar.ordning.til is not None:
            ut.insert(0, f"Tilleggsavtala gjeld til og med {nynorsk_dato(svar.ordning.til)} og sluttar då "
                         "utan oppseiing. Partane kan før den tid drøfte om ordninga skal halde fram.")
        return ut
    f = v["oppseiingsfrist"]
    ut = [
        "Oppseiing av denne arbeidsavtala inneber at arbeidsforholdet blir avslutta. Reglane i "
        "statstilsettelova om oppseiing og oppseiingsfristar gjeld.",
    ]
    if f["i_provetid"]:
        ut.append(f"I prøvetida er oppseiingsfristen {_manader(f['arbeidsgivar_manader'])} for arbeidsgivaren "
                  f"og {_manader(f['arbeidstakar_manader'])} for arbeidstakaren.")
    rader = f["tabell"]
    tekst = []
    for r in rader:
        grense = "inntil eitt år" if r["tenestetid_over_ar"] == 0 else f"over {r['tenestetid_over_ar']} år"
        tekst.append(f"{grense}: {_manader(r['arbeidsgivar_manader'])} frå arbeidsgivaren og "
                     f"{_manader(r['arbeidstakar_manader'])} frå arbeidstakaren")
    ut.append("Etter prøvetida er oppseiingsfristen etter tenestetid " + "; ".join(tekst) + ".")
    # statstilsettelova § 22 (the rule data's frist_fra_dato_til_dato); no form requirement is
    # stated for the employee's notice in the sources read, so none is printed (issue 14).
    ut.append("Fristen går frå dato til dato, rekna frå den dagen oppseiinga er motteken.")
    if f["tilsetjing"] == "mellombels" and o["siste_dag"]:
        ut.append(f"Tilsetjinga er mellombels og tek slutt {nynorsk_dato(o['siste_dag'])} utan oppseiing.")
    if o.get("varsel_for_slutt"):
        # statstilsettelova § 17 (4): more than a year's temporary employment (legal facts E10).
        ut.append("Arbeidsgivaren gir skriftleg varsel om at tilsetjinga sluttar, seinast "
                  f"{nynorsk_dato(o['varsel_for_slutt']['seinast'])} (statstilsettelova § 17 fjerde ledd).")
    # arbeidsmiljølova § 14-8 asks for the change in writing, not for a new agreement (issue 14).
    ut.append("Blir arbeidsstaden endra seinare, skal endringa gjerast skriftleg seinast den dagen ho tek "
              "til å gjelde (arbeidsmiljølova § 14-8).")
    return ut


def _heimekontor_grunnlag(o) -> str:
    """Situation 3 (Rettleiinga 2.1): home office because daily commuting is not realistic; the
    employee's reasons are the basis of the employer's assessment, so they go into the agreement."""
    if o.stad != "heimekontor" or not (o.dagpendling_grunngjeving and o.dagpendling_grunngjeving.strip()):
        return ""
    return "Grunnlaget for heimekontor er at dagpendling ikkje er realistisk: " + trygg(o.dagpendling_grunngjeving)


def avtaledata(svar: Svar, vurdering: dict, hr: dict | None = None, endeleg: bool = False) -> Avtaledata:
    """The template data for an in-scope decision. `hr`: what HR completed on approval
    (saker.HR_FELT); `endeleg`: the approved version for signature, not a draft."""
    if not vurdering["i_omfang"]:
        raise ValueError("saka er utanfor rettleiinga; det blir ikkje laga noka avtale")
    at, vk, o = svar.arbeidstakar, svar.verksemd, svar.ordning
    hr = {k: v for k, v in (hr or {}).items() if v and str(v).strip()}
    kjerne = vurdering["fleksitid"]["kjernetid"]
    ytre = vurdering["fleksitid"]["ytre_arbeidstid"]
    if o.til is None:
        tidsrom = f"Ordninga gjeld frå og med {nynorsk_dato(o.fra)} og er tidsuavgrensa."
    else:
        tidsrom = f"Ordninga gjeld frå og med {nynorsk_dato(o.fra)} til og med {nynorsk_dato(o.til)}."
    if at.mellombels_til is None:
        varigheit = "Tilsetjinga er fast."
    else:
        varigheit = (f"Tilsetjinga er mellombels til og med {nynorsk_dato(at.mellombels_til)}. "
                     f"Heimel for mellombels tilsetjing (statstilsettelova § 9): "
                     f"{_tekst_eller_hr(hr.get('heimel_mellombels'))}")
    return Avtaledata(
        avtaletype=vurdering["avtaletype"],
        tittel=AVTALETITTEL[vurdering["avtaletype"]],
        situasjon=vurdering["situasjon"],
        vekslande_arbeidsstad=vurdering.get("vekslande_arbeidsstad", False),
        arbeidstakar_namn=_tekst_eller_hr(at.namn),
        stilling=_tekst_eller_hr(at.stilling),
        bustad=_tekst_eller_hr(at.bustad),
        verksemd_namn=_tekst_eller_hr(vk.namn),
        ordinaer_kontorstad=_tekst_eller_hr(vk.ordinaer_kontorstad),
        stad=STAD_NAMN[o.stad],
        arbeidsstad=_tekst_eller_hr(o.arbeidsstad),
        tidsrom=tidsrom,
        omfang=_tekst_eller_hr(o.omfang),
        tilgjengelegheit=_tekst_eller_hr(o.tilgjengelegheit),
        arbeidstid=_tekst_eller_hr(o.arbeidstid),
        kjernetid=f"{kjerne['fra']}–{kjerne['til']}",
        ytre_arbeidstid=f"{ytre['fra']}–{ytre['til']}",
        utstyr=_tekst_eller_hr(hr.get("utstyr", o.utstyr)),
        tryggingsreglar=_tekst_eller_hr(hr.get("tryggingsreglar", o.tryggingsreglar)),
        utstyr_ansvar=_tekst_eller_hr(o.utstyr_ansvar),
        dokumenthandtering=_tekst_eller_hr(o.dokumenthandtering),
        provetid=_provetid_klausular(svar, vurdering),
        opphoyr=_opphoyr_klausular(svar, vurdering),
        tiltreding=nynorsk_dato(at.tilsett_fra),
        varigheit=varigheit,
        lonn=_tekst_eller_hr(hr.get("lonn")),
        stillingskode=_tekst_eller_hr(hr.get("stillingskode")),
        stillingsprosent=_tekst_eller_hr(hr.get("stillingsprosent")),
        fodselsnummer=_tekst_eller_hr(hr.get("fodselsnummer")),
        utbetaling=_tekst_eller_hr(hr.get("utbetaling")),
        endeleg=endeleg,
        manglar=list(vurdering["manglar"]),
        heimekontor_grunnlag=_heimekontor_grunnlag(o),
    )

