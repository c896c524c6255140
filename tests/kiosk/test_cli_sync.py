"""`tsunagari sync export|import|status|name|retire|pair|unpair`: venue PCs and a coordinator,
headless, each in its own data folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.error_messages import MESSAGES
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, events, venues
from kiosk.door.checkin import CheckInRequest
from kiosk.exchange import ledger, pairing
from tests.kiosk.test_cli import one_error_line, run
from tests.pairing_helpers import QUICK_SCRYPT, pair

TEMPLATE: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def quick(monkeypatch, migrated_database):
    """The CLI runs in this process: its key stretching at a test's cost, and each PC's
    database a copy of one migrated once."""
    monkeypatch.setattr(pairing, "_SCRYPT", QUICK_SCRYPT)
    monkeypatch.setitem(TEMPLATE, "database", migrated_database)


def new_folder(root: Path) -> DataFolder:
    folder = DataFolder(root)
    if not folder.database.exists():
        folder.root.mkdir(parents=True, exist_ok=True)
        folder.database.write_bytes(TEMPLATE["database"])
    return folder


def fresh_pc(root: Path, visits: int, name: str = "") -> DataFolder:
    """A PC with a day of `visits` at 中央公民館, not paired with anyone."""
    folder = new_folder(root)
    ctx = open_database(folder=folder)
    try:
        if name:
            ledger.set_device_name(ctx, name)
        venue = venues.complete_setup(ctx, "NPOつながり", "中央公民館", "in_person")
        event = events.open_event(ctx, venue.id)
        for _ in range(visits):
            checkin.check_in(
                ctx, CheckInRequest(event_id=event.id, age_band="30s", residence="resident")
            )
    finally:
        ctx.close()
    return folder


def venue_pc(root: Path, visits: int, coordinator: DataFolder | None = None) -> DataFolder:
    """A venue PC with a day of `visits`, paired with `coordinator` (by default one
    beside it, so that it can export)."""
    folder = fresh_pc(root, visits)
    hub_folder = coordinator or new_folder(root.parent / "coordinator")
    ctx = open_database(folder=folder)
    hub = open_database(folder=hub_folder)
    try:
        pair(hub, ctx, root.parent / "pairing")
    finally:
        ctx.close()
        hub.close()
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


# -- pairing -------------------------------------------------------------------------------


def coordinator_pc(root: Path) -> DataFolder:
    folder = new_folder(root)
    ctx = open_database(folder=folder)
    try:
        settings.set_organisation(ctx, "NPOつながり")
    finally:
        ctx.close()
    return folder


def message(code: str, lang: str = "ja", **params: object) -> str:
    return "tsunagari: " + MESSAGES[code][lang].format(**params)


def invite(capsys, hub: DataFolder, target: Path, *lang: str) -> str:
    """The code `sync pair invite` shows on the coordinator's screen."""
    code, out, err = run(capsys, *lang, "sync", "pair", "invite", "-o", str(target), *data(hub))
    assert (code, err) == (0, "")
    found = re.search(r"(?:ペアリングコード|pairing code): (\w{4}-\w{4})", out)
    assert found, out
    assert "コードはファイルに入っていません" in out or "The code is not in the file" in out
    return found.group(1)


def join(capsys, pc: DataFolder, invitation: Path, code: str, answer: Path, *lang: str) -> str:
    """The six digits `sync pair join` shows on the venue PC's screen."""
    argv = ["sync", "pair", "join", str(invitation), "--code", code, "-o", str(answer)]
    status, out, err = run(capsys, *lang, *argv, *data(pc))
    assert (status, err) == (0, ""), err
    found = re.search(r"(?:確認番号|confirmation number): (\d{3} \d{3})", out)
    assert found, out
    return found.group(1)


def pair_by_cli(capsys, hub: DataFolder, pc: DataFolder, where: Path) -> str:
    code = invite(capsys, hub, where / "invite.json")
    number = join(capsys, pc, where / "invite.json", code, where / "answer.json")
    argv = ["sync", "pair", "accept", str(where / "answer.json"), "--confirm", number]
    assert run(capsys, *argv, *data(hub))[0] == 0
    return number


