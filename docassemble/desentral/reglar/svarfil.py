"""The answer file (svarfil): its schema, and parsing with Nynorsk messages that name the field.

Plain Python and pyyaml; no docassemble import. The interview builds the same `Svar` from its
own variables, so the CLI and the interview decide on the same data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from .kommunar import kommunar

__all__ = [
    "STADER",
    "AVTALETYPAR",
    "KORT_TEKST",
    "LANG_TEKST",
    "SAMANSETT_TEKST",
    "TRULEGE_AR",
    "tekstfeil",
    "datofeil",
    "DATOREKKJEFOLGJE",
    "rekkjefolgjefeil",
    "SvarFeil",
    "Arbeidstakar",
    "Verksemd",
    "Ordning",
    "Svar",
    "les_svar",
    "svar_fra_dict",
]

STADER = ("kontorfellesskap", "annan_kontorstad", "heimekontor", "utlandet")
AVTALETYPAR = ("arbeidsavtale", "tilleggsavtale")

# Length limits for typed text: short fields (names, places) and long free text. The interview
# composes omfang, tilgjengelegheit and arbeidstid from a sentence of its own plus typed text, so
# those answer-file fields allow a little more (SAMANSETT_TEKST).
KORT_TEKST = 200
LANG_TEKST = 4000
SAMANSETT_TEKST = LANG_TEKST + 500

# Dates before or after these years are typing errors, not agreements (e.g. 0202 for 2026).
TRULEGE_AR = (1970, 2100)

# Control characters other than line breaks and tabs cannot be typed and break the documents.
_KONTROLLTEIKN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def tekstfeil(verdi: str, maks: int, *, krev: bool = False) -> str | None:
    """Why a typed text is not accepted, in Nynorsk, or None. Shared by the answer file and the
    interview, so both reject the same things."""
    if not verdi.strip():
        return "feltet er tomt" if krev or verdi else None
    if len(verdi) > maks:
        return f"teksten er for lang ({len(verdi)} teikn; høgst {maks})"
    if _KONTROLLTEIKN.search(verdi):
        return "teksten inneheld kontrollteikn som ikkje kan skrivast ut"
    return None


def datofeil(dato: date) -> str | None:
    """Why a date is implausible, or None."""
    if not TRULEGE_AR[0] <= dato.year <= TRULEGE_AR[1]:
        return f"året {dato.year} er ikkje truleg (må vere mellom {TRULEGE_AR[0]} og {TRULEGE_AR[1]})"
    return None


# The order of a case's dates, one rule and one Nynorsk message each, for the answer file, the
# interview and HR alike (issue 14: the interview's YAML restated them with other words).
DATOREKKJEFOLGJE = {
    "tilsetjing_slutt": "Siste arbeidsdag kan ikkje vere før første arbeidsdag.",
    "fra_for_tilsetjing": "Ordninga kan ikkje starte før første arbeidsdag i verksemda.",
    "fra_etter_tilsetjing": "Ordninga kan ikkje starte etter at tilsetjinga er slutt.",
    "til_for_fra": "Sluttdatoen kan ikkje vere før startdatoen.",
    "endra_for_fra": "Endringa kan ikkje gjelde frå før ordninga tok til.",
    "endra_etter_til": "Endringa kan ikkje gjelde frå etter at ordninga sluttar.",
}


# the answer file's field for each
_REKKJEFOLGJE_FELT = {"tilsetjing_slutt": "arbeidstakar.mellombels_til", "fra_for_tilsetjing": "ordning.fra",
                      "fra_etter_tilsetjing": "ordning.fra", "til_for_fra": "ordning.til",
                      "endra_for_fra": "ordning.endra_fra", "endra_etter_til": "ordning.endra_fra"}


def rekkjefolgjefeil(tilsett_fra: date, mellombels_til: date | None = None, fra: date | None = None,
                     til: date | None = None, endra_fra: date | None = None) -> str | None:
    """The first of the case's dates out of order, as a key of DATOREKKJEFOLGJE, or None.
    Dates not yet known are None and not checked."""
    if mellombels_til is not None and mellombels_til < tilsett_fra:
        return "tilsetjing_slutt"
    if fra is not None and fra < tilsett_fra:
        return "fra_for_tilsetjing"
    if fra is not None and mellombels_til is not None and fra > mellombels_til:
        return "fra_etter_tilsetjing"
    if til is not None and fra is not None and til < fra:
        return "til_for_fra"
    if endra_fra is not None and fra is not None and endra_fra < fra:
        return "endra_for_fra"
    if endra_fra is not None and til is not None and endra_fra > til:
        return "endra_etter_til"
    return None


class SvarFeil(ValueError):
    """Bad input. `str(e)` is one Nynorsk line that starts with the field's name."""

    def __init__(self, felt: str, melding: str):
        super().__init__(f"{felt}: {melding}")
        self.felt = felt
        self.melding = melding


