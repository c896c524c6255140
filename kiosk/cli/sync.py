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
from collections.abc import Callable
from pathlib import Path

from kiosk.cli import arguments
from kiosk.core.context import AppContext
from kiosk.core.errors import KioskError
from kiosk.core.paths import DataFolder
from kiosk.core.safe_text import shown
from kiosk.exchange.file_format import table_label
from kiosk.exchange.importer import ImportResult
from kiosk.exchange.pairing import PairedDevice
from kiosk.exchange.roles import COORDINATOR, VENUE_PC, PairingRole

TEXT = {
    "ja": {
        "exported": "書き出しました: {path}（{rows}件{since}）",
        "since": "、{since}以降の変更",
        "all": "、すべて",
        "imported": "{path}: {device} から 新規{new}件・更新{updated}件・変更なし{unchanged}件"
        "・競合{conflicts}件",
        "nothing": "{path}: すべて取り込み済みでした。何も変わっていません。",
        "before": "{path}: {at} に取り込み済みのファイルです。何も変わっていません。",
        "table": "  {table}: 新規{new} 更新{updated} 変更なし{unchanged} 競合{conflicts}",
        "this": "このPC: {name}（{id}）",
        "never": "まだ書き出していません",
        "last": "最後の書き出し: {at}",
        "pending": "未書き出し: {rows}件",
        "devices": "データを受け取った端末:",
        "device": "  {name}（{id}）: {made}作成のファイルまで、{imported}に取り込み",
        "venues": "会場ごとの記録:",
        "venue": "  {venue} ／ {device}: {first}〜{last}（{events}回）",
        "named": "このPCの名前: {name}",
        "undo_hint": "  取り消すには: tsunagari sync undo {id}",
        "undo_none": "取り消せる取り込みはありません。",
        "undo_list": "取り消せる取り込み（新しい順。取り消すには tsunagari sync undo 番号）:",
        "undo_line": "  {id}  {name}: {made}作成のファイル、{imported}に取り込み"
        "（新規{new}件・更新{updated}件）",
        "undone": "{name} からの取り込み（{imported}）を取り消しました: 新規{new}件を削除し、"
        "更新{updated}件を元に戻しました。",
        "confirm": "このPCのデータをすべて消去します。よければ --confirm を付けてください。",
        "retired": "消去しました（{files}ファイル）。",
        "lost": "書き出していなかった{rows}件も消去しました。",
        "unnamed": "（名前なし）",
        "invited": "招待ファイルを書き出しました: {path}",
        "code": "ペアリングコード: {code}（{until} まで、1回だけ有効）",
        "invite_next": "次の手順:\n"
        "  1. 招待ファイルを会場PCへ運んでください（USBメモリなど）。コードはファイルに入って"
        "いません。ファイルと一緒に書き残さず、口頭かこの画面で伝えてください。\n"
        "  2. 会場PCで: tsunagari sync pair join 招待ファイル --code {code} -o 返信ファイル\n"
        "     （画面では 設定 → 会場間のデータ交換 →「コーディネーターとペアリング…」）\n"
        "  3. 会場PCが書き出した返信ファイルをこのPCへ持ち帰り: "
        "tsunagari sync pair accept 返信ファイル",
        "joined": "返信ファイルを書き出しました: {path}",
        "coordinator": "コーディネーター: {organisation}（{id}）",
        "number": "確認番号: {number}",
        "join_next": "次の手順:\n"
        "  1. 返信ファイルをコーディネーターのPCへ運んでください。\n"
        "  2. コーディネーターのPCで: tsunagari sync pair accept 返信ファイル"
        "（画面では「返信ファイルを開く…」）\n"
        "  3. コーディネーターの画面に同じ確認番号 {number} が出ていれば、ペアリングできます。"
        "違う番号なら、コーディネーターに知らせてください。",
        "request": "会場PC「{name}」（{id}）からの返信です。",
        "accept_next": "会場PCの画面に同じ確認番号が出ていることを確かめてから、"
        "次のように実行してください:\n"
        "  tsunagari sync pair accept {path} --confirm {digits}\n"
        "番号が違うときはペアリングせず、中止してください: tsunagari sync pair decline {path}",
        "paired": "ペアリングしました: {name}（{id}）。この会場PCのファイルを取り込めます。",
        "declined": "中止しました: {name}（{id}）とはペアリングしていません。"
        "やり直すときは、新しい招待を作ってください。",
        "role_coordinator": "このPCの役割: コーディネーター（利用中の会場PC {active}台{revoked}）",
        "role_revoked": "、利用停止 {revoked}台",
        "role_venue": "このPCの役割: 会場PC（ペアリング先: {organisation}（{id}）、{since} から）",
        "role_unpaired": "このPCの役割: まだペアリングしていません（コーディネーターのPCでは "
        "tsunagari sync pair invite、会場PCでは tsunagari sync pair join）",
        "paired_list": "ペアリングした会場PC:",
        "paired_line": "  {name}（{id}）: {paired} にペアリング",
        "revoked_line": "  {name}（{id}）: {paired} にペアリング、{revoked} に利用停止",
        "revoked": "利用を止めました: {name}（{id}）。このPCのファイルは、これから取り込みません"
        "（これまでの記録は残ります）。",
        "already_revoked": "{name}（{id}）は {revoked} に利用を止めています。何も変更していません。",
        "leave_confirm": "このPCとコーディネーターのPCのペアリングを解除します。"
        "よければ --confirm を付けてください。",
        "left": "コーディネーター（{organisation}）とのペアリングを解除しました。"
        "書き出すには、もう一度ペアリングしてください。",
    },
    "en": {
        "exported": "exported: {path} ({rows} rows{since})",
        "since": ", changes since {since}",
        "all": ", everything",
        "imported": "{path}: from {device}: {new} new, {updated} updated, {unchanged} unchanged, "
        "{conflicts} conflicts",
        "nothing": "{path}: everything was already here; nothing changed.",
        "before": "{path}: imported before, on {at}; nothing changed.",
        "table": "  {table}: {new} new, {updated} updated, {unchanged} unchanged, "
        "{conflicts} conflicts",
        "this": "this PC: {name} ({id})",
        "never": "never exported",
        "last": "last export: {at}",
        "pending": "not yet exported: {rows} rows",
        "devices": "devices whose data came here:",
        "device": "  {name} ({id}): file made {made}, imported {imported}",
        "venues": "records by venue:",
        "venue": "  {venue} / {device}: {first} to {last} ({events} events)",
        "named": "this PC is now called: {name}",
        "undo_hint": "  to undo it: tsunagari sync undo {id}",
        "undo_none": "no import can be undone.",
        "undo_list": "imports that can be undone (newest first; to undo one: "
        "tsunagari sync undo ID):",
        "undo_line": "  {id}  {name}: file made {made}, imported {imported} "
        "({new} new, {updated} updated)",
        "undone": "undid the import from {name} ({imported}): {new} new record(s) removed, "
        "{updated} updated record(s) put back.",
        "confirm": "This erases all of this PC's data. Add --confirm if that is what you want.",
        "retired": "erased ({files} files).",
        "lost": "{rows} rows that were never exported were erased too.",
        "unnamed": "(no name)",
        "invited": "invitation written: {path}",
        "code": "pairing code: {code} (valid once, until {until})",
        "invite_next": "next:\n"
        "  1. Carry the invitation file to the venue PC (a USB stick). The code is not in the "
        "file: do not write it down with the file; read it out or show this screen.\n"
        "  2. On the venue PC: tsunagari sync pair join INVITATION --code {code} -o ANSWER\n"
        "     (in the window: Settings → Data exchange → Pair with the coordinator…)\n"
        "  3. Bring the answer file it writes back here: tsunagari sync pair accept ANSWER",
        "joined": "answer written: {path}",
        "coordinator": "coordinator: {organisation} ({id})",
        "number": "confirmation number: {number}",
        "join_next": "next:\n"
        "  1. Carry the answer file to the coordinator's PC.\n"
        "  2. On the coordinator's PC: tsunagari sync pair accept ANSWER "
        "(in the window: Open an answer file…)\n"
        "  3. If the coordinator's screen shows the same number {number}, the pairing can be "
        "confirmed. If it shows another, tell the coordinator.",
        "request": "answer from the venue PC “{name}” ({id}).",
        "accept_next": "Check that the venue PC's screen shows the same number, then run:\n"
        "  tsunagari sync pair accept {path} --confirm {digits}\n"
        "If the numbers differ, do not pair; cancel: tsunagari sync pair decline {path}",
        "paired": "paired: {name} ({id}). Its files can now be imported here.",
        "declined": "cancelled: {name} ({id}) was not paired. To start again, make a new "
        "invitation.",
        "role_coordinator": "this PC's role: coordinator ({active} venue PC(s) in use{revoked})",
        "role_revoked": ", {revoked} revoked",
        "role_venue": "this PC's role: venue PC (paired with {organisation} ({id}) since {since})",
        "role_unpaired": "this PC's role: not paired yet (on the coordinator's PC: tsunagari "
        "sync pair invite; on a venue PC: tsunagari sync pair join)",
        "paired_list": "paired venue PCs:",
        "paired_line": "  {name} ({id}): paired {paired}",
        "revoked_line": "  {name} ({id}): paired {paired}, revoked {revoked}",
        "revoked": "revoked: {name} ({id}). Its files will be refused from now on (the records "
        "already here stay).",
        "already_revoked": "{name} ({id}) was revoked on {revoked}; nothing changed.",
        "leave_confirm": "This forgets the pairing between this PC and the coordinator's PC. "
        "Add --confirm if that is what you want.",
        "left": "forgot the coordinator ({organisation}). Pair again before exporting.",
    },
}
STAMP = "%Y-%m-%d %H:%M"
DAY = "%Y-%m-%d"


