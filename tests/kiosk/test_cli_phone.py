"""`tsunagari survey serve` and `tsunagari survey cards`: the phone page from the command line."""

from __future__ import annotations

import http.client
import re
import socket
from dataclasses import replace

import pytest
from pypdf import PdfReader

from kiosk.cli import main as cli
from kiosk.cli import phone_survey
from kiosk.core.context import local_now
from kiosk.door import events
from kiosk.survey.phone import codes


@pytest.fixture
def today(ctx, venue):
    """The command runs on the real clock: the context, and today's event, on it too."""
    real = replace(ctx, clock=local_now)
    events.open_event(real, venue.id)
    return real


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_cards_make_a_sheet_of_one_time_codes(today, database_args, tmp_path, capsys):
    out = tmp_path / "cards.pdf"
    argv = ["survey", "cards", "-n", "12", "-o", str(out), "--address", "127.0.0.1", "--lang", "en"]
    assert cli.main([*argv, *database_args]) == 0
    assert "12 cards written" in capsys.readouterr().out
    reader = PdfReader(out)
    assert len(reader.pages) == 2  # eight a page
    printed = re.findall(
        r"[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", "".join(p.extract_text() for p in reader.pages)
    )
    assert len(set(printed)) == 12
    assert all(codes.is_open(today, codes.normalise(code)) for code in printed)
    assert "http://127.0.0.1:8808" in reader.pages[0].extract_text()
    fonts = {
        (str(font["/BaseFont"]), "/FontFile2" in font["/FontDescriptor"].get_object())
        for page in reader.pages
        for font in (f.get_object() for f in page["/Resources"]["/Font"].values())
        if "/FontDescriptor" in font
    }
    standard = [
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
        if "/FontDescriptor" not in f.get_object()
    ]
    assert standard == [] and fonts and all(embedded for _, embedded in fonts), fonts


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (["-n", "0"], "from 1 to 400"),
        (["-n", "401"], "from 1 to 400"),
        (["-n", "forty"], "from 1 to 400"),
        (["--address", "0.0.0.0"], "never served on every interface"),
        (["--address", "cafe.example"], "not an address of this machine"),
        (["--port", "70000"], "not a port"),
    ],
)
def test_bad_card_options_are_refused_with_nothing_made(
    ctx, event, database_args, tmp_path, capsys, db_state, words, says
):
    out = tmp_path / "cards.pdf"
    before = db_state()
    argv = ["survey", "cards", "-o", str(out), "--address", "127.0.0.1", *words, "--lang", "en"]
    assert cli.main([*argv, *database_args]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not out.exists() and db_state() == before


def test_cards_into_a_folder_are_refused(ctx, database_args, tmp_path, capsys, db_state):
    before = db_state()
    argv = ["survey", "cards", "-o", str(tmp_path), "--address", "127.0.0.1"]
    assert cli.main([*argv, *database_args]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert db_state() == before


def test_serve_prints_the_address_and_a_qr_and_stops_on_ctrl_c(
    today, database_args, monkeypatch, capsys
):
    port = free_port()
    pages: list[int] = []

    def ctrl_c() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/")
        pages.append(conn.getresponse().status)
        conn.close()
        raise KeyboardInterrupt

    monkeypatch.setattr(phone_survey, "wait_for_interrupt", ctrl_c)
    argv = ["survey", "serve", "--address", "127.0.0.1", "--port", str(port), "--lang", "en"]
    assert cli.main([*argv, *database_args]) == 0
    out = capsys.readouterr().out
    assert f"http://127.0.0.1:{port}" in out and "▀" in out and "Stopped" in out
    assert pages == [200]
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_serve_without_an_event_today_says_so(ctx, venue, database_args, capsys):
    argv = ["survey", "serve", "--address", "127.0.0.1", "--port", str(free_port()), "--lang", "en"]
    assert cli.main([*argv, *database_args]) == 2
    err = capsys.readouterr().err
    assert "open today's check-in first" in err and "Traceback" not in err
