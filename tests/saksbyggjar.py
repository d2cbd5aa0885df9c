"""Cases at each step of their life for the rule tests, built by the rules themselves (saker,
signering): sent, approved, approved with its document kept, signed by both."""
from __future__ import annotations

from docassemble.desentral.reglar.saker import godkjenn, ny_sak, send_inn
from docassemble.desentral.reglar.signering import godkjent_hash, registrer_godkjent_dokument, signer

EIGAR = 7


def godkjend(svar_dict: dict, hr: dict | None = None, dokument: str = "a") -> dict:
    """Sent and approved by HR, its approved document kept (hash `dokument` * 64)."""
    sak = godkjenn(send_inn(ny_sak(svar_dict, EIGAR, "kari@example.com"), svar_dict), hr or {"utstyr": "PC"})
    return med_dokument(sak, dokument)


def med_dokument(sak: dict, merke: str = "a") -> dict:
    return registrer_godkjent_dokument(sak, sak["versjon"], merke * 64, "d" * 64)


def signert(sak: dict, tid: str = "2027-01-01T10:00:00+00:00") -> dict:
    """Signed by both parties on the version it holds, as their screens showed it."""
    for rolle in ("arbeidstakar", "arbeidsgivar"):
        sak = signer(sak, rolle, "Namn", "x@example.com", 1, "c" * 64, sak["versjon"], godkjent_hash(sak), tid=tid)
    return sak
