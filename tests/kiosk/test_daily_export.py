"""Exporting the daily tally: date rules, venues, atomic files, the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.cli.main import main
from kiosk.core.errors import KioskError
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.reports.daily_export import ExportRequest, export_daily, parse_day, tallies_for


def code_of(action):
    with pytest.raises(KioskError) as info:
        action()
    return info.value.code


def test_dates_are_checked(ctx, venue):
    assert parse_day(" 2026-11-22 ") == date(2026, 11, 22)
    assert code_of(lambda: parse_day("2026-13-01")) == "date_invalid"
    assert code_of(lambda: parse_day("22/11/2026")) == "date_invalid"
    future = ExportRequest(date(2026, 11, 23), date(2026, 11, 23), ())
    assert code_of(lambda: tallies_for(ctx, future)) == "date_in_future"
    backwards = ExportRequest(date(2026, 11, 20), date(2026, 11, 10), ())
    assert code_of(lambda: tallies_for(ctx, backwards)) == "date_range_reversed"
    too_long = ExportRequest(date(2024, 1, 1), date(2026, 11, 1), ())
    assert code_of(lambda: tallies_for(ctx, too_long)) == "date_range_too_long"


def test_one_date_gives_every_venue_a_range_only_days_with_something(ctx, venue, event, clock):
    other = venues.add_venue(ctx, "東部センター")
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="30s"))
    one = tallies_for(ctx, ExportRequest(date(2026, 11, 22), date(2026, 11, 22), ()))
    assert [(t.venue_name, t.held) for t in one] == [("中央公民館", True), ("東部センター", False)]
    month = tallies_for(ctx, ExportRequest(date(2026, 11, 1), date(2026, 11, 22), ()))
    assert [(t.day.day, t.venue_name) for t in month] == [(22, "中央公民館")]
    only_other = tallies_for(ctx, ExportRequest(date(2026, 11, 1), date(2026, 11, 5), (other.id,)))
    assert [(t.day.day, t.visits) for t in only_other] == [(1, 0)]  # zeros, not nothing


def test_a_failed_write_leaves_no_file(ctx, venue, tmp_path):
    target = tmp_path / "exports" / "blocked"
    target.mkdir(parents=True)
    request = ExportRequest(date(2026, 11, 22), date(2026, 11, 22), (), "pdf")
    assert code_of(lambda: export_daily(ctx, request, target)) == "export_write_failed"
    assert [p.name for p in target.parent.iterdir()] == ["blocked"]  # no temp file left


def test_cli_exports_csv_and_pdf_with_a_note_for_days_without_event(folder, capsys, tmp_path):
    from kiosk.core.database import open_database

    ctx = open_database(folder=folder)
    venue = venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
    today = date.today()
    event = events.open_event(ctx, venue.id)
    checkin.check_in(ctx, CheckInRequest(event_id=event.id, age_band="40s"))
    out = tmp_path / "today.csv"
    args = ["--data-dir", str(folder.root), "export", "daily", "--date", today.isoformat()]
    assert main([*args, "--format", "csv", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert ",中央公民館,カフェ・居場所,1," in out.read_text(encoding="utf-8-sig")
    pdf = tmp_path / "day.pdf"
    earlier = ["--date", "2020-01-05", "--format", "pdf", "-o", str(pdf)]
    assert main(["--data-dir", str(folder.root), "export", "daily", *earlier]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    printed = capsys.readouterr().out
    assert "2020-01-05 中央公民館: 開催なし" in printed


def test_cli_refuses_bad_input_in_one_line(folder, capsys, tmp_path):
    from kiosk.core.database import open_database

    venues.complete_setup(open_database(folder=folder), "NPO", "中央公民館", "in_person")
    base = [
        "--data-dir",
        str(folder.root),
        "export",
        "daily",
        "--format",
        "csv",
        "-o",
        str(tmp_path / "x.csv"),
    ]
    assert main([*base, "--date", "2026-02-30"]) == 2
    assert main([*base, "--date", "2020-01-01", "--venue", "どこか"]) == 2
    assert main(["--lang", "en", *base, "--date", "2999-01-01"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("tsunagari: ") for line in err)
    assert "2026-02-30" in err[0] and "どこか" in err[1] and "future" in err[2]
    assert not (tmp_path / "x.csv").exists()
