"""Japanese messages wrap by 禁則 in the app's banners: no line starts with 」、。）
and the like, none ends with 「（, at any width a banner can have.

Qt's line breaking (Unicode UAX #14) already keeps these rules; this test
holds it to them for every error message the app can show, in the banner's
own font, so that whatever prepares banner text for wrapping later (phrase
marks, joiners) cannot break them. Marks that take no room (U+200B, U+2060)
are left out when a line's first and last characters are read.
"""

from __future__ import annotations

import ctypes
import json
import sys
from itertools import pairwise
from typing import Any

from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core.paths import RESOURCES
from kiosk.reports.render.pdf_pages import NO_LINE_END, NO_LINE_START
from ui.app import load_look
from ui.widgets.error_display import new_banner, set_banner

# PySide6 6.12 on Python 3.11 takes a reference from None at every call of a
# method that returns nothing (QTextLine.setLineWidth, QTextLayout.endLayout, …:
# `for _ in range(20000): label.setText("x")` ends in "Fatal Python error:
# none_dealloc"). Python 3.12 and later keep None forever. These tests make tens
# of thousands of such calls, so they first give None as many references, for good.
if sys.version_info < (3, 12):
    for _ in range(300_000):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
# A straight quote opens as often as it closes: no rule for it.
NO_START = "".join(c for c in NO_LINE_START if c not in "\"'")
NO_END = "".join(c for c in NO_LINE_END if c not in "\"'")
MARKS = "\u200b\u2060"  # a break allowed, a break forbidden: neither is seen
WIDTHS = range(150, 900, 11)  # px: a banner beside a form at 800 px up to a wide one


def wrapped_lines(text: str, font: QFont, width: int) -> list[str]:
    """`text` as Qt lays it out in lines `width` px wide."""
    layout = QTextLayout(text, font)
    lines: list[str] = []
    layout.beginLayout()
    end = 0
    while end < len(text):  # never ask past the end: PySide 6.12 then frees None
        line = layout.createLine()
        line.setLineWidth(width)
        start, end = line.textStart(), line.textStart() + line.textLength()
        if end <= start:
            break
        lines.append(text[start:end])
    layout.endLayout()
    return lines


def kinsoku_faults(text: str, font: QFont, widths: range = WIDTHS) -> list[str]:
    """Each place, at each width, where a line starts or ends against 禁則."""
    faults: list[str] = []
    for width in widths:
        lines = [
            line.strip(MARKS + " ").replace("\u200b", "")
            for line in wrapped_lines(text, font, width)
        ]
        for before, after in pairwise(lines):
            if after[:1] in NO_START:
                faults.append(
                    f"{width}px: a line starts with {after[:1]}: …{before[-4:]}／{after[:4]}…"
                )
            if before[-1:] in NO_END:
                faults.append(
                    f"{width}px: a line ends with {before[-1:]}: …{before[-4:]}／{after[:4]}…"
                )
    return faults


def banner_font(qapp: QApplication, kind: str) -> QFont:
    load_look(qapp)
    label: QLabel = new_banner(None)  # type: ignore[arg-type]
    set_banner(label, "…", kind)
    label.ensurePolished()
    font = label.font()
    label.deleteLater()
    return font


def test_the_check_finds_a_line_that_starts_with_a_full_stop(qapp: QApplication) -> None:
    font = banner_font(qapp, "error")
    # A zero-width space before 。 invites a break there: the check must see it.
    forced = "保存しました" * 6 + "\u200b。"
    assert any("starts with 。" in fault for fault in kinsoku_faults(forced, font))


def test_every_error_message_wraps_by_kinsoku_in_a_banner(qapp: QApplication) -> None:
    messages: dict[str, Any] = json.loads(
        (RESOURCES / "locales" / "ja.json").read_text(encoding="utf-8")
    )
    texts = [v for k, v in messages.items() if k.startswith("error.") and isinstance(v, str)]
    assert len(texts) > 100
    font = banner_font(qapp, "error")
    faults = {text[:20]: kinsoku_faults(text, font) for text in texts}
    assert {start: found[:3] for start, found in faults.items() if found} == {}
