"""Reading the input of ``validate`` and ``import`` from a file or standard input, as a stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from intake_tui.i18n import Lang, render
from intake_tui.services.reading import (
    BadInput,
    Format,
    InputRecord,
    Items,
    UnreadableInput,
    read_stream,
)


class InputFile:
    """The records of one input, read while iterated; :attr:`failed` after a read error."""

    def __init__(self, items: Items, name: str, lang: Lang, closing: ExitStack) -> None:
        self._items = items
        self._name = name
        self._lang = lang
        self._closing = closing
        self.failed = False

    def __iter__(self) -> Iterator[InputRecord | BadInput]:
        with self._closing:
            try:
                yield from self._items
            except OSError as exc:
                # The disk or pipe failed mid-way: what was read stays read, the rest is lost.
                self.failed = True
                _unreadable(self._name, exc.strerror or str(exc), self._lang)


def read_input(file: str | None, fmt: Format, lang: Lang) -> InputFile | None:
    """The records of *file* (``-`` or None: standard input); None after reporting a read error."""
    name = "-" if file is None else file
    closing = ExitStack()
    try:
        stream: BinaryIO
        if file is None or file == "-":
            stream = sys.stdin.buffer
        else:
            path = Path(file)
            stream = closing.enter_context(path.open("rb"))
            if fmt == "auto" and path.suffix.lower() == ".csv":
                fmt = "csv"
        return InputFile(read_stream(stream, fmt), name, lang, closing)
    except UnreadableInput as exc:
        closing.close()
        _unreadable(name, exc.message.text(lang), lang)
    except FileNotFoundError:
        print(render("cli.input_missing", lang, file=file), file=sys.stderr)
    except IsADirectoryError:
        print(render("cli.input_is_dir", lang, file=file), file=sys.stderr)
    except OSError as exc:
        closing.close()
        _unreadable(name, exc.strerror or str(exc), lang)
    return None


def _unreadable(name: str, detail: str, lang: Lang) -> None:
    print(render("cli.input_unreadable", lang, file=name, detail=detail), file=sys.stderr)
