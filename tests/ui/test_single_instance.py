"""One window per data folder: a second start brings the first forward and ends.

Before, a second start opened a second window on the same file, and two
"doors" raced each other for the visit numbers.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import DataFolder
from ui.app import QUIT_WHEN_SHOWN, bring_forward, run
from ui.dialogs.setup_dialog import SetupDialog
from ui.single_instance import LOCK_NAME, SingleInstance, server_name

PROJECT = Path(__file__).resolve().parents[2]


def test_a_second_lock_on_the_folder_is_refused_and_calls_the_first(qtbot: Any, tmp_path: Path):
    first, second = SingleInstance(tmp_path / "data"), SingleInstance(tmp_path / "data")
    try:
        assert first.acquire()
        assert not second.acquire()
        with qtbot.waitSignal(first.come_forward_requested, timeout=3000):
            assert second.ask_first_to_come_forward()
    finally:
        second.release()
        first.release()
    again = SingleInstance(tmp_path / "data")  # released: the next start may have it
    assert again.acquire()
    again.release()


def test_another_folder_is_another_window(tmp_path: Path):
    one, other = SingleInstance(tmp_path / "one"), SingleInstance(tmp_path / "other")
    try:
        assert one.acquire() and other.acquire()
        assert server_name(tmp_path / "one") != server_name(tmp_path / "other")
        assert server_name(tmp_path / "one") == server_name(tmp_path / "x" / ".." / "one")
    finally:
        one.release()
        other.release()


def test_a_lock_left_by_a_killed_window_does_not_block_a_start(qtbot: Any, tmp_path: Path):
    root = tmp_path / "data"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from pathlib import Path
                from PySide6.QtCore import QCoreApplication
                from ui.single_instance import SingleInstance
                app = QCoreApplication([])
                instance = SingleInstance(Path({str(root)!r}))
                assert instance.acquire()
                print("locked", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT), "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        assert not SingleInstance(root).acquire()  # while it runs, it holds the folder
        os.kill(holder.pid, signal.SIGKILL)  # no clean-up: its lock file stays behind
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert (root / LOCK_NAME).exists()

    after = SingleInstance(root)
    caller = SingleInstance(root)
    try:
        assert after.acquire()
        # It listens in place of the dead one: a third start reaches it.
        assert not caller.acquire()
        with qtbot.waitSignal(after.come_forward_requested, timeout=3000):
            assert caller.ask_first_to_come_forward()
    finally:
        caller.release()
        after.release()


def test_a_second_start_brings_the_first_window_forward_and_exits_0(
    qtbot: Any,
    qapp: QApplication,
    folder: DataFolder,
    dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
):
    # Were it to go on and open a second window, it must end instead of waiting.
    monkeypatch.setattr(SetupDialog, "exec", lambda _self: SetupDialog.DialogCode.Rejected)
    monkeypatch.setenv(QUIT_WHEN_SHOWN, "1")
    first = SingleInstance(folder.root)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.come_forward_requested, timeout=3000):
            assert run(LaunchOptions(folder=folder, lang="en")) == 0
    finally:
        first.release()

    assert dialogs.notes == [
        "Tsunagari is already open on this computer (the same data folder). "
        "Its window has been brought to the front."
    ]
    assert not folder.database.exists()  # the second start never touched the database


def test_the_first_window_comes_forward_when_asked(qtbot: Any, window: Any, shell: Any):
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)

    bring_forward(shell)

    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
