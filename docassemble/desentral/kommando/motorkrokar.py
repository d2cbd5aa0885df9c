# do not pre-load
"""The docassemble hooks that docassemble.webapp answers on a server, answered for one local process.

motor.py starts docassemble's engine with these: configuration and defaults, file numbering and
storage in a work folder, package file lookup, secure file names, and a Redis stand-in
(fakeredis). Like motor.py, this module must never load on a server (first line above).
"""
from __future__ import annotations

import mimetypes
import os
import shutil
from pathlib import Path
from typing import Any

import pluggy

__all__ = ["config_text", "Plugin", "register", "KrokFeil"]

PAKKE = "docassemble.desentral"
hookimpl = pluggy.HookimplMarker("docassemble")


class KrokFeil(RuntimeError):
    """Another plugin already answers docassemble's hooks in this process."""


def config_text(work: Path) -> str:
    words = f"{PAKKE}:data/sources/nn-words.yml"
    # DESENTRAL_PDF_VEG=latex: the engine makes PDFs the LaTeX way (config `desentral: pdf`).
    veg = os.environ.get("DESENTRAL_PDF_VEG", "").strip()
    return "\n".join([
        *([f"desentral: {{pdf: {veg}}}"] if veg else []),
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


class _LokalFil:
    """docassemble's SavedFile for one process: numbered files already live in the work folder,
    so committing a DAFile (DAFile.commit) has nothing to copy."""

    plugin: "Plugin"

    def __init__(self, number, fix=False, **kwargs):
        self.number = number

    def save(self):
        # A new DAFile: its (empty) file in the work folder, where file_number_finder finds it.
        sti = Path(self.plugin.files[int(self.number)][0])
        sti.parent.mkdir(parents=True, exist_ok=True)
        sti.touch()
        # DAFile.write writes to the info's `path` (without the extension): the same file.
        utan = sti.with_suffix("")
        if sti.suffix and not utan.exists():
            utan.symlink_to(sti.name)

    def finalize(self):
        return None


class Plugin:
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
        # A DAFile (DAFile.url_for) by its number; str() of one would render it.
        ref = getattr(file_reference, "number", file_reference)
        name = kwargs.get("display_filename") or getattr(file_reference, "filename", None) or str(ref)
        return f"/filer/{ref}/{name}"

    @hookimpl
    def url_for(self, endpoint, kwargs):
        return f"/{endpoint}"

    # -- files: numbered files live in the work folder, package files where the package is
    @hookimpl
    def get_new_file_number(self, user_code, file_name, yaml_file_name):
        number = len(self.files) + 1
        # With the name's extension, as on a server: the document filter includes an image
        # ([FILE n]) only when its file info has one.
        extension = os.path.splitext(str(file_name or ""))[1].lower()
        self.files[number] = (self.work / "filer" / f"{number}{extension}", file_name)
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
    def get_saved_file_class(self):
        return type("LokalFil", (_LokalFil,), {"plugin": self})

    @hookimpl
    def get_ext_and_mimetype(self, filename):
        extension = os.path.splitext(str(filename))[1].lstrip(".").lower()
        return extension, mimetypes.guess_type(str(filename))[0] or "application/octet-stream"

    def _info(self, path: str | None) -> dict:
        if path is None:
            return {}
        extension, mimetype = self.get_ext_and_mimetype(path)
        # The server's file table has these too; one process keeps no access rules (issue 17).
        return {"fullpath": path, "path": os.path.splitext(path)[0], "filename": os.path.basename(path),
                "extension": extension, "mimetype": mimetype, "persistent": False, "private": True}

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


def register(plugin: Plugin) -> None:
    from docassemble.base.plugin_manager import pm  # noqa: PLC0415

    if pm.hook.get_configuration.get_hookimpls():
        raise KrokFeil("ein annan docassemble-plugin svarar alt (køyrer dette på ein tenar?)")
    pm.register(plugin, name="docassemble.desentral.kommando.motor")
