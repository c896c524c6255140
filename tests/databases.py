"""The database servers the tests run against: SQLite always, PostgreSQL when asked.

Set TSUNAGARI_TEST_DATABASE_URL to a PostgreSQL URL, for example
postgresql+psycopg://tsunagari:tsunagari@127.0.0.1:5432/tsunagari_test, and
every database-facing test runs a second time on that server. The role needs
CREATEDB: the database in the URL is only where the tests connect to make
their own, named after it with a random suffix, and dropped at the end.

One template database is migrated per run. A test gets a copy of it (CREATE
DATABASE ... TEMPLATE: no migrating), and when the test ends every row is
deleted so the next test can use the same copy: CREATE DATABASE costs about
0.3 s, emptying a few dozen rows about 10 ms. A copy whose schema a test
changed, or that a leaked transaction still locks, is dropped instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from db.engine import make_engine
from db.migrate import head_revision, upgrade
from db.models import Base

ENV_TEST_DATABASE_URL = "TSUNAGARI_TEST_DATABASE_URL"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"


def server_url() -> str | None:
    """The PostgreSQL server to test against, or None for SQLite only."""
    return os.environ.get(ENV_TEST_DATABASE_URL) or None


def backends() -> list[str]:
    return [SQLITE, POSTGRESQL] if server_url() else [SQLITE]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class PostgresServer:
    """Makes and drops throwaway databases on the server named by the URL."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.get_backend_name() != POSTGRESQL:
            raise ValueError(f"{ENV_TEST_DATABASE_URL} must be a postgresql URL, not {url!r}")
        if "options" not in parsed.query:
            # Throwaway databases need no durable commits: some tests commit
            # thousands of times, and waiting for each WAL flush doubles the run.
            parsed = parsed.update_query_dict({"options": "-c synchronous_commit=off"})
        self.url: URL = parsed
        self.prefix = f"{self.url.database or 'tsunagari'}_{uuid.uuid4().hex[:8]}"
        self._admin: Engine = create_engine(
            self.url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
        )
        self._count = 0
        self._japanese = True
        self.template: str | None = None
        self._spare: list[str] = []  # emptied copies of the template, ready to reuse
        self._cleaners: dict[str, Connection] = {}  # one open connection per copy

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def _run(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def create(self, template: str = "template0") -> str:
        """A new, empty (or templated) database; its name."""
        self._count += 1
        name = f"{self.prefix}_{self._count}"
        sql = f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(template)}"
        if template == "template0" and self._japanese:
            # Sorted as a city's server in Japan would sort text, not byte by byte
            # like SQLite: an ORDER BY that only works in one order shows up here.
            try:
                self._run(sql + " ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ja-JP'")
                return name
            except DBAPIError:  # a server built without ICU
                self._japanese = False
        self._run(sql)
        return name

    def migrated_template(self) -> str:
        """A database at the newest schema (no device id yet), made once."""
        if self.template is None:
            name = self.create()
            engine = make_engine(self.url_of(name))
            try:
                upgrade(engine)
            finally:
                engine.dispose()  # a template must have no one connected
            self.template = name
        return self.template

    @contextmanager
    def empty_database(self) -> Iterator[str]:
        """A database with no tables at all (for migration tests); dropped afterwards."""
        name = self.create()
        try:
            yield self.url_of(name)
        finally:
            self.drop(name)

    @contextmanager
    def migrated_database(self) -> Iterator[str]:
        """A database at the newest schema with no rows; emptied and kept for reuse after."""
        name = self._spare.pop() if self._spare else self.create(self.migrated_template())
        try:
            yield self.url_of(name)
        finally:
            if self._emptied(name):
                self._spare.append(name)
            else:
                self.drop(name)

    def _emptied(self, name: str) -> bool:
        """Delete every row; False when the database is not fit to be reused."""
        try:
            conn = self._cleaners.get(name)
            if conn is None or conn.invalidated or conn.closed:
                # Kept open between tests: logging in costs more than the deleting.
                conn = create_engine(self.url_of(name), poolclass=NullPool).connect()
                self._cleaners[name] = conn
            with conn.begin():
                # A connection the test left in a transaction would make us wait for ever.
                conn.exec_driver_sql("SET LOCAL lock_timeout = '2s'")
                version = conn.exec_driver_sql("SELECT version_num FROM alembic_version")
                if version.scalars().all() != [head_revision()]:
                    return False
                for table in reversed(Base.metadata.sorted_tables):
                    conn.execute(table.delete())
            return True
        except DBAPIError:
            return False

    def drop(self, name: str) -> None:
        cleaner = self._cleaners.pop(name, None)
        if cleaner is not None:
            cleaner.close()
        # FORCE: a connection a failing test left open must not keep the database.
        self._run(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")

    def close(self) -> None:
        for name in [*self._spare, *([self.template] if self.template else [])]:
            self.drop(name)
        self._spare.clear()
        self.template = None
        self._admin.dispose()


def postgresql_only(test: Any) -> Any:
    """Run `test` on PostgreSQL only (skipped without a server): it is about a server."""
    return pytest.mark.parametrize("backend", [POSTGRESQL], indirect=True)(test)
