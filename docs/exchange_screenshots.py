"""Screenshots of pairing and of Settings → data exchange, at a coordinator with two venue PCs.

python docs/exchange_screenshots.py

The first venue PC is paired through the dialogs, as a coordinator does it
(each dialog is captured); the second through the same service, then both
export and the coordinator imports their files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QScrollArea

from docs.screenshots import JST, LAPTOP, NOW, TODAY, save
from kiosk.core.context import AppContext
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.door import venues
from kiosk.exchange import pairing
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.ledger import set_device_name
from ui.app import AppShell, application, load_look
from ui.dialogs.pairing_dialogs import AnswerDialog, InvitationDialog, JoinDialog
from ui.door_state import DoorState
from ui.settings.exchange_card import ExchangeCard
from ui.settings.pairing_panel import PairingPanel


def wait_for(condition: object, what: str) -> None:
    for _ in range(400):
        if callable(condition) and condition():
            return
        QTest.qWait(25)
    raise SystemExit(f"timed out waiting for {what}")


def answer_files(save_to: Path | None = None, open_from: Path | None = None) -> None:
    """The file dialogs, answered as the coordinator would (the script has no one to click)."""
    if save_to is not None:
        QFileDialog.getSaveFileName = lambda *a, **k: (str(save_to), "")  # type: ignore[method-assign]
    if open_from is not None:
        QFileDialog.getOpenFileName = lambda *a, **k: (str(open_from), "")  # type: ignore[method-assign]


def grab_dialog(dialog: QDialog, name: str) -> None:
    dialog.adjustSize()
    QTest.qWait(50)
    save(dialog, name)


def venue_pc(tmp: Path, seed: int, name: str) -> tuple[AppContext, DataFolder]:
    folder = DataFolder(tmp / name)
    build_demo(folder, seed=seed, days=40, today=TODAY, tz=JST)
    pc = replace(open_database(folder=folder), clock=lambda: NOW)
    set_device_name(pc, name)
    return pc, folder


def pair_in_dialogs(window: object, panel: PairingPanel, pc: AppContext, usb: Path) -> None:
    """「会場PCを追加…」 → the venue PC types the code → 「返信ファイルを開く…」, each captured."""
    answer_files(save_to=usb / "invitation.json")
    panel.invite_button.click()
    wait_for(lambda: isinstance(panel.pairing_dialog, InvitationDialog), "the invitation")
    invitation = panel.pairing_dialog
    assert isinstance(invitation, InvitationDialog)
    grab_dialog(invitation, "pairing-invitation.png")
    code = invitation.code_label.text()
    invitation.close_button.click()

    join = JoinDialog(DoorState(pc, "ja"), usb / "invitation.json", window)  # type: ignore[arg-type]
    join.show()
    join.code_field.setText(code.lower())
    grab_dialog(join, "pairing-join-code.png")
    answer_files(save_to=usb / "answer.json")
    join.next_button.click()
    wait_for(lambda: join.pages.currentIndex() == 1, "the confirmation number")
    grab_dialog(join, "pairing-join-number.png")
    join.close_button.click()

    answer_files(open_from=usb / "answer.json")
    panel.answer_button.click()
    wait_for(lambda: isinstance(panel.pairing_dialog, AnswerDialog), "the answer")
    answer = panel.pairing_dialog
    assert isinstance(answer, AnswerDialog)
    grab_dialog(answer, "pairing-answer.png")
    answer.pair_button.click()


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        usb = tmp / "usb"
        usb.mkdir()
        coordinator = DataFolder(tmp / "coordinator")
        ctx = replace(open_database(folder=coordinator), clock=lambda: NOW)
        venues.complete_setup(ctx, "NPO法人 つながりネット", "市役所（集計）", "in_person")
        set_device_name(ctx, "コーディネーター")
        first, _ = venue_pc(tmp, 11, "中央公民館PC")
        second, _ = venue_pc(tmp, 12, "東部センターPC")

        shell = AppShell(app, ctx, "ja")
        window = shell.build_window()
        window.resize(*LAPTOP)
        window.show()
        window.show_widget(window.settings)
        [card] = window.settings.findChildren(ExchangeCard)
        pair_in_dialogs(window, card.pairing, first, usb)
        answer = pairing.join(second, *_invite(ctx, usb), usb / "answer-2.json").answer
        pairing.confirm(ctx, pairing.read_answer(ctx, answer))

        venue_card = ExchangeCard(DoorState(first, "ja"))
        venue_card.resize(1000, 620)
        venue_card.show()
        wait_for(lambda: venue_card.pairing.role_label.text() != "", "the venue PC's card")
        save(venue_card, "exchange-venue-pc.png")
        venue_card.close()

        files = [
            export_for_coordinator(pc, usb / f"{i}.tsunagari").path
            for i, pc in enumerate((first, second), start=1)
        ]
        answer_files(open_from=None)
        QFileDialog.getOpenFileNames = lambda *a, **k: ([str(f) for f in files], "")  # type: ignore[method-assign]
        card.import_button.click()
        wait_for(lambda: card.import_button.isEnabled() and "新規" in card.banner.text(), "import")
        [scroll] = window.settings.findChildren(QScrollArea)
        scroll.ensureWidgetVisible(card.pairing)
        save(window, "exchange.png")
        save(card, "exchange-card.png")
        for pc in (ctx, first, second):
            pc.close()


def _invite(ctx: AppContext, usb: Path) -> tuple[Path, str]:
    invitation = pairing.invite(ctx, usb / "invitation-2.json")
    return invitation.path, invitation.code


if __name__ == "__main__":
    main()
