"""Migrations: empty to head matches the models, down and up again, and old databases open.

The fixture databases under tests/db/fixtures/ stand for what earlier
releases left on venue laptops; tests open copies, never the files themselves.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError, OperationalError

from db import migrate
from db.engine import make_engine
from db.models import Base
from kiosk.core import settings
from kiosk.core.database import open_database
from kiosk.core.errors import StorageError
from kiosk.core.paths import DataFolder
from kiosk.door import checkin, childcare, events, venues
from tests.databases import POSTGRESQL, PostgresServer
from tests.db.fixtures import make_fixtures

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_0001 = FIXTURES / "tsunagari-0001.sqlite3"


@pytest.fixture
def engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An empty database: a new SQLite file, or a new database on the PostgreSQL server."""
    if backend == POSTGRESQL:
        server: PostgresServer = request.getfixturevalue("postgres")
        with server.empty_database() as url:
            made = make_engine(url)
            yield made
            made.dispose()
        return
    made = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    yield made
    made.dispose()


def schema_differences(engine: Engine) -> list[object]:
    """What `alembic check` would report: the models against the migrated schema."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


def revisions_in_order() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def downgrade(engine: Engine, target: str) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the migration chain -----------------------------------------------------------


def test_there_is_one_linear_history():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    order = revisions_in_order()
    assert order[0] == "0001"
    assert order[-1] == migrate.head_revision()
    for earlier, later in itertools.pairwise(order):
        assert script.get_revision(later).down_revision == earlier


def test_an_empty_database_is_upgraded_to_the_models(engine):
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) is True
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert tables(engine) == set(Base.metadata.tables)
    assert schema_differences(engine) == []


def test_upgrading_a_current_database_does_nothing(engine):
    migrate.upgrade(engine)
    called: list[str] = []
    assert migrate.upgrade(engine, before_upgrade=called.append) is False
    assert called == []


def test_an_empty_database_is_not_copied_aside_before_its_first_upgrade(engine):
    called: list[str] = []
    migrate.upgrade(engine, before_upgrade=called.append)
    assert called == []


def test_an_old_database_is_announced_before_it_is_upgraded(engine):
    migrate.upgrade(engine, target="0001")
    called: list[str] = []
    assert migrate.upgrade(engine, before_upgrade=called.append) is True
    assert called == ["0001"]


def test_down_to_base_and_up_again(engine):
    migrate.upgrade(engine)
    downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert tables(engine) == set()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert schema_differences(engine) == []


def test_every_step_goes_down_and_up_again(engine):
    order = revisions_in_order()
    for previous, revision in itertools.pairwise(["base", *order]):
        migrate.upgrade(engine, target=revision)
        after_up = tables(engine)
        downgrade(engine, previous)
        migrate.upgrade(engine, target=revision)
        assert migrate.current_revision(engine) == revision
        assert tables(engine) == after_up
    assert schema_differences(engine) == []


def test_a_migration_in_the_middle_keeps_existing_rows(engine):
    migrate.upgrade(engine, target="0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO venue (id, name, kind, active, created_at, updated_at, device_id)"
            " VALUES ('v1', '中央公民館', 'in_person', true, '2026-11-01 00:00:00',"
            " '2026-11-01 00:00:00', 'd')"
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM venue")).scalars().all() == ["中央公民館"]


# --- opening the previous schema through the app --------------------------------------


def make_0001_database(path: Path) -> None:
    """A database as the previous release left it, rows written with raw SQL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    old = make_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(old, target="0001")
        stamp = "2026-11-15 01:00:00.000000"
        with old.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO venue (id, name, kind, active, created_at, updated_at, device_id)"
                    " VALUES ('v1', '中央公民館', 'in_person', 1, :t, :t, 'old-device')"
                ),
                {"t": stamp},
            )
            conn.execute(
                text(
                    "INSERT INTO event (id, venue_id, date, kind, status, opened_at, created_at,"
                    " updated_at, device_id) VALUES ('e1', 'v1', '2026-11-15', 'cafe', 'open',"
                    " :t, :t, :t, 'old-device')"
                ),
                {"t": stamp},
            )
            conn.execute(
                text(
                    "INSERT INTO visit (id, event_id, number, checked_in_at, age_band, residence,"
                    " first_visit, wants_consultation, count_only, source, status, created_at,"
                    " updated_at, device_id) VALUES ('visit-1', 'e1', 1, :t, '30s', 'resident',"
                    " 1, 0, 0, 'door', 'active', :t, :t, 'old-device')"
                ),
                {"t": stamp},
            )
    finally:
        old.dispose()


