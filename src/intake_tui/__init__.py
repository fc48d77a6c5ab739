"""intake-tui: keyboard-first intake for an industrial investment-promotion hotline."""

import time as _time

__version__ = "0.1.0"

#: When the program began loading (``time.monotonic()``). ``sync --timeout`` counts from
#: here: the second or so of imports on a busy desk PC is part of the run a caller waits for.
STARTED_AT: float = _time.monotonic()
