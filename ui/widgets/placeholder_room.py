"""Line edits whose example text (placeholder) must be read in full.

A placeholder is the only hint some fields have ("例：〇〇市長 〇〇 〇〇…"); cut
off, it hides half of what to type. The field is made at least as wide as the
text, so the layout gives it that room or the screen reflows (Settings goes to
one column) rather than cutting it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

FRAME_AND_PADDING = 28  # px: the style sheet's padding, the frame and the cursor's room


def fit_placeholder(edit: QLineEdit) -> None:
    """Never narrower than its placeholder (call again after changing the text)."""
    edit.ensurePolished()
    width = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    edit.setMinimumWidth(width + FRAME_AND_PADDING if width else 0)
