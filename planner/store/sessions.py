"""SQLAlchemy's side of an open docket file: the engine, one ORM session per user action, and the
schema's migrations.

Made at the first write (or when a file needs creating or upgrading), not at start-up: the
window's first screen is read without SQLAlchemy (``planner.store.reader``).
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from planner.store import connection as sqlite_connection
from planner.store.connection import SAME_MOMENT, translate
from planner.store.errors import StaleEdit
from planner.store.repository import Repository


class Sessions:
    """The engine on one file, and its transactions as the store's ``Repository``."""

    def __init__(self, path: Path) -> None:
        # The path as the URL's database, never pasted into a URL's text: a '?', '%' or '#' in
        # it would be read as the URL's query or fragment (and 'a?b.sqlite' open a file 'a').
        # SQLAlchemy hands it to sqlite3.connect as a file name, not as a URI.
        self.engine: Engine = create_engine(URL.create("sqlite", database=str(path)))
        event.listen(self.engine, "connect", _configure)
        event.listen(self.engine, "begin", _begin)
        self._path = path
        # No autobegin: a repository used after its transaction ended raises at once, instead of
        # quietly beginning a transaction (IMMEDIATE: holding the write lock) that nothing ends.
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autobegin=False)

    @contextmanager
    def transaction(self, editor: str) -> Iterator[Repository]:
        """One user action: everything done through the repository commits together, or not at
        all. ``editor``: who is saving (the operating system's user name), kept with each row."""
        session: Session = self._sessions()
        try:
            with session.begin():
                yield Repository(session, editor)
        except DatabaseError as error:
            known = translate(error.orig or error, self._path)
            if known is None:
                raise  # a bug, not the file's problem: it is reported with its traceback
            raise known from error
        except sqlite3.Error as error:  # from the plain reads the repository makes
            known = translate(error, self._path)
            if known is None:
                raise
            raise known from error
        except StaleDataError:
            raise StaleEdit(SAME_MOMENT) from None
        finally:
            session.close()

    def upgrade_schema(self) -> None:
        """Create the tables, or bring older ones up to this version's (Alembic, on first need)."""
        from planner.store import migrate

        try:
            migrate.upgrade(self.engine)
        except DatabaseError as error:
            known = translate(error.orig or error, self._path)
            if known is None:
                raise
            raise known from error

    def close(self) -> None:
        self.engine.dispose()


def prepare() -> None:
    """Do once, ahead of the first session, the ORM's set-up of the tables' classes."""
    configure_mappers()


def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    sqlite_connection.configure(dbapi_connection)  # looked up here, so a test can replace it


def _begin(connection: Connection) -> None:
    # The driver begins no transaction itself (``configure``): one snapshot per user action.
    # IMMEDIATE takes the write lock at the start: a transaction begun DEFERRED reads, then
    # upgrades to write, and SQLite cannot wait for that upgrade (its snapshot may be out of
    # date), so the busy timeout never applied and the second of two writers was refused at
    # once. Begun IMMEDIATE, the second waits (up to BUSY_TIMEOUT_MS) for the first to commit.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
