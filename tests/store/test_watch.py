"""The change counter the window polls: it moves when a commit changed the file, and only then."""

import sqlite3
from datetime import date
from pathlib import Path

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.store.backup import take_backup
from planner.store.database import Database


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


def test_another_connections_commit_moves_it_and_so_do_this_programs_own(
    database: Database,
) -> None:
    judge_id = _ortiz(database)
    first = database.change_counter()
    other = Database.open(database.path)  # another window, or the command line
    case_service.add_case(other, judge_id, Case("987654321", "Bo", "asylum", date(2025, 2, 1)))
    other.close()
    second = database.change_counter()
    assert second != first
    assert database.change_counter() == second  # asked again, nothing new
    case_service.add_case(database, judge_id, Case("987654322", "Cy", "asylum", date(2025, 2, 1)))
    assert database.change_counter() != second  # the window's own writes are another connection


def test_a_checkpoint_or_a_backup_is_no_change(database: Database, tmp_path: Path) -> None:
    """The daily backup and SQLite's own checkpoints (a TRUNCATE one, which the Planner never
    asks for, does move it: one needless reload, nothing missed)."""
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
    other = Database.open(database.path)
    case_service.add_case(other, judge_id, Case("987654321", "Bo", "asylum", date(2025, 2, 1)))
    other.close()
    assert database.change_counter() != first
