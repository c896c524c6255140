"""The coordinator's view of the exchange: which PCs and venues sent data, up to when.

And, for the PC itself, how much it holds that has never been exported:
a laptop must not be wiped or handed back while that is more than zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from db.models import Event, Venue
from kiosk.core.context import AppContext
from kiosk.core.transaction import read
from kiosk.exchange import ledger
from kiosk.exchange.export import unexported_rows


@dataclass(frozen=True)
class DeviceLine:
    device_id: str
    name: str  # as the PC named itself in its newest file ("" if never named)
    made_at: datetime | None  # its newest file imported here; None for this PC
    imported_at: datetime | None
    this_pc: bool


@dataclass(frozen=True)
class VenueLine:
    venue: str
    device: str  # the PC that recorded these days
    first_day: date
    last_day: date
    events: int


@dataclass(frozen=True)
class ExchangeOverview:
    device_id: str
    device_name: str
    last_export: datetime | None
    unexported: int
    devices: tuple[DeviceLine, ...]
    venues: tuple[VenueLine, ...]


def short_id(device_id: str) -> str:
    return device_id[:8]


def exchange_overview(ctx: AppContext) -> ExchangeOverview:
    received = ledger.all_received(ctx)
    own_name = ledger.device_name(ctx)
    names = {r.device_id: r.device_name for r in received}
    names[ctx.device_id] = own_name
    with read(ctx) as session:
        last_export = ledger.last_sent(session)
        spans = session.execute(
            select(
                Venue.name,
                Event.device_id,
                func.min(Event.date),
                func.max(Event.date),
                func.count(Event.id),
            )
            .join(Venue, Venue.id == Event.venue_id)
            .group_by(Venue.name, Event.device_id)
            .order_by(Venue.name, func.max(Event.date).desc())
        ).all()
    devices = [DeviceLine(ctx.device_id, own_name, None, None, True)] + [
        DeviceLine(r.device_id, r.device_name, r.made_at, r.imported_at, False) for r in received
    ]
    venues = tuple(
        VenueLine(venue, names.get(device) or short_id(device), first, last, count)
        for venue, device, first, last, count in spans
    )
    return ExchangeOverview(
        device_id=ctx.device_id,
        device_name=own_name,
        last_export=last_export,
        unexported=unexported_rows(ctx),
        devices=tuple(devices),
        venues=venues,
    )
