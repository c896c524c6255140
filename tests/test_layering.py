"""The layers point one way: ui/ -> kiosk/ -> db/ (DESIGN.md, "Architecture").

ui/ never imports db/ (it asks kiosk/); kiosk/ never imports Qt or ui/; db/
imports none of Qt, kiosk/ or ui/. Every
import counts, also one inside a function or behind `if TYPE_CHECKING`, and
also importlib.import_module("...") / __import__("...") with a literal name.

The finer rules (which kiosk/ package may import which, ui/'s own layers)
are import-linter contracts in pyproject.toml; the last tests here run them.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}
FORBIDDEN = {
    "ui": {"db"},
    "kiosk": QT | {"ui"},
    "db": QT | {"ui", "kiosk"},
}


def imported_modules(source: str, module: str = "") -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`.

    `module` is the dotted name of the file, to resolve relative imports.
    """
    found: list[tuple[int, str]] = []
    package = module.rsplit(".", 1)[0] if module else ""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                called in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((node.lineno, first.value))
    return found


def violations(source: str, layer: str, module: str = "") -> list[str]:
    bad = []
    for line, name in imported_modules(source, module):
        if name.split(".")[0] in FORBIDDEN[layer]:
            bad.append(f"{module or '<source>'}:{line} imports {name}")
    return bad


def python_files(layer: str) -> list[Path]:
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files, f"no Python files under {layer}/"
    return files


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = [*parts[:-1], "__init__"]
    return ".".join(parts)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_the_layer_imports_nothing_above_it(layer):
    bad = []
    for path in python_files(layer):
        bad += violations(path.read_text(encoding="utf-8"), layer, module_name(path))
    assert bad == []


def test_the_migrations_are_checked_too():
    names = {p.name for p in python_files("db")}
    assert "env.py" in names
    assert any(p.parent.name == "versions" for p in python_files("db"))


# --- the checker can fail ----------------------------------------------------------------

BAD_KIOSK = """
import os
from kiosk import checkin

def show():
    from PySide6.QtWidgets import QMessageBox
    import ui.main_window
    return QMessageBox, ui

if False:
    import shiboken6
"""


def test_the_checker_finds_qt_and_ui_even_inside_functions():
    bad = violations(BAD_KIOSK, "kiosk", "kiosk.example")
    assert bad == [
        "kiosk.example:6 imports PySide6.QtWidgets",
        "kiosk.example:7 imports ui.main_window",
        "kiosk.example:11 imports shiboken6",
    ]


def test_the_checker_finds_dynamic_imports():
    source = "import importlib\nimportlib.import_module('PySide6.QtCore')\n__import__('ui')\n"
    assert len(violations(source, "kiosk", "kiosk.example")) == 2


def test_relative_imports_are_resolved_within_their_package():
    assert imported_modules("from ..kiosk import x\nfrom . import base\n", "db.models.visits") == [
        (1, "db.kiosk"),
        (2, "db.models"),
    ]
    assert violations("from .base import Row\n", "db", "db.models.visits") == []


def test_db_may_not_import_kiosk_but_kiosk_may_import_db():
    source = "from kiosk.core.errors import KioskError\nfrom db.models import Visit\n"
    assert violations(source, "db", "db.engine") == ["db.engine:1 imports kiosk.core.errors"]
    assert violations(source, "kiosk", "kiosk.door.checkin") == []


def test_ui_may_not_import_db_but_may_import_kiosk():
    source = "from db.base import new_id\nfrom kiosk.core.request_ids import new_request_id\n"
    assert violations(source, "ui", "ui.screens.checkin_screen") == [
        "ui.screens.checkin_screen:1 imports db.base"
    ]


def test_a_module_that_only_mentions_qt_in_text_is_fine():
    source = '"""Never import PySide6 here."""\nNAME = "ui.main_window"\n'
    assert violations(source, "kiosk", "kiosk.example") == []


# --- the import contracts (pyproject.toml, [tool.importlinter]) ------------------------------


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's command on the packages under `root`, with that folder's pyproject.toml."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "400", "NO_COLOR": "1"}
    command = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    return subprocess.run(
        [sys.executable, "-c", command, "--no-cache", "--no-logo"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def contract_results(output: str) -> dict[str, str]:
    """{contract name: "KEPT" or "BROKEN"} from the command's summary."""
    found = re.findall(r"^(.+?) (KEPT|BROKEN)(?: \(\d+ ignored imports?\))?$", output, re.M)
    return dict(found)


def test_the_import_contracts_are_kept():
    result = lint_imports(ROOT)
    results = contract_results(result.stdout)
    assert results, result.stdout + result.stderr
    assert {name for name, state in results.items() if state != "KEPT"} == set()
    assert result.returncode == 0, result.stdout + result.stderr


PLANTED = {
    # file: a line that breaks one contract
    "kiosk/core/errors.py": "from kiosk.door import venues as _planted",
    "kiosk/door/events.py": "import PySide6 as _planted",
    "kiosk/survey/catalogue.py": "from kiosk.door import venues as _planted",
    "kiosk/workshops/catalogue.py": "from kiosk.consultations import lists as _planted",
    "ui/widgets/card_frame.py": "from ui.screens import header_bar as _planted",
    "ui/door_state.py": "from db import models as _planted",
    "db/errors.py": "from kiosk.core import errors as _planted",
    "ui/app.py": "from kiosk.cli import arguments as _planted",
}


def test_the_import_contracts_catch_a_planted_import(tmp_path):
    """The same contracts on a copy of the tree with one wrong import for each contract."""
    for package in ("ui", "kiosk", "db"):
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for name, line in PLANTED.items():
        with (tmp_path / name).open("a", encoding="utf-8") as file:
            file.write(f"\n{line}\n")
    result = lint_imports(tmp_path)
    broken = {name for name, state in contract_results(result.stdout).items() if state == "BROKEN"}
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken == {
        "Layers: ui -> kiosk -> db, never back",
        "ui/ never imports db/ (it asks kiosk/)",
        "kiosk/ and db/ never import Qt",
        "Inside kiosk/: the command line on top, then demo, exchange, reports, the features, "
        "care, core",
        "The survey, the consultations and the door do not import each other",
        "Workshops do not import the survey or the consultations",
        "Only the command line imports kiosk.cli",
        "Inside ui/: the window on top, then screens, settings cards, dialogs, shared state and "
        "widgets",
    }
