"""Delivery throughput: `intake-tui sync` draining 10,000 queued records vs a bare httpx loop.

Both post the same bodies with the same headers to the same loopback server, in the same
run, alternating; the verdict compares the medians. The server is a minimal asyncio
HTTP/1.1 responder in its own process (so it shares no GIL with either client) that
answers every POST with ``201 {"id": n}`` and counts requests and distinct idempotency keys
per URL path, so each run can be checked: every record arrived, none twice.

    python benchmarks/run.py delivery_throughput [--records 10000] [--rounds 3]
    python benchmarks/delivery_throughput.py serve PORT_FILE      (the server alone)
    python benchmarks/delivery_throughput.py bare URL BODIES_FILE (the bare loop alone)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve()
COMMAND = Path(sys.executable).parent / "intake-tui"
TOKEN = "bench-token-not-a-secret"
TARGET_RATIO = 0.8
#: What is kept of each run: wall clock, the server's first-to-last span, the client's CPU.
PARTS = ("wall_s", "span_s", "cpu_s")


# -- the server (child process) -----------------------------------------------------------


class _Counts:
    """What one URL path received."""

    def __init__(self) -> None:
        self.requests = 0
        self.keys: set[str] = set()
        self.first_ns = 0
        self.last_ns = 0


class _Responder(asyncio.Protocol):
    """HTTP/1.1 with keep-alive, just enough for POSTs with a Content-Length and GET /stats."""

    def __init__(self, paths: dict[str, _Counts]) -> None:
        self.paths = paths
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
            headers = {name.strip().lower(): value.strip() for name, value in headers.items()}
            total = end + 4 + int(headers.get("content-length", "0"))
            if len(self.buffer) < total:
                return
            del self.buffer[:total]
            method, path, _version = lines[0].split(" ", 2)
            self._answer(method, path, headers)

    def _answer(self, method: str, path: str, headers: dict[str, str]) -> None:
        assert self.transport is not None
        if method == "GET" and path.startswith("/stats/"):
            counts = self.paths.get(path.removeprefix("/stats"), _Counts())
            body = json.dumps(
                {
                    "requests": counts.requests,
                    "distinct_keys": len(counts.keys),
                    "span_s": (counts.last_ns - counts.first_ns) / 1e9,
                }
            ).encode()
            status = "200 OK"
        else:
            counts = self.paths.setdefault(path, _Counts())
            now = time.perf_counter_ns()
            counts.first_ns = counts.first_ns or now
            counts.last_ns = now
            counts.requests += 1
            counts.keys.add(headers.get("idempotency-key", ""))
            body = b'{"id":"%d"}' % counts.requests
            status = "201 Created"
        self.transport.write(
            b"HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (status.encode(), len(body), body)
        )


async def _serve(port_file: Path) -> None:
    paths: dict[str, _Counts] = {}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Responder(paths), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    port_file.write_text(str(port))
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()


# -- the bare loop (child process) --------------------------------------------------------


def bare_loop(url: str, bodies_file: Path) -> None:
    """POST every (key, body) line of *bodies_file*, one httpx.Client, sequential, keep-alive."""
    items = [json.loads(line) for line in bodies_file.read_text(encoding="utf-8").splitlines()]
    with httpx.Client(headers={"User-Agent": "intake-tui/bench"}) as client:
        for key, body in items:
            response = client.post(
                url,
                content=body.encode("utf-8"),
                headers={
                    "Content-Type": "application/json",
                    "Accept": "application/json",
                    "Idempotency-Key": key,
                    "Authorization": f"Bearer {TOKEN}",
                },
            )
            if response.status_code != 201:
                raise SystemExit(f"unexpected answer {response.status_code}")


# -- the benchmark (parent) ---------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument("--records", type=int, default=10_000, help="queued records per run")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, alternating")
    parser.add_argument("--seed", type=int, default=20260304)


@contextmanager
def _server(folder: Path) -> Iterator[str]:
    """The server child; yields its base URL."""
    port_file = folder / "port"
    child = subprocess.Popen([sys.executable, str(HERE), "serve", str(port_file)])
    try:
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text():
            if time.monotonic() > deadline or child.poll() is not None:
                raise RuntimeError("the benchmark server did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port_file.read_text()}"
    finally:
        child.terminate()
        child.wait(timeout=10)


def _build_store(folder: Path, count: int, seed: int) -> tuple[Path, Path]:
    """A store with *count* records queued for the backend, and the bodies the sender posts."""
    from generate import inquiries
    from intake_tui.delivery.sender import BACKEND, idempotency_key, request_body
    from intake_tui.store import Store

    template = folder / "template" / "intake.sqlite3"
    generated = inquiries(count, seed)
    with Store.open(template) as store:
        while batch := list(islice(generated, 2_000)):
            store.submit_many(batch, destinations=[BACKEND], actor="bench")
    bodies = folder / "bodies.jsonl"
    with closing(sqlite3.connect(template)) as db, bodies.open("w", encoding="utf-8") as out:
        rows = db.execute("SELECT id, revision, record FROM inquiries ORDER BY rowid")
        for record_id, revision, text in rows:
            body = request_body(json.loads(text)).decode("utf-8")
            out.write(json.dumps([idempotency_key(record_id, revision), body]) + "\n")
    return template, bodies


def _children_cpu_s() -> float:
    """CPU seconds (user + system) of every child waited for so far (not the server)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _stats(base: str, path: str) -> dict[str, Any]:
    """What the server saw on *path*."""
    answer: dict[str, Any] = httpx.get(f"{base}/stats{path}").json()
    return answer


