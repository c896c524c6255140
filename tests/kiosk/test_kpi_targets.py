"""KPI targets: the achievement arithmetic, the metric list, and setting, copying, removing."""

from __future__ import annotations

import json
from contextlib import suppress
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from db.models import AuditEntry, KpiTarget
from kiosk.core.errors import KioskError
from kiosk.door import venues
from kiosk.reports import targets
from kiosk.reports.targets import (
    achievement,
    copy_targets,
    list_targets,
    parse_target,
    remove_target,
    set_target,
    targets_by_metric,
)
from tests.refusals import refused

# --- the arithmetic: the grant's real rows ---------------------------------------------


@pytest.mark.parametrize(
    ("actual", "target", "text", "ratio"),
    [
        (11, 15, "73%", 0.7333),  # Komatsu: referrals to agencies
        (10, 6, "100%", 1.6667),  # Komatsu: case meetings, written 100%, not 167%
        (185, 180, "100%", 1.0278),  # Komatsu: consultations
        (919, 850, "100%", 1.0812),  # Komatsu: visits
        (94.3, 80, "100%", 1.17875),  # Kumamoto: satisfaction rate
        (15, 15, "100%", 1.0),
        (0, 15, "0%", 0.0),
    ],
)
def test_the_rate_of_the_grant_form(actual, target, text, ratio):
    result = achievement(actual, target)
    assert result.text() == text
    assert result.ratio == pytest.approx(ratio, abs=0.00005)


def test_ten_against_six_keeps_its_uncapped_ratio_beside_it():
    result = achievement(10, 6)
    assert (result.percent_capped, round(result.ratio, 2)) == (100, 1.67)
    assert (result.percent_uncapped, result.uncapped_text()) == (166, "166%")


@pytest.mark.parametrize(
    ("actual", "target", "percent"),
    [
        (2, 3, 66),  # 66.67: rounded down, never up to 67
        (1, 3, 33),
        (179, 180, 99),  # 99.44: not yet the target, so not 100
        (29, 100, 29),  # 0.29 × 100 is 28.999… in binary floats
        (0.7, 1, 70),  # 0.7 as written, not the binary 0.69999…
        (57.9, 60, 96),
    ],
)
def test_the_rate_is_rounded_down_exactly(actual, target, percent):
    assert achievement(actual, target).percent_capped == percent


def test_no_target_or_no_actual_is_a_dash():
    for result in (achievement(5, None), achievement(None, 80), achievement(None, None)):
        assert (result.percent_capped, result.ratio, result.text()) == (None, None, "—")
        assert result.uncapped_text() == "—"


def test_a_target_of_zero_is_met_by_anything_and_has_no_ratio():
    for actual in (0, 4):
        result = achievement(actual, 0)
        assert (result.text(), result.ratio, result.uncapped_text()) == ("100%", None, "—")


@pytest.mark.parametrize(("actual", "target"), [(-1, 5), (5, -1), (float("nan"), 5), (True, 5)])
def test_impossible_numbers_are_a_bug_not_a_rate(actual, target):
    with pytest.raises(ValueError):
        achievement(actual, target)


# --- the metrics ------------------------------------------------------------------------


def test_the_metrics_of_the_form_in_order_with_units():
    found = [(m.code, m.label("ja"), m.unit) for m in targets.metrics()]
    assert found == [
        ("openings", "開催回数", "回"),
        ("visits", "カフェ延参加者数", "人"),
        ("distinct_visitors", "実人数", "人"),
        ("children", "託児人数", "人"),
        ("workshop_participants", "ワークショップ参加者数", "人"),
        ("seminar_participants", "支援者向けセミナー参加者数", "人"),
        ("consultations", "相談件数", "件"),
        ("referrals", "支援機関につながった件数", "件"),
        ("case_meetings", "個別ケース会議の実施回数", "回"),
        ("satisfaction_rate", "満足度", "%"),
    ]
    raw = json.loads(targets.METRICS_FILE.read_text(encoding="utf-8"))
    for item in raw["metrics"]:
        assert item["en"].strip() and item["group"] in {"goal", "kpi"}
        assert item["kind"] in {"outcome", "output"}


def test_labels_for_reports():
    assert targets.metric_label("consultations", "en") == "Consultations"
    assert targets.metric_unit("consultations", "ja") == "件"
    assert targets.metric_unit("consultations", "en") == ""
    assert targets.metric_unit("satisfaction_rate", "en") == "%"
    assert targets.group_label("goal") == "事業目標"
    assert targets.group_label("kpi") == "事業KPI"
    assert targets.kind_label("outcome") == "アウトカム"
    assert targets.kind_label("output", "en") == "Output"
    # A metric from a newer laptop, merged in, is still shown by its code.
    assert targets.metric_label("new_metric") == "new_metric"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("180", 180.0), ("１８０", 180.0), ("1,000", 1000.0), ("80%", 80.0), (" 12.5 ", 12.5)],
)
def test_what_the_coordinator_types(typed, value):
    assert parse_target(typed) == value


