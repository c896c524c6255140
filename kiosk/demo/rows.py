"""Deterministic ids and the shared columns for the demo's bulk-insert rows.

Each demo module draws its ids from its own seeded stream, so adding rows to
one area never changes the ids of another: the same seed gives the same file.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime
from typing import Any


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
