"""SQLite connections as the Planner opens them: their settings, and SQLite's errors in words
the user can act on.

Plain ``sqlite3``, no SQLAlchemy: the store's reads (``planner.store.reader``) run on it, so the
window's first screen is read before SQLAlchemy is imported. The stored forms of values (the
same as SQLAlchemy's SQLite types) are ``planner.store.dialect``'s.
"""

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from planner.store.errors import (
    DatabaseBusy,
    DatabaseUnavailable,
    NotAPlannerDatabase,
    StaleEdit,
    StoreError,
)

#: The Alembic revision this code's tables match; a test checks it is the migrations' head.
SCHEMA_REVISION = "0006_dedicated_docket"

BUSY_TIMEOUT_MS = 5000

#: An edit that lost a race: both read the same row, and the other one saved first.
SAME_MOMENT = (
    "someone else saved a change to the same entry at the same moment, so yours was not saved. "
    "The view now shows theirs: make your change again if it still applies"
)
#: Less free space than this beside the file, and an I/O error is taken for a full disk: SQLite
#: needs room for its shared-memory file (32 KiB) and the write-ahead log's pages.
_ROOM_NEEDED = 1 << 20


def configure(connection: sqlite3.Connection) -> None:
    """The settings of every connection to a docket file (SQLAlchemy's and the reader's)."""
    # The driver's own transaction handling starts a transaction only at the first write, so a
    # read and the write that depends on it could see two states of the file. Transactions are
    # begun explicitly instead (BEGIN), before the first read: one snapshot per user action.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on the disk, not only in the system's cache, when the user is told it is
    # saved; NORMAL would survive a crash of the Planner but could lose the last changes to a
    # power cut. A user's action is one commit, so the extra flush is not felt.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def connect(path: Path) -> sqlite3.Connection:
    """A configured connection to the file, usable from any thread (the caller serialises)."""
    connection = sqlite3.connect(path, check_same_thread=False)
    try:
        configure(connection)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


class ReadConnections:
    """Connections for reading one file, each used by one read at a time: a read in a worker
    thread (a court's forecast) never waits for one in the window's, nor the other way round."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed_at = 0  # counts close(): a connection out during one is closed on return

    @contextmanager
    def borrowed(self) -> Iterator[sqlite3.Connection]:
        """An idle connection, or a new one; given back (or closed, after a close()) at the end."""
        with self._lock:
            generation = self._closed_at
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = connect(self._path)
        try:
            yield connection
        finally:
            with self._lock:
                keep = generation == self._closed_at
                if keep:
                    self._idle.append(connection)
            if not keep:
                connection.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            self._closed_at += 1
        for connection in idle:
            connection.close()


def table_names(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision the file's tables are at (None: not a Planner database, or new)."""
    if "alembic_version" not in table_names(connection):
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def raise_translated(error: BaseException, known: StoreError | None) -> NoReturn:
    """Raise ``known``, the file's problem that ``translate`` found in ``error``, from it; or
    ``error`` itself, with its own traceback, when it is a bug (``known`` is None)."""
    if known is None:
        raise error
    raise known from error


def translate(error: BaseException, path: Path | None) -> StoreError | None:
    """SQLite's error as the user's problem with the file and what to do about it, told by its
    result code (https://sqlite.org/rescode.html), never by its wording; ``None`` when it is not
    such a problem (a missing column, a constraint, wrong bindings): a bug, to be raised as it is.
    """
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(error, sqlite3.Error) or not isinstance(code, int):
        return None
    where = str(path) if path else "the database"
    if code == sqlite3.SQLITE_BUSY_SNAPSHOT:  # read a state another has since changed
        return StaleEdit(SAME_MOMENT)
    primary = code & 0xFF  # an extended code keeps its primary code in the low byte
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy(f"{where} is locked by another program; try again in a moment")
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return NotAPlannerDatabase(
            f"{where} is damaged or is not a database file ({error}). Restore a backup, or open "
            "another file"
        )
    if primary == sqlite3.SQLITE_READONLY:
        return DatabaseUnavailable(
            f"{where} is read-only: changes cannot be saved there. Copy the file to a folder you "
            "can write to and open the copy, or open another file"
        )
    if primary == sqlite3.SQLITE_FULL or (primary == sqlite3.SQLITE_IOERR and _disk_full(path)):
        return DatabaseUnavailable(
            f"the disk holding {where} is full: nothing was saved. Make room on it and try again"
        )
    if primary == sqlite3.SQLITE_IOERR:
        return DatabaseUnavailable(
            f"{where} could not be read or written: the drive reported an error ({error}). "
            "Check that the drive is still connected and working, or open another file"
        )
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return DatabaseUnavailable(f"{where} cannot be opened ({error})")
    return None


def free_space(folder: Path) -> int:
    """Bytes free for the user on the disk holding ``folder``."""
    return shutil.disk_usage(folder).free


def _disk_full(path: Path | None) -> bool:
    """Whether an I/O error is a full disk: SQLite says "disk I/O error" when it cannot grow its
    shared-memory file (SQLITE_IOERR_SHMSIZE), and Python does not give the system's errno."""
    if path is None:
        return False
    try:
        return free_space(path.parent) < _ROOM_NEEDED
    except OSError:
        return False