def test_pairing_a_venue_pc_through_the_cli_then_its_file_is_imported(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 3, name="会場PC 1")
    usb = tmp_path / "usb"

    code, out, _ = run(capsys, "sync", "status", *data(pc))
    assert "このPCの役割: まだペアリングしていません" in out
    code, _, err = run(capsys, "sync", "export", "-o", str(usb / "early.tsunagari"), *data(pc))
    assert code == 2 and one_error_line(err) == message("exchange_not_paired")

    shown_code = invite(capsys, hub, usb / "invite.json")
    assert shown_code.replace("-", "") not in (usb / "invite.json").read_text(encoding="utf-8")
    typed = shown_code.lower().replace("-", " ")  # as a person types it
    number = join(capsys, pc, usb / "invite.json", typed, usb / "answer.json")

    code, out, _ = run(capsys, "sync", "pair", "accept", str(usb / "answer.json"), *data(hub))
    assert code == 1  # asked, nothing done yet
    assert "会場PC「会場PC 1」（" in out and f"確認番号: {number}" in out
    assert f"--confirm {number.replace(' ', '')}" in out
    assert (
        "このPCの役割: まだペアリングしていません" in run(capsys, "sync", "status", *data(hub))[1]
    )

    argv = ["sync", "pair", "accept", str(usb / "answer.json"), "--confirm", number]
    code, out, _ = run(capsys, *argv, *data(hub))
    assert code == 0 and out.startswith("ペアリングしました: 会場PC 1（")

    code, out, _ = run(capsys, "sync", "pair", "list", *data(hub))
    assert out.splitlines()[0] == "このPCの役割: コーディネーター（利用中の会場PC 1台）"
    assert re.fullmatch(r"  会場PC 1（\w{8}）: \d{4}-\d\d-\d\d にペアリング", out.splitlines()[2])
    code, out, _ = run(capsys, "sync", "status", *data(pc))
    assert "このPCの役割: 会場PC（ペアリング先: NPOつながり（" in out

    run(capsys, "sync", "export", "-o", str(usb / "pc1.tsunagari"), *data(pc))
    code, out, err = run(capsys, "sync", "import", str(usb / "pc1.tsunagari"), *data(hub))
    assert (code, err) == (0, "")
    assert "会場PC 1 から 新規" in out and "来所: 新規3 更新0 変更なし0 競合0" in out


def test_the_pairing_speaks_english_too(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 1, name="PC 1")
    en = ("--lang", "en")
    code = invite(capsys, hub, tmp_path / "invite.json", *en)
    number = join(capsys, pc, tmp_path / "invite.json", code, tmp_path / "answer.json", *en)

    status, out, _ = run(
        capsys, *en, "sync", "pair", "accept", str(tmp_path / "answer.json"), *data(hub)
    )
    assert status == 1
    assert out.splitlines()[:2] == [
        f"answer from the venue PC “PC 1” ({pc_id(pc)}).",
        f"confirmation number: {number}",
    ]
    argv = ["sync", "pair", "accept", str(tmp_path / "answer.json"), "--confirm", number]
    status, out, _ = run(capsys, *en, *argv, *data(hub))
    assert out == f"paired: PC 1 ({pc_id(pc)}). Its files can now be imported here.\n"
    status, out, _ = run(capsys, *en, "sync", "status", *data(hub))
    assert "this PC's role: coordinator (1 venue PC(s) in use)" in out
    status, out, _ = run(capsys, *en, "sync", "unpair", "PC 1", *data(hub))
    assert out.startswith(f"revoked: PC 1 ({pc_id(pc)}). Its files will be refused")
    status, out, _ = run(capsys, *en, "sync", "pair", "list", *data(hub))
    assert out.splitlines()[0] == "this PC's role: coordinator (0 venue PC(s) in use, 1 revoked)"
    assert ", revoked " in out.splitlines()[2]
    status, out, _ = run(capsys, *en, "sync", "status", *data(pc))
    assert "this PC's role: venue PC (paired with NPOつながり (" in out


def pc_id(folder: DataFolder) -> str:
    ctx = open_database(folder=folder)
    try:
        return ctx.device_id[:8]
    finally:
        ctx.close()


