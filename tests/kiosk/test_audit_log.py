"""The audit log viewer's queries: filters, newest first, paging, CSV."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kiosk.care.audit_log import (
    ACTION_LABELS,
    AuditFilter,
    action_label,
    actions,
    audit_csv,
    audit_page,
    devices,
    export_audit_csv,
)
from kiosk.core import settings
from kiosk.core.errors import KioskError
from kiosk.door import checkin, events
from kiosk.door.checkin import CheckInRequest
from tests.kiosk.test_period_report import on_day

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


@pytest.fixture
def log(ctx, venue, clock):
    """Two café days, the second also written by another device."""
    on_day(clock, date(2026, 11, 29))
    first = events.open_event(ctx, venue.id)
    for _ in range(3):
        clock.advance(minutes=5)
        checkin.check_in(ctx, CheckInRequest(event_id=first.id, nickname=None))
    events.close_event(ctx, first.id, force=True)
    on_day(clock, date(2026, 12, 6))
    second = events.open_event(ctx, venue.id)
    tablet = replace(ctx, device_id="tablet-2")
    for _ in range(2):
        clock.advance(minutes=5)
        checkin.check_in(tablet, CheckInRequest(event_id=second.id))
    clock.advance(minutes=5)
    settings.set_organisation(ctx, "=cmd|calc")  # a formula-looking value never reaches the log
    return ctx


def test_newest_first_with_every_line(ctx, log):
    page = audit_page(ctx, AuditFilter())
    times = [line.at for line in page.lines]
    assert times == sorted(times, reverse=True)
    assert page.lines[0].action == "setting_changed"
    assert page.lines[0].detail == (("key", "organisation"),)
    assert page.total == len(page.lines) and not page.has_next and not page.has_previous


def test_filters_by_day_device_and_action(ctx, log):
    only_first_day = audit_page(ctx, AuditFilter(first=date(2026, 11, 29), last=date(2026, 11, 29)))
    assert [line.action for line in only_first_day.lines] == [
        "event_closed",
        "checked_in",
        "checked_in",
        "checked_in",
        "event_opened",
    ]
    tablet = audit_page(ctx, AuditFilter(device_id="tablet-2"))
    assert [line.action for line in tablet.lines] == ["checked_in", "checked_in"]
    checkins = audit_page(ctx, AuditFilter(action="checked_in", first=date(2026, 11, 30)))
    assert checkins.total == 2
    assert {line.device_id for line in checkins.lines} == {"tablet-2"}
    assert audit_page(ctx, AuditFilter(first=date(2026, 12, 7))).total == 0
    assert "tablet-2" in devices(ctx) and ctx.device_id in devices(ctx)
    assert {"checked_in", "event_opened", "setting_changed"} <= set(actions(ctx))


def test_pages_cover_every_line_once(ctx, log):
    everything = audit_page(ctx, AuditFilter()).lines
    seen = []
    offset = 0
    while True:
        page = audit_page(ctx, AuditFilter(), offset=offset, page_size=3)
        seen.extend(page.lines)
        if not page.has_next:
            break
        offset += 3
    assert tuple(seen) == everything and len(everything) > 6
    assert audit_page(ctx, AuditFilter(), offset=3, page_size=3).has_previous


def test_a_period_that_ends_before_it_starts_is_refused(ctx, log):
    with pytest.raises(KioskError) as excinfo:
        audit_page(ctx, AuditFilter(first=date(2026, 12, 6), last=date(2026, 11, 29)))
    assert excinfo.value.code == "audit_dates_invalid"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_csv_in_both_encodings(ctx, log, encoding):
    data = audit_csv(ctx, AuditFilter(device_id="tablet-2"), encoding, "ja")
    text = data.decode(encoding)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["日時", "操作", "操作コード", "対象", "対象ID", "詳細", "端末"]
    assert [r[1:3] for r in rows[1:]] == [["受付", "checked_in"]] * 2
    assert rows[1][0].startswith("2026-12-06 10:")  # local time
    assert '"children": 0' in rows[1][5] and rows[1][6] == "tablet-2"


def test_csv_written_atomically_in_english(ctx, log, tmp_path):
    target = export_audit_csv(ctx, AuditFilter(), tmp_path / "audit.csv", lang="en")
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "When" and rows[1][1] == "Setting changed"
    assert len(rows) == audit_page(ctx, AuditFilter()).total + 1


def test_every_action_the_services_write_has_a_label():
    source = "\n".join(p.read_text(encoding="utf-8") for p in KIOSK.rglob("*.py"))
    used = set(re.findall(r'audit\(\s*session,\s*\w+,\s*"([a-z_]+)"', source))
    # The one way to cancel (kiosk/core/cancelling.py) writes "<entity>_cancelled".
    cancelled = re.findall(r'mark_cancelled\(\s*session,\s*\w+,\s*\w+,\s*"([a-z_]+)"', source)
    assert len(cancelled) >= 6
    used |= {f"{entity}_cancelled" for entity in cancelled}
    assert len(used) > 30
    assert used - set(ACTION_LABELS) == set()


def test_unknown_codes_are_shown_as_they_are():
    assert action_label("something_new", "ja") == "something_new"
    assert action_label("checked_in", "en") == "Checked in"
