# pre-load
"""docassemble's own pages in the server's language whatever the browser asks for (issue 31,
item 5).

docassemble picks the language of a page it serves outside an interview (sign-in, register,
password reset, profile, error pages) from the session, else from the browser's
Accept-Language restricted to the languages it has words for — and English is always one of
them (docassemble.base.language.words starts with `en`). A Norwegian browser sends
`nb-NO,nb;q=0.9,…,en;q=0.5`: `nb` has no words, so `en` wins and the sign-in page was English.

The server's answer is its configured `language` (nn): before each request the header is read as
that language. docassemble reads the header through the request's environ, so nothing else
changes: no session is written, an interview still sets its own language, a signed-in user's own
language setting still comes first. `desentral: nettlesarspråk: true` leaves docassemble's
choice as it was (a server shared with interviews in other languages; docs/deployment.md).

Preloaded by the server at start-up (the `# pre-load` line); only a web server imports it.
"""
from __future__ import annotations

from docassemble.base.util import get_config
from docassemble.webapp.config import DEFAULT_LANGUAGE
from flask import request

try:  # the Flask application (its name in docassemble.webapp 1.10; `app` in some older releases)
    from docassemble.webapp.app_object import flaskapp as app
except ImportError:  # pragma: no cover - older docassemble
    from docassemble.webapp.app_object import app

__all__ = ["fast_spraak"]


def fast_spraak() -> None:
    if (get_config("desentral") or {}).get("nettlesarspråk"):
        return
    request.environ["HTTP_ACCEPT_LANGUAGE"] = DEFAULT_LANGUAGE


# Registered once per process, also if docassemble imports the module again.
if not getattr(app, "_desentral_fast_spraak", False):
    app.before_request(fast_spraak)
    app._desentral_fast_spraak = True
