"""SQLAlchemy's side of an open docket file: the engine, one ORM session per user action, and the
schema's migrations.

Made at the first write (or when a file needs creating or upgrading), not at start-up: the
window's first screen is read without SQLAlchemy (``planner.store.reader``).
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from planner.store import connection as sqlite_connection
from planner.store.connection import SAME_MOMENT, raise_translated, translate
from planner.store.errors import StaleEdit, StoreError
from planner.store.repository import Repository


class Sessions:
    """The engine on one file (or, for the court server, one PostgreSQL database), and its
    transactions as the store's ``Repository``."""

    def __init__(self, path: Path) -> None:
        # The path as the URL's database, never pasted into a URL's text: a '?', '%' or '#' in
        # it would be read as the URL's query or fragment (and 'a?b.sqlite' open a file 'a').
        # SQLAlchemy hands it to sqlite3.connect as a file name, not as a URI.
        self.engine: Engine = create_engine(URL.create("sqlite", database=str(path)))
        event.listen(self.engine, "connect", _configure)
        event.listen(self.engine, "begin", _begin)
        self._path: Path | None = path
        self._init_sessions()

    @classmethod
    def on_server(
        cls,
        url: str | URL,
        *,
        password: str | None = None,
        application_name: str | None = None,
    ) -> "Sessions":
        """Sessions on a PostgreSQL database (``postgresql://USER@HOST/DBNAME``), through
        psycopg 3, imported here and only here. Each transaction sees one snapshot
        (REPEATABLE READ), as a SQLite transaction does: a write that lost a race with another
        session's is refused (``StaleEdit``), never applied over a state it did not read.

        ``password``: the login's, if the server asks (else libpq's ``~/.pgpass`` or
        ``PGPASSWORD``), given to the driver, never put in the URL. ``application_name``: the
        connections' name, which the change notices carry (``planner.store.watch``)."""
        connect_args: dict[str, str] = {}
        if password is not None:
            connect_args["password"] = password
        if application_name is not None:
            connect_args["application_name"] = application_name
        sessions = cls.__new__(cls)
        sessions.engine = create_engine(
            server_url(url),
            isolation_level="REPEATABLE READ",
            pool_pre_ping=True,
            connect_args=connect_args,
        )
        sessions._path = None
        sessions._init_sessions()
        return sessions

    def _init_sessions(self) -> None:
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
            raise_translated(
                error,
                translate(error.orig or error, self._path)
                or _server_race(error)
                or _server_refusal(error, self.engine),
            )
        except sqlite3.Error as error:  # from the plain reads the repository makes
            raise_translated(error, translate(error, self._path))
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
            raise_translated(error, translate(error.orig or error, self._path))

    def close(self) -> None:
        self.engine.dispose()


def server_url(url: str | URL) -> URL:
    """SQLAlchemy's URL of a PostgreSQL database, on psycopg 3 whatever driver it named (or
    none: ``postgresql://`` would mean psycopg2, which the Planner does not install)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"not a PostgreSQL URL: {parsed.render_as_string(hide_password=True)}")
    return parsed.set(drivername="postgresql+psycopg")


#: PostgreSQL's SQLSTATEs of a transaction that lost a race: a serialization failure (it read a
#: row another transaction has since changed) and a deadlock.
_RACES = {"40001", "40P01"}


def _server_race(error: DatabaseError) -> StaleEdit | None:
    if getattr(error.orig, "sqlstate", None) in _RACES:
        return StaleEdit(SAME_MOMENT)
    return None


def _server_refusal(error: DatabaseError, engine: Engine) -> StoreError | None:
    """A change the court server refused to this login, as the rule it broke (``court_access``)."""
    if getattr(error.orig, "sqlstate", None) is None:
        return None  # SQLite's, or no server's answer
    from planner.store import court_access

    return court_access.refusal(error, engine)


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
