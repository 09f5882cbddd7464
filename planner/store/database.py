"""Opening a docket database: checking the file (or the court server), its schema, and one
transaction per action.

A database is a SQLite file (a path) or a PostgreSQL database (a ``postgresql://`` URL: the
court server). Reads (``read()``) run on the engine's plain driver (``sqlite3``, or psycopg 3,
imported only for a URL), through the statements of ``planner.store.reader``; writes
(``transaction()``) through SQLAlchemy, which is imported and connected on the first write.
Start-up reads the judges and the docket's first page without it: most of a second the window
no longer waits for.
"""

import itertools
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from planner.store import filesystems
from planner.store.connection import (
    SCHEMA_REVISION,
    ReadConnections,
    raise_translated,
    schema_revision,
    table_names,
    translate,
)
from planner.store.dialect import POSTGRESQL, SQLITE, Dialect, DriverConnection, Link
from planner.store.errors import (
    DatabaseUnavailable,
    NewerDatabase,
    NotAPlannerDatabase,
    StoreError,
)
from planner.store.private_files import create_private
from planner.store.reader import Reader
from planner.store.watch import ChangeCounter, ChangeSource, ServerChanges

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


#: Numbers the databases this program opens, for their writers' names.
_WRITERS = itertools.count(1)

#: How a court server's database is named: a PostgreSQL URL (any driver SQLAlchemy knows).
_SERVER_URL = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")


def is_server_url(where: Path | str) -> bool:
    """Whether ``where`` names a court server's database (``postgresql://...``), not a file."""
    return isinstance(where, str) and _SERVER_URL.match(where) is not None


class Database:
    """An open docket database. ``read()`` gives one consistent read, ``transaction()`` one unit
    of work per user action. ``path`` is the SQLite file; None for a court server's database,
    whose ``url`` is set instead."""

    def __init__(
        self, path: Path | None, *, url: str | None = None, password: str | None = None
    ) -> None:
        assert (path is None) != (url is None)
        self.path = path
        self.url = url
        self._password = password
        #: The ``application_name`` of this database's write connections on a server: the
        #: change notices of its own commits carry it, and its change counter skips them.
        self.writer_name = f"planner-{os.getpid()}-{next(_WRITERS)}"
        self._sessions_lock = threading.Lock()
        self._sessions: Sessions | None = None
        self._identity = None if path is None else _identity(path)
        self._dialect: Dialect
        self._readers: _Connections
        self._changes: ChangeSource
        if path is not None:
            self._dialect, self._begin = SQLITE, "BEGIN"
            self._readers = ReadConnections(path)
            self._changes = ChangeCounter(path)
        else:
            assert url is not None
            from planner.store import server  # psycopg: for a server's database only

            self._dialect, self._begin = POSTGRESQL, server.BEGIN_SNAPSHOT
            self._readers = server.ServerConnections(url, password=password)
            self._changes = ServerChanges(url, password=password, own_writes=self.writer_name)

    @cached_property
    def editor(self) -> str:
        """Who is working here (the operating system's user name), kept with each saved row:
        asked at the first write."""
        return _user_name()

    @classmethod
    def open(cls, path: Path | str, *, password: str | None = None) -> "Database":
        """Open the database at ``path`` (a file, or a court server's ``postgresql://`` URL,
        with ``password`` if the server asks for one: else libpq's ``~/.pgpass`` or
        ``PGPASSWORD``), creating it or upgrading its schema as needed."""
        if is_server_url(path):
            return cls._open_server(str(path), password)
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

    @classmethod
    def _open_server(cls, url: str, password: str | None) -> "Database":
        database = cls(None, url=url, password=password)
        try:
            database._check_schema()
        except StoreError:
            database.close()
            raise
        except Exception as error:
            database.close()
            raise_translated(error, database._translate(error))
        return database

    def _schema_state(self) -> tuple[set[str], str | None]:
        """The database's tables and its Alembic revision (None: not a Planner database)."""
        if self.path is None:
            from planner.store import server

            with self._readers.borrowed() as connection:
                return server.schema_state(connection)  # type: ignore[arg-type]
        # Looked at read-only first: the Planner's connections switch a file to WAL (bytes 18-19
        # of its header), which another program's file, or a newer Planner's, must not suffer.
        with closing(_inspecting(self.path)) as connection:
            return table_names(connection), schema_revision(connection)

    def _check_schema(self) -> None:
        tables, current = self._schema_state()
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
        """The file, or the server's URL (without its password), as the user may see it."""
        if self.path is not None:
            return str(self.path)
        from planner.store.server import shown

        assert self.url is not None
        return shown(self.url)

    def title(self) -> str:
        """The database's short name for a window's title: the file's name, or the server's
        ``dockets on court.example (clerk2)``."""
        if self.path is not None:
            return self.path.name
        assert self.url is not None
        from planner.store.locations import ServerAddress

        try:
            return ServerAddress.from_url(self.url).describe()
        except StoreError:  # a URL the Planner's own address does not write (a test's, a CLI's)
            return self.describe()

    @property
    def password(self) -> str | None:
        """The server login's password this database was opened with (in memory only; None for
        a file, or when libpq found it itself): for another connection to the same server."""
        return self._password

    @property
    def engine_name(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._dialect.name

    @contextmanager
    def read(self) -> Iterator[Reader]:
        """One consistent read (a snapshot of the file, or a ``REPEATABLE READ READ ONLY``
        transaction on the server), without SQLAlchemy."""
        self._check_still_there()
        try:
            with self._readers.borrowed() as connection:
                connection.execute(self._begin)
                try:
                    yield Reader(Link(connection, self._dialect))
                finally:
                    connection.rollback()  # nothing was written: let go of the snapshot
        except StoreError:
            raise
        except Exception as error:
            raise_translated(error, self._translate(error))

    def _translate(self, error: BaseException) -> StoreError | None:
        if self.path is not None:
            return translate(error, self.path)
        from planner.store import server

        return server.translate(error, self.describe())

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

                if self.path is not None:
                    self._sessions = Sessions(self.path)
                else:
                    assert self.url is not None
                    self._sessions = Sessions.on_server(
                        self.url, password=self._password, application_name=self.writer_name
                    )
            return self._sessions

    def _check_still_there(self) -> None:
        """Refuse to work on a file that was moved, deleted or replaced since it was opened: on
        POSIX, SQLite would go on writing to the deleted file, and every change would be lost."""
        if self.path is None:
            return  # a server's database
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


class _Connections(Protocol):
    def borrowed(self) -> AbstractContextManager[DriverConnection]: ...

    def close(self) -> None: ...


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
    import getpass  # with termios: imported by the first write, not by a read-only command

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
