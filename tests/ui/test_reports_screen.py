"""The reports screen: a fiscal year or a month, by venue or all, and its exports."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from kiosk import checkin, events
from kiosk.checkin import CheckInRequest
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


def test_export_fiscal_year_pdf_and_csv(qtbot, window, tmp_path, monkeypatch):
    window.show_widget(window.reports)
    screen = window.reports
    screen.year.setValue(2026)
    wait_for_report(qtbot, screen, "令和8年度")
    pdf = tmp_path / "fy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "保存しました" in screen.banner.text(), timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "令和8年度" in text and "月別の実績" in text
    csv = tmp_path / "fy.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv), ""))
    qtbot.mouseClick(screen.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(csv) in screen.banner.text(), timeout=15000)
    assert "区分,項目,4月" in csv.read_text(encoding="utf-8-sig")
