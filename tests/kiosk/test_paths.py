"""Where the data lives: --data-dir, then TSUNAGARI_DATA_DIR, then the platform's folder."""

from __future__ import annotations

import os
import pwd
import subprocess
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

import resources
from db.engine import sqlite_path
from kiosk.core import paths
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder, resolve_data_dir


def real_home() -> Path:
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


def test_the_command_line_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"
    assert resolve_data_dir(tmp_path / "as-path") == tmp_path / "as-path"


def test_the_environment_wins_over_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir() == tmp_path / "from-env"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    assert resolve_data_dir("") == tmp_path / "from-env"


def test_an_empty_environment_variable_is_ignored(monkeypatch):
    monkeypatch.setenv(paths.ENV_DATA_DIR, "")
    assert resolve_data_dir() == paths.default_data_dir()


def test_a_tilde_means_the_users_home(monkeypatch, private_home):
    assert resolve_data_dir("~/cafe") == private_home / "cafe"
    monkeypatch.setenv(paths.ENV_DATA_DIR, "~/from-env")
    assert resolve_data_dir() == private_home / "from-env"


def test_the_default_is_the_platform_data_folder_in_the_tests_private_home(private_home):
    default = resolve_data_dir()
    assert default == paths.default_data_dir()
    assert default.name == "Tsunagari"
    assert default.is_relative_to(private_home)
    assert not default.is_relative_to(real_home()) or private_home.is_relative_to(real_home())


def test_tests_never_see_the_real_home(private_home):
    assert Path.home() == private_home
    assert Path("~").expanduser() == private_home
    assert private_home != real_home()


def test_opening_the_default_folder_stays_in_the_private_home(private_home):
    folder = DataFolder(resolve_data_dir())
    ctx = open_database(folder=folder)
    ctx.close()
    assert folder.database.is_file()
    assert folder.database.is_relative_to(private_home)


def test_the_files_of_a_data_folder(tmp_path):
    folder = DataFolder(tmp_path)
    assert folder.database == tmp_path / "tsunagari.sqlite3"
    assert folder.backups == tmp_path / "backups"
    assert folder.labels == tmp_path / "labels"
    assert folder.demo.root == tmp_path / "demo"
    assert folder.demo.database == tmp_path / "demo" / "tsunagari.sqlite3"
    assert folder.demo != folder


@pytest.mark.parametrize(
    "name", ["plain", "スペース と 日本語", "100%", "a%20b", "a?b", "a#b", "x@y:z"]
)
def test_the_database_url_names_exactly_the_database_file(tmp_path, name):
    folder = DataFolder(tmp_path / name)
    assert sqlite_path(folder.database_url()) == folder.database


def test_a_folder_with_awkward_characters_opens_in_the_right_place(tmp_path):
    folder = DataFolder(tmp_path / "100% a?b")
    ctx = open_database(folder=folder)
    ctx.close()
    assert folder.database.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["100% a?b"]


def test_resources_are_found_as_package_data():
    assert (paths.RESOURCES / "choices.json").is_file()
    assert paths.FONT_FILE.parent.parent == paths.RESOURCES
    assert Path(resources.__file__).parent == paths.RESOURCES


@pytest.mark.parametrize("package", ["resources", "db"])
def test_every_data_file_travels_in_the_wheel(package):
    """A file the app reads but the package data does not name is missing from a real
    install (.ci/wheel_smoke.py installs the wheel; this says which file, at once)."""
    project = Path(__file__).resolve().parents[2]
    config = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"][package]
    root = project / package
    tracked = subprocess.run(
        ["git", "-C", str(root), "ls-files", "."], capture_output=True, text=True, check=True
    ).stdout.split()
    data = [name for name in tracked if not name.endswith(("__init__.py", ".ts"))]
    if package == "db":
        data = [name for name in data if name.startswith("migrations/")]
    assert data
    unshipped = [n for n in data if not any(fnmatch(n, pattern) for pattern in patterns)]
    assert unshipped == []
