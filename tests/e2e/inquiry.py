"""The standard inquiry as an operator keys it in, and reading the store the app wrote."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.e2e.terminal import POLL_S, WAIT_S, Terminal

# -- the operator's keystrokes ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One field as the operator keys it in, and what the app keeps and shows for it."""

    path: str
    step: str  # the capture step it is keyed in
    label: str  # the field's label on screen
    text: str  # typed literally first ("" for a choice picked by its number)
    key: str  # then this key: Enter, or the option's number
    stored: str  # what the draft keeps for the field
    shown: str  # what the form shows for it once accepted (its input or its hint line)


DESCRIPTION = "工业机器人减速器精密装配与检测"
COMPANY = "上海宝钢精密机械有限公司"
#: The standard inquiry in the keyboard order of the F1 help (Enter accepts the industry's
#: default, 制造业).
STANDARD: tuple[Entry, ...] = (
    Entry("need.kind", "need", "需求类型", "", "1", "factory_rent", "= 租赁厂房"),
    Entry(
        "need.floor_area_sqm",
        "need",
        "需求面积",
        "2000-3000",
        "Enter",
        "2000-3000",
        "= 2000–3000 ㎡",
    ),
    Entry("need.timeline", "need", "期望落地时间", "", "2", "within_3m", "= 3个月内"),
    Entry("use.industry", "use", "行业门类", "", "Enter", "C", "= 制造业"),
    Entry(
        "use.description", "use", "主营产品/用途", DESCRIPTION, "Enter", DESCRIPTION, DESCRIPTION
    ),
    Entry("tax.annual_tax_wan", "tax", "预计年税收", "800", "Enter", "800", "= 800 万元"),
    Entry("tax.registration", "tax", "注册/税收归属", "", "1", "new_entity", "= 新设独立法人"),
    Entry("company.name", "company", "企业名称", COMPANY, "Enter", COMPANY, COMPANY),
    Entry("contact.name", "contact", "联系人", "张先生", "Enter", "张先生", "张先生"),
    Entry(
        "contact.mobile", "mobile", "手机号", "13524678515", "Enter", "13524678515", "13524678515"
    ),
    Entry("consent.contact", "mobile", "已告知并同意联系", "", "1", "true", "= 是"),
)
REVIEW_READY = "提交（Enter）"
FIRST_SCREEN = ("需求类型", "需求面积", "期望落地时间", "1 租赁厂房", "5 待定")


def key_in(term: Terminal, count: int = len(STANDARD)) -> tuple[Entry, ...]:
    """Key in the first *count* fields of the standard inquiry; returns them.

    After each field, wait until the next field has the focus (or the review is up): keys
    sent earlier could still reach the field being left.
    """
    for index, entry in enumerate(STANDARD[:count]):
        if entry.text:
            term.type(entry.text)
        term.press(entry.key)
        if index + 1 < len(STANDARD):
            term.wait_for_focus(STANDARD[index + 1].label)
        else:
            term.wait_for(REVIEW_READY)
    return STANDARD[:count]


def open_form(term: Terminal, config_file: Path, size: tuple[int, int] = (100, 30)) -> None:
    """Start the app on *config_file* and wait until the first field takes keys."""
    term.start("--config", str(config_file), size=size)
    # The form is painted before the configuration is loaded; the operator id in the status
    # bar says loading is done and the screen has settled.
    term.wait_for(*FIRST_SCREEN, "op-e2e")
    term.learn_focus_colour("需求类型", "需求面积")


# -- the store ---------------------------------------------------------------------------


def read_rows(database: Path) -> list[dict[str, Any]]:
    """Every inquiry row (id, status, decoded record), opened read-only."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT id, status, record FROM inquiries").fetchall()
    finally:
        connection.close()
    return [{"id": i, "status": s, "record": json.loads(r)} for i, s, r in rows]


def integrity(database: Path) -> str:
    """``PRAGMA integrity_check`` of the store."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def snapshot(database: Path, into: Path) -> Path:
    """Copy the store with its WAL and shared-memory files as they are, to inspect a crash."""
    into.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            shutil.copy2(source, into / source.name)
    return into / database.name


def draft_fields(database: Path) -> dict[str, str]:
    """The fields of the one draft in the store ({} when there is none)."""
    drafts = [row for row in read_rows(database) if row["status"] == "draft"]
    assert len(drafts) <= 1, drafts
    return dict(drafts[0]["record"].get("fields", {})) if drafts else {}


def wait_for_draft(database: Path, expected: dict[str, str]) -> None:
    """Wait until the draft autosaved off the UI thread holds every *expected* field."""
    deadline = time.monotonic() + WAIT_S
    found: dict[str, str] = {}
    while time.monotonic() < deadline:
        if database.exists():
            try:
                found = draft_fields(database)
            except sqlite3.OperationalError:  # the file is being created
                found = {}
            if expected.items() <= found.items():
                return
        time.sleep(POLL_S)
    raise AssertionError(f"draft never held {expected}; it holds {found}")
