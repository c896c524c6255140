"""`tsunagari sync ...`: the data exchange between venue PCs and the coordinator, headless.

tsunagari sync export -o FILE [--all]   this PC's new and changed rows (or all of them)
tsunagari sync import FILE...           merge other PCs' files, oldest first
tsunagari sync status                   this PC, the PCs that sent data, the venues
tsunagari sync name NAME                this PC's name in the files it makes (会場PC 1)
tsunagari sync retire --confirm [--force]
                                        erase this PC's data (refused while rows were
                                        never exported, unless --force)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from kiosk import cli_arguments
from kiosk.context import AppContext
from kiosk.errors import KioskError
from kiosk.exchange_format import table_label
from kiosk.exchange_import import ImportResult
from kiosk.paths import DataFolder
from kiosk.safe_text import shown

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
        "confirm": "このPCのデータをすべて消去します。よければ --confirm を付けてください。",
        "retired": "消去しました（{files}ファイル）。",
        "lost": "書き出していなかった{rows}件も消去しました。",
        "unnamed": "（名前なし）",
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
        "confirm": "This erases all of this PC's data. Add --confirm if that is what you want.",
        "retired": "erased ({files} files).",
        "lost": "{rows} rows that were never exported were erased too.",
        "unnamed": "(no name)",
    },
}
STAMP = "%Y-%m-%d %H:%M"


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
        type=cli_arguments.output_file,
        metavar="FILE",
        help="the .zip to write",
    )
    export.add_argument(
        "--all", action="store_true", help="every row, not only what changed since the last export"
    )
    imp = actions.add_parser("import", help="merge exchange files from other PCs")
    common(imp, False)
    imp.add_argument("files", nargs="+", metavar="FILE")
    status = actions.add_parser("status", help="this PC, the PCs that sent data, the venues")
    common(status, False)
    name = actions.add_parser("name", help="set this PC's name (会場PC 1, 受付タブレット)")
    common(name, False)
    name.add_argument("name", type=cli_arguments.device_name, metavar="NAME")
    retire = actions.add_parser("retire", help="erase this PC's data before it is handed back")
    common(retire, False)
    retire.add_argument("--confirm", action="store_true", help="yes, erase everything")
    retire.add_argument("--force", action="store_true", help="even rows that were never exported")


def run_sync(args: argparse.Namespace, folder: DataFolder, lang: str) -> int:
    from kiosk.database import open_database

    text = TEXT.get(lang, TEXT["ja"])
    if args.action == "retire" and not args.confirm:
        print(shown(text["confirm"]))
        return 1
    ctx = open_database(url=args.database_url, folder=folder)
    try:
        return _run(args, ctx, folder, lang)
    finally:
        ctx.sessions.kw["bind"].dispose()


def _run(args: argparse.Namespace, ctx: AppContext, folder: DataFolder, lang: str) -> int:
    text = TEXT.get(lang, TEXT["ja"])
    if args.action == "export":
        from kiosk.exchange_export import export_for_coordinator

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
        from kiosk.exchange_import import import_files

        for imported in import_files(ctx, [Path(f) for f in args.files]):
            _print_import(imported, text, lang)
        return 0
    if args.action == "name":
        from kiosk.exchange_ledger import set_device_name

        print(shown(text["named"].format(name=set_device_name(ctx, args.name))))
        return 0
    if args.action == "retire":
        from kiosk.device_retirement import retire_device

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


def _status(ctx: AppContext, text: dict[str, str]) -> int:
    from kiosk.exchange_overview import exchange_overview, short_id

    view = exchange_overview(ctx)
    print(
        shown(
            text["this"].format(
                name=view.device_name or text["unnamed"], id=short_id(view.device_id)
            )
        )
    )
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
