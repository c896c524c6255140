"""The A4 sheet of answer cards: a QR code and a typed code on each, and nothing else.

Eight cards a page, cut along the dashed lines. A card carries no number and
the cards come in random order (codes.make_codes), so which card went to
whom cannot be told from the sheet or the database. The words are printed
in Japanese and English; the page itself then offers every language.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kiosk.core import translations
from kiosk.core.atomic_file import write_atomically
from kiosk.core.pdf_font import japanese_font
from kiosk.survey.phone import codes, qr
from kiosk.survey.phone.server import Address

COLUMNS, ROWS = 2, 4
MARGIN = 12 * mm
QR_SIZE = 36 * mm
LANGS = ("ja", "en")


def cards_pdf(address: Address, card_codes: Sequence[str]) -> bytes:
    font = japanese_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(translations.text("survey.cards.title", "ja"))
    canvas.setCreator("Tsunagari")
    width, height = A4
    card_w = (width - 2 * MARGIN) / COLUMNS
    card_h = (height - 2 * MARGIN) / ROWS
    per_page = COLUMNS * ROWS
    for start in range(0, len(card_codes), per_page):
        if start:
            canvas.showPage()
        _cut_lines(canvas, width, height, card_w, card_h)
        for slot, code in enumerate(card_codes[start : start + per_page]):
            column, row = slot % COLUMNS, slot // COLUMNS
            x = MARGIN + column * card_w
            y = height - MARGIN - (row + 1) * card_h
            _card(canvas, font, address, code, x, y, card_w, card_h)
    canvas.save()
    return out.getvalue()


def _cut_lines(canvas: Canvas, width: float, height: float, card_w: float, card_h: float) -> None:
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.6)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * card_w
        canvas.line(x, MARGIN, x, height - MARGIN)
    for row in range(ROWS + 1):
        y = MARGIN + row * card_h
        canvas.line(MARGIN, y, width - MARGIN, y)
    canvas.restoreState()


def _card(
    canvas: Canvas,
    font: str,
    address: Address,
    code: str,
    x: float,
    y: float,
    w: float,
    h: float,
) -> None:
    pad = 5 * mm
    matrix = qr.modules(address.card_url(code))
    cell = QR_SIZE / len(matrix)
    top = y + h - pad - 9 * mm
    canvas.setFillGray(0)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + pad + c * cell, top - (r + 1) * cell, cell, cell, stroke=0, fill=1)
    canvas.setFont(font, 13)
    title = " / ".join(translations.text("survey.cards.title", lang) for lang in LANGS)
    canvas.drawString(x + pad, y + h - pad - 5 * mm, title)
    text_x = x + pad + QR_SIZE + 4 * mm
    text_w = x + w - pad - text_x
    line_y = top - 3 * mm
    canvas.setFont(font, 7.5)
    for key in ("survey.cards.scan", "survey.cards.or_open"):
        for lang in LANGS:
            for line in _wrap(translations.text(key, lang), font, 7.5, text_w):
                canvas.drawString(text_x, line_y, line)
                line_y -= 9.5
            line_y -= 2
    canvas.setFont(font, 7.5)  # the app's own font, embedded: any PC prints it the same
    canvas.drawString(text_x, line_y - 2, address.base)
    label = " / ".join(translations.text("survey.cards.code", lang) for lang in LANGS) + ":"
    canvas.setFont(font, 8)
    canvas.drawString(x + pad, y + pad + 1 * mm, label)
    typed = canvas.beginText(x + pad + stringWidth(label, font, 8) + 3 * mm, y + pad)
    typed.setFont(font, 18)
    typed.setCharSpace(1.5)  # letters a little apart, easy to copy onto a phone
    typed.textOut(codes.shown(code))
    typed.setCharSpace(0)  # the spacing would otherwise carry on to the next card's text
    canvas.drawText(typed)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines that fit `width`: between words, or between any characters in Japanese."""
    lines: list[str] = []
    current = ""
    spaced = " " in text
    for piece in text.split(" ") if spaced else list(text):
        trial = f"{current} {piece}" if spaced and current else current + piece
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = piece
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def write_cards(ctx_codes: Sequence[str], address: Address, path: Path) -> Path:
    """The sheet written whole or not at all (kiosk/core/atomic_file)."""
    return write_atomically(Path(path), cards_pdf(address, ctx_codes), "export_write_failed")
