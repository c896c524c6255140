"""Questionnaire results as CSV for the city office's Excel.

The same CSV rules as every export (kiosk/core/csv_cells.py): UTF-8 with BOM by
default, Shift_JIS (cp932) on request, one header row, formula-like cells
neutralised, written atomically. Free comments are written only when the
coordinator asked for them (results computed with include_comments=True).

Number cells hold bare numbers, so Excel can sum and chart them: counts as
whole numbers, the share as a percent with one decimal (66.7) under a header
that carries the unit (割合（%）); a share with nobody answering is an empty
cell, not 「—」. One table: the scope, the counts, the responses by the
language she answered in, the rate, every answer (pooled across languages).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kiosk.core import translations
from kiosk.core.atomic_file import write_atomically
from kiosk.core.csv_cells import render_csv
from kiosk.core.export_file import ExportFile
from kiosk.survey.results import Rate, SurveyResults

# The header and the words of the first rows: `survey.csv.*` in resources/locales/<lang>.json.
COLUMNS = ("question", "answer", "count", "answered", "share")


Cell = str | int | Decimal


def _share(count: int, answered: int) -> Decimal | str:
    """The percent as a number (66.7), or an empty cell when nobody answered."""
    percent = Rate(count, answered).percent(1)
    return "" if percent is None else percent


def rows(results: SurveyResults, lang: str, scope_label: str) -> list[list[Cell]]:
    """The rows under the header: scope, counts, the rate, every answer, comments."""
    w = translations.texts_under("survey.csv", lang)
    rate = results.satisfaction
    out: list[list[Cell]] = [
        [w["scope"], scope_label, "", "", ""],
        [w["responses"], "", results.responses, "", ""],
        [w["responses"], w["kiosk"], results.kiosk, "", ""],
        [w["responses"], w["paper"], results.paper, "", ""],
        *(
            [
                w["language"],
                language.label(lang),
                language.count,
                results.responses,
                _share(language.count, results.responses),
            ]
            for language in results.languages
        ),
        [
            w["satisfaction"],
            results.satisfied_label(lang),
            rate.satisfied,
            rate.answered,
            _share(rate.satisfied, rate.answered),
        ],
    ]
    for result in results.questions:
        text = result.question.text(lang)
        if result.question.type == "text":
            out.append([text, w["written"], result.answered, results.responses, ""])
            continue
        for count in result.counts:
            share = _share(count.count, result.answered)
            out.append([text, count.label(lang), count.count, result.answered, share])
    out += [[w["comments"], comment, "", "", ""] for comment in results.comments]
    return out


def render(
    results: SurveyResults, lang: str, scope_label: str, encoding: str = "utf-8-sig"
) -> ExportFile:
    header = [translations.text(f"survey.csv.header.{column}", lang) for column in COLUMNS]
    data = render_csv(header, rows(results, lang, scope_label), encoding)
    return ExportFile("questionnaire-results.csv", "text/csv", data)


def write_csv(
    path: Path,
    results: SurveyResults,
    lang: str,
    scope_label: str,
    encoding: str = "utf-8-sig",
) -> Path:
    return write_atomically(path, render(results, lang, scope_label, encoding).data)
