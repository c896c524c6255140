"""`python bench/run.py [--quick] [-o FILE]`: the benchmark the project keeps.

Builds a small (~10 thousand visits) and a large (~1 million visits) database
in a temporary folder, measures the door and the coordinator's figures on
each through the app's own services, prints a table with the ratios (large ÷
small: how cost grows with history; tally ÷ raw SQL: what the services add
over one hand-written query) and writes them as JSON. `--quick`: small only,
so a test can run it and the benchmark never rots.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# This checkout's code, not whichever one is installed (a git worktree measures itself).
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import door_window
import generate
import measures

from kiosk.core.database import open_database
from kiosk.core.fiscal_year import fiscal_year_of
from kiosk.core.paths import DataFolder

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"
CHECK_INS = {"small": 50, "large": 200}
REPEATS = {"small": 5, "large": 3}
WINDOW_CHECK_INS = 20

# Figure → (target, unit), from issue 8 (and 15); None: measured, no target.
TARGETS: dict[str, tuple[float | None, str]] = {
    "cold_start_ms": (1000, "ms"),
    "first_start_of_day_ms": (None, "ms"),
    "peak_memory_mb": (250, "MB"),
    "checkin_p50_ms": (None, "ms"),
    "checkin_p95_ms": (15, "ms"),
    # Issue 15: the window's share, from the commit to the header's counters redrawn.
    door_window.COUNTERS_FIGURE: (15, "ms"),
    "daily_tally_ms": (30, "ms"),
    "raw_sql_tally_ms": (None, "ms"),
    "fy_report_ms": (300, "ms"),  # issue 15
    "daily_pdf_ms": (None, "ms"),
    "daily_csv_ms": (None, "ms"),
    "daily_csv_year_ms": (1000, "ms"),  # issue 15: a year of days, the demo's three venues
    "daily_xlsx_year_ms": (1000, "ms"),  # issue 16: the same year as an Excel workbook
    "fy_pdf_ms": (2000, "ms"),
    "exchange_export_ms": (None, "ms"),
    "exchange_import_ms": (1000, "ms"),  # issue 15: < 1 s, still undoable
    "exchange_undo_ms": (None, "ms"),  # undoing that import
    "exchange_import_copy_ms": (None, "ms"),  # a whole-file copy, which imports no longer make
}


def measure_size(size: generate.Size, work: Path, seed: int = 1) -> dict[str, Any]:
    """Every figure at one size, on a freshly generated database."""
    root = work / size.name
    built = generate.generate(root, size, seed)
    month = generate.generate(
        work / f"{size.name}-month",
        generate.Size("month", venues=1, years=0),
        seed + 1,
        venue_offset=size.venues,
        only_month=True,
    )
    figures: dict[str, Any] = {
        "visits": built.visits,
        "events": built.events,
        "venues": len(built.venue_ids),
        "generate_s": round(built.seconds, 1),
        "month_visits": month.visits,
    }
    figures.update(measures.cold_start(root))
    ctx = open_database(folder=DataFolder(root))
    month_ctx = open_database(folder=DataFolder(work / f"{size.name}-month"))
    venue = built.venue_ids[0]
    day = measures.busiest_recent_day(ctx, venue)
    repeats = REPEATS[size.name]
    figures.update(measures.tallies(ctx, built.path, venue, day, repeats * 4))
    year = fiscal_year_of(date.today()) - 1
    figures.update(measures.reports(ctx, work, built.venue_ids, day, year, repeats))
    figures.update(measures.check_ins(ctx, built.venue_ids[1], CHECK_INS[size.name]))
    figures.update(door_window.counters_after_check_in(ctx, WINDOW_CHECK_INS))
    figures.update(measures.exchange(month_ctx, ctx, work))  # last: it changes the file
    for c in (ctx, month_ctx):
        c.close()
    return figures


def ratios(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, figures in results.items():
        if figures.get("raw_sql_tally_ms"):
            out[f"tally_over_raw_sql_{name}"] = round(
                figures["daily_tally_ms"] / figures["raw_sql_tally_ms"], 2
            )
    small, large = results.get("small"), results.get("large")
    if small and large:
        for figure in TARGETS:
            if small.get(figure) and large.get(figure) is not None:
                out[f"large_over_small_{figure}"] = round(large[figure] / small[figure], 2)
    return out


def table(results: dict[str, dict[str, Any]], found: dict[str, float]) -> str:
    sizes = list(results)
    head = ["figure", *sizes, "target"]
    if "large" in results and "small" in results:
        head.append("large÷small")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for figure, (target, unit) in TARGETS.items():
        row = [figure, *(str(results[s].get(figure, "")) for s in sizes)]
        row.append(f"< {target:g} {unit}" if target is not None else "")
        if len(head) > len(row):
            row.append(str(found.get(f"large_over_small_{figure}", "")))
        lines.append(" | ".join(row))
    lines.append("")
    lines += [f"{k}: {v} (target ≤ 3)" for k, v in found.items() if k.startswith("tally_over")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the small database only")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    sizes = [generate.SMALL] if args.quick else [generate.SMALL, generate.LARGE]
    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="tsunagari-bench-") as work:
        for size in sizes:
            results[size.name] = measure_size(size, Path(work))
            print(f"{size.name}: measured", file=sys.stderr)
    found = ratios(results)
    report = {
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpus": __import__("os").cpu_count(),
        },
        "date": date.today().isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "results": results,
        "ratios": found,
    }
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(table(results, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
