"""What the interviews call: the answers as a `Svar`, the decision, and composed texts.

The interview keeps its answers on three objects with the answer file's names (`arbeidstakar`,
`verksemd`, `ordning`), so `lag` and the interview fill the same variables. Plain Python;
no docassemble import (optional answers are read from the objects' own attributes, `vars()`).
"""
from __future__ import annotations

import secrets
from dataclasses import asdict
from datetime import date, datetime

from .. import (ARKIV_INTERVJU, ENDRING_INTERVJU, EVALUERING_INTERVJU, OPPSEIING_INTERVJU, OVERSIKT_INTERVJU,
                SIGNERING_INTERVJU, VERSJON_INTERVJU)
from ..reglar.datoar import nynorsk_dato, som_dato
from ..dokument.avtaledata import STAD_NAMN, Avtaledata, avtaledata, pdf_metadata, trygg
from ..reglar.vurdering import vurder, vurder_omfang
from ..reglar.felles import AVTALENAMN, AVTALETYPE_NAMN, Tal
from ..reglar.saker import HR_FELT, STATUSAR, godkjenn, hr_felt_som_trengst, returner, sjekkliste, svar_fra_sak, utlysingstekst
from ..dokument.skjermtekst import html_tabell, skjerm
from ..reglar.livslop import vurdering_for_sak
from ..reglar.tidslinje import skriftleg_seinast, tidslinje_rader
from ..reglar.svarfil import (DATOREKKJEFOLGJE, KORT_TEKST, LANG_TEKST, SKJEMA, Svar, SvarFeil, datofeil,
                      rekkjefolgjefeil, svar_fra_dict, tekstfeil)

__all__ = [
    "SVARFELT",
    "nytt_oktmerke",
    "svar_fra_intervju",
    "svar_som_dict",
    "verdiar_for_intervju",
    "svar_til_okta",
    "vurder_intervju",
    "omfang_i_intervju",
    "omfang_tekst",
    "tilgjengelegheit_tekst",
    "arbeidstid_tekst",
    "vekedagar_tekst",
    "avtale_for_intervju",
    "avtale_for_sak",
    "svar_fra_sak",
    "pdf_metadata",
    "vurdering_for_sak",
    "sjekkliste_for_sak",
    "hr_felt_for_sak",
    "krev_hr_felt",
    "krev_kommentar",
    "sjekk_datorekkjefolgje",
    "sjekk_passert_startdato",
    "godkjenn",
    "returner",
    "utlysingstekst",
    "HR_FELT",
    "html_tabell",
    "tidslinje_rader",
    "skriftleg_seinast",
    "i_dag",
    "kjernetid_i_dag",
    "OPPSEIING_INTERVJU",
    "ENDRING_INTERVJU",
    "EVALUERING_INTERVJU",
    "VERSJON_INTERVJU",
    "SIGNERING_INTERVJU",
    "ARKIV_INTERVJU",
    "HR_LENKJER",
    "OVERSIKT_INTERVJU",
    "skjerm",
    "kort_tekst",
    "valfri_kort_tekst",
    "lang_tekst",
    "valfri_lang_tekst",
    "truleg_dato",
    "STATUSAR",
    "nynorsk_dato",
    "trygg",
    "SvarFeil",
    "Avtaledata",
    "VEKEDAGAR",
    "AVTALETYPE_NAMN",
    "AVTALENAMN",
    "KANALAR",
    "STAD_NAMN",
]


# The answer-file keys, section by section: the variables `lag` sets in the interview.
SVARFELT = {section: tuple(keys) for section, keys in SKJEMA.items()}

VEKEDAGAR = ("måndag", "tysdag", "onsdag", "torsdag", "fredag")
KANALAR = ("telefon", "e-post", "videomøte", "chat i verksemda sine digitale verktøy")


def _verdi(value):
    # docassemble's date fields give DADateTime (a datetime); the answer file gives dates.
    if isinstance(value, datetime):
        return value.date()
    return value


def svar_som_dict(arbeidstakar, verksemd, ordning) -> dict:
    """The interview's answers in the answer file's shape (undefined attributes left out)."""
    objects = {"arbeidstakar": arbeidstakar, "verksemd": verksemd, "ordning": ordning}
    out: dict[str, dict] = {}
    for section, keys in SVARFELT.items():
        # Read the instance's own attributes: asking a docassemble object for an undefined one
        # would start the search for a question that defines it.
        attrs = vars(objects[section])
        # An optional field left blank in the interview is an answer not given (the answer
        # file would leave the key out; a blank text there is refused).
        out[section] = {key: _verdi(attrs[key]) for key in keys
                        if key in attrs and not (isinstance(attrs[key], str) and not attrs[key].strip())}
    if "til" not in out["ordning"]:
        out["ordning"]["til"] = None
    return out


