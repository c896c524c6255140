"""The shared refusal assertion (tests/refusals.py) fails when any of its three parts fails."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.core.errors import KioskError
from tests.refusals import refused


def state(rows: list[str]) -> Callable[[], dict[str, list[str]]]:
    return lambda: {"table": list(rows)}


def test_a_refusal_with_its_code_and_no_change_passes():
    error = refused(state(["a"]), "name_empty", lambda: _raise("name_empty"))
    assert error.code == "name_empty"


def test_no_error_fails():
    with pytest.raises(pytest.fail.Exception):
        refused(state(["a"]), "name_empty", lambda: None)


def test_another_code_fails():
    with pytest.raises(AssertionError):
        refused(state(["a"]), "name_empty", lambda: _raise("venue_not_found"))


def test_a_change_before_the_refusal_fails():
    rows = ["a"]

    def half_written() -> None:
        rows.append("b")
        _raise("name_empty")

    with pytest.raises(AssertionError):
        refused(state(rows), "name_empty", half_written)


def _raise(code: str) -> None:
    raise KioskError(code)
