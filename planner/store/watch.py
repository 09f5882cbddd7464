"""Noticing that the docket file changed, without reading the docket.

SQLite's ``PRAGMA data_version`` answers, on one connection, a number that differs from the last
answer exactly when another connection has committed to the file in between: another window,
another program, ``planner import`` from the command line, or this program's own writes (they
go through SQLAlchemy's connection, not this one). Asking costs a look at the shared WAL index
(the ``-shm`` file in memory), a few microseconds: no page of the docket is read
(``benchmarks/bench_watch.py`` measures it). The connection is kept for the comparison, holds no
transaction between polls (a checkpoint never waits for it), and never writes.

The window polls ``ChangeCounter.counter()`` (``planner.ui.common.external_changes``) and
ignores a change its own action caused. On the court server (PostgreSQL), ``ServerChanges``
answers the same method: it counts the notifications that the triggers of migration
``0004_change_notices`` send on commit, received by a thread on a connection of its own
(LISTEN), so the window's timer never waits for the network.
"""

import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from planner.store.connection import raise_translated, translate
from planner.store.errors import DatabaseUnavailable

if TYPE_CHECKING:
    import psycopg

BUSY_WAIT_S = 0.1

#: The channel the triggers notify (``0004_change_notices``).
CHANNEL = "planner_changes"
#: How long the listening thread waits for a notification before looking whether it should
#: stop: ``close()`` takes at most this long.
LISTEN_WAIT_S = 0.25
#: How long connecting may take before the server counts as unreachable, and how long the
#: thread waits before trying again after losing the connection.
CONNECT_TIMEOUT_S = 5
RETRY_S = 2.0


class ChangeSource(Protocol):
    """What ``Database.change_counter()`` answers from: a number that changes when the stored
    data may have changed. A PostgreSQL source would count the notifications of other sessions
    (LISTEN on a connection of its own, read without blocking when asked: ``ServerChanges``)."""

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


class ServerChanges:
    """The notifications of the court server's ``planner_changes`` channel, counted.

    A thread of its own holds a plain psycopg connection in autocommit that LISTENs and waits
    for notifications (``Connection.notifies`` with a timeout); ``counter()`` only reads the
    count under a lock. The first ``counter()`` connects and waits for the LISTEN to be in
    place (the first answer is a starting point, as on SQLite); a lost connection is tried
    again every ``RETRY_S`` seconds, ``counter()`` raising ``DatabaseUnavailable`` meanwhile,
    and a new connection counts as a change (a notification sent while away is lost).

    ``own_writes``: the ``application_name`` of this program's own write connections; their
    notifications are not counted, because the window reloads after its own action anyway
    (on SQLite the counter is read right after the commit; a notification arrives later).
    """

    def __init__(
        self, url: str, *, password: str | None = None, own_writes: str | None = None
    ) -> None:
        self._conninfo = libpq_url(url)
        parts = urlsplit(self._conninfo)
        self._where = f"{parts.hostname}:{parts.port or 5432}"
        self._password = password
        self._own_writes = own_writes
        self._lock = threading.Lock()
        self._count = 0
        self._problem: str | None = None
        self._connected = False
        #: Connected once already (also before a ``close()``): the next connection counts as
        #: a change, since what was sent while away is lost.
        self._ever_connected = False
        self._first_attempt = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def counter(self) -> int:
        """The number of other sessions' commits noticed so far (moves by one or more per
        commit that changed the docket's tables)."""
        with self._lock:
            if self._thread is None:
                self._stop.clear()
                self._first_attempt.clear()
                self._thread = threading.Thread(
                    target=self._listen, name="server-changes", daemon=True
                )
                self._thread.start()
        self._first_attempt.wait(CONNECT_TIMEOUT_S + 1)
        with self._lock:
            if not self._connected:
                raise DatabaseUnavailable(
                    self._problem or "the court server did not answer in time"
                )
            return self._count

    def close(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        self._stop.set()
        if thread is not None:
            thread.join(CONNECT_TIMEOUT_S + 1)

    def _listen(self) -> None:
        import psycopg

        # A server's alone, like psycopg: its address's module is off the SQLite path.
        from planner.store.server_login import first_line

        while not self._stop.is_set():
            try:
                with self._connect() as connection:
                    connection.execute("LISTEN planner_changes")  # CHANNEL
                    with self._lock:
                        self._connected, self._problem = True, None
                        if self._ever_connected:  # what was sent while away is lost
                            self._count += 1
                        self._ever_connected = True
                    self._first_attempt.set()
                    while not self._stop.is_set():
                        for notice in connection.notifies(timeout=LISTEN_WAIT_S):
                            self._notice(notice.payload)
            except psycopg.Error as error:
                with self._lock:
                    self._connected = False
                    self._problem = f"the court server {self._where}: {first_line(str(error))}"
                self._first_attempt.set()
                self._pause(RETRY_S)

    def _pause(self, seconds: float) -> None:
        """Wait before the next try, in short sleeps, ending early when stopped. Not a timed wait
        on the event: under a faked clock (CI's faketime) one never times out."""
        for _ in range(round(seconds / 0.1)):
            if self._stop.is_set():
                return
            time.sleep(0.1)

    def _connect(self) -> "psycopg.Connection[tuple[object, ...]]":
        import psycopg

        return psycopg.Connection.connect(
            self._conninfo,
            autocommit=True,
            password=self._password,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="planner-watch",
        )

    def _notice(self, payload: str) -> None:
        _table, _, writer = payload.partition(" ")
        if self._own_writes is not None and writer == self._own_writes:
            return
        with self._lock:
            self._count += 1


def libpq_url(url: str) -> str:
    """A PostgreSQL URL as libpq reads it: SQLAlchemy's ``postgresql+psycopg://`` names a
    driver that libpq does not know."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql://", url)
