"""The questionnaire CSV: the rate with its denominator, numbers in number cells,
comments only on request."""

from __future__ import annotations

import csv
import io

import pytest

from kiosk.core.errors import KioskError
from kiosk.survey import catalogue, responses, results_csv
from kiosk.survey import results as survey_results


@pytest.fixture
def answered(ctx, event):
    questionnaire = catalogue.active(ctx)
    for overall, comment in (
        ("satisfied", '=HYPERLINK("http://x")'),
        ("somewhat_satisfied", "また来ます"),
        ("dissatisfied", None),
    ):
        answers = {"overall": overall, "lonely": "never"}
        if comment:
            answers["comment"] = comment
        responses.submit_response(ctx, event.id, questionnaire, answers, "ja")
    return event


def table(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding))))


def test_the_csv_holds_the_rate_with_its_denominator(ctx, answered):
    results = survey_results.results(ctx, survey_results.event_scope(answered.id))
    export = results_csv.render(results, "ja", "2026年11月22日 中央公民館")
    assert export.data.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    rows = table(export.data)
    assert rows[0] == ["質問", "回答", "件数", "回答者数", "割合（%）"]
    assert rows[1] == ["対象", "2026年11月22日 中央公民館", "", "", ""]
    assert ["満足度", "満足・やや満足", "2", "3", "66.7"] in rows
    assert ["本日のカフェはいかがでしたか？", "不満", "1", "3", "33.3"] in rows
    assert ["ご意見・ご感想があれば、自由にお書きください。", "記入あり", "2", "3", ""] in rows
    assert not any(row[0] == "自由記述" for row in rows)  # not asked for
    assert "また来ます" not in export.data.decode("utf-8-sig")


def test_comments_only_when_the_coordinator_asks_and_never_as_formulas(ctx, answered):
    results = survey_results.results(
        ctx, survey_results.event_scope(answered.id), include_comments=True
    )
    rows = table(results_csv.render(results, "en", "22 Nov").data)
    assert rows[0] == ["Question", "Answer", "Count", "Answered", "Share (%)"]
    comments = [row[1] for row in rows if row[0] == "Comment"]
    assert comments == ['\'=HYPERLINK("http://x")', "また来ます"]


def number_cells_hold_numbers(rows: list[list[str]]) -> None:
    """Count, answered and share: a number Excel reads as one, or empty; never a unit."""
    for row in rows[1:]:
        for cell in row[2:]:
            assert cell == "" or float(cell) >= 0, row


def test_every_number_cell_is_a_number(ctx, answered):
    results = survey_results.results(ctx, survey_results.event_scope(answered.id))
    rows = table(results_csv.render(results, "ja", "中央公民館").data)
    number_cells_hold_numbers(rows)
    assert sum(row[2] != "" for row in rows[1:]) > 5
    assert all(row[4] == "" or "." in row[4] for row in rows[1:])  # one decimal, as on screen


def test_no_answers_leave_the_share_empty_not_a_dash(ctx, event):
    results = survey_results.results(ctx, survey_results.event_scope(event.id))
    rows = table(results_csv.render(results, "ja", "中央公民館").data)
    number_cells_hold_numbers(rows)
    satisfaction = next(row for row in rows if row[0] == "満足度")
    assert satisfaction[2:] == ["0", "0", ""]
    assert not any("—" in cell or "%" in cell for row in rows[1:] for cell in row[2:])


def test_shift_jis_on_request(ctx, answered):
    results = survey_results.results(ctx, survey_results.event_scope(answered.id))
    data = results_csv.render(results, "ja", "中央公民館", encoding="cp932").data
    assert table(data, "cp932")[0][0] == "質問"


def test_a_failed_write_is_a_coded_error(ctx, answered, tmp_path):
    results = survey_results.results(ctx, survey_results.event_scope(answered.id))
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(KioskError) as excinfo:
        results_csv.write_csv(blocked / "out.csv", results, "ja", "x")
    assert excinfo.value.code == "export_write_failed"
