"""`tsunagari sync export|import|status|name|retire`: two venue PCs and a coordinator, headless."""

from __future__ import annotations

from pathlib import Path

from kiosk import checkin, events, venues
from kiosk.checkin import CheckInRequest
from kiosk.database import open_database
from kiosk.error_messages import MESSAGES
from kiosk.paths import DataFolder
from tests.kiosk.test_cli import one_error_line, run
from tests.pairing_helpers import pair


def venue_pc(root: Path, visits: int, coordinator: DataFolder | None = None) -> DataFolder:
    """A venue PC with a day of `visits`, paired with `coordinator` (by default one
    beside it, so that it can export)."""
    folder = DataFolder(root)
    hub_folder = coordinator or DataFolder(root.parent / "coordinator")
    ctx = open_database(folder=folder)
    hub = open_database(folder=hub_folder)
    try:
        pair(hub, ctx, root.parent / "pairing")
        venue = venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        for _ in range(visits):
            checkin.check_in(
                ctx, CheckInRequest(event_id=event.id, age_band="30s", residence="resident")
            )
    finally:
        ctx.sessions.kw["bind"].dispose()
        hub.sessions.kw["bind"].dispose()
    return folder


def data(folder: DataFolder) -> list[str]:
    return ["--data-dir", str(folder.root)]


def test_two_pcs_export_and_the_coordinator_imports_them_once(capsys, tmp_path):
    first, second = venue_pc(tmp_path / "pc1", 3), venue_pc(tmp_path / "pc2", 2)
    coordinator = DataFolder(tmp_path / "coordinator")
    assert run(capsys, "sync", "name", "会場PC 1", *data(first))[0] == 0
    usb = tmp_path / "usb"

    code, out, _ = run(capsys, "sync", "export", "-o", str(usb / "1.zip"), *data(first))
    assert code == 0 and out.startswith(f"書き出しました: {usb / '1.zip'}") and "すべて" in out
    run(capsys, "sync", "export", "-o", str(usb / "2.zip"), "--all", *data(second))

    code, out, _ = run(
        capsys, "sync", "import", str(usb / "1.zip"), str(usb / "2.zip"), *data(coordinator)
    )
    assert code == 0
    assert "会場PC 1 から 新規" in out
    assert "来所: 新規3 更新0 変更なし0 競合0" in out
    assert "来所: 新規2 更新0 変更なし0 競合0" in out

    code, out, _ = run(
        capsys, "--lang", "en", "sync", "import", str(usb / "1.zip"), *data(coordinator)
    )
    assert code == 0
    assert out.strip().startswith(f"{usb / '1.zip'}: imported before, on ")
    assert out.strip().endswith("; nothing changed.")

    code, out, _ = run(capsys, "sync", "status", *data(coordinator))
    assert code == 0
    assert "会場PC 1（" in out and "まだ書き出していません" in out
    assert "未書き出し: 0件" in out  # imported rows were made elsewhere
    assert out.count("中央公民館 ／ ") == 2


def test_a_bad_file_is_one_clear_line_and_nothing_is_imported(capsys, tmp_path):
    coordinator = DataFolder(tmp_path / "coordinator")
    bogus = tmp_path / "notes.tsunagari"
    bogus.write_bytes(b"TSUNAGARI-SEALED/1\n not really")
    code, _, err = run(capsys, "sync", "import", str(bogus), *data(coordinator))
    assert code == 2
    assert one_error_line(err) == "tsunagari: " + MESSAGES["exchange_damaged"]["ja"].format(
        path=bogus
    )


def test_retire_is_refused_while_rows_were_never_exported(capsys, tmp_path):
    pc = venue_pc(tmp_path / "pc1", 2)
    code, out, _ = run(capsys, "sync", "retire", *data(pc))
    assert code == 1 and "--confirm" in out
    code, _, err = run(capsys, "sync", "retire", "--confirm", *data(pc))
    assert code == 2
    assert "まだ一度も書き出していないデータ" in one_error_line(err)
    assert pc.database.exists()

    run(capsys, "sync", "export", "-o", str(tmp_path / "usb" / "pc1.zip"), *data(pc))
    code, out, _ = run(capsys, "sync", "retire", "--confirm", *data(pc))

    assert code == 0 and out.startswith("消去しました")
    assert sorted(p.name for p in pc.root.iterdir()) == []


def test_retire_with_force_erases_unexported_rows_and_says_so(capsys, tmp_path):
    pc = venue_pc(tmp_path / "pc1", 2)
    code, out, _ = run(capsys, "--lang", "en", "sync", "retire", "--confirm", "--force", *data(pc))
    assert code == 0
    assert "were never exported were erased too" in out
    assert not pc.database.exists() and not pc.backups.exists()
