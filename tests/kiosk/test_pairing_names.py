"""Names that come in a pairing file follow the rule of every name, like names in exchange files.

The coordinator shows the venue PC's name from the answer file (in the
confirmation dialog, the list of paired PCs, every refusal naming it), and a
venue PC shows the organisation from the invitation: a bidi override or an
escape sequence there would make one PC look like another.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.exchange import ledger, pairing


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch):
    monkeypatch.setattr(pairing, "_SCRYPT", {**pairing._SCRYPT, "n": 2**4})


@pytest.fixture
def venue_pc(tmp_path, clock, migrated_database):
    folder = DataFolder(tmp_path / "venue-pc")
    folder.root.mkdir(mode=0o700)
    folder.database.write_bytes(migrated_database)
    opened = open_database(folder=folder)
    yield replace(opened, clock=clock)
    opened.close()


@pytest.mark.parametrize("name", ["PC\u202e1", "\x1b[2J会場", "会\u200bPC"])
def test_an_answer_from_a_pc_whose_name_breaks_the_rule_is_refused(ctx, venue_pc, tmp_path, name):
    settings.put(venue_pc, ledger.DEVICE_NAME, name)  # saved before the rule
    invitation = pairing.invite(ctx, tmp_path / "invite.json")
    joined = pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")

    with pytest.raises(KioskError) as excinfo:
        pairing.read_answer(ctx, joined.answer)

    assert excinfo.value.code == "pairing_bad_name"
    assert excinfo.value.params["char"].startswith("U+")
    assert pairing.paired_devices(ctx) == []


def test_an_invitation_whose_organisation_breaks_the_rule_pairs_nothing(ctx, venue_pc, tmp_path):
    settings.put(ctx, settings.ORGANISATION, "NPO\u202eつながり")
    invitation = pairing.invite(ctx, tmp_path / "invite.json")

    with pytest.raises(KioskError) as excinfo:
        pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")

    assert excinfo.value.code == "pairing_bad_name"
    assert pairing.coordinator(venue_pc) is None
    assert not (tmp_path / "answer.json").exists()


def test_a_good_name_still_pairs(ctx, venue_pc, tmp_path):
    ledger.set_device_name(venue_pc, "会場PC 1 👩‍👧")
    settings.put(ctx, settings.ORGANISATION, "NPOつながり")
    invitation = pairing.invite(ctx, tmp_path / "invite.json")
    joined = pairing.join(venue_pc, invitation.path, invitation.code, tmp_path / "answer.json")
    assert json.loads(joined.answer.read_text(encoding="utf-8"))["device_name"] == "会場PC 1 👩‍👧"
    assert pairing.read_answer(ctx, joined.answer).device_name == "会場PC 1 👩‍👧"
