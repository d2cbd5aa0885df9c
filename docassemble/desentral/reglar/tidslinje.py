"""The arrangement's timeline after signing (issue 16): the dates the employee and HR must keep,
each computed from the decision the rules made and carrying its source. Plain Python; no
docassemble import. `vurder` puts the list in the decision (`tidslinje`), so the interview, HR's
screens and the command line read the same dates.

Each entry: `kva` (a stable id), `dato`, `tekst` (Nynorsk, for screens), `kjelde`. Sorted by date;
entries on the same day keep the order of `REKKJEFOLGJE`.
"""
from __future__ import annotations

from datetime import date, timedelta

from .datoar import nynorsk_dato
from .felles import veker_tekst
from .tid import skriftleg_krav

__all__ = ["REKKJEFOLGJE", "lag_tidslinje", "med_status", "tidslinje_rader", "skriftleg_seinast", "NAER_DAGAR",
           "KORT", "hr_datomerknad", "datomerknad", "forfalne", "kort_tekst"]

# The order of entries that fall on the same day.
REKKJEFOLGJE = ("skriftleg_frist", "varsel_for_slutt", "provetid_slutt", "provetid_forlenging",
                "proveperiode_slutt", "ordning_slutt", "tilsetjing_slutt")

# HR's list marks what is due within this many days (issue 16: «the next 30 days»). A choice of
# the package for its reminders, not a legal figure.
NAER_DAGAR = 30


def _post(kva: str, dato: date, tekst: str, kjelde: str) -> dict:
    return {"kva": kva, "dato": dato, "tekst": tekst, "kjelde": kjelde}


def lag_tidslinje(svar, avtaletype: str, skriftleg: dict, proveperiode: dict | None,
                  provetid: dict | None, opphoyr: dict | None) -> list[dict]:
    """The timeline of an in-scope decision, from the parts `vurder` computed."""
    at, o = svar.arbeidstakar, svar.ordning
    ut = []
    # arbeidsmiljølova §§ 14-5 and 14-8 (reglar_tid.skriftleg_frist), worded once (skriftleg_krav).
    kva = "arbeidsavtala" if skriftleg["gjeld"] == "arbeidsavtale" and avtaletype == "arbeidsavtale" else "avtala"
    krav = skriftleg_krav(skriftleg)
    ut.append(dict(_post("skriftleg_frist", skriftleg["dato"],
                         f"Siste dag for å skrive under {kva}: ho skal vere skriftleg {krav}.", skriftleg["kjelde"]),
                   krav=krav))

    if provetid is not None:
        # statstilsettelova § 15: the employment's prøvetid, apart from the arrangement's trial.
        tekst = ("Prøvetida frå tilsetjinga sluttar (ho held fram uendra under ordninga)."
                 if provetid.get("held_fram") else "Prøvetida i tilsetjinga sluttar.")
        ut.append(_post("provetid_slutt", provetid["til"], tekst, "statstilsettelova § 15"))
        if provetid.get("kan_forlengjast_til"):
            # § 15: the extension by absence is the employer's option, not made by itself (issue 28).
            ut.append(_post(
                "provetid_forlenging", provetid["kan_forlengjast_til"],
                f"Arbeidsgivaren kan forlengje prøvetida med fråværet ({provetid['forlenging_dagar']} dagar) "
                "til og med denne dagen. Det må avgjerast før prøvetida sluttar; elles sluttar ho "
                f"{nynorsk_dato(provetid['til'])}. Vilkåra for forlenging er ikkje stadfesta.",
                "statstilsettelova § 15"))

    if proveperiode is not None:
        # Rettleiinga 5.3.6: within the trial either party may end the tilleggsavtale with the
        # agreed notice; the notice must be given by the trial's last day.
        ut.append(_post(
            "proveperiode_slutt", proveperiode["til"],
            "Prøveperioden for ordninga sluttar. Til og med denne dagen kan kvar av partane seie "
            f"opp tilleggsavtala med {veker_tekst(proveperiode['varsel_veker'])} varsel; etterpå gjeld "
            "den avtalte oppseiingsfristen.", "Rettleiinga 5.3.6"))

    varsel = (opphoyr or {}).get("varsel_for_slutt")
    if varsel:
        ut.append(_post("varsel_for_slutt", varsel["seinast"],
                        "Siste dag for skriftleg varsel om at den mellombelse tilsetjinga sluttar.",
                        "statstilsettelova § 17 fjerde ledd"))

    slutt_tilsetjing = at.mellombels_til
    if o.til is not None and (slutt_tilsetjing is None or o.til < slutt_tilsetjing):
        # Rettleiinga 5.3.2: a time-limited arrangement is evaluated, and may be changed or
        # continued, before its period ends.
        ut.append(_post("ordning_slutt", o.til,
                        "Ordninga sluttar. Evaluer ho saman før denne dagen: halde fram, endre eller avslutte.",
                        "Rettleiinga 5.3.2"))
    if slutt_tilsetjing is not None:
        if avtaletype == "tilleggsavtale":
            # Rettleiinga 5.1 and 5.3.6: the tilleggsavtale ends by itself with the employment.
            tekst = "Den mellombelse tilsetjinga sluttar, og tilleggsavtala sluttar automatisk same dag."
            kjelde = "Rettleiinga 5.1 og 5.3.6"
        else:
            # statstilsettelova § 17: a temporary appointment ends when its period expires.
            tekst = "Den mellombelse tilsetjinga sluttar, og med ho avtala om arbeidsstad."
            kjelde = "statstilsettelova § 17"
        ut.append(_post("tilsetjing_slutt", slutt_tilsetjing, tekst, kjelde))
    return sorted(ut, key=lambda p: (p["dato"], REKKJEFOLGJE.index(p["kva"])))