def test_opening_the_previous_schema_upgrades_it_and_keeps_a_copy(folder: DataFolder):
    make_0001_database(folder.database)

    ctx = open_database(folder=folder)
    try:
        engine = ctx.engine
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert schema_differences(engine) == []
        assert [v.name for v in venues.list_venues(ctx)] == ["中央公民館"]
        assert events.event_info(ctx, "e1").venue_name == "中央公民館"
        [visit] = checkin.visits_of_event(ctx, "e1")
        assert (visit.id, visit.number, visit.age_band) == ("visit-1", 1, "30s")
        # The upgraded database takes new check-ins.
        assert checkin.check_in(ctx, checkin.count_only_request("e1")).visit.number == 2
    finally:
        ctx.close()

    [backup] = folder.backups.iterdir()
    assert "0001" in backup.name
    assert stat.S_IMODE(folder.backups.stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT count(*) FROM visit").fetchone() == (1,)
        assert copy.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'workshop'"
        ).fetchone() == (0,)
    finally:
        copy.close()


def test_opening_again_makes_no_second_copy(folder: DataFolder):
    make_0001_database(folder.database)
    for _ in range(2):
        ctx = open_database(folder=folder)
        ctx.close()
    assert len(list(folder.backups.iterdir())) == 1


def test_a_new_database_is_not_copied_aside(folder: DataFolder):
    ctx = open_database(folder=folder)
    ctx.close()
    assert not folder.backups.exists()


# --- the committed fixture of release 0001 ----------------------------------------------


def test_the_committed_fixture_is_at_revision_0001():
    conn = sqlite3.connect(f"file:{FIXTURE_0001}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_copy_of_the_0001_fixture_opens_with_its_data(folder: DataFolder):
    original = sha256(FIXTURE_0001)
    folder.root.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE_0001, folder.database)

    ctx = open_database(folder=folder)
    try:
        assert migrate.current_revision(ctx.engine) == migrate.head_revision()
        assert ctx.device_id == make_fixtures.DEVICE
        assert settings.organisation(ctx) == "NPOつながり"
        assert not venues.needs_setup(ctx)
        assert venues.current_venue(ctx).id == make_fixtures.VENUE
        event = events.event_info(ctx, make_fixtures.EVENT)
        assert (event.status, event.date.isoformat()) == ("closed", "2026-11-15")
        assert events.counts(ctx, event.id) == events.DoorCounts(
            visits=2, first_visits=1, count_only=1, children_in_care=0, children_today=1
        )
        listed = {v.number: v for v in checkin.visits_of_event(ctx, event.id)}
        assert listed[1].nickname == "さくら"
        assert listed[3].status == "cancelled" and listed[3].cancel_reason == "mistake"
        [child] = childcare.children_of_event(ctx, event.id)
        assert (child.pickup_code, child.status, child.care_note) == (
            "417",
            "handed_back",
            "卵アレルギー",
        )
        [match] = checkin.find_visitors(ctx, "saku")
        assert (match.visitor_id, match.age_band) == (make_fixtures.VISITOR, "30s")
    finally:
        ctx.close()

    assert len(list(folder.backups.iterdir())) == 1
    assert sha256(FIXTURE_0001) == original


def test_the_fixture_script_still_builds_the_committed_fixture(tmp_path: Path):
    built = make_fixtures.build_0001(tmp_path / "again.sqlite3")
    assert dump(built) == dump(FIXTURE_0001)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_no_upgrade_without_a_copy_first(folder: DataFolder):
    folder.root.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE_0001, folder.database)
    before = dump(folder.database)
    folder.backups.write_text("a file where the backups folder should be")

    with pytest.raises(StorageError) as excinfo:
        open_database(folder=folder)

    assert excinfo.value.code == "backup_failed"
    assert excinfo.value.params == {"path": str(folder.backups)}
    assert sorted(p.name for p in folder.root.iterdir()) == ["backups", "tsunagari.sqlite3"]
    assert dump(folder.database) == before  # still 0001, every row as it was

    folder.backups.unlink()  # the volunteer makes room: now it upgrades
    ctx = open_database(folder=folder)
    ctx.close()
    assert len(list(folder.backups.iterdir())) == 1


