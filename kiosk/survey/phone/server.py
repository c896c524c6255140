"""Serving the phone page on one address of the venue's network, in a background thread.

waitress, a well-kept pure-Python WSGI server, does the HTTP: it reads
requests within set limits (body, headers, idle connections, how many at
once) and runs the app (kiosk/survey/phone/app.py) in its own small thread
pool, so the Qt window stays responsive. It listens on the one address
chosen (never on every interface), only between start() and stop(), and
stop() closes the listening socket and every connection before it returns.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass

from waitress.server import BaseWSGIServer, create_server
from waitress.wasyncore import close_all

from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.survey.phone.app import MAX_BODY, PhoneApp, PhoneEvent
from kiosk.survey.phone.limits import Limits

log = logging.getLogger(__name__)

DEFAULT_PORT = 8808
LOOPBACK = "127.0.0.1"
STOP_SECONDS = 5.0


@dataclass(frozen=True)
class Address:
    """Where phones reach the page."""

    host: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def card_url(self, code: str) -> str:
        """A card's URL in upper case: a QR code holds it in its compact alphanumeric mode."""
        return f"{self.base}/C/{code}".upper()


def checked_host(host: str) -> str:
    """An IPv4 address of one interface; never 0.0.0.0 (every interface at once)."""
    try:
        address = ipaddress.IPv4Address(host.strip())
    except ValueError as exc:
        raise KioskError("phone_bad_address", value=host[:40]) from exc
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        raise KioskError("phone_bad_address", value=host[:40])
    return str(address)


def local_addresses() -> list[str]:
    """This machine's IPv4 addresses a phone on the same network could reach, best first.

    The address the system would use to leave the machine first (found by
    aiming a UDP socket: nothing is sent), then the host name's addresses.
    """
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    usable = []
    for host in found:
        address = ipaddress.IPv4Address(host)
        if not (address.is_loopback or address.is_unspecified or address.is_link_local):
            usable.append(host)
    return list(dict.fromkeys(usable))


class PhoneServer:
    def __init__(
        self,
        ctx: AppContext,
        event: PhoneEvent,
        host: str,
        port: int = DEFAULT_PORT,
        limits: Limits | None = None,
    ) -> None:
        self.ctx = ctx
        self.event = event
        self.host = checked_host(host)
        if not 0 <= port <= 65535:
            raise KioskError("phone_bad_port", value=str(port))
        self.port = port
        self.limits = limits
        self.app: PhoneApp | None = None
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def address(self) -> Address:
        return Address(self.host, self.port)

    def start(self) -> Address:
        """Listen; the port actually taken (port 0: any free one) is in the address."""
        if self.running:
            return self.address
        try:
            server = create_server(
                _Placeholder(),
                host=self.host,
                port=self.port,
                threads=4,
                ident="tsunagari",
                max_request_body_size=MAX_BODY,
                max_request_header_size=16 * 1024,
                channel_timeout=30,
                cleanup_interval=10,
                connection_limit=64,
                expose_tracebacks=False,
                clear_untrusted_proxy_headers=True,
            )
        except OSError as exc:
            raise KioskError("phone_cannot_listen", host=self.host, port=self.port) from exc
        assert isinstance(server, BaseWSGIServer)
        self.port = int(server.effective_port)
        hosts = [f"{self.host}:{self.port}"] + ([self.host] if self.port == 80 else [])
        self.app = PhoneApp(self.ctx, self.event, hosts, self.limits)
        server.application = self.app
        self._server = server
        self._thread = threading.Thread(target=server.run, name="phone-survey", daemon=True)
        self._thread.start()
        log.info("phone questionnaire page on")
        return self.address

    def stop(self) -> None:
        """Close the listening socket and every connection; returns when it has stopped."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None or thread is None:
            return
        # The loop's own thread closes its sockets (asyncore is not thread-safe);
        # an empty map ends its loop.
        server.trigger.pull_trigger(lambda: close_all(server._map))
        thread.join(STOP_SECONDS)
        if thread.is_alive():  # the trigger was not heard: close from here
            close_all(server._map)
            thread.join(STOP_SECONDS)
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=STOP_SECONDS)
        log.info("phone questionnaire page off")


class _Placeholder:
    """The app until the port is known (the app checks the Host header against it)."""

    def __call__(self, environ: object, start_response: object) -> list[bytes]:
        raise RuntimeError("not started")
