"""What differs between the two engines on the read path: the text of a statement and the stored
form of a value. One module, so each difference is written once.

Each read statement is written once, with ``:name`` placeholders and two markers, and rendered
for each engine (once per text, cached):

- ``IN :ids`` -- a bound list: SQLite reads it as a JSON array (``IN (SELECT value FROM
  json_each(:ids))``), PostgreSQL as an array (``= ANY(%(ids)s)``);
- ``CONTAINS(a, :b)`` -- a substring test: ``instr(a, :b) > 0`` or ``strpos(a, %(b)s) > 0``;
- ``DAYS_AFTER(a, :n)`` -- the day ``n`` days after the date ``a`` (NULL when either is):
  ``date(a, :n || ' days')`` or ``(a + CAST(%(n)s AS integer))``;
- ``DAY_OF(a)`` -- the day of the moment ``a``: ``date(a)`` or ``CAST(a AS date)``.

SQLite's ``CROSS JOIN table AS t ON condition`` is an inner join whose order its planner keeps:
the left side's rows, then for each the right side's by an index. On PostgreSQL it is a LATERAL
subquery the planner may not flatten (``OFFSET 0``), so the order is kept there too: written as a
plain join, PostgreSQL hashed every hearing of the court for each judge's forecast (120 s for the
400 judges of the national demo, docs/performance.md).

Values go through the engine's codec: SQLite keeps dates and times as ISO text and flags as 0
or 1 (as SQLAlchemy's SQLite types store them, so both halves of the store read and write the
same text); psycopg binds and returns ``date``, ``datetime``, ``time`` and ``bool`` itself.

Plain Python, no driver imported: the SQLite path never loads psycopg, neither path SQLAlchemy.
"""

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Final, Protocol, cast

_LIST = re.compile(r"\bIN :(\w+)")
_CONTAINS = re.compile(r"\bCONTAINS\(([^,()]+), ([^()]+)\)")
_DAYS_AFTER = re.compile(r"\bDAYS_AFTER\(([^,()]+), ([^()]+)\)")
_DAY_OF = re.compile(r"\bDAY_OF\(([^()]+)\)")
_PLACEHOLDER = re.compile(r"(?<![:\w]):(\w+)")
_CROSS_JOIN = re.compile(r"\bCROSS JOIN (\w+) AS (\w+) ON (.+?) (?=WHERE\b|GROUP BY\b|ORDER BY\b)")


def search_form(text: str | None) -> str | None:
    """Text as a search compares it, case and accents folded: "Pérez", "PEREZ" and "perez" alike
    (SQL's lower() folds only ASCII on SQLite). The store keeps it beside a case's name
    (``cases.name_search``) and searches for it there."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Dialect:
    """An engine's text of a statement and stored form of each kind of value. SQLite's."""

    name: str = "sqlite"

    def sql(self, statement: str) -> str:
        """The statement as this engine's driver takes it."""
        return _render_sqlite(statement)

    # Values bound --------------------------------------------------------------------------

    def day(self, day: date) -> object:
        return day.isoformat()

    def moment(self, moment: datetime) -> object:
        return moment.isoformat(" ", "microseconds")

    def time(self, value: dt.time) -> object:
        return value.isoformat("microseconds")

    def flag(self, value: bool) -> object:
        return int(value)

    def ids(self, values: Sequence[int | str]) -> object:
        """A list bound under an ``IN :name`` marker."""
        return json.dumps(list(values))

    # Values read ---------------------------------------------------------------------------

    def read_day(self, stored: object) -> date:
        assert isinstance(stored, str), stored
        return date.fromisoformat(stored)

    def read_moment(self, stored: object) -> datetime:
        assert isinstance(stored, str), stored
        return datetime.fromisoformat(stored)

    def read_time(self, stored: object) -> dt.time:
        assert isinstance(stored, str), stored
        return dt.time.fromisoformat(stored)

    def read_flag(self, stored: object) -> bool:
        return bool(stored)

    def maybe_day(self, stored: object) -> date | None:
        return None if stored is None else self.read_day(stored)

    def maybe_moment(self, stored: object) -> datetime | None:
        return None if stored is None else self.read_moment(stored)

    # Whole columns read (a docket's thousands of rows) ----------------------------------------
    # The reading function itself, bound once by the caller: on SQLite the C parser, no method
    # call or check of its own per value (``case_facts_of``: 5,000 cases a few ms sooner).

    @property
    def day_reader(self) -> Callable[[Any], date]:
        """``read_day`` as one function for a column's every (non-NULL) value."""
        return date.fromisoformat

    @property
    def moment_reader(self) -> Callable[[Any], datetime]:
        """``read_moment`` as one function for a column's every (non-NULL) value."""
        return datetime.fromisoformat


