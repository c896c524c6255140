"""`tsunagari survey serve|cards`: 「スマホで回答」 from the command line.

tsunagari survey serve [--address HOST] [--port N] [--questionnaire REF]
    serve today's questionnaire to phones on the venue's network until Ctrl+C;
    prints the address and a QR code of it (the typed-code page)
tsunagari survey cards -n 40 -o cards.pdf [--address HOST] [--port N]
    an A4 sheet of one-time answer cards for today, for that address

The address is one of this machine's (the first found, if none is given);
never every interface at once. Nothing printed names an answer or a code
but the cards themselves.
"""

from __future__ import annotations

import argparse
import threading

from kiosk.cli import arguments
from kiosk.cli.commands import Subcommands, command, output_option
from kiosk.core import safe_text, translations
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown


def card_count(text: str) -> int:
    from kiosk.survey.phone.codes import MAX_CARDS

    value = arguments.whole_number(text)
    if value is None or not 1 <= value <= MAX_CARDS:
        raise KioskError("survey_cards_count", low=1, high=MAX_CARDS)
    return value


def port(text: str) -> int:
    value = arguments.whole_number(text)
    if value is None or not 1 <= value <= 65535:
        raise KioskError("phone_bad_port", value=text[:20])
    return value


def host(text: str) -> str:
    from kiosk.survey.phone.server import checked_host

    return checked_host(text)


def questionnaire_ref(text: str) -> str:
    """--questionnaire: a name/version as Settings lists them (checked again when used)."""
    ref = text.strip()
    if not ref or len(ref) > 80 or safe_text.forbidden_character(ref) is not None:
        raise KioskError("questionnaire_not_found", ref=shown(text)[:80])
    return ref


def add_phone_parsers(actions: Subcommands) -> None:
    from kiosk.survey.phone.server import DEFAULT_PORT

    serve = command(
        actions,
        "serve",
        help="serve today's questionnaire to phones on this network until Ctrl+C",
        demo=True,
    )
    cards = command(
        actions, "cards", help="an A4 sheet of one-time answer cards for today (PDF)", demo=True
    )
    cards.add_argument(
        "-n", type=card_count, default=40, metavar="N", help="how many cards (default 40)"
    )
    output_option(cards, help="the PDF to write")
    for parser in (serve, cards):
        parser.add_argument(
            "--address",
            type=host,
            metavar="HOST",
            help="this machine's address on the venue's network (default: the first found)",
        )
        parser.add_argument(
            "--port", type=port, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}"
        )
    serve.add_argument(
        "--questionnaire",
        type=questionnaire_ref,
        metavar="REF",
        help="serve (and make active) this questionnaire, e.g. cafe-satisfaction/1",
    )


def wait_for_interrupt() -> None:
    """Until Ctrl+C (KeyboardInterrupt); a test replaces it."""
    threading.Event().wait()


def run_phone(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    from kiosk.core.database import open_database

    ctx = open_database(url=args.database_url, folder=folder)
    if args.survey_action == "cards":
        return _cards(ctx, args, lang)
    return _serve(ctx, args, lang)


def _address_host(args: argparse.Namespace) -> str:
    from kiosk.survey.phone.server import local_addresses

    if args.address:
        return str(args.address)
    found = local_addresses()
    if not found:
        raise KioskError("phone_no_address")
    return found[0]


def _cards(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kiosk.survey.phone import cards, codes
    from kiosk.survey.phone.server import Address

    address = Address(_address_host(args), args.port)
    made = codes.make_codes(ctx, args.n)
    path = cards.write_cards(made, address, args.output)
    print(
        shown(translations.text("cli.phone.cards_written", lang, count=len(made), path=str(path)))
    )
    return 0


def _serve(ctx: AppContext, args: argparse.Namespace, lang: str) -> int:
    from kiosk.door import events, venues
    from kiosk.survey import catalogue
    from kiosk.survey.phone import qr
    from kiosk.survey.phone.app import PhoneEvent
    from kiosk.survey.phone.server import PhoneServer

    venue = venues.current_venue(ctx)
    if venue is None:
        raise KioskError("phone_no_event")
    event = events.event_on(ctx, venue.id, ctx.today())
    if event is None:
        raise KioskError("phone_no_event")
    if args.questionnaire:
        questionnaire = catalogue.activate(ctx, args.questionnaire)
    else:
        questionnaire = catalogue.active(ctx)
    server = PhoneServer(
        ctx, PhoneEvent(event.id, event.date, questionnaire), _address_host(args), args.port
    )
    address = server.start()
    try:
        print(shown(translations.text("cli.phone.serving", lang, url=address.base)))
        for line in qr.terminal_text(address.base.upper()).splitlines():
            print(shown(line))
        print(shown(translations.text("cli.phone.stop_hint", lang)), flush=True)
        wait_for_interrupt()
    except KeyboardInterrupt:
        print(shown(translations.text("cli.phone.stopped", lang)))
    finally:
        server.stop()
    return 0
