"""The demo's questionnaire responses: plausible, anonymous, valid, deterministic."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from db.models import Event, SurveyResponse
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.survey import catalogue
from kiosk.survey import responses as survey
from kiosk.survey import results as survey_results

JST = timezone(timedelta(hours=9))
TODAY = date(2026, 11, 22)


def test_demo_has_valid_anonymous_responses(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "demo")
    summary = build_demo(folder, today=TODAY, tz=JST)
    ctx = open_database(folder=folder)
    try:
        questionnaire = catalogue.active(ctx)
        assert questionnaire.ref == "cafe-satisfaction/2"
        with ctx.sessions() as session:
            rows = session.execute(select(SurveyResponse, Event).join(Event)).all()
        assert len(rows) == summary.survey_responses >= 40
        sources = {r.source for r, _ in rows}
        assert sources == {"kiosk", "paper"}
        for response, event in rows:
            assert event.kind == "cafe"
            for moment in (response.answered_hour, response.created_at, response.updated_at):
                local = moment.astimezone(JST)
                assert (local.minute, local.second, local.microsecond) == (0, 0, 0)
            answered = response.answered_hour.astimezone(JST)
            assert answered.date() == event.date
            if response.source == "paper":
                assert answered.hour == 0  # the day only
            # Every stored answer would pass the service's own checks.
            assert (
                survey.clean_answers(questionnaire, response.answers, "paper") == response.answers
            )
        today = [r for r, e in rows if e.date == TODAY]
        assert len(today) == 2
        month = survey_results.results(ctx, survey_results.month_scope(2026, 11))
        assert month.satisfaction.answered <= month.responses
        assert 0.85 <= (month.satisfaction.value or 0) <= 1.0
        assert month.loneliness is not None and month.loneliness.answered > 0
    finally:
        ctx.close()
