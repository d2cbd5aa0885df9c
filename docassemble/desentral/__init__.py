"""docassemble.desentral: agreements on decentralised work in the Norwegian state."""

import importlib
import importlib.util
import sys

__version__ = "0.3.0"

# The package's interviews by docassemble's address: here, at the root, so that every layer may
# link to them without importing the interviews' glue.
# The notice interview (issue 16), linked from the employee's approved case and from HR's list.
OPPSEIING_INTERVJU = "docassemble.desentral:data/questions/oppseiing.yml"
# Change, evaluation and earlier versions of an approved arrangement (issue 16).
ENDRING_INTERVJU = "docassemble.desentral:data/questions/endring.yml"
EVALUERING_INTERVJU = "docassemble.desentral:data/questions/evaluering.yml"
VERSJON_INTERVJU = "docassemble.desentral:data/questions/versjon.yml"
# Signing in the app and the archive bundle (issue 17).
SIGNERING_INTERVJU = "docassemble.desentral:data/questions/signering.yml"
ARKIV_INTERVJU = "docassemble.desentral:data/questions/arkiv.yml"
OVERSIKT_INTERVJU = "docassemble.desentral:data/questions/oversikt.yml"


# Before 0.4.0 the modules lay flat in this folder. A session saved then holds objects pickled
# under the old module names (e.g. `docassemble.desentral.avgjerd.Avgjerd`); so that such a session
# resumes after an upgrade, an old name imports its module's new place. Nothing in the package
# uses the old names (tests/test_lagdeling.py checks that, and the layers).
_SAME_NAMN = {
    "reglar": ("avgjerd", "datoar", "hendingar", "kommunar", "livslop", "oppseiing", "oversikt", "regelverk",
               "saker", "signering", "svarfil", "tidslinje", "varsel"),
    "dokument": ("arkiv", "avtaletekst", "dokumentformat", "epost", "paaminning", "pdfa", "segl", "skjermtekst",
                 "testsegl", "typstpdf"),
    "lager": ("dokumentlager", "hrliste", "paaminningsutsending", "sakslager", "signeringslager", "varselutsending"),
    "intervju": ("felttype", "nettspraak", "oversiktslager"),
    "kommando": ("lag", "motor", "motorkrokar", "svarmotor"),
}
_FLYTTA = {gammal: f"{pakke}.{gammal}" for pakke, namn in _SAME_NAMN.items() for gammal in namn} | {
    # The modules that got a new name as they moved.
    "dokument": "dokument.avtaledata", "intervju": "intervju.felles", "reglar": "reglar.vurdering",
    "reglar_felles": "reglar.felles", "reglar_innhald": "reglar.innhald", "reglar_tid": "reglar.tid",
}


class _GamleNamn:
    """Finds `docassemble.desentral.<old name>` and hands back the moved module itself."""

    def find_spec(self, name, path=None, target=None):
        gammal = name[len(__name__) + 1:] if name.startswith(__name__ + ".") else None
        if gammal not in _FLYTTA:
            return None
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        modul = importlib.import_module(f"{__name__}.{_FLYTTA[spec.name.rsplit('.', 1)[1]]}")
        self._spesifikasjon = modul.__spec__
        return modul

    def exec_module(self, module):
        # The import system has set the old name's spec on the module: give it back its own.
        module.__spec__ = self._spesifikasjon


sys.meta_path.append(_GamleNamn())
