"""The window's share of a check-in: from the commit to the counters redrawn.

Measured with every screen opened once (as after a morning's use) and the
check-in screen in front, offscreen. What is timed is what the check-in
screen does after the service commits: the change notice, and every redraw
it causes (the header's counters, the door's list, and any other screen
concerned and on screen), then Qt's pending events.
"""

from __future__ import annotations

import os
import statistics
import time

from kiosk.core.context import AppContext
from kiosk.door import events
from kiosk.door.checkin import CheckInRequest, check_in

COUNTERS_FIGURE = "checkin_to_counters_all_screens_ms"


def counters_after_check_in(ctx: AppContext, count: int) -> dict[str, float]:
    """Median ms from a committed check-in to the window redrawn, all screens opened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.app import AppShell, application, load_look
    from ui.door_state import Change
    from ui.main_window import SCREENS

    app: QApplication = application()
    load_look(app)
    shell = AppShell(app, ctx, "ja")
    window = shell.build_window()
    window.resize(1366, 768)
    window.show()
    state = shell.state
    if state.venue is None:
        raise RuntimeError("the benchmark database has no current venue")
    if state.today_event is None:
        events.open_event(ctx, state.venue.id)
    elif not state.today_event.is_open:
        events.reopen_event(ctx, state.today_event.id)
    state.reload()
    open_event = state.open_event
    assert open_event is not None
    for index in range(len(SCREENS)):  # every screen opened once
        window.show_screen(index)
        app.processEvents()
    window.show_screen(0)
    app.processEvents()
    times = []
    for n in range(count):
        request = CheckInRequest(event_id=open_event.id, age_band=("30s", "40s")[n % 2])
        check_in(ctx, request)
        started = time.perf_counter()
        state.notify(Change.VISITS | Change.CARE)  # what the check-in screen does next
        app.processEvents()
        times.append(time.perf_counter() - started)
    window.close_without_asking()
    window.deleteLater()
    app.processEvents()
    return {COUNTERS_FIGURE: round(statistics.median(times) * 1000, 2)}
