"""Questionnaire results as CSV for the city office's Excel.

UTF-8 with BOM by default (Excel then reads Japanese right), Shift_JIS on
request; one header row; a cell that a spreadsheet would run as a formula is
neutralised. Free comments are written only when the coordinator asked for
them (results computed with include_comments=True).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.survey_results import Rate, SurveyResults

HEADERS = {
    "ja": ["質問", "回答", "件数", "回答者数", "割合"],
    "en": ["Question", "Answer", "Count", "Answered", "Share"],
}
WORDS = {
    "ja": {
        "scope": "対象",
        "responses": "回答数",
        "kiosk": "うちタブレット",
        "paper": "うち紙",
        "satisfaction": "満足度",
        "written": "記入あり",
        "comments": "自由記述",
    },
    "en": {
        "scope": "Scope",
        "responses": "Responses",
        "kiosk": "on the tablet",
        "paper": "on paper",
        "satisfaction": "Satisfaction rate",
        "written": "written",
        "comments": "Comment",
    },
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _share(count: int, answered: int) -> str:
    return Rate(count, answered).percent_text()


def rows(results: SurveyResults, lang: str, scope_label: str) -> list[list[str]]:
    lang = lang if lang in HEADERS else "ja"
    w = WORDS[lang]
    out = [HEADERS[lang], [w["scope"], scope_label, "", "", ""]]
    out.append([w["responses"], "", str(results.responses), "", ""])
    out.append([w["responses"], w["kiosk"], str(results.kiosk), "", ""])
    out.append([w["responses"], w["paper"], str(results.paper), "", ""])
    rate = results.satisfaction
    out.append(
        [
            w["satisfaction"],
            results.satisfied_label(lang),
            str(rate.satisfied),
            str(rate.answered),
            rate.percent_text(),
        ]
    )
    for result in results.questions:
        text = result.question.text(lang)
        if result.question.type == "text":
            out.append([text, w["written"], str(result.answered), str(results.responses), ""])
            continue
        for count in result.counts:
            out.append(
                [
                    text,
                    count.label(lang),
                    str(count.count),
                    str(result.answered),
                    _share(count.count, result.answered),
                ]
            )
    for comment in results.comments:
        out.append([w["comments"], comment, "", "", ""])
    return [[safe_cell(cell) for cell in row] for row in out]


def render_csv(
    results: SurveyResults, lang: str, scope_label: str, encoding: str = "utf-8-sig"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows(results, lang, scope_label))
    return buffer.getvalue().encode(encoding, errors="replace")


def write_csv(
    path: Path,
    results: SurveyResults,
    lang: str,
    scope_label: str,
    encoding: str = "utf-8-sig",
) -> None:
    data = render_csv(results, lang, scope_label, encoding)
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except OSError as exc:
        raise KioskError("survey_export_failed", path=str(path)) from exc
