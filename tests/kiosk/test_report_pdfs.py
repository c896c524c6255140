"""Every report PDF as a clerk files it: 禁則, 「N / M ページ」, grouped numbers, round
axes, group labels on continuation pages, the cover letter, the two-page month report,
the closed venues of a one-date daily PDF."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from kiosk.cli.main import main
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.core.pdf_font import japanese_font
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.door.paper_days import PaperDayDraft, record_paper_day
from kiosk.reports.cover_letter import CoverLetter, save_cover_letter
from kiosk.reports.daily_export import ExportRequest
from kiosk.reports.daily_export import render as render_daily
from kiosk.reports.period import fiscal_year_period, month_period, range_period
from kiosk.reports.period_export import PeriodRequest
from kiosk.reports.period_export import render as render_period
from kiosk.reports.render.pdf_pages import (
    GroupedTable,
    bar_chart,
    nice_axis,
    numbered_canvas,
    paragraph,
    styles,
)
from kiosk.reports.targets import set_target

JST = timezone(timedelta(hours=9))
CLOSING = "）」』】〕》〉］、。，．"
OPENING = "（「『【〔《〈［"
DEFECT = "ワークショップ参加（延べ）"  # wrapped as 「…参加（延べ」 / 「）」


def on_day(clock, day: date, hour: int = 10) -> None:
    clock.now = datetime(day.year, day.month, day.day, hour, 0, tzinfo=JST)


def hold(ctx, clock, venue_id, day, count):
    on_day(clock, day)
    event = events.open_event(ctx, venue_id)
    for _ in range(count):
        clock.advance(minutes=3)
        checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    events.close_event(ctx, event.id, force=True)


@pytest.fixture
def filed(ctx, venue, clock):
    """Two venues, two café days, a paper list of 1,234 visits, one target; today 2026-12-01."""
    venues.add_venue(ctx, "東部センター")
    hold(ctx, clock, venue.id, date(2026, 10, 4), 2)
    hold(ctx, clock, venue.id, date(2026, 11, 22), 3)
    on_day(clock, date(2026, 12, 1))
    record_paper_day(
        ctx, PaperDayDraft(venue.id, date(2026, 11, 8), {"30s": 1234}, {"resident": 1234})
    )
    set_target(ctx, 2026, "visits", 3000, "goal", "outcome")
    return ctx


def pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def broken_lines(page: str) -> list[str]:
    """Lines that start with a closing bracket or 、。 or end with an opening bracket."""
    out = []
    for line in page.splitlines():
        line = line.strip()
        if line and (line[0] in CLOSING or line[-1] in OPENING):
            out.append(line)
    return out


def lines_of(para: Paragraph, width: float) -> list[str]:
    para.wrap(width, 1000)
    out = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):  # ReportLab's own single-style lines
            out.append("".join(line[1]))
        else:
            out.append("".join(getattr(w, "text", "") for w in line.words))
    return out


# -- 禁則処理 ---------------------------------------------------------------------------


def test_the_reported_bracket_wrapped_alone_with_reportlabs_own_wrap():
    """The defect: ReportLab's default wrap cut 「（延べ」 / 「）」 in a narrow cell."""
    font = japanese_font()
    plain = ParagraphStyle("plain", fontName=font, fontSize=6.8, leading=8)
    widths = range(20, 100, 2)
    assert any(s.startswith("）") for w in widths for s in lines_of(Paragraph(DEFECT, plain), w))
    ours = styles(font)["small"]
    for w in widths:
        lines = lines_of(paragraph(DEFECT, ours), w)
        assert "".join(lines) == DEFECT
        assert not [s for s in lines if s[0] in CLOSING or s[-1] in OPENING], (w, lines)


def test_line_breaking_obeys_kinsoku_for_every_bracket_and_mark():
    look = styles(japanese_font())
    sample = "来場者（延べ）「居場所」『記録』【報告】〔注〕《本》〈章〉、支援。合計，１２．終わり"
    for width in range(24, 200, 3):  # three characters a line and wider
        lines = lines_of(paragraph(sample, look["cell"]), width)
        assert "".join(lines) == sample
        assert not [s for s in lines if s[0] in CLOSING or s[-1] in OPENING], (width, lines)
    numbers = lines_of(paragraph("来場者数は 2,471人、満足度 85.0%", look["cell"]), 40)
    assert any("2,471" in line for line in numbers)  # a number is never cut


# -- charts and footers -------------------------------------------------------------------


def test_chart_axes_step_by_1_2_5_and_an_empty_chart_is_a_sentence():
    assert nice_axis(156) == (200, 50)
    assert nice_axis(104) == (150, 50)
    assert nice_axis(6) == (6, 2)
    assert nice_axis(2471) == (2500, 500)
    assert nice_axis(0.4) == (1, 1)
    font = japanese_font()
    nothing = paragraph("来場はありませんでした。", styles(font)["note"])
    assert bar_chart(["4月", "5月"], [0, 0], font, 100, nothing) is nothing
    chart = bar_chart(["4月", "5月"], [52, 156], font, 100, nothing)
    axis = chart.contents[0].valueAxis
    assert (axis.valueMax, axis.valueStep) == (200, 50)