def add_sync_parser(
    sub: argparse._SubParsersAction,
    common: Callable[[argparse.ArgumentParser, bool], None],
) -> None:
    sync = sub.add_parser("sync", help="exchange data between venue PCs and the coordinator")
    actions = sync.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write this PC's new and changed rows to a file")
    common(export, False)
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=arguments.output_file,
        metavar="FILE",
        help="the .zip to write",
    )
    export.add_argument(
        "--all", action="store_true", help="every row, not only what changed since the last export"
    )
    imp = actions.add_parser("import", help="merge exchange files from other PCs")
    common(imp, False)
    imp.add_argument("files", nargs="+", metavar="FILE")
    undo = actions.add_parser(
        "undo", help="list the imports that can be undone, or undo one (by its id)"
    )
    common(undo, False)
    undo.add_argument(
        "reference",
        nargs="?",
        type=arguments.import_reference,
        metavar="IMPORT",
        help="the first 8 characters (or more) of an id from `tsunagari sync undo`",
    )
    status = actions.add_parser("status", help="this PC, the PCs that sent data, the venues")
    common(status, False)
    name = actions.add_parser("name", help="set this PC's name (会場PC 1, 受付タブレット)")
    common(name, False)
    name.add_argument("name", type=arguments.device_name, metavar="NAME")
    retire = actions.add_parser("retire", help="erase this PC's data before it is handed back")
    common(retire, False)
    retire.add_argument("--confirm", action="store_true", help="yes, erase everything")
    retire.add_argument("--force", action="store_true", help="even rows that were never exported")
    _add_pairing_parsers(actions, common)


