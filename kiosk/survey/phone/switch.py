"""「スマホで回答」 on or off: the one server of this app, for the window and the kiosk.

The window turns it on (behind the coordinator PIN) for today's event and
off again; the kiosk asks it for a fresh card after each answer. Off means
no socket is open.
"""

from __future__ import annotations

from kiosk.core.context import AppContext
from kiosk.survey.phone import codes
from kiosk.survey.phone.app import PhoneEvent
from kiosk.survey.phone.limits import Limits
from kiosk.survey.phone.server import DEFAULT_PORT, Address, PhoneServer


class PhoneSwitch:
    def __init__(self, ctx: AppContext, limits: Limits | None = None) -> None:
        self.ctx = ctx
        self.limits = limits
        self._server: PhoneServer | None = None

    @property
    def address(self) -> Address | None:
        """Where phones reach the page while it is on; None while off."""
        server = self._server
        return server.address if server is not None and server.running else None

    @property
    def event_id(self) -> str | None:
        return self._server.event.event_id if self._server is not None else None

    def turn_on(self, event: PhoneEvent, host: str, port: int = DEFAULT_PORT) -> Address:
        """Serve `event` on `host`:`port` (any server before is stopped first)."""
        self.turn_off()
        server = PhoneServer(self.ctx, event, host, port, self.limits)
        address = server.start()
        self._server = server
        return address

    def turn_off(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def fresh_card_url(self) -> str | None:
        """A new one-time code's URL while the page is on (the kiosk's thank-you QR)."""
        server, address = self._server, self.address
        if server is None or address is None or self.ctx.today() != server.event.day:
            return None  # off, or its day is over: the page would refuse the card
        [code] = codes.make_codes(self.ctx, 1)
        return address.card_url(code)