@dataclass(frozen=True)
class Felt:
    kind: str  # tekst | bool | dato | heiltal | val | epost
    maks: int = KORT_TEKST
    val: tuple = ()
    minst: int | None = None
    storst: int | None = None


_TEKST = Felt("tekst")
_LANG = Felt("tekst", maks=LANG_TEKST)
_SAMANSETT = Felt("tekst", maks=SAMANSETT_TEKST)
_BOOL = Felt("bool")
_DATO = Felt("dato")

SKJEMA: dict[str, dict[str, Felt]] = {
    "arbeidstakar": {
        "namn": _TEKST,
        "stilling": _TEKST,
        "bustad": _TEKST,
        "nytilsett": _BOOL,
        "tilsett_fra": _DATO,
        "mellombels_til": _DATO,
        "fravaer_i_provetid_dagar": Felt("heiltal", minst=0, storst=3650),
        # Part-time: the share of a full position (issue 28; arbeidsmiljølova § 14-6; the
        # employee's own agreed hours, not «alminneleg arbeidstid» for all).
        "stillingsprosent": Felt("heiltal", minst=1, storst=100),
    },
    "verksemd": {
        "namn": _TEKST,
        "ordinaer_kontorstad": _TEKST,
        # The leader the employee names to sign for the employer (issue 31, item 3); optional,
        # HR can name another.
        "leiar_epost": Felt("epost", maks=254),
    },
    "ordning": {
        "stad": Felt("val", val=STADER),
        # The municipality the employee works from (issue 31, item 4: HR's overview), its number
        # in the 2024 list (kommunar.py); optional.
        "kommune": Felt("val", val=tuple(kommunar())),
        "dagpendling_realistisk": _BOOL,
        "dagpendling_grunngjeving": _LANG,
        "fast_pa_ordinaer_kontorstad": _BOOL,
        "fra": _DATO,
        "til": _DATO,
        "samtykke_arbeidstakar": _BOOL,
        "samtykke_arbeidsgivar": _BOOL,
        "avtaletype_valt": Felt("val", val=AVTALETYPAR),
        "signeringsdato": _DATO,
        # A change of an approved arrangement: the day the new version takes effect
        # (arbeidsmiljølova § 14-8; issue 16). Not set for a first agreement.
        "endra_fra": _DATO,
        # A renewal: a new period of an arrangement already agreed (Rettleiinga 5.3.2). Its
        # written deadline is § 14-8's from the day it starts, and it has no new prøveperiode.
        "fornya": _BOOL,
        # A changed agreement: the type of the version it replaces (issue 28: a tilleggsavtale
        # turned into an ordinary agreement says that the tilleggsavtale ends).
        "tidlegare_avtaletype": Felt("val", val=AVTALETYPAR),
        # The minimum content of Rettleiinga 5.1 (and heimekontorforskrifta § 2).
        "arbeidsstad": _TEKST,
        "omfang": _SAMANSETT,
        "tilgjengelegheit": _SAMANSETT,
        "arbeidstid": _SAMANSETT,
        "utstyr": _LANG,
        "tryggingsreglar": _LANG,
        "utstyr_ansvar": _LANG,
        "dokumenthandtering": _LANG,
        "proveperiode_manader": Felt("heiltal", minst=0, storst=24),
        "proveperiode_varsel_veker": Felt("heiltal", minst=0, storst=26),
        "oppseiingsfrist_manader": Felt("heiltal", minst=0, storst=12),
    },
}


@dataclass(frozen=True)
class Arbeidstakar:
    nytilsett: bool
    tilsett_fra: date
    namn: str | None = None
    stilling: str | None = None
    bustad: str | None = None
    mellombels_til: date | None = None
    fravaer_i_provetid_dagar: int = 0
    stillingsprosent: int | None = None


@dataclass(frozen=True)
class Verksemd:
    namn: str | None = None
    ordinaer_kontorstad: str | None = None
    leiar_epost: str | None = None


@dataclass(frozen=True)
class Ordning:
    stad: str
    fra: date
    til: date | None = None
    dagpendling_realistisk: bool | None = None
    dagpendling_grunngjeving: str | None = None
    fast_pa_ordinaer_kontorstad: bool | None = None
    samtykke_arbeidstakar: bool | None = None
    samtykke_arbeidsgivar: bool | None = None
    avtaletype_valt: str | None = None
    signeringsdato: date | None = None
    endra_fra: date | None = None
    fornya: bool | None = None
    tidlegare_avtaletype: str | None = None
    arbeidsstad: str | None = None
    kommune: str | None = None
    omfang: str | None = None
    tilgjengelegheit: str | None = None
    arbeidstid: str | None = None
    utstyr: str | None = None
    tryggingsreglar: str | None = None
    utstyr_ansvar: str | None = None
    dokumenthandtering: str | None = None
    proveperiode_manader: int | None = None
    proveperiode_varsel_veker: int | None = None
    oppseiingsfrist_manader: int | None = None


@dataclass(frozen=True)
class Svar:
    arbeidstakar: Arbeidstakar
    ordning: Ordning
    verksemd: Verksemd = field(default_factory=Verksemd)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOST = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


