"""What every area of the demo builds with: the café days, seeded streams, shared columns.

Each demo module draws its ids and its choices from its own seeded streams, so
adding rows to one area never changes the rows of another: the same seed gives
the same file. Every area's `build(days)` takes one DemoDays and returns its rows.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any


@dataclass(frozen=True)
class DemoDays:
    """The café days made first (venues, events, visits) and what the areas need besides."""

    seed: int
    venues: Sequence[dict[str, Any]]
    events: Sequence[dict[str, Any]]
    visits: Sequence[dict[str, Any]]
    at: Callable[[date, time], datetime]  # an aware instant: a clock time on a day
    device_id: str
    built_at: datetime
    first: date  # the span the demo covers
    last: date

    def random(self, area: str) -> random.Random:
        """The area's own stream of choices."""
        return random.Random(f"tsunagari-demo-{area}:{self.seed}")

    def rows(self, area: str) -> RowMaker:
        """The area's own stream of ids, and its rows' shared columns."""
        return RowMaker(area, self.seed, self.device_id)


def pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    """One code of (code, weight) pairs, by weight."""
    codes, weights = zip(*weighted, strict=True)
    choice: str = rng.choices(codes, weights)[0]
    return choice


class RowMaker:
    def __init__(self, area: str, seed: int, device_id: str) -> None:
        self.ids = random.Random(f"tsunagari-demo-{area}-ids:{seed}")
        self.device_id = device_id

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.ids.getrandbits(128), version=4))

    def row(self, created: datetime, **values: Any) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "created_at": created,
            "updated_at": created,
            "device_id": self.device_id,
            **values,
        }
