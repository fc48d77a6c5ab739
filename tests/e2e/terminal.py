"""A private tmux server driving the installed ``intake-tui`` command, and reading its screen.

Every wait polls the screen (``capture-pane``) for a state the app can only reach once it
has taken the keys sent before, so the next keys land in the right field; nothing sleeps
blindly. A wait that times out fails with the screen as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.helpers import COMMAND

TMUX = shutil.which("tmux")
#: Upper bound of one wait; generous for a loaded 2-core CI machine (a wait ends as soon
#: as the state shows, so a fast machine never spends it).
WAIT_S = float(os.environ.get("INTAKE_TUI_E2E_WAIT_S", "15"))
POLL_S = 0.05
#: Variables the app needs from the test's isolated environment (see tests/conftest.py).
PASSED_ENV = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
UTF8 = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
# remain-on-exit keeps a finished pane so its exit status can be read; no status line, so
# the app gets the whole window; no escape delay, so Esc is a key at once.
TMUX_CONF = "set -g remain-on-exit on\nset -g status off\nset -s escape-time 0\n"


class Terminal:
    """One private tmux server; each :meth:`start` runs the command in a new window-sized pane."""

    def __init__(self, home: Path) -> None:
        # A short private folder: socket paths are limited to about 100 bytes.
        self._dir = Path(tempfile.mkdtemp(prefix="ie2e-"))
        self._socket = self._dir / "tmux.sock"
        self._conf = self._dir / "tmux.conf"
        self._conf.write_text(TMUX_CONF, encoding="utf-8")
        # The server's environment is set here, not inherited from whoever runs the tests.
        self._env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "SHELL": "/bin/sh",
            **UTF8,
        }
        self._starts = 0
        self.session = ""
        self.focus_colour: str | None = None

    # -- tmux -----------------------------------------------------------------

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this server and return its output."""
        assert TMUX is not None
        completed = subprocess.run(
            [TMUX, "-u", "-S", str(self._socket), "-f", str(self._conf), *args],
            capture_output=True,
            text=True,
            env=self._env,
            timeout=WAIT_S,
            check=False,
        )
        if completed.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {completed.stderr.strip()}")
        return completed.stdout

    def start(
        self, *args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (100, 30)
    ) -> None:
        """Run ``intake-tui ARGS`` in a fresh session; the pane's process IS the app (exec)."""
        passed = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
        assignments = {**passed, **UTF8, **(env or {})}
        command = " ".join(
            [
                "exec env",
                *(shlex.quote(f"{name}={value}") for name, value in assignments.items()),
                shlex.quote(str(COMMAND)),
                *(shlex.quote(arg) for arg in args),
            ]
        )
        self._starts += 1
        self.session = f"app{self._starts}"
        width, height = size
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), command
        )

    def close(self) -> None:
        """Stop the server (and whatever still runs in it) and remove its folder."""
        if self._socket.exists():
            with contextlib.suppress(AssertionError):  # already gone
                self.tmux("kill-server")
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- keys -----------------------------------------------------------------

    def type(self, text: str) -> None:
        """Type *text* literally (Chinese included)."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def press(self, *keys: str) -> None:
        """Press keys by tmux name (``Enter``, ``C-q``, ``F4``, ``PPage``, ``1``)."""
        self.tmux("send-keys", "-t", self.session, *keys)

    # -- what is on screen ----------------------------------------------------

    def screen(self) -> str:
        """The pane's text now."""
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def styled_screen(self) -> str:
        """The pane's text with its colour and style escape sequences."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.session)

    def _pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.session, fmt).strip()

    def pid(self) -> int:
        """The app's process id."""
        return int(self._pane("#{pane_pid}"))

    def exit_status(self) -> int | None:
        """None while the app runs; its exit status, or minus the signal that ended it."""
        status, sig, pid = self._pane("#{pane_dead_status}:#{pane_dead_signal}:#{pane_pid}").split(
            ":"
        )
        if status or sig:
            return int(status) if status else -int(sig)
        # tmux sometimes leaves a dead pane's process unreaped (and its status unknown) for
        # as long as clients keep polling it; the kernel keeps a zombie's status meanwhile.
        return zombie_status(int(pid))

    # -- waiting --------------------------------------------------------------

    def wait_until(self, ready: Callable[[str], bool], what: str) -> str:
        """Poll the screen until ``ready(screen)``; fail with the screen after WAIT_S."""
        deadline = time.monotonic() + WAIT_S
        while True:
            screen = self.screen()
            if ready(screen):
                return screen
            status = self.exit_status()
            if status is not None or time.monotonic() > deadline:
                ended = f"the app ended (status {status})" if status is not None else "timeout"
                raise AssertionError(f"{ended} waiting for {what}; screen:\n{screen}")
            time.sleep(POLL_S)

    def wait_for(self, *texts: str) -> str:
        """Wait until every one of *texts* is on screen."""
        return self.wait_until(lambda s: all(t in s for t in texts), f"{texts!r}")

    def learn_focus_colour(self, focused: str, unfocused: str) -> None:
        """Note the background of a focused input, from two fields known to differ in focus."""

        def ready(styled: str) -> bool:
            one, other = background_under(styled, focused), background_under(styled, unfocused)
            # "49" is the terminal's default background: a field not painted yet.
            known = one != other and "49" not in (one, other)
            self.focus_colour = one if known else None
            return self.focus_colour is not None

        self._wait_styled(ready, f"{focused!r} to have the focus and {unfocused!r} not")

    def wait_for_focus(self, label: str) -> None:
        """Wait until the input under the field labelled *label* has the focus."""
        assert self.focus_colour is not None, "call learn_focus_colour first"
        self._wait_styled(
            lambda styled: background_under(styled, label) == self.focus_colour,
            f"the focus in the field {label!r}",
        )

    def _wait_styled(self, ready: Callable[[str], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not ready(self.styled_screen()):
            if self.exit_status() is not None or time.monotonic() > deadline:
                raise AssertionError(f"no {what}; screen:\n{self.screen()}")
            time.sleep(POLL_S)

    def wait_exit(self) -> int:
        """Wait until the app has ended; its exit status."""
        deadline = time.monotonic() + WAIT_S
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not end; screen:\n{self.screen()}")
            time.sleep(POLL_S)
        return status

    def kill_app(self) -> None:
        """SIGKILL the app (a crash or a power cut, as far as its files are concerned)."""
        pid = self.pid()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        assert b"intake-tui" in cmdline, f"pane process {pid} is not the app: {cmdline!r}"
        os.kill(pid, signal.SIGKILL)
        assert self.wait_exit() == -signal.SIGKILL


def zombie_status(pid: int) -> int | None:
    """The exit status of *pid* if it has ended but is not yet reaped, else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    # Fields after "pid (comm)": state is field 3, exit_code field 52 (proc(5)).
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] != "Z":
        return None
    return os.waitstatus_to_exitcode(int(fields[49]))


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def plain(styled: str) -> str:
    """The text of a styled capture."""
    return SGR.sub("", styled)


def colours(styled: str) -> list[str]:
    """Every colour a styled text sets, in order (``38;5;23``, ``48;2;1;2;3``, ``41``)."""
    found: list[str] = []
    for match in SGR.finditer(styled):
        params = [p for p in str(match.group(1)).replace(":", ";").split(";") if p]
        index = 0
        while index < len(params):
            code = int(params[index])
            if code in (38, 48):
                width = 3 if params[index + 1 : index + 2] == ["5"] else 5
                found.append(";".join(params[index : index + width]))
                index += width
                continue
            if 30 <= code <= 49 or 90 <= code <= 107:
                found.append(str(code))
            index += 1
    return found


def is_background(colour: str) -> bool:
    """Whether a colour from :func:`colours` is a background."""
    code = int(colour.split(";")[0])
    return 40 <= code <= 49 or 100 <= code <= 107


def first_background(styled_line: str) -> str | None:
    """The first background colour set on a styled line (``48;5;23``), if any."""
    return next((c for c in colours(styled_line) if is_background(c)), None)


def background_under(styled: str, label: str) -> str | None:
    """The background of the line under the line that starts with *label* (a field's input)."""
    lines = styled.splitlines()
    for index, line in enumerate(lines[:-1]):
        if plain(line).strip().startswith(label):
            return first_background(lines[index + 1])
    return None


def typed_under(screen: str, label: str) -> str:
    """The text in the input under the field labelled *label* ("" when not on screen)."""
    lines = screen.splitlines()
    for index, line in enumerate(lines[:-1]):
        if line.strip().startswith(label):
            return lines[index + 1].split("▏")[0].strip()
    return ""
