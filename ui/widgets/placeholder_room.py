"""Line edits whose example text (placeholder) must be read in full.

A placeholder is the only hint some fields have ("例：〇〇市長 〇〇 〇〇…"); cut
off, it hides half of what to type. The field is made at least as wide as the
text, so the layout gives it that room or the screen reflows (Settings goes to
one column) rather than cutting it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

INNER_MARGIN = 2 * 2 + 2  # px: QLineEdit's own 2 px each side, and one for rounding


def fit_placeholder(edit: QLineEdit) -> None:
    """Never narrower than its placeholder (call again after changing the text)."""
    edit.ensurePolished()
    width = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    if not width:
        edit.setMinimumWidth(0)
        return
    # What the frame and the style sheet's padding take, measured on a wide test box.
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    option.rect = QRect(0, 0, 1000, max(edit.height(), 40))
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    frame = 1000 - contents.width() + margins.left() + margins.right()
    edit.setMinimumWidth(width + frame + INNER_MARGIN)
