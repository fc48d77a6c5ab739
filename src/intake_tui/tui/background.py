"""Work the app starts in a thread of its own and awaits from the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def in_daemon_thread(
    work: Callable[[], T], *, on_abandoned: Callable[[T], None] | None = None
) -> T:
    """Run *work* in a daemon thread and await its result.

    Not ``asyncio.to_thread``: the executor's threads are joined when the interpreter
    exits, so quitting during start-up would first wait for the whole start-up work. A
    daemon thread ends with the process instead; what start-up writes (SQLite in WAL
    mode, the fsync'd JSONL file) survives that as it survives a kill -9. When the
    awaiting task was cancelled meanwhile, a result that still arrives is handed to
    *on_abandoned* (to close what it opened).
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: Exception | None) -> None:
        if future.done():
            if error is None and on_abandoned is not None:
                on_abandoned(result)  # type: ignore[arg-type]
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result: T | None = None
        error: Exception | None = None
        try:
            result = work()
        except Exception as raised:  # handed to the awaiting task, which decides
            error = raised
        # RuntimeError: the event loop has closed; the app is gone, and so is the need.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name="intake-tui-start-up", daemon=True).start()
    return await future