def test_a_split_table_names_its_group_again_on_the_next_page():
    font = japanese_font()
    look = styles(font)
    rows = [["", "項目", "値"]] + [
        ["相談" if i == 0 else "", f"分類{i}", f"{i:,}"] for i in range(120)
    ]
    table = GroupedTable(
        rows,
        colWidths=[40 * mm, 60 * mm, 30 * mm],
        repeatRows=1,
        groups=[""] + ["相談"] * 120,
        continued=lambda g: paragraph(f"{g}（続き）", look["small"]),
    )
    table.setStyle([("FONT", (0, 0), (-1, -1), font, 8)])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [table], canvasmaker=numbered_canvas(font, "ja", None)
    )
    text = pages(buffer.getvalue())
    assert len(text) >= 2
    assert "相談（続き）" not in text[0]
    for page in text[1:]:
        assert "相談（続き）" in page
    assert "1 / 3 ページ" in text[0] or "1 / 2 ページ" in text[0]


# -- every PDF kind, in Japanese ------------------------------------------------------------


def test_every_pdf_kind_obeys_the_rules_numbers_the_pages_and_groups_thousands(filed, venue):
    kinds = {
        "daily one date": render_daily(
            filed, ExportRequest(date(2026, 11, 8), date(2026, 11, 8), (), "pdf")
        )[0],
        "daily range": render_daily(
            filed, ExportRequest(date(2026, 11, 1), date(2026, 11, 30), (), "pdf")
        )[0],
        "month": render_period(filed, PeriodRequest(month_period(2026, 11), None, "pdf")),
        "fiscal year": render_period(filed, PeriodRequest(fiscal_year_period(2026), None, "pdf")),
        "range": render_period(
            filed,
            PeriodRequest(range_period(date(2026, 10, 1), date(2026, 11, 30)), None, "pdf"),
        ),
    }
    for kind, exported in kinds.items():
        text = pages(exported.data)
        for number, page in enumerate(text, start=1):
            assert f"{number} / {len(text)} ページ" in page, (kind, number)
            assert not broken_lines(page), (kind, number, broken_lines(page))
        whole = "\n".join(text)
        assert "1,234" in whole or "1,237" in whole, kind
        assert "設定→目標" not in whole and "設定 →" not in whole, kind
    year = "\n".join(pages(kinds["fiscal year"].data))
    assert "1,239" in year and "3,000人" in year  # the year's visits, the target


# -- the daily PDF of one date ---------------------------------------------------------------


def test_a_venue_closed_that_day_is_one_line_not_a_page(filed, venue):
    request = ExportRequest(date(2026, 11, 22), date(2026, 11, 22), (), "pdf")
    text = pages(render_daily(filed, request)[0].data)
    assert len(text) == 1
    assert "この日に開催のなかった会場：東部センター" in text[0]
    assert "中央公民館" in text[0]
    old = pages(render_daily(filed, replace(request, every_venue=True))[0].data)
    assert len(old) == 2 and "東部センター" in old[1]  # the option keeps a page for each
    csv = render_daily(filed, replace(request, format="csv"))[0].data.decode("utf-8-sig")
    assert "東部センター" in csv  # the CSV keeps its row of zeros


def test_a_date_on_which_nothing_was_held_is_one_page_saying_so(filed):
    request = ExportRequest(date(2026, 11, 23), date(2026, 11, 23), (), "pdf")
    text = pages(render_daily(filed, request)[0].data)
    assert len(text) == 1
    assert "この日はどの会場でも開催がありませんでした。" in text[0]
    assert "中央公民館" in text[0] and "東部センター" in text[0]


def test_every_venue_on_the_command_line_keeps_the_old_pages(filed, database_args, tmp_path):
    out = tmp_path / "day.pdf"
    base = [*database_args, "export", "daily", "--date", "2026-11-22", "--format", "pdf"]
    assert main([*base, "-o", str(out)]) == 0
    assert len(pages(out.read_bytes())) == 1
    assert main([*base, "--every-venue", "-o", str(out)]) == 0
    assert len(pages(out.read_bytes())) == 2


# -- the cover letter ------------------------------------------------------------------------


def test_the_cover_letter_opens_the_year_report_as_grant_reports_do(filed):
    save_cover_letter(
        filed,
        CoverLetter(
            addressee="〇〇市長 山田 太郎",
            address="〇〇市中央1-2-3",
            organisation="NPO法人つながり",
            representative_title="理事長",
            representative_name="佐藤 花子",
            grant_name="〇〇市女性の居場所づくり事業補助金",
            decision_date=date(2026, 4, 10),
            decision_number="〇〇第123号",
        ),
    )
    exported = render_period(filed, PeriodRequest(fiscal_year_period(2026), None, "pdf"))
    letter = pages(exported.data)[0]
    for expected in (
        "令和8年12月1日",  # submitted: today, in the era
        "〇〇市長 山田 太郎",
        "様",
        "理事長 佐藤 花子",
        "印",
        "実績報告書",
        "令和8年4月10日付け〇〇第123号で交付決定を受けた",
        "記",
        "事業名",
        "令和8年4月1日から令和9年3月31日まで",
        "来場者数（延べ）1,239人",
        "成果",
        "添付書類",
    ):
        assert expected in letter.replace("\n", ""), expected