class PostgresDialect(Dialect):
    """PostgreSQL through psycopg 3: its own types both ways, lists bound as arrays."""

    name = "postgresql"

    def sql(self, statement: str) -> str:
        return _render_postgresql(statement)

    def day(self, day: date) -> object:
        return day

    def moment(self, moment: datetime) -> object:
        return moment

    def time(self, value: dt.time) -> object:
        return value

    def flag(self, value: bool) -> object:
        return bool(value)

    def ids(self, values: Sequence[int | str]) -> object:
        return list(values)

    def read_day(self, stored: object) -> date:
        assert isinstance(stored, date), stored
        return stored

    def read_moment(self, stored: object) -> datetime:
        assert isinstance(stored, datetime), stored
        return stored

    def read_time(self, stored: object) -> dt.time:
        assert isinstance(stored, dt.time), stored
        return stored

    @property
    def day_reader(self) -> Callable[[Any], date]:
        return cast(Callable[[Any], date], _as_read)

    @property
    def moment_reader(self) -> Callable[[Any], datetime]:
        return cast(Callable[[Any], datetime], _as_read)


def _as_read(stored: object) -> object:
    """A value the driver gave as it is (psycopg's ``date`` and ``datetime``)."""
    return stored


SQLITE: Final = Dialect()
POSTGRESQL: Final = PostgresDialect()


@lru_cache(maxsize=512)
def _render_sqlite(statement: str) -> str:
    statement = _LIST.sub(r"IN (SELECT value FROM json_each(:\1))", statement)
    statement = _DAYS_AFTER.sub(r"date(\1, \2 || ' days')", statement)
    statement = _DAY_OF.sub(r"date(\1)", statement)
    return _CONTAINS.sub(r"instr(\1, \2) > 0", statement)


@lru_cache(maxsize=512)
def _render_postgresql(statement: str) -> str:
    statement = statement.replace("%", "%%")  # psycopg's placeholders begin with one
    statement = _LIST.sub(r"= ANY(:\1)", statement)
    statement = _CONTAINS.sub(r"strpos(\1, \2) > 0", statement)
    statement = _DAYS_AFTER.sub(r"(\1 + CAST(\2 AS integer))", statement)
    statement = _DAY_OF.sub(r"CAST(\1 AS date)", statement)
    statement = _CROSS_JOIN.sub(
        r"CROSS JOIN LATERAL (SELECT * FROM \1 AS \2 WHERE \3 OFFSET 0) AS \2 ", statement
    )
    return _PLACEHOLDER.sub(r"%(\1)s", statement)


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class DriverConnection(Protocol):
    """What the read path asks of a driver's connection: ``sqlite3``'s or psycopg's."""

    def execute(self, sql: Any, parameters: Any = ..., /) -> Cursor: ...

    def rollback(self) -> None: ...


class Link:
    """A driver's connection in an open transaction, and its engine's dialect: every read
    statement runs through ``rows`` or ``one``, written once, rendered for the engine."""

    def __init__(self, connection: DriverConnection, dialect: Dialect) -> None:
        self.connection = connection
        self.dialect = dialect

    def rows(self, statement: str, values: Mapping[str, object] | None = None) -> Cursor:
        return self.connection.execute(self.dialect.sql(statement), dict(values or {}))

    def one(self, statement: str, values: Mapping[str, object] | None = None) -> tuple[Any, ...]:
        row = self.rows(statement, values).fetchone()
        assert row is not None, statement
        return tuple(row)
