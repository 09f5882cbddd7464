"""Where a docket database is: a SQLite file's path, or a court server's PostgreSQL database.

``database_location`` is the one place that decides which a ``--db`` (or a recent entry) names.
A URL is read with the standard library only: deciding costs nothing on the SQLite path (no
SQLAlchemy, no psycopg).
"""

import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

from planner.store.errors import DatabaseUnavailable

#: PostgreSQL's port when a URL names none.
DEFAULT_PORT = 5432

#: libpq's TLS modes the Planner offers, safest first. ``verify-full`` is the default: a docket
#: is confidential and the password goes to the server, so the Planner checks that the server
#: is the court's (its certificate signed by the court's authority, for this host name) before
#: it sends either; ``require`` encrypts but would talk to an impostor on the network.
TLS_MODES = ("verify-full", "verify-ca", "require", "disable")
DEFAULT_TLS = "verify-full"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")
_POSTGRESQL = re.compile(r"^postgres(?:ql)?(?:\+\w+)?$", re.IGNORECASE)


class ServerAddress(NamedTuple):
    """A PostgreSQL database on a court server, without a password (that comes from the
    system's keyring or the user, never from here)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: str = DEFAULT_TLS

    def url(self) -> str:
        """``postgresql://USER@HOST:PORT/DBNAME?sslmode=...``: no password, ever."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/"
            f"{quote(self.database, safe='')}?sslmode={self.tls}"
        )

    def describe(self) -> str:
        """How the window names it: ``dockets on court.example (clerk2)``."""
        where = self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"
        return f"{self.database} on {where} ({self.user})"

    @classmethod
    def from_url(cls, text: str) -> "ServerAddress":
        """Read ``postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=MODE]``; a password in it is
        refused (it would show in the list of processes and in the shell's history)."""
        parts = urlsplit(text.strip())
        if not _POSTGRESQL.match(parts.scheme):
            raise DatabaseUnavailable(
                f"{parts.scheme}:// is not a database the Planner opens: give a docket file's "
                "path, or a court server's postgresql://USER@HOST/DBNAME"
            )
        if parts.password is not None:
            raise DatabaseUnavailable(
                "put no password in the server's address (anyone on this computer could read "
                "it): the Planner takes it from the system's keyring or asks for it"
            )
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            raise DatabaseUnavailable(f"the port in {_shown(text)} is not a number") from None
        database = unquote(parts.path.lstrip("/"))
        if not parts.hostname or not parts.username or not database or "/" in database:
            raise DatabaseUnavailable(
                f"{_shown(text)} is not a court server's address: write "
                "postgresql://USER@HOST/DBNAME"
            )
        tls = DEFAULT_TLS
        for pair in filter(None, parts.query.split("&")):
            key, _, value = pair.partition("=")
            if key != "sslmode":
                raise DatabaseUnavailable(f"{_shown(text)}: the Planner does not take {key}=")
            if value not in TLS_MODES:
                raise DatabaseUnavailable(
                    f"sslmode={value} is not one the Planner takes: {', '.join(TLS_MODES)}"
                )
            tls = value
        return cls(parts.hostname, database, unquote(parts.username), port, tls)


def is_server_url(text: str) -> bool:
    """Whether ``text`` is written as a URL (``scheme://``) rather than a file's path. A
    Windows path (``C:\\...``) has a one-letter drive and no ``//``."""
    return _SCHEME.match(text.strip()) is not None


def database_location(text: str | Path) -> Path | ServerAddress:
    """A ``--db`` as given: a court server's address if written as a PostgreSQL URL, else a
    SQLite file's path. Another kind of URL is refused, saying what is taken."""
    if isinstance(text, Path) or not is_server_url(text):
        return Path(text)
    return ServerAddress.from_url(text)


def _shown(text: str) -> str:
    return text.strip()[:200]
