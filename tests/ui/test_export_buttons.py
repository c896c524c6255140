"""Every export button in the app, clicked through the window; only the file dialog is stubbed.

A test that calls `export_csv(path)` itself never meets what a click sends
(the questionnaire's 「CSV に出力…」 got `checked=False` as its path and
crashed). So each button here is clicked with the mouse, the save dialog
answers a path, and the file must then exist and read back: a CSV parses
with its header row, a PDF opens and holds the page's title, an exchange
file passes the coordinator's own checks.

The last test reads ui/ for every place that asks where to save a file and
fails when no case here clicks a button of that module.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from kiosk.exchange import pairing
from kiosk.exchange.seal import read_header
from kiosk.reports.city_form.fill import keep_form
from kiosk.survey import catalogue, responses
from tests.pairing_helpers import pair
from ui.dialogs.pairing_dialogs import JoinDialog
from ui.main_window import MainWindow
from ui.settings.exchange_card import ExchangeCard
from ui.settings.privacy_card import PrivacyCard

UI = Path(__file__).resolve().parents[2] / "ui"


def read_csv(path: Path, encoding: str = "utf-8-sig", table: bool = True) -> list[list[str]]:
    """The rows; with `table`, one header row and every row as wide as it."""
    return read_csv_bytes(path.read_bytes(), encoding, table)


def read_csv_bytes(data: bytes, encoding: str = "utf-8-sig", table: bool = True) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode(encoding))))
    assert rows
    if table:
        assert {len(r) for r in rows} == {len(rows[0])}, "rows as wide as the header"
    return rows


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@dataclass(frozen=True)
class ExportButton:
    """Where the button is, what the click must write, and which ui modules it exercises."""

    suffix: str
    press: Callable[[Any, MainWindow], QPushButton]  # (qtbot, window) -> the button
    check: Callable[[Path], None]
    modules: tuple[str, ...]


def survey_csv(qtbot: Any, window: MainWindow) -> QPushButton:
    ctx = window.state.ctx
    assert window.state.venue is not None
    event = events.open_event(ctx, window.state.venue.id)
    questionnaire = catalogue.active(ctx)
    responses.submit_response(ctx, event.id, questionnaire, {"overall": "satisfied"}, "ja")
    window.state.notify()
    window.show_widget(window.survey)
    return window.survey.export_button


def check_survey_csv(path: Path) -> None:
    rows = read_csv(path)
    assert rows[0] == ["質問", "回答", "件数", "回答者数", "割合（%）"]
    assert ["満足度", "満足・やや満足", "1", "1", "100.0"] in rows


def phone_cards(qtbot: Any, window: MainWindow) -> QPushButton:
    """「スマホで回答」 turned on for 127.0.0.1 (the coordinator's PIN is the screen's tests'),
    then 回答カードを保存（PDF）…."""
    import socket

    from kiosk.survey.phone.app import PhoneEvent
    from ui.dialogs.phone_survey_dialog import PhoneSurveyDialog

    ctx = window.state.ctx
    assert window.state.venue is not None
    event = events.open_event(ctx, window.state.venue.id)
    window.show_widget(window.survey)
    phone = PhoneEvent(event.id, event.date, catalogue.active(ctx))
    dialog = PhoneSurveyDialog(ctx, "ja", window.survey.phone, phone, window.survey, [])
    qtbot.addWidget(dialog)
    dialog.show()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dialog.port_box.setValue(probe.getsockname()[1])
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert window.survey.phone.address is not None
    dialog.finished.connect(window.survey.phone.turn_off)
    return dialog.cards_button


def check_phone_cards(path: Path) -> None:
    text = pdf_text(path)
    assert "http://127.0.0.1:" in text and "コード / Code" in text
    assert len(PdfReader(io.BytesIO(path.read_bytes())).pages) == 5  # 40 cards, eight a page


def a_day(window: MainWindow) -> None:
    ctx = window.state.ctx
    assert window.state.venue is not None
    event = events.open_event(ctx, window.state.venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="40s"))
    window.state.notify()


def tally(fmt: str) -> Callable[[Any, MainWindow], QPushButton]:
    def press(qtbot: Any, window: MainWindow) -> QPushButton:
        a_day(window)
        window.show_widget(window.tally)
        return {"csv": window.tally.csv_button, "xlsx": window.tally.xlsx_button}.get(
            fmt, window.tally.pdf_button
        )

    return press


def check_tally_csv(path: Path) -> None:
    rows = read_csv(path)
    assert rows[0][:3] == ["日付", "和暦", "会場"]
    assert rows[1][2:5] == ["中央公民館", "カフェ・居場所", "1"]


def reports(fmt: str) -> Callable[[Any, MainWindow], QPushButton]:
    def press(qtbot: Any, window: MainWindow) -> QPushButton:
        screen = window.reports
        window.show_widget(screen)
        screen.year.setValue(2026)
        qtbot.waitUntil(
            lambda: screen.report is not None and screen.report.period.label == "令和8年度",
            timeout=10000,
        )
        return {"csv": screen.csv_button, "xlsx": screen.xlsx_button}.get(fmt, screen.pdf_button)

    return press


def check_reports_csv(path: Path) -> None:
    """A fiscal year of one venue has two tables (KPI, months): a zip of two CSVs."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        assert names == [f"tsunagari-report-FY2026-{t}.csv" for t in ("kpi", "months")]
        for name in names:
            read_csv_bytes(archive.read(name))
        months = read_csv_bytes(archive.read(names[1]))
    assert months[0][:4] == ["区分", "項目", "単位", "4月"]


def check_tally_xlsx(path: Path) -> None:
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "日計" and sheet.freeze_panes == "E5"
    header = [c.value for c in sheet[4]]
    row = {h: c.value for h, c in zip(header, sheet[5], strict=True)}
    assert row["会場"] == "中央公民館" and row["来場：来場者数（延べ人数）"] == 1


def check_reports_xlsx(path: Path) -> None:
    book = load_workbook(path)
    assert book.sheetnames == ["目標・KPI", "月別実績"]
    assert "令和8年度（令和8年4月1日〜令和9年3月31日）" in str(book["月別実績"]["A1"].value)


def check_reports_pdf(path: Path) -> None:
    text = pdf_text(path)
    assert "令和8年度" in text and "月別の実績" in text


def audit_log_csv(qtbot: Any, window: MainWindow) -> QPushButton:
    window.show_widget(window.settings)
    [card] = window.settings.findChildren(PrivacyCard)
    qtbot.mouseClick(card.log_button, Qt.MouseButton.LeftButton)
    return card.log_dialog.export_bar.csv_button


def check_audit_log_csv(path: Path) -> None:
    rows = read_csv(path)
    assert rows[0][0] == "日時" and any("初期設定" in row for row in rows[1:])


def exchange_file(qtbot: Any, window: MainWindow) -> QPushButton:
    a_day(window)
    hub_folder = DataFolder(Path(tempfile.mkdtemp(prefix="coordinator-")))
    hub = open_database(folder=hub_folder)
    try:  # a venue PC exports only once paired with its coordinator
        pair(hub, window.state.ctx, hub_folder.root / "pairing")
    finally:
        hub.close()
    window.show_widget(window.settings)
    [card] = window.settings.findChildren(ExchangeCard)
    return card.export_button


def check_exchange_file(path: Path) -> None:
    """Sealed, signed for the coordinator: its header says so (its content is sealed)."""
    header = read_header(path)
    assert header.kind == "exchange" and len(header.recipients) == 1


def pairing_invitation(qtbot: Any, window: MainWindow) -> QPushButton:
    window.show_widget(window.settings)
    [card] = window.settings.findChildren(ExchangeCard)
    return card.pairing.invite_button


def check_pairing_file(kind: str) -> Callable[[Path], None]:
    def check(path: Path) -> None:
        assert json.loads(path.read_text(encoding="utf-8"))["format"] == kind

    return check


def pairing_answer(qtbot: Any, window: MainWindow) -> QPushButton:
    """The venue PC's 「ペアリングして返信ファイルを保存…」, with the code of a real invitation."""
    hub_folder = DataFolder(Path(tempfile.mkdtemp(prefix="coordinator-")))
    hub = open_database(folder=hub_folder)
    try:
        invitation = pairing.invite(hub, hub_folder.root / "invitation.json")
    finally:
        hub.close()
    window.show_widget(window.settings)
    dialog = JoinDialog(window.state, invitation.path, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.code_field, invitation.code)
    return dialog.next_button


def city_form(qtbot: Any, window: MainWindow) -> QPushButton:
    """The Reports screen's 「市の様式に記入…」 with a form already chosen: its Save."""
    keep_form(window.state.ctx, Path(__file__).parents[1] / "fixtures" / "city_form_year.xlsx")
    press = reports("xlsx")
    press(qtbot, window)
    qtbot.mouseClick(window.reports.form_button, Qt.MouseButton.LeftButton)
    dialog = window.reports.form_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    return dialog.save_button


def pickup_labels_pdf(qtbot: Any, window: MainWindow) -> QPushButton:
    """The pickup codes dialog's 「PDFに保存…」 after a check-in with a child."""
    from kiosk.door.checkin import ChildRequest
    from ui.dialogs import label_printing
    from ui.dialogs.pickup_dialog import PickupCodesDialog

    ctx = window.state.ctx
    assert window.state.venue is not None
    event = events.open_event(ctx, window.state.venue.id)
    request = CheckInRequest(
        event_id=event.id, age_band="30s", residence="resident", children=(ChildRequest("1-2"),)
    )
    visit = checkin.check_in(ctx, request).visit
    window.state.notify()
    dialog = PickupCodesDialog(
        visit.children,
        "ja",
        lambda kids: label_printing.print_labels(window, window.state, kids),
        window,
        lambda kids: label_printing.save_labels_pdf(window, window.state, kids),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.pdf_button is not None
    return dialog.pdf_button


def check_pickup_labels(path: Path) -> None:
    text = pdf_text(path)
    assert "No.1" in text and "2026年11" in text
    assert len(PdfReader(io.BytesIO(path.read_bytes())).pages) == 2  # tag and stub, 62 mm roll


def check_city_form(path: Path) -> None:
    sheet = load_workbook(path)["年度実績"]
    assert sheet["B4"].value == "令和8年度" and sheet["C8"].value == 0


BUTTONS = {
    "questionnaire CSV": ExportButton(
        "csv", survey_csv, check_survey_csv, ("ui.screens.survey_screen",)
    ),
    "daily tally CSV": ExportButton(
        "csv", tally("csv"), check_tally_csv, ("ui.screens.tally_screen", "ui.widgets.export_bar")
    ),
    "daily tally PDF": ExportButton(
        "pdf",
        tally("pdf"),
        lambda path: ("中央公民館" in pdf_text(path)) or pytest.fail("no venue in the PDF"),
        ("ui.screens.tally_screen", "ui.widgets.export_bar"),
    ),
    "daily tally Excel": ExportButton(
        "xlsx",
        tally("xlsx"),
        check_tally_xlsx,
        ("ui.screens.tally_screen", "ui.widgets.export_bar"),
    ),
    "reports Excel": ExportButton(
        "xlsx",
        reports("xlsx"),
        check_reports_xlsx,
        ("ui.screens.reports_screen", "ui.widgets.export_bar"),
    ),
    "reports CSV": ExportButton(
        "zip",
        reports("csv"),
        check_reports_csv,
        ("ui.screens.reports_screen", "ui.widgets.export_bar"),
    ),
    "reports PDF": ExportButton(
        "pdf",
        reports("pdf"),
        check_reports_pdf,
        ("ui.screens.reports_screen", "ui.widgets.export_bar"),
    ),
    "audit log CSV": ExportButton(
        "csv",
        audit_log_csv,
        check_audit_log_csv,
        ("ui.dialogs.audit_log_dialog", "ui.widgets.export_bar"),
    ),
    "exchange file": ExportButton(
        "tsunagari", exchange_file, check_exchange_file, ("ui.settings.exchange_card",)
    ),
    "pairing invitation": ExportButton(
        "json",
        pairing_invitation,
        check_pairing_file("tsunagari-pairing-invitation"),
        ("ui.settings.pairing_panel",),
    ),
    "city form": ExportButton(
        "xlsx",
        city_form,
        check_city_form,
        ("ui.dialogs.form_fill_dialog", "ui.screens.reports_screen"),
    ),
    "phone answer cards PDF": ExportButton(
        "pdf", phone_cards, check_phone_cards, ("ui.dialogs.phone_survey_dialog",)
    ),
    "pickup labels PDF": ExportButton(
        "pdf", pickup_labels_pdf, check_pickup_labels, ("ui.dialogs.label_printing",)
    ),
    "pairing answer": ExportButton(
        "json",
        pairing_answer,
        check_pairing_file("tsunagari-pairing-answer"),
        ("ui.dialogs.pairing_dialogs",),
    ),
}


@pytest.mark.parametrize("name", list(BUTTONS))
def test_clicking_the_export_button_writes_a_good_file(qtbot, window, tmp_path, monkeypatch, name):
    case = BUTTONS[name]
    target = tmp_path / f"out.{case.suffix}"
    asked: list[str] = []

    def save_dialog(*_args: Any, **_kw: Any) -> tuple[str, str]:
        asked.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    button = case.press(qtbot, window)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=15000)
    qtbot.waitUntil(button.isEnabled, timeout=15000)  # the background write has finished
    assert asked == [name]
    case.check(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def modules_that_save_files() -> set[str]:
    """Every ui module that asks where to save a file, itself or through an ExportBar."""
    found = set()
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            asks = isinstance(node, ast.Attribute) and node.attr == "getSaveFileName"
            bar = isinstance(node, ast.Call) and ast.unparse(node.func) == "ExportBar"
            if asks or bar:
                found.add(".".join(path.relative_to(UI.parent).with_suffix("").parts))
    return found


def test_every_module_that_saves_a_file_has_its_button_clicked_here():
    clicked = {module for case in BUTTONS.values() for module in case.modules}
    assert modules_that_save_files() - clicked == set()
    assert "ui.screens.survey_screen" in modules_that_save_files()  # the check reads what it should
