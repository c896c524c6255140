"""The double-click app's recipe, its launchers and installers agree with the app.

Building the app takes a minute and more (.ci/run builds it and runs
packaging/smoke.py); these checks are the fast part: the shortcuts start
commands the app has, the installer keeps the data folder the app uses, the
menu entry points at the unpacked app, and the icons hold every size.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from kiosk import __version__
from kiosk.cli.main import build_parser
from kiosk.core import paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / "tsunagari.desktop"
INNO = PACKAGING / "windows" / "tsunagari.iss"


def desktop_entry() -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # Name[ja] keeps its case
    entry.read(DESKTOP, encoding="utf-8")
    return entry


def test_the_linux_menu_entry_starts_the_app_and_its_kiosk():
    entry = desktop_entry()
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name[ja]"] == "つながり"
    assert main["Icon"] == "tsunagari"
    assert main["StartupWMClass"] == "tsunagari"  # ui/app.py setDesktopFileName("tsunagari")
    assert main["Exec"] == "tsunagari"
    kiosk = entry["Desktop Action survey-kiosk"]
    assert kiosk["Exec"].split()[1:] == ["survey"]
    assert build_parser().parse_args(["survey"]).command == "survey"


@pytest.mark.skipif(shutil.which("sh") is None, reason="a POSIX shell")
def test_install_desktop_entry_points_the_menu_at_the_unpacked_folder(tmp_path: Path):
    unpacked = tmp_path / "Tsunagari 0.1.0"  # a space in the folder, as a download may have
    (unpacked / "Tsunagari").mkdir(parents=True)
    for name in ("install-desktop-entry.sh", "tsunagari.desktop"):
        shutil.copy2(PACKAGING / "linux" / name, unpacked / name)
    shutil.copy2(PACKAGING / "icons" / "tsunagari-512.png", unpacked / "tsunagari.png")
    data_home = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path)}

    subprocess.run(["sh", str(unpacked / "install-desktop-entry.sh")], env=env, check=True)

    written = (data_home / "applications" / "tsunagari.desktop").read_text(encoding="utf-8")
    app = unpacked / "Tsunagari" / "tsunagari"
    assert f'Exec="{app}"\n' in written
    assert f'Exec="{app}" survey\n' in written
    assert (data_home / "icons" / "hicolor" / "512x512" / "apps" / "tsunagari.png").is_file()


def test_the_windows_installer_is_per_user_and_keeps_the_data_unless_asked():
    script = INNO.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert 'Parameters: "survey"' in script  # the kiosk shortcut: a command the app has
    assert "Tasks: desktopicon" in script and "Tasks: desktopkiosk" in script
    # The folder the uninstaller offers to delete is the app's own data folder.
    assert paths.APP_NAME == "Tsunagari"
    assert "ExpandConstant('{localappdata}\\Tsunagari')" in script
    assert "MB_DEFBUTTON2" in script  # "No" (keep the data) is the default answer
    assert "not UninstallSilent()" in script


def test_the_bundle_recipe_ships_what_is_found_by_name():
    spec = (PACKAGING / "tsunagari.spec").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    frontend = project["entry-points"]["tsunagari.frontends"]["gui"].split(":")[0]
    assert f'"{frontend}"' in spec  # the GUI is found through its entry point
    assert 'copy_metadata("tsunagari")' in spec
    assert 'collect_data_files("resources"' in spec
    assert "db/migrations/versions" in spec


def test_the_packaging_tools_are_an_extra_not_the_users_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {dep.split(">")[0].split("=")[0].split("!")[0] for dep in project["dependencies"]}
    for tool in ("pyinstaller", "Pillow", "pypdf", "pytest", "ruff", "mypy"):
        assert tool not in names
    package = project["optional-dependencies"]["package"]
    assert any(dep.startswith("pyinstaller") for dep in package)


def test_the_icons_hold_every_size():
    with Image.open(PACKAGING / "icons" / "tsunagari.ico") as ico:
        assert {16, 32, 48, 256} <= {w for w, _h in ico.info["sizes"]}
    with Image.open(PACKAGING / "icons" / "tsunagari.icns") as icns:
        assert icns.size == (1024, 1024)
    with Image.open(PACKAGING / "icons" / "tsunagari-512.png") as png:
        assert png.size == (512, 512)


def test_the_bundle_entry_point_is_the_tsunagari_command(tmp_path: Path):
    printed = subprocess.run(
        [sys.executable, str(PACKAGING / "tsunagari_main.py"), "--version"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert printed.stdout.strip() == f"tsunagari {__version__}"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_file_is_valid_to_freedesktop_tools():
    checked = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
