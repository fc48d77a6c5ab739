"""The running program's setting: loaded config, language, and the things opened from it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from intake_tui.config.loading import LoadedConfig, load_config
from intake_tui.config.model import Config
from intake_tui.filesafety import check_in_folder
from intake_tui.i18n import Lang
from intake_tui.privacy.forgetting import Removed
from intake_tui.privacy.retention import apply_retention
from intake_tui.record.normalise import Filling
from intake_tui.sinks.jsonl import JsonlSink
from intake_tui.store.database import Store


def local_now() -> datetime:
    """The current time with the local offset (RFC 3339 timestamps need one)."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Runtime:
    """Everything a command or the TUI derives from the configuration."""

    loaded: LoadedConfig
    lang: Lang
    now: Callable[[], datetime] = field(default=local_now)

    @property
    def config(self) -> Config:
        """The effective configuration."""
        return self.loaded.config

    @property
    def operator(self) -> str:
        """The operator id written into records and the audit log."""
        return self.config.app.operator

    def open_store(self) -> Store:
        """Open (creating or upgrading) the local store, told the token's value so that
        no stored error or audit line can hold it."""
        token = self.config.backend.read_token(os.environ)
        return Store.open(self.config.database_path(), now=self.now, secrets=[token or ""])

    def file_sink(self) -> JsonlSink | None:
        """The local JSONL file, when enabled; raises StoreError when it is unsafe to use.

        A link, another user's file or one open to others is refused (as for the store);
        temporary files of a rewrite that was killed are removed.
        """
        if not self.config.file_sink.enabled:
            return None
        path = self.config.file_sink_path()
        check_in_folder(path)
        sink = JsonlSink(path)
        sink.remove_leftovers()
        return sink

    def apply_retention(
        self,
        *,
        trigger: str,
        store: Store | None = None,
        cancel: threading.Event | None = None,
    ) -> Removed | None:
        """Remove records older than ``privacy.retention_days`` (0 keeps them), audited.

        Run when the TUI or ``sync`` starts; *trigger* names which, in the audit entry.
        Uses *store* when the caller has it open already (else a connection of its own).
        Works in short batches and stops between two when *cancel* is set (see
        :mod:`intake_tui.privacy.retention`). None when retention is off or nothing is old
        (then it costs one index probe).
        """
        days = self.config.privacy.retention_days
        if days <= 0:
            return None
        if store is None:
            with self.open_store() as opened:
                return self.apply_retention(trigger=trigger, store=opened, cancel=cancel)
        return apply_retention(
            store,
            self.file_sink(),
            days=days,
            now=self.now(),
            actor=self.operator,
            trigger=trigger,
            cancel=cancel,
        )

    def filling(self, *, submitted: bool) -> Filling:
        """How missing metadata is filled for records entered now."""
        return Filling(
            operator=self.operator,
            notice_version=self.config.consent.notice_version,
            lang=self.lang,
            location_ids=tuple(location.id for location in self.config.locations),
            submitted=submitted,
            now=self.now,
        )


def load_runtime(config_path: str | Path | None, lang: Lang | None) -> Runtime:
    """Load the configuration (raising ``ConfigError``) and pick the language."""
    loaded = load_config(config_path, lang_hint=lang)
    return Runtime(loaded, lang or loaded.config.app.language)
