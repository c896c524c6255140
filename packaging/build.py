"""Build the double-click app つながり / Tsunagari for the OS this runs on.

    python -m pip install -e '.[package]'
    python packaging/build.py              # the app folder in dist/
    python packaging/build.py --smoke      # ... then start it the way a venue would
    python packaging/build.py --installer  # ... and wrap it for handing out

The same script on Windows, macOS and Linux (.github/workflows/bundle.yml runs
it on each): PyInstaller builds one folder from packaging/tsunagari.spec, then

- Linux: dist/Tsunagari-<version>-linux-<arch>.tar.gz, the folder with a
  .desktop file, the icon and install-desktop-entry.sh;
- Windows: dist/Tsunagari-<version>-windows-setup.exe from
  packaging/windows/tsunagari.iss (Inno Setup's ISCC must be on PATH);
- macOS: dist/Tsunagari.app in dist/Tsunagari-<version>-macos.dmg (hdiutil).

Why PyInstaller and not pyside6-deploy (Nuitka): the README, "Building the app".
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from kiosk import __version__  # noqa: E402

SPEC = ROOT / "packaging" / "tsunagari.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
LINUX = ROOT / "packaging" / "linux"
WINDOWS_SCRIPT = ROOT / "packaging" / "windows" / "tsunagari.iss"
ICONS = ROOT / "packaging" / "icons"
APP_NAME = "Tsunagari"


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def app_folder() -> Path:
    """What PyInstaller made: the .app on macOS, the one folder elsewhere."""
    if sys.platform == "darwin":
        return DIST / f"{APP_NAME}.app"
    return DIST / APP_NAME


def executable(folder: Path | None = None) -> Path:
    """The command the smoke test starts (on Windows the console twin, which prints)."""
    folder = folder or app_folder()
    if sys.platform == "darwin":
        return folder / "Contents" / "MacOS" / APP_NAME
    if sys.platform == "win32":
        return folder / "tsunagari-cli.exe"
    return folder / "tsunagari"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_app() -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("build: PyInstaller is missing; install the packaging tools first:\n"
                 "    python -m pip install -e '.[package]'")  # fmt: skip
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
            "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if sys.platform == "darwin":
        shutil.rmtree(DIST / APP_NAME, ignore_errors=True)  # the .app holds the same files
    size = folder_size(app_folder()) / 1e6
    say(f"{app_folder().relative_to(ROOT)} built in {seconds:.0f} s, {size:.0f} MB")
    return seconds


def linux_tarball() -> Path:
    """The folder, a .desktop file and the icon, as one archive to unpack anywhere."""
    machine = platform.machine().lower() or "x86_64"
    name = f"{APP_NAME}-{__version__}-linux-{machine}"
    archive = DIST / f"{name}.tar.gz"
    extras = {
        "tsunagari.desktop": LINUX / "tsunagari.desktop",
        "install-desktop-entry.sh": LINUX / "install-desktop-entry.sh",
        "tsunagari.png": ICONS / "tsunagari-512.png",
        "README.txt": LINUX / "README.txt",
    }

    def executable_bits(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(app_folder(), arcname=f"{name}/{APP_NAME}", filter=executable_bits)
        for arcname, source in extras.items():
            tar.add(source, arcname=f"{name}/{arcname}", filter=executable_bits)
    say(f"{archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.0f} MB")
    return archive


def windows_installer() -> Path:
    compiler = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    candidate = default / "Inno Setup 6" / "ISCC.exe"
    if compiler is None and candidate.exists():
        compiler = str(candidate)
    if compiler is None:
        sys.exit("build: Inno Setup's ISCC.exe was not found (https://jrsoftware.org/isinfo.php)")
    subprocess.run(
        [
            compiler, f"/DAppVersion={__version__}", f"/DSourceDir={app_folder()}",
            f"/DOutputDir={DIST}", f"/DIconFile={ICONS / 'tsunagari.ico'}", str(WINDOWS_SCRIPT),
        ],
        check=True,
    )  # fmt: skip
    setup = DIST / f"{APP_NAME}-{__version__}-windows-setup.exe"
    say(f"{setup.relative_to(ROOT)}: {setup.stat().st_size / 1e6:.0f} MB")
    return setup


def macos_dmg() -> Path:
    """The .app beside a link to /Applications, so it is installed by dragging."""
    staging = WORK / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(app_folder(), staging / app_folder().name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    dmg = DIST / f"{APP_NAME}-{__version__}-macos.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil", "create", "-volname", "つながり Tsunagari", "-srcfolder", str(staging),
            "-format", "UDZO", "-ov", str(dmg),
        ],
        check=True,
    )  # fmt: skip
    say(f"{dmg.relative_to(ROOT)}: {dmg.stat().st_size / 1e6:.0f} MB")
    return dmg


def installer() -> Path:
    if sys.platform == "win32":
        return windows_installer()
    if sys.platform == "darwin":
        return macos_dmg()
    return linux_tarball()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--smoke", action="store_true", help="start the built app and check it")
    parser.add_argument(
        "--installer", action="store_true", help="also the tarball, Windows setup or macOS .dmg"
    )
    parser.add_argument(
        "--skip-build", action="store_true", help="use the app already in dist/ (after a build)"
    )
    args = parser.parse_args(argv)
    say(f"つながり / Tsunagari {__version__} for {sys.platform}")
    if not args.skip_build:
        build_app()
    if args.smoke:
        import smoke

        if smoke.main([str(executable())]) != 0:
            return 1
    if args.installer:
        installer()
    return 0


if __name__ == "__main__":
    sys.exit(main())
