"""Test helpers: a valid raw record, the installed command, fixed time."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CST = timezone(timedelta(hours=8))
FIXED_NOW = datetime(2026, 11, 29, 9, 30, tzinfo=CST)
COMMAND = Path(sys.executable).parent / "intake-tui"

#: What an operator types for the standard inquiry (shared/bench/standard_inquiry.json).
STANDARD_RAW: dict[str, Any] = {
    "need": {"kind": "租赁厂房", "floor_area_sqm": "2000-3000", "timeline": "3个月内"},
    "use": {"description": "工业机器人减速器精密装配与检测"},
    "tax": {"annual_tax_wan": "800", "registration": "新设独立法人"},
    "company": {"name": "上海宝钢精密机械有限公司"},
    "contact": {"name": "张先生", "mobile": "13524678515"},
    "consent": {"contact": True},
}


def raw_record(**overrides: Any) -> dict[str, Any]:
    """A valid raw record; ``overrides`` use dotted paths (``contact__mobile`` → contact.mobile)."""
    record = copy.deepcopy(STANDARD_RAW)
    for dotted, value in overrides.items():
        if "__" not in dotted:
            record[dotted] = value
            continue
        section, key = dotted.split("__", 1)
        record.setdefault(section, {})
        if value is _DELETE:
            record[section].pop(key, None)
        else:
            record[section][key] = value
    return record


_DELETE = object()
DELETE: Any = _DELETE


def run_cli(
    *args: str,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``intake-tui`` command and capture its output as text."""
    full_env = {**os.environ, **(env or {})}
    data = input.encode() if isinstance(input, str) else input
    completed = subprocess.run(
        [str(COMMAND), *args],
        input=data,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )
