"""The kiosk's type sizes at the text size chosen in Settings (標準 / 大 / 特大).

resources/style.qss draws the kiosk (colours, borders, radii); this sheet,
set on the kiosk window itself, only sizes it, and a widget's own sheet wins
over the application's where both set a property. The answer buttons get a
minimum just above one line of their text and a maximum, not a fixed height
with big paddings, so the page can give every answer of a question room on
the screen it has (ui/survey_kiosk/survey_pages.py).
"""

from __future__ import annotations

SCALES = {"standard": 1.0, "large": 1.25, "extra_large": 1.5}

# role: base font size in px at the standard size (style.qss's sizes)
LABELS = {
    "survey-title": 36,
    "survey-intro": 21,
    "survey-intro-other": 17,
    "survey-progress": 18,
    "survey-question": 30,
    "survey-hint": 18,
    "survey-instruction": 18,
    "survey-error": 20,
    "survey-countdown": 64,
    "survey-thanks": 44,
    "survey-counter": 17,
    "survey-counter-over": 17,
}
OPTION = 23
NAV = 23  # 次へ, 戻る, 送信する and the start buttons
TEXT = 23
TOUCH = 48  # the smallest answer a finger hits reliably


def scale_of(size: str) -> float:
    return SCALES.get(size, 1.0)


def px(base: int, scale: float) -> int:
    return round(base * scale)


def line_px(font_px: int) -> int:
    """The height of one line of CJK text at `font_px` (Noto Sans CJK: about 1.45 em)."""
    return round(font_px * 1.45)


def kiosk_sheet(size: str) -> str:
    scale = scale_of(size)
    rules = [
        f'QLabel[role="{role}"] {{ font-size: {px(base, scale)}px; }}'
        for role, base in LABELS.items()
    ]
    option = px(OPTION, scale)
    nav = px(NAV, scale)
    rules += [
        'QPushButton[role="survey-option"] {'
        f" font-size: {option}px; min-height: {max(TOUCH, line_px(option) + 6)}px;"
        f" max-height: {line_px(option) + 40}px; padding: 0 {px(18, scale)}px; }}",
        'QPushButton[role="survey-start"], QPushButton[role="survey-next"],'
        ' QPushButton[role="survey-back"] {'
        f" font-size: {nav}px; min-height: {max(64, line_px(nav) + 18)}px;"
        f" padding: 0 {px(20, scale)}px; }}",
        f'QPlainTextEdit[role="survey-text"] {{ font-size: {px(TEXT, scale)}px; }}',
    ]
    return "\n".join(rules)
