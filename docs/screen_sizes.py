"""Screenshots of the screens at the sizes venues have, in Japanese and English.

    python docs/screen_sizes.py                       # 1366x768 and 800x1280, ja and en
    python docs/screen_sizes.py --sizes 1024x768 --screens tally reports --out /tmp/x

Offscreen, on the same demo data and fixed clock as docs/screenshots.py; the
pictures go to docs/sizes/<screen>-<lang>-<size>.png. The layout test
(tests/ui/test_layout_sizes.py) measures the same windows; these are for looking.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest

from docs.screenshots import JST, NOW, TODAY
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import app_demo_days, build_demo
from tests.ui.test_layout_sizes import show_counted
from ui.app import AppShell, Translation, application, load_look
from ui.main_window import SCREENS

OUT = Path(__file__).resolve().parent / "sizes"
DEFAULT_SIZES = ("1366x768", "800x1280")
# Every screen at the sizes asked for (1366×768 and 800×1280 by default).
DEFAULT_SCREENS = SCREENS  # every screen, as issue 17 asks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--screens", nargs="+", default=list(DEFAULT_SCREENS), choices=SCREENS)
    parser.add_argument("--languages", nargs="+", default=["ja", "en"])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes]
    args.out.mkdir(parents=True, exist_ok=True)

    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    app = application()
    load_look(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp))
        build_demo(folder, seed=7, days=app_demo_days(TODAY), today=TODAY, tz=JST)
        ctx = replace(open_database(folder=folder), clock=lambda: NOW)
        for lang in args.languages:
            translation = Translation(app)
            shell = AppShell(app, ctx, lang, translation)
            window = shell.build_window()
            window.resize(1366, 768)
            window.show()
            for name in args.screens:
                show_counted(window, name)
                for width, height in sizes:
                    window.resize(width, height)
                    QTest.qWait(120)  # let delayed layouts settle, as on screen
                    target = args.out / f"{name}-{lang}-{width}x{height}.png"
                    window.grab().save(str(target))
                    print("wrote", target)
            window.close_without_asking()
            translation.release()


if __name__ == "__main__":
    main()
