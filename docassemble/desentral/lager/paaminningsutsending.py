# do not pre-load
"""Sending the daily reminders (issue 16): the cases read from docassemble's storage, what is due
chosen by paaminning's pure functions, what was sent kept in DAStore so that every server and
every reminder session agree. Called by the `cron_daily` event of data/questions/paaminning.yml.
"""
from __future__ import annotations

from datetime import date

from docassemble.base.util import DAStore, get_config

from ..reglar.datoar import nynorsk_dato
from ..dokument.epost import lag_epost, send_epost
from ..dokument.paaminning import nye_paaminningar, paaminningsepost, signeringspaaminningar
from .sakslager import alle_saker
from ..reglar.signering import leiar_for
from ..reglar.varsel import slatt_paa
from .varselutsending import lenkje_til

__all__ = ["send_paaminningar"]


def send_paaminningar(i_dag: date | None = None) -> int:
    """Send what is new today: HR's list of due dates, and each signer's reminder of a written
    deadline; returns how many entries were reminded (0 without mail)."""
    hr = (get_config("desentral") or {}).get("hr e-post")
    if not get_config("mail"):
        return 0
    i_dag = i_dag or date.today()
    lager = DAStore("_desentral_paaminningar", base="docassemble.desentral:paaminningar")
    sendt = set(lager.keys())
    saker = alle_saker()
    talde = 0
    nye = nye_paaminningar(saker, i_dag, sendt) if hr else []
    if nye and send_epost(hr, paaminningsepost(nye)):  # not marked as sent on failure: tried again
        for nokkel, _, _ in nye:
            lager.set(nokkel, True)
        talde += len(nye)
    paaminne_partane = slatt_paa("signering_paaminning", get_config("desentral"))
    for nokkel, rolle, sak, frist in signeringspaaminningar(saker, i_dag, sendt) if paaminne_partane else []:
        til = sak.get("epost") if rolle == "arbeidstakar" else (leiar_for(sak) or hr)
        epost = lag_epost("signering_paaminning", {
            "versjon": sak["versjon"], "frist": nynorsk_dato(frist["dato"]), "kjelde": frist["kjelde"],
            "part": "Arbeidstakaren" if rolle == "arbeidstakar" else "Arbeidsgivaren",
            "lenkje": lenkje_til(sak, "signering", til_leiar=til == leiar_for(sak))})
        if til and send_epost(til, epost):
            lager.set(nokkel, True)
            talde += 1
    return talde