@pytest.mark.parametrize("wrong", ["wrong", "malformed"])
def test_a_wrong_code_pairs_nothing_and_writes_no_answer(capsys, tmp_path, wrong):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 1)
    shown_code = invite(capsys, hub, tmp_path / "invite.json")
    typed = {
        "wrong": "2222-2222" if shown_code != "2222-2222" else "3333-3333",
        "malformed": "1234",
    }
    argv = ["sync", "pair", "join", str(tmp_path / "invite.json"), "--code", typed[wrong]]
    code, out, err = run(capsys, *argv, "-o", str(tmp_path / "answer.json"), *data(pc))
    assert (code, out) == (2, "")
    assert one_error_line(err) == message("pairing_code_wrong")
    assert not (tmp_path / "answer.json").exists()
    assert "まだペアリングしていません" in run(capsys, "sync", "status", *data(pc))[1]


def test_a_wrong_confirmation_number_pairs_nothing_and_cancels_nothing(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 1)
    code = invite(capsys, hub, tmp_path / "invite.json")
    number = join(capsys, pc, tmp_path / "invite.json", code, tmp_path / "answer.json")
    digits = number.replace(" ", "")
    typo = digits[:5] + str((int(digits[5]) + 1) % 10)
    answer = str(tmp_path / "answer.json")

    status, out, err = run(capsys, "sync", "pair", "accept", answer, "--confirm", typo, *data(hub))
    assert (status, out) == (2, "")
    assert one_error_line(err) == message("pairing_confirmation_wrong", path=answer)
    status, _, err = run(capsys, "sync", "pair", "accept", answer, "--confirm", "12345", *data(hub))
    assert one_error_line(err) == message("pairing_confirmation_invalid")
    assert "まだペアリングしていません" in run(capsys, "sync", "pair", "list", *data(hub))[1]

    # The typo cancelled nothing: the right number, typed full-width, still pairs.
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in digits)
    status, out, _ = run(
        capsys, "sync", "pair", "accept", answer, "--confirm", full_width, *data(hub)
    )
    assert status == 0 and out.startswith("ペアリングしました")


def test_declining_forgets_the_invitation(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 1)
    code = invite(capsys, hub, tmp_path / "invite.json")
    number = join(capsys, pc, tmp_path / "invite.json", code, tmp_path / "answer.json")
    answer = str(tmp_path / "answer.json")

    status, out, _ = run(capsys, "sync", "pair", "decline", answer, *data(hub))
    assert status == 0 and out.startswith("中止しました: （名前なし）（")

    status, _, err = run(capsys, "sync", "pair", "accept", answer, "--confirm", number, *data(hub))
    assert one_error_line(err) == message("pairing_unknown_invitation", path=answer)
    assert "まだペアリングしていません" in run(capsys, "sync", "pair", "list", *data(hub))[1]


