"""The day's tally against a hand-counted day, and its CSV and PDF renderings."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader

from kiosk.core.csv_cells import GETA, render_csv, safe_cell, to_cp932
from kiosk.core.errors import KioskError
from kiosk.door import checkin
from kiosk.door.checkin import CheckInRequest, ChildRequest
from kiosk.reports.daily import daily_tally, figures, venue_by_name
from kiosk.reports.render.daily_csv import render_daily_csv, wide_header
from kiosk.reports.render.daily_pdf import render_daily_pdf
from kiosk.survey import catalogue, responses
from kiosk.workshops.catalogue import WorkshopDraft, add_workshop
from kiosk.workshops.signups import set_attended, sign_up
from kiosk.workshops.slots import add_slot


@pytest.fixture
def day(ctx, venue, event, clock):
    """A hand-counted morning: see the assertions for what was counted."""

    def come(**answers):
        clock.advance(minutes=7)
        return checkin.check_in(ctx, CheckInRequest(event_id=event.id, **answers)).visit

    a = come(
        age_band="30s",
        residence="resident",
        heard_from="line",
        nickname="さくら",
        children=(ChildRequest("1-2"), ChildRequest("0")),
    )
    b = come(age_band="40s", residence="outside", first_visit=False)
    come(age_band="30s", residence="commuter", heard_from="flyer", nickname="ゆき")
    checkin.check_in(ctx, checkin.count_only_request(event.id))
    gone = come(age_band="20s", residence="resident", children=(ChildRequest("3-5"),))
    checkin.cancel_visit(ctx, gone.id, "mistake")  # never counts, nor her child

    yoga = add_workshop(ctx, WorkshopDraft("ヨガ", default_capacity=None))
    slot = add_slot(ctx, event.id, yoga.id, time(13, 0))
    set_attended(ctx, sign_up(ctx, slot.id, a.id).signup.id)
    sign_up(ctx, slot.id, b.id)

    questionnaire = catalogue.active(ctx)
    for overall in ("satisfied", "somewhat_dissatisfied", "somewhat_satisfied"):
        responses.submit_response(ctx, event.id, questionnaire, {"overall": overall}, "ja")
    return event


def test_the_day_matches_a_hand_count(ctx, venue, day):
    t = daily_tally(ctx, venue.id, day.date)
    assert (t.visits, t.first_visits, t.repeat_visits, t.count_only, t.regulars) == (4, 2, 1, 1, 2)
    assert dict(t.age_bands.counts) == {
        "10s": 0,
        "20s": 0,
        "30s": 2,
        "40s": 1,
        "50s": 0,
        "60s": 0,
        "70plus": 0,
        "unanswered": 1,
    }
    assert dict(t.residence.counts) == {"resident": 1, "commuter": 1, "outside": 1, "unanswered": 1}
    assert dict(t.heard_from.counts)["line"] == 1 and dict(t.heard_from.counts)["unanswered"] == 2
    assert t.children == 2 and dict(t.child_age_bands.counts) == {
        "0": 1,
        "1-2": 1,
        "3-5": 0,
        "school": 0,
    }
    assert (t.workshops.registered, t.workshops.attended) == (2, 1)
    assert t.survey_responses == 3
    assert (t.satisfaction.satisfied, t.satisfaction.answered) == (2, 3)
    assert t.satisfaction.percent_text() == "66.7%"
    assert sum(n for _, n in t.by_hour) == 4
    assert t.event_kinds == ("cafe",) and t.held


def test_a_day_without_an_event_is_all_zeros(ctx, venue):
    t = daily_tally(ctx, venue.id, date(2026, 11, 1))
    assert not t.held and t.visits == 0 and t.children == 0
    values = [f.value for f in figures(t)]
    assert values.count(0) == len(values) - 1 and None in values  # zeros, and no rate
    assert [f.shown for f in figures(t)][-1] == "—"


def test_figures_have_fixed_wide_columns(ctx, venue, day):
    tally = daily_tally(ctx, venue.id, day.date)
    wide = [f for f in figures(tally) if f.wide]
    assert len(wide) + 4 == len(wide_header([tally]))
    assert "相談の方法別：電話" in wide_header(
        [tally]
    ) and "支援機関へのつなぎ：ハローワーク" in wide_header([tally])
    quiet = daily_tally(ctx, venue.id, date(2026, 11, 1))
    assert wide_header([quiet]) == wide_header([tally])  # the same columns on a quiet day


def test_unknown_venue_name(ctx, venue):
    assert venue_by_name(ctx, " 中央公民館 ") == venue.id
    with pytest.raises(KioskError) as info:
        venue_by_name(ctx, "どこか")
    assert info.value.code == "venue_unknown"


# -- CSV ------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_japanese_header(ctx, venue, day):
    data = render_daily_csv([daily_tally(ctx, venue.id, day.date)]).data
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("日付,和暦,会場,開催,来場：来場者数（延べ人数）")
    assert lines[1].startswith("2026-11-22,令和8年11月22日,中央公民館,カフェ・居場所,4,2,1,1,2,")
    assert lines[1].endswith(",3,2,3,66.7")  # a number cell: the % is in the header
    assert data.count(b"\r\n") == 2  # Excel's line ends


def test_long_csv_has_one_row_per_figure_with_workshops(ctx, venue, day):
    text = render_daily_csv([daily_tally(ctx, venue.id, day.date)], long=True).data.decode(
        "utf-8-sig"
    )
    rows = text.splitlines()
    assert rows[0] == "日付,会場,区分,項目,値"
    assert "2026-11-22,中央公民館,ワークショップ,ヨガ：申込,2" in rows
    assert "2026-11-22,中央公民館,年代,10代,0" in rows  # zeros are rows too


def test_cp932_maps_look_alikes_and_marks_the_rest(ctx, venue, day):
    data = render_daily_csv([daily_tally(ctx, venue.id, day.date)], encoding="cp932").data
    text = data.decode("cp932")
    assert "託児：1～2歳" in text  # 〜 (not in cp932) written as its look-alike ～
    assert to_cp932("𠮷野家") == f"{GETA}野家"


def test_formulas_in_text_are_neutralised():
    assert [safe_cell(v) for v in ("=SUM(A1)", "+1", "-x", "@a", "\tq", "ok", 5)] == [
        "'=SUM(A1)",
        "'+1",
        "'-x",
        "'@a",
        "'\tq",
        "ok",
        5,
    ]
    data = render_csv(["会場"], [['=HYPERLINK("x")']], "utf-8-sig").decode("utf-8-sig")
    assert "'=HYPERLINK" in data


# -- PDF -------------------------------------------------------------------------


def pdf_text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_pdf_holds_the_figures_with_the_font_embedded(ctx, venue, day):
    data = render_daily_pdf([daily_tally(ctx, venue.id, day.date)], "女性の居場所づくり事業").data
    text, reader = pdf_text(data)
    assert len(reader.pages) == 1
    assert (
        "女性の居場所づくり事業" in text and "令和8年11月22日(日)" in text and "2026-11-22" in text
    )
    assert "66.7%" in text and "作成者" in text and "確認者" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts.add(
                (
                    str(font["/BaseFont"]),
                    descriptor is not None and "/FontFile2" in descriptor.get_object(),
                )
            )
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("IPAexGothic" in name for name, _ in fonts)


def test_a_range_is_one_pdf_with_a_page_per_day(ctx, venue, day):
    days = [daily_tally(ctx, venue.id, date(2026, 11, d)) for d in (20, 21, 22)]
    text, reader = pdf_text(render_daily_pdf(days, "事業").data)
    assert len(reader.pages) == 3
    assert "開催がありません" in text


def test_long_names_wrap_instead_of_overflowing(ctx, venue, day):
    from kiosk.door import venues

    venues.rename_venue(ctx, venue.id, "とても長い名前の地域交流センター" * 3)
    t = daily_tally(ctx, venue.id, day.date)
    assert len(PdfReader(io.BytesIO(render_daily_pdf([t], "事業" * 20).data)).pages) == 1


def test_consultations_count_on_the_day_even_without_an_event(ctx, venue, day, clock):
    from kiosk.consultations.records import (
        ConsultationDraft,
        cancel_consultation,
        record_case_meeting,
        record_consultation,
        record_referral,
    )

    at_cafe = record_consultation(
        ctx, ConsultationDraft(venue.id, day.date, "in_person", "parenting", "midwife", 30, day.id)
    )
    record_referral(ctx, venue.id, day.date, "food_bank", at_cafe.id)
    wrong = record_consultation(
        ctx, ConsultationDraft(venue.id, day.date, "phone", "health", "nurse")
    )
    cancel_consultation(ctx, wrong.id)
    t = daily_tally(ctx, venue.id, day.date)
    c = t.consultations
    assert (c.total, c.by_channel["in_person"], c.by_channel["phone"]) == (1, 1, 0)
    assert (c.referrals, c.by_agency["food_bank"], c.by_agency["hello_work"]) == (1, 1, 0)

    weekday = date(2026, 11, 19)  # no café that day: a phone call and a case meeting
    record_consultation(
        ctx, ConsultationDraft(venue.id, weekday, "phone", "money_living", "counsellor")
    )
    record_case_meeting(ctx, venue.id, weekday)
    quiet = daily_tally(ctx, venue.id, weekday)
    assert not quiet.held and quiet.visits == 0
    assert (quiet.consultations.total, quiet.consultations.case_meetings) == (1, 1)
    rows = render_daily_csv([quiet], long=True).data.decode("utf-8-sig").splitlines()
    assert "2026-11-19,中央公民館,相談の方法別,電話,1" in rows
    assert "2026-11-19,中央公民館,相談,個別ケース会議,1" in rows


def test_a_name_two_venues_share_is_refused_with_both_listed(ctx, venue):
    """After a merge two PCs may each have a 中央公民館; --venue must not pick one silently."""
    from db.models import Venue

    with ctx.sessions.begin() as session:  # the other PC's venue of the same name
        other = Venue(name="中央公民館", kind="in_person", active=True, device_id="other-pc")
        session.add(other)
        session.flush()
        other_id = other.id
    with pytest.raises(KioskError) as excinfo:
        venue_by_name(ctx, "中央公民館")
    assert excinfo.value.code == "venue_ambiguous"
    listed = excinfo.value.params["choices"]
    assert venue.id[:8] in listed and other_id[:8] in listed
    # The way to choose: the id's first characters, as the message says.
    assert venue_by_name(ctx, venue.id[:8]) == venue.id
    assert venue_by_name(ctx, other_id) == other_id
