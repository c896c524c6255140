"""Results: the satisfaction rate exactly as a hand count, distributions, scopes, comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.core.fiscal_year import fiscal_year_of
from kiosk.door import events, venues
from kiosk.reports.period import period_report, range_period
from kiosk.survey import catalogue
from kiosk.survey import responses as survey
from kiosk.survey import results as survey_results
from kiosk.survey.questionnaire import Questionnaire, parse, to_data
from kiosk.survey.results import (
    Rate,
    ResponseRow,
    fiscal_year_scope,
    month_scope,
    satisfaction_rate,
    summarise,
)


@pytest.fixture
def questionnaire(ctx) -> Questionnaire:
    return catalogue.active(ctx)


def rows(*overall: str | None, ref: str = "cafe-satisfaction/2") -> list[ResponseRow]:
    return [
        ResponseRow(ref, "kiosk", {"overall": o} if o else {"lonely": "never"}) for o in overall
    ]


# -- the arithmetic ------------------------------------------------------------------


def test_the_rate_matches_a_hand_count(questionnaire):
    # 5 satisfied + 2 somewhat satisfied of 9 who answered; one left it blank.
    answers = rows(
        *["satisfied"] * 5,
        *["somewhat_satisfied"] * 2,
        "somewhat_dissatisfied",
        "dissatisfied",
        None,
    )
    result = summarise(answers, {questionnaire.ref: questionnaire})
    assert result.responses == 10
    assert result.satisfaction == Rate(satisfied=7, answered=9)
    assert result.satisfaction.percent() == Decimal("77.8")
    assert result.satisfaction.percent_text() == "77.8%"
    overall = result.question("overall")
    assert overall is not None and overall.answered == 9
    assert [(c.code, c.count) for c in overall.counts] == [
        ("satisfied", 5),
        ("somewhat_satisfied", 2),
        ("somewhat_dissatisfied", 1),
        ("dissatisfied", 1),
    ]


def test_no_responses_is_no_rate_not_zero(questionnaire):
    result = summarise([], {questionnaire.ref: questionnaire})
    assert result.responses == 0
    assert result.satisfaction == Rate(0, 0)
    assert result.satisfaction.value is None and result.satisfaction.percent() is None
    assert result.satisfaction.percent_text() == "—"


def test_responses_that_all_skipped_the_question_give_no_rate(questionnaire):
    result = summarise(rows(None, None, None), {questionnaire.ref: questionnaire})
    assert result.responses == 3
    assert result.satisfaction == Rate(0, 0)
    assert result.satisfaction.percent_text() == "—"


@pytest.mark.parametrize(
    ("satisfied", "answered", "text"),
    [
        (33, 35, "94.3%"),  # 94.2857...
        (1, 16, "6.3%"),  # 6.25: half up, as by hand (not to even)
        (3, 8, "37.5%"),
        (2, 3, "66.7%"),
        (0, 4, "0.0%"),
        (4, 4, "100.0%"),
    ],
)
def test_percentages_round_half_up(satisfied, answered, text):
    assert Rate(satisfied, answered).percent_text() == text


def test_each_response_is_judged_by_its_own_version(questionnaire):
    data = to_data(questionnaire)
    data["version"] = 3
    data["satisfied"]["answers"] = ["satisfied"]  # v2 is stricter
    strict = parse(data, "v2")
    pairs = [
        (questionnaire, {"overall": "somewhat_satisfied"}),  # satisfied under v1
        (strict, {"overall": "somewhat_satisfied"}),  # not under v2
        (strict, {"overall": "satisfied"}),
        (None, {"overall": "satisfied"}),  # unknown version: not counted
    ]
    assert satisfaction_rate(pairs) == Rate(2, 3)


def test_loneliness_and_multiple_choice_distributions(questionnaire):
    answers = [
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "satisfied", "lonely": "sometimes", "activities": ["talk", "workshop"]}),
        ResponseRow("cafe-satisfaction/2", "paper", {"overall": "satisfied", "lonely": "never", "activities": ["talk"]}),
        ResponseRow("cafe-satisfaction/2", "kiosk", {"lonely": "sometimes"}),
    ]  # fmt: skip
    result = summarise(answers, {questionnaire.ref: questionnaire})
    assert (result.kiosk, result.paper) == (2, 1)
    assert result.loneliness is not None
    assert result.loneliness.answered == 3
    assert result.loneliness.count("sometimes") == 2
    assert result.loneliness.count("never") == 1
    assert result.loneliness.counts[0].label("ja") == "しばしばある・常にある"
    activities = result.question("activities")
    assert activities is not None and activities.answered == 2
    assert (activities.count("talk"), activities.count("workshop")) == (2, 1)


def test_comments_are_counted_but_given_only_on_request(questionnaire):
    answers = [
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "satisfied", "comment": "また来ます"}),
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "satisfied", "comment": "ありがとう"}),
        ResponseRow("cafe-satisfaction/2", "kiosk", {"overall": "satisfied"}),
    ]  # fmt: skip
    without = summarise(answers, {questionnaire.ref: questionnaire})
    assert without.comment_count == 2 and without.comments == ()
    with_them = summarise(answers, {questionnaire.ref: questionnaire}, include_comments=True)
    assert with_them.comments == ("ありがとう", "また来ます")  # sorted: no order of answering


# -- scopes, from the database ----------------------------------------------------------


def test_fiscal_years_run_april_to_march():
    assert fiscal_year_of(date(2026, 3, 31)) == 2025
    assert fiscal_year_of(date(2026, 4, 1)) == 2026
    scope = fiscal_year_scope(2025)
    assert (scope.start, scope.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert month_scope(2028, 2).end == date(2028, 2, 29)


def test_results_per_event_venue_month_and_fiscal_year(ctx, clock, venue, questionnaire):
    other = venues.add_venue(ctx, "東部センター")

    def answer_at(venue_id: str, *overall: str) -> str:
        event = events.open_event(ctx, venue_id)
        for value in overall:
            survey.submit_response(ctx, event.id, questionnaire, {"overall": value}, "ja")
        events.close_event(ctx, event.id)
        return event.id

    first = answer_at(venue.id, "satisfied", "dissatisfied")  # 2026-11-22
    answer_at(other.id, "somewhat_satisfied")
    clock.advance(days=10)  # 2026-12-02
    answer_at(venue.id, "satisfied", "satisfied", "somewhat_dissatisfied")
    clock.advance(days=120)  # 2027-04-01: the next fiscal year
    answer_at(venue.id, "dissatisfied")

    def rate(scope: survey_results.Scope) -> tuple[int, int]:
        result = survey_results.results(ctx, scope)
        return result.satisfaction.satisfied, result.satisfaction.answered

    assert rate(survey_results.event_scope(first)) == (1, 2)
    assert rate(month_scope(2026, 11)) == (2, 3)
    assert rate(month_scope(2026, 11, venue_id=venue.id)) == (1, 2)
    assert rate(month_scope(2026, 12)) == (2, 3)
    assert rate(fiscal_year_scope(2026)) == (4, 6)
    assert rate(fiscal_year_scope(2026, venue_id=other.id)) == (1, 1)
    assert rate(fiscal_year_scope(2027)) == (0, 1)
    assert survey_results.results(ctx, fiscal_year_scope(2030)).responses == 0


def test_results_span_an_edited_version(ctx, event, questionnaire):
    survey.submit_response(ctx, event.id, questionnaire, {"overall": "satisfied"}, "ja")
    data = to_data(questionnaire)
    data["questions"][0]["options"].append(
        {
            "code": "very_satisfied",
            "label": {lang: "とても満足" for lang in questionnaire.languages},
        }
    )
    data["satisfied"]["answers"].append("very_satisfied")
    edited = catalogue.save_edited(ctx, data)
    survey.submit_response(ctx, event.id, edited, {"overall": "very_satisfied"}, "ja")
    survey.submit_response(ctx, event.id, edited, {"overall": "dissatisfied"}, "ja")
    result = survey_results.results(ctx, survey_results.event_scope(event.id))
    assert result.satisfaction == Rate(2, 3)
    assert result.versions == ("cafe-satisfaction/2", "cafe-satisfaction/3")
    overall = result.question("overall")
    assert overall is not None and overall.count("very_satisfied") == 1


def test_the_period_reports_count_in_sql_as_results_does(ctx, event, questionnaire):
    """The period reports' counts in SQL agree with results(), across versions."""
    survey.submit_response(ctx, event.id, questionnaire, {"overall": "satisfied"}, "ja")
    # On paper she skipped the satisfaction question.
    survey.submit_response(ctx, event.id, questionnaire, {"lonely": "never"}, "ja", source="paper")
    data = to_data(questionnaire)
    data["questions"][0]["options"].append(
        {
            "code": "very_satisfied",
            "label": {lang: "とても満足" for lang in questionnaire.languages},
        }
    )
    data["satisfied"]["answers"].append("very_satisfied")
    edited = catalogue.save_edited(ctx, data)
    survey.submit_response(ctx, event.id, edited, {"overall": "very_satisfied"}, "ja")
    survey.submit_response(ctx, event.id, edited, {"overall": "dissatisfied"}, "ja")
    day = event.date
    full = survey_results.results(ctx, survey_results.Scope(venue_id=event.venue_id))
    report = period_report(ctx, range_period(day, day), event.venue_id)
    assert (report.totals.survey_responses, report.totals.satisfaction) == (
        full.responses,
        full.satisfaction,
    )
    assert full.satisfaction == Rate(2, 3)
    [(_, month)] = report.months
    assert (month.survey_responses, month.satisfaction) == (4, Rate(2, 3))
    elsewhere = venues.add_venue(ctx, "駅前サロン", "in_person")
    other = period_report(ctx, range_period(day, day), elsewhere.id).totals
    assert (other.survey_responses, other.satisfaction) == (0, Rate(0, 0))
