"""This PC's place in the pairing (coordinator, venue PC, or neither yet), and a paired
PC found by what a person types: its name, or the start of its id.

The screens and `tsunagari sync status` say the role in a sentence; `sync
unpair DEVICE` takes a name or an id prefix, and a word that fits no PC, or
more than one, gets a message listing the PCs to choose from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.transaction import read
from kiosk.exchange import pairing

COORDINATOR = "coordinator"  # venue PCs are (or were) paired with this PC
VENUE_PC = "venue_pc"  # paired with a coordinator
UNPAIRED = "unpaired"
MIN_ID_PREFIX = 8  # the short id every screen shows


@dataclass(frozen=True)
class PairingRole:
    role: str  # COORDINATOR, VENUE_PC or UNPAIRED
    coordinator: pairing.Coordinator | None  # on a venue PC
    devices: tuple[pairing.PairedDevice, ...]  # on the coordinator, active ones first

    @property
    def active(self) -> int:
        return sum(1 for d in self.devices if d.active)

    @property
    def revoked(self) -> int:
        return len(self.devices) - self.active


def pairing_role(ctx: AppContext) -> PairingRole:
    with read(ctx) as session:
        found = pairing.coordinator_in(session)
        devices = tuple(pairing.paired_devices_in(session))
    if found is not None:
        return PairingRole(VENUE_PC, found, ())
    if devices:
        return PairingRole(COORDINATOR, None, devices)
    return PairingRole(UNPAIRED, None, ())


def find_paired_device(ctx: AppContext, reference: str) -> pairing.PairedDevice:
    """The one paired PC `reference` names (by name, or by 8 or more characters of its id)."""
    devices = pairing.paired_devices(ctx)
    if not devices:
        raise KioskError("pairing_no_devices")
    wanted = _comparable(reference)
    prefix = reference.strip().lower()
    matches = [
        d
        for d in devices
        if _comparable(d.device_name) == wanted
        or (len(prefix) >= MIN_ID_PREFIX and d.device_id.lower().startswith(prefix))
    ]
    if len(matches) == 1:
        return matches[0]
    code = "pairing_device_ambiguous" if matches else "pairing_device_no_match"
    return _refuse(code, reference, matches or devices)


def _refuse(code: str, reference: str, devices: list[pairing.PairedDevice]) -> pairing.PairedDevice:
    choices = ", ".join(f"{d.device_name or '-'} ({d.device_id[:MIN_ID_PREFIX]})" for d in devices)
    raise KioskError(code, device=reference, choices=choices)


def _comparable(name: str) -> str:
    """会場PC１ and 会場pc 1 are the same name to a person typing it."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