def test_the_head_revision_constant_is_the_newest_script():
    # Opening a database already at head skips Alembic on the strength of it.
    assert migrate.head_revision() == migrate.HEAD_REVISION


# --- 0004: questionnaire responses keep no order of arrival ----------------------------


def test_0004_keeps_every_response_and_forgets_the_order_they_came_in(engine):
    migrate.upgrade(engine, target="0003")
    ids = [f"{c}0000000-0000-4000-8000-000000000000" for c in "caebfd"]  # not in id order
    with engine.begin() as conn:
        stamp = "2026-11-15 01:00:00"
        conn.execute(
            text(
                "INSERT INTO venue (id, name, kind, active, created_at, updated_at, device_id)"
                " VALUES ('v1', '中央公民館', 'in_person', true, :t, :t, 'd')"
            ),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO event (id, venue_id, date, kind, status, opened_at, created_at,"
                " updated_at, device_id) VALUES ('e1', 'v1', '2026-11-15', 'cafe', 'open', :t,"
                " :t, :t, 'd')"
            ),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO setting (id, key, value, created_at, updated_at, device_id) VALUES"
                " ('s1', 'questionnaire/cafe-satisfaction/1', '{}', :exact, :exact, 'd')"
            ),
            {"exact": "2026-11-15 01:23:45.678901"},
        )
        for n, response in enumerate(ids):
            for action, entity in (
                ("visit_checked_in", "visit"),
                ("survey_response_recorded", "survey_response"),
            ):
                conn.execute(
                    text(
                        "INSERT INTO audit_entry (id, at, action, entity, created_at, updated_at,"
                        " device_id) VALUES (:id, :t, :a, :e, :t, :t, 'd')"
                    ),
                    {"id": f"{entity}-{n}", "t": stamp, "a": action, "e": entity},
                )
            conn.execute(
                text(
                    "INSERT INTO survey_response (id, event_id, questionnaire_id,"
                    " questionnaire_version, answered_hour, language, source, answers,"
                    " created_at, updated_at, device_id) VALUES (:id, 'e1', 'cafe-satisfaction',"
                    " 1, :t, 'ja', 'kiosk', :answers, :t, :t, 'd')"
                ),
                {"id": response, "t": stamp, "answers": f'{{"overall": "n{n}"}}'},
            )

    migrate.upgrade(engine)

    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, answers FROM survey_response")).all()
        assert sorted(r[0] for r in rows) == sorted(ids)
        assert {r[0]: json.loads(r[1]) if isinstance(r[1], str) else r[1] for r in rows} == {
            response: {"overall": f"n{n}"} for n, response in enumerate(ids)
        }
        audit_lines = conn.execute(text("SELECT action FROM audit_entry")).scalars().all()
        assert audit_lines == ["visit_checked_in"] * 6
        created = conn.execute(
            text("SELECT created_at, updated_at FROM setting WHERE id = 's1'")
        ).one()
        assert {str(t)[:19] for t in created} == {"2026-11-15 01:00:00"}
        if engine.dialect.name == "sqlite":
            with pytest.raises(OperationalError):
                conn.execute(text("SELECT rowid FROM survey_response")).all()
            # Kept in id order, and the audit lines close over the gaps the others left.
            assert [r[0] for r in rows] == sorted(ids)
            rowids = conn.execute(text("SELECT rowid FROM audit_entry ORDER BY rowid")).scalars()
            assert list(rowids) == [1, 2, 3, 4, 5, 6]
        else:
            versions = conn.execute(text("SELECT DISTINCT xmin::text FROM survey_response"))
            assert len(versions.all()) == 1
            by_place = conn.execute(text("SELECT id FROM survey_response ORDER BY ctid"))
            assert by_place.scalars().all() == sorted(ids)
    assert schema_differences(engine) == []


# --- 0005: one KPI target per fiscal year, metric and scope ----------------------------


