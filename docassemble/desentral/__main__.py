# do not pre-load
"""Command line: `python -m docassemble.desentral vurder SVAR.yml`, `... oppseiing`, `... tal`.

Runs with plain python3 and pyyaml from a checkout (PYTHONPATH=.); docassemble is not needed.
Exit 0 with the result on stdout; exit 2 with one Nynorsk line on stderr for bad input.
"""
from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import yaml

from .kommando.lag import LagFeil, lag_dokument
from .reglar.hendingar import les_hendingar, spel_av
from .reglar.oppseiing import OppseiingFeil, vurder_oppseiing
from .reglar.regelverk import last_regelverk
from .reglar.vurdering import vurder
from .reglar.svarfil import SvarFeil, SvarLoader, les_svar

BRUK = """bruk: python -m docassemble.desentral KOMMANDO

  vurder SVAR.yml [--dato ÅÅÅÅ-MM-DD]   vurder svarfila og skriv eitt JSON-objekt
                                        (--dato: dagens dato for fristane, standard i dag)
  lag SVAR.yml --ut MAPPE [--dato ÅÅÅÅ-MM-DD]
                                        lag avtala (PDF og DOCX) med docassemble-motoren
                                        og skriv eitt JSON-objekt om kva som vart laga
  oppseiing SVAR.yml --gitt ÅÅÅÅ-MM-DD [--mottatt ÅÅÅÅ-MM-DD] [--kven arbeidstakar|arbeidsgivar]
            [--dato ÅÅÅÅ-MM-DD]         siste dag for ordninga ved oppseiing gitt og motteken dei dagane
                                        (eitt JSON-objekt; exit 2 med grunnen om det ikkje går)
  livslop SVAR.yml --hendingar HENDINGAR.yml [--dato ÅÅÅÅ-MM-DD]
                                        livet til ordninga etter hendingane (godkjend, signert,
                                        endring, fornying, oppseiing …): versjonen som gjeld,
                                        tidslinja, ny periode, skrivefristen, det som forfell
  tal                                   list dei juridiske tala med kjelde og status
"""


class BrukFeil(Exception):
    pass


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default)


def _opsjonar(args: list[str], kjende: tuple[str, ...]) -> tuple[list[str], dict[str, str]]:
    pos, opt = [], {}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--"):
            name, _, value = arg.partition("=")
            if name not in kjende:
                raise BrukFeil(f"{name}: ukjend val")
            if not value:
                i += 1
                if i >= len(args):
                    raise BrukFeil(f"{name}: manglar verdi")
                value = args[i]
            opt[name] = value
        else:
            pos.append(arg)
        i += 1
    return pos, opt


def _les_fil(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise SvarFeil(path, "fila finst ikkje") from None
    except UnicodeDecodeError:
        raise SvarFeil(path, "fila er ikkje UTF-8-tekst") from None
    except OSError as exc:
        raise SvarFeil(path, f"kan ikkje lesast ({exc.strerror})") from None


def _dato(value: str | None, namn: str = "--dato") -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SvarFeil(namn, f"«{value}» er ikkje ein dato på forma ÅÅÅÅ-MM-DD") from None


def cmd_vurder(args: list[str]) -> int:
    pos, opt = _opsjonar(args, ("--dato",))
    if len(pos) != 1:
        raise BrukFeil("vurder treng éi svarfil")
    svar = les_svar(_les_fil(pos[0]))
    sys.stdout.write(_dump(vurder(svar, _dato(opt.get("--dato"))).som_json()) + "\n")
    return 0


def cmd_lag(args: list[str]) -> int:
    pos, opt = _opsjonar(args, ("--ut", "--dato"))
    if len(pos) != 1 or "--ut" not in opt:
        raise BrukFeil("lag treng éi svarfil og --ut MAPPE")
    svar = les_svar(_les_fil(pos[0]))
    vurdering = vurder(svar, _dato(opt.get("--dato")))

    with tempfile.TemporaryDirectory(prefix="desentral-lag-") as arbeidsmappe:
        try:
            resultat = lag_dokument(svar, Path(opt["--ut"]), Path(arbeidsmappe))
        except LagFeil as exc:
            sys.stderr.write(f"lag: {exc}\n")
            return 1
    resultat.update({k: vurdering[k] for k in ("i_omfang", "avvisingsgrunn", "situasjon", "avtaletype",
                                               "manglar", "atvaringar")})
    sys.stdout.write(_dump(resultat) + "\n")
    return 0


def cmd_oppseiing(args: list[str]) -> int:
    """Issue 16: notice on a date, as HR would check a batch of cases."""

    pos, opt = _opsjonar(args, ("--gitt", "--mottatt", "--kven", "--dato"))
    if len(pos) != 1 or "--gitt" not in opt:
        raise BrukFeil("oppseiing treng éi svarfil og --gitt ÅÅÅÅ-MM-DD")
    svar = les_svar(_les_fil(pos[0]))
    gitt = _dato(opt["--gitt"], "--gitt")
    mottatt = _dato(opt["--mottatt"], "--mottatt") if "--mottatt" in opt else None
    try:
        resultat = vurder_oppseiing(svar, vurder(svar, _dato(opt.get("--dato"))), gitt,
                                    opt.get("--kven", "arbeidstakar"), mottatt)
    except OppseiingFeil as exc:
        sys.stderr.write(f"oppseiing: {exc}\n")
        return 2
    sys.stdout.write(_dump(resultat) + "\n")
    return 0


def cmd_livslop(args: list[str]) -> int:
    """Issue 28: an answer file and a list of events, replayed by the rules (hendingar.py)."""


    pos, opt = _opsjonar(args, ("--hendingar", "--dato"))
    if len(pos) != 1 or "--hendingar" not in opt:
        raise BrukFeil("livslop treng éi svarfil og --hendingar HENDINGAR.yml")
    tekst = _les_fil(pos[0])
    les_svar(tekst)  # the answer file checked as for `vurder` (SvarFeil names the field)
    svar = yaml.load(tekst, Loader=SvarLoader)  # noqa: S506 - a SafeLoader subclass
    try:
        hendingar = yaml.safe_load(_les_fil(opt["--hendingar"]))
    except yaml.YAMLError:
        raise SvarFeil("hendingar", "fila er ikkje gyldig YAML") from None
    sys.stdout.write(_dump(spel_av(svar, les_hendingar(hendingar), _dato(opt.get("--dato")))) + "\n")
    return 0


def cmd_tal(args: list[str]) -> int:
    if args:
        raise BrukFeil("tal tek ingen argument")
    ut = []
    for p in last_regelverk():
        for v in p.verdiar:
            ut.append({"id": p.id, "namn": p.namn, "verdi": v.verdi, "eining": p.eining,
                       "kjelde": p.kjelde, "status": v.status,
                       "gjeld_fra": v.gjeld_fra, "merknad": v.merknad})
    sys.stdout.write(_dump(ut) + "\n")
    return 0


KOMMANDOAR = {"vurder": cmd_vurder, "lag": cmd_lag, "oppseiing": cmd_oppseiing, "livslop": cmd_livslop,
              "tal": cmd_tal}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "hjelp"):
        sys.stdout.write(BRUK)
        return 0 if argv else 2
    kommando = KOMMANDOAR.get(argv[0])
    try:
        if kommando is None:
            raise BrukFeil(f"{argv[0]}: ukjend kommando (vel {', '.join(KOMMANDOAR)})")
        return kommando(argv[1:])
    except SvarFeil as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except BrukFeil as exc:
        sys.stderr.write(f"{exc}\n{BRUK}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
