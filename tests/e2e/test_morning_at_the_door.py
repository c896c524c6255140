"""A whole morning at the door, then the laptop is restarted: nothing is lost."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from PySide6.QtCore import Qt

from kiosk.core.database import open_database
from kiosk.core.frontends import LaunchOptions
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, childcare, events, venues


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_morning_survives_a_restart(qtbot, window, folder, clock, dialogs, gestures):
    screen, form = window.checkin, window.checkin.form
    click(qtbot, window.header.event_button)  # open the day

    # 1: a new visitor who gives a nickname and brings two children
    form.nickname.setText("ゆき")
    click(qtbot, form.age.button("30s"))
    click(qtbot, form.child_rows.add_button)
    click(qtbot, form.child_rows.add_button)
    click(qtbot, form.child_rows.rows[0].age.button("0"))
    click(qtbot, form.child_rows.rows[1].age.button("3-5"))
    click(qtbot, screen.submit_button)
    codes = dialogs.pickup_codes[-1]

    # 2 and 3: a visitor who answers, and one who prefers not to
    clock.advance(minutes=4)
    gestures.pause()
    click(qtbot, form.age.button("60s"))
    click(qtbot, form.residence.button("outside"))
    click(qtbot, screen.submit_button)
    click(qtbot, screen.count_only_button)

    # a mistake: undo the last one
    click(qtbot, screen.undo_button)

    # noon: one child goes home
    window.show_widget(window.childcare)
    qtbot.keyClicks(window.childcare.code_entry, codes[0])
    qtbot.keyClick(window.childcare.code_entry, Qt.Key.Key_Return)

    assert [t.value.text() for t in (window.header.visits, window.header.in_care)] == ["2", "1"]

    # the lid closes, the laptop restarts: a fresh process opens the same file
    event_id = window.state.today_event.id
    reopened = replace(open_database(folder=folder), clock=clock)
    assert events.counts(reopened, event_id) == events.DoorCounts(
        visits=2, first_visits=2, count_only=0, children_in_care=1, children_today=2
    )
    visits = checkin.visits_of_event(reopened, event_id)
    assert [(v.number, v.status) for v in visits] == [
        (3, "cancelled"),
        (2, "active"),
        (1, "active"),
    ]
    assert visits[2].nickname == "ゆき"
    assert sorted(c.pickup_code for c in childcare.children_of_event(reopened, event_id)) == sorted(
        codes
    )
    # and she is found next time
    assert [m.nickname for m in checkin.find_visitors(reopened, "yu")] == ["ゆき"]


def test_demo_command_then_info(tmp_path):
    data = tmp_path / "data"
    build = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data), "demo", "--seed", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    assert "visits" in build.stdout
    info = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data), "--demo", "info"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert info.returncode == 0, info.stderr
    assert "venues:      3" in info.stdout
    assert not (data / "tsunagari.sqlite3").exists()  # the real database is untouched


def test_start_with_demo_builds_it_once_and_hands_it_to_the_gui(tmp_path, monkeypatch):
    from kiosk.cli import main as cli

    launched: list[LaunchOptions] = []
    monkeypatch.setattr(cli, "find_frontend", lambda _name: lambda o: launched.append(o) or 0)
    assert cli.main(["--data-dir", str(tmp_path), "--demo"]) == 0
    demo = DataFolder(tmp_path).demo
    assert launched[0].folder == demo and launched[0].demo
    assert demo.database.exists()
    ctx = open_database(folder=demo)
    assert len(venues.list_venues(ctx)) == 3
