"""The consultation lists: shipped defaults, and the coordinator's changes over them."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from db.models import Consultation, Setting
from kiosk.consultations.counts import consultation_counts
from kiosk.consultations.lists import (
    LIST_NAMES,
    MAX_LABEL,
    add_entry,
    entries,
    labels,
    rename_entry,
    set_hidden,
    shipped,
)
from kiosk.consultations.records import ConsultationDraft, record_consultation, record_referral
from kiosk.core import settings
from kiosk.core.errors import KioskError
from tests.refusals import refused


def codes(ctx, name, include_hidden=False):
    return [e.code for e in entries(ctx, name, include_hidden)]


def test_the_shipped_lists_are_the_issue_s_words_in_both_languages():
    assert [e.label() for e in shipped("channel")] == ["対面", "電話", "オンライン", "訪問"]
    assert [e.label() for e in shipped("category")] == [
        "心身の健康",
        "家族・夫婦",
        "子育て",
        "経済・生活",
        "仕事",
        "人間関係",
        "暴力・DV",
        "その他",
    ]
    assert [e.label() for e in shipped("staff_role")] == [
        "保健師",
        "助産師",
        "看護師",
        "相談員",
        "その他",
    ]
    assert [e.label() for e in shipped("agency")][:3] == [
        "子ども食堂",
        "フードバンク",
        "障がい者相談支援センター",
    ]
    assert len(shipped("agency")) == 10
    for name in LIST_NAMES:
        entries_ = shipped(name)
        assert len({e.code for e in entries_}) == len(entries_)
        for e in entries_:
            assert e.labels["ja"] and e.labels["en"] and len(e.label()) <= MAX_LABEL


def test_the_database_allows_exactly_the_shipped_channels():
    check = next(
        c
        for c in Consultation.__table__.constraints
        if str(getattr(c, "name", "")).endswith("channel")
    )
    allowed = set(re.findall(r"'(\w+)'", str(check.sqltext)))
    assert (
        {e.code for e in shipped("channel")}
        == allowed
        == {
            "in_person",
            "phone",
            "online",
            "home_visit",
        }
    )


def test_add_an_agency_gets_a_stable_code_before_other(ctx):
    added = add_entry(ctx, "agency", "  社会福祉協議会 ")
    assert added.label() == "社会福祉協議会" and added.label("en") == "社会福祉協議会"
    assert added.code.startswith("agency-") and not added.shipped
    listed = codes(ctx, "agency")
    assert listed[-2:] == [added.code, "other"]
    # renaming keeps the code, so records made with it keep counting under it
    renamed = rename_entry(ctx, "agency", added.code, "社協")
    assert renamed.code == added.code and renamed.label() == "社協"
    assert labels(ctx, "agency")[added.code] == "社協"


def test_rename_a_shipped_label_in_one_language(ctx):
    rename_entry(ctx, "category", "parenting", "子育て・育児")
    entry = next(e for e in entries(ctx, "category") if e.code == "parenting")
    assert entry.label("ja") == "子育て・育児"
    assert entry.label("en") == "Parenting"  # the other language keeps its word
    assert shipped("category")[2].label() == "子育て"  # the file is not touched


def test_hide_and_show_again(ctx):
    set_hidden(ctx, "category", "work", True)
    assert "work" not in codes(ctx, "category")
    assert "work" in codes(ctx, "category", include_hidden=True)
    assert labels(ctx, "category")["work"] == "仕事"  # old records still have a name
    set_hidden(ctx, "category", "work", False)
    assert codes(ctx, "category") == [e.code for e in shipped("category")]


def test_changes_are_one_setting_row_per_list(ctx):
    add_entry(ctx, "category", "住まい")
    set_hidden(ctx, "category", "other", True)
    rename_entry(ctx, "agency", "city_office", "市役所 福祉課")
    with ctx.sessions() as session:
        rows = dict(
            session.execute(
                select(Setting.key, Setting.value).where(Setting.key.like("consultation_list.%"))
            ).all()
        )
    assert set(rows) == {"consultation_list.category", "consultation_list.agency"}
    category = json.loads(rows["consultation_list.category"])
    assert category["hidden"] == ["other"] and len(category["added"]) == 1


def test_bad_labels_change_nothing(ctx, db_state):
    add_entry(ctx, "agency", "社会福祉協議会")
    refused(db_state, "list_label_empty", lambda: add_entry(ctx, "agency", "   "))
    refused(
        db_state, "list_label_too_long", lambda: add_entry(ctx, "agency", "あ" * (MAX_LABEL + 1))
    )
    refused(db_state, "list_label_taken", lambda: add_entry(ctx, "agency", "フードバンク"))
    refused(db_state, "list_label_taken", lambda: add_entry(ctx, "agency", "社会福祉協議会"))
    refused(
        db_state, "list_label_taken", lambda: rename_entry(ctx, "agency", "other", "ハローワーク")
    )
    refused(db_state, "list_entry_not_found", lambda: rename_entry(ctx, "agency", "nope", "x"))
    refused(db_state, "list_entry_not_found", lambda: set_hidden(ctx, "agency", "nope", True))


@pytest.mark.parametrize("name", ["channel", "staff_role", "weather"])
def test_only_categories_and_agencies_can_be_edited(ctx, db_state, name):
    refused(db_state, "list_not_editable", lambda: add_entry(ctx, name, "FAX"))
    refused(db_state, "list_not_editable", lambda: set_hidden(ctx, name, "other", True))


def test_an_unknown_list_is_a_coded_error(ctx):
    with pytest.raises(KioskError) as info:
        entries(ctx, "weather")
    assert info.value.code == "list_unknown"


def test_the_last_visible_entry_cannot_be_hidden(ctx, db_state):
    everything = codes(ctx, "category")
    for code in everything[:-1]:
        set_hidden(ctx, "category", code, True)
    refused(
        db_state, "list_last_visible", lambda: set_hidden(ctx, "category", everything[-1], True)
    )


def test_a_damaged_setting_falls_back_to_the_shipped_list(ctx):
    settings.put(ctx, "consultation_list.agency", "{not json")
    assert codes(ctx, "agency") == [e.code for e in shipped("agency")]
    added = add_entry(ctx, "agency", "社会福祉協議会")  # and the next change repairs it
    assert added.code in codes(ctx, "agency")


def test_an_added_category_can_be_recorded_and_is_counted(ctx, venue):
    housing = add_entry(ctx, "category", "住まい")
    day = ctx.today()
    record_consultation(
        ctx,
        ConsultationDraft(venue.id, day, "phone", housing.code, "counsellor"),
    )
    society = add_entry(ctx, "agency", "社会福祉協議会")
    record_referral(ctx, venue.id, day, society.code)
    counts = consultation_counts(ctx, [venue.id], day, day)
    assert counts.by_category[housing.code] == 1
    assert list(counts.by_category)[-2:] == [housing.code, "other"]
    assert counts.by_agency[society.code] == 1
