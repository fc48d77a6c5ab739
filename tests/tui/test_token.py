"""The TUI with a token no HTTP header can carry: a message, no sending, no crash.

The backend is a real HTTP server on loopback; it must receive nothing, since every
request would have failed alike inside the HTTP client.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from intake_tui.tui.app import IntakeApp
from tests.tui.conftest import keys, settle
from tests.tui.test_delivery_status import PATH, capture_standard, online_runtime, status_text


async def test_an_unsendable_token_is_reported_and_nothing_is_sent(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_TUI_TOKEN", "tok-ä-7f3c")
    httpserver.expect_request(PATH, method="POST").respond_with_json({"id": "CRM-1"}, 201)
    app = IntakeApp(online_runtime(tmp_path, httpserver.url_for(PATH), lang="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await capture_standard(pilot)
        await settle(pilot)
        assert app.delivery is None  # no sender started
        state = app.delivery_state
        assert state is not None and state.mode == "failing"
        assert state.problem is not None and state.problem.key == "config.token.non_ascii"
        shown = [notification.message for notification in app._notifications]
        assert any("INTAKE_TUI_TOKEN" in text and "cannot be sent" in text for text in shown)
        assert not any("7f3c" in text for text in shown)
        assert "7f3c" not in status_text(app)
        assert len(app.store.list(status="submitted")) == 1  # capture goes on

        # "Send now" in the outbox says why nothing goes, not "offline capture mode".
        await keys(pilot, "f9")
        await settle(pilot)
        app._notifications.clear()
        await keys(pilot, "f5")
        shown = [notification.message for notification in app._notifications]
        assert any("INTAKE_TUI_TOKEN" in text for text in shown), shown
        assert not any("offline" in text.lower() for text in shown)
    assert httpserver.log == []
