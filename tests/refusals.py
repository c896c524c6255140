"""The refusal assertion every service test makes: the coded error, and nothing changed.

A refusal (bad input, a rule broken) must say which rule with its code and
leave the database exactly as it was (STYLE.md: "changes nothing").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.core.errors import KioskError

# The `db_state` fixture (tests/conftest.py): every table's rows as text.
Snapshot = Callable[[], dict[str, list[str]]]


def refused(db_state: Snapshot, code: str, action: Callable[[], object]) -> KioskError:
    """Run `action`, expect KioskError `code`, and prove that the database did not change."""
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        action()
    assert excinfo.value.code == code
    assert db_state() == before
    return excinfo.value
