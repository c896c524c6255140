"""Consultations for the demo database: a month as a café's consultation corner sees it.

- in person at café days, for some of the visitors who asked for one, linked
  to their check-in; online at the online dialogue sessions;
- phone calls to the main venue on weekdays without any event, and a home
  visit or two, which belong to the venue and the date only;
- referrals to agencies for about one consultation in eight, one of them to
  an agency the coordinator added herself (社会福祉協議会);
- a case meeting about every third Thursday, and one consultation entered
  twice and cancelled;
- this morning: two consultations at today's café, one with a referral.

Rows are plain dicts for bulk Core inserts, like the rest of kiosk/demo/build.py;
deterministic for a seed. Like everything in the demo, no row holds a name,
and none could hold what was said.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.consultations.lists import encode_changes, setting_key
from kiosk.core import translations
from kiosk.demo.rows import DemoDays, pick

CONSULT_RATE = 0.75  # of the visits that asked for a consultation
PHONE_DAY_RATE = 0.45  # of weekdays without an event at the main venue
REFERRAL_RATE = 0.13
# The demo's own agency, as a coordinator would type it (demo.own_agency in the catalogues).
OWN_AGENCY = {
    lang: translations.text("demo.own_agency", lang) for lang in translations.shipped_languages()
}

CATEGORIES = (
    ("health", 20),
    ("family", 14),
    ("parenting", 22),
    ("money_living", 12),
    ("work", 8),
    ("relationships", 12),
    ("violence", 5),
    ("other", 7),
)
ROLES = (
    ("public_health_nurse", 30),
    ("midwife", 8),
    ("nurse", 12),
    ("counsellor", 45),
    ("other", 5),
)
# Where a consultation about each category is most often referred to.
AGENCIES = {
    "health": ("medical", "disability_support"),
    "family": ("city_office", "elderly_support"),
    "parenting": ("child_development", "kodomo_shokudo"),
    "money_living": ("food_bank", "kodomo_shokudo", "city_office", "own"),
    "work": ("hello_work",),
    "relationships": ("city_office", "own"),
    "violence": ("dv_centre",),
    "other": ("city_office", "own"),
}


@dataclass
class ConsultationRows:
    consultations: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    case_meetings: list[dict[str, Any]] = field(default_factory=list)
    settings: list[dict[str, Any]] = field(default_factory=list)


def build(days: DemoDays) -> ConsultationRows:
    rng = days.random("consultations")
    maker = days.rows("consultations")
    ids, new_id, row = maker.ids, maker.new_id, maker.row
    events, visits, venues = days.events, days.visits, days.venues
    at, built_at = days.at, days.built_at
    out = ConsultationRows()
    if not events or not venues:
        return out

    own_code = f"agency-{ids.getrandbits(40):010x}"
    out.settings.append(
        row(
            built_at - timedelta(days=45),
            key=setting_key("agency"),
            value=encode_changes([own_code], {own_code: OWN_AGENCY}, []),
        )
    )

    def consult(
        venue_id: str,
        day: date,
        created: datetime,
        channel: str,
        event: dict[str, Any] | None = None,
        visit: dict[str, Any] | None = None,
        category: str | None = None,
        minutes: int | None = None,
        referral_rate: float = REFERRAL_RATE,
        role: str | None = None,
    ) -> dict[str, Any]:
        category = category or pick(rng, CATEGORIES)
        consultation = row(
            created,
            venue_id=venue_id,
            date=day,
            event_id=event["id"] if event else None,
            visit_id=visit["id"] if visit else None,
            channel=channel,
            category=category,
            staff_role=role or pick(rng, ROLES),
            minutes=minutes if minutes is not None else rng.choice((None, 15, 20, 30, 30, 45, 60)),
            status="active",
        )
        out.consultations.append(consultation)
        if rng.random() < referral_rate:
            agency = rng.choice(AGENCIES[category])
            out.referrals.append(
                row(
                    created + timedelta(minutes=2),
                    venue_id=venue_id,
                    date=day,
                    consultation_id=consultation["id"],
                    agency=own_code if agency == "own" else agency,
                    status="active",
                )
            )
        return consultation

    by_event: dict[str, list[dict[str, Any]]] = {}
    for visit in visits:
        if visit["status"] == "active" and visit["wants_consultation"]:
            by_event.setdefault(visit["event_id"], []).append(visit)

    today = max(e["date"] for e in events)
    for event in events:
        if event["status"] != "closed":
            continue
        channel = "online" if event["kind"] == "online_dialogue" else "in_person"
        for visit in by_event.get(event["id"], []):
            if rng.random() >= CONSULT_RATE:
                continue
            created = visit["checked_in_at"] + timedelta(minutes=rng.randint(30, 80))
            created = min(created, event["closed_at"] - timedelta(minutes=5))
            consult(event["venue_id"], event["date"], created, channel, event, visit)

    # The main venue takes phone calls on weekdays, whether or not a café is open.
    main = next((v for v in venues if v["kind"] == "in_person"), venues[0])
    event_days = {e["date"] for e in events if e["venue_id"] == main["id"]}
    first = min(e["date"] for e in events)
    quiet_days = [
        first + timedelta(days=i)
        for i in range((today - first).days)
        if (first + timedelta(days=i)).weekday() < 5 and first + timedelta(days=i) not in event_days
    ]
    for day in quiet_days:
        if rng.random() >= PHONE_DAY_RATE:
            continue
        for _ in range(2 if rng.random() < 0.25 else 1):
            clock = time(rng.randint(9, 15), rng.choice((0, 10, 20, 30, 40, 50)))
            consult(main["id"], day, at(day, clock), "phone")
    for day in quiet_days[1::10]:  # a home visit now and then, with a nurse
        minutes = rng.choice((60, 90))
        consult(main["id"], day, at(day, time(14)), "home_visit", minutes=minutes, role="nurse")
    for day in [d for d in quiet_days if d.weekday() == 3][1::3]:  # some Thursday afternoons
        out.case_meetings.append(
            row(at(day, time(16, 30)), venue_id=main["id"], date=day, status="active")
        )

    # One consultation entered twice by mistake; the copy was cancelled.
    if out.consultations:
        twin = dict(out.consultations[len(out.consultations) // 2])
        later = twin["created_at"] + timedelta(minutes=1)
        twin.update(id=new_id(), created_at=later, updated_at=later, status="cancelled")
        out.consultations.append(twin)

    # This morning at the open café: two consultations, the first with a referral.
    for event in (e for e in events if e["status"] == "open"):
        mine = [v for v in visits if v["event_id"] == event["id"] and v["status"] == "active"]
        for chosen, category, created, rate in (
            (mine[1:2], "parenting", time(10, 55), 1.0),
            (mine[3:4], "money_living", time(11, 35), 0.0),
        ):
            if chosen:
                consult(
                    event["venue_id"],
                    event["date"],
                    at(event["date"], created),
                    "in_person",
                    event,
                    chosen[0],
                    category=category,
                    minutes=30,
                    referral_rate=rate,
                )
    return out
