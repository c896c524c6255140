"""The benchmark's quick mode still runs and writes sane JSON (not how fast)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[1] / "bench" / "run.py"


@pytest.mark.slow
def test_quick_benchmark_runs_and_writes_figures(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "daily_tally_ms" in done.stdout
    report = json.loads(output.read_text())
    small = report["results"]["small"]
    assert 5_000 < small["visits"] < 20_000
    for figure in (
        "cold_start_ms",
        "checkin_p95_ms",
        "daily_tally_ms",
        "fy_pdf_ms",
        "daily_xlsx_year_ms",
    ):
        assert small[figure] > 0
    assert small["peak_memory_mb"] > 10
    assert small["exchange_new_rows"] > 100  # the venue-month really went in
    assert report["ratios"]["tally_over_raw_sql_small"] > 0
