# do not pre-load
"""Run this package's interviews on docassemble's own engine (docassemble.base), with no web server.

Used by `python -m docassemble.desentral lag` (HR batch work) and by the tests; what only the
tests and the benchmark need (answering a screen as a browser's POST does) is in
tests/med_docassemble/svarmotor.py, not in the wheel. On a server,
docassemble.webapp answers the engine's hooks (docassemble/base/hookspecs.py); here a small
plugin answers the ones an interview with attachments needs: configuration and defaults, file
numbering and storage in a work folder, package file lookup, secure file names, and a Redis
stand-in. The interview, its Mako and Markdown, the attachment pipeline and pandoc/LaTeX are
docassemble's own code. This module must never load on a server (first line above), and it
refuses to start where another plugin already answers the hooks.
"""
from __future__ import annotations

import secrets
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import motorkrokar

__all__ = ["Motor", "Okt", "Skjerm", "Vedlegg", "MotorFeil"]

PAKKE = "docassemble.desentral"


class MotorFeil(RuntimeError):
    """The engine could not be started or the interview did not behave as asked."""


@dataclass
class Vedlegg:
    namn: str
    filnamn: str
    filer: dict[str, Path]  # format -> path (pdf, docx)
    markdown: dict[str, str]


@dataclass
class Skjerm:
    """One screen as the engine produced it."""

    id: str | None
    type: str
    tekst: str
    undertekst: str
    felt: list[dict]
    html: str
    vedlegg: list[Vedlegg] = field(default_factory=list)

    @property
    def variablar(self) -> list[str]:
        return [f["variabel"] for f in self.felt if f["variabel"]]


_STATE: dict[str, Any] = {}


class Motor:
    """docassemble's engine in this process. Started once; later calls reuse it."""

    # The session class: the tests' subclass adds answering a screen as a browser does.
    okt_klasse: type = None  # set to Okt below, once Okt is defined

    def __init__(self, arbeidsmappe: str | os.PathLike | None = None):
        if "plugin" in _STATE:
            self.plugin = _STATE["plugin"]
            self.work = self.plugin.work
            return
        self.work = Path(arbeidsmappe or tempfile.mkdtemp(prefix="desentral-motor-")).resolve()
        (self.work / "tmp").mkdir(parents=True, exist_ok=True)
        (self.work / "nltk-ikkje-i-bruk").touch()
        config = self.work / "config.yml"
        config.write_text(motorkrokar.config_text(self.work), "utf-8")
        os.environ["DA_CONFIG_FILE"] = str(config)
        # docassemble's config loader reads any existing file named in sys.argv as its config
        # (docassemble-notes: pitfall); load it ourselves, by name, before anything else does.
        argv, sys.argv = sys.argv, sys.argv[:1]
        try:
            import docassemble.base.config as daconfig_module  # noqa: PLC0415

            daconfig_module.load(filename=str(config))
            self.plugin = motorkrokar.Plugin(self.work, daconfig_module.daconfig)
            try:
                motorkrokar.register(self.plugin)
            except motorkrokar.KrokFeil as feil:
                raise MotorFeil(str(feil)) from feil
            import docassemble.base.parse  # noqa: F401, PLC0415
            import docassemble.base.util  # noqa: F401, PLC0415
        finally:
            sys.argv = argv
        # docassemble leaves datemp* files in the temp dir: keep them in the work folder.
        tempfile.tempdir = str(self.work / "tmp")
        self._load_words(daconfig_module.daconfig)
        _STATE["plugin"] = self.plugin

    @staticmethod
    def _load_words(daconfig: dict) -> None:
        """What the server does at start with the `words` config key (YAML files only)."""
        import yaml  # noqa: PLC0415
        from docassemble.base.functions import static_filename_path  # noqa: PLC0415
        from docassemble.base.language.words import update_word_collection  # noqa: PLC0415

        for ref in daconfig.get("words", []):
            with open(static_filename_path(ref), encoding="utf-8") as fh:
                for lang, words in yaml.safe_load(fh).items():
                    update_word_collection(lang, words)

    def okt(self, interview: str, url_args: dict | None = None, **brukar) -> "Okt":
        """A new session; `brukar`: roller, brukar_id, epost for a signed-in user."""
        if ":" not in interview:
            interview = f"{PAKKE}:data/questions/{interview}"
        return self.okt_klasse(self, interview, url_args or {}, **brukar)


