"""What the screens share: the database context, the language, today's event.

One small QObject instead of a global: each screen gets it explicitly.
After any save, the screen that saved calls `notify(Change.X)` saying what
changed; `changed` carries that notice. A screen does not listen to
`changed` itself: it calls `follow()` with what it shows, and is refreshed
at once only when it is on screen and concerned; a hidden screen is marked
stale and refreshed when it is shown. With all eight screens opened, every
check-in used to refresh all of them (9 ms became 54 ms); now only the one
in front and the header's counters.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.context import AppContext
from kiosk.door import events, venues
from kiosk.door.events import EventInfo
from kiosk.door.venues import VenueInfo


class Change(Flag):
    """What a save changed: a screen showing none of it need not be redrawn."""

    VISITS = auto()  # a check-in made, undone or cancelled
    CARE = auto()  # children in care: checked in, handed back, their notes
    WORKSHOPS = auto()  # slots, sign-ups, the catalogue
    CONSULTATIONS = auto()  # consultation records, referrals, their lists
    SURVEY = auto()  # questionnaire answers (tablet or paper) and its settings
    SETTINGS = auto()  # organisation, venues, targets, retention, language
    DAY = auto()  # today's check-in opened, closed or reopened
    EVERYTHING = VISITS | CARE | WORKSHOPS | CONSULTATIONS | SURVEY | SETTINGS | DAY


# Saves made at an open door: they leave the venue and today's event as they were.
AT_THE_DOOR = Change.VISITS | Change.CARE


class DoorState(QObject):
    # Something changed (a check-in, a hand-back, the event itself): the Change.
    changed = Signal(object)

    def __init__(self, ctx: AppContext, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = lang
        self.venue: VenueInfo | None = None
        self.today_event: EventInfo | None = None
        self.reload()

    def reload(self) -> None:
        """Re-read the current venue and today's event (after a change elsewhere)."""
        self.venue = venues.current_venue(self.ctx)
        self.today_event = (
            events.event_on(self.ctx, self.venue.id, self.ctx.today()) if self.venue else None
        )

    @property
    def open_event(self) -> EventInfo | None:
        return (
            self.today_event if self.today_event is not None and self.today_event.is_open else None
        )

    def notify(self, what: Change = Change.EVERYTHING) -> None:
        """Say what a save changed; with no argument, anything may have changed.

        Check-ins and hand-backs need today's event open and never change it
        or the venue: they skip re-reading both, the door's commonest save.
        """
        if what & ~AT_THE_DOOR:
            self.reload()
        self.changed.emit(what)

    def follow(self, widget: QWidget, concerns: Change, refresh: Callable[[], None]) -> Follower:
        """Refresh `widget` after a change it shows: now if it is on screen, else when shown."""
        return Follower(self, widget, concerns, refresh)


class Follower(QObject):
    """Keeps one widget fresh: refreshed at once when seen, marked stale when hidden.

    A widget in no shown window (built alone, say) is refreshed at once, as
    before: only a page a shown window hides is left for later.
    """

    def __init__(
        self,
        state: DoorState,
        widget: QWidget,
        concerns: Change,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.concerns = concerns
        self.refresh = refresh
        self.stale = False
        state.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, what: Change) -> None:
        if not what & self.concerns:
            return
        if self.widget.isVisible() or not self.widget.window().isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale and watched is self.widget:
            self.stale = False
            self.refresh()
        return False
