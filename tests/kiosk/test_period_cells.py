"""The cells a period report adds up: every figure must survive the adding."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields

from kiosk.reports.engine import Cell, total


def one_of_everything() -> Cell:
    cell = Cell()
    for f in fields(Cell):
        if f.type == "int":
            setattr(cell, f.name, 1)
        elif f.name == "workshops":
            cell.workshops["w1"] = Counter(slots=1, attended=2)
        else:
            getattr(cell, f.name)["code"] = 1
    return cell


def test_adding_cells_adds_every_figure():
    summed = total([one_of_everything(), one_of_everything()])
    for f in fields(Cell):
        value = getattr(summed, f.name)
        if f.type == "int":
            assert value == 2, f.name
        elif f.name == "workshops":
            assert value == {"w1": Counter(slots=2, attended=4)}
        else:
            assert value == Counter(code=2), f.name


def test_adding_leaves_the_parts_as_they_were():
    part = one_of_everything()
    total([part, part])
    assert part == one_of_everything()
