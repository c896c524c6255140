"""The purge at start: off the GUI thread, with a word on screen when it is slow."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from kiosk.care import retention
from kiosk.core.errors import KioskError
from ui.start_purge import purge_at_start


def shown_notes() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_a_slow_purge_says_what_is_happening_then_goes_on(qapp, ctx, monkeypatch):
    seen: list[bool] = []

    def slow_purge(_ctx, trigger):
        assert trigger == "start"
        time.sleep(0.9)  # the first rewrite of a big file
        return None

    monkeypatch.setattr(retention, "purge", slow_purge)
    # Look at the screen while the purge is still running.
    QTimer.singleShot(750, lambda: seen.append(any(n.isVisible() for n in shown_notes())))
    purge_at_start(ctx)
    assert seen == [True]
    qapp.processEvents()
    assert not any(n.isVisible() for n in shown_notes())


def test_a_quick_purge_shows_nothing(qapp, ctx, monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(retention, "purge", lambda _ctx, trigger: calls.append(trigger))
    purge_at_start(ctx)
    qapp.processEvents()
    assert calls == ["start"]
    assert not any(n.isVisible() for n in shown_notes())


def test_a_failed_purge_does_not_stop_the_start(qapp, ctx, monkeypatch, caplog):
    def broken(_ctx, trigger):
        raise KioskError("storage_failed")

    monkeypatch.setattr(retention, "purge", broken)
    purge_at_start(ctx)  # returns
    assert "storage_failed" in caplog.text
