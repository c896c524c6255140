"""Pickup labels on paper, as the door meets them: a child tag and a parent stub drawn
through QPrinter, the print dialog, 「PDFに保存」, printing at check-in, and a clear
message when the computer has no printer.

The only thing stubbed is the file dialog (and, where a test needs "no printer",
the printer list). A print dialog is the real QPrintDialog, accepted as a user
would; its printer writes a PDF, which pypdf reads back.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from kiosk.door import label_settings
from kiosk.door.childcare import ChildInfo
from kiosk.door.pickup_label import ROLL_62, SHEET_A4_12, STOCKS, labels_for
from ui.app import load_look
from ui.dialogs import label_printing, pickup_dialog
from ui.printing.label_painter import paint_labels

CODES = ("482", "907")
POINTS_PER_MM = 72 / 25.4


def kid(code: str, band: str, number: int, note: str | None = None) -> ChildInfo:
    return ChildInfo(
        id=f"child-{code}",
        visit_id="visit-1",
        visit_number=number,
        age_band=band,
        pickup_code=code,
        care_note=note,
        checked_in_at=datetime(2026, 11, 22, 1, 5, tzinfo=UTC),
        handed_back_at=None,
        status="in_care",
    )


def codes_in(pdf: Path) -> tuple[list[str], Counter[str]]:
    """Each page's text, and how often each three-digit code appears in all of them."""
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    found: Counter[str] = Counter()
    for text in pages:
        for code in CODES:
            found[code] += text.count(code)
    return pages, found


@pytest.mark.parametrize("size", [ROLL_62, SHEET_A4_12])
def test_tag_and_stub_printed_through_qprinter_carry_the_same_code(
    qapp, tmp_path: Path, size: str
) -> None:
    load_look(qapp)  # the bundled Japanese font, as the app has it
    stock = STOCKS[size]
    children = [kid("482", "1-2", 12, note="卵アレルギー"), kid("907", "3-5", 13)]
    labels = labels_for(children, "中央公民館", date(2026, 11, 22))
    target = tmp_path / f"{size}.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    pages_drawn = paint_labels(printer, labels, stock)

    reader = PdfReader(str(target))
    pages, found = codes_in(target)
    assert found == {"482": 2, "907": 2}  # exactly twice each: the tag and the stub
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(stock.page_width * POINTS_PER_MM, abs=1)
    assert float(box.height) == pytest.approx(stock.page_height * POINTS_PER_MM, abs=1)
    if size == ROLL_62:
        assert pages_drawn == len(pages) == 4  # one label a page: tag, stub, tag, stub
        assert [p.count("482") for p in pages] == [1, 1, 0, 0]
        assert [p.count("907") for p in pages] == [0, 0, 1, 1]
    else:
        assert pages_drawn == len(pages) == 1  # two rows of a 12-label sheet
    text = "".join(pages)
    assert "No.12" in text and "No.13" in text
    assert "2026年11" in text
    assert "アレルギー" not in text  # no care note leaves on a label
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts and all(
        "IPAexGothic" in str(ref.get_object()["/BaseFont"]) for ref in fonts.values()
    )


@pytest.fixture
def no_printer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", lambda: [])


