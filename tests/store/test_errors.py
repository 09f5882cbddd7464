"""SQLite's errors sorted by their result code: the user's problems with the file get a message and
a way out; anything else is a bug in the Planner and is raised as it is, never "Not saved"."""

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc

import planner.store.connection as store_connection
from planner.store.connection import translate
from planner.store.database import Database
from planner.store.errors import DatabaseBusy, DatabaseUnavailable, NotAPlannerDatabase, StoreError
from tests.dockets import add_judge_with_cases


def _error(connection: sqlite3.Connection, sql: str, *values: object) -> sqlite3.Error:
    """The error SQLite really raises for ``sql``."""
    with pytest.raises(sqlite3.Error) as caught:
        connection.execute(sql, values)
    return caught.value


@pytest.fixture
def raw(db_path: Path) -> sqlite3.Connection:
    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 1)
    database.close()
    connection = sqlite3.connect(db_path, isolation_level=None)
    yield connection
    connection.close()


def test_a_missing_column_is_a_bug_whose_message_sounds_like_a_full_disk(
    raw: sqlite3.Connection, db_path: Path
) -> None:
    # The message names the missing column: matching words in it took it for a full, read-only
    # or locked disk.
    for column in ("disk_full", "readonly", "locked", "malformed", "unable to open"):
        error = _error(raw, f"SELECT [{column}] FROM judges")
        assert translate(error, db_path) is None, column


def test_a_constraint_and_wrong_bindings_are_bugs(raw: sqlite3.Connection, db_path: Path) -> None:
    duplicate = _error(raw, "INSERT INTO judges SELECT * FROM judges")
    assert isinstance(duplicate, sqlite3.IntegrityError)
    bindings = _error(raw, "SELECT name FROM judges WHERE name = ?", "Ortiz", "extra")
    assert isinstance(bindings, sqlite3.ProgrammingError)
    syntax = _error(raw, "SELEC 1")
    for error in (duplicate, bindings, syntax):
        assert translate(error, db_path) is None, error


def test_known_conditions_are_told_by_their_code(raw: sqlite3.Connection, db_path: Path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    raw.execute("BEGIN IMMEDIATE")
    try:
        busy = _error(other, "BEGIN IMMEDIATE")
    finally:
        raw.execute("ROLLBACK")
        other.close()
    assert isinstance(translate(busy, db_path), DatabaseBusy)

    raw.execute("PRAGMA query_only = ON")
    read_only = _error(raw, "DELETE FROM judges")
    raw.execute("PRAGMA query_only = OFF")
    assert "read-only" in str(translate(read_only, db_path))

    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.execute(f"PRAGMA max_page_count = {pages}")
    full = _error(raw, "CREATE TABLE filler AS SELECT zeroblob(100000) AS b")
    assert "is full: nothing was saved" in str(translate(full, db_path))

    cannot = sqlite3.OperationalError  # what connecting raises for a missing folder
    with pytest.raises(cannot) as caught:
        sqlite3.connect((db_path.parent / "gone").as_uri() + "/x.sqlite?mode=ro", uri=True)
    assert isinstance(translate(caught.value, db_path), DatabaseUnavailable)

    notes = db_path.with_name("notes.sqlite")
    notes.write_bytes(b"These are my notes, not a database." * 200)
    text = sqlite3.connect(notes)
    not_a_database = _error(text, "SELECT * FROM sqlite_master")
    text.close()
    assert isinstance(translate(not_a_database, notes), NotAPlannerDatabase)


def test_a_missing_column_reaches_the_user_as_a_bug_not_as_not_saved(db_path: Path) -> None:
    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 3)
    database.close()
    with sqlite3.connect(db_path) as raw:  # as a faulty migration would leave it
        raw.execute("ALTER TABLE judges RENAME COLUMN quota TO quota_full_disk")
    database = Database.open(db_path)
    try:
        with (
            pytest.raises(sqlite3.OperationalError, match="no such column") as read,
            database.read() as reader,
        ):
            reader.judges()
        assert not isinstance(read.value, StoreError)
        with pytest.raises(sqlalchemy.exc.OperationalError, match="quota"):
            add_judge_with_cases(database, "Baker", 1, first=200_000_000)
    finally:
        database.close()


def test_an_error_without_a_code_is_a_bug(db_path: Path) -> None:
    assert translate(ValueError("disk is full, database is locked"), db_path) is None


def test_a_full_disk_seen_as_an_io_error_is_called_full(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk SQLite cannot grow its shared-memory file and says "disk I/O error"
    (SQLITE_IOERR_SHMSIZE): seen on a full tmpfs. A real full disk is tried, where the system
    allows it, by tests/reliability/test_full_disk.py."""
    Database.open(db_path).close()
    shm_size = sqlite3.OperationalError("disk I/O error")
    shm_size.sqlite_errorcode = 4874  # type: ignore[attr-defined]
    shm_size.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # type: ignore[attr-defined]
    monkeypatch.setattr(store_connection, "free_space", lambda _folder: 0)
    assert "is full: nothing was saved" in str(translate(shm_size, db_path))
    monkeypatch.setattr(store_connection, "free_space", lambda _folder: 10 * 2**30)
    told = str(translate(shm_size, db_path))
    assert "is full" not in told
    assert "disk I/O error" in told  # what the drive said, and the way out
    assert "drive" in told