def verdiar_for_intervju(svar: Svar) -> dict:
    """Every answer-file variable, as `section.key` -> value (None where there is none): what
    `lag` sets in the interview, and what a session gets back from its stored case."""
    sections = {"arbeidstakar": asdict(svar.arbeidstakar), "verksemd": asdict(svar.verksemd),
                "ordning": asdict(svar.ordning)}
    return {f"{section}.{key}": sections[section].get(key)
            for section, keys in SVARFELT.items() for key in keys}


def svar_til_okta(sak: dict, arbeidstakar, verksemd, ordning) -> None:
    """Put a stored case's answers back on the interview's objects (a session started afresh
    with «Start på nytt» keeps its link to the case it handed over; its answers come back)."""
    objekt = {"arbeidstakar": arbeidstakar, "verksemd": verksemd, "ordning": ordning}
    for namn, verdi in verdiar_for_intervju(svar_fra_sak(sak)).items():
        seksjon, nokkel = namn.split(".")
        setattr(objekt[seksjon], nokkel, verdi)
    # The questions behind two answer-file dates, so that changing a date on the review screen
    # starts from the case's dates (a renewal moves them; issue 16), not from older answers.
    ordning.tidsavgrensa = ordning.til is not None
    ordning.sluttdato = ordning.til
    arbeidstakar.mellombels = arbeidstakar.mellombels_til is not None
    arbeidstakar.tilsetjing_sluttar = arbeidstakar.mellombels_til


def svar_fra_intervju(arbeidstakar, verksemd, ordning) -> Svar:
    """Build and validate a `Svar` from the interview's objects, with the CLI's own checks."""
    return svar_fra_dict(svar_som_dict(arbeidstakar, verksemd, ordning))


# What HR's list opens in those interviews: the screen's title and the link's text.
HR_LENKJER = {
    "oppseiing": {"intervju": OPPSEIING_INTERVJU, "tittel": "Registrere oppseiing", "kva": "Oppseiinga",
                  "lenkje": "Opne oppseiinga"},
    "endring": {"intervju": ENDRING_INTERVJU, "tittel": "Endre avtala", "kva": "Endringa", "lenkje": "Opne endringa"},
    "evaluering": {"intervju": EVALUERING_INTERVJU, "tittel": "Evaluere ordninga", "kva": "Evalueringa",
                   "lenkje": "Opne evalueringa"},
    "signering": {"intervju": SIGNERING_INTERVJU, "tittel": "Skrive under for arbeidsgivaren", "kva": "Underskrifta",
                  "lenkje": "Opne underskrifta"},
    "arkiv": {"intervju": ARKIV_INTERVJU, "tittel": "Arkivpakke", "kva": "Arkivpakka", "lenkje": "Opne arkivpakka"},
}


def i_dag() -> date:
    """Today, as every decision on a screen counts it (the server's date)."""
    return date.today()


def kjernetid_i_dag() -> str:
    """The core time of fleksitidsavtala in force today, from the dated rule data (issue 28,
    item 18: no figure typed into the interview)."""
    k = Tal()("fleksitid_kjernetid", date.today())
    return f"{k['fra']}–{k['til']}"


def vurder_intervju(arbeidstakar, verksemd, ordning, i_dag: date | None = None) -> dict:
    return vurder(svar_fra_intervju(arbeidstakar, verksemd, ordning), i_dag or date.today())


def omfang_i_intervju(arbeidstakar, ordning):
    """Scope from the answers so far (Rettleiinga 2.1, 5.3.1), so a refusal comes early."""
    attrs = vars(ordning)
    # Until the consents are answered, voluntariness is not judged yet.
    samtykke_svart = "samtykke_arbeidstakar" in attrs
    return vurder_omfang(
        ordning.stad,
        attrs.get("dagpendling_realistisk") if ordning.stad == "heimekontor" else None,
        arbeidstakar.nytilsett or not samtykke_svart,
        attrs.get("samtykke_arbeidstakar"),
        attrs.get("samtykke_arbeidsgivar"),
    )


