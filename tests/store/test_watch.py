"""The change counter the window polls: it moves when a commit changed the stored data, and only
then; on SQLite (``PRAGMA data_version``) and on the court server (LISTEN/NOTIFY, where this
program's own writes are not counted: their notices arrive after the window has reloaded)."""

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.store.backup import take_backup
from planner.store.database import Database

#: How long a server's notification may take to reach the listening thread (the window's bound).
WITHIN_S = 2.0


def _where(database: Database) -> Path | str:
    where = database.path if database.path is not None else database.url
    assert where is not None
    return where


def _moved_from(database: Database, before: int) -> int:
    """The counter once it differs from ``before``: at once on SQLite, once the notification
    arrived on a server (or ``before`` if nothing came within the window's bound)."""
    deadline = time.monotonic() + WITHIN_S
    now = database.change_counter()
    while now == before and database.path is None and time.monotonic() < deadline:
        time.sleep(0.02)
        now = database.change_counter()
    return now


def _ortiz(database: Database) -> int:
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Ortiz"), cases=(Case("123456789", "Ana Pérez", "asylum", date(2025, 1, 1)),)
            )
        )
    judge_id = judge_service.list_judges(database)[0].id
    assert judge_id is not None
    return judge_id


def test_reads_leave_the_counter_alone(database: Database) -> None:
    _ortiz(database)
    first = database.change_counter()
    with database.read() as reader:
        reader.judges()
    judge_service.list_judges(database)
    assert database.change_counter() == first


def test_another_connections_commit_moves_it(database: Database) -> None:
    judge_id = _ortiz(database)
    first = database.change_counter()
    other = Database.open(_where(database))  # another window, or the command line
    case_service.add_case(other, judge_id, Case("987654321", "Bo", "asylum", date(2025, 2, 1)))
    other.close()
    second = _moved_from(database, first)
    assert second != first
    assert database.change_counter() == second  # asked again, nothing new


def test_on_a_file_this_programs_own_writes_move_it_too(database: Database) -> None:
    """SQLite's counter cannot tell connections apart: the window acknowledges its own."""
    if database.path is None:
        pytest.skip("a server's counter skips this program's own writes (the next test)")
    judge_id = _ortiz(database)
    first = database.change_counter()
    case_service.add_case(database, judge_id, Case("987654322", "Cy", "asylum", date(2025, 2, 1)))
    assert database.change_counter() != first  # the window's own writes are another connection


def test_on_a_server_this_programs_own_writes_are_not_counted(database: Database) -> None:
    """The notices of one session arrive in commit order: once another session's commit made
    after our own is counted, our own has been seen, and skipped."""
    if database.path is not None:
        pytest.skip("SQLite's counter moves for every commit (the test before)")
    judge_id = _ortiz(database)
    other = Database.open(_where(database))
    first = database.change_counter()
    case_service.add_case(other, judge_id, Case("987654321", "Bo", "asylum", date(2025, 2, 1)))
    one_commit = _moved_from(database, first) - first
    assert one_commit > 0
    before = database.change_counter()
    case_service.add_case(database, judge_id, Case("987654322", "Cy", "asylum", date(2025, 2, 1)))
    case_service.add_case(other, judge_id, Case("987654323", "Di", "asylum", date(2025, 2, 1)))
    other.close()
    assert _moved_from(database, before) - before == one_commit


def test_a_checkpoint_or_a_backup_is_no_change(database: Database, tmp_path: Path) -> None:
    """The daily backup and SQLite's own checkpoints (a TRUNCATE one, which the Planner never
    asks for, does move it: one needless reload, nothing missed)."""
    if database.path is None:
        pytest.skip("SQLite's own: a server's backup is pg_dump's, which writes nothing")
    _ortiz(database)
    first = database.change_counter()
    take_backup(database.path, tmp_path / "copy.sqlite")
    plain = sqlite3.connect(database.path)
    for mode in ("PASSIVE", "FULL", "RESTART"):
        assert plain.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()[0] == 0  # done
    plain.close()
    assert database.change_counter() == first


def test_a_commit_made_while_closed_is_not_hidden_by_the_new_connection(
    database: Database,
) -> None:
    judge_id = _ortiz(database)
    first = database.change_counter()
    database.close()
    other = Database.open(_where(database))
    case_service.add_case(other, judge_id, Case("987654321", "Bo", "asylum", date(2025, 2, 1)))
    other.close()
    assert database.change_counter() != first
