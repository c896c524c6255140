"""Paper lists for the demo database: days the laptop stayed at home.

The main venue held two extra Saturday cafés (an outing to a park event, a
morning at the library) where visitors signed a paper list; the coordinator
typed the counts in a few days later. They fall on the two most recent
Saturdays with no event at that venue, so they never meet a check-in. One
list gives the children's ages, the other does not.

Rows are plain dicts for bulk Core inserts, like the rest of kiosk/demo/build.py;
deterministic for a seed. The counts obey every rule of kiosk/door/paper_days.py
(the by-age and by-residence totals agree, and so on).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, time, timedelta
from typing import Any

from kiosk.core import choices
from kiosk.demo.rows import DemoDays

DAYS = 2  # paper days in the demo
SATURDAY = 5
AGE_WEIGHTS = {"20s": 2, "30s": 5, "40s": 5, "50s": 2, "60s": 1, "unanswered": 1}
RESIDENCE_WEIGHTS = {"resident": 7, "commuter": 1, "outside": 2, "unanswered": 1}
CHILD_AGES = ("0", "1-2", "3-5", "school")


def _spread(rng: random.Random, total: int, weights: dict[str, int], group: str) -> dict[str, int]:
    """`total` people over the codes by weight, in the list's order (zeros left out)."""
    picked = Counter(rng.choices(list(weights), list(weights.values()), k=total))
    return {code: picked[code] for code in choices.codes(group) if picked[code]}


def build(days: DemoDays) -> list[dict[str, Any]]:
    """Rows of the paper_day table: the venue's latest Saturdays without an event."""
    events, venues, at, built_at = days.events, days.venues, days.at, days.built_at
    if not venues or not events:
        return []
    rng = days.random("paper")
    row = days.rows("paper").row
    venue_id = venues[0]["id"]
    first_day = min(e["date"] for e in events)
    today = built_at.date()
    held = {(e["venue_id"], e["date"]) for e in events}
    saturdays: list[date] = []
    day = today - timedelta(days=1)
    while len(saturdays) < DAYS and day >= first_day:
        if day.weekday() == SATURDAY and (venue_id, day) not in held:
            saturdays.append(day)
        day -= timedelta(days=1)
    rows = []
    for n, day in enumerate(sorted(saturdays)):
        visits = rng.randint(7, 13)
        first = rng.randint(1, max(1, visits // 3))
        children = rng.randint(1, 3)
        ages_known = n == 0
        kids = Counter(rng.choices(CHILD_AGES, k=children))
        entered = min(at(day + timedelta(days=rng.randint(1, 3)), time(17, 30)), built_at)
        rows.append(
            row(
                entered,
                venue_id=venue_id,
                date=day,
                visits=visits,
                visits_by_age=_spread(rng, visits, AGE_WEIGHTS, "age_band"),
                visits_by_residence=_spread(rng, visits, RESIDENCE_WEIGHTS, "residence"),
                first_visits=first,
                children=children,
                children_by_age=(
                    {code: kids[code] for code in CHILD_AGES if kids[code]} if ages_known else None
                ),
                workshop_participants=rng.randint(0, visits // 2),
                status="active",
            )
        )
    return rows
