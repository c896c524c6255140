"""`tsunagari sync ...`: the data exchange between venue PCs and the coordinator, headless.

tsunagari sync export -o FILE [--all]   this PC's new and changed rows (or all of them)
tsunagari sync import FILE...           merge other PCs' files, oldest first
tsunagari sync undo [IMPORT]            the imports that can be undone; with an id, undo it
tsunagari sync status                   this PC, the PCs that sent data, the venues
tsunagari sync name NAME                this PC's name in the files it makes (会場PC 1)
tsunagari sync retire --confirm [--force]
                                        erase this PC's data (refused while rows were
                                        never exported, unless --force)

Pairing, once per venue PC, before any file travels (kiosk/exchange/pairing.py):

tsunagari sync pair invite -o FILE      coordinator: an invitation file, and its code on screen
tsunagari sync pair join INVITATION --code CODE -o ANSWER
                                        venue PC: the answer file, and a six-digit number
tsunagari sync pair accept ANSWER [--confirm NUMBER]
                                        coordinator: show the number; pair only when the
                                        number typed is the one shown (a typo cancels nothing)
tsunagari sync pair decline ANSWER      coordinator: the numbers differ, forget the invitation
tsunagari sync pair list                the paired PCs (coordinator) or the coordinator
tsunagari sync unpair DEVICE            coordinator: revoke a PC (by name or id prefix)
tsunagari sync unpair --coordinator --confirm
                                        venue PC: forget its coordinator
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli import arguments
from kiosk.cli.commands import Subcommands, command, output_option, subcommands
from kiosk.core import translations
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown

if TYPE_CHECKING:  # the exchange (and its cryptography) is imported when a command runs
    from kiosk.exchange.importer import ImportResult
    from kiosk.exchange.pairing import PairedDevice
    from kiosk.exchange.roles import PairingRole

STAMP = "%Y-%m-%d %H:%M"
DAY = "%Y-%m-%d"


def add_sync_parser(sub: Subcommands) -> None:
    sync = sub.add_parser("sync", help="exchange data between venue PCs and the coordinator")
    actions = subcommands(sync, "action", "ACTION")
    export = command(actions, "export", help="write this PC's new and changed rows to a file")
    output_option(export, help="the .zip to write")
    export.add_argument(
        "--all", action="store_true", help="every row, not only what changed since the last export"
    )
    imp = command(actions, "import", help="merge exchange files from other PCs")
    imp.add_argument("files", nargs="+", metavar="FILE")
    undo = command(
        actions, "undo", help="list the imports that can be undone, or undo one (by its id)"
    )
    undo.add_argument(
        "reference",
        nargs="?",
        type=arguments.import_reference,
        metavar="IMPORT",
        help="the first 8 characters (or more) of an id from `tsunagari sync undo`",
    )
    command(actions, "status", help="this PC, the PCs that sent data, the venues")
    name = command(actions, "name", help="set this PC's name (会場PC 1, 受付タブレット)")
    name.add_argument("name", type=arguments.device_name, metavar="NAME")
    retire = command(actions, "retire", help="erase this PC's data before it is handed back")
    retire.add_argument("--confirm", action="store_true", help="yes, erase everything")
    retire.add_argument("--force", action="store_true", help="even rows that were never exported")
    _add_pairing_parsers(actions)


def _add_pairing_parsers(actions: Subcommands) -> None:
    pair = actions.add_parser("pair", help="pair a venue PC with the coordinator, once")
    steps = subcommands(pair, "step", "STEP")
    invite = command(
        steps, "invite", help="coordinator: write an invitation file and show its one-time code"
    )
    output_option(invite, help="the invitation file to carry to the venue PC")
    join = command(
        steps,
        "join",
        help="venue PC: accept an invitation with the code on the coordinator's screen",
    )
    join.add_argument("invitation", type=Path, metavar="INVITATION")
    join.add_argument(
        "--code",
        required=True,
        type=arguments.pairing_code,
        metavar="CODE",
        help="the 8 characters shown on the coordinator's screen",
    )
    output_option(join, "ANSWER", help="the answer file to carry back to the coordinator")
    accept = command(
        steps, "accept", help="coordinator: show an answer's number; pair with --confirm NUMBER"
    )
    accept.add_argument("answer", type=Path, metavar="ANSWER")
    accept.add_argument(
        "--confirm",
        dest="confirmation",
        type=arguments.confirmation_number,
        metavar="NUMBER",
        help="the six digits the venue PC's screen shows",
    )
    decline = command(steps, "decline", help="coordinator: the numbers differ; do not pair")
    decline.add_argument("answer", type=Path, metavar="ANSWER")
    command(steps, "list", help="the paired venue PCs, or this PC's coordinator")
    unpair = command(
        actions, "unpair", help="coordinator: revoke a venue PC; venue PC: forget the coordinator"
    )
    unpair.add_argument(
        "device",
        nargs="?",
        type=arguments.device_reference,
        metavar="DEVICE",
        help="the venue PC's name, or at least the first 8 characters of its id",
    )
    unpair.add_argument(
        "--coordinator", action="store_true", help="on a venue PC: forget its coordinator"
    )
    unpair.add_argument("--confirm", action="store_true", help="yes, forget the coordinator")


def run_sync(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    from kiosk.core.database import open_database

    text = translations.texts_under("cli.sync", lang)
    if args.action == "retire" and not args.confirm:
        print(shown(text["confirm"]))
        return 1
    if args.action == "unpair" and (args.device is None) == (not args.coordinator):
        raise KioskError("pairing_unpair_which")
    if args.action == "unpair" and args.coordinator and not args.confirm:
        print(shown(text["leave_confirm"]))
        return 1
    ctx = open_database(url=args.database_url, folder=folder)
    try:
        return _run(args, ctx, folder, lang)
    finally:
        ctx.close()


def _run(args: argparse.Namespace, ctx: AppContext, folder: DataFolder, lang: str) -> int:
    text = translations.texts_under("cli.sync", lang)
    if args.action == "export":
        from kiosk.exchange.export import export_for_coordinator

        done = export_for_coordinator(ctx, args.output, everything=args.all)
        since = done.manifest.since
        print(
            shown(
                text["exported"].format(
                    path=done.path,
                    rows=done.rows,
                    since=text["since"].format(since=f"{since.astimezone():{STAMP}}")
                    if since
                    else text["all"],
                )
            )
        )
        return 0
    if args.action == "import":
        from kiosk.exchange.importer import import_files

        for imported in import_files(ctx, [Path(f) for f in args.files]):
            _print_import(imported, text, lang)
        return 0
    if args.action == "undo":
        return _undo(ctx, args.reference, text)
    if args.action == "name":
        from kiosk.exchange.ledger import set_device_name

        print(shown(text["named"].format(name=set_device_name(ctx, args.name))))
        return 0
    if args.action == "pair":
        return _pair(args, ctx, text)
    if args.action == "unpair":
        return _unpair(args, ctx, text)
    if args.action == "retire":
        from kiosk.exchange.retirement import retire_device

        if args.database_url:
            raise KioskError("backup_needs_data_folder")
        result = retire_device(ctx, folder, confirmed=args.force)
        print(shown(text["retired"].format(files=result.removed)))
        if result.unexported:
            print(shown(text["lost"].format(rows=result.unexported)))
        return 0
    return _status(ctx, text)


def _print_import(result: ImportResult, text: dict[str, str], lang: str) -> None:
    from kiosk.exchange.file_format import table_label

    if result.already_imported_at is not None:
        at = f"{result.already_imported_at.astimezone():{STAMP}}"
        print(shown(text["before"].format(path=result.path, at=at)))
        return
    if not result.changed and not result.total("conflict"):
        print(shown(text["nothing"].format(path=result.path)))
        return
    print(
        shown(
            text["imported"].format(
                path=result.path,
                device=result.device_name or result.device_id[:8],
                new=result.total("new"),
                updated=result.total("updated"),
                unchanged=result.total("unchanged"),
                conflicts=result.total("conflict"),
            )
        )
    )
    for table, counts in result.tables.items():
        if counts.new or counts.updated or counts.conflicts:
            print(
                shown(
                    text["table"].format(
                        table=table_label(table, lang),
                        new=counts.new,
                        updated=counts.updated,
                        unchanged=counts.unchanged,
                        conflicts=counts.conflicts,
                    )
                )
            )
    if result.changed:
        print(shown(text["undo_hint"].format(id=_short(result.file_id))))


def _undo(ctx: AppContext, reference: str | None, text: dict[str, str]) -> int:
    """Without an id: the list, with the ids to type. With one: undo that import."""
    from kiosk.exchange import undo

    if reference is not None:
        done = undo.undo_import(ctx, undo.find(ctx, reference).file_id)
        print(
            shown(
                text["undone"].format(
                    name=done.device_name or _short(done.device_id),
                    imported=f"{done.imported_at.astimezone():{STAMP}}",
                    new=done.new,
                    updated=done.updated,
                )
            )
        )
        return 0
    found = undo.imports(ctx)
    if not found:
        print(shown(text["undo_none"]))
        return 0
    print(shown(text["undo_list"]))
    for record in found:
        print(
            shown(
                text["undo_line"].format(
                    id=_short(record.file_id),
                    name=record.device_name or _short(record.device_id),
                    made=f"{record.made_at.astimezone():{STAMP}}",
                    imported=f"{record.imported_at.astimezone():{STAMP}}",
                    new=record.new,
                    updated=record.updated,
                )
            )
        )
    return 0


def _say(text: str) -> None:
    """Several lines, each escaped on its own (shown() would escape the line breaks)."""
    for line in text.splitlines():
        print(shown(line))


def _pair(args: argparse.Namespace, ctx: AppContext, text: dict[str, str]) -> int:
    from kiosk.exchange import pairing
    from kiosk.exchange.roles import pairing_role

    if args.step == "invite":
        invitation = pairing.invite(ctx, args.output)
        until = f"{invitation.expires_at.astimezone():{STAMP}}"
        _say(text["invited"].format(path=invitation.path))
        _say(text["code"].format(code=invitation.code, until=until))
        _say(text["invite_next"].format(code=invitation.code))
        return 0
    if args.step == "join":
        joined = pairing.join(ctx, args.invitation, args.code, args.output)
        found = joined.coordinator
        _say(text["joined"].format(path=joined.answer))
        _say(
            text["coordinator"].format(organisation=found.organisation, id=_short(found.device_id))
        )
        _say(text["number"].format(number=joined.confirmation))
        _say(text["join_next"].format(number=joined.confirmation))
        return 0
    if args.step in ("accept", "decline"):
        request = pairing.read_answer(ctx, args.answer)
        who = {"name": request.device_name or text["unnamed"], "id": _short(request.device_id)}
        if args.step == "decline":
            pairing.decline(ctx, request)
            _say(text["declined"].format(**who))
            return 0
        if args.confirmation is None:
            _say(text["request"].format(**who))
            _say(text["number"].format(number=request.confirmation))
            digits = request.confirmation.replace(" ", "")
            _say(text["accept_next"].format(path=args.answer, digits=digits))
            return 1  # nothing done yet: like retire without --confirm
        if args.confirmation != request.confirmation:  # a typo must not cancel the pairing
            raise KioskError("pairing_confirmation_wrong", path=str(args.answer))
        pairing.confirm(ctx, request)
        _say(text["paired"].format(**who))
        return 0
    _print_role(pairing_role(ctx), text, with_devices=True)
    return 0


def _unpair(args: argparse.Namespace, ctx: AppContext, text: dict[str, str]) -> int:
    from kiosk.exchange import pairing
    from kiosk.exchange.roles import find_paired_device

    if args.coordinator:
        found = pairing.coordinator(ctx)
        if found is None:
            raise KioskError("pairing_no_coordinator")
        pairing.leave(ctx)
        _say(text["left"].format(organisation=found.organisation or text["unnamed"]))
        return 0
    device = find_paired_device(ctx, args.device)
    who = {"name": device.device_name or text["unnamed"], "id": _short(device.device_id)}
    if device.revoked_at is not None:
        _say(
            text["already_revoked"].format(**who, revoked=f"{device.revoked_at.astimezone():{DAY}}")
        )
        return 0
    pairing.revoke(ctx, device.device_id)
    _say(text["revoked"].format(**who))
    return 0


def _print_role(role: PairingRole, text: dict[str, str], with_devices: bool) -> None:
    from kiosk.exchange.roles import COORDINATOR, VENUE_PC

    if role.role == COORDINATOR:
        revoked = text["role_revoked"].format(revoked=role.revoked) if role.revoked else ""
        _say(text["role_coordinator"].format(active=role.active, revoked=revoked))
        if with_devices:
            _say(text["paired_list"])
            for device in role.devices:
                _print_device(device, text)
    elif role.role == VENUE_PC:
        assert role.coordinator is not None
        found = role.coordinator
        _say(
            text["role_venue"].format(
                organisation=found.organisation or text["unnamed"],
                id=_short(found.device_id),
                since=f"{found.paired_at.astimezone():{DAY}}",
            )
        )
    else:
        _say(text["role_unpaired"])


def _print_device(device: PairedDevice, text: dict[str, str]) -> None:
    fields = {
        "name": device.device_name or text["unnamed"],
        "id": _short(device.device_id),
        "paired": f"{device.paired_at.astimezone():{DAY}}",
    }
    if device.revoked_at is None:
        _say(text["paired_line"].format(**fields))
    else:
        revoked = f"{device.revoked_at.astimezone():{DAY}}"
        _say(text["revoked_line"].format(**fields, revoked=revoked))


def _short(device_id: str) -> str:
    return device_id[:8]


def _status(ctx: AppContext, text: dict[str, str]) -> int:
    from kiosk.exchange.overview import exchange_overview, short_id
    from kiosk.exchange.roles import pairing_role

    view = exchange_overview(ctx)
    print(
        shown(
            text["this"].format(
                name=view.device_name or text["unnamed"], id=short_id(view.device_id)
            )
        )
    )
    _print_role(pairing_role(ctx), text, with_devices=True)
    last = view.last_export
    print(shown(text["last"].format(at=f"{last.astimezone():{STAMP}}") if last else text["never"]))
    print(shown(text["pending"].format(rows=view.unexported)))
    others = [d for d in view.devices if not d.this_pc]
    if others:
        print(shown(text["devices"]))
        for device in others:
            assert device.made_at is not None and device.imported_at is not None
            print(
                shown(
                    text["device"].format(
                        name=device.name or text["unnamed"],
                        id=short_id(device.device_id),
                        made=f"{device.made_at.astimezone():{STAMP}}",
                        imported=f"{device.imported_at.astimezone():{STAMP}}",
                    )
                )
            )
    if view.venues:
        print(shown(text["venues"]))
        for line in view.venues:
            print(
                shown(
                    text["venue"].format(
                        venue=line.venue,
                        device=line.device,
                        first=line.first_day.isoformat(),
                        last=line.last_day.isoformat(),
                        events=line.events,
                    )
                )
            )
    return 0