def test_a_blank_letter_leaves_lines_to_write_on_never_an_instruction(filed):
    exported = render_period(filed, PeriodRequest(month_period(2026, 11), None, "pdf"))
    letter = pages(exported.data)[0]
    assert "様" in letter and "＿" in letter
    assert "令和＿＿年＿＿月＿＿日付け" in letter
    assert "月次実績報告書" in letter and "令和8年11月分" in letter
    for instruction in ("設定", "Settings", "入力してください"):
        assert instruction not in letter


def test_the_english_letter_keeps_the_structure(filed):
    exported = render_period(
        filed, PeriodRequest(month_period(2026, 11, "en"), None, "pdf", lang="en")
    )
    letter = pages(exported.data)[0]
    for expected in ("1 December 2026", "To:", "Details", "Project", "Results", "Page 1 of 2"):
        assert expected in letter, expected


# -- the month report ------------------------------------------------------------------------


def test_the_month_report_is_two_pages_with_the_year_to_date(filed):
    exported = render_period(filed, PeriodRequest(month_period(2026, 11), None, "pdf"))
    text = pages(exported.data)
    assert len(text) == 2
    figures = text[1]
    assert "当月" in figures and "年度累計" in figures and "年度目標" in figures
    assert "1,237" in figures and "1,239" in figures  # November, and April to November
    assert "会場別の数値は、CSV・Excelの出力に含まれます。" in figures
    assert "設定→目標" not in figures


def test_a_future_month_is_refused_and_a_first_month_has_no_one_bar_chart(filed):
    from kiosk.core.errors import KioskError

    with pytest.raises(KioskError) as refused:
        render_period(filed, PeriodRequest(month_period(2027, 1), None, "pdf"))
    assert refused.value.code == "date_in_future"
    april = pages(render_period(filed, PeriodRequest(month_period(2026, 4), None, "pdf")).data)
    assert len(april) == 2 and "月別来場者数" not in april[1]
    november = pages(render_period(filed, PeriodRequest(month_period(2026, 11), None, "pdf")).data)
    assert "令和8年度の月別来場者数" in november[1]


def test_the_demos_last_complete_month_fits_two_pages(tmp_path):
    from kiosk.demo.build import app_demo_days, build_demo

    folder = DataFolder(tmp_path / "demo")
    build_demo(
        folder, seed=1, days=app_demo_days(date(2026, 12, 1)), today=date(2026, 12, 1), tz=JST
    )
    ctx = replace(open_database(folder=folder), clock=lambda: datetime(2026, 12, 1, 9, tzinfo=JST))
    try:
        month = render_period(ctx, PeriodRequest(month_period(2026, 11), None, "pdf"))
        assert len(pages(month.data)) <= 2
        year = pages(render_period(ctx, PeriodRequest(fiscal_year_period(2026), None, "pdf")).data)
        assert "交付決定" in year[0] and "記" in year[0]
        # The months table runs over a page; where it breaks inside a group, the next
        # page names the group again (test_a_split_table_names_its_group_again_on_the_next_page).
        assert "全会場 月別の実績" in year[2] and len(year) > 4
        for page in year:
            assert not broken_lines(page)
    finally:
        ctx.close()


def test_a_range_report_has_no_letter_and_many_venues_come_ten_to_a_table(filed):
    for n in range(12):
        venues.add_venue(filed, f"会場{n:02d}")
    period = range_period(date(2026, 10, 1), date(2026, 11, 30))
    text = pages(render_period(filed, PeriodRequest(period, None, "pdf")).data)
    whole = "\n".join(text)
    assert "交付決定" not in whole and "実施状況報告" in text[0]
    assert "会場別の実績（1 / 2）" in whole and "会場別の実績（2 / 2）" in whole
    assert re.search(r"会場別の実績（2 / 2）", whole)


def test_a_year_without_targets_says_so_plainly(ctx, venue, clock):
    hold(ctx, clock, venue.id, date(2026, 10, 4), 2)
    on_day(clock, date(2026, 12, 1))
    text = pages(render_period(ctx, PeriodRequest(fiscal_year_period(2026), None, "pdf")).data)
    assert "この年度の目標・KPIは登録されていません。" in text[1]
    assert "設定" not in "\n".join(text)


def test_consultation_channels_and_categories_are_two_headings_not_one_list(ctx):
    """The reported defect: channels and categories ran together under 相談 and looked
    double-counted. Each now sits under its own heading, in the rows every file is made of."""
    from kiosk.reports.period import fiscal_year_period, period_report, report_rows

    report = period_report(ctx, fiscal_year_period(2026))
    rows = report_rows([report.totals], "ja", {"channel": {}, "category": {}, "agency": {}})
    headings = {r.item.partition(":")[0]: r.group_label for r in rows}
    assert headings["consultations"] == "相談"
    assert headings["channel"] == "相談の方法別"
    assert headings["category"] == "相談の内容別"
