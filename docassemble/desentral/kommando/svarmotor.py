# do not pre-load
"""What the tests and the benchmark need of the engine (in the package since issue 30, so that
scripts/ need not import from tests/; never loaded by a server): a session that answers its current screen the way a browser's POST does — only the screen's
fields, each field's `validate` and the question's `validation code` run, and nothing kept
when the interview rejects the answers. `lag` sets variables directly (motor.Okt.sett)."""
from __future__ import annotations

import pickle
from typing import Any

from .motor import Motor, MotorFeil, Okt, Skjerm

__all__ = ["SvarMotor", "SvarOkt", "Valideringsfeil"]


class Valideringsfeil(ValueError):
    """The interview rejected the answers; `feil` maps a variable (or "") to its message."""

    def __init__(self, feil: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in feil.items()))
        self.feil = feil


class SvarOkt(Okt):
    def last_inn(self) -> Skjerm:
        """Load the page again (as when a user comes back to the session)."""
        self.skjerm = self._assemble()
        return self.skjerm

    def skjulte_verdiar(self) -> dict[str, str]:
        """The hidden fields of the screen with the values the page carries: a browser posts them
        as they were when the page was drawn (a test may post others instead)."""
        from bs4 import BeautifulSoup  # noqa: PLC0415

        skjulte = [f for f in self.skjerm.felt if f.get("skjult")]
        if not skjulte:
            return {}
        side = BeautifulSoup(self.skjerm.html, "html.parser")
        return {f["variabel"]: side.find("input", attrs={"name": f["namn"]})["value"] for f in skjulte}

    def svar(self, verdiar: dict[str, Any] | None = None, **kw) -> Skjerm:
        """Answer the current screen like a browser's POST: only its fields, with the field's
        `validate` and the question's `validation code` run; on rejection nothing changes."""
        from docassemble.base.error import DAValidationError  # noqa: PLC0415
        from docassemble.base.functions import pickleable_objects  # noqa: PLC0415
        from docassemble.base.util import DADict, as_datetime  # noqa: PLC0415

        verdiar = {**self.skjulte_verdiar(), **(verdiar or {}), **kw}
        question = self.status.question
        kjende = {f["variabel"]: f for f in self.skjerm.felt if f["variabel"]}
        # The continue button field of a fields or review screen.
        vidare = getattr(question, "fields_saveas", None) or getattr(question, "review_saveas", None)
        ukjende = [v for v in verdiar if v not in kjende and v != vidare]
        if ukjende:
            raise MotorFeil(f"skjermen {self.skjerm.id!r} spør ikkje etter {ukjende} (berre {list(kjende)})")
        # As the webapp does on a rejected POST: go back to the stored (pickled) dictionary.
        backup = pickle.dumps(pickleable_objects(self.user_dict))
        feil: dict[str, str] = {}
        with self._kontekst():
            for variabel, verdi in verdiar.items():
                if variabel not in kjende:
                    self._sett(variabel, verdi)
                    continue
                fld = question.fields[kjende[variabel]["nummer"]]
                if kjende[variabel]["type"] in (None, "text") and isinstance(verdi, str):
                    # The webapp's treatment of a plain text field: HTML tags and backslashes
                    # removed (interview/views.py). `datatype: raw` fields keep every character.
                    from bs4 import BeautifulSoup  # noqa: PLC0415

                    verdi = BeautifulSoup(verdi.strip(), "html.parser").get_text("\n").replace("\\", "")
                raw = verdi
                if kjende[variabel]["type"] in ("date",) and isinstance(verdi, str):
                    verdi = as_datetime(verdi) if verdi.strip() else ""
                elif kjende[variabel]["type"] == "checkboxes" and not isinstance(verdi, DADict):
                    # The webapp stores checkboxes as a DADict of choice -> True/False.
                    valde = verdi if isinstance(verdi, dict) else {k: True for k in verdi}
                    verdi = DADict(variabel, auto_gather=False, gathered=True)
                    for key, on in valde.items():
                        verdi[key] = bool(on)
                if getattr(fld, "validate", None):
                    try:
                        ok = eval(fld.validate["compute"], self.user_dict)(raw)  # noqa: S307
                        if not ok:
                            feil[variabel] = "ugyldig verdi"
                    except DAValidationError as exc:
                        feil[variabel] = str(exc)
                if variabel not in feil:
                    self._sett(variabel, verdi)
            if not feil and question.validation_code is not None:
                try:
                    exec(question.validation_code, self.user_dict)  # noqa: S102
                except DAValidationError as exc:
                    feil[getattr(exc, "field", None) or ""] = str(exc)
        if feil:
            with self._kontekst():
                restored = pickle.loads(backup)
            for key in list(pickleable_objects(self.user_dict)):
                if key not in restored:
                    del self.user_dict[key]
            self.user_dict.update(restored)
            raise Valideringsfeil(feil)
        self.skjerm = self._assemble()
        return self.skjerm


    def underskriv(self, png: bytes) -> Skjerm:
        """Answer a signature screen as the webapp does with the drawn image it is posted: the
        PNG saved as a numbered file and the screen's variable set to a DAFile of it."""
        import tempfile  # noqa: PLC0415

        from docassemble.base.hooks import save_numbered_file  # noqa: PLC0415
        from docassemble.base.util import DAFile  # noqa: PLC0415

        if self.skjerm.type != "signature":
            raise MotorFeil(f"skjermen {self.skjerm.id!r} er ikkje ein underskrift ({self.skjerm.type})")
        variabel = self.skjerm.felt[0]["variabel"]
        with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
            tmp.write(png)
            tmp.flush()
            with self._kontekst():
                nummer, ending, mimetype = save_numbered_file("signature.png", tmp.name)
                self._sett(variabel, DAFile(variabel, filename="signature.png", number=nummer,
                                            mimetype=mimetype, extension=ending))
        self.skjerm = self._assemble()
        return self.skjerm


class SvarMotor(Motor):
    okt_klasse = SvarOkt
