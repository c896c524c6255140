"""No slot wired to a button's click can be handed Qt's `checked` flag by mistake.

`clicked(bool)` and `triggered(bool)` carry `checked`, and PySide6 passes it
to any slot that can take a positional argument: `export_csv(self, path=None)`
connected to a click was called with path=False and crashed writing the file.
Tests that call such a method with a real argument never see it.

This reads every `….clicked.connect(X)` / `….triggered.connect(X)` in ui/ and
follows X to what it is: a method (of the class, through helper parameters,
loop variables and locals), a module function, a lambda or a signal. It fails
when the slot has a positional parameter the flag would fill, and when X
cannot be followed (write the connection so that it can be read). A lambda
may take the flag only in a parameter whose name starts with `_`, the way
`lambda _=False, f=fmt: …` says "the flag is ignored here".
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QAbstractButton, QDialog

UI = Path(__file__).resolve().parents[2] / "ui"
FLAG_SIGNALS = {"clicked", "triggered"}


@dataclass
class Module:
    path: Path
    name: str
    tree: ast.Module
    parents: dict[ast.AST, ast.AST] = field(default_factory=dict)

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(UI.parent)}:{getattr(node, 'lineno', '?')}"

    def enclosing(self, node: ast.AST, kind: type | tuple[type, ...]) -> ast.AST | None:
        current = self.parents.get(node)
        while current is not None and not isinstance(current, kind):
            current = self.parents.get(current)
        return current


def load(path: Path) -> Module:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = Module(path, ".".join(path.relative_to(UI.parent).with_suffix("").parts), tree)
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            module.parents[child] = parent
    return module


MODULES = [load(p) for p in sorted(UI.rglob("*.py"))]
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def positional(args: ast.arguments, skip_self: bool) -> list[str]:
    names = [a.arg for a in [*args.posonlyargs, *args.args]]
    return names[1:] if skip_self else names


class Resolver:
    """Follows one slot expression to the things that will be called."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.seen: set[int] = set()

    def problem(self, module: Module, node: ast.AST, text: str) -> None:
        self.problems.append(f"{module.where(node)} {text}")

    # -- what a slot expression names ------------------------------------------------

    def slot(self, expr: ast.expr, module: Module, site: ast.AST) -> None:
        if id(expr) in self.seen:
            return
        self.seen.add(id(expr))
        if isinstance(expr, ast.Lambda):
            names = positional(expr.args, skip_self=False)
            if names and not names[0].startswith("_"):
                self.problem(
                    module, expr, f"lambda {names[0]}: … would receive `checked` in {names[0]}"
                )
        elif isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            if expr.value.id == "self":
                self.method(module, site, expr.attr)
            else:
                self.foreign(module, site, expr)
        elif isinstance(expr, ast.Attribute):
            self.foreign(module, site, expr)
        elif isinstance(expr, ast.Name):
            self.name(module, site, expr.id)
        elif isinstance(expr, ast.Constant) and expr.value is None:
            pass  # a helper's default: nothing connected
        elif (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "wrap"
            and (
                (
                    isinstance(expr.func.value, ast.Call)
                    and ast.unparse(expr.func.value.func) == "SingleAction"
                )
                or (
                    module.path.name == "single_action.py"
                    and ast.unparse(expr.func.value) == "self"
                )
            )
        ):
            pass  # ui/widgets/single_action.py: SingleAction.wrap drops whatever the signal carries
        else:
            self.problem(module, site, f"cannot tell what {ast.unparse(expr)!r} is")

    def foreign(self, module: Module, site: ast.AST, expr: ast.Attribute) -> None:
        """`dialog.reject`, `self.minutes.stepBy`: fine if it is Qt's own slot."""
        if not any(hasattr(qt, expr.attr) for qt in (QDialog, QAbstractButton)):
            self.problem(module, site, f"cannot tell what {ast.unparse(expr)!r} is")

    def method(self, module: Module, site: ast.AST, name: str) -> None:
        owner = module.enclosing(site, ast.ClassDef)
        if not isinstance(owner, ast.ClassDef):
            self.problem(module, site, f"self.{name} outside a class")
            return
        cls = getattr(importlib.import_module(module.name), owner.name)
        found = inspect.getattr_static(cls, name, None)
        if isinstance(found, staticmethod):
            found = found.__func__
        if inspect.isfunction(found):
            params = [
                p.name
                for p in list(inspect.signature(found).parameters.values())[1:]
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
            if params:
                self.problem(
                    module,
                    site,
                    f"{owner.name}.{name}({', '.join(params)}) would receive `checked` "
                    f"in {params[0]}",
                )
            return
        bound = getattr(cls, name, None)
        if type(found).__name__ == "Signal" or isinstance(bound, SignalInstance):
            if not str(found).endswith("()"):
                self.problem(module, site, f"signal {owner.name}.{name} would carry `checked`")
            return
        if found is None or not inspect.isroutine(bound):
            self.problem(module, site, f"cannot tell what self.{name} is")
        # else: a slot of Qt's own (accept, reject, close): it takes no flag

    def name(self, module: Module, site: ast.AST, name: str) -> None:
        function = module.enclosing(site, FUNCTIONS)
        if isinstance(function, FUNCTIONS):
            params = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
            params += [a.arg for a in function.args.kwonlyargs]
            if name in params:
                self.parameter(module, function, name)
                return
            for node in ast.walk(function):
                if isinstance(node, ast.For) and self.loop(module, node, name):
                    return
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == name for t in node.targets
                ):
                    self.slot(node.value, module, node)
                    return
        for node in module.tree.body:
            if isinstance(node, FUNCTIONS) and node.name == name:
                params = positional(node.args, skip_self=False)
                if params:
                    self.problem(module, site, f"{name}({params[0]}) would receive `checked`")
                return
        self.problem(module, site, f"cannot tell what {name!r} is")

    def loop(self, module: Module, loop: ast.For, name: str) -> bool:
        """`for text, slot in ((…, self.add), …)`: every value the loop gives `name`."""
        target = loop.target
        if isinstance(target, ast.Name) and target.id == name:
            index: int | None = None
        elif isinstance(target, ast.Tuple) and any(
            isinstance(t, ast.Name) and t.id == name for t in target.elts
        ):
            index = next(
                i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id == name
            )
        else:
            return False
        if not isinstance(loop.iter, ast.Tuple | ast.List):
            self.problem(module, loop, f"cannot follow the loop giving {name!r}")
            return True
        for item in loop.iter.elts:
            if index is None:
                self.slot(item, module, loop)
            elif isinstance(item, ast.Tuple | ast.List) and len(item.elts) > index:
                self.slot(item.elts[index], module, loop)
            else:
                self.problem(module, item, f"cannot follow the loop giving {name!r}")
        return True

    def parameter(self, module: Module, function: ast.AST, name: str) -> None:
        """A helper's parameter: whatever each caller passes for it."""
        assert isinstance(function, FUNCTIONS)
        is_method = isinstance(module.parents.get(function), ast.ClassDef)
        names = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
        index = names.index(name) - (1 if is_method else 0) if name in names else None
        calls = 0
        for caller_module, call in calls_of(function.name, module if is_method else None):
            calls += 1
            given = next((k.value for k in call.keywords if k.arg == name), None)
            if given is None and index is not None and index < len(call.args):
                given = call.args[index]
            if given is not None:
                self.slot(given, caller_module, call)
        if calls == 0:
            self.problem(module, function, f"no caller of {function.name} to follow for {name!r}")


