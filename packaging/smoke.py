"""Start the built app the way a venue PC would, and check what it does.

    python packaging/smoke.py [dist/Tsunagari/tsunagari] [--starts 7] [--compare-python]

Copies the app out of the checkout into a temporary folder and runs it there
with a fresh home (HOME, the XDG folders, APPDATA), from a working folder with
nothing beside it, headless (QT_QPA_PLATFORM=offscreen):

1. `--version` names this version;
2. `demo --data-dir D` builds the demo database (questionnaires, lists, migrations);
3. `--demo --data-dir D export daily --format pdf`: every font in the PDF is
   embedded; the month as xlsx, the day as a cp932 CSV;
4. the window starts on the demo and says the check-in screen is shown
   (TSUNAGARI_QUIT_WHEN_SHOWN, ui/app.py), with the bundled font and style sheet
   (a missing one is a warning on the app's stderr, which fails here);
5. `survey` starts straight into the questionnaire kiosk (after a coordinator
   PIN is set, as Settings asks before a first kiosk).

Then it times the window's start (a new process each time, to "shown") and
measures the app folder. Exit status 0 when every check passed. packaging/build.py
--smoke runs it; tests/test_bundle.py (marked slow) runs build and smoke.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk import __version__  # noqa: E402

SHOWN = "tsunagari: window shown: "  # ui/app.py SHOWN_MARKER and what is shown
WARNINGS = ("bundled font could not be loaded", "translation", "Traceback", "ERROR")
START_TIMEOUT = 60


class SmokeFailed(Exception):
    """One check of the built app failed: what was run and what it said."""


def app_root(executable: Path) -> Path:
    """The folder to copy: the .app on macOS, the app's one folder elsewhere."""
    for parent in executable.parents:
        if parent.suffix == ".app":
            return parent
    return executable.parent