def test_an_empty_cell_is_no_target_and_words_are_refused():
    assert parse_target("  ") is None
    for typed in ("abc", "1e999", "nan"):
        with pytest.raises(KioskError) as info:
            parse_target(typed)
        assert info.value.code == "kpi_target_unreadable"


# --- setting targets ----------------------------------------------------------------------


def test_set_list_and_change_a_target(ctx, venue):
    set_target(ctx, 2023, "referrals", 15, "goal", "outcome")
    set_target(ctx, 2023, "consultations", 180, "kpi", "output")
    listed = list_targets(ctx, 2023)
    # In the form's order, not the order they were set in.
    assert [(t.metric, t.target, t.group, t.kind) for t in listed] == [
        ("consultations", 180.0, "kpi", "output"),
        ("referrals", 15.0, "goal", "outcome"),
    ]
    changed = set_target(ctx, 2023, "consultations", 200, "goal", "outcome")
    assert (changed.target, changed.group, changed.kind, changed.target_text) == (
        200.0,
        "goal",
        "outcome",
        "200",
    )
    with ctx.sessions() as session:
        assert session.scalar(select(KpiTarget.id).where(KpiTarget.metric == "consultations"))
        rows = session.scalars(select(KpiTarget)).all()
        assert len(rows) == 2  # changed in place, not a second row
        actions = [a.action for a in session.scalars(select(AuditEntry))]
        # The fake clock stands still: the same order as the audit log viewer.
        newest_first = (AuditEntry.at.desc(), AuditEntry.created_at.desc())
        last = session.scalars(select(AuditEntry).order_by(*newest_first)).first()
    assert actions.count("kpi_target_set") == 3
    assert last.detail["previous"] == 180.0 and last.detail["target"] == 200.0
    assert list_targets(ctx, 2024) == []


def test_every_venue_and_one_venue_are_apart(ctx, venue):
    other = venues.add_venue(ctx, "東部コミュニティセンター")
    set_target(ctx, 2023, "visits", 850, "kpi", "output")
    set_target(ctx, 2023, "visits", 300, "kpi", "output", venue_id=other.id)
    assert [t.target for t in list_targets(ctx, 2023)] == [850.0]
    assert [t.target for t in list_targets(ctx, 2023, other.id)] == [300.0]
    assert list_targets(ctx, 2023, venue.id) == []
    assert targets_by_metric(ctx, 2023)["visits"].venue_id is None


def test_a_rate_target_keeps_its_decimal(ctx, venue):
    saved = set_target(ctx, 2023, "satisfaction_rate", 80.5, "goal", "outcome")
    assert (saved.target, saved.target_text) == (80.5, "80.5")


@pytest.mark.parametrize(
    ("metric", "target", "code"),
    [
        ("consultations", -1, "kpi_target_negative"),
        ("satisfaction_rate", 101, "kpi_rate_over_100"),
        ("visits", 1_000_001, "kpi_target_too_large"),
        ("visits", 12.5, "kpi_target_not_whole"),
        ("visits", float("inf"), "kpi_target_unreadable"),
        ("visits", True, "kpi_target_unreadable"),
        ("happiness", 5, "kpi_metric_unknown"),
    ],
)
def test_a_negative_or_absurd_target_changes_nothing(ctx, venue, db_state, metric, target, code):
    refused(db_state, code, lambda: set_target(ctx, 2023, metric, target, "kpi", "output"))


def test_the_largest_sensible_targets_are_kept(ctx, venue):
    assert set_target(ctx, 2023, "visits", 1_000_000, "kpi", "output").target == 1_000_000
    assert set_target(ctx, 2023, "satisfaction_rate", 100, "goal", "outcome").target == 100
    assert set_target(ctx, 2023, "referrals", 0, "goal", "outcome").target == 0


@pytest.mark.parametrize("year", [1999, 2101, "2023"])
def test_a_year_out_of_range_changes_nothing(ctx, venue, db_state, year):
    refused(
        db_state,
        "kpi_year_out_of_range",
        lambda: set_target(ctx, year, "visits", 10, "kpi", "output"),
    )


def test_an_unknown_group_kind_or_venue_changes_nothing(ctx, venue, db_state):
    refused(db_state, "invalid_choice", lambda: set_target(ctx, 2023, "visits", 1, "x", "output"))
    refused(db_state, "invalid_choice", lambda: set_target(ctx, 2023, "visits", 1, "kpi", "x"))
    refused(
        db_state,
        "venue_not_found",
        lambda: set_target(ctx, 2023, "visits", 1, "kpi", "output", venue_id="nowhere"),
    )


