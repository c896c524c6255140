"""「スマホで回答」 in the window: behind the coordinator PIN, on one chosen address, off again;
answer cards saved as a PDF; and the kiosk's thank-you page offers a fresh card's QR."""

from __future__ import annotations

import http.client
import socket
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kiosk.care import pin
from kiosk.survey import catalogue
from kiosk.survey.phone import codes
from kiosk.survey.phone.app import PhoneEvent
from ui.settings.privacy_card import PinCheckDialog
from ui.survey_kiosk.kiosk_window import KioskTiming
from ui.survey_kiosk.phone_card_qr import PhoneCardQr

PIN = "2468"
SLOW = KioskTiming(idle_ms=60_000, countdown_ticks=15, tick_ms=1000, thanks_ms=60_000)


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def status(port: int) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/")
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.fixture
def pin_typed(monkeypatch):
    """The PIN dialog 'types' what the test puts in the list, on its own keypad."""
    typed: list[str] = []

    def fake_exec(self: PinCheckDialog) -> int:
        if typed:
            self.keypad.press(typed.pop(0))
            self.try_pin()
        return self.result() if self.result() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PinCheckDialog, "exec", fake_exec)
    return typed


@pytest.fixture
def screen(event, window, ctx):
    pin.set_pin(ctx, PIN, PIN)
    window.state.reload()
    window.show_widget(window.survey)
    yield window.survey
    window.survey.phone.turn_off()


def test_the_coordinator_turns_it_on_and_off_behind_the_pin(qtbot, screen, pin_typed):
    pin_typed.append("1111")
    click(qtbot, screen.phone_button)
    assert screen.phone_dialog is None  # a wrong PIN: nothing opens

    pin_typed.append(PIN)
    click(qtbot, screen.phone_button)
    dialog = screen.phone_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.address_box.setCurrentIndex(dialog.address_box.findData("127.0.0.1"))
    port = free_port()
    dialog.port_box.setValue(port)
    assert not dialog.cards_button.isEnabled()
    click(qtbot, dialog.toggle_button)
    assert f"http://127.0.0.1:{port}" in dialog.status_label.text()
    assert not dialog.qr_label.pixmap().isNull()
    assert status(port) == 200
    dialog.accept()
    assert f"http://127.0.0.1:{port}" in screen.phone_status.text()

    pin_typed.append(PIN)
    click(qtbot, screen.phone_button)
    click(qtbot, screen.phone_dialog.toggle_button)
    assert screen.phone.address is None
    with pytest.raises(OSError):
        status(port)


def test_cards_are_saved_as_a_pdf_for_the_address_on(
    qtbot, screen, pin_typed, ctx, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "cards.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    pin_typed.append(PIN)
    click(qtbot, screen.phone_button)
    dialog = screen.phone_dialog
    dialog.address_box.setCurrentIndex(dialog.address_box.findData("127.0.0.1"))
    dialog.port_box.setValue(free_port())
    click(qtbot, dialog.toggle_button)
    dialog.count_box.setValue(8)
    click(qtbot, dialog.cards_button)
    assert target.read_bytes().startswith(b"%PDF")
    assert codes.open_count(ctx) == 8
    assert "8" in dialog.banner.text()


def test_the_kiosk_thanks_with_a_fresh_card_while_it_is_on(qtbot, screen, ctx, event):
    screen.phone.turn_on(
        PhoneEvent(event.id, event.date, catalogue.active(ctx)), "127.0.0.1", free_port()
    )
    screen.timing = SLOW
    assert screen.start_kiosk()
    kiosk = screen.kiosk
    try:
        kiosk.begin("en")
        kiosk.draft = {"overall": "satisfied"}
        kiosk.index = len(kiosk.pages) - 1
        kiosk.send()
        qr = kiosk.thanks_page.findChild(PhoneCardQr)
        assert qr is not None and not qr.image.pixmap().isNull()
        assert "scan this code" in qr.caption.text()
        code = codes.normalise(qr.url.rsplit("/", 1)[1])
        assert code is not None and codes.is_open(ctx, code)
        # Off: the next thank-you page has no card.
        screen.phone.turn_off()
        kiosk.reset()
        kiosk.begin("en")
        kiosk.draft = {"overall": "satisfied"}
        kiosk.index = len(kiosk.pages) - 1
        kiosk.send()
        assert kiosk.thanks_page.findChild(PhoneCardQr) is None
    finally:
        if shiboken6.isValid(kiosk):
            kiosk.idle.stop()
            kiosk._unlocked = True
            kiosk.close()
            kiosk.deleteLater()