def fresh_environment(home: Path) -> dict[str, str]:
    """A first start on a new PC: nothing of the developer's home, no display."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key in ("PATH", "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "TMPDIR", "COMSPEC")
    }
    for name in ("config", "data", "cache", "state"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "data"),
        LOCALAPPDATA=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    return env


def run(command: list[str], env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SmokeFailed(
            f"{' '.join(command)} ended with {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout + done.stderr


def start_window(command: list[str], env: dict[str, str], cwd: Path) -> tuple[str, float, str]:
    """Start the window; (what it showed, seconds to shown, what it wrote to stderr)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**env, "TSUNAGARI_QUIT_WHEN_SHOWN": "1"}, cwd=cwd,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        errors="replace",
    )  # fmt: skip
    assert process.stdout is not None
    shown, seconds = "", 0.0
    for line in process.stdout:
        if line.startswith(SHOWN):
            shown, seconds = line[len(SHOWN) :].strip(), time.perf_counter() - started
    try:
        _out, err = process.communicate(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        raise SmokeFailed(f"{' '.join(command)} did not end after showing {shown!r}") from None
    if process.returncode != 0 or not shown:
        raise SmokeFailed(f"{' '.join(command)} ended with {process.returncode}\n{err}")
    return shown, seconds, err


def unembedded_fonts(pdf: Path) -> list[str]:
    missing = []
    for page in PdfReader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def set_kiosk_pin(data: Path) -> None:
    """What a coordinator does in Settings before the first kiosk: a PIN to leave it by."""
    from kiosk.care import pin
    from kiosk.core.database import open_database
    from kiosk.core.paths import DataFolder

    ctx = open_database(folder=DataFolder(data).demo)
    try:
        pin.set_pin(ctx, "2468", "2468")
    finally:
        ctx.close()


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check(executable: Path, starts: int, compare_python: bool) -> dict[str, object]:
    results: dict[str, object] = {"version": __version__, "platform": sys.platform}
    with tempfile.TemporaryDirectory(prefix="tsunagari-smoke-") as tmp:
        root = Path(tmp)
        installed = root / "installed" / app_root(executable).name
        shutil.copytree(app_root(executable), installed, symlinks=True)
        app = installed / executable.relative_to(app_root(executable))
        work, data = root / "elsewhere", root / "data"
        work.mkdir()
        env = fresh_environment(root / "home")
        results["size_mb"] = round(folder_size(installed) / 1e6, 1)

        said = run([str(app), "--version"], env, work).strip()
        if said != f"tsunagari {__version__}":
            raise SmokeFailed(f"--version said {said!r}")
        print(f"smoke: --version: {said}")

        started = time.perf_counter()
        said = run([str(app), "demo", "--data-dir", str(data)], env, work)
        results["demo_s"] = round(time.perf_counter() - started, 2)
        print(f"smoke: demo built in {results['demo_s']} s: {said.splitlines()[-1]}")

        pdf = work / "daily.pdf"
        today = date.today().isoformat()
        run(
            [str(app), "--demo", "--data-dir", str(data), "export", "daily", "--date", today,
             "--format", "pdf", "-o", str(pdf)],
            env, work,
        )  # fmt: skip
        missing = unembedded_fonts(pdf)
        if missing:
            raise SmokeFailed(f"fonts not embedded in the daily PDF: {missing}")
        print(f"smoke: daily PDF of {today}, every font embedded ({pdf.stat().st_size} bytes)")
        month = f"{date.today().year}-{date.today().month:02d}"
        for report, made, extra in (
            ("month", work / "month.xlsx", ["--month", month, "--format", "xlsx"]),
            (
                "daily",
                work / "daily.csv",
                ["--date", today, "--format", "csv", "--encoding", "cp932"],
            ),
        ):
            run(
                [str(app), "--demo", "--data-dir", str(data), "export", report, *extra,
                 "-o", str(made)],
                env, work,
            )  # fmt: skip
            if not made.is_file() or made.stat().st_size == 0:
                raise SmokeFailed(f"{made.name} was not written")
        print(f"smoke: the month {month} as Excel, the day as CSV for Windows (cp932)")

        # The phone page's cards: segno's QR codes drawn by ReportLab, from the bundle.
        cards = work / "cards.pdf"
        run(
            [str(app), "--demo", "--data-dir", str(data), "survey", "cards", "-n", "2",
             "--address", "127.0.0.1", "-o", str(cards)],
            env, work,
        )  # fmt: skip
        if unembedded_fonts(cards):
            raise SmokeFailed(f"cards.pdf has fonts not embedded: {unembedded_fonts(cards)}")
        print("smoke: two answer cards for phones, every font embedded")

        window = [str(app), "--demo", "--data-dir", str(data)]
        shown, first, err = start_window(window, env, work)
        if shown != "checkin":
            raise SmokeFailed(f"the window showed {shown!r}, not the check-in screen")
        complaints = [line for line in err.splitlines() if any(w in line for w in WARNINGS)]
        if complaints:
            raise SmokeFailed("the window complained:\n" + "\n".join(complaints))
        print(f"smoke: the window showed the check-in screen ({first:.2f} s, the first start)")

        set_kiosk_pin(data)
        shown, _seconds, _err = start_window(
            [str(app), "survey", "--demo", "--data-dir", str(data)], env, work
        )
        if shown != "survey-kiosk":
            raise SmokeFailed(f"`survey` showed {shown!r}, not the questionnaire kiosk")
        print("smoke: `survey` started the questionnaire kiosk")

        results["first_start_s"] = round(first, 2)
        times = [start_window(window, env, work)[1] for _ in range(starts)]
        results["start_median_s"] = round(statistics.median(times), 2)
        results["start_runs_s"] = [round(t, 2) for t in times]
        print(f"smoke: window start, median of {starts}: {results['start_median_s']} s")
        if compare_python:
            python = [sys.executable, "-m", "kiosk", "--demo", "--data-dir", str(data)]
            py_env = {**env, "PYTHONPATH": str(ROOT)}
            times = [start_window(python, py_env, work)[1] for _ in range(starts)]
            results["python_start_median_s"] = round(statistics.median(times), 2)
            print(
                f"smoke: python -m kiosk, median of {starts}: {results['python_start_median_s']} s"
            )
    print(f"smoke: app folder {results['size_mb']} MB")
    return results


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "packaging"))
    from build import executable as built_executable

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("executable", nargs="?", type=Path, default=None)
    parser.add_argument("--starts", type=int, default=5, help="timed starts (median)")
    parser.add_argument("--compare-python", action="store_true", help="time python -m kiosk too")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args(argv)
    executable = (args.executable or built_executable()).resolve()
    if not executable.exists():
        print(f"smoke: no app at {executable}; build it first (python packaging/build.py)")
        return 1
    try:
        results = check(executable, args.starts, args.compare_python)
    except (SmokeFailed, subprocess.TimeoutExpired) as failure:
        print(f"smoke: FAILED: {failure}")
        return 1
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("smoke: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
