"""Alembic environment: runs on the connection db.migrate hands over.

The connection comes already inside one transaction (db.migrate.migrating:
BEGIN IMMEDIATE on SQLite, with foreign keys off until it ends). Alembic
sees an external transaction and opens none of its own, so creating a
database, or upgrading it through several revisions, commits once at the
end or not at all; transaction_per_migration stays off. Batch operations
(render_as_batch: SQLite alters a table by copying it) run inside that same
transaction. A migration must never use op.get_context().autocommit_block():
it would commit the half done so far.

For `alembic revision --autogenerate` from the command line (alembic.ini at
the project root), it falls back to the URL in that file.
"""

from alembic import context

from db.engine import make_engine
from db.migrate import migrating
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    if not connection.in_transaction():
        raise RuntimeError("migrations run inside the caller's transaction (db.migrate.migrating)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():  # the caller's: Alembic adds none
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite3")
    try:
        with migrating(engine) as conn:
            run(conn)
    finally:
        engine.dispose()
