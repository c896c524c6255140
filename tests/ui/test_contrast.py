"""The style sheet's text colours reach WCAG AA contrast on what they are shown on.

WCAG 2.x: contrast = (L1 + 0.05) / (L2 + 0.05) of the relative luminances;
AA asks 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). The
sheet is read rule by rule: a rule's text colour (its own, else that of the
same selector without its state, else the sheet's `*` colour) against its own
background, or, where it has none, against every surface it can sit on.
Disabled controls are exempt (WCAG 1.4.3); parts that hold no text (a
progress bar's chunk, a scroll bar's handle) are not text. Placeholders are text too. Colours set in
code on list items and charts are checked against the lists' backgrounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.core.paths import RESOURCES

UI = Path(__file__).resolve().parents[2] / "ui"
SHEET = RESOURCES / "style.qss"
NORMAL_TEXT, LARGE_TEXT = 4.5, 3.0
DEFAULT_PX = 15  # the application font (ui/app.py load_look)
PAGE, CARD = "#faf6f1", "#ffffff"
# Where a rule with no background of its own is shown, by the start of its selector.
SURFACES = {
    "#Sidebar": ("#f1e7dd",),
    "#Header": ("#ffffff",),
    'QFrame[role="counter"]': ("#fbf3ee",),
}
LIST_ROWS = ("#ffffff", "#fcf9f6", "#f6e1dc")  # a row, an alternate row, the selected row
NO_TEXT = ("::chunk", "::handle", "::drop-down", "-arrow", "::add-line", "::sub-line", "-button")
TEXT_KEYS = {"color", "background", "background-color", "selection-color", "placeholder-text-color"}
STATE = re.compile(r":(?!:)[a-z-]+")
HEX = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rgb or #rrggbb."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Pair:
    where: str
    text: str
    background: str
    large: bool

    @property
    def needed(self) -> float:
        return LARGE_TEXT if self.large else NORMAL_TEXT

    def __str__(self) -> str:
        ratio = contrast(self.text, self.background)
        return f"{self.where}: {self.text} on {self.background} = {ratio:.2f} (needs {self.needed})"


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """Selector → its declarations, every rule of the sheet (later rules add to earlier)."""
    found: dict[str, dict[str, str]] = {}
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declared = dict(
            (key.strip(), value.strip())
            for key, _, value in (d.partition(":") for d in body.split(";"))
            if value.strip()
        )
        for selector in selectors.split(","):
            found.setdefault(" ".join(selector.split()), {}).update(declared)
    return found


def pairs(sheet: str) -> list[Pair]:
    every = rules(sheet)
    default_colour = every.get("*", {}).get("color", "#000000")

    def inherited(selector: str, key: str) -> str | None:
        """The value from the selector itself, else from it without its state (:checked)."""
        for candidate in (selector, STATE.sub("", selector)):
            value = every.get(candidate, {}).get(key)
            if value is not None:
                return value
        return None

    found: list[Pair] = []
    for selector, declared in every.items():
        if selector == "*" or ":disabled" in selector or any(p in selector for p in NO_TEXT):
            continue
        if not TEXT_KEYS & declared.keys():
            continue
        text = inherited(selector, "color") or default_colour
        size = float(re.sub(r"[^0-9.]", "", inherited(selector, "font-size") or "") or DEFAULT_PX)
        bold = (inherited(selector, "font-weight") or "") == "bold"
        large = size >= 24 or (bold and size >= 18.66)
        background = inherited(selector, "background") or inherited(selector, "background-color")
        shown_on = HEX.findall(background or "")
        if not shown_on:
            start = next((s for s in SURFACES if selector.startswith(s)), None)
            shown_on = list(SURFACES[start] if start else (PAGE, CARD))
        found += [Pair(selector, text, b, large) for b in shown_on if HEX.fullmatch(text)]
        if "placeholder-text-color" in declared:
            hint = declared["placeholder-text-color"]
            found += [Pair(f"{selector} (placeholder)", hint, b, False) for b in shown_on]
        if "selection-color" in declared:
            chosen = declared.get("selection-background-color", CARD)
            found.append(Pair(f"{selector} (selected)", declared["selection-color"], chosen, False))
    return found


def code_colours() -> list[Pair]:
    """Text colours set in code: list items (setForeground) and the chart's labels."""
    found: list[Pair] = []
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for colour in re.findall(r'setForeground\([^\n]*QColor\("(#[0-9a-fA-F]{6})"\)', source):
            found += [Pair(f"{path.name} list item", colour, row, False) for row in LIST_ROWS]
        for colour in re.findall(r'^TEXT = QColor\("(#[0-9a-fA-F]{6})"\)', source, flags=re.M):
            found.append(Pair(f"{path.name} chart text", colour, CARD, False))
    return found


def test_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)


def test_the_reader_finds_a_failing_pair() -> None:
    sheet = """
    * { color: #3b342f; }
    QLabel[role="hint"] { font-size: 13px; color: #b8aca3; }
    QPushButton[role="primary"] { background: #c2665a; color: #ffffff; font-size: 18px; font-weight: bold; }
    QPushButton[role="primary"]:hover { background: #ad574c; }
    QPushButton:disabled { color: #eeeeee; }
    QLabel[role="title"] { font-size: 24px; color: #c2665a; }
    """
    failing = {
        str(p).split(":")[0] for p in pairs(sheet) if contrast(p.text, p.background) < p.needed
    }
    assert failing == {'QLabel[role="hint"]', 'QPushButton[role="primary"]'}
    hover = [p for p in pairs(sheet) if p.where.endswith(":hover")]
    assert [(p.text, p.background) for p in hover] == [("#ffffff", "#ad574c")]


def test_every_text_colour_of_the_style_sheet_reaches_wcag_aa() -> None:
    checked = pairs(SHEET.read_text(encoding="utf-8"))
    assert len(checked) > 60  # the sheet was really read
    assert [str(p) for p in checked if contrast(p.text, p.background) < p.needed] == []


def test_every_text_colour_set_in_code_reaches_wcag_aa() -> None:
    checked = code_colours()
    assert len(checked) >= 6
    assert [str(p) for p in checked if contrast(p.text, p.background) < p.needed] == []
