"""Each figure of the benchmark, measured through the app's own services.

Times are in milliseconds. A figure that is quick is repeated and the median
kept, so one hiccup of the machine does not decide it; the slow ones run
once at the large size to keep the run short.
"""

from __future__ import annotations

import compileall
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.models import Event
from kiosk.care.backups import create_backup, folder_of
from kiosk.core.context import AppContext
from kiosk.door.checkin import CheckInRequest, check_in
from kiosk.door.events import open_event
from kiosk.exchange import pairing
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.importer import import_file
from kiosk.exchange.undo import undo_import
from kiosk.reports.daily import daily_tally
from kiosk.reports.daily_export import ExportRequest, export_daily
from kiosk.reports.period import fiscal_year_period, period_report
from kiosk.reports.period_export import PeriodRequest, export_period

SHOWN_MARKER = "tsunagari: window shown"  # ui/app.py prints it when asked to
PROJECT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("kiosk", "ui", "db")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def timed(work: Callable[[], Any], repeats: int = 1) -> float:
    """Median milliseconds of `repeats` runs of `work`."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return ms(statistics.median(times))


def cold_start(root: Path) -> dict[str, float]:
    """Launch the GUI on the folder; time until it says the check-in screen is shown.

    The first start of a day also starts the daily backup, off the GUI
    thread: it is measured apart from an ordinary start. The clock stops
    when the window is shown (the backup may still run, and the process
    waits for it before it exits), the peak memory is the whole run's.
    """
    # An installed app has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module at every start and time the compiler instead.
    for package in APP_PACKAGES:
        compileall.compile_dir(PROJECT / package, quiet=1)
    out: dict[str, float] = {}
    for name in ("first_start_of_day_ms", "cold_start_ms"):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TSUNAGARI_QUIT_WHEN_SHOWN": "1"}
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--data-dir", str(root)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stderr is not None
        peak = _PeakMemory(child.pid)
        peak.start()
        shown = None
        lines = []
        for line in child.stdout:
            lines.append(line)
            if shown is None and SHOWN_MARKER in line:
                shown = time.perf_counter() - started
        peak.finish()
        _, status, usage = os.wait4(child.pid, 0)
        stderr = child.stderr.read()
        if shown is None or os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"the GUI did not show its window:\n{''.join(lines)}\n{stderr}")
        out[name] = ms(shown)
        if peak.kib:
            out["peak_memory_mb"] = round(peak.kib / 1024, 1)
        else:  # no /proc (macOS): ru_maxrss, in bytes there
            out["peak_memory_mb"] = round(usage.ru_maxrss / 1024 / 1024, 1)
    return out


class _PeakMemory(threading.Thread):
    """The child's VmHWM, read from /proc while it runs.

    Not ru_maxrss: Linux carries across exec the resident size the child had
    as a fork of this benchmark process, which holds hundreds of MB after
    building the large database; ru_maxrss then reports the parent's size.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.status = Path(f"/proc/{pid}/status")
        self.kib = 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            try:
                found = re.search(r"VmHWM:\s+(\d+) kB", self.status.read_text())
            except OSError:
                return
            if found:  # an exited child (a zombie until waited for) has none
                self.kib = max(self.kib, int(found[1]))
            if self.done.wait(0.01):
                return

    def finish(self) -> None:
        """Once the child has closed its output: it is exiting or gone."""
        self.done.set()
        self.join()


def check_ins(ctx: AppContext, venue_id: str, count: int) -> dict[str, float]:
    """Commit `count` check-ins one by one on today's open event."""
    event = open_event(ctx, venue_id)
    times = []
    for n in range(count):
        request = CheckInRequest(
            event_id=event.id,
            age_band=("30s", "40s", "20s")[n % 3],
            residence="resident",
            first_visit=n % 4 == 0,
            heard_from="flyer",
        )
        started = time.perf_counter()
        check_in(ctx, request)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "checkin_p50_ms": ms(statistics.median(times)),
        "checkin_p95_ms": ms(times[min(len(times) - 1, int(len(times) * 0.95))]),
    }


def busiest_recent_day(ctx: AppContext, venue_id: str) -> date:
    """The venue's last café day before today: the tally a coordinator opens."""
    with ctx.sessions() as session:
        day = session.scalar(
            select(func.max(Event.date)).where(Event.venue_id == venue_id, Event.status == "closed")
        )
    if day is None:
        raise RuntimeError("the generated venue has no event")
    return day


