"""Opening a docket database: checking the file, its schema, and one transaction per action.

Reads (``read()``) run on a plain ``sqlite3`` connection; writes (``transaction()``) through
SQLAlchemy, which is imported and connected on the first write. Start-up reads the judges and the
docket's first page without it: most of a second the window no longer waits for.
"""

import getpass
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from planner.store import filesystems
from planner.store.connection import (
    SCHEMA_REVISION,
    ReadConnections,
    raise_translated,
    schema_revision,
    table_names,
    translate,
)
from planner.store.errors import (
    DatabaseUnavailable,
    NewerDatabase,
    NotAPlannerDatabase,
    StoreError,
)
from planner.store.private_files import create_private
from planner.store.reader import Reader
from planner.store.watch import ChangeCounter, ChangeSource

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from planner.store.repository import Repository
    from planner.store.sessions import Sessions


#: Held while SQLAlchemy is being imported: two threads importing its modules at once could
#: each find the other's half-made.
_PREPARING = threading.Lock()


def prepare_writes() -> None:
    """Import and set up SQLAlchemy now (the writes' half of the store) so that the first write
    does not wait for it: for a background thread, once the window is on screen."""
    with _PREPARING:
        from planner.store import sessions

        sessions.prepare()


class Database:
    """An open docket database. ``read()`` gives one consistent read, ``transaction()`` one unit
    of work per user action."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity = _identity(path)
        self.editor = _user_name()
        self._readers = ReadConnections(path)
        self._sessions_lock = threading.Lock()
        self._sessions: Sessions | None = None
        self._changes: ChangeSource = ChangeCounter(path)

    @classmethod
    def open(cls, path: Path | str) -> "Database":
        """Open the database at ``path``, creating it or upgrading its schema as needed."""
        path = Path(path)
        if path.exists() and path.is_dir():
            raise DatabaseUnavailable(f"{path} is a folder, not a database file")
        if not path.parent.exists():
            raise DatabaseUnavailable(f"the folder {path.parent} does not exist")
        _refuse_network_folder(path)
        try:
            create_private(path)  # a new database is the owner's alone, whatever the umask
        except OSError as error:
            raise DatabaseUnavailable(
                f"{path} cannot be created ({error.strerror or error}): choose another folder"
            ) from None
        _check_file(path)
        database = cls(path)
        try:
            database._check_schema()
        except StoreError:
            database.close()
            raise
        except sqlite3.Error as error:
            database.close()
            raise_translated(error, translate(error, path))
        return database

    def _check_schema(self) -> None:
        # Looked at read-only first: the Planner's connections switch a file to WAL (bytes 18-19
        # of its header), which another program's file, or a newer Planner's, must not suffer.
        with closing(_inspecting(self.path)) as connection:
            tables = table_names(connection)
            current = schema_revision(connection)
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
        self._orm().upgrade_schema()

    def describe(self) -> str:
        return str(self.path)

    @contextmanager
    def read(self) -> Iterator[Reader]:
        """One consistent read (a snapshot of the file), without SQLAlchemy."""
        self._check_still_there()
        try:
            with self._readers.borrowed() as connection:
                connection.execute("BEGIN")
                try:
                    yield Reader(connection)
                finally:
                    connection.rollback()  # nothing was written: let go of the snapshot
        except sqlite3.Error as error:
            raise_translated(error, translate(error, self.path))

    @contextmanager
    def transaction(self) -> Iterator["Repository"]:
        """One user action: everything done through the repository commits together, or not at all."""
        self._check_still_there()
        with self._orm().transaction(self.editor) as repository:
            yield repository

    @property
    def engine(self) -> "Engine":
        """SQLAlchemy's engine on the file (made on first use)."""
        return self._orm().engine

    def close(self) -> None:
        """Let go of every connection to the file (a later read or write opens them again)."""
        self._readers.close()
        self._changes.close()
        with self._sessions_lock:
            if self._sessions is not None:
                self._sessions.close()
                self._sessions = None

    def change_counter(self) -> int:
        """A number that changes when a commit may have changed the file since it was last
        asked, whoever made it (this program's writes too): cheap enough to poll, it reads no
        docket (``planner.store.watch``)."""
        return self._changes.counter()

    def _orm(self) -> "Sessions":
        with self._sessions_lock:
            if self._sessions is None:
                prepare_writes()  # or wait for the background thread doing it
                from planner.store.sessions import Sessions

                self._sessions = Sessions(self.path)
            return self._sessions

    def _check_still_there(self) -> None:
        """Refuse to work on a file that was moved, deleted or replaced since it was opened: on
        POSIX, SQLite would go on writing to the deleted file, and every change would be lost."""
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


def _refuse_network_folder(path: Path) -> None:
    """Refuse, before anything is created or read, a file on a network file system: SQLite's
    write-ahead log does not work there, and two computers writing it could corrupt the docket
    (``planner.store.filesystems``)."""
    kind = filesystems.network_file_system(path.parent)
    if kind is not None:
        raise DatabaseUnavailable(
            f"{path} is on a network file system ({kind}), where SQLite cannot keep a docket "
            "safe: two computers writing it at once could corrupt it. Keep the database on this "
            "computer's own disk (copy it there), or share dockets through the court server "
            "(PostgreSQL; docs/court-server.md)"
        )


def _inspecting(path: Path) -> sqlite3.Connection:
    """A read-only connection to the file, with none of the Planner's settings: reading through
    it changes nothing in the file."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


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
