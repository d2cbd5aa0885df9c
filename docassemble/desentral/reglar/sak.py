"""One case (Sak): its fields typed, and its status machine, in one place (issue 30, item 2).

Plain Python; no docassemble import. A case is stored as a JSON-safe dict (lager/sakslager.py,
docassemble's SQL storage); `Sak.fra_dict` reads one and refuses what is not a case, and
`Sak.til_dict` gives back the same dict. Every status change of reglar/saker.py and
reglar/livslop.py goes through `overgang`, so which status may follow which is this table and
nowhere else; the functions there add their finer checks (a period that waits, a change date).

The issue names the life of an arrangement: submitted, returned, approved, signed, changed,
ended, renewed. Here «signert» is no status: signing is recorded beside the approved version
(reglar/signering.py), and the agreement is in force when both parties have signed. «Fornya» is
no status either: a renewal is a new version sent to HR (`fornya`, to «innsendt»).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum

__all__ = ["Status", "OVERGANGAR", "Sak", "SakFeil", "overgang", "lovlege_hendingar", "statusnamn"]


class SakFeil(ValueError):
    """A status change that is not allowed."""


class Status(str, Enum):
    UTKAST = "utkast"
    INNSENDT = "innsendt"
    RETURNERT = "returnert"
    GODKJEND = "godkjend"
    # Issue 16: an approved arrangement being changed; the approved version is in force meanwhile.
    ENDRING = "endring"
    # Issue 16: a tilleggsavtale ended by notice; the parties fall back on the ordinary agreement.
    OPPSAGD = "oppsagd"


_S = Status
_ETTER_GODKJENNING = frozenset({_S.INNSENDT, _S.RETURNERT, _S.GODKJEND, _S.ENDRING})

# The event (as the case's history names it) -> the statuses it may happen in, the status after
# (None: unchanged), and why not, in Nynorsk, when the status does not allow it.
OVERGANGAR: dict[str, tuple[frozenset[Status], Status | None, str]] = {
    # The employee hands the case over; after this only HR can open it for changes.
    "innsendt": (frozenset({_S.UTKAST, _S.RETURNERT, _S.ENDRING}), _S.INNSENDT,
                 "saka kan ikkje sendast inn når ho er «{status}»"),
    "returnert": (frozenset({_S.INNSENDT}), _S.RETURNERT, "berre innsende saker kan returnerast"),
    "godkjend": (frozenset({_S.INNSENDT}), _S.GODKJEND, "berre innsende saker kan godkjennast"),
    # Issue 28, item 11: only a version nobody has signed in full; back to HR to decide again.
    "godkjenning_trekt": (frozenset({_S.GODKJEND}), _S.INNSENDT, "berre ei godkjend avtale kan trekkjast tilbake"),
    # Rettleiinga 5.3.6: notice of the version in force, also while a new version waits.
    "oppsagd": (_ETTER_GODKJENNING, _S.OPPSAGD, "berre ei godkjend avtale kan seiast opp"),
    # An ordinary agreement: the wish goes to HR; the agreement stays as it is.
    "oppseiing_meldt": (_ETTER_GODKJENNING, None, "berre ei godkjend avtale kan seiast opp"),
    # arbeidsmiljølova § 14-8, Rettleiinga 5.3.2: a change of the approved arrangement, also
    # while a new period waits (livslop.endring_mogleg decides the date).
    "endring_opna": (_ETTER_GODKJENNING, _S.ENDRING, "Berre ei godkjend avtale kan endrast."),
    "fornya_med_endring": (frozenset({_S.GODKJEND}), _S.ENDRING, "Berre ei godkjend ordning kan evaluerast."),
    "fornya": (frozenset({_S.GODKJEND}), _S.INNSENDT, "Berre ei godkjend ordning kan evaluerast."),
    "evaluert": (frozenset({_S.GODKJEND}), None, "Berre ei godkjend ordning kan evaluerast."),
    # A new period that has not started falls away; the version in force is the case again.
    "ny_periode_avlyst": (_ETTER_GODKJENNING, _S.GODKJEND, "det finst ingen ny periode som ikkje har teke til"),
}


def overgang(status: str, hending: str) -> str:
    """The status after `hending` in a case with `status`, or SakFeil with the reason."""
    fra, til, grunn = OVERGANGAR[hending]
    noverande = Status(status)
    if noverande not in fra:
        raise SakFeil(grunn.format(status=_STATUSNAMN[noverande]))
    return (til or noverande).value


def lovlege_hendingar(status: str) -> list[str]:
    """The events a case with `status` allows (what a screen may offer)."""
    return [h for h, (fra, _, _) in OVERGANGAR.items() if Status(status) in fra]


# Case status, in Nynorsk as HR sees it (reglar/saker.STATUSAR is this).
_STATUSNAMN = {
    _S.UTKAST: "Utkast",
    _S.INNSENDT: "Sendt til HR",
    _S.RETURNERT: "Returnert til arbeidstakaren",
    _S.GODKJEND: "Godkjend",
    _S.OPPSAGD: "Sagt opp",
    _S.ENDRING: "Under endring hos arbeidstakaren",
}


def statusnamn() -> dict[str, str]:
    """Each status's name as HR sees it, by its stored value."""
    return {s.value: namn for s, namn in _STATUSNAMN.items()}


@dataclass
class Sak:
    """A stored case. The fields every case has, typed; what a later step adds (versions,
    notice, change, evaluations, summary) optional; anything else is kept as it was in `ekstra`,
    so a case stored by an older or newer version reads and writes back unchanged."""
    id: str
    status: Status
    svar: dict
    versjon: int
    historikk: list[dict]
    brukar_id: object = None
    epost: str | None = None
    kommentar: str | None = None
    hr: dict = field(default_factory=dict)
    versjonar: list[dict] | None = None
    oppseiing: dict | None = None
    oppseiing_melding: dict | None = None
    endring: dict | None = None
    evalueringar: list[dict] | None = None
    ekstra: dict = field(default_factory=dict)
    # The keys the stored dict had, so a case written back has the same keys (no None added).
    lagra_felt: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def fra_dict(cls, data: dict) -> "Sak":
        namn = [f.name for f in fields(cls) if f.name not in ("ekstra", "lagra_felt")]
        manglar = [n for n in _MAA_HA if n not in data]
        if manglar:
            raise SakFeil(f"ikkje ei sak: manglar {', '.join(manglar)}")
        if not isinstance(data["versjon"], int) or not isinstance(data["svar"], dict):
            raise SakFeil("ikkje ei sak: versjonen skal vere eit tal og svara ei ordbok")
        try:
            status = Status(data["status"])
        except ValueError:
            raise SakFeil(f"ukjend status: {data['status']!r}") from None
        verdiar = {n: data[n] for n in namn if n in data}
        return cls(**dict(verdiar, status=status), ekstra={k: v for k, v in data.items() if k not in namn},
                   lagra_felt=tuple(data))

    def til_dict(self) -> dict:
        """The stored form: the keys the case had (and any field set since), in their order."""
        ut = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("ekstra", "lagra_felt")}
        ut["status"] = self.status.value
        ut.update(self.ekstra)
        hadde = [k for k in self.lagra_felt if k in ut]
        nye = [k for k in ut if k not in self.lagra_felt and (k in _MAA_HA or ut[k] not in (None, {}, []))]
        return {k: ut[k] for k in hadde + nye}


_MAA_HA = ("id", "status", "svar", "versjon", "historikk")
