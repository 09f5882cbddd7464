"""Opening a docket database: the engine, SQLite's connection pragmas, migrations, transactions."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from planner.store.errors import (
    DatabaseBusy,
    DatabaseUnavailable,
    NewerDatabase,
    NotAPlannerDatabase,
    StoreError,
)
from planner.store.private_files import create_private
from planner.store.repository import Repository
from planner.store.tables import SCHEMA_REVISION, alembic_version

BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The only SQLite-specific code in the store: connection settings, not queries.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


class Database:
    """An open docket database. ``transaction()`` gives one unit of work per user action."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str) -> "Database":
        """Open the database at ``path``, creating it or upgrading its schema as needed."""
        path = Path(path)
        if path.exists() and path.is_dir():
            raise DatabaseUnavailable(f"{path} is a folder, not a database file")
        if not path.parent.exists():
            raise DatabaseUnavailable(f"the folder {path.parent} does not exist")
        try:
            create_private(path)  # a new database is the owner's alone, whatever the umask
        except OSError as error:
            raise DatabaseUnavailable(
                f"{path} cannot be created ({error.strerror or error}): choose another folder"
            ) from None
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _sqlite_pragmas)
        database = cls(engine, path)
        try:
            database._migrate()
        except StoreError:
            engine.dispose()
            raise
        except DatabaseError as error:
            engine.dispose()
            raise _translate(error, path) from error
        return database

    @classmethod
    def connect(cls, url: str) -> "Database":
        """Open a database by SQLAlchemy URL (a server database, or ``sqlite://`` in memory)."""
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        database = cls(engine, None)
        database._migrate()
        return database

    def _migrate(self) -> None:
        with self.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            current = None
            if alembic_version.name in tables:
                current = connection.scalar(select(alembic_version.c.version_num))
        if current == SCHEMA_REVISION:
            return
        if current is None and tables:
            raise NotAPlannerDatabase(
                f"{self.describe()} is a database, but not one the Planner made"
            )
        # Alembic costs most of a second to import: only a new or older database pays for it.
        from planner.store import migrate

        if current is not None and current not in migrate.known_revisions():
            raise NewerDatabase(
                f"{self.describe()} was made by a newer version of the Planner "
                f"(schema {current}); install that version to open it"
            )
        migrate.upgrade(self.engine)

    def describe(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string()

    @contextmanager
    def transaction(self) -> Iterator[Repository]:
        """One user action: everything done through the repository commits together, or not at all."""
        session: Session = self._sessions()
        try:
            with session.begin():
                yield Repository(session)
        except DatabaseError as error:
            raise _translate(error, self.path) from error
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _translate(error: DatabaseError, path: Path | None) -> StoreError:
    text = str(error.orig)
    where = str(path) if path else "the database"
    if isinstance(error, OperationalError) and "locked" in text:
        return DatabaseBusy(f"{where} is locked by another program; try again in a moment")
    if "not a database" in text or "malformed" in text:
        return NotAPlannerDatabase(f"{where} is damaged or is not a database file ({text})")
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailable(f"{where} is read-only: changes cannot be saved there")
    if "disk" in text and "full" in text:
        return DatabaseUnavailable(f"the disk holding {where} is full: nothing was saved")
    if "unable to open" in text:
        return DatabaseUnavailable(f"{where} cannot be opened ({text})")
    return StoreError(f"{where}: {text}")
