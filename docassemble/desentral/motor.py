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
import mimetypes
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

__all__ = ["Motor", "Okt", "Skjerm", "Vedlegg", "MotorFeil"]

PAKKE = "docassemble.desentral"
hookimpl = pluggy.HookimplMarker("docassemble")


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


def _config_text(work: Path) -> str:
    words = f"{PAKKE}:data/sources/nn-words.yml"
    return "\n".join([
        "secretkey: motor-utan-tenar",
        "pandoc engine: lualatex",
        "language: nn",
        "locale: nn_NO.utf8",
        "default timezone: Europe/Oslo",
        f"words: [{words}]",
        # docassemble's NLP helpers talk to a socket when this path exists instead of
        # downloading NLTK corpora at import; nothing in these interviews calls them.
        f"nltk socket: {work / 'nltk-ikkje-i-bruk'}",
        f"uploads: {work / 'filer'}",
        "",
    ])


class _Plugin:
    """The hooks docassemble.webapp implements on a server, for a single local process."""

    def __init__(self, work: Path, daconfig: dict):
        import fakeredis  # noqa: PLC0415

        self.work = work
        self.daconfig = daconfig
        self.redis = fakeredis.FakeRedis()
        self.files: dict[int, tuple[Path, str]] = {}
        self.sql: dict[str, Any] = {}

    # -- defaults and configuration
    @hookimpl
    def get_default_language(self):
        return self.daconfig.get("language", "nn")

    @hookimpl
    def get_default_dialect(self):
        return "standard"

    @hookimpl
    def get_default_locale(self):
        return self.daconfig.get("locale", "nn_NO.utf8")

    @hookimpl
    def get_default_voice(self):
        return None

    @hookimpl
    def get_default_timezone(self):
        return self.daconfig.get("default timezone", "Europe/Oslo")

    @hookimpl
    def get_default_country(self):
        return "NO"

    @hookimpl
    def get_configuration(self):
        return self.daconfig

    @hookimpl
    def get_hostname(self):
        return "localhost"

    @hookimpl
    def get_debug_status(self):
        return False

    @hookimpl
    def get_main_page_parts(self):
        return {}

    @hookimpl
    def get_server_redis(self):
        return self.redis

    @hookimpl
    def get_server_redis_user(self):
        return self.redis

    @hookimpl
    def get_default_table_class(self):
        return '"table table-striped"'

    @hookimpl
    def get_default_thead_class(self):
        return ""

    @hookimpl
    def get_button_class_prefix(self):
        return "btn-"

    @hookimpl
    def url_finder(self, file_reference, kwargs):
        name = kwargs.get("display_filename") or str(file_reference)
        return f"/filer/{file_reference}/{name}"

    @hookimpl
    def url_for(self, endpoint, kwargs):
        return f"/{endpoint}"

    # -- files: numbered files live in the work folder, package files where the package is
    @hookimpl
    def get_new_file_number(self, user_code, file_name, yaml_file_name):
        number = len(self.files) + 1
        self.files[number] = (self.work / "filer" / f"{number}", file_name)
        return number

    @hookimpl
    def save_numbered_file(self, filename, orig_path, yaml_file_name, uid):
        number = self.get_new_file_number(uid, filename, yaml_file_name)
        extension, mimetype = self.get_ext_and_mimetype(filename)
        dest = self.work / "filer" / f"{number}.{extension}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(orig_path, dest)
        self.files[number] = (dest, filename)
        return (number, extension, mimetype)

    @hookimpl
    def get_ext_and_mimetype(self, filename):
        extension = os.path.splitext(str(filename))[1].lstrip(".").lower()
        return extension, mimetypes.guess_type(str(filename))[0] or "application/octet-stream"

    def _info(self, path: str | None) -> dict:
        if path is None:
            return {}
        extension, mimetype = self.get_ext_and_mimetype(path)
        return {"fullpath": path, "path": os.path.splitext(path)[0], "filename": os.path.basename(path),
                "extension": extension, "mimetype": mimetype}

    @hookimpl
    def file_number_finder(self, file_number, filename, uids, privileged):
        found = self.files.get(int(file_number))
        return self._info(str(found[0])) if found else {}

    @hookimpl
    def file_finder(self, file_reference, question, folder, package, filename, return_nonexistent, uids):
        from docassemble.base.functions import static_filename_path  # noqa: PLC0415

        ref = str(file_reference)
        if ref.isdigit():
            return self.file_number_finder(ref, filename, uids, True)
        if ":" not in ref:
            if package is None and question is not None:
                package = question.from_source.get_package()
            if folder and "/" not in ref:
                ref = f"data/{folder}/{ref}"
            ref = f"{package or PAKKE}:{ref}"
        return self._info(static_filename_path(ref, return_nonexistent=return_nonexistent))

    @hookimpl
    def path_from_reference(self, file_reference):
        return self.file_finder(file_reference, None, None, None, None, False, None).get("fullpath")

    @hookimpl
    def secure_filename(self, filename):
        import werkzeug.utils  # noqa: PLC0415

        return werkzeug.utils.secure_filename(filename)

    @hookimpl
    def secure_filename_spaces_ok(self, filename):
        return self.secure_filename(filename)

    @hookimpl
    def secure_filename_unicode_ok(self, the_filename):
        return self.secure_filename(the_filename)

    # -- storage that a single process keeps in memory
    @hookimpl
    def server_sql_get(self, key, secret):
        return self.sql.get(key)

    @hookimpl
    def server_sql_defined(self, key):
        return key in self.sql

    @hookimpl
    def server_sql_set(self, key, val, encrypted, secret, the_user_id):
        self.sql[key] = val

    @hookimpl
    def server_sql_delete(self, key):
        self.sql.pop(key, None)

    @hookimpl
    def server_sql_keys(self, prefix):
        return [k[len(prefix):] for k in self.sql if k.startswith(prefix)]

    @hookimpl
    def applock(self, action, application, maxtime):
        return True

    @hookimpl
    def release_lock(self, user_code, filename):
        return None


def _register(plugin: _Plugin) -> None:
    from docassemble.base.plugin_manager import pm  # noqa: PLC0415

    if pm.hook.get_configuration.get_hookimpls():
        raise MotorFeil("ein annan docassemble-plugin svarar alt (køyrer dette på ein tenar?)")
    pm.register(plugin, name="docassemble.desentral.motor")


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
        config.write_text(_config_text(self.work), "utf-8")
        os.environ["DA_CONFIG_FILE"] = str(config)
        # docassemble's config loader reads any existing file named in sys.argv as its config
        # (docassemble-notes: pitfall); load it ourselves, by name, before anything else does.
        argv, sys.argv = sys.argv, sys.argv[:1]
        try:
            import docassemble.base.config as daconfig_module  # noqa: PLC0415

            daconfig_module.load(filename=str(config))
            self.plugin = _Plugin(self.work, daconfig_module.daconfig)
            _register(self.plugin)
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
                     "location": None},
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
        return {"variabel": variabel, "type": getattr(fld, "datatype", None), "nummer": fld.number}

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