def target_row(row_id: str, metric: str, target: float, updated: str, venue: str | None = None):
    return {
        "id": row_id,
        "fy": 2025,
        "metric": metric,
        "venue": venue,
        "target": target,
        "t": updated,
        "device": f"pc-{row_id}",
    }


@pytest.mark.parametrize("device_id", ["coordinator-pc", None])
def test_0005_merges_the_copies_of_a_target_keeping_the_newest(engine, device_id, caplog):
    migrate.upgrade(engine, target="0004")
    early, late = "2025-04-01 09:00:00.000000", "2025-05-01 09:00:00.000000"
    merged_in = [  # what a merge of three PCs' files left, before 0005
        target_row("c-old", "consultations", 180, early),
        target_row("c-new", "consultations", 200, late),  # changed last: kept
        target_row("c-older", "consultations", 150, "2025-03-01 09:00:00.000000"),
        target_row("v-2", "visits", 900, early),
        target_row("v-1", "visits", 850, early),  # the same time: the smaller id is kept
        target_row("r-only", "referrals", 15, early),  # one copy: untouched
        target_row("v-own", "visits", 300, early, venue="v1"),  # one venue's own: apart
    ]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO venue (id, name, kind, active, created_at, updated_at, device_id)"
                " VALUES ('v1', '中央公民館', 'in_person', true, :t, :t, 'd')"
            ),
            {"t": early},
        )
        if device_id is not None:
            conn.execute(
                text(
                    "INSERT INTO setting (id, key, value, created_at, updated_at, device_id)"
                    " VALUES ('s1', 'device_id', :d, :t, :t, 'd')"
                ),
                {"d": device_id, "t": early},
            )
        conn.execute(
            text(
                "INSERT INTO kpi_target (id, fiscal_year, metric, venue_id, target, target_group,"
                " kind, created_at, updated_at, device_id) VALUES (:id, :fy, :metric, :venue,"
                " :target, 'kpi', 'output', :t, :t, :device)"
            ),
            merged_in,
        )

    with caplog.at_level("WARNING", logger="db.migrations"):
        migrate.upgrade(engine)

    with engine.connect() as conn:
        kept = conn.execute(text("SELECT id, target FROM kpi_target ORDER BY id")).all()
        assert [tuple(r) for r in kept] == [
            ("c-new", 200.0),
            ("r-only", 15.0),
            ("v-1", 850.0),
            ("v-own", 300.0),
        ]
        lines = conn.execute(
            text("SELECT action, entity, entity_id, detail, device_id FROM audit_entry")
        ).all()
    details = {
        line.entity_id: json.loads(line.detail) if isinstance(line.detail, str) else line.detail
        for line in lines
    }
    assert {(line.action, line.entity, line.device_id) for line in lines} == {
        ("kpi_targets_merged", "kpi_target", device_id or "migration")
    }
    assert sorted(details) == ["c-new", "v-1"]
    consultations = details["c-new"]
    assert (consultations["fiscal_year"], consultations["metric"]) == (2025, "consultations")
    assert consultations["all_venues"] is True and consultations["rule"] == "newest"
    assert (consultations["kept"]["id"], consultations["kept"]["target"]) == ("c-new", 200.0)
    assert [(d["id"], d["target"], d["device_id"]) for d in consultations["dropped"]] == [
        ("c-old", 180.0, "pc-c-old"),
        ("c-older", 150.0, "pc-c-older"),
    ]
    assert [d["id"] for d in details["v-1"]["dropped"]] == ["v-2"]
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "kept c-new" in said and "c-old" in said and "kept v-1" in said
    assert schema_differences(engine) == []

    # And from now on the database itself refuses a second copy.
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kpi_target (id, fiscal_year, metric, venue_id, target, target_group,"
                " kind, created_at, updated_at, device_id) VALUES (:id, :fy, :metric, :venue,"
                " :target, 'kpi', 'output', :t, :t, :device)"
            ),
            target_row("c-again", "consultations", 210, late),
        )


def test_0005_goes_down_and_up_again_with_one_target_for_every_venue(engine):
    migrate.upgrade(engine)
    downgrade(engine, "0004")
    with engine.connect() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("kpi_target")}
    assert "uq_kpi_target_all_venues" not in indexes
    migrate.upgrade(engine)
    with engine.connect() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("kpi_target")}
    assert "uq_kpi_target_all_venues" in indexes
