"""Three venue PCs, one coordinator: every order, three times, and the sum is right.

The issue's test of the merge: import three PCs' files into a coordinator
in every order, three times; no duplicates, and the coordinator's figures
equal the sum of the three PCs' own reports. Each order starts from a new
coordinator database that holds the same identity (keys and paired PCs),
as a restored backup would, so the same three sealed files serve them all.
Runs on SQLite, and on PostgreSQL when a server is given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import fields, replace
from itertools import permutations
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from db.models import ChildCare, Consultation, Event, Setting, SurveyResponse, Visit
from kiosk.core.context import AppContext, local_now
from kiosk.core.database import open_database
from kiosk.core.paths import DataFolder
from kiosk.demo.build import build_demo
from kiosk.exchange import pairing
from kiosk.exchange.export import export_for_coordinator
from kiosk.exchange.importer import import_file
from kiosk.exchange.keys import KEYS
from kiosk.reports.period import PeriodFigures, fiscal_year_period, period_report
from tests.databases import POSTGRESQL
from tests.pairing_helpers import pair

SEEDS = (11, 12, 13)
FIGURES = ("visits", "first_visits", "repeat_visits", "count_only", "children", "survey_responses")


@contextmanager
def a_coordinator(backend: str, root: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    if backend == POSTGRESQL:
        server = request.getfixturevalue("postgres")
        with server.migrated_database() as url:
            opened = open_database(url=url, folder=DataFolder(root))
            try:
                yield replace(opened, clock=local_now)
            finally:
                opened.close()
        return
    folder = DataFolder(root)
    folder.root.mkdir(mode=0o700, parents=True)
    folder.database.write_bytes(request.getfixturevalue("migrated_database"))
    opened = open_database(folder=folder)
    try:
        yield replace(opened, clock=local_now)
    finally:
        opened.close()


def same_identity(source: AppContext, target: AppContext) -> None:
    """The coordinator's keys and paired PCs, as a restored backup would bring them."""
    with source.sessions() as session:
        rows = [
            {"key": s.key, "value": s.value, "device_id": target.device_id}
            for s in session.scalars(
                select(Setting).where(
                    (Setting.key == KEYS) | Setting.key.startswith(pairing.PAIRED)
                )
            )
        ]
    with target.sessions.begin() as session:
        session.execute(insert(Setting), rows)


def count(ctx: AppContext, model: type) -> int:
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.slow
def test_three_pcs_in_every_order_three_times_add_up(backend, tmp_path, request):
    today = local_now().date()
    period = fiscal_year_period(today.year if today.month >= 4 else today.year - 1)
    with ExitStack() as stack:
        first = stack.enter_context(a_coordinator(backend, tmp_path / "hub-0", request))
        files: list[Path] = []
        own: list[PeriodFigures] = []
        counts = {model: 0 for model in (Visit, ChildCare, Event, Consultation, SurveyResponse)}
        for seed in SEEDS:
            folder = DataFolder(tmp_path / f"pc-{seed}")
            build_demo(folder, seed=seed, days=30, today=today)
            opened = open_database(folder=folder)
            stack.callback(opened.close)
            pc = replace(opened, clock=local_now)
            pair(first, pc, tmp_path / "pairing")
            own.append(period_report(pc, period).totals)
            for model in counts:
                counts[model] += count(pc, model)
            files.append(export_for_coordinator(pc, tmp_path / "usb" / f"{seed}.tsunagari").path)
        assert own[0].visits > 0

        for n, order in enumerate(permutations(range(3)), start=1):
            hub = stack.enter_context(a_coordinator(backend, tmp_path / f"hub-{n}", request))
            same_identity(first, hub)
            for round_ in range(3):
                for i in order:
                    result = import_file(hub, files[i])
                    assert (result.already_imported_at is not None) == (round_ > 0)
            merged = period_report(hub, period).totals
            for name in FIGURES:
                assert getattr(merged, name) == sum(getattr(o, name) for o in own), (order, name)
            for field in fields(merged.consultations):
                parts = [getattr(o.consultations, field.name) for o in own]
                if isinstance(parts[0], int):
                    assert getattr(merged.consultations, field.name) == sum(parts), field.name
            for model, expected in counts.items():  # no duplicates: every row once
                assert count(hub, model) == expected, (order, model.__name__)
        assert os.path.exists(files[0])
