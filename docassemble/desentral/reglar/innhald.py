"""What an agreement must contain (Rettleiinga 5.1; heimekontorforskrifta § 2), and the warnings
and notes a decision gives. Plain Python; no docassemble import."""
from __future__ import annotations

from datetime import date

from .datoar import nynorsk_dato
from .felles import AVTALENAMN, kjeldegrunn
from .tid import skriftleg_krav
from .svarfil import Ordning, Svar

__all__ = ["MINSTEINNHALD", "HEIMEKONTOR_INNHALD", "innhaldskontroll"]


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

def atvaringar_for(svar: Svar, avtaletype: str, tilradd: str, tilradd_grunn: dict, i_dag: date,
                frist: dict) -> list[dict]:
    """`frist`: the decision's signing deadline (reglar_tid.skriftleg_frist)."""
    at, o = svar.arbeidstakar, svar.ordning
    ut = []
    if o.avtaletype_valt and o.avtaletype_valt != tilradd:
        ut.append(kjeldegrunn(
            f"Partane har valt {AVTALENAMN[o.avtaletype_valt]}, men rettleiinga tilrår "
            f"{AVTALENAMN[tilradd]} her. {tilradd_grunn['tekst']} Valet er lov, men bør "
            "grunngjevast i saka.", tilradd_grunn["kjelde"]))
    signert = o.signeringsdato or i_dag
    if signert > frist["dato"]:
        # arbeidsmiljølova §§ 14-5 and 14-8: what was agreed is recorded with its true dates; the
        # breach is shown to HR with how late it is (issue 28, item 9), never hidden by a later date.
        dagar = (signert - frist["dato"]).days
        ut.append(kjeldegrunn(
            f"Avtala skal vere skriftleg {skriftleg_krav(frist)}. Ho kan tidlegast skrivast under "
            f"{nynorsk_dato(signert)}, {dagar} {'dag' if dagar == 1 else 'dagar'} etter fristen.", frist["kjelde"]))
    if avtaletype == "tilleggsavtale" and at.mellombels_til is not None:
        # Rettleiinga 5.1 and 5.3.6; legal facts E10: it ends with the employment anyway.
        if o.til is None or o.til > at.mellombels_til:
            kor_lenge = "har ingen sluttdato" if o.til is None else f"varer til {nynorsk_dato(o.til)}"
            ut.append(kjeldegrunn(
                f"Tilleggsavtala {kor_lenge}, men tilsetjinga er mellombels og sluttar "
                f"{nynorsk_dato(at.mellombels_til)}. Tilleggsavtala blir avslutta automatisk når "
                "tilsetjingsforholdet tek slutt; set gjerne same sluttdato i avtala.",
                "Rettleiinga 5.1 og 5.3.6"))
    return ut


def merknader_for(svar: Svar, situasjon: int) -> list[dict]:
    ut = []
    if svar.arbeidstakar.nytilsett:
        # Rettleiinga 2.2; legal facts E24.
        ut.append(kjeldegrunn(
            "Arbeidstakaren er nytilsett. Arbeidsgivaren må sørgje for at arbeidstakaren blir "
            "introdusert til verksemda og arbeidet på ein god måte; lag ein plan for det.",
            "Rettleiinga 2.2"))
    if situasjon == 3:
        ut.append(kjeldegrunn(
            "Arbeidsgivaren skal så langt det er praktisk mogleg sørgje for at arbeidsforholda i "
            "heimen er fullt forsvarlege, og arbeidstakaren skal medverke. Internkontrollen skal "
            "òg omfatte heimekontoret.", "heimekontorforskrifta §§ 3 og 4; Rettleiinga 4"))
    else:
        ut.append(kjeldegrunn(
            "Arbeidsmiljølova kapittel 3 og 4 gjeld òg ved arbeid frå kontorstader i eller utanfor "
            "kontorstrukturen til verksemda.", "Rettleiinga 4"))
    return ut
