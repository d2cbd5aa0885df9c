"""The legal figures as data: data/sources/regelverk.yml, with source, effective date and status.

Plain Python and pyyaml; no docassemble import. The file is read on every call; its parse is
memoised by the file's text (a pure function of the package's own data, the same on every server
of a multi-server install and parsed anew when a package update changes the text), so a
decision does not re-parse 12 kB of YAML (benchmark, docs/benchmark.md). The parsed figures are
read-only (frozen dataclasses, a mapping proxy), so the memo cannot be changed by a caller.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

import yaml

__all__ = ["STATUSAR", "Verdi", "Parameter", "Regelverk", "RegelverkFeil", "last_regelverk"]

# Status marks of ../shared/domain/legal-facts.md, in Nynorsk.
STATUSAR = ("stadfesta", "sekundærkjelde", "ikkje stadfesta")


class RegelverkFeil(ValueError):
    """The rule data file is malformed."""


@dataclass(frozen=True)
class Verdi:
    """One value of a figure from the date it took effect."""

    gjeld_fra: date | None
    verdi: Any
    status: str
    merknad: str = ""


@dataclass(frozen=True)
class Parameter:
    id: str
    namn: str
    eining: str
    kjelde: str
    verdiar: tuple[Verdi, ...] = field(default_factory=tuple)

    def ved(self, dato: date) -> Verdi:
        """The value in force on `dato`: the last entry that took effect on or before it."""
        gjeldande = None
        for verdi in self.verdiar:
            if verdi.gjeld_fra is None or verdi.gjeld_fra <= dato:
                gjeldande = verdi
        if gjeldande is None:
            raise RegelverkFeil(f"{self.id}: ingen verdi gjeld {dato.isoformat()}")
        return gjeldande

    def som_dict(self, dato: date) -> dict:
        """The figure as used on `dato`, for `brukte_tal` in a decision."""
        verdi = self.ved(dato)
        return {
            "id": self.id,
            "namn": self.namn,
            "verdi": verdi.verdi,
            "eining": self.eining,
            "kjelde": self.kjelde,
            "status": verdi.status,
            "gjeld_fra": verdi.gjeld_fra.isoformat() if verdi.gjeld_fra else None,
            "merknad": verdi.merknad,
        }


@dataclass(frozen=True)
class Regelverk:
    parametrar: Mapping[str, Parameter]

    def __getitem__(self, key: str) -> Parameter:
        return self.parametrar[key]

    def __iter__(self):
        return iter(self.parametrar.values())


def _parse(data: Any) -> Regelverk:
    if not isinstance(data, dict):
        raise RegelverkFeil("regelverket må vere ein YAML-mapping")
    parametrar = {}
    for key, spec in data.items():
        if not isinstance(spec, dict):
            raise RegelverkFeil(f"{key}: må vere ein mapping")
        for need in ("namn", "eining", "kjelde", "verdiar"):
            if not spec.get(need):
                raise RegelverkFeil(f"{key}.{need}: manglar")
        extra = set(spec) - {"namn", "eining", "kjelde", "verdiar"}
        if extra:
            raise RegelverkFeil(f"{key}: ukjende felt {sorted(extra)}")
        verdiar = []
        for i, entry in enumerate(spec["verdiar"]):
            where = f"{key}.verdiar[{i}]"
            if not isinstance(entry, dict) or "verdi" not in entry or "gjeld_fra" not in entry:
                raise RegelverkFeil(f"{where}: må ha gjeld_fra og verdi")
            status = entry.get("status")
            if status not in STATUSAR:
                raise RegelverkFeil(f"{where}.status: må vere ein av {', '.join(STATUSAR)}")
            gjeld_fra = entry["gjeld_fra"]
            if gjeld_fra is not None and not isinstance(gjeld_fra, date):
                raise RegelverkFeil(f"{where}.gjeld_fra: må vere ein dato eller null")
            extra = set(entry) - {"gjeld_fra", "verdi", "status", "merknad"}
            if extra:
                raise RegelverkFeil(f"{where}: ukjende felt {sorted(extra)}")
            verdiar.append(Verdi(gjeld_fra, entry["verdi"], status, entry.get("merknad", "")))
        # Every date the package accepts has a value (issue 14): the first entry covers all time
        # before the others; an unknown figure is a null value with its status, not a gap.
        if verdiar[0].gjeld_fra is not None:
            raise RegelverkFeil(f"{key}.verdiar[0].gjeld_fra: må vere null, så kvar dato har ein verdi")
        datoar = [v.gjeld_fra or date.min for v in verdiar]
        if datoar != sorted(datoar) or len(set(datoar)) != len(datoar):
            raise RegelverkFeil(f"{key}.verdiar: må stå i stigande rekkjefølgje etter gjeld_fra")
        parametrar[key] = Parameter(key, spec["namn"], spec["eining"], spec["kjelde"], tuple(verdiar))
    return Regelverk(MappingProxyType(parametrar))


def last_regelverk(text: str | None = None) -> Regelverk:
    """Parse the package's rule data, or `text` if given (for tests of the loader)."""
    if text is None:
        text = (resources.files("docassemble.desentral") / "data" / "sources" / "regelverk.yml").read_text("utf-8")
    return _parse_text(text)


@functools.lru_cache(maxsize=4)
def _parse_text(text: str) -> Regelverk:
    # libyaml's loader where pyyaml was built with it (10x faster here); same safe subset.
    return _parse(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
