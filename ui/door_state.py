"""What the screens share: the database context, the language, today's event.

One small QObject instead of a global: each screen gets it explicitly and
listens to `changed` to refresh after any check-in, hand-back or close.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.context import AppContext
from kiosk.door import events, venues
from kiosk.door.events import EventInfo
from kiosk.door.venues import VenueInfo


class DoorState(QObject):
    # Something at the door changed (a check-in, a hand-back, the event itself).
    changed = Signal()

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

    def notify(self) -> None:
        self.reload()
        self.changed.emit()