def _verdi(felt: str, spec: Felt, value: Any) -> Any:
    """Check and convert one value; None passes (required keys are checked afterwards)."""
    if value is None:
        return None
    if spec.kind == "tekst":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise SvarFeil(felt, "må vere tekst")
        value = str(value)
        feil = tekstfeil(value, spec.maks, krev=True)
        if feil:
            raise SvarFeil(felt, feil)
        return value
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise SvarFeil(felt, "må vere true eller false")
        return value
    if spec.kind == "dato":
        text = str(value).strip()
        if not _ISO.match(text):
            raise SvarFeil(felt, f"«{value}» er ikkje ein dato på forma ÅÅÅÅ-MM-DD")
        try:
            dato = date.fromisoformat(text)
        except ValueError:
            raise SvarFeil(felt, f"«{value}» er ikkje ein gyldig dato") from None
        feil = datofeil(dato)
        if feil:
            raise SvarFeil(felt, feil)
        return dato
    if spec.kind == "heiltal":
        if isinstance(value, bool) or not isinstance(value, int):
            raise SvarFeil(felt, "må vere eit heilt tal")
        if spec.minst is not None and value < spec.minst:
            raise SvarFeil(felt, "talet kan ikkje vere negativt" if spec.minst == 0 else f"talet må vere minst {spec.minst}")
        if spec.storst is not None and value > spec.storst:
            raise SvarFeil(felt, f"talet kan ikkje vere større enn {spec.storst}")
        return value
    if spec.kind == "epost":
        text = str(value).strip()
        if len(text) > spec.maks or not _EPOST.match(text):
            raise SvarFeil(felt, f"«{value}» er ikkje ei e-postadresse")
        return text
    if spec.kind == "val":
        if value not in spec.val:
            gyldige = f" (gyldige: {', '.join(spec.val)})" if len(spec.val) <= 12 else ""
            raise SvarFeil(felt, f"«{value}» er ikkje ein gyldig verdi{gyldige}")
        return value
    raise AssertionError(spec.kind)


def _krev(felt: str, value: Any) -> None:
    if value is None:
        raise SvarFeil(felt, "manglar (feltet er påkravd)")


def svar_fra_dict(data: Any) -> Svar:
    """Validate a parsed answer file and build a `Svar`; raises `SvarFeil` on the first fault."""
    if not isinstance(data, dict):
        raise SvarFeil("svarfila", "må vere ein YAML-mapping med arbeidstakar, verksemd og ordning")
    for section in data:
        if section not in SKJEMA:
            raise SvarFeil(str(section), "ukjend felt")
    values: dict[str, dict[str, Any]] = {}
    for section, spec in SKJEMA.items():
        raw = data.get(section)
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise SvarFeil(section, "må vere ein mapping")
        for key in raw:
            if key not in spec:
                raise SvarFeil(f"{section}.{key}", "ukjend felt")
        values[section] = {key: _verdi(f"{section}.{key}", spec[key], raw[key]) for key in raw}

    at, ord_ = values["arbeidstakar"], values["ordning"]
    _krev("arbeidstakar.nytilsett", at.get("nytilsett"))
    _krev("arbeidstakar.tilsett_fra", at.get("tilsett_fra"))
    _krev("ordning.stad", ord_.get("stad"))
    _krev("ordning.fra", ord_.get("fra"))
    if "til" not in ord_:
        raise SvarFeil("ordning.til", "manglar (skriv null for ei tidsuavgrensa ordning)")
    if not at["nytilsett"]:
        _krev("ordning.samtykke_arbeidstakar", ord_.get("samtykke_arbeidstakar"))
        _krev("ordning.samtykke_arbeidsgivar", ord_.get("samtykke_arbeidsgivar"))
    if ord_["stad"] == "heimekontor":
        _krev("ordning.dagpendling_realistisk", ord_.get("dagpendling_realistisk"))
    if ord_["til"] is None:
        _krev("ordning.fast_pa_ordinaer_kontorstad", ord_.get("fast_pa_ordinaer_kontorstad"))

    feil = rekkjefolgjefeil(at["tilsett_fra"], at.get("mellombels_til"), ord_["fra"], ord_["til"], ord_.get("endra_fra"))
    if feil:
        raise SvarFeil(_REKKJEFOLGJE_FELT[feil], DATOREKKJEFOLGJE[feil])

    at = {k: v for k, v in at.items() if v is not None}
    return Svar(
        arbeidstakar=Arbeidstakar(**at),
        verksemd=Verksemd(**values["verksemd"]),
        ordning=Ordning(**ord_),
    )


class SvarLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its field."""


SvarLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def les_svar(text: str) -> Svar:
    """Parse the text of an answer file."""
    try:
        data = yaml.load(text, Loader=SvarLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"linje {mark.line + 1}" if mark is not None else "svarfila"
        raise SvarFeil(where, "fila er ikkje gyldig YAML") from None
    return svar_fra_dict(data)

