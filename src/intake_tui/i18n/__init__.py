"""One message catalogue for every string a person reads, in Chinese and English.

Each area of the program keeps its entries in its own module of this package
(``i18n/parsing.py``, ``i18n/cli.py``, ...) so that the catalogue stays one
catalogue without one huge file; :mod:`intake_tui.i18n.catalogue` merges them and
a test fails when a key lacks a language or two areas claim the same key.
"""

from intake_tui.i18n.catalogue import LANGUAGES, Lang, Message, message, render

__all__ = ["LANGUAGES", "Lang", "Message", "message", "render"]
