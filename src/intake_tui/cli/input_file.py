"""Reading the input of ``validate`` and ``import`` from a file or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from intake_tui.i18n import Lang, render
from intake_tui.services.reading import (
    BadInput,
    Format,
    InputRecord,
    UnreadableInput,
    decode,
    read_records,
)


def read_input(file: str | None, fmt: Format, lang: Lang) -> list[InputRecord | BadInput] | None:
    """The records of *file* (``-`` or None: standard input); None after reporting a read error."""
    try:
        if file is None or file == "-":
            data = sys.stdin.buffer.read()
            name = "-"
        else:
            path = Path(file)
            data = path.read_bytes()
            name = file
            if fmt == "auto" and path.suffix.lower() == ".csv":
                fmt = "csv"
        return list(read_records(decode(data), fmt))
    except UnreadableInput as exc:
        print(
            render("cli.input_unreadable", lang, file=name, detail=exc.message.text(lang)),
            file=sys.stderr,
        )
    except FileNotFoundError:
        print(render("cli.input_missing", lang, file=file), file=sys.stderr)
    except IsADirectoryError:
        print(render("cli.input_is_dir", lang, file=file), file=sys.stderr)
    except OSError as exc:
        print(
            render("cli.input_unreadable", lang, file=file, detail=exc.strerror or str(exc)),
            file=sys.stderr,
        )
    return None
