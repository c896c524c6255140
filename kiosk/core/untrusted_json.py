"""JSON from outside the app (exchange files, questionnaire files): read with limits.

Python's json module reads things no database column can hold and no
report can show: NaN and Infinity (which SQLite stores as NULL, so a NaN
target looked like a missing parent row), 1e999 (infinity), integers of any
size (2**70 overflows every integer column), and nesting as deep as the
file likes (a few thousand levels exhaust the interpreter's stack). load()
refuses each with its own reason, so the caller can say which; callers turn
the reason into their own coded error.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64  # the deepest real file (a questionnaire) nests 6 levels
INT64 = (-(2**63), 2**63 - 1)
INT32 = (-(2**31), 2**31 - 1)

SYNTAX, NOT_A_NUMBER, TOO_DEEP, OUT_OF_RANGE = "syntax", "not_a_number", "too_deep", "out_of_range"


class UntrustedJsonError(ValueError):
    """Why a JSON text was refused: one of the reasons above, and where.

    `line` and `column` for SYNTAX; `key`, the top-level key of an object
    that holds the refused value (a row's column), when there is one.
    """

    def __init__(self, reason: str, line: int = 0, column: int = 0, key: str = "") -> None:
        super().__init__(reason, line, column, key)
        self.reason = reason
        self.line = line
        self.column = column
        self.key = key


def load(text: str | bytes) -> Any:
    """The value of a JSON text, or UntrustedJsonError.

    Numbers are finite, integers fit in 64 bits, nesting is at most MAX_DEPTH.
    json reads NaN, Infinity and 1e999 as floats; check_value() refuses them
    where it can name the key they are under.
    """
    try:
        value = json.loads(text)
    except RecursionError as exc:  # deeper than the C parser's stack allows
        raise UntrustedJsonError(TOO_DEEP) from exc
    except json.JSONDecodeError as exc:
        raise UntrustedJsonError(SYNTAX, exc.lineno, exc.colno) from exc
    except ValueError as exc:  # an integer of more than 4300 digits; bytes not UTF-8
        raise UntrustedJsonError(OUT_OF_RANGE if "digits" in str(exc) else SYNTAX) from exc
    check_value(value)
    return value


def check_value(value: Any) -> None:
    """Walk a decoded value without recursion: depth, integer range, finite numbers."""
    # (value, its depth, the top-level key it is under): the key names a row's column.
    stack: list[tuple[Any, int, str]] = (
        [(item, 2, str(key)) for key, item in value.items()]
        if isinstance(value, dict)
        else [(value, 1, "")]
    )
    while stack:
        item, depth, key = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise UntrustedJsonError(TOO_DEEP, key=key)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1, key) for child in children)
        elif isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        elif isinstance(item, int):
            if not INT64[0] <= item <= INT64[1]:
                raise UntrustedJsonError(OUT_OF_RANGE, key=key)
        elif isinstance(item, float) and not math.isfinite(item):  # 1e999 reads as inf
            raise UntrustedJsonError(NOT_A_NUMBER, key=key)
