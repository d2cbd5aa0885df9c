"""The rules' one decision for an answer file (issue 14): a frozen, typed object that every
reader shares — the interview's screens and Mako, HR's screens, the templates' data, `vurder`'s
JSON and `lag`. Read as `avgjerd.avtaletype`, or as `avgjerd["avtaletype"]` where Mako and the
stored cases use the JSON names. Plain Python; no docassemble import."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

__all__ = ["Avgjerd"]


@dataclass(frozen=True)
class Avgjerd(Mapping):
    """Frozen at the top: no field can be replaced once decided. The values inside are the
    plain dicts and lists of the JSON object (docs/svarfil.md «The JSON from `vurder`»)."""

    i_omfang: bool
    avvisingsgrunn: str | None
    situasjon: int | None
    avtaletype: str | None
    tilradd_avtaletype: str | None
    grunngjeving: list
    proveperiode: dict | None
    provetid: dict | None
    oppseiingsfrist: dict | None
    opphoyr: dict | None
    fleksitid: dict | None
    vekslande_arbeidsstad: bool
    manglar: list
    innhaldskontroll: list
    atvaringar: list
    merknader: list
    tidslinje: list
    brukte_tal: list
    ustadfesta_tal: list

    def __getitem__(self, namn: str):
        if namn not in _NAMN:
            raise KeyError(namn)
        return getattr(self, namn)

    def __iter__(self):
        return iter(_NAMN)

    def __len__(self) -> int:
        return len(_NAMN)

    def som_json(self) -> dict:
        """The JSON object of `vurder` (dates still `date`; the command line writes them ISO)."""
        return asdict(self)


_NAMN = tuple(f.name for f in fields(Avgjerd))