def test_a_revoked_pc_s_files_are_refused_and_its_records_stay(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    first = fresh_pc(tmp_path / "pc1", 2, name="会場PC 1")
    second = fresh_pc(tmp_path / "pc2", 1, name="会場PC 2")
    pair_by_cli(capsys, hub, first, tmp_path / "p1")
    pair_by_cli(capsys, hub, second, tmp_path / "p2")
    usb = tmp_path / "usb"
    run(capsys, "sync", "export", "-o", str(usb / "a.tsunagari"), *data(first))
    assert run(capsys, "sync", "import", str(usb / "a.tsunagari"), *data(hub))[0] == 0

    status, _, err = run(capsys, "sync", "unpair", "会場PC", *data(hub))
    listed = f"会場PC 1 ({pc_id(first)}), 会場PC 2 ({pc_id(second)})"
    assert one_error_line(err) == message(
        "pairing_device_no_match", device="会場PC", choices=listed
    )
    short = pc_id(first)[:7]  # 7 characters are not an id prefix
    status, _, err = run(capsys, "sync", "unpair", short, *data(hub))
    assert one_error_line(err) == message("pairing_device_no_match", device=short, choices=listed)

    status, out, _ = run(capsys, "sync", "unpair", "会場ｐｃ １", *data(hub))  # as typed
    assert status == 0 and out.startswith(f"利用を止めました: 会場PC 1（{pc_id(first)}）")
    status, out, _ = run(capsys, "sync", "unpair", pc_id(first).upper(), *data(hub))
    assert status == 0 and "に利用を止めています。何も変更していません。" in out

    run(capsys, "sync", "export", "-o", str(usb / "b.tsunagari"), *data(first))
    status, out, err = run(capsys, "sync", "import", str(usb / "b.tsunagari"), *data(hub))
    assert (status, out) == (2, "")
    assert "利用を止めたPC「会場PC 1」のものです。取り込みませんでした。" in one_error_line(err)
    status, out, _ = run(capsys, "sync", "status", *data(hub))
    assert "利用中の会場PC 1台、利用停止 1台" in out
    assert "中央公民館 ／ 会場PC 1" in out  # what it sent before stays


def test_two_pcs_of_the_same_name_are_told_apart_by_id(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    old = fresh_pc(tmp_path / "old", 0, name="受付PC")
    new = fresh_pc(tmp_path / "new", 0, name="受付PC")
    pair_by_cli(capsys, hub, old, tmp_path / "p1")
    pair_by_cli(capsys, hub, new, tmp_path / "p2")
    status, _, err = run(capsys, "sync", "unpair", "受付PC", *data(hub))
    line = one_error_line(err)
    assert line.startswith("tsunagari: 「受付PC」に当てはまるPCが複数あります。")
    assert f"受付PC ({pc_id(old)})" in line and f"受付PC ({pc_id(new)})" in line
    status, out, _ = run(capsys, "sync", "unpair", pc_id(old), *data(hub))
    assert status == 0 and pc_id(old) in out


def test_a_venue_pc_forgets_its_coordinator_only_when_confirmed(capsys, tmp_path):
    hub = coordinator_pc(tmp_path / "coordinator")
    pc = fresh_pc(tmp_path / "pc1", 1)
    pair_by_cli(capsys, hub, pc, tmp_path / "p")

    status, out, _ = run(capsys, "sync", "unpair", "--coordinator", *data(pc))
    assert status == 1 and "--confirm" in out
    assert "会場PC（ペアリング先: NPOつながり" in run(capsys, "sync", "status", *data(pc))[1]
    status, out, _ = run(capsys, "sync", "unpair", "--coordinator", "--confirm", *data(pc))
    assert status == 0 and out.startswith(
        "コーディネーター（NPOつながり）とのペアリングを解除しました"
    )
    status, _, err = run(capsys, "sync", "export", "-o", str(tmp_path / "x.tsunagari"), *data(pc))
    assert one_error_line(err) == message("exchange_not_paired")
    status, _, err = run(capsys, "sync", "unpair", "--coordinator", "--confirm", *data(pc))
    assert one_error_line(err) == message("pairing_no_coordinator")


@pytest.mark.parametrize(
    "words", [[], ["会場PC 1", "--coordinator", "--confirm"]], ids=["neither", "both"]
)
def test_unpair_needs_one_pc_or_the_coordinator(capsys, tmp_path, words):
    status, out, err = run(capsys, "sync", "unpair", *words, *data(DataFolder(tmp_path / "x")))
    assert (status, out) == (2, "")
    assert one_error_line(err) == message("pairing_unpair_which")
    assert not (tmp_path / "x").exists()  # refused before a database was made


def test_an_import_is_undone_by_its_id_once_and_a_second_time_says_so(capsys, tmp_path):
    pc = venue_pc(tmp_path / "pc1", 3)
    coordinator = DataFolder(tmp_path / "coordinator")
    file = tmp_path / "usb" / "1.tsunagari"
    run(capsys, "sync", "export", "-o", str(file), *data(pc))
    code, out, _ = run(capsys, "sync", "import", str(file), *data(coordinator))
    [hint] = re.findall(r"取り消すには: tsunagari sync undo (\w{8})", out)

    code, out, _ = run(capsys, "sync", "undo", *data(coordinator))
    assert code == 0 and f"  {hint}  " in out and "新規" in out

    code, out, _ = run(capsys, "sync", "undo", hint, *data(coordinator))
    assert code == 0 and "を取り消しました: 新規" in out
    code, out, _ = run(capsys, "sync", "undo", *data(coordinator))
    assert out.strip() == "取り消せる取り込みはありません。"

    code, _, err = run(capsys, "--lang", "en", "sync", "undo", hint, *data(coordinator))
    assert code != 0
    assert "already undone on" in one_error_line(err)
    code, _, err = run(capsys, "sync", "undo", "nonsense", *data(coordinator))
    assert code != 0 and "取り消せる取り込みが見つかりません（nonsense）" in one_error_line(err)

    code, out, _ = run(capsys, "sync", "import", str(file), *data(coordinator))  # it may come again
    assert code == 0 and "来所: 新規3" in out
