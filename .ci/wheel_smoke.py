"""CI: the app as a real install runs it, not as the checkout does.

Builds the wheel, installs it with its dependencies into a fresh virtualenv
in a temporary folder outside the checkout, and from there (a fresh home, a
working folder with no `resources/` beside it) runs `tsunagari --version`,
`tsunagari demo`, and a daily PDF export whose fonts must all be embedded.
An app that finds its data only beside the checkout fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# One check of a PDF's fonts for both smoke tests: the wheel's here, the app's in packaging/.
sys.path.insert(0, str(PROJECT / "packaging"))
from smoke import unembedded_fonts  # noqa: E402


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    printed = subprocess.run(
        [str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    if printed.returncode != 0:
        sys.exit(
            f"wheel smoke: {' '.join(map(str, args))} failed ({printed.returncode})\n"
            f"{printed.stdout}\n{printed.stderr}"
        )
    return printed.stdout


def clean_copy(into: Path) -> Path:
    """The project's files as a fresh clone has them: no build/ left by an earlier wheel.

    setuptools reuses build/lib, so a stale folder can carry files that the
    package data no longer (or not yet) names.
    """
    listed = run(
        "git", "-C", PROJECT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"
    )
    for name in filter(None, listed.split("\0")):
        source = PROJECT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="tsunagari-wheel-") as tmp:
        root = Path(tmp)
        wheels = root / "wheels"
        source = clean_copy(root / "source")
        run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, source)
        (wheel,) = wheels.glob("tsunagari-*.whl")
        venv.create(root / "venv", with_pip=True)
        bindir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
        run(bindir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
        work = root / "elsewhere"
        work.mkdir()
        env = {
            "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(root / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
        }
        tsunagari = bindir / "tsunagari"
        located = run(
            bindir / "python",
            "-c",
            "import kiosk.core.paths as p; print(p.__file__)",
            env=env,
            cwd=work,
        )
        if not Path(located.strip()).is_relative_to(root / "venv"):
            sys.exit(f"wheel smoke: kiosk was imported from {located.strip()}, not the wheel")
        print(run(tsunagari, "--version", env=env, cwd=work).strip())
        data = root / "data"
        run(tsunagari, "demo", "--data-dir", data, env=env, cwd=work)
        pdf = work / "daily.pdf"
        today = date.today().isoformat()
        run(
            tsunagari, "--demo", "--data-dir", data, "export", "daily",
            "--date", today, "--format", "pdf", "-o", pdf,
            env=env, cwd=work,
        )  # fmt: skip
        missing = unembedded_fonts(pdf)
        if missing:
            sys.exit(f"wheel smoke: fonts not embedded in the daily PDF: {missing}")
        print(f"wheel smoke: {wheel.name} installed outside the checkout; demo and PDF fine")


if __name__ == "__main__":
    main()
