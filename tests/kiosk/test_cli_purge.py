"""`tsunagari purge [--dry-run]` from the command line."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from db.models import AuditEntry
from kiosk.care import retention
from kiosk.core.context import local_now
from kiosk.door import checkin
from tests.kiosk.test_cli import run
from tests.kiosk.test_retention import history  # noqa: F401  (a fixture)


def test_dry_run_counts_then_purge_erases(capsys, ctx, database_args, history):  # noqa: F811
    # The command runs on the real clock; the old day (June 2026) is past any cutoff.
    due = retention.purge(replace(ctx, clock=local_now), dry_run=True)
    assert due.visitors >= 1 and due.care_notes >= 2

    code, out, err = run(capsys, "purge", "--dry-run", *database_args)
    assert (code, err) == (0, "")
    assert f"ニックネーム {due.visitors}件、託児メモ {due.care_notes}件" in out
    assert "まだ消去していません" in out
    assert checkin.find_visitors(ctx, "さくらんぼ")

    code, out, err = run(capsys, "--lang", "en", "purge", *database_args)
    assert (code, err) == (0, "")
    assert out.startswith(f"erased: {due.visitors} nickname(s), {due.care_notes} care note(s)")
    assert checkin.find_visitors(ctx, "さくらんぼ") == []
    with ctx.sessions() as session:
        detail = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "personal_data_purged")
        ).one()
    assert detail["trigger"] == "cli" and detail["visitors"] == due.visitors


def test_purge_on_a_broken_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "tsunagari.sqlite3").write_bytes(b"hello")
    code, out, err = run(capsys, "purge", "--data-dir", str(bad))
    assert code == 2 and out == ""
    assert err.startswith("tsunagari: ") and "Traceback" not in err