@pytest.fixture
def a_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A computer with a printer; what it prints lands in a PDF the test reads.

    The print dialog is Qt's own, accepted as a user would press 印刷.
    """
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", lambda: [QPrinterInfo()])

    def to_pdf(info: Any = None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(label_printing, "new_printer", to_pdf)
    return out


def accept_print_dialog(seen: list[str]) -> None:
    """Press 印刷 in the print dialog once it is up."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, press)
            return
        seen.append(dialog.windowTitle())
        dialog.accept()

    QTimer.singleShot(20, press)


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The file dialog answers with a path in the test's folder; records that it was asked."""
    asked: list[str] = []

    def answer(_parent: Any, _title: str, suggested: str, _filter: str, *args: Any) -> Any:
        asked.append(suggested)
        return str(tmp_path / "labels-for-the-parent"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


@pytest.fixture
def codes_dialog_clicks(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> dict[str, Any]:
    """The pickup codes dialog, shown for real after a check-in; the test says what to click."""
    plan: dict[str, Any] = {"click": [], "status": [], "codes": []}

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        plan["codes"].append([label.text() for label in dialog.code_labels])
        for name in plan["click"]:
            qtbot.mouseClick(getattr(dialog, name), Qt.MouseButton.LeftButton)
            plan["status"].append(dialog.print_status.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pickup_dialog.PickupCodesDialog, "exec", run)
    return plan


def check_in_two_children(qtbot: Any, window: Any) -> None:
    qtbot.mouseClick(window.header.event_button, Qt.MouseButton.LeftButton)
    form = window.checkin.form
    qtbot.mouseClick(form.age.button("30s"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.residence.button("resident"), Qt.MouseButton.LeftButton)
    for band in ("1-2", "3-5"):
        qtbot.mouseClick(form.child_rows.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.child_rows.rows[-1].age.button(band), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.checkin.submit_button, Qt.MouseButton.LeftButton)


def count_codes(pdf: Path, codes: list[str]) -> dict[str, int]:
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    return {code: text.count(code) for code in codes}


def test_no_printer_says_so_and_offers_the_pdf(
    qtbot, window, dialogs, no_printer, save_to, codes_dialog_clicks, tmp_path
):
    codes_dialog_clicks["click"] = ["print_button"]
    check_in_two_children(qtbot, window)
    (codes,) = codes_dialog_clicks["codes"]
    question = dialogs.questions[-1]
    assert "プリンター" in question and "PDF" in question  # said, in Japanese, with the way out
    assert not any(code in question for code in codes)
    saved = tmp_path / "labels-for-the-parent.pdf"
    assert count_codes(saved, codes) == {code: 2 for code in codes}
    assert codes_dialog_clicks["status"] == [f"ラベルを保存しました：{saved}"]
    assert "pickup-labels-" in save_to[0] and not any(code in save_to[0] for code in codes)


def test_no_printer_and_no_pdf_wanted_leaves_nothing(
    qtbot, window, dialogs, no_printer, save_to, codes_dialog_clicks, tmp_path
):
    from tests.ui.app_dialogs import Answer

    dialogs.answer = Answer.No  # 閉じる
    codes_dialog_clicks["click"] = ["print_button"]
    check_in_two_children(qtbot, window)
    assert dialogs.questions and save_to == []
    assert codes_dialog_clicks["status"] == [""]
    assert list(tmp_path.glob("*.pdf")) == []


def test_save_as_pdf_button_writes_tag_and_stub(
    qtbot, window, save_to, codes_dialog_clicks, tmp_path
):
    label_settings.set_label_size(window.state.ctx, SHEET_A4_12)
    codes_dialog_clicks["click"] = ["pdf_button"]
    check_in_two_children(qtbot, window)
    (codes,) = codes_dialog_clicks["codes"]
    saved = tmp_path / "labels-for-the-parent.pdf"
    reader = PdfReader(str(saved))
    assert len(reader.pages) == 1 and float(reader.pages[0].mediabox.width) == pytest.approx(
        595, abs=1
    )  # the A4 sheet chosen in Settings
    assert count_codes(saved, codes) == {code: 2 for code in codes}


def test_print_button_prints_through_the_print_dialog(
    qtbot, window, dialogs, a_printer, codes_dialog_clicks
):
    seen: list[str] = []
    codes_dialog_clicks["click"] = ["print_button"]
    accept_print_dialog(seen)
    check_in_two_children(qtbot, window)
    (codes,) = codes_dialog_clicks["codes"]
    assert seen == ["お迎えラベルの印刷"]
    assert count_codes(a_printer, codes) == {code: 2 for code in codes}
    assert len(PdfReader(str(a_printer)).pages) == 4  # the 62 mm roll: one label a page
    assert codes_dialog_clicks["status"][0].startswith("ラベルを")
    assert dialogs.notes == []


def test_labels_are_not_printed_at_check_in_unless_asked(
    qtbot, window, dialogs, a_printer, codes_dialog_clicks
):
    check_in_two_children(qtbot, window)
    assert codes_dialog_clicks["codes"]  # the codes are shown to the parent as before
    assert not a_printer.exists() and dialogs.notes == []


def test_printed_at_check_in_when_settings_say_so(
    qtbot, window, dialogs, a_printer, codes_dialog_clicks
):
    label_settings.set_print_at_checkin(window.state.ctx, True)
    seen: list[str] = []
    accept_print_dialog(seen)  # asked once: which printer
    check_in_two_children(qtbot, window)
    (codes,) = codes_dialog_clicks["codes"]
    assert seen == ["受付時にラベルを印刷するプリンター"]
    assert count_codes(a_printer, codes) == {code: 2 for code in codes}
    banner = window.checkin.banner.text()
    assert "受付しました" in banner and "ラベルを" in banner
    assert not any(code in banner for code in codes)


def test_print_at_check_in_without_a_printer_says_so_and_the_check_in_stands(
    qtbot, window, dialogs, no_printer, codes_dialog_clicks
):
    label_settings.set_print_at_checkin(window.state.ctx, True)
    check_in_two_children(qtbot, window)
    assert codes_dialog_clicks["codes"]  # saved, and the codes shown
    (note,) = dialogs.notes
    assert "プリンター" in note and "PDFに保存" in note
    assert window.header.in_care.value.text() == "2"


def test_a_printer_that_fails_is_a_message_not_a_traceback(
    qtbot, window, dialogs, a_printer, codes_dialog_clicks, monkeypatch
):
    def broken(*_args: Any) -> int:
        raise RuntimeError("the driver fell over")

    monkeypatch.setattr(label_printing, "paint_labels", broken)
    label_settings.set_print_at_checkin(window.state.ctx, True)
    accept_print_dialog([])
    check_in_two_children(qtbot, window)
    (note,) = dialogs.notes
    assert "印刷できませんでした" in note and "PDFに保存" in note
    assert window.header.in_care.value.text() == "2"


def test_a_sheet_used_halfway_is_filled_from_its_next_label_then_a_fresh_one(
    qtbot, window, dialogs, a_printer, codes_dialog_clicks
):
    """Labels 1-10 of the A4 sheet are gone: the first child's tag and stub take 11
    and 12, the second child's start a fresh sheet, and the next print starts at 3."""
    ctx = window.state.ctx
    label_settings.set_label_size(ctx, SHEET_A4_12)
    label_settings.set_next_place(ctx, 11)
    label_settings.set_print_at_checkin(ctx, True)
    accept_print_dialog([])
    check_in_two_children(qtbot, window)
    (codes,) = codes_dialog_clicks["codes"]
    pages = [page.extract_text() for page in PdfReader(str(a_printer)).pages]
    assert len(pages) == 2
    assert pages[0].count(codes[0]) == 2 and codes[1] not in pages[0]
    assert pages[1].count(codes[1]) == 2
    assert label_settings.label_settings(ctx).next_place == 3


def test_the_next_label_is_set_in_settings_for_a_sheet_only(qtbot, window):
    from ui.settings.label_settings_card import LabelSettingsCard

    window.show_widget(window.settings)
    card = window.settings.findChild(LabelSettingsCard)
    assert not card.place_row.isVisible()  # a roll has no places
    qtbot.mouseClick(card.size_choice.button(SHEET_A4_12), Qt.MouseButton.LeftButton)
    assert card.place_row.isVisible() and card.next_place.maximum() == 12
    card.next_place.setFocus()
    for _ in range(4):
        qtbot.keyClick(card.next_place, Qt.Key.Key_Up)
    assert label_settings.label_settings(window.state.ctx).next_place == 5
    assert "5" in card.banner.text()
