"""The `tsunagari` command without a window: --help, --version, info, and its errors.

An error is one line on stderr, starting "tsunagari:", in Japanese unless
asked otherwise, with exit code 2 and never a traceback.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.migrate import head_revision
from kiosk import __version__
from kiosk.cli.main import main
from kiosk.core.error_messages import MESSAGES
from kiosk.core.paths import ENV_DATA_DIR, DataFolder, default_data_dir

PROJECT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's --help and --version
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tsunagari: ")
    assert "Traceback" not in err
    return lines[0]


def has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def not_sqlite(tmp_path: Path) -> DataFolder:
    folder = DataFolder(tmp_path / "broken")
    folder.root.mkdir()
    folder.database.write_bytes(b"hello")
    return folder


# --- help and version --------------------------------------------------------------------


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"tsunagari {__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["info", "--help"]])
def test_help(capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "--data-dir" in out
    assert "usage:" in out


def test_help_lists_the_sub_commands(capsys):
    _, out, _ = run(capsys, "--help")
    for command in ("gui", "demo", "info"):
        assert command in out


def test_python_dash_m_kiosk_version():
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"tsunagari {__version__}"
    assert done.stderr == ""


# --- info ----------------------------------------------------------------------------------


@pytest.mark.parametrize("before", [True, False])
def test_info_on_a_new_data_folder(capsys, tmp_path, before):
    data = tmp_path / "data"
    argv = ["--data-dir", str(data), "info"] if before else ["info", "--data-dir", str(data)]

    code, out, err = run(capsys, *argv)

    assert (code, err) == (0, "")
    fields = dict(line.split(":", 1) for line in out.strip().splitlines())
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert fields["data folder"] == str(data)
    assert fields["database"] == str(data / "tsunagari.sqlite3")
    assert fields["schema"] == head_revision()
    assert (fields["organisation"], fields["venues"], fields["visits"]) == ("-", "0", "0")
    assert len(fields["device"]) == 36
    assert (data / "tsunagari.sqlite3").is_file()


def test_info_uses_the_environment_variable(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    code, out, _ = run(capsys, "info")
    assert code == 0
    assert f"data folder: {tmp_path / 'from-env'}" in out
    assert (tmp_path / "from-env" / "tsunagari.sqlite3").is_file()


def test_info_defaults_to_the_private_home(capsys, private_home):
    code, out, _ = run(capsys, "info")
    assert code == 0
    assert f"data folder: {default_data_dir()}" in out
    assert default_data_dir().is_relative_to(private_home)


def test_info_counts_what_the_database_holds(capsys, ctx, database_args, event):
    from kiosk.door import checkin

    checkin.check_in(ctx, checkin.CheckInRequest(event_id=event.id, nickname="さくら"))
    code, out, _ = run(capsys, "info", *database_args)
    assert code == 0
    assert "organisation: NPOつながり" in out
    assert "visits:      1" in out
    assert "regulars:    1" in out


def test_info_with_a_database_url(capsys, tmp_path):
    path = tmp_path / "elsewhere.sqlite3"
    code, out, _ = run(
        capsys, "info", "--data-dir", str(tmp_path / "d"), "--database-url", f"sqlite:///{path}"
    )
    assert code == 0
    assert f"database:    sqlite:///{path}" in out
    assert path.is_file()


# --- errors ----------------------------------------------------------------------------------


def test_an_error_is_one_japanese_line_by_default(capsys, not_sqlite):
    code, out, err = run(capsys, "info", "--data-dir", str(not_sqlite.root))
    assert code == 2
    assert out == ""
    line = one_error_line(err)
    assert has_japanese(line)
    assert str(not_sqlite.database) in line
    [aside] = not_sqlite.root.glob("tsunagari.sqlite3.damaged-*")
    assert line == "tsunagari: " + MESSAGES["database_moved_aside_no_backup"]["ja"].format(
        path=not_sqlite.database, aside=aside
    )
    assert aside.read_bytes() == b"hello"  # set aside, not lost


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "info", "--data-dir", "{dir}"],
        ["info", "--lang", "en", "--data-dir", "{dir}"],
        ["--data-dir", "{dir}", "--lang", "en", "info"],
    ],
)
def test_an_error_in_english_with_lang_en(capsys, not_sqlite, argv):
    code, _, err = run(capsys, *[a.replace("{dir}", str(not_sqlite.root)) for a in argv])
    assert code == 2
    line = one_error_line(err)
    assert not has_japanese(line)
    assert "was damaged, so it was set aside" in line


def test_the_language_may_come_from_the_environment(capsys, not_sqlite, monkeypatch):
    monkeypatch.setenv("TSUNAGARI_LANG", "en")
    _, _, err = run(capsys, "info", "--data-dir", str(not_sqlite.root))
    assert "was damaged, so it was set aside" in one_error_line(err)
    not_sqlite.database.write_bytes(b"hello")  # the first run set it aside
    _, _, err = run(capsys, "--lang", "ja", "info", "--data-dir", str(not_sqlite.root))
    assert has_japanese(one_error_line(err))


def test_another_applications_database(capsys, tmp_path):
    folder = DataFolder(tmp_path / "other")
    folder.root.mkdir()
    conn = sqlite3.connect(folder.database)
    conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.close()
    code, _, err = run(capsys, "--lang", "en", "info", "--data-dir", str(folder.root))
    assert code == 2
    assert "belongs to another application" in one_error_line(err)


def test_a_database_from_a_newer_release(capsys, tmp_path):
    folder = DataFolder(tmp_path / "newer")
    folder.root.mkdir()
    conn = sqlite3.connect(folder.database)
    conn.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        "INSERT INTO alembic_version VALUES ('9999');"
    )
    conn.close()
    code, _, err = run(capsys, "info", "--data-dir", str(folder.root))
    assert code == 2
    assert one_error_line(err) == "tsunagari: " + MESSAGES["database_too_new"]["ja"]


def test_a_data_dir_that_is_a_file(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--lang", "en", "info", "--data-dir", str(blocker))
    assert code == 2
    one_error_line(err)


@pytest.mark.parametrize(
    "url", ["nonsense", "nosuchdb://user@host/db", "postgresql+nosuchdriver://u@h/db"]
)
def test_a_bad_database_url_is_one_line_too(capsys, tmp_path, url):
    code, out, err = run(capsys, "info", "--data-dir", str(tmp_path / "d"), "--database-url", url)
    assert code == 2
    assert out == ""
    assert has_japanese(one_error_line(err))


def test_a_database_url_whose_driver_is_not_installed(capsys, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name.split(".")[0] in ("psycopg", "psycopg2"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "info",
        "--data-dir",
        str(tmp_path / "d"),
        "--database-url",
        "postgresql://volunteer:secret@server/tsunagari",
    )
    assert code == 2
    line = one_error_line(err)
    assert "psycopg" in line
    assert "secret" not in line


def test_an_unknown_language_is_refused_by_the_parser(capsys, tmp_path):
    code, _, err = run(capsys, "--lang", "fr", "info", "--data-dir", str(tmp_path))
    assert code == 2
    line = one_error_line(err)
    assert has_japanese(line)
    assert "「fr」" in line and "ja, en" in line
