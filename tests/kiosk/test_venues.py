"""Venues: first-run setup, add, rename, retire, and which venue this laptop serves."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from kiosk.core import settings
from kiosk.core.errors import KioskError
from kiosk.door import events, venues
from kiosk.door.paper_days import PaperDayDraft, record_paper_day
from tests import refusals


def audit_actions(ctx) -> list[str]:
    with ctx.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)))


def refused(ctx, db_state, code: str, action, *args, **kwargs) -> KioskError:
    """`action(ctx, *args, **kwargs)` is refused with `code` and changes nothing."""
    return refusals.refused(db_state, code, lambda: action(ctx, *args, **kwargs))


def test_a_new_database_needs_setup(ctx):
    assert venues.needs_setup(ctx)
    assert venues.list_venues(ctx) == []
    assert venues.current_venue(ctx) is None
    assert settings.organisation(ctx) == ""


def test_complete_setup_saves_the_organisation_and_first_venue(ctx):
    venue = venues.complete_setup(ctx, "  NPO   つながり ", " 中央公民館 ", "online")

    assert (venue.name, venue.kind, venue.active) == ("中央公民館", "online", True)
    assert not venues.needs_setup(ctx)
    assert settings.organisation(ctx) == "NPO つながり"
    assert venues.list_venues(ctx) == [venue]
    assert venues.current_venue(ctx) == venue
    assert "setup_completed" in audit_actions(ctx)


@pytest.mark.parametrize(
    ("organisation", "venue_name", "kind", "code"),
    [
        ("", "中央公民館", "in_person", "name_empty"),
        ("NPO", "  ", "in_person", "name_empty"),
        ("N" * (settings.MAX_ORGANISATION + 1), "中央公民館", "in_person", "name_too_long"),
        ("NPO", "会" * (venues.MAX_VENUE_NAME + 1), "in_person", "name_too_long"),
        ("NPO", "中央公民館", "moon", "invalid_choice"),
    ],
)
def test_complete_setup_refuses_bad_input(ctx, db_state, organisation, venue_name, kind, code):
    refused(ctx, db_state, code, venues.complete_setup, organisation, venue_name, kind)
    assert venues.needs_setup(ctx)


def test_complete_setup_twice_does_not_make_a_second_venue_of_the_same_name(ctx, db_state):
    venues.complete_setup(ctx, "NPO", "中央公民館", "in_person")
    refused(
        ctx, db_state, "venue_name_taken", venues.complete_setup, "NPO", "中央公民館", "in_person"
    )
    assert len(venues.list_venues(ctx)) == 1


def test_setup_is_needed_until_both_organisation_and_venue_exist(ctx):
    settings.set_organisation(ctx, "NPO")
    assert venues.needs_setup(ctx)
    venues.add_venue(ctx, "中央公民館")
    assert not venues.needs_setup(ctx)


def test_add_venue(ctx, venue):
    added = venues.add_venue(ctx, "  駅前  サロン ", "online")
    assert (added.name, added.kind, added.active) == ("駅前 サロン", "online", True)
    assert venues.list_venues(ctx) == [venue, added]
    assert venues.current_venue(ctx) == venue  # adding does not switch the laptop
    assert audit_actions(ctx)[-1] == "venue_added"


def test_a_duplicate_venue_name_is_refused(ctx, venue, db_state):
    error = refused(ctx, db_state, "venue_name_taken", venues.add_venue, " 中央公民館 ")
    assert error.params == {"name": "中央公民館"}


def test_a_retired_venues_name_may_be_used_again(ctx, venue):
    other = venues.add_venue(ctx, "駅前サロン")
    venues.retire_venue(ctx, venue.id)
    again = venues.add_venue(ctx, "中央公民館")
    assert {v.id for v in venues.list_venues(ctx)} == {other.id, again.id}


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("", "in_person", "name_empty"),
        ("x" * 61, "in_person", "name_too_long"),
        ("x", "tv", "invalid_choice"),
    ],
)
def test_add_venue_refuses_bad_input(ctx, venue, db_state, name, kind, code):
    refused(ctx, db_state, code, venues.add_venue, name, kind)


def test_rename_venue(ctx, venue):
    renamed = venues.rename_venue(ctx, venue.id, "中央公民館 2階")
    assert (renamed.id, renamed.name) == (venue.id, "中央公民館 2階")
    assert venues.list_venues(ctx) == [renamed]
    assert venues.rename_venue(ctx, venue.id, "中央公民館 2階") == renamed  # to its own name
    assert audit_actions(ctx)[-1] == "venue_renamed"


def test_renaming_to_another_venues_name_is_refused(ctx, venue, db_state):
    other = venues.add_venue(ctx, "駅前サロン")
    refused(ctx, db_state, "venue_name_taken", venues.rename_venue, other.id, "中央公民館")
    refused(ctx, db_state, "venue_not_found", venues.rename_venue, "nowhere", "新会場")
    refused(ctx, db_state, "name_empty", venues.rename_venue, other.id, "  ")


def test_retire_venue_hides_it_but_keeps_it(ctx, venue):
    other = venues.add_venue(ctx, "駅前サロン")
    retired = venues.retire_venue(ctx, other.id)
    assert (retired.id, retired.active) == (other.id, False)
    assert venues.list_venues(ctx) == [venue]
    assert [v.id for v in venues.list_venues(ctx, include_retired=True)] == [venue.id, other.id]
    assert audit_actions(ctx)[-1] == "venue_retired"


def test_the_last_venue_cannot_be_retired(ctx, venue, db_state):
    refused(ctx, db_state, "last_venue", venues.retire_venue, venue.id)
    other = venues.add_venue(ctx, "駅前サロン")
    venues.retire_venue(ctx, venue.id)
    refused(ctx, db_state, "last_venue", venues.retire_venue, other.id)
    refused(ctx, db_state, "venue_not_found", venues.retire_venue, "nowhere")


def test_retiring_the_current_venue_moves_the_laptop_to_another(ctx, venue):
    other = venues.add_venue(ctx, "駅前サロン")
    assert venues.current_venue(ctx) == venue
    venues.retire_venue(ctx, venue.id)
    assert venues.current_venue(ctx) == other
    assert settings.get(ctx, settings.CURRENT_VENUE) == other.id


def test_current_venue_falls_back_when_the_chosen_one_is_retired(ctx, venue):
    first_other = venues.add_venue(ctx, "駅前サロン")
    second_other = venues.add_venue(ctx, "北部会館")
    venues.set_current_venue(ctx, second_other.id)
    assert venues.current_venue(ctx) == second_other
    venues.retire_venue(ctx, second_other.id)
    assert venues.current_venue(ctx) in (
        venues.VenueInfo(venue.id, venue.name, venue.kind, True),
        first_other,
    )
    # The setting may also point at a retired venue (e.g. merged from another laptop).
    settings.put(ctx, settings.CURRENT_VENUE, second_other.id)
    assert venues.current_venue(ctx) == venue


def test_set_current_venue_refuses_a_retired_or_unknown_venue(ctx, venue, db_state):
    other = venues.add_venue(ctx, "駅前サロン")
    venues.retire_venue(ctx, other.id)
    refused(ctx, db_state, "venue_not_found", venues.set_current_venue, other.id)
    refused(ctx, db_state, "venue_not_found", venues.set_current_venue, "nowhere")


def test_a_retired_venue_keeps_its_events(ctx, venue, event):
    other = venues.add_venue(ctx, "駅前サロン")
    events.close_event(ctx, event.id)
    venues.retire_venue(ctx, venue.id)
    kept = events.event_info(ctx, event.id)
    assert (kept.venue_id, kept.venue_name) == (venue.id, "中央公民館")
    assert venues.current_venue(ctx) == other


def test_language_setting(ctx):
    assert settings.language(ctx) == "ja"
    settings.set_language(ctx, "en")
    assert settings.language(ctx) == "en"
    with pytest.raises(KioskError) as excinfo:
        settings.set_language(ctx, "fr")
    assert excinfo.value.code == "invalid_language"
    assert settings.language(ctx) == "en"


def test_the_kind_changes_while_the_venue_has_no_days(ctx, venue):
    online = venues.add_venue(ctx, "オンライン相談会")  # made as in person by mistake
    assert venues.kind_can_change(ctx, online.id)
    changed = venues.change_venue_kind(ctx, online.id, "online")
    assert (changed.id, changed.name, changed.kind) == (online.id, "オンライン相談会", "online")
    assert [v.kind for v in venues.list_venues(ctx)] == ["in_person", "online"]
    assert audit_actions(ctx)[-1] == "venue_kind_changed"
    assert venues.change_venue_kind(ctx, online.id, "online") == changed  # already so
    assert audit_actions(ctx).count("venue_kind_changed") == 1


def test_the_kind_is_fixed_once_a_day_is_held(ctx, venue, event, db_state):
    assert not venues.kind_can_change(ctx, venue.id)
    error = refused(ctx, db_state, "venue_kind_fixed", venues.change_venue_kind, venue.id, "online")
    assert error.params == {"name": "中央公民館"}
    assert venues.change_venue_kind(ctx, venue.id, "in_person").kind == "in_person"  # no change


def test_a_paper_list_fixes_the_kind_too(ctx, venue, db_state):
    other = venues.add_venue(ctx, "駅前サロン")
    record_paper_day(ctx, PaperDayDraft(other.id, date(2026, 11, 1), {"30s": 2}, {"resident": 2}))
    assert not venues.kind_can_change(ctx, other.id)
    refused(ctx, db_state, "venue_kind_fixed", venues.change_venue_kind, other.id, "online")


def test_changing_the_kind_refuses_bad_input(ctx, venue, db_state):
    other = venues.add_venue(ctx, "駅前サロン")
    refused(ctx, db_state, "invalid_choice", venues.change_venue_kind, other.id, "tv")
    refused(ctx, db_state, "venue_not_found", venues.change_venue_kind, "nowhere", "online")
