"""The court server's read connections: psycopg 3, imported with this module, which only a
``postgresql://`` database imports (the SQLite path never loads it).

A small pool of plain psycopg connections, each used by one read at a time; each read is one
snapshot (``Database.read()`` begins ``REPEATABLE READ READ ONLY``). Server errors in words the
user can act on.
"""

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg.rows import TupleRow

from planner.store.errors import DatabaseUnavailable, StoreError

#: Idle connections kept for the next reads (the window's and a worker thread's, at most a few
#: at once); more are opened when needed and closed after.
POOL_SIZE = 4

BEGIN_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

_DRIVER = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")
_PASSWORD = re.compile(r"^(\w+(?:\+\w+)?://[^:/@]*):[^@/]*@")


def libpq_url(url: str) -> str:
    """The URL as libpq reads it: ``postgresql+psycopg://`` (SQLAlchemy's) becomes
    ``postgresql://``."""
    return _DRIVER.sub("postgresql://", url, count=1)


def shown(url: str) -> str:
    """The URL as the user may see it: any password in it hidden."""
    return _PASSWORD.sub(r"\1:***@", url, count=1)


class ServerConnections:
    """Connections to one PostgreSQL database for reading, each used by one read at a time."""

    def __init__(self, url: str, *, password: str | None = None) -> None:
        self._url = libpq_url(url)
        self._password = password
        self._idle: list[psycopg.Connection[TupleRow]] = []
        self._lock = threading.Lock()
        self._closed_at = 0  # counts close(): a connection out during one is closed on return

    @contextmanager
    def borrowed(self) -> Iterator["psycopg.Connection[TupleRow]"]:
        """An idle connection, or a new one (autocommit: each read begins its own
        transaction); given back at the end, unless broken, closed since, or the pool full."""
        with self._lock:
            generation = self._closed_at
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = psycopg.connect(self._url, autocommit=True, password=self._password)
        try:
            yield connection
        finally:
            with self._lock:
                keep = (
                    generation == self._closed_at
                    and not connection.closed
                    and not connection.broken
                    and len(self._idle) < POOL_SIZE
                )
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


def schema_state(
    connection: "psycopg.Connection[TupleRow]",
) -> tuple[set[str], str | None]:
    """The database's tables (in its current schema) and its Alembic revision (None: none)."""
    tables = {
        str(name)
        for (name,) in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    }
    if "alembic_version" not in tables:
        return tables, None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return tables, None if row is None else str(row[0])


def translate(error: BaseException, where: str) -> StoreError | None:
    """A server's error as the user's problem with the connection, by SQLSTATE class; ``None``
    when it is not one (a bug, raised as it is)."""
    if not isinstance(error, psycopg.Error):
        return None
    state = error.sqlstate or ""
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if state.startswith("28") or state == "3D000":  # authorization; no such database
        return DatabaseUnavailable(f"the court server refused {where}: {first_line}")
    if state == "42501":
        return DatabaseUnavailable(f"the court server does not allow this ({first_line})")
    if isinstance(error, psycopg.OperationalError):
        return DatabaseUnavailable(
            f"the court server at {where} cannot be reached ({first_line}). Check the address "
            "and that the server is running, or work on a local file"
        )
    return None