def med_status(tidslinje: list[dict], i_dag: date) -> list[dict]:
    """Each entry with `status`: `forbi` (before today), `naer` (today and the next NAER_DAGAR
    days) or `seinare`; for HR's list and reminders."""
    grense = i_dag + timedelta(days=NAER_DAGAR)
    ut = []
    for p in tidslinje:
        status = "forbi" if p["dato"] < i_dag else "naer" if p["dato"] <= grense else "seinare"
        ut.append({**p, "status": status})
    return ut


STATUSTEKST = {"forbi": "Passert", "naer": f"Innan {NAER_DAGAR} dagar", "seinare": ""}


def tidslinje_rader(tidslinje: list[dict], i_dag: date | None = None) -> list[list[str]]:
    """Rows for a screen's table: date, what, source, and with `i_dag` the status (HR)."""
    if i_dag is None:
        return [[nynorsk_dato(p["dato"]), p["tekst"], p["kjelde"]] for p in tidslinje]
    return [[nynorsk_dato(p["dato"]), p["tekst"], p["kjelde"], STATUSTEKST[p["status"]]]
            for p in med_status(tidslinje, i_dag)]


def skriftleg_seinast(tidslinje: list[dict]) -> date | None:
    """The day the agreement must be in writing by (arbeidsmiljølova §§ 14-5 and 14-8)."""
    return next((p["dato"] for p in tidslinje if p["kva"] == "skriftleg_frist"), None)


# Short names for HR's list.
KORT = {"skriftleg_frist": "Skriftleg avtale", "provetid_slutt": "Prøvetida sluttar",
        "provetid_forlenging": "Prøvetida kan forlengjast til",
        "proveperiode_slutt": "Prøveperioden for ordninga sluttar", "varsel_for_slutt": "Varsel om slutt",
        "ordning_slutt": "Ordninga sluttar", "tilsetjing_slutt": "Tilsetjinga sluttar"}


def forfalne(tidslinje: list[dict], godkjend: bool, i_dag: date) -> list[dict]:
    """What HR should act on: entries due within NAER_DAGAR days, and a signing deadline already
    passed on a case HR has not approved (arbeidsmiljølova §§ 14-5 and 14-8). For HR's list and
    the daily reminder (one rule for both)."""
    ut = []
    for p in med_status(tidslinje, i_dag):
        if p["kva"] == "skriftleg_frist" and godkjend:
            continue  # approved: the deadline is the parties' to keep at signing
        if p["status"] == "naer" or (p["status"] == "forbi" and p["kva"] == "skriftleg_frist"):
            ut.append(p)
    return ut


def kort_tekst(p: dict) -> str:
    """«Prøveperioden for ordninga sluttar 4. desember 2026», or «Forsein: …» for a passed deadline."""
    if p["status"] == "forbi":
        return f"Forsein: {KORT[p['kva']].lower()} {nynorsk_dato(p['dato'])}"
    return f"{KORT[p['kva']]} {nynorsk_dato(p['dato'])}"


def datomerknad(forfalne_liste: list[dict]) -> str:
    """HR's list's cell: the due entries (`forfalne`) in short, or «–»."""
    return "; ".join(kort_tekst(p) for p in forfalne_liste) or "–"


def hr_datomerknad(tidslinje: list[dict], godkjend: bool, i_dag: date) -> str:
    """HR's list: what falls due within NAER_DAGAR days, and a late signing, or «–»."""
    return datomerknad(forfalne(tidslinje, godkjend, i_dag))
