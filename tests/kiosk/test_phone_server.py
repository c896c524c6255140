"""The phone page served for real (waitress on 127.0.0.1): limits HTTP itself, stops cleanly."""

from __future__ import annotations

import http.client
import socket

import pytest

from kiosk.core.errors import KioskError
from kiosk.survey import catalogue
from kiosk.survey.phone import codes
from kiosk.survey.phone.app import MAX_BODY, PhoneEvent
from kiosk.survey.phone.server import PhoneServer, checked_host, local_addresses


@pytest.fixture
def server(ctx, event):
    phone = PhoneServer(
        ctx, PhoneEvent(event.id, event.date, catalogue.active(ctx)), "127.0.0.1", port=0
    )
    phone.start()
    yield phone
    phone.stop()


def raw(server: PhoneServer, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_it_serves_on_the_chosen_address_only_and_stops(server):
    host = f"127.0.0.1:{server.port}"
    answer = raw(server, f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 200") and b"Content-Security-Policy" in answer
    assert server.running
    server.stop()
    assert not server.running
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()


def test_the_address_is_one_interface_never_all(ctx):
    for bad in ("0.0.0.0", "", "evil.example", "::", "224.0.0.1", "192.168.1.300"):
        with pytest.raises(KioskError) as refused:
            checked_host(bad)
        assert refused.value.code == "phone_bad_address"
    assert checked_host(" 192.168.137.1 ") == "192.168.137.1"
    assert all(not a.startswith("127.") for a in local_addresses())


def test_a_raw_traversal_and_a_wrong_host_are_refused_on_the_wire(server):
    host = f"127.0.0.1:{server.port}"
    for path in ("/static/../../../../etc/passwd", "/../resources/locales/ja.json"):
        answer = raw(
            server, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
        )
        assert answer.split(b" ")[1] in (b"400", b"404")
        assert b"root:" not in answer and b"survey.phrase" not in answer
    answer = raw(server, b"GET / HTTP/1.1\r\nHost: tsunagari.example\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 421")


def test_waitress_refuses_a_body_past_the_limit_before_the_app_reads_it(server, ctx, db_state):
    [card] = codes.make_codes(ctx, 1)
    before = db_state()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    body = b"q.comment=" + b"x" * (MAX_BODY * 4)
    conn.request(
        "POST",
        f"/c/{card}?lang=en",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert conn.getresponse().status == 413
    conn.close()
    assert db_state() == before


def test_a_taken_port_is_a_clear_refusal(ctx, event, server):
    second = PhoneServer(
        ctx, PhoneEvent(event.id, event.date, catalogue.active(ctx)), "127.0.0.1", server.port
    )
    with pytest.raises(KioskError) as refused:
        second.start()
    assert refused.value.code == "phone_cannot_listen"
