"""Consultation figures for the tally and the reports, for any venues and dates.

Every code of every list is present, with 0 when there were none, in the
order of the lists, so a report's rows never come and go from month to month.
A hidden entry appears only where it has records; a code no list knows (an
entry added on another laptop, merged in) is kept at the end, so the parts
always add up to the total. Cancelled records never count.

Three grouped queries over (venue_id, date), each through its index; no row
is loaded into Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CaseMeeting, Consultation, Referral, Venue
from kiosk.consultations.lists import ListEntry, entries_in
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read

LISTS = ("channel", "category", "staff_role", "agency")


@dataclass(frozen=True)
class ConsultationCounts:
    total: int  # active consultations
    by_channel: dict[str, int]  # code → count, every code, in list order
    by_category: dict[str, int]
    by_staff_role: dict[str, int]
    referrals: int  # active referrals to a support agency
    by_agency: dict[str, int]
    case_meetings: int  # active case meetings


def _ordered(known: Iterable[ListEntry], found: Mapping[str, int]) -> dict[str, int]:
    out = {e.code: found.get(e.code, 0) for e in known if not e.hidden or found.get(e.code)}
    out.update({code: n for code, n in sorted(found.items()) if code not in out and n})
    return out


def consultation_counts(
    ctx: AppContext,
    venue_ids: Sequence[str] | None,
    first_day: date,
    last_day: date,
) -> ConsultationCounts:
    """Counts over `first_day`..`last_day` (both included) at `venue_ids` (None: every venue)."""
    if first_day > last_day:
        raise KioskError("period_invalid", first=first_day.isoformat(), last=last_day.isoformat())
    with read(ctx) as session:
        ids = list(venue_ids) if venue_ids is not None else _all_venues(session)
        by: dict[str, dict[str, int]] = {"channel": {}, "category": {}, "staff_role": {}}
        agencies: dict[str, int] = {}
        meetings = 0
        if ids:
            in_range = (
                Consultation.venue_id.in_(ids),
                Consultation.date.between(first_day, last_day),
                Consultation.status == "active",
            )
            rows = session.execute(
                select(
                    Consultation.channel,
                    Consultation.category,
                    Consultation.staff_role,
                    func.count(),
                )
                .where(*in_range)
                .group_by(Consultation.channel, Consultation.category, Consultation.staff_role)
            ).all()
            # Folds at most channels × categories × roles groups, never single records.
            for channel, category, role, n in rows:
                for name, code in (
                    ("channel", channel),
                    ("category", category),
                    ("staff_role", role),
                ):
                    by[name][code] = by[name].get(code, 0) + int(n)
            agencies = {
                agency: int(n)
                for agency, n in session.execute(
                    select(Referral.agency, func.count())
                    .where(
                        Referral.venue_id.in_(ids),
                        Referral.date.between(first_day, last_day),
                        Referral.status == "active",
                    )
                    .group_by(Referral.agency)
                )
            }
            meetings = int(
                session.scalar(
                    select(func.count()).where(
                        CaseMeeting.venue_id.in_(ids),
                        CaseMeeting.date.between(first_day, last_day),
                        CaseMeeting.status == "active",
                    )
                )
                or 0
            )
        lists = lists_in(session)
    return in_list_order(lists, {**by, "agency": agencies}, meetings)


def lists_in(session: Session) -> dict[str, tuple[ListEntry, ...]]:
    """Every list the counts are ordered by, hidden entries too."""
    return {name: entries_in(session, name, include_hidden=True) for name in LISTS}


def in_list_order(
    lists: Mapping[str, Iterable[ListEntry]],
    found: Mapping[str, Mapping[str, int]],
    case_meetings: int,
) -> ConsultationCounts:
    """The counts found per list (code → number), each in its list's order."""
    return ConsultationCounts(
        total=sum(found["channel"].values()),
        by_channel=_ordered(lists["channel"], found["channel"]),
        by_category=_ordered(lists["category"], found["category"]),
        by_staff_role=_ordered(lists["staff_role"], found["staff_role"]),
        referrals=sum(found["agency"].values()),
        by_agency=_ordered(lists["agency"], found["agency"]),
        case_meetings=case_meetings,
    )


def _all_venues(session: Session) -> list[str]:
    """Every venue, retired ones too: naming them keeps the (venue_id, date) index in use."""
    return list(session.scalars(select(Venue.id)))
