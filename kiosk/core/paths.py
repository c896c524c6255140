"""Where Tsunagari keeps its files. The only module that decides a path.

Order of precedence: --data-dir, then TSUNAGARI_DATA_DIR, then the
platformdirs user data folder ("Tsunagari").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL

ENV_DATA_DIR = "TSUNAGARI_DATA_DIR"
APP_NAME = "Tsunagari"


def bundled_data_folder() -> Path:
    """The folder of the `resources` package, wherever the app is installed.

    Found as package data (a wheel in site-packages, a checkout, a frozen app),
    never relative to this file. importlib.resources hands a plain folder for
    a wheel or a checkout, but a MultiplexedPath over the bundle's one data
    folder in a PyInstaller app, whose str() is not a path: a file in it is.
    """
    found = resources.files("resources")
    if isinstance(found, Path):
        return found
    return Path(str(found.joinpath("style.qss"))).parent


RESOURCES = bundled_data_folder()
FONT_FILE = RESOURCES / "fonts" / "ipaexg.ttf"
DATABASE_NAME = "tsunagari.sqlite3"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


@dataclass(frozen=True)
class DataFolder:
    """The files of one installation (or of the separate demo database)."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def labels(self) -> Path:
        return self.root / "labels"

    @property
    def forms(self) -> Path:
        """The city's own Excel form, kept as a copy (the original may move)."""
        return self.root / "forms"

    @property
    def error_log(self) -> Path:
        """What the command line could not handle: tracebacks without messages or data."""
        return self.root / "logs" / "unexpected-errors.log"

    @property
    def demo(self) -> DataFolder:
        return DataFolder(self.root / "demo")

    def database_url(self) -> str:
        # Built, not pasted: a "?" or "%" in a folder name must stay part of the path.
        return URL.create("sqlite", database=str(self.database)).render_as_string()
