"""The daily tally screen: figures of the day, and exports from the screen."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest, ChildRequest


def test_figures_follow_the_door(qtbot, window):
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(
        ctx, CheckInRequest(event_id=event.id, age_band="30s", children=(ChildRequest("0"),))
    )
    window.state.notify()
    window.show_widget(window.tally)
    screen = window.tally
    assert screen.value("visits", "total") == "1"
    assert screen.value("age_band", "30s") == "1" and screen.value("age_band", "20s") == "0"
    assert screen.value("childcare", "children") == "1"
    assert "カフェ" in screen.banner.text()
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    window.state.notify()  # a check-in at the door shows here at once
    assert screen.value("visits", "total") == "2"
    screen.day.setDate(QDate(2026, 11, 1))
    assert screen.value("visits", "total") == "0" and "開催はありません" in screen.banner.text()
    screen.day.setDate(QDate(2026, 12, 1))  # the future cannot be picked
    assert screen.day.date() == QDate(2026, 11, 22)


def test_export_csv_and_pdf_from_the_screen(qtbot, window, tmp_path, monkeypatch):
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="40s"))
    window.state.notify()
    window.show_widget(window.tally)
    screen = window.tally

    csv_path = tmp_path / "day.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_path), ""))
    screen.encoding.setCurrentIndex(screen.encoding.findData("cp932"))
    qtbot.mouseClick(screen.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "保存しました" in screen.banner.text(), timeout=10000)
    text = csv_path.read_bytes().decode("cp932")
    assert text.startswith("日付,和暦,会場") and ",中央公民館,カフェ・居場所,1," in text

    pdf_path = tmp_path / "day.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf_path), ""))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(pdf_path) in screen.banner.text(), timeout=10000)
    assert screen.pdf_button.isEnabled()
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    assert "中央公民館" in reader.pages[0].extract_text()


def test_export_to_a_folder_that_cannot_be_written_says_so(qtbot, window, tmp_path, monkeypatch):
    window.show_widget(window.tally)
    screen = window.tally
    blocked = tmp_path / "a-folder"
    blocked.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocked), ""))
    qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "書き込めません" in screen.banner.text(), timeout=10000)
    assert list(blocked.iterdir()) == []


def test_a_late_visit_counts_under_the_last_hour_labelled_as_such(qtbot, window, clock):
    """A check-in at 23:39 is filed under the chart's last bar, which says 「21時〜」:
    a bare 「21」 would read as nine o'clock only."""
    ctx = window.state.ctx
    event = events.open_event(ctx, window.state.venue.id)
    clock.advance(hours=13, minutes=39)  # 10:00 → 23:39 the same evening
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    window.state.notify()
    window.show_widget(window.tally)
    bars = window.tally.hour_chart.bars
    assert bars[-1] == ("21時〜", 1)
    assert [label for label, _ in bars[:-1]] == [str(h) for h in range(8, 21)]
