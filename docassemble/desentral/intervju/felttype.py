"""The package's free-text field for docassemble: `datatype: desentraltekst`.

docassemble's own text fields fail typed text two ways: a plain text field loses HTML tags and
backslashes (the webapp strips them, interview/views.py), and every text field, `raw` included,
writes its value back into the page unescaped (standardformatter `input_for`), so a value with
`</textarea>` ends the textarea and what follows runs as HTML in the browser of whoever sees the
field next: the employee going back, or HR, whose fields start from the employee's text. A
docassemble custom datatype (docassemble.base.functions.CustomDataType) fixes both: the webapp
stores its posted text as sent, and `default_for` gives docassemble the value to write already
escaped (skjermtekst.feltverdi).

This module defines a class, so the server imports it at start-up (docassemble's pre-load), and
the datatype is known to every worker before the first answer arrives.
"""
from __future__ import annotations

from docassemble.base.util import CustomDataType

from ..dokument.skjermtekst import feltverdi

__all__ = ["Fritekst"]


class Fritekst(CustomDataType):
    name = "desentraltekst"
    container_class = "da-field-container-datatype-desentraltekst"
    input_class = "dadesentraltekst"
    input_type = "text"
    # A field hidden by `show if` is stored as None (as `datatype: raw` does), not left undefined.
    skip_if_empty = False

    @classmethod
    def default_for(cls, item):
        return feltverdi(item)
