"""Noticing that the docket file changed, without reading the docket.

SQLite's ``PRAGMA data_version`` answers, on one connection, a number that differs from the last
answer exactly when another connection has committed to the file in between: another window,
another program, ``planner import`` from the command line, or this program's own writes (they
go through SQLAlchemy's connection, not this one). Asking costs a look at the shared WAL index
(the ``-shm`` file in memory), a few microseconds: no page of the docket is read
(``benchmarks/bench_watch.py`` measures it). The connection is kept for the comparison, holds no
transaction between polls (a checkpoint never waits for it), and never writes.

The window polls ``ChangeCounter.counter()`` (``planner.ui.common.external_changes``) and
ignores a change its own action caused. A PostgreSQL store will offer the same method, counting
the LISTEN/NOTIFY notifications another session sent.
"""

import sqlite3
import threading
from pathlib import Path
from typing import Protocol

from planner.store.connection import raise_translated, translate

BUSY_WAIT_S = 0.1


class ChangeSource(Protocol):
    """What ``Database.change_counter()`` answers from: a number that changes when the stored
    data may have changed. A PostgreSQL source would count the notifications of other sessions
    (LISTEN on a connection of its own, read without blocking when asked)."""

    def counter(self) -> int: ...

    def close(self) -> None: ...


class ChangeCounter:
    """``PRAGMA data_version`` on a connection of its own to ``path`` that only ever asks that,
    opened on first use and again after ``close()``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._last: int | None = None
        #: Added to a reopened connection's numbers, so that they go on from the last answer:
        #: a commit made while it was closed is not hidden by a new connection's equal number.
        self._offset = 0

    def counter(self) -> int:
        """A number that differs from the previous answer when another connection committed
        since (the first answer after opening is only a starting point)."""
        with self._lock:
            try:
                reopened = self._connection is None
                if self._connection is None:
                    # A short wait if the file is busy (recovering its WAL): the window's
                    # timer must not stall; the poll fails, and the next one asks again.
                    connection = sqlite3.connect(
                        self._path, timeout=BUSY_WAIT_S, check_same_thread=False
                    )
                    connection.isolation_level = None  # no transaction held between polls
                    self._connection = connection
                value = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as error:
                raise_translated(error, translate(error, self._path))
            if reopened and self._last is not None:  # a new connection: count on, as changed
                self._offset = self._last + 1 - value
            self._last = value + self._offset
            return self._last

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