def calls_of(function: str, only_in: Module | None) -> Iterator[tuple[Module, ast.Call]]:
    """Calls of a method (`self.f(…)` in its own module) or a module function (anywhere)."""
    for module in [only_in] if only_in else MODULES:
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if only_in is not None:
                hit = (
                    isinstance(func, ast.Attribute)
                    and func.attr == function
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "self"
                )
            else:
                hit = isinstance(func, ast.Name) and func.id == function
            if hit:
                yield module, node


def connections() -> Iterator[tuple[Module, ast.Call]]:
    for module in MODULES:
        for node in ast.walk(module.tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in FLAG_SIGNALS
                and node.args
            ):
                yield module, node


def flag_problems() -> list[str]:
    resolver = Resolver()
    for module, call in connections():
        resolver.slot(call.args[0], module, call)
    return resolver.problems


def test_no_clicked_slot_can_receive_the_checked_flag() -> None:
    assert flag_problems() == []


def test_the_check_finds_a_slot_with_a_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: the bug it was written for, and the ways slots are passed."""
    source = """
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget


def helper(button, on_click):
    button.clicked.connect(on_click)


class Probe(QWidget):
    carries = Signal(str)
    plain = Signal()

    def __init__(self):
        super().__init__()
        b = QPushButton(self)
        b.clicked.connect(self.export_csv)
        for text, slot in (("a", self.takes_two), ("b", self.fine)):
            b.clicked.connect(slot)
        helper(b, self.also_bad)
        b.clicked.connect(lambda path: None)
        b.clicked.connect(lambda _=False: None)
        b.clicked.connect(self.carries)
        b.clicked.connect(self.plain)
        b.clicked.connect(self.close)
        b.clicked.connect(mystery)

    def export_csv(self, path=None): ...
    def takes_two(self, a, b=1): ...
    def fine(self): ...
    def also_bad(self, checked): ...
"""
    import sys
    import types

    module = types.ModuleType("ui._probe")
    exec(compile(source, "ui/_probe.py", "exec"), module.__dict__)
    monkeypatch.setitem(sys.modules, "ui._probe", module)
    probe = Module(UI / "_probe.py", "ui._probe", ast.parse(source))
    for parent in ast.walk(probe.tree):
        for child in ast.iter_child_nodes(parent):
            probe.parents[child] = parent
    monkeypatch.setattr(f"{__name__}.MODULES", [probe])
    problems = "\n".join(flag_problems())
    for expected in (
        "Probe.export_csv(path)",
        "Probe.takes_two(a, b)",
        "Probe.also_bad(checked)",
        "lambda path",
        "signal Probe.carries",
        "'mystery'",
    ):
        assert expected in problems, expected
    for fine in ("Probe.fine", "Probe.plain", "close", "lambda _"):
        assert fine not in problems, fine
