"""What can go wrong when opening a database, before the application can help.

The application layer turns these into coded, translated messages.
"""


class DatabaseOpenError(Exception):
    """The database cannot be used as it is; nothing was changed."""


class NotADatabase(DatabaseOpenError):
    """The file is not an SQLite database (or is damaged beyond reading)."""


class NotOurDatabase(DatabaseOpenError):
    """An SQLite database, but one that Tsunagari did not make."""


class DatabaseTooNew(DatabaseOpenError):
    """Made by a newer Tsunagari: opening it here could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class HalfUpgraded(DatabaseOpenError):
    """An older release's upgrade from `revision` stopped halfway, and cannot be undone in place.

    The copy made before that upgrade can be put back (db.migrate.is_exactly
    says which copy fits); nothing was changed.
    """

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class MigrationBrokeForeignKeys(DatabaseOpenError):
    """A migration left rows pointing nowhere: it was rolled back, nothing changed."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(", ".join(tables))
        self.tables = tables
