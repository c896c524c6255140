"""The export bar as a coordinator meets it: CSV, Excel and PDF side by side; the dialog
suggests the file's own ending (a fiscal year's CSV is a zip of tables); the CSV
encoding touches the CSV only."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest


def asking(monkeypatch, answer):
    """Stub the save dialog: record what it suggested and filtered, answer `answer`."""
    asked: list[tuple[str, str]] = []

    def dialog(_parent: Any, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append((suggested, filters))
        return str(answer), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def test_the_buttons_sit_side_by_side(window):
    window.show_widget(window.tally)
    bar = window.tally.export_bar
    texts = [b.text() for b, _ in bar.buttons]
    assert texts == ["CSV出力…", "Excel出力…", "PDF出力…"]
    assert all(b.isVisible() for b, _ in bar.buttons)
    xs = [b.geometry().x() for b, _ in bar.buttons]
    assert xs == sorted(xs)


def test_a_fiscal_years_csv_is_offered_as_a_zip(qtbot, window, tmp_path, monkeypatch):
    screen = window.reports
    window.show_widget(screen)
    screen.year.setValue(2026)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=10000)
    target = tmp_path / "report.csv"  # typed by hand: the file is written as what it is
    asked = asking(monkeypatch, target)
    qtbot.mouseClick(screen.csv_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "report.zip"
    qtbot.waitUntil(written.exists, timeout=10000)
    [(suggested, filters)] = asked
    assert suggested.endswith(".zip") and "*.zip" in filters
    with zipfile.ZipFile(written) as archive:
        assert all(n.endswith(".csv") for n in archive.namelist())
    assert not target.exists()


def test_the_encoding_applies_to_the_csv_only(qtbot, window, tmp_path, monkeypatch):
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="40s"))
    window.state.notify()
    window.show_widget(window.tally)
    screen = window.tally
    screen.encoding.setCurrentIndex(screen.encoding.findData("cp932"))
    book = tmp_path / "day.xlsx"
    asked = asking(monkeypatch, book)
    qtbot.mouseClick(screen.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(book) in screen.banner.text(), timeout=10000)
    [(suggested, filters)] = asked
    assert suggested.endswith("中央公民館.xlsx") and "*.xlsx" in filters
    sheet = load_workbook(io.BytesIO(book.read_bytes())).worksheets[0]
    assert sheet["C5"].value == "中央公民館"  # Unicode as it is: no Shift_JIS in a workbook
    csv = tmp_path / "day.csv"
    asking(monkeypatch, csv)
    qtbot.mouseClick(screen.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(csv) in screen.banner.text(), timeout=10000)
    assert csv.read_bytes().decode("cp932").startswith("日付,和暦,会場")


def test_the_bar_fits_a_small_laptop(qtbot, window):
    """At 1024×768 the three buttons and the encoding sit in the window, none squeezed,
    in reading order: beside the one before, or on a line below it (the bar wraps)."""
    window.resize(1024, 768)
    for screen in (window.tally, window.reports):
        window.show_widget(screen)
        qtbot.waitUntil(lambda s=screen: s.export_bar.isVisible(), timeout=5000)
        bar = screen.export_bar
        assert window.width() == 1024  # the bar did not widen the window
        before = None
        for widget in (bar.encoding, *[b for b, _ in bar.buttons]):
            place = widget.geometry().translated(bar.mapTo(window, bar.rect().topLeft()))
            assert place.left() >= 0 and place.right() < window.width(), widget
            assert widget.width() >= widget.sizeHint().width(), widget
            if before is not None:  # none over the one before
                assert place.left() > before.right() or place.top() > before.bottom(), widget
            before = place
