"""Who is told what when a case changes (issue 31, item 2): plain Python, no docassemble.

Every write of a case goes through sakslager.endre_sak, which hands the case before and after to
`varsel_for`; the events the write added decide the notices. The employee hears of a return,
an approval, a change opened by the employer, the employer's signature and a notice; the leader
HR named hears that their signature is due; the employer (the leader, else HR's address) hears
of the employee's signature. Each notice names its kind (`SLAG`: the config key that turns it
off and the entry of epost.yml that words it), who gets it, and the screen its link opens. The
values put into the mail are dates, version numbers and the parties' roles, never text a user
typed (HR's comment stays on the screen behind the link).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .datoar import nynorsk_dato, som_dato

__all__ = ["SLAG", "Varsel", "varsel_for", "slatt_paa"]

# Kinds of notice, each its own config key under `desentral: varsel:` (true by default).
SLAG = ("returnert", "godkjend", "endra", "signert", "oppsagd", "leiar_signering", "signering_paaminning")



@dataclass(frozen=True)
class Varsel:
    slag: str  # a kind of SLAG
    til: str  # "arbeidstakar" (the case's owner), "leiar" (the named leader), "arbeidsgivar" (the leader, else HR)
    stad: str  # the screen the link opens: "okt" (the employee's own answers), "signering", "oppseiing"
    verdiar: dict = field(default_factory=dict)
    mal: str = ""  # the entry of epost.yml, where a kind has more than one wording

    @property
    def epostmal(self) -> str:
        return self.mal or self.slag


def _ein(h: dict, sak: dict) -> Varsel | None:
    kva, versjon = h.get("hending"), h.get("versjon", sak.get("versjon"))
    if kva == "returnert":
        return Varsel("returnert", "arbeidstakar", "okt")
    if kva == "godkjend":
        return Varsel("godkjend", "arbeidstakar", "signering", {"versjon": versjon})
    if kva in ("endring_opna", "fornya_med_endring") and h.get("kven") != "arbeidstakar":
        return Varsel("endra", "arbeidstakar", "okt", {"fra": nynorsk_dato(som_dato(h["fra"]))})
    if kva == "leiar_tildelt":
        return Varsel("leiar_signering", "leiar", "signering", {"versjon": versjon})
    if kva == "signert":
        til = "arbeidsgivar" if h["rolle"] == "arbeidstakar" else "arbeidstakar"
        return Varsel("signert", til, "signering", {"versjon": versjon}, f"signert_av_{h['rolle']}")
    if kva == "oppsagd":
        siste = h.get("siste_dag")
        if siste:
            return Varsel("oppsagd", "arbeidstakar", "oppseiing", {"siste_dag": nynorsk_dato(som_dato(siste))})
        return Varsel("oppsagd", "arbeidstakar", "oppseiing", {}, "oppsagd_foer_start")
    return None


def varsel_for(foer: dict | None, etter: dict) -> list[Varsel]:
    """The notices the events `etter` added to `foer` call for, in order."""
    nye = (etter.get("historikk") or [])[len((foer or {}).get("historikk") or []):]
    return [v for v in (_ein(h, etter) for h in nye) if v is not None]


def slatt_paa(slag: str, oppsett: dict | None) -> bool:
    """Whether the kind is on in `desentral: varsel:` (every kind is, unless set to false)."""
    return bool(((oppsett or {}).get("varsel") or {}).get(slag, True))
