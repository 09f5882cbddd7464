"""Checking a backup before it is restored, as strictly as the Planner's own files: it must be a
Planner database of a schema this version knows, with exactly the tables and indexes the Planner
makes (no trigger or view it did not create), whole, and every row a value the model accepts.

The check runs on a copy (the caller's scratch file), which Database.open upgrades to today's
schema first: an older Planner's backup is compared with what the Planner makes today.
"""

import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from pathlib import Path

from planner.store.errors import NotAPlannerDatabase, StoreError

#: A schema's shape: every entry of sqlite_master (type, name, table), and each table's columns,
#: indexes and foreign keys as SQLite describes them.
Shape = tuple[tuple[object, ...], ...]


def check_restorable(scratch: Path, shown: Path) -> None:
    """Refuse (NotAPlannerDatabase, naming ``shown``) the database copied to ``scratch`` unless
    the Planner could have written it. ``scratch`` is upgraded to today's schema."""
    from planner.store.database import Database

    def refuse(reason: str) -> NotAPlannerDatabase:
        return NotAPlannerDatabase(f"{shown} cannot be restored: {reason}. Nothing was changed")

    try:
        database = Database.open(scratch)
    except StoreError as error:
        raise refuse(str(error).replace(str(scratch), "it")) from None
    try:
        if _shape(scratch) != _expected_shape():
            raise refuse(
                "its tables are not the Planner's (it has tables, columns, indexes, triggers or "
                "views the Planner does not make)"
            )
        with closing(sqlite3.connect(scratch)) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems != ["ok"]:
            raise refuse(f"it is damaged ({problems[0]})")
        if broken:
            refer = "refers to a row that is" if len(broken) == 1 else "refer to rows that are"
            raise refuse(f"{len(broken):,} of its rows {refer} not there")
        try:
            with database.transaction() as repo:
                for judge in repo.judges():
                    assert judge.id is not None
                    repo.load_docket(judge.id)
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            raise refuse(f"it holds a value the Planner cannot accept ({error})") from None
    finally:
        database.close()


def _shape(path: Path) -> Shape:
    with closing(sqlite3.connect(path)) as connection:
        entries = sorted(connection.execute("SELECT type, name, tbl_name FROM sqlite_master"))
        tables = [name for kind, name, _table in entries if kind == "table"]
        details: list[tuple[object, ...]] = []
        for table in tables:
            # Table-valued pragmas, the table's name bound as a parameter.
            columns = connection.execute("SELECT * FROM pragma_table_info(?)", (table,))
            keys = connection.execute(
                'SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) '
                'ORDER BY "from"',
                (table,),
            )
            indexes = connection.execute(
                'SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name', (table,)
            )
            details.append((table, tuple(columns), tuple(keys), tuple(indexes)))
    return (tuple(entries), tuple(details))


@cache
def _expected_shape() -> Shape:
    """The shape of a new database of today's schema (made once per run)."""
    from planner.store.database import Database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "new.sqlite"
        Database.open(path).close()
        return _shape(path)
