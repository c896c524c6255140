"""The reports screen: a fiscal year or a month, by venue or all.

Its export buttons are clicked in tests/ui/test_export_buttons.py.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from tests.conftest import JST


def wait_for_report(qtbot, screen, label):
    qtbot.waitUntil(
        lambda: screen.report is not None and screen.report.period.label == label, timeout=10000
    )


def test_fiscal_year_and_month_reports(qtbot, window, clock):
    ctx = window.state.ctx
    clock.now = datetime(2026, 10, 4, 10, tzinfo=JST)
    event = events.open_event(ctx, window.state.venue.id)
    for band in ("30s", "40s"):
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band=band))
    events.close_event(ctx, event.id)
    clock.now = datetime(2026, 11, 22, 10, tzinfo=JST)

    screen = window.reports
    screen.report = None
    window.show_widget(window.reports)  # counts again on opening
    screen.year.setValue(2026)
    wait_for_report(qtbot, screen, "令和8年度")
    assert screen.report.totals.visits == 2
    headings = [
        screen.month_table.horizontalHeaderItem(c).text()
        for c in range(screen.month_table.columnCount())
    ]
    assert headings[2] == "4月" and headings[-1] == "合計" and len(headings) == 15
    visits_row = next(
        r
        for r in range(screen.month_table.rowCount())
        if screen.cell(screen.month_table, r, 1).startswith("来場者数")
    )
    assert screen.cell(screen.month_table, visits_row, headings.index("10月")) == "2"
    assert screen.cell(screen.month_table, visits_row, len(headings) - 1) == "2"

    qtbot.mouseClick(screen.kind.button("month"), Qt.MouseButton.LeftButton)
    screen.month.setDate(QDate(2026, 11, 1))
    wait_for_report(qtbot, screen, "令和8年11月")
    assert screen.report.totals.visits == 0
    assert screen.report.period.first == date(2026, 11, 1)