RAW_TALLY = """
WITH ev AS (SELECT id FROM event WHERE venue_id = :venue AND date = :day AND status != 'cancelled'),
v AS (SELECT * FROM visit WHERE event_id IN (SELECT id FROM ev) AND status = 'active')
SELECT 'age', age_band, count(*) FROM v GROUP BY age_band
UNION ALL SELECT 'residence', residence, count(*) FROM v GROUP BY residence
UNION ALL SELECT 'heard', coalesce(heard_from, 'unanswered'), count(*) FROM v GROUP BY 2
UNION ALL SELECT 'hour', strftime('%H', checked_in_at, '+9 hours'), count(*) FROM v GROUP BY 2
UNION ALL SELECT 'visits', sum(first_visit IS 1), sum(count_only) FROM v
UNION ALL SELECT 'regulars', NULL, count(DISTINCT visitor_id) FROM v
UNION ALL SELECT 'children', age_band, count(*) FROM child_care
  WHERE event_id IN (SELECT id FROM ev) AND status != 'cancelled' GROUP BY age_band
UNION ALL SELECT 'signups', status, count(*) FROM signup
  WHERE event_id IN (SELECT id FROM ev) GROUP BY status
UNION ALL SELECT 'survey', NULL, count(*) FROM survey_response WHERE event_id IN (SELECT id FROM ev)
UNION ALL SELECT 'consultations', category, count(*) FROM consultation
  WHERE venue_id = :venue AND date = :day AND status = 'active' GROUP BY category
UNION ALL SELECT 'referrals', agency, count(*) FROM referral
  WHERE venue_id = :venue AND date = :day AND status = 'active' GROUP BY agency
UNION ALL SELECT 'case_meetings', NULL, count(*) FROM case_meeting
  WHERE venue_id = :venue AND date = :day AND status = 'active'
UNION ALL SELECT 'paper', NULL, sum(visits) FROM paper_day
  WHERE venue_id = :venue AND date = :day AND status = 'active'
"""


def raw_tally(path: Path, venue_id: str, day: date) -> list[tuple[Any, ...]]:
    """The daily tally's figures in one hand-written query: the floor to compare with."""
    with sqlite3.connect(path) as conn:
        return conn.execute(RAW_TALLY, {"venue": venue_id, "day": day.isoformat()}).fetchall()


def tallies(
    ctx: AppContext, path: Path, venue_id: str, day: date, repeats: int
) -> dict[str, float]:
    tally = daily_tally(ctx, venue_id, day)
    raw = raw_tally(path, venue_id, day)
    if sum(n for kind, _, n in raw if kind == "age") != tally.age_bands.total():
        raise AssertionError("the raw query and the tally disagree")
    return {
        "daily_tally_ms": timed(lambda: daily_tally(ctx, venue_id, day), repeats),
        "raw_sql_tally_ms": timed(lambda: raw_tally(path, venue_id, day), repeats),
        "tally_visits": tally.visits,
    }


DEMO_VENUES = 3  # the demo's venues: a coordinator's year of daily CSV covers them all


def reports(
    ctx: AppContext,
    out: Path,
    venue_ids: list[str],
    day: date,
    year: int,
    repeats: int,
) -> dict[str, float]:
    period = fiscal_year_period(year)
    one_day = (venue_ids[0],)
    a_year = ExportRequest(day - timedelta(days=364), day, tuple(venue_ids[:DEMO_VENUES]), "csv")
    return {
        "fy_report_ms": timed(lambda: period_report(ctx, period), repeats),
        "daily_pdf_ms": timed(
            lambda: export_daily(ctx, ExportRequest(day, day, one_day, "pdf"), out / "day.pdf"),
            repeats,
        ),
        "daily_csv_ms": timed(
            lambda: export_daily(ctx, ExportRequest(day, day, one_day, "csv"), out / "day.csv"),
            repeats,
        ),
        "fy_pdf_ms": timed(
            lambda: export_period(ctx, PeriodRequest(period, None, "pdf"), out / "fy.pdf"),
            repeats,
        ),
        "daily_csv_year_ms": timed(lambda: export_daily(ctx, a_year, out / "year.csv"), repeats),
        "daily_xlsx_year_ms": timed(
            lambda: export_daily(ctx, replace(a_year, format="xlsx"), out / "year.xlsx"), repeats
        ),
    }


def exchange(month: AppContext, target: AppContext, out: Path) -> dict[str, float]:
    """Export a venue-month from its laptop's database, import it at the coordinator's.

    The laptop is paired with the coordinator first (not timed): files travel
    only between paired PCs, signed and sealed.
    """
    if pairing.coordinator(month) is None:
        invitation = pairing.invite(target, out / "invitation.json")
        joined = pairing.join(month, invitation.path, invitation.code, out / "answer.json")
        pairing.confirm(target, pairing.read_answer(target, joined.answer))
    path = out / "month.tsunagari"
    started = time.perf_counter()
    export_for_coordinator(month, path, everything=True)
    exported = time.perf_counter() - started
    started = time.perf_counter()
    result = import_file(target, path)
    imported = time.perf_counter() - started
    # Undoing it: the rows it added removed, those it replaced put back.
    started = time.perf_counter()
    undo_import(target, result.file_id)
    undone = time.perf_counter() - started
    # What a copy of the whole file costs, timed apart: imports made one first,
    # to be undone by restoring it, until the undo record replaced it.
    folder = folder_of(target)
    started = time.perf_counter()
    if folder is not None:
        create_backup(folder, "manual")
    copied = time.perf_counter() - started
    return {
        "exchange_export_ms": ms(exported),
        "exchange_import_ms": ms(imported),
        "exchange_undo_ms": ms(undone),
        "exchange_import_copy_ms": ms(copied),
        "exchange_new_rows": float(sum(t.new for t in result.tables.values())),
    }
