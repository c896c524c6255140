"""Whom this PC takes exchange files from, and to whom it seals the files it makes.

Two roles, set by pairing (kiosk/exchange/pairing.py):

- a venue PC, paired with a coordinator: it seals its files to the
  coordinator, and takes only the coordinator's set-up files;
- the coordinator, with venue PCs paired to it: it takes their files, and
  seals its own (venues, workshops, targets, questionnaires) to every PC
  still paired, to set them up.

A file from anyone else, from a revoked PC, or meant for the other
direction is refused with a message that names the PC and says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.safe_text import shown
from kiosk.core.transaction import read
from kiosk.exchange import pairing
from kiosk.exchange.keys import PublicKeys
from kiosk.exchange.seal import SealedHeader

FROM_VENUE = "exchange"  # a venue PC's records, for the coordinator
FROM_COORDINATOR = "setup"  # the coordinator's lists, for its venue PCs


@dataclass(frozen=True)
class Sender:
    device_id: str
    name: str
    keys: PublicKeys


@dataclass(frozen=True)
class Addressees:
    kind: str  # FROM_VENUE or FROM_COORDINATOR
    keys: tuple[PublicKeys, ...]


def short_id(device_id: str) -> str:
    return device_id[:8]


def addressees(ctx: AppContext) -> Addressees:
    """Whom a file made here is sealed to; exchange_not_paired before any pairing."""
    with read(ctx) as session:
        coordinator = pairing.coordinator_in(session)
        devices = [d for d in pairing.paired_devices_in(session) if d.active]
    if coordinator is not None:
        return Addressees(FROM_VENUE, (coordinator.keys,))
    if devices:
        return Addressees(FROM_COORDINATOR, tuple(d.keys for d in devices))
    raise KioskError("exchange_not_paired")


def sender_of(ctx: AppContext, header: SealedHeader, path: str) -> Sender:
    """The PC that signed the file, if this PC takes files from it; else a coded refusal."""
    with read(ctx) as session:
        coordinator = pairing.coordinator_in(session)
        device = pairing.paired_device_in(session, header.sender)
    who = short_id(header.sender)
    if coordinator is not None:  # a venue PC: only its coordinator's set-up files
        if header.sender != coordinator.device_id:
            raise KioskError("exchange_not_from_coordinator", path=path, device=who)
        if header.kind != FROM_COORDINATOR:
            raise KioskError("exchange_wrong_direction", path=path)
        return _checked(
            Sender(coordinator.device_id, coordinator.organisation, coordinator.keys), header, path
        )
    if device is None:
        raise KioskError("exchange_unpaired", path=path, device=who)
    if device.revoked_at is not None:
        raise KioskError(
            "exchange_revoked",
            path=path,
            name=shown(device.device_name) or who,
            revoked=_day(device.revoked_at),
        )
    if header.kind != FROM_VENUE:
        raise KioskError("exchange_wrong_direction", path=path)
    return _checked(Sender(device.device_id, device.device_name, device.keys), header, path)


def _checked(sender: Sender, header: SealedHeader, path: str) -> Sender:
    if header.sender_key != sender.keys.fingerprint:  # signed with a key it was not paired with
        raise KioskError("exchange_signature_bad", path=path)
    return sender


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")