class Okt:
    """One interview session: the user dictionary and the screen the engine asks for next."""

    def __init__(self, motor: Motor, yaml_filename: str, url_args: dict, roller=("user",),
                 brukar_id: int = 1, epost: str | None = None):
        from docassemble.base.interview_cache import get_interview  # noqa: PLC0415
        from docassemble.base.parse import get_initial_dict  # noqa: PLC0415

        self.motor = motor
        self.yaml_filename = yaml_filename
        # Each session its own id, as on a server (the package links a case to its session).
        self.okt_id = f"motor-{secrets.token_hex(8)}"
        self.roller, self.brukar_id, self.epost = list(roller), brukar_id, epost
        self.user_dict = get_initial_dict()
        self.user_dict["url_args"] = dict(url_args)
        self.user_dict["_internal"]["starttime"] = self.user_dict["_internal"]["modtime"] = None
        with self._kontekst():
            self.interview = get_interview(yaml_filename)
        self.skjerm = self._assemble()

    def _current_info(self) -> dict:
        return {
            "session": self.okt_id, "secret": None, "yaml_filename": self.yaml_filename,
            "interface": "web", "url": "http://localhost/interview", "url_root": "http://localhost/",
            "encrypted": False, "headers": {}, "clientip": None, "method": "POST",
            "user": {"is_anonymous": self.epost is None, "is_authenticated": self.epost is not None,
                     "email": self.epost, "theid": self.brukar_id,
                     "the_user_id": self.brukar_id if self.epost else f"t{self.brukar_id}",
                     "roles": self.roller, "session_uid": "motor", "device_id": "motor",
                     "location": None, "firstname": "", "lastname": ""},
        }

    def _kontekst(self):
        from contextlib import ExitStack  # noqa: PLC0415

        from docassemble.base.thread_context import (  # noqa: PLC0415
            empty_globals, global_context, user_dict_context)

        stack = ExitStack()
        glob = empty_globals()
        glob.current_info = self._current_info()
        stack.enter_context(global_context(glob))
        stack.enter_context(user_dict_context(self.user_dict))
        return stack

    def _assemble(self) -> Skjerm:
        from docassemble.base.parse import InterviewStatus  # noqa: PLC0415
        from docassemble.base.standardformatter import as_html  # noqa: PLC0415

        with self._kontekst():
            from docassemble.base.thread_context import this_thread  # noqa: PLC0415

            status = InterviewStatus(current_info=this_thread.current_info)
            self.interview.assemble(self.user_dict, status)
            self.status = status
            question = status.question
            # What the webapp's page handler sets on the status before it renders the question.
            status.using_navigation = False
            status.tracker = self.user_dict["_internal"]["tracker"]
            status.exit_url = status.title_url = None
            for attr in ("pre", "post", "footer", "submit", "nav_item"):
                setattr(status, attr, "")
            status.exit_link, status.exit_label = "leave", None
            status.title = status.display_title = status.tabtitle = ""
            status.short_title = status.display_short_title = ""
            status.title_url_opens_in_other_window = True
            status.back = status.cornerback = question.back()
            status.special_vars = {v: self.user_dict[v] for v in ("x", "i", "j", "k", "l", "m", "n")
                                   if v in self.user_dict}
            html = as_html(status, False, "/", {"rules": {}, "messages": {}}, {}, None, 1)
            return Skjerm(
                id=getattr(question, "id", None),
                type=question.question_type,
                tekst=str(status.question_text),
                undertekst=str(getattr(status, "subquestion_text", "") or ""),
                felt=[self._felt(question, f) for f in question.fields],
                html=html,
                vedlegg=[self._vedlegg(a) for a in (status.attachments or [])],
            )

    @staticmethod
    def _felt(question, fld) -> dict:
        from docassemble.base.standardformatter import from_safeid  # noqa: PLC0415

        variabel = from_safeid(fld.saveas) if hasattr(fld, "saveas") else None
        return {"variabel": variabel, "type": getattr(fld, "datatype", None), "nummer": fld.number,
                "namn": getattr(fld, "saveas", None), "skjult": getattr(fld, "inputtype", None) == "hidden"}

    def _vedlegg(self, attachment: dict) -> Vedlegg:
        filer = {}
        for fmt, number in (attachment.get("file") or {}).items():
            filer[fmt] = Path(self.motor.plugin.files[int(number)][0])
        return Vedlegg(attachment.get("name", ""), attachment.get("filename", ""), filer,
                       dict(attachment.get("markdown") or {}))

    # -- answering

    def _sett(self, variabel: str, verdi: Any) -> None:
        self.user_dict["__motor_verdi"] = verdi
        try:
            exec(f"{variabel} = __motor_verdi", self.user_dict)  # noqa: S102 - as the webapp does
        finally:
            del self.user_dict["__motor_verdi"]

    def sett(self, verdiar: dict[str, Any]) -> Skjerm:
        """Define variables directly (for `lag`, which answers from a file), then continue."""
        with self._kontekst():
            for variabel, verdi in verdiar.items():
                self._sett(variabel, verdi)
        self.skjerm = self._assemble()
        return self.skjerm


Motor.okt_klasse = Okt
