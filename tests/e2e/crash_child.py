"""Child process of test_crash_safety: check visitors in until killed.

Usage: python crash_child.py DATABASE_FILE EVENT_ID

Prints "ready" once the database is open, then the id of every visit right
after check_in() has returned (that is, committed), one per line, flushed.
"""

from __future__ import annotations

import sys

from kiosk.core.database import open_database
from kiosk.door.checkin import CheckInRequest, ChildRequest, check_in


def main() -> None:
    path, event_id = sys.argv[1], sys.argv[2]
    ctx = open_database(url=f"sqlite:///{path}")
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        children = (ChildRequest("1-2"),) if n % 3 == 0 else ()
        result = check_in(ctx, CheckInRequest(event_id=event_id, age_band="30s", children=children))
        sys.stdout.write(result.visit.id + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
