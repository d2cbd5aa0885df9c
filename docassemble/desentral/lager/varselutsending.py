# do not pre-load
"""Sending the notices of varsel.py by docassemble's own e-mail (issue 31, item 2).

Called by sakslager.endre_sak after a write is stored (outside the case's lock): a notice that
cannot be sent never undoes what the person did. The link goes through docassemble's sign-in
page with `next` set to the screen: a signed-in user goes straight there, anyone else signs in
first, and each screen checks that the user is a party to the case (the signing and notice
screens) or owns the session (the employee's answers), so the link shows the case to that
person and to nobody else.
"""
from __future__ import annotations

from docassemble.base.util import get_config, interview_url, url_of

from .. import OPPSEIING_INTERVJU, SIGNERING_INTERVJU
from ..dokument.epost import lag_epost, send_epost
from ..reglar.signering import leiar_for, leiarnykel
from ..reglar.varsel import Varsel, slatt_paa, varsel_for

__all__ = ["send_varsel", "lenkje_til", "innlogging_til", "leiarnykel_for"]


def leiarnykel_for(sak: dict) -> str | None:
    """The key for the link to the leader named for the version the case holds (signering.leiarnykel
    under the server's secret). Here, below both: the mail carries it, signeringslager checks it."""
    leiar = leiar_for(sak)
    return leiarnykel(str(get_config("secretkey") or ""), sak, leiar) if leiar else None

def innlogging_til(sti: str) -> str:
    """The full address of docassemble's sign-in page that goes on to `sti` (a local path)."""
    return url_of("login", _external=True, next=sti)


def lenkje_til(sak: dict, stad: str, til_leiar: bool = False) -> str:
    """`til_leiar`: the link carries the key that lets the named leader sign (signering.leiarnykel)."""
    if stad == "signering" and til_leiar and leiar_for(sak):
        sti = interview_url(i=SIGNERING_INTERVJU, sak=sak["id"], leiar=leiarnykel_for(sak), new_session=1, local=True)
    elif stad == "signering":
        sti = interview_url(i=SIGNERING_INTERVJU, sak=sak["id"], new_session=1, local=True)
    elif stad == "oppseiing":
        sti = interview_url(i=OPPSEIING_INTERVJU, sak=sak["id"], new_session=1, local=True)
    elif sak.get("okt"):
        sti = interview_url(i=sak["okt"]["i"], session=sak["okt"]["session"], local=True)
    else:  # a case handed over before 0.4.0: the employee finds it under «Intervjua mine»
        sti = "/interviews"
    return innlogging_til(sti)


def _mottakar(sak: dict, v: Varsel) -> str | None:
    if v.til == "arbeidstakar":
        return sak.get("epost")
    if v.til == "leiar":
        return leiar_for(sak)
    return leiar_for(sak) or (get_config("desentral") or {}).get("hr e-post")


def send_varsel(foer: dict | None, etter: dict) -> int:
    """Send the notices the write from `foer` to `etter` calls for; returns how many were sent
    (0 without the server's `mail`)."""
    if not get_config("mail"):
        return 0
    oppsett = get_config("desentral") or {}
    sendt = 0
    for v in varsel_for(foer, etter):
        til = _mottakar(etter, v)
        if til and slatt_paa(v.slag, oppsett):
            lenkje = lenkje_til(etter, v.stad, til_leiar=til == leiar_for(etter))
            sendt += send_epost(til, lag_epost(v.epostmal, dict(v.verdiar, lenkje=lenkje)))
    return sendt
