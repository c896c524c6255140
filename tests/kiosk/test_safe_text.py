"""One rule for every name a person types: nothing that hides, reorders or drives a terminal.

The rule itself (safe_text.forbidden_character), the escaping the command
line prints with (safe_text.shown), and every service that takes a name:
each refuses the same characters with a message naming its field, and saves
nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.consultations import lists
from kiosk.core import safe_text, settings
from kiosk.core.context import AppContext
from kiosk.core.error_messages import describe
from kiosk.core.errors import KioskError
from kiosk.door import checkin, nickname, venues
from kiosk.door.events import EventInfo
from kiosk.door.venues import VenueInfo
from kiosk.exchange import ledger
from kiosk.workshops import catalogue
from kiosk.workshops.catalogue import WorkshopDraft

# Each hides, reorders or controls something; after "名" so none is at an edge.
REFUSED = {
    "NUL": "\x00",
    "BEL": "\x07",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "8-bit CSI": "\x9b",
    "NEL": "\x85",
    "unit separator": "\x1f",
    "vertical tab": "\x0b",
    "right-to-left override": "\u202e",
    "left-to-right isolate": "\u2066",
    "right-to-left mark": "\u200f",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner between letters": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "private use": "\ue000",
    "lone surrogate": "\udc9b",
    "unassigned": "\u0378",
    "Hangul filler": "\u3164",
    "half-width Hangul filler": "\uffa0",
    "braille blank": "\u2800",
    "combining grapheme joiner": "\u034f",
    "tag letter": "\U000e0041",
    "lone variation selector": " \ufe0f",  # after a space: selects nothing
}
ALLOWED = {
    "kanji and kana": "中央公民館 さくらカフェ",
    "half-width kana": "ｻｸﾗ",
    "full-width letters": "ＡＢＣ２階",
    "emoji": "カフェ☕🌸",
    "emoji with a variation selector": "❤️つながり",
    "emoji joined by ZWJ": "👩\u200d👧ひろば",
    "emoji with a skin tone, joined": "👩🏽\u200d🍳料理教室",
    "kanji variant (IVS)": "葛\U000e0100飾",
    "combining accent": "Cafe\u0301",
    "Arabic letters": "مقهى",
}


@pytest.mark.parametrize("char", REFUSED.values(), ids=REFUSED.keys())
def test_the_rule_refuses_what_hides_reorders_or_controls(char):
    assert safe_text.forbidden_character(f"名{char}前") == char[-1]


@pytest.mark.parametrize("text", ALLOWED.values(), ids=ALLOWED.keys())
def test_the_rule_keeps_every_script_and_emoji(text):
    assert safe_text.forbidden_character(text) is None
    assert safe_text.shown(text) == text


def test_tabs_and_line_breaks_are_whitespace_not_refused():
    assert safe_text.forbidden_character("中央\t公民館\r\n2階\u2028") is None
    assert safe_text.clean_name(" 中央\t公民館\n2階 ", "venue", 60) == "中央 公民館 2階"
    text = safe_text.clean_name("一行目  \r\n二行目\r三行目", "description", 99, multiline=True)
    assert text == "一行目\n二行目\n三行目"


def test_a_joiner_joins_only_two_emoji():
    assert safe_text.forbidden_character("👩\u200d") == "\u200d"
    assert safe_text.forbidden_character("\u200d👧") == "\u200d"
    assert safe_text.forbidden_character("a\u200d👧") == "\u200d"


def test_shown_escapes_what_a_terminal_would_obey():
    assert safe_text.shown("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07"
    assert safe_text.shown("名\u202e前\u200b") == "名\\u202e前\\u200b"
    assert safe_text.shown("行\n\t\r") == "行\\x0a\\x09\\x0d"
    assert safe_text.shown("\x9b2J\udcff") == "\\x9b2J\\udcff"
    assert safe_text.shown("\U000e0041") == "\\U000e0041"
    assert safe_text.shown(12) == "12"


def test_the_error_names_the_field_and_the_character():
    with pytest.raises(KioskError) as excinfo:
        safe_text.clean_name("中央\u202e公民館", "venue", 60)
    error = excinfo.value
    assert (error.code, error.params) == (
        "name_bad_character",
        {"field": "venue", "char": "U+202E"},
    )
    assert describe(error, "ja").startswith("会場名に使えない文字（U+202E）")
    assert describe(error, "en").startswith("The venue name contains a character")


def test_a_separator_control_is_refused_not_folded_into_a_space():
    """str.split() counts \\x1c-\\x1f and \\x85 as whitespace: checked before folding."""
    for char in ("\x1c", "\x1f", "\x85"):
        with pytest.raises(KioskError) as excinfo:
            safe_text.clean_name(f"中央{char}公民館", "venue", 60)
        assert excinfo.value.code == "name_bad_character"


# -- nicknames ----------------------------------------------------------------------------


@pytest.mark.parametrize("char", REFUSED.values(), ids=REFUSED.keys())
def test_a_nickname_refuses_the_same_characters(char):
    with pytest.raises(KioskError) as excinfo:
        nickname.clean(f"さく{char}ら")
    assert excinfo.value.code == "nickname_invalid"
    folded = unicodedata.normalize("NFKC", char[-1])  # U+3164 becomes U+1160
    assert excinfo.value.params == {"char": safe_text.code_point(folded)}


def test_two_nicknames_that_look_the_same_are_one(ctx: AppContext, event: EventInfo):
    checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, nickname="さくら❤️"))
    for look_alike in ("さくら❤", "ｻｸﾗ❤️"):
        with pytest.raises(KioskError) as excinfo:
            checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, nickname=look_alike))
        assert excinfo.value.code == "nickname_taken"


def test_an_emoji_nickname_is_welcome(ctx: AppContext, event: EventInfo):
    done = checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, nickname="🌸はな"))
    assert [m.nickname for m in checkin.find_visitors(ctx, "はな")] == ["🌸はな"]
    assert not done.repeated


# -- every service that takes a name ---------------------------------------------------


def _workshop(field: str) -> Callable[[AppContext, str], Any]:
    def save(ctx: AppContext, text: str) -> Any:
        values = {"name": "アロマ", field: text}
        return catalogue.add_workshop(ctx, WorkshopDraft(**values))

    return save


def _rename_venue(ctx: AppContext, text: str) -> Any:
    venue = venues.add_venue(ctx, "東部センター")
    return venues.rename_venue(ctx, venue.id, text)


def _rename_list_entry(ctx: AppContext, text: str) -> Any:
    entry = lists.add_entry(ctx, "agency", "社会福祉協議会")
    return lists.rename_entry(ctx, "agency", entry.code, text)


# (what is typed, the service, the field the error names)
NAME_FIELDS: dict[str, tuple[Callable[[AppContext, str], Any], str]] = {
    "setup organisation": (
        lambda ctx, text: venues.complete_setup(ctx, text, "西部センター", "in_person"),
        "organisation",
    ),
    "setup venue": (
        lambda ctx, text: venues.complete_setup(ctx, "NPOつながり", text, "in_person"),
        "venue",
    ),
    "new venue": (lambda ctx, text: venues.add_venue(ctx, text), "venue"),
    "renamed venue": (_rename_venue, "venue"),
    "organisation": (settings.set_organisation, "organisation"),
    "project": (settings.set_project_name, "project"),
    "workshop name": (
        lambda ctx, text: catalogue.add_workshop(ctx, WorkshopDraft(name=text)),
        "workshop",
    ),
    "workshop description": (_workshop("description"), "description"),
    "workshop facilitator": (_workshop("facilitator"), "facilitator"),
    "device name": (ledger.set_device_name, "device"),
    "new list entry": (
        lambda ctx, text: lists.add_entry(ctx, "category", text),
        "list_label",
    ),
    "renamed list entry": (_rename_list_entry, "list_label"),
}
SAMPLES = {
    k: REFUSED[k] for k in ("BEL", "8-bit CSI", "right-to-left override", "zero-width space")
}


@pytest.mark.parametrize("field", NAME_FIELDS.keys())
@pytest.mark.parametrize("char", SAMPLES.values(), ids=SAMPLES.keys())
def test_every_name_field_refuses_them_and_saves_nothing(
    ctx, venue: VenueInfo, db_state, field, char
):
    save, field_name = NAME_FIELDS[field]
    before = db_state()
    with pytest.raises(KioskError) as excinfo:
        save(ctx, f"名{char}前")
    assert excinfo.value.code == "name_bad_character"
    assert excinfo.value.params == {"field": field_name, "char": safe_text.code_point(char)}
    assert "{" not in describe(excinfo.value, "ja")
    if field.startswith("renamed"):
        return  # the thing renamed was added first
    assert db_state() == before


@pytest.mark.parametrize("field", NAME_FIELDS.keys())
def test_every_name_field_still_takes_japanese_and_emoji(ctx, venue: VenueInfo, field):
    save, _ = NAME_FIELDS[field]
    save(ctx, "つながり☕ｶﾌｪ")
