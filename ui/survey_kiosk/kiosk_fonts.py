"""The kiosk's type sizes at the text size chosen in Settings (標準 / 大 / 特大).

resources/style.qss draws the kiosk (colours, borders, radii); this sheet,
set on the kiosk window itself, only sizes it, and a widget's own sheet wins
over the application's where both set a property. The answer buttons get a
minimum just above one line of their text and a maximum, not a fixed height
with big paddings, so the page can give every answer of a question room on
the screen it has (ui/survey_kiosk/survey_pages.py).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

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
LANGUAGE = 26  # her language's name on the first page
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
        f'QPushButton[role="survey-language"] {{ font-size: {px(LANGUAGE, scale)}px;'
        f" min-height: {max(80, line_px(px(LANGUAGE, scale)) + 30)}px;"
        f" padding: 0 {px(16, scale)}px; }}",
    ]
    return "\n".join(rules)


# -- fonts for the scripts the bundled font lacks ----------------------------------------------

# The bundled IPAexGothic (resources/fonts) has kana, kanji and Latin, but no
# Hangul, not the simplified hanzi of 简体中文, and not Vietnamese letters with
# two marks (ế, ộ). Qt would borrow each missing glyph from some system font,
# letter by letter, mixing designs within a word; so a page in one of these
# languages asks first for a font made for it, the first one this machine has
# (Linux: Debian's fonts-noto-cjk and DejaVu; Windows and macOS ship the
# others), and keeps IPAexGothic and the system's fallback behind it. A language
# not named here still shows, through that fallback.
FAMILIES: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"),
    "zh-Hant": ("Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", "PingFang TC"),
    "ko": ("Noto Sans CJK KR", "Source Han Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"),
    "vi": ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"),
    "ne": ("Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari"),
}


def families_for(lang: str) -> tuple[str, ...]:
    """The fonts a page in `lang` asks for first: its own entry, else its base language's."""
    return FAMILIES.get(lang) or FAMILIES.get(lang.split("-")[0], ())


def respondent_font(lang: str, font: QFont) -> QFont:
    """`font` with the families made for `lang` in front of its own (for a page or a button)."""
    wanted = [family for family in families_for(lang) if QFontDatabase.hasFamily(family)]
    if not wanted:
        return font
    chosen = QFont(font)
    chosen.setFamilies([*wanted, *font.families()])
    return chosen