def _liste(ord_: list[str]) -> str:
    """«a», «a og b», «a, b og c» (Nynorsk: no comma before «og»)."""
    if len(ord_) <= 1:
        return "".join(ord_)
    return ", ".join(ord_[:-1]) + " og " + ord_[-1]


def vekedagar_tekst(dagar) -> str:
    return _liste([d for d in VEKEDAGAR if d in dagar])


def omfang_tekst(form: str, prosent: int | None = None, dagar=(), plan: str | None = None) -> str:
    """Rettleiinga 5.3.2: fixed weekdays, a percentage, or all of the work; for alternating
    work, when the employee is at each place."""
    if form == "heile":
        tekst = "Heile stillinga blir utført som desentralisert arbeid."
    elif form == "prosent":
        tekst = (f"{prosent} prosent av arbeidet blir utført som desentralisert arbeid. Resten blir "
                 "utført frå den ordinære kontorstaden.")
    elif form == "dagar":
        tekst = (f"Arbeidstakaren arbeider desentralisert på {vekedagar_tekst(dagar)}. Dei andre "
                 "arbeidsdagane arbeider arbeidstakaren frå den ordinære kontorstaden.")
    else:
        raise ValueError(form)
    if form != "heile" and plan and plan.strip():
        tekst += f"\nNår arbeidstakaren er på kvar stad: {plan.strip()}"
    return tekst


def tilgjengelegheit_tekst(tidsrom: str, kanalar, fysiske_mote: str | None) -> str:
    """Rettleiinga 5.3.3: when, how, and which meetings need physical presence."""
    kanal_tekst = _liste([k for k in KANALAR if k in kanalar])
    tekst = f"Arbeidstakaren skal vere tilgjengeleg {tidsrom.strip()}"
    tekst += f", på {kanal_tekst}." if kanal_tekst else "."
    if fysiske_mote and fysiske_mote.strip():
        tekst += f"\nArbeidstakaren deltek fysisk på den ordinære kontorstaden på: {fysiske_mote.strip()}"
    return tekst


def arbeidstid_tekst(fleksitid: bool, registrering: str | None) -> str:
    """Rettleiinga 5.3.4. The employee's own hours are in the agreement's working-time clause
    (issue 28: not «alminneleg arbeidstid» for everyone, a part-time position too)."""
    tekst = ("Arbeidstakaren følgjer fleksitidsordninga i verksemda." if fleksitid else
             "Arbeidstakaren er ikkje med i fleksitidsordninga i verksemda.")
    if registrering and registrering.strip():
        tekst += f"\nArbeidstida blir registrert slik: {registrering.strip()}"
    return tekst


def avtale_for_intervju(arbeidstakar, verksemd, ordning, vurdering: dict) -> Avtaledata:
    """The documents' data from the answers and the decision the screen already has (one
    decision per screen, issue 14)."""
    return avtaledata(svar_fra_intervju(arbeidstakar, verksemd, ordning), vurdering)


def avtale_for_sak(sak: dict, vurdering: dict) -> Avtaledata:
    """The documents of a stored case: final, with HR's items, once HR has approved it.
    `vurdering`: the case's decision, made once for the screen."""
    return avtaledata(svar_fra_sak(sak), vurdering, hr=sak.get("hr"), endeleg=sak["status"] in ("godkjend", "oppsagd"))



def sjekkliste_for_sak(sak: dict, vurdering: dict) -> list[dict]:
    return sjekkliste(svar_fra_sak(sak), vurdering)


def hr_felt_for_sak(sak: dict, vurdering: dict) -> tuple[str, ...]:
    """HR's items this case's agreement prints (saker.hr_felt_som_trengst): the fields HR's
    screen shows, and what approval requires."""
    at = sak["svar"]["arbeidstakar"]
    return hr_felt_som_trengst(vurdering["avtaletype"], bool(at.get("mellombels_til")), bool(at.get("stillingsprosent")))


def krev_hr_felt(trengst: tuple[str, ...], hr: dict) -> None:
    """Approval's check: every HR item the agreement prints (`trengst`) is filled in, or a
    Nynorsk refusal that names the blank ones, and nothing is stored."""
    manglar = [HR_FELT[k] for k in trengst if not (hr.get(k) and str(hr[k]).strip())]
    if manglar:
        from docassemble.base.util import validation_error  # noqa: PLC0415 - only inside docassemble

        validation_error("Fyll ut før du godkjenner: " + ", ".join(manglar) + ".", field="hr_avgjerd")


