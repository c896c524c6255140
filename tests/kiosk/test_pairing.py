"""Pairing a venue PC with the coordinator: a file alone pairs nothing; the code does."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.exchange import pairing


@pytest.fixture(autouse=True)
def quick_scrypt(request, monkeypatch):
    """scrypt at its real cost (a tenth of a second a code) only where a test asks for it."""
    if "real_scrypt" not in request.fixturenames:
        monkeypatch.setattr(pairing, "_SCRYPT", {**pairing._SCRYPT, "n": 2**8})


@pytest.fixture
def real_scrypt() -> None:
    """Asked for by a test that must run the code's key stretching at its shipped cost."""


@pytest.fixture
def venue_pc(tmp_path, clock, migrated_database):
    folder = DataFolder(tmp_path / "venue-pc")
    folder.root.mkdir(mode=0o700)
    folder.database.write_bytes(migrated_database)
    opened = open_database(folder=folder)
    yield replace(opened, clock=clock)
    opened.close()


@pytest.fixture
def coordinator_pc(ctx):
    settings.set_organisation(ctx, "NPOつながり")
    return ctx


def pair(coordinator_pc, venue_pc, tmp_path):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    joined = pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    request = pairing.read_answer(coordinator_pc, joined.answer)
    return invitation, joined, request


def test_both_screens_show_the_same_number_and_the_pc_is_paired(
    coordinator_pc, venue_pc, tmp_path, real_scrypt
):
    invitation, joined, request = pair(coordinator_pc, venue_pc, tmp_path)
    assert len(invitation.code) == 9 and invitation.code[4] == "-"
    assert joined.confirmation == request.confirmation
    assert joined.coordinator.organisation == "NPOつながり"
    assert request.device_id == venue_pc.device_id
    paired = pairing.confirm(coordinator_pc, request)
    assert paired.active
    assert [d.device_id for d in pairing.paired_devices(coordinator_pc)] == [venue_pc.device_id]
    assert pairing.coordinator(venue_pc).device_id == coordinator_pc.device_id


def test_the_code_typed_in_any_case_and_width_works(coordinator_pc, venue_pc, tmp_path):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    typed = invitation.code.lower().replace("-", " ")
    typed = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in typed)  # full width
    pairing.join(venue_pc, invitation.path, typed, tmp_path / "answer.json")


def test_an_invitation_without_the_code_pairs_nothing(coordinator_pc, venue_pc, tmp_path):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    wrong = "2222-2222" if invitation.code != "2222-2222" else "3333-3333"
    with pytest.raises(KioskError) as excinfo:
        pairing.join(venue_pc, invitation.path, wrong, tmp_path / "answer.json")
    assert excinfo.value.code == "pairing_code_wrong"
    assert pairing.coordinator(venue_pc) is None
    assert not (tmp_path / "answer.json").exists()


def test_a_forged_invitation_with_other_keys_is_refused(coordinator_pc, venue_pc, tmp_path):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    raw = json.loads(invitation.path.read_text())
    raw["keys"]["sign"] = raw["keys"]["seal"]  # an attacker's key, the same code
    invitation.path.write_text(json.dumps(raw))
    with pytest.raises(KioskError) as excinfo:
        pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    assert excinfo.value.code == "pairing_code_wrong"


def test_a_forged_answer_is_refused(coordinator_pc, venue_pc, tmp_path):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    joined = pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    raw = json.loads(joined.answer.read_text())
    raw["device_name"] = "なりすまし"
    joined.answer.write_text(json.dumps(raw, ensure_ascii=False))
    with pytest.raises(KioskError) as excinfo:
        pairing.read_answer(coordinator_pc, joined.answer)
    assert excinfo.value.code == "pairing_file_forged"
    assert pairing.paired_devices(coordinator_pc) == []


def test_an_answer_is_used_once(coordinator_pc, venue_pc, tmp_path):
    _, _, request = pair(coordinator_pc, venue_pc, tmp_path)
    pairing.confirm(coordinator_pc, request)
    with pytest.raises(KioskError) as excinfo:
        pairing.read_answer(coordinator_pc, tmp_path / "answer.json")
    assert excinfo.value.code == "pairing_unknown_invitation"


def test_declined_numbers_pair_nothing(coordinator_pc, venue_pc, tmp_path):
    _, _, request = pair(coordinator_pc, venue_pc, tmp_path)
    pairing.decline(coordinator_pc, request)
    with pytest.raises(KioskError):
        pairing.confirm(coordinator_pc, request)
    assert pairing.paired_devices(coordinator_pc) == []


def test_an_invitation_expires_after_a_day(coordinator_pc, venue_pc, tmp_path, clock):
    invitation = pairing.invite(coordinator_pc, tmp_path / "invite.json")
    clock.advance(days=1, seconds=1)
    with pytest.raises(KioskError) as excinfo:
        pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    assert excinfo.value.code == "pairing_expired"


def test_revoking_a_pc_keeps_it_listed_as_revoked(coordinator_pc, venue_pc, tmp_path):
    _, _, request = pair(coordinator_pc, venue_pc, tmp_path)
    pairing.confirm(coordinator_pc, request)
    revoked = pairing.revoke(coordinator_pc, venue_pc.device_id)
    assert not revoked.active
    assert [d.active for d in pairing.paired_devices(coordinator_pc)] == [False]


def test_a_venue_pc_cannot_invite_and_a_coordinator_cannot_join(coordinator_pc, venue_pc, tmp_path):
    _, _, request = pair(coordinator_pc, venue_pc, tmp_path)
    pairing.confirm(coordinator_pc, request)
    with pytest.raises(KioskError) as excinfo:
        pairing.invite(venue_pc, tmp_path / "again.json")
    assert excinfo.value.code == "pairing_not_coordinator"
    invitation = pairing.invite(coordinator_pc, tmp_path / "third.json")
    with pytest.raises(KioskError) as excinfo:
        pairing.join(coordinator_pc, invitation.path, invitation.code, tmp_path / "a.json")
    assert excinfo.value.code in {"pairing_same_device", "pairing_is_coordinator"}


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"format": "tsunagari-pairing-invitation"}', b"{" * 5000, b"NaN"],
)
def test_broken_pairing_files_get_a_message(coordinator_pc, venue_pc, tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(KioskError):
        pairing.join(venue_pc, bad, "2222-2222", tmp_path / "answer.json")
    with pytest.raises(KioskError):
        pairing.read_answer(coordinator_pc, bad)


def test_an_invitation_never_answered_goes_with_the_next_one_after_a_day(
    coordinator_pc, tmp_path, clock
):
    from sqlalchemy import select

    from db.models import Setting

    pairing.invite(coordinator_pc, tmp_path / "first.json")
    clock.advance(days=1, seconds=1)
    pairing.invite(coordinator_pc, tmp_path / "second.json")
    with coordinator_pc.sessions() as session:
        pending = session.scalars(
            select(Setting.key).where(Setting.key.startswith(pairing.PENDING))
        ).all()
    assert len(pending) == 1
