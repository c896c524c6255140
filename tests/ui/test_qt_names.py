"""No attribute of a Qt object may hide a method of its Qt class.

PySide6 crashes (a segmentation fault, not an exception) on the first event
delivered to a QObject whose `event` is data, and `children`, `scroll`,
`update` and the like break Qt's own calls in the same way. This reads every
class in ui/ that derives from QObject and refuses any `self.NAME = …` where
its Qt base has a NAME.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject

UI = Path(__file__).resolve().parents[2] / "ui"


def qt_base(cls: type) -> type:
    """The first class in the MRO that PySide6 defines."""
    return next(base for base in cls.__mro__ if base.__module__.startswith("PySide6"))


def assigned_attributes(node: ast.ClassDef) -> dict[str, int]:
    names: dict[str, int] = {}
    for inner in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(inner, ast.Assign):
            targets = inner.targets
        elif isinstance(inner, ast.AnnAssign | ast.AugAssign):
            targets = [inner.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.setdefault(target.attr, inner.lineno)
    return names


def shadowing() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        module_name = ".".join(path.relative_to(UI.parent).with_suffix("").parts)
        module = importlib.import_module(module_name)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            cls = getattr(module, node.name, None)
            if not (inspect.isclass(cls) and issubclass(cls, QObject)):
                continue
            base = qt_base(cls)
            for name, line in assigned_attributes(node).items():
                if hasattr(base, name):
                    found.append(
                        f"{path.relative_to(UI.parent)}:{line} self.{name} hides {base.__name__}.{name}"
                    )
    return found


def test_no_attribute_hides_a_qt_method():
    assert shadowing() == []
