"""Screenshot of Settings → data exchange at a coordinator who imported two venue PCs' files.

python docs/exchange_screenshots.py
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

from docs.screenshots import JST, LAPTOP, NOW, TODAY, save
from kiosk.database import open_database
from kiosk.demo import build_demo
from kiosk.exchange_export import export_for_coordinator
from kiosk.exchange_ledger import set_device_name
from kiosk.paths import DataFolder
from ui.app import AppShell, application, load_look
from ui.exchange_card import ExchangeCard


def main() -> None:
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for seed, name in ((11, "中央公民館PC"), (12, "東部センターPC")):
            folder = DataFolder(Path(tmp) / name)
            build_demo(folder, seed=seed, days=40, today=TODAY, tz=JST)
            pc = replace(open_database(folder=folder), clock=lambda: NOW)
            set_device_name(pc, name)
            files.append(export_for_coordinator(pc, Path(tmp) / "usb" / f"{seed}.zip").path)
            pc.sessions.kw["bind"].dispose()
        coordinator = DataFolder(Path(tmp) / "coordinator")
        ctx = replace(open_database(folder=coordinator), clock=lambda: NOW)
        from kiosk import venues

        venues.complete_setup(ctx, "NPO法人 つながりネット", "市役所（集計）", "in_person")
        set_device_name(ctx, "コーディネーター")
        shell = AppShell(app, ctx, "ja")
        window = shell.build_window()
        window.resize(*LAPTOP)
        window.show()
        window.show_widget(window.settings)
        [card] = window.settings.findChildren(ExchangeCard)
        from PySide6.QtWidgets import QFileDialog

        QFileDialog.getOpenFileNames = lambda *a, **k: ([str(f) for f in files], "")  # type: ignore[method-assign]
        card.import_button.click()
        for _ in range(200):
            QTest.qWait(50)
            if card.import_button.isEnabled():
                break
        from PySide6.QtWidgets import QScrollArea

        [scroll] = window.settings.findChildren(QScrollArea)
        scroll.ensureWidgetVisible(card)
        save(window, "exchange.png")
        save(card, "exchange-card.png")


if __name__ == "__main__":
    main()
