"""Draw pickup labels with QPainter on a QPrinter: a label printer, an A4 sheet, or a PDF.

The words and the places come from kiosk.door.pickup_label; this module only
turns millimetres into the printer's dots and draws. Text stays text (the
bundled IPAexGothic, embedded by Qt), so a PDF of the labels can be searched
and a test can read the codes back.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from kiosk.door.pickup_label import TAG, LabelStock, LabelText, fit_lines, placements

FONT_FAMILY = "IPAexGothic"  # loaded by ui.app.load_look from resources/fonts
PADDING_MM = 2.5


class LabelPrintError(Exception):
    """The printer would not start a page (off, unplugged, refused the job)."""


def page_layout(stock: LabelStock) -> QPageLayout:
    """The stock's page with no margins: the labels carry their own."""
    if stock.page_width == 210.0 and stock.page_height == 297.0:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        size = QPageSize(
            QSizeF(stock.page_width, stock.page_height),
            QPageSize.Unit.Millimeter,
            f"{stock.page_width:g} x {stock.page_height:g} mm",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    # Portrait keeps the size as given: a 62 × 40 mm roll label is 62 mm across.
    portrait = QPageLayout.Orientation.Portrait
    return QPageLayout(size, portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def prepare(printer: QPrinter, stock: LabelStock) -> None:
    """Set the page before a print dialog shows it, so the user sees the right paper."""
    printer.setFullPage(True)  # coordinates from the paper's corner, not the printable area
    printer.setPageLayout(page_layout(stock))
    printer.setDocName("Tsunagari")


def paint_labels(
    printer: QPrinter, labels: Sequence[LabelText], stock: LabelStock, skip: int = 0
) -> int:
    """Draw every label at its place, page after page, leaving the first `skip` places
    of a sheet blank (already used); returns the number of pages."""
    prepare(printer, stock)
    painter = QPainter()
    if not painter.begin(printer):
        raise LabelPrintError(printer.printerName())
    try:
        dots = printer.resolution() / 25.4
        page = 0
        for label, place in zip(labels, placements(stock, len(labels), skip), strict=True):
            if place.page != page:
                if not printer.newPage():
                    raise LabelPrintError(printer.printerName())
                page = place.page
            box = QRectF(
                place.x * dots,
                place.y * dots,
                stock.label_width * dots,
                stock.label_height * dots,
            )
            _draw(painter, printer, label, box, dots)
    finally:
        painter.end()
    return page + 1


def labels_pdf(labels: Sequence[LabelText], stock: LabelStock, skip: int = 0) -> bytes:
    """The labels as a PDF, drawn exactly as a printer gets them (QPrinter, PdfFormat).

    Drawn into a private temporary file and returned as bytes, so the caller
    writes the chosen file atomically: nobody ever sees half a PDF.
    """
    with tempfile.TemporaryDirectory(prefix="tsunagari-labels-") as folder:
        out = Path(folder) / "labels.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setCreator("Tsunagari")
        paint_labels(printer, labels, stock, skip)
        return out.read_bytes()


def _font(points: float, dots: float) -> QFont:
    """The bundled font at `points`, sized in the printer's own dots (`dots` a mm).

    In dots, not points: a text outline (QPainterPath.addText) would otherwise be
    sized for the screen. Never Qt's synthetic bold, which a PDF holds as the same
    text twice (a reader would find every code twice over).
    """
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(points * 25.4 / 72 * dots)))
    return font


def _bold_centred(painter: QPainter, room: QRectF, text: str, font: QFont, weight: float) -> None:
    """Text centred in `room`, made bold by stroking its outline: still one text in the PDF."""
    metrics = QFontMetricsF(font, painter.device())
    x = room.center().x() - metrics.horizontalAdvance(text) / 2
    baseline = room.center().y() + (metrics.ascent() - metrics.descent()) / 2
    painter.setFont(font)
    painter.drawText(QPointF(x, baseline), text)
    outline = QPainterPath()
    outline.addText(QPointF(x, baseline), font, text)
    painter.strokePath(outline, QPen(QColor("black"), weight))


def _draw(painter: QPainter, printer: QPrinter, label: LabelText, box: QRectF, dots: float) -> None:
    pad = PADDING_MM * dots
    inner = box.adjusted(pad, pad, -pad, -pad)
    width = inner.width()
    black = QColor("black")

    def measure(text: str, size: float) -> float:
        return QFontMetricsF(_font(size, dots), printer).horizontalAdvance(text)

    def line(text: str, size: float, top: float) -> float:
        """One centred line from `top`; returns where the next line starts."""
        font = _font(size, dots)
        metrics = QFontMetricsF(font, printer)
        painter.setFont(font)
        rect = QRectF(inner.left(), top, width, metrics.height())
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        return top + metrics.height()

    # The heading: the tag's in a black band, so staff tell tag and stub apart at a glance.
    head_size, head = fit_lines(label.heading, measure, width, 8.5, 6, 1)
    head_height = QFontMetricsF(_font(head_size, dots), printer).height()
    if label.kind == TAG:
        band = QRectF(box.left(), box.top(), box.width(), pad + head_height + 0.6 * dots)
        painter.fillRect(band, black)
        painter.setPen(QColor("white"))
    else:
        painter.setPen(black)
    y = line(head[0], head_size, inner.top())
    painter.setPen(black)

    # From the bottom up: footer, date, venue (shrunk, else two lines), then the detail.
    bottom = inner.bottom()
    foot_size, foot = fit_lines(label.footer, measure, width, 6.5, 4.5, 1)
    bottom -= QFontMetricsF(_font(foot_size, dots), printer).height()
    line(foot[0], foot_size, bottom)
    day_height = QFontMetricsF(_font(7.5, dots), printer).height()
    bottom -= day_height
    line(label.day, 7.5, bottom)
    venue_size, venue = fit_lines(label.venue, measure, width, 7.5, 5.5, 2)
    venue_height = QFontMetricsF(_font(venue_size, dots), printer).height()
    bottom -= venue_height * len(venue)
    top = bottom
    for text in venue:
        top = line(text, venue_size, top)
    detail_size, detail = fit_lines(label.detail, measure, width, 9, 6.5, 1)
    detail_height = QFontMetricsF(_font(detail_size, dots), printer).height()
    bottom -= detail_height
    _bold_centred(
        painter,
        QRectF(inner.left(), bottom, width, detail_height),
        detail[0],
        _font(detail_size, dots),
        0.08 * dots,
    )
    rule = bottom - 0.8 * dots
    painter.setPen(QPen(black, 0.25 * dots))
    painter.drawLine(
        int(inner.left() + 4 * dots), int(rule), int(inner.right() - 4 * dots), int(rule)
    )

    # The code fills what is left between the heading and the rule, as large as it fits.
    room = QRectF(inner.left(), y, width, rule - y - 0.5 * dots)
    size = 44.0
    while size > 12:
        font = _font(size, dots)
        metrics = QFontMetricsF(font, printer)
        if (
            metrics.horizontalAdvance(label.code) <= width
            and metrics.tightBoundingRect(label.code).height() <= room.height() * 0.92
        ):
            break
        size -= 1
    painter.setPen(black)
    _bold_centred(painter, room, label.code, _font(size, dots), size / 30 * dots * 25.4 / 72)
