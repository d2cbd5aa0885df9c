"""The package's layers (issue 30): reglar (the law) < dokument (wording, PDF) < lager (docassemble's
storage) < intervju (the glue the YAML calls) < kommando (the command line, the engine without a
server). An import points down or sideways within its layer, never up; no circles; no in-package
import inside a function; no module or interview file over 400 lines. Read from the source with
`ast`, so the test needs nothing installed."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAKKE = ROOT / "docassemble" / "desentral"
LAG = ["reglar", "dokument", "lager", "intervju", "kommando"]
NAMN = "docassemble.desentral"


def _modular() -> dict[str, Path]:
    ut = {}
    for f in sorted(PAKKE.rglob("*.py")):
        delar = f.relative_to(PAKKE).with_suffix("").parts
        ut[".".join(delar)] = f
    return ut


def _lag(modul: str) -> int:
    """A module's layer: the root's __init__ lies under everything, __main__ over everything."""
    if modul == "__init__":
        return -1
    if modul == "__main__":
        return len(LAG)
    return LAG.index(modul.split(".")[0])


def _mal(modul: str, node: ast.ImportFrom) -> list[str]:
    """The package modules an import names, as keys of _modular()."""
    if node.level == 0:
        if not (node.module or "").startswith(NAMN):
            return []
        base = (node.module or "")[len(NAMN) + 1:]
    else:
        pakke = modul.split(".")[:-1] if "." in modul else []
        pakke = pakke[:len(pakke) - (node.level - 1)] if node.level > 1 else pakke
        base = ".".join(pakke + ([node.module] if node.module else []))
    alle = _modular()
    ut = []
    for alias in node.names:
        for kand in (f"{base}.{alias.name}" if base else alias.name, base):
            kand = kand or "__init__"
            if kand in alle:
                ut.append(kand)
                break
            if f"{kand}.__init__" in alle:
                ut.append(f"{kand}.__init__")
                break
    return ut


def _importar():
    for modul, fil in _modular().items():
        tre = ast.parse(fil.read_text("utf-8"))
        funksjonar = [n for n in ast.walk(tre) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        i_funksjon = {id(n) for f in funksjonar for n in ast.walk(f)}
        for node in ast.walk(tre):
            if isinstance(node, ast.ImportFrom):
                for mal in _mal(modul, node):
                    yield modul, mal, node.lineno, id(node) in i_funksjon


def test_berre_lag_og_to_rotmodular():
    rot = sorted(f.name for f in PAKKE.glob("*.py"))
    assert rot == ["__init__.py", "__main__.py"]
    assert sorted(d.name for d in PAKKE.iterdir() if (d / "__init__.py").is_file()) == sorted(LAG)


def test_importar_peikar_berre_nedover():
    opp = [f"{m}:{linje} → {mal}" for m, mal, linje, _ in _importar()
           if _lag(mal.removesuffix(".__init__") if mal != "__init__" else mal) > _lag(m.removesuffix(".__init__"))
           and not mal.endswith(".__init__")]
    assert opp == []


def test_ingen_pakkeimport_inne_i_ein_funksjon():
    inne = [f"{m}:{linje} → {mal}" for m, mal, linje, i_funksjon in _importar() if i_funksjon]
    assert inne == []


def test_ingen_importsirkel():
    kantar: dict[str, set[str]] = {}
    for m, mal, _, _ in _importar():
        if mal != m and not mal.endswith("__init__"):
            kantar.setdefault(m, set()).add(mal)
    sirklar = []

    def gaa(node, sti, besokt):
        for neste in kantar.get(node, ()):
            if neste == sti[0]:
                sirklar.append(" → ".join(sti + [neste]))
            elif neste not in besokt and neste > sti[0]:
                besokt.add(neste)
                gaa(neste, sti + [neste], besokt)

    for start in kantar:
        gaa(start, [start], {start})
    assert sirklar == []


def test_ingen_bruk_av_dei_gamle_flate_namna():
    """The old flat names work only for sessions pickled before 0.4.0 (see __init__.py); the
    package, its interviews, the tests and the scripts use the new ones."""
    from docassemble.desentral import _FLYTTA

    # reglar, dokument and intervju were modules and are now packages: as a module path they count only alone.
    eintydige = sorted(set(_FLYTTA) - set(LAG), key=len, reverse=True)
    gamle = re.compile(r"docassemble\.desentral\.((%s)\b(?!\.)|(%s)(?![.\w])(?! import))"
                       % ("|".join(eintydige), "|".join(set(_FLYTTA) & set(LAG))))
    funne = []
    for mappe in ("docassemble", "tests", "scripts"):
        for fil in sorted((ROOT / mappe).rglob("*")):
            if fil.suffix in (".py", ".yml", ".md", ".sh") and fil.is_file() and not fil.is_symlink():
                for nr, linje in enumerate(fil.read_text("utf-8").splitlines(), 1):
                    if gamle.search(linje):
                        funne.append(f"{fil.relative_to(ROOT)}:{nr}")
    assert funne == []
    # and each old name reaches the module now in its place
    assert set(_FLYTTA.values()) <= set(_modular())


def test_klassar_i_gamle_oekter_finst_der_dei_var():
    """Classes that sessions pickled before 0.4.0 name by the old module are found there."""
    import pickle

    from docassemble.desentral.dokument.avtaledata import Avtaledata, Signeringsside
    from docassemble.desentral.reglar.avgjerd import Avgjerd
    from docassemble.desentral.reglar.vurdering import Omfang

    for klasse, gammal in ((Avtaledata, "dokument"), (Signeringsside, "dokument"), (Omfang, "reglar"),
                           (Avgjerd, "avgjerd")):
        data = pickle.dumps(klasse, protocol=0).replace(klasse.__module__.encode(), f"{NAMN}.{gammal}".encode())
        assert pickle.loads(data) is klasse


def test_ingen_fil_over_400_linjer():
    lange = [f"{f.relative_to(ROOT)}: {n}" for f in [*PAKKE.rglob("*.py"), *(PAKKE / "data" / "questions").glob("*.yml")]
             if (n := len(f.read_text("utf-8").splitlines())) > 400]
    assert lange == []
