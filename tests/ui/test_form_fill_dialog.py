"""The Reports screen's 「市の様式に記入…」: pick the city's form once, preview, save.

Only the file dialogs are stubbed; every button is clicked.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.reports.city_form.fill import kept_form
from tests.conftest import JST
from ui.dialogs.form_fill_dialog import ERROR_COLOUR, FormFillDialog
from ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
YEAR_FORM = FIXTURES / "city_form_year.xlsx"


class Files:
    """What the stubbed file dialogs answer, and what they were asked."""

    def __init__(self) -> None:
        self.open_answer = ""
        self.save_answer = ""
        self.asked: list[str] = []


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    seen = Files()

    def get_open(*_args: Any, **_kw: Any) -> tuple[str, str]:
        seen.asked.append("open")
        return seen.open_answer, ""

    def get_save(*_args: Any, **_kw: Any) -> tuple[str, str]:
        seen.asked.append("save")
        return seen.save_answer, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save)
    return seen


def click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def a_visit_in_october(window: MainWindow, clock: Any) -> None:
    ctx = window.state.ctx
    assert window.state.venue is not None
    clock.now = datetime(2026, 10, 4, 10, tzinfo=JST)
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    events.close_event(ctx, event.id)
    clock.now = datetime(2026, 11, 22, 10, tzinfo=JST)


def open_dialog(qtbot: Any, window: MainWindow) -> FormFillDialog:
    screen = window.reports
    window.show_widget(screen)
    screen.year.setValue(2026)
    qtbot.waitUntil(
        lambda: screen.report is not None and screen.report.period.label == "令和8年度",
        timeout=10000,
    )
    click(qtbot, screen.form_button)
    dialog = screen.form_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def wait_for_plan(qtbot: Any, dialog: FormFillDialog) -> None:
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)


def cells(dialog: FormFillDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_pick_the_form_once_preview_and_save(qtbot, window, clock, files, tmp_path):
    a_visit_in_october(window, clock)
    original = tmp_path / "市の様式.xlsx"
    shutil.copy(YEAR_FORM, original)
    dialog = open_dialog(qtbot, window)
    assert dialog.form_label.text() == "様式はまだ選ばれていません。"
    assert not dialog.save_button.isEnabled()

    files.open_answer = str(original)
    click(qtbot, dialog.choose_button)
    wait_for_plan(qtbot, dialog)
    assert dialog.choose_button.text() == "別の様式を選ぶ…"
    rows = cells(dialog)
    assert [
        "年度実績",
        "B19",
        "{{来場者数@10月}}",
        "来場者数（延べ人数） @2026-10",
        "1 人（延べ）",
    ] in rows
    assert ["年度実績", "B4", "{{期間}}", "期間", "令和8年度"] in rows
    assert dialog.banner.text() == "53か所に記入します。"
    kept = kept_form(window.state.ctx)
    assert kept is not None and kept.read_bytes() == original.read_bytes()

    target = tmp_path / "filled.xlsx"
    files.save_answer = str(target)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10000)
    assert files.asked == ["open", "save"]
    sheet = load_workbook(target)["年度実績"]
    assert sheet["B19"].value == 1 and sheet["C8"].value == 1
    assert dialog.banner.text() == f"保存しました：{target}"

    # The copy is used the next time, though the original has gone.
    original.unlink()
    dialog.reject()
    again = open_dialog(qtbot, window)
    wait_for_plan(qtbot, again)
    assert again.form_label.text() == "様式：市の様式.xlsx"
    assert again.save_button.isEnabled()


def test_unknown_placeholders_are_shown_in_red_and_save_stays_off(qtbot, window, files, tmp_path):
    form = tmp_path / "form.xlsx"
    book = Workbook()
    book.active["A1"] = "{{来場者数}}"
    book.active["B2"] = "計 {{来場しゃ数}} 人"
    book.save(form)
    dialog = open_dialog(qtbot, window)
    files.open_answer = str(form)
    click(qtbot, dialog.choose_button)
    wait_for_plan(qtbot, dialog)
    rows = cells(dialog)
    assert rows[0] == ["Sheet", "B2", "{{来場しゃ数}}", "知らない名前です", "—"]
    assert dialog.table.item(0, 2).foreground().color().name() == ERROR_COLOUR
    assert dialog.table.item(1, 2).foreground().color().name() != ERROR_COLOUR
    assert dialog.banner.property("role") == "banner-error"
    assert "1か所" in dialog.banner.text()
    assert not dialog.save_button.isEnabled()


def test_a_file_that_is_no_form_is_refused_and_the_kept_one_stays(qtbot, window, files, tmp_path):
    dialog = open_dialog(qtbot, window)
    files.open_answer = str(YEAR_FORM)
    click(qtbot, dialog.choose_button)
    wait_for_plan(qtbot, dialog)
    bad = tmp_path / "names.xlsx"
    bad.write_text("name,visits\n", encoding="utf-8")
    files.open_answer = str(bad)
    click(qtbot, dialog.choose_button)
    assert dialog.banner.property("role") == "banner-error"
    assert "Excel ブック（.xlsx）ではありません" in dialog.banner.text()
    kept = kept_form(window.state.ctx)
    assert kept is not None and kept.name == YEAR_FORM.name
    assert dialog.save_button.isEnabled()  # the kept form's plan still stands


def test_choosing_nothing_changes_nothing(qtbot, window, files):
    dialog = open_dialog(qtbot, window)
    files.open_answer = ""
    click(qtbot, dialog.choose_button)
    assert kept_form(window.state.ctx) is None
    assert not dialog.save_button.isEnabled()
