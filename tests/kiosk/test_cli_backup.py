"""`tsunagari backup list|create|restore`."""

from __future__ import annotations

import sqlite3

from kiosk.core.database import open_database
from kiosk.core.error_messages import MESSAGES
from kiosk.core.paths import DataFolder
from kiosk.door import venues
from tests.kiosk.test_cli import one_error_line, run


def make_database(folder: DataFolder, *venue_names: str) -> None:
    ctx = open_database(folder=folder)
    try:
        venues.complete_setup(ctx, "NPOつながり", venue_names[0], "in_person")
        for name in venue_names[1:]:
            venues.add_venue(ctx, name, "in_person")
    finally:
        ctx.close()


def test_create_list_and_restore(capsys, folder: DataFolder):
    make_database(folder, "中央公民館")
    data = ["--data-dir", str(folder.root)]
    code, out, _ = run(capsys, "backup", "create", *data)
    assert code == 0
    [made] = folder.backups.iterdir()
    assert out.strip() == f"バックアップしました: {made}"

    code, out, _ = run(capsys, "--lang", "en", "backup", "list", "--check", *data)
    assert code == 0
    [line] = out.strip().splitlines()
    assert line.startswith(f"{made.name}  manual  ")
    assert line.endswith("  ok")

    ctx = open_database(folder=folder)
    venues.add_venue(ctx, "あとから", "in_person")
    ctx.close()
    code, out, _ = run(capsys, "--lang", "en", "backup", "restore", made.name, *data)
    assert code == 0
    [aside] = folder.root.glob("tsunagari.sqlite3.replaced-*")
    assert out.splitlines() == [
        f"restored from {made.name}.",
        f"the file it replaced is kept as {aside}",
    ]
    conn = sqlite3.connect(folder.database)
    assert conn.execute("SELECT name FROM venue").fetchall() == [("中央公民館",)]
    conn.close()


def test_list_when_there_are_none(capsys, folder: DataFolder):
    code, out, _ = run(capsys, "--lang", "en", "backup", "list", "--data-dir", str(folder.root))
    assert code == 0
    assert out.strip() == f"no backups yet ({folder.backups})"


def test_restoring_an_unknown_name_is_one_line(capsys, folder: DataFolder):
    make_database(folder, "中央公民館")
    before = folder.database.read_bytes()
    code, out, err = run(capsys, "backup", "restore", "nope", "--data-dir", str(folder.root))
    assert code == 2
    assert out == ""
    assert one_error_line(err) == "tsunagari: " + MESSAGES["backup_not_found"]["ja"].format(
        name="nope"
    )
    assert folder.database.read_bytes() == before


def test_a_database_url_is_refused(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code, _, err = run(capsys, "--lang", "en", "backup", "create", "--database-url", url)
    assert code == 2
    assert "only of the database in the data folder" in one_error_line(err)