def _run_bare(base: str, path: str, bodies: Path) -> float:
    """Seconds the bare-loop child took, start to exit."""
    started = time.perf_counter()
    subprocess.run([sys.executable, str(HERE), "bare", base + path, str(bodies)], check=True)
    return time.perf_counter() - started


def _run_sync(base: str, path: str, template: Path, folder: Path) -> float:
    """Seconds `intake-tui sync` took on a fresh copy of the queued store, start to exit."""
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    shutil.copy2(template, data / template.name)
    # The copy's pages must be on disk before the clock starts: otherwise the first
    # checkpoint's disk sync pays for writing the whole copied file.
    with (data / template.name).open("rb+") as copied:
        os.fsync(copied.fileno())
    config = folder / "sync.toml"
    config.write_text(
        # Throughput of sending alone: retention has nothing to do here (the calls are recent).
        f'[storage]\ndata_dir = "{data}"\n[file_sink]\nenabled = false\n'
        "[privacy]\nretention_days = 0\n"
        f'[backend]\nenabled = true\nurl = "{base}{path}"\nsync_timeout_s = 3600\n',
        encoding="utf-8",
    )
    # The program log goes to a folder of the run, not the user's own log folder.
    env = {**os.environ, "INTAKE_TUI_TOKEN": TOKEN, "XDG_STATE_HOME": str(folder / "state")}
    log = folder / "sync.log"
    command = [str(COMMAND), "sync", "--config", str(config)]
    started = time.perf_counter()
    with log.open("w") as out:
        completed = subprocess.run(command, stdout=out, stderr=out, env=env)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"sync exited {completed.returncode}: {log.read_text()[-2000:]}")
    return elapsed


def run(args: argparse.Namespace) -> Any:
    """Alternate bare loop and sync runs; report throughput medians and their ratio."""
    from common import RESULTS_DIR

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    kinds = ["bare", "sync"]
    timings: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(dir=RESULTS_DIR) as name:
        folder = Path(name)
        template, bodies = _build_store(folder, args.records, args.seed)
        with _server(folder) as base:
            for round_number in range(args.rounds):
                # Each round starts with a different kind, so none always runs first.
                shift = round_number % len(kinds)
                for kind in kinds[shift:] + kinds[:shift]:
                    path = f"/{kind}/{round_number}/api/inquiries"
                    cpu_before = _children_cpu_s()
                    if kind == "bare":
                        wall = _run_bare(base, path, bodies)
                    else:
                        wall = _run_sync(base, path, template, folder)
                    cpu = _children_cpu_s() - cpu_before
                    seen = _stats(base, path)
                    if seen["requests"] != args.records or seen["distinct_keys"] != args.records:
                        raise RuntimeError(f"{kind} run {round_number}: server saw {seen}")
                    timings[kind].append({"wall_s": wall, "span_s": seen["span_s"], "cpu_s": cpu})
                    print(f"  {kind} round {round_number}: {wall:.2f} s", file=sys.stderr)
    return _report(args, timings)


def _label(kind: str) -> str:
    """A table label for a kind of run."""
    return {
        "bare": "bare httpx loop",
        "sync": "intake-tui sync",
    }[kind]


def _report(args: argparse.Namespace, timings: dict[str, list[dict[str, float]]]) -> Any:
    """The figures as a table, each sync's ratio to the bare loop, and the verdict."""
    from common import Report

    report = Report("delivery_throughput")
    medians = {
        kind: {part: statistics.median(run[part] for run in runs) for part in PARTS}
        for kind, runs in timings.items()
    }
    bare = medians["bare"]
    rows = []
    ratios: dict[str, dict[str, float]] = {}
    for kind in timings:
        ratios[kind] = {part: bare[part] / medians[kind][part] for part in ("wall_s", "span_s")}
        rows.append(
            [
                _label(kind),
                " / ".join(f"{run['wall_s']:.2f}" for run in timings[kind]),
                f"{medians[kind]['wall_s']:.2f}",
                f"{args.records / medians[kind]['wall_s']:.0f}",
                f"{args.records / medians[kind]['span_s']:.0f}",
                f"{ratios[kind]['wall_s']:.2f}",
                f"{ratios[kind]['span_s']:.2f}",
                f"{medians[kind]['cpu_s'] / args.records * 1e6:.0f}",
            ]
        )
    report.table(
        f"Draining {args.records:,} records to a loopback server ({args.rounds} runs each)",
        [
            "client",
            "runs s",
            "median s",
            "records/s whole process",
            "records/s sending",
            "× bare, whole",
            "× bare, sending",
            "client CPU µs/record",
        ],
        rows,
    )
    verdict = "met" if ratios["sync"]["wall_s"] >= TARGET_RATIO else "NOT met"
    report.notes.append(
        f"intake-tui sync: target >= {TARGET_RATIO} × bare (whole process): {verdict}"
    )
    report.notes.append(
        "whole process: start to exit of each child; sending: the server's first to last "
        "request of the run"
    )
    report.data = {"records": args.records, "timings": timings, "ratios": ratios}
    return report


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        asyncio.run(_serve(Path(sys.argv[2])))
    elif sys.argv[1:2] == ["bare"]:
        bare_loop(sys.argv[2], Path(sys.argv[3]))
    else:
        sys.path.insert(0, str(HERE.parent))
        from run import main

        sys.exit(main(["delivery_throughput", *sys.argv[1:]]))
