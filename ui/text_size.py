"""Ctrl+plus, Ctrl+minus and Ctrl+0: larger, smaller and normal text, remembered.

The style sheet gives most texts their size in pixels (font-size: 15px), so
scaling the application font alone would change little. The sheet the app
was given is kept as it is, and a copy with every font-size scaled is put in
its place; the application font (for widgets the sheet gives no size) is
scaled with it. The size is this computer's (kiosk/core/text_size.py) and is
put back when the window is built again: at the next start or a language change.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core import text_size
from kiosk.core.context import AppContext

FONT_SIZE = re.compile(r"(font-size\s*:\s*)(\d+(?:\.\d+)?)px")
# Ends a sheet scaled here; the sheet without it is the one the app was given.
MARK = "\n/* text size {percent}% */\n"
MARKED = re.compile(r"\n/\* text size (\d+)% \*/\n$")
BASE_SHEET = "tsunagari_base_style_sheet"  # application properties: the sheet and the
BASE_FONT = "tsunagari_base_font_px"  # font size as given, before any scaling
LARGER = ("Ctrl++", "Ctrl+=")  # "=" is where "+" is on a US keyboard, without Shift
SMALLER = ("Ctrl+-",)
NORMAL = ("Ctrl+0",)


def scaled_sheet(sheet: str, percent: int) -> str:
    """`sheet` with every font-size in px scaled to `percent` (whole pixels)."""
    if percent == text_size.NORMAL:
        return sheet

    def scale(match: re.Match[str]) -> str:
        size = round(float(match.group(2)) * percent / 100)
        return f"{match.group(1)}{max(size, 1)}px"

    return FONT_SIZE.sub(scale, sheet) + MARK.format(percent=percent)


def shown_size(app: QApplication) -> int:
    """The percent the application's text is shown at now."""
    marked = MARKED.search(app.styleSheet())
    return int(marked.group(1)) if marked else text_size.NORMAL


def scaled_px(px: int) -> int:
    """`px` at the text size shown now: for what a widget paints or sizes itself
    (a chart's labels, a table's rows), which the style sheet cannot scale."""
    app = QApplication.instance()
    percent = shown_size(app) if isinstance(app, QApplication) else text_size.NORMAL
    return max(1, round(px * percent / 100))


def apply_text_size(app: QApplication, percent: int) -> None:
    """Show the application's text at `percent` of the size it was given."""
    current = app.styleSheet()
    if MARKED.search(current) is None:  # as given (by ui/app.load_look): remember it
        app.setProperty(BASE_SHEET, current)
        app.setProperty(BASE_FONT, app.font().pixelSize())
    if shown_size(app) == percent:
        return  # re-setting a sheet re-polishes every widget: slow
    base_px = int(app.property(BASE_FONT) or -1)
    if base_px > 0:
        font = QFont(app.font())
        font.setPixelSize(max(1, round(base_px * percent / 100)))
        app.setFont(font)
    app.setStyleSheet(scaled_sheet(str(app.property(BASE_SHEET) or ""), percent))


class TextSize(QObject):
    """The shortcuts on one window, and this computer's size put in place."""

    changed = Signal(int)  # the new percent

    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.ctx = ctx
        for keys, steps in ((LARGER, 1), (SMALLER, -1)):
            for key in keys:
                QShortcut(QKeySequence(key), window, lambda s=steps: self.step(s))
        for key in NORMAL:
            QShortcut(QKeySequence(key), window, self.normal)
        self.show(text_size.text_size(ctx))

    def percent(self) -> int:
        return shown_size(application())

    def step(self, steps: int) -> None:
        self.show(text_size.step(self.percent(), steps), keep=True)

    def normal(self) -> None:
        self.show(text_size.NORMAL, keep=True)

    def show(self, percent: int, keep: bool = False) -> None:
        if keep:
            percent = text_size.set_text_size(self.ctx, percent)
        if percent != self.percent():
            apply_text_size(application(), percent)
            self.changed.emit(percent)


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def install_text_size(window: QWidget, ctx: AppContext) -> TextSize:
    """Ctrl+plus / minus / 0 on `window`; this computer's size shown at once."""
    return TextSize(window, ctx)
