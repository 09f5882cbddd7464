"""Opening a docket database: the engine, SQLite's connection pragmas, migrations, transactions."""

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.dialects import sqlite as _loaded_with_the_store  # noqa: F401
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from planner.store.errors import (
    DatabaseBusy,
    DatabaseUnavailable,
    NewerDatabase,
    NotAPlannerDatabase,
    StaleEdit,
    StoreError,
)
from planner.store.private_files import create_private
from planner.store.repository import Repository
from planner.store.tables import SCHEMA_REVISION, alembic_version

# The SQLite dialect is imported with the store, not at the first create_engine: the window
# imports the store before Qt, whose import hook would read the source of every dialect module.

BUSY_TIMEOUT_MS = 5000


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _listen(engine: Engine) -> None:
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The only SQLite-specific code in the store: connection settings, not queries.
    # The driver's own transaction handling starts a transaction only at the first write, so a
    # read and the write that depends on it could see two states of the file. SQLAlchemy's "begin"
    # event below says BEGIN instead, before the first read: one snapshot per user action.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on the disk, not only in the system's cache, when the user is told it is
    # saved; NORMAL would survive a crash of the Planner but could lose the last changes to a
    # power cut. A user's action is one commit, so the extra flush is not felt.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


class Database:
    """An open docket database. ``transaction()`` gives one unit of work per user action."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._identity = _identity(path) if path is not None else None
        self.editor = _user_name()
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
        _check_file(path)
        engine = create_engine(f"sqlite:///{path}")
        _listen(engine)
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
            _listen(engine)
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
        self._check_still_there()
        session: Session = self._sessions()
        try:
            with session.begin():
                yield Repository(session, self.editor)
        except DatabaseError as error:
            raise _translate(error, self.path) from error
        except StaleDataError:
            raise StaleEdit(_SAME_MOMENT) from None
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def _check_still_there(self) -> None:
        """Refuse to work on a file that was moved, deleted or replaced since it was opened: on
        POSIX, SQLite would go on writing to the deleted file, and every change would be lost."""
        if self.path is None:
            return
        now = _identity(self.path)
        if now is None:
            raise DatabaseUnavailable(
                f"{self.path} is no longer there (moved, deleted, or its drive disconnected): "
                "nothing was saved. Put it back, open another file, or restore a backup"
            )
        if now != self._identity:
            raise DatabaseUnavailable(
                f"{self.path} was replaced by another file since it was opened: nothing was "
                "saved. Open it again to work on the new file"
            )


def _user_name() -> str:
    """Who is working here: the operating system's user name, kept with each saved row."""
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return ""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


#: SQLite's file header: the magic string, and where the page size and page count are.
_MAGIC = b"SQLite format 3\0"


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is read-only or shorter than its header says
    (truncated, as by a copy that did not finish): SQLite would find out only page by page."""
    if not os.access(path, os.R_OK):
        raise DatabaseUnavailable(f"{path} cannot be read: you do not have permission to open it")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        where = path if not os.access(path, os.W_OK) else path.parent
        raise DatabaseUnavailable(
            f"{where} is read-only, so the Planner could not save changes to {path.name}. Copy "
            "the file to a folder you can write to and open the copy, or open another file"
        )
    with open(path, "rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(_MAGIC):
        return  # empty (a new database) or not SQLite at all: SQLite says which
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the page count is kept up to date
    if valid and pages and path.stat().st_size < pages * page_size:
        raise NotAPlannerDatabase(
            f"{path} is damaged: it is shorter than it should be (cut off, as by a copy that did "
            "not finish). Restore a backup, or open another file"
        )


#: An edit that lost a race: both read the same row, and the other one saved first.
_SAME_MOMENT = (
    "someone else saved a change to the same entry at the same moment, so yours was not saved. "
    "The view now shows theirs: make your change again if it still applies"
)
#: SQLite's SQLITE_BUSY_SNAPSHOT: this transaction read a state another has since changed.
_BUSY_SNAPSHOT = 517


def _translate(error: DatabaseError, path: Path | None) -> StoreError:
    text = str(error.orig)
    where = str(path) if path else "the database"
    if getattr(error.orig, "sqlite_errorcode", None) == _BUSY_SNAPSHOT:
        return StaleEdit(_SAME_MOMENT)
    if isinstance(error, OperationalError) and "locked" in text:
        return DatabaseBusy(f"{where} is locked by another program; try again in a moment")
    if "not a database" in text or "malformed" in text:
        return NotAPlannerDatabase(
            f"{where} is damaged or is not a database file ({text}). Restore a backup, or open "
            "another file"
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailable(f"{where} is read-only: changes cannot be saved there")
    if "disk" in text and "full" in text:
        return DatabaseUnavailable(f"the disk holding {where} is full: nothing was saved")
    if "unable to open" in text:
        return DatabaseUnavailable(f"{where} cannot be opened ({text})")
    return StoreError(f"{where}: {text}")