def _add_pairing_parsers(
    actions: argparse._SubParsersAction,
    common: Callable[[argparse.ArgumentParser, bool], None],
) -> None:
    pair = actions.add_parser("pair", help="pair a venue PC with the coordinator, once")
    steps = pair.add_subparsers(dest="step", metavar="STEP", required=True)
    invite = steps.add_parser(
        "invite", help="coordinator: write an invitation file and show its one-time code"
    )
    common(invite, False)
    invite.add_argument(
        "-o",
        "--output",
        required=True,
        type=arguments.output_file,
        metavar="FILE",
        help="the invitation file to carry to the venue PC",
    )
    join = steps.add_parser(
        "join", help="venue PC: accept an invitation with the code on the coordinator's screen"
    )
    common(join, False)
    join.add_argument("invitation", type=Path, metavar="INVITATION")
    join.add_argument(
        "--code",
        required=True,
        type=arguments.pairing_code,
        metavar="CODE",
        help="the 8 characters shown on the coordinator's screen",
    )
    join.add_argument(
        "-o",
        "--output",
        required=True,
        type=arguments.output_file,
        metavar="ANSWER",
        help="the answer file to carry back to the coordinator",
    )
    accept = steps.add_parser(
        "accept", help="coordinator: show an answer's number; pair with --confirm NUMBER"
    )
    common(accept, False)
    accept.add_argument("answer", type=Path, metavar="ANSWER")
    accept.add_argument(
        "--confirm",
        dest="confirmation",
        type=arguments.confirmation_number,
        metavar="NUMBER",
        help="the six digits the venue PC's screen shows",
    )
    decline = steps.add_parser("decline", help="coordinator: the numbers differ; do not pair")
    common(decline, False)
    decline.add_argument("answer", type=Path, metavar="ANSWER")
    listing = steps.add_parser("list", help="the paired venue PCs, or this PC's coordinator")
    common(listing, False)
    unpair = actions.add_parser(
        "unpair", help="coordinator: revoke a venue PC; venue PC: forget the coordinator"
    )
    common(unpair, False)
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

    text = TEXT.get(lang, TEXT["ja"])
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
        ctx.sessions.kw["bind"].dispose()


def _run(args: argparse.Namespace, ctx: AppContext, folder: DataFolder, lang: str) -> int:
    text = TEXT.get(lang, TEXT["ja"])
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
