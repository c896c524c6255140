"""Pair test PCs the way a coordinator does, without a tenth of a second of scrypt each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from kiosk.core.context import AppContext
from kiosk.exchange import pairing

QUICK_SCRYPT = {**pairing._SCRYPT, "n": 2**4}


@contextmanager
def quick_scrypt() -> Iterator[None]:
    shipped = pairing._SCRYPT
    pairing._SCRYPT = QUICK_SCRYPT
    try:
        yield
    finally:
        pairing._SCRYPT = shipped


def pair(coordinator: AppContext, venue_pc: AppContext, where: Path) -> pairing.PairedDevice:
    """Invite, join with the code, read the answer, confirm: the whole pairing."""
    where.mkdir(parents=True, exist_ok=True)
    with quick_scrypt():
        invitation = pairing.invite(coordinator, where / f"invite-{venue_pc.device_id[:8]}.json")
        # On the coordinator's clock: a test's coordinator may live on a fixed day.
        joined = pairing.join(
            replace(venue_pc, clock=coordinator.clock),
            invitation.path,
            invitation.code,
            where / f"answer-{venue_pc.device_id[:8]}.json",
        )
        request = pairing.read_answer(coordinator, joined.answer)
    return pairing.confirm(coordinator, request)
