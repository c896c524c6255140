"""Find the GUI without importing it.

kiosk/ never imports Qt or ui/ (DESIGN.md layering). The GUI registers its
start function under the entry-point group below (pyproject.toml), and the
CLI looks it up by name, so the core stays headless and testable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points

from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder

GROUP = "tsunagari.frontends"


@dataclass(frozen=True)
class LaunchOptions:
    """What the command line decided, handed to the GUI."""

    folder: DataFolder
    database_url: str | None = None
    lang: str | None = None  # None: the language saved in Settings (Japanese by default)
    demo: bool = False
    survey_kiosk: bool = False  # start straight into the questionnaire kiosk (a dedicated tablet)


def find_frontend(name: str) -> Callable[[LaunchOptions], int]:
    found = entry_points(group=GROUP, name=name)
    if not found:
        raise KioskError(
            "gui_unavailable",
            reason="install the app with: python -m pip install -e .",
        )
    start: Callable[[LaunchOptions], int] = next(iter(found)).load()
    return start