def test_remove_a_target(ctx, venue, db_state):
    set_target(ctx, 2023, "case_meetings", 6, "kpi", "output")
    remove_target(ctx, 2023, "case_meetings")
    assert list_targets(ctx, 2023) == []
    with ctx.sessions() as session:
        removed = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "kpi_target_removed")
        )
    assert removed.detail["target"] == 6.0
    refused(db_state, "kpi_target_not_found", lambda: remove_target(ctx, 2023, "case_meetings"))


# --- copying last year's ----------------------------------------------------------------


def test_copy_last_years_targets_skips_those_already_set(ctx, venue):
    set_target(ctx, 2023, "consultations", 180, "kpi", "output")
    set_target(ctx, 2023, "referrals", 15, "goal", "outcome")
    set_target(ctx, 2023, "visits", 120, "kpi", "output", venue_id=venue.id)
    set_target(ctx, 2024, "referrals", 20, "goal", "outcome")
    assert copy_targets(ctx, 2023, 2024) == 2
    assert {(t.metric, t.target) for t in list_targets(ctx, 2024)} == {
        ("consultations", 180.0),
        ("referrals", 20.0),  # already set for 2024: kept
    }
    assert [t.target for t in list_targets(ctx, 2024, venue.id)] == [120.0]
    assert copy_targets(ctx, 2023, 2024) == 0  # twice: nothing more
    with ctx.sessions() as session:
        copied = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "kpi_targets_copied")
        ).all()
    assert [a.detail for a in copied] == [{"from_year": 2023, "to_year": 2024, "copied": 2}]


def test_copying_an_empty_year_is_refused(ctx, venue, db_state):
    refused(db_state, "kpi_nothing_to_copy", lambda: copy_targets(ctx, 2022, 2023))


# --- one target per year, metric and scope, "every venue" included -----------------------


def merged_target(row_id: str, device: str, target: float, updated: datetime) -> dict:
    """A kpi_target row as another PC's exchange file brings it: its own id and device."""
    return {
        "id": row_id,
        "fiscal_year": 2025,
        "metric": "consultations",
        "venue_id": None,  # every venue
        "target": target,
        "target_group": "kpi",
        "kind": "output",
        "created_at": updated,
        "updated_at": updated,
        "device_id": device,
    }


def test_the_database_refuses_a_second_target_for_every_venue(ctx, venue):
    stamp = datetime(2025, 4, 1, tzinfo=UTC)
    with ctx.sessions.begin() as session:
        session.execute(insert(KpiTarget), [merged_target("row-a", "pc-a", 180, stamp)])
    with pytest.raises(IntegrityError), ctx.sessions.begin() as session:
        session.execute(insert(KpiTarget), [merged_target("row-b", "pc-b", 200, stamp)])
    # One venue's own target is still apart from the one for every venue, and unique too.
    own = {**merged_target("row-c", "pc-a", 50, stamp), "venue_id": venue.id}
    with ctx.sessions.begin() as session:
        session.execute(insert(KpiTarget), [own])
    with pytest.raises(IntegrityError), ctx.sessions.begin() as session:
        session.execute(insert(KpiTarget), [{**own, "id": "row-d", "device_id": "pc-b"}])
    with ctx.sessions() as session:
        assert sorted(session.scalars(select(KpiTarget.id))) == ["row-a", "row-c"]


def test_after_a_merge_the_report_shows_the_target_the_coordinator_set(ctx, venue, clock):
    """Two PCs each set 相談件数 for every venue; a merge brought both rows.

    Before, the database took both: the report read one, the coordinator's
    edit changed the other, and the report kept the old figure.
    """
    from kiosk.reports.kpi import kpi_rows
    from kiosk.reports.period import fiscal_year_period, period_report

    stamp = datetime(2025, 4, 1, tzinfo=UTC)
    for row in (
        merged_target("row-a", "pc-a", 180, stamp),
        merged_target("row-b", "pc-b", 200, stamp + timedelta(hours=1)),
    ):
        with suppress(IntegrityError), ctx.sessions.begin() as session:
            session.execute(insert(KpiTarget), [row])  # the second is refused now

    set_target(ctx, 2025, "consultations", 250, "kpi", "output")

    report = period_report(ctx, fiscal_year_period(2025))
    rows = {r.metric: r for r in kpi_rows(ctx, report)}
    assert rows["相談件数"].target_text == "250件"
    with ctx.sessions() as session:
        assert session.scalars(select(KpiTarget.target)).all() == [250.0]
