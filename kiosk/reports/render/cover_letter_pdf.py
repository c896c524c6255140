"""The cover letter (送付状・実績報告書の鑑): the first page of a month or fiscal-year report.

Laid out as Japanese grant reports are: the date of submission in the era at the
top right, the addressee with 様 at the left, the applicant at the right (所在地,
団体名, 代表者の職・氏名 and a 印 circle), the centred title, the sentence that
refers to the grant decision, then 記 and the numbered items (事業名, 実施期間,
実施内容, 成果, 添付書類), and 以上. A blank setting leaves a ruled blank to
write on by hand, never an instruction of the app. English keeps the structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kiosk.core.japanese_dates import era_date
from kiosk.core.numbers import grouped
from kiosk.core.translations import text
from kiosk.reports.cover_letter import CoverLetter
from kiosk.reports.kpi import KpiRow
from kiosk.reports.period import PeriodFigures
from kiosk.reports.render.pdf_pages import GREY, TEXT, paragraph

RULE = "\uff3f"  # ＿: a run of these is a ruled blank to write on, in Japanese fonts too
MAX_RESULT_LINES = 5  # more targets than this: 別紙のとおり


@dataclass(frozen=True)
class LetterContent:
    """What a report puts in its letter: its title, period and headline figures."""

    title: str  # 令和8年度　〇〇事業　実績報告書
    project: str  # 事業名
    first: date
    last: date
    figures: PeriodFigures  # 実施内容's figures: the month's, or the year's
    results: tuple[str, ...]  # 成果's lines; empty: 別紙のとおり


def day_text(day: date, lang: str) -> str:
    """令和8年12月1日 / 1 December 2026."""
    return era_date(day, weekday=False) if lang == "ja" else f"{day.day} {day:%B %Y}"


def result_lines(kpis: Sequence[KpiRow], lang: str) -> tuple[str, ...]:
    """One line per KPI with a target, when they are few; else none (別紙のとおり)."""
    targeted = [k for k in kpis if k.target is not None]
    if not targeted or len(targeted) > MAX_RESULT_LINES:
        return ()
    return tuple(
        text(
            "report.letter.result",
            lang,
            metric=k.metric,
            target=k.target_text,
            actual=k.actual_text,
            achieved=k.achievement_text,
        )
        for k in targeted
    )


def cover_letter_page(
    letter: CoverLetter,
    content: LetterContent,
    submitted: date,
    look: dict[str, ParagraphStyle],
    font: str,
    lang: str,
) -> list[Flowable]:
    """The letter's flowables, filling one A4 portrait page."""
    body = ParagraphStyle("letter", parent=look["body"], fontSize=10.5, leading=17)
    right = ParagraphStyle("letter_right", parent=body, alignment=TA_RIGHT)
    centre = ParagraphStyle("letter_centre", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle(
        "letter_title", parent=body, fontSize=14, leading=20, alignment=TA_CENTER
    )
    addressee = text("report.letter.addressee", lang, addressee=_filled(letter.addressee, lang, 16))
    parts: list[Flowable] = [
        Spacer(1, 6 * mm),
        paragraph(escape(day_text(submitted, lang)), right),
        Spacer(1, 8 * mm),
        paragraph(addressee, ParagraphStyle("to", parent=body, fontSize=12, leading=18)),
        Spacer(1, 6 * mm),
        _applicant(letter, body, font, lang),
        Spacer(1, 14 * mm),
        paragraph(escape(content.title), title),
        Spacer(1, 10 * mm),
        paragraph(_sentence(letter, lang), body),
        Spacer(1, 8 * mm),
        paragraph(escape(text("report.letter.record", lang)), centre),
        Spacer(1, 5 * mm),
        _items(content, body, lang),
        Spacer(1, 8 * mm),
        paragraph(escape(text("report.letter.end", lang)), right),
    ]
    return parts


def blank(length: int = 12) -> str:
    """A ruled blank to write on by hand."""
    return RULE * length


def _filled(value: str, lang: str, length: int = 12) -> str:
    """The escaped value, or a ruled blank."""
    return escape(value) if value.strip() else blank(length)


def _sentence(letter: CoverLetter, lang: str) -> str:
    day = (
        escape(day_text(letter.decision_date, lang))
        if letter.decision_date
        else escape(text("report.letter.blank_date", lang))
    )
    number = letter.decision_number.strip()
    return text(
        "report.letter.sentence",
        lang,
        date=day,
        number=escape(number) if number else escape(text("report.letter.blank_number", lang)),
        grant=_filled(letter.grant_name, lang, 10),
    )


def _applicant(letter: CoverLetter, body: ParagraphStyle, font: str, lang: str) -> Table:
    person = " ".join(
        p.strip() for p in (letter.representative_title, letter.representative_name) if p.strip()
    )
    rows = [
        [text("report.letter.address", lang), paragraph(_filled(letter.address, lang), body), ""],
        [
            text("report.letter.organisation", lang),
            paragraph(_filled(letter.organisation, lang), body),
            "",
        ],
        [
            text("report.letter.representative", lang),
            paragraph(escape(person) if person else blank(), body),
            _seal(font, lang),
        ],
    ]
    label = 20 * mm if lang == "ja" else 28 * mm  # 所在地 / Representative
    table = Table(rows, colWidths=[label, 62 * mm, 14 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _seal(font: str, lang: str) -> Drawing:
    """The place of the representative's seal: 印 in a dashed circle."""
    size = 12 * mm
    drawing = Drawing(size, size)
    drawing.add(
        Circle(
            size / 2,
            size / 2,
            size / 2 - 1,
            strokeColor=GREY,
            strokeWidth=0.6,
            strokeDashArray=[2, 2],
            fillColor=None,
        )
    )
    label = text("report.letter.seal", lang)
    drawing.add(
        String(
            size / 2,
            size / 2 - 3,
            label,
            fontName=font,
            fontSize=8.5,
            fillColor=GREY,
            textAnchor="middle",
        )
    )
    return drawing


def _items(content: LetterContent, body: ParagraphStyle, lang: str) -> Table:
    figures = content.figures
    summary = text(
        "report.letter.content",
        lang,
        openings=grouped(figures.total_openings),
        visits=grouped(figures.visits),
        people=grouped(figures.distinct_people),
        consultations=grouped(figures.consultations.total),
    )
    results = (
        "<br/>".join(escape(line) for line in content.results)
        if content.results
        else escape(text("report.letter.see_attached", lang))
    )
    period = text(
        "report.letter.period",
        lang,
        first=day_text(content.first, lang),
        last=day_text(content.last, lang),
    )
    items = [
        ("project", _filled(content.project, "")),
        ("period", escape(period)),
        ("content", escape(summary)),
        ("results", results),
        ("attachments", escape(text("report.letter.attachment", lang))),
    ]
    rows = [
        [
            str(n),
            paragraph(escape(text(f"report.letter.item.{key}", lang)), body),
            paragraph(value, body),
        ]
        for n, (key, value) in enumerate(items, start=1)
    ]
    table = Table(rows, colWidths=[8 * mm, 30 * mm, 130 * mm], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), body.fontName, 10.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table