# Field validators for the interview: `validate: kort_tekst("Namnet ditt")`. docassemble calls the
# returned function with the typed value; a rejection raises docassemble's validation error with a
# Nynorsk message that names the field, and the screen keeps what the user typed. The rules are
# svarfil's, so `vurder` and `lag` reject the same things.

def _avvis(felt: str, melding: str):
    from docassemble.base.util import validation_error  # noqa: PLC0415 - only inside docassemble

    validation_error(f"{felt}: {melding}.")


def _tekstkrav(felt: str, maks: int, krev: bool):
    def sjekk(verdi) -> bool:
        verdi = "" if verdi is None else str(verdi)
        if not krev and not verdi.strip():
            return True
        feil = tekstfeil(verdi, maks, krev=krev)
        if feil:
            _avvis(felt, feil)
        return True
    return sjekk


def kort_tekst(felt: str):
    return _tekstkrav(felt, KORT_TEKST, True)


def valfri_kort_tekst(felt: str):
    return _tekstkrav(felt, KORT_TEKST, False)


def lang_tekst(felt: str):
    return _tekstkrav(felt, LANG_TEKST, True)


def valfri_lang_tekst(felt: str):
    return _tekstkrav(felt, LANG_TEKST, False)


def truleg_dato(felt: str):
    def sjekk(verdi) -> bool:
        dato = verdi.date() if isinstance(verdi, datetime) else verdi
        if isinstance(dato, str):
            # The browser sends ISO dates; docassemble has already checked that it parses.
            try:
                dato = date.fromisoformat(dato.strip()[:10])
            except ValueError:
                import dateutil.parser  # noqa: PLC0415 - a docassemble dependency

                try:
                    dato = dateutil.parser.parse(dato).date()
                except (ValueError, OverflowError):
                    _avvis(felt, "skriv ein gyldig dato")
        feil = datofeil(dato)
        if feil:
            _avvis(felt, feil)
        return True
    return sjekk


def nytt_oktmerke() -> str:
    """A random key for the browser's copy of this session's typed answers (svar-ved-tilbake.js);
    it names the copy, it guards nothing, so it need not be secret from the user."""
    return secrets.token_hex(12)


# The interview's checks, in Python once (issue 14): each screen's `validation code` calls one
# of these with its answers; the rule and its message are svarfil's or saker's, shared with the
# answer file and HR. The interview's field for each date rule:
_DATOFELT = {"tilsetjing_slutt": "arbeidstakar.tilsetjing_sluttar", "fra_for_tilsetjing": "ordning.fra",
             "fra_etter_tilsetjing": "ordning.fra", "til_for_fra": "ordning.sluttdato",
             # a change's day (set by the change, not asked here) must stay within the period
             "endra_for_fra": "ordning.fra", "endra_etter_til": "ordning.sluttdato"}


def sjekk_datorekkjefolgje(tilsett_fra: date, mellombels_til: date | None = None, fra: date | None = None,
                           til: date | None = None, ordning=None) -> None:
    """`ordning`: the interview's object, for the day a change takes effect where one is open."""
    endra_fra = som_dato(vars(ordning).get("endra_fra")) if ordning is not None else None
    feil = rekkjefolgjefeil(som_dato(tilsett_fra), som_dato(mellombels_til), som_dato(fra), som_dato(til), endra_fra)
    if feil:
        from docassemble.base.util import validation_error  # noqa: PLC0415 - only inside docassemble

        validation_error(DATOREKKJEFOLGJE[feil], field=_DATOFELT[feil])


def sjekk_passert_startdato(fra: date, stadfesta: bool | None, i_dag: date | None = None) -> None:
    """A start date in the past is allowed (HR formalising an arrangement that runs), but only
    when the user confirms it: a mistyped year is the usual cause."""
    if som_dato(fra) < (i_dag or date.today()) and not stadfesta:
        from docassemble.base.util import validation_error  # noqa: PLC0415

        validation_error("Startdatoen er passert. Kryss av om det er rett, eller vel ein ny dato.", field="ordning.fra")


def krev_kommentar(avgjerd: str, kommentar: str | None) -> None:
    """HR returns a case only with a comment to the employee (the rule of saker.returner)."""
    if avgjerd == "returner" and not (kommentar and kommentar.strip()):
        from docassemble.base.util import validation_error  # noqa: PLC0415

        validation_error("Skriv ein kommentar til arbeidstakaren.", field="hr_kommentar")
