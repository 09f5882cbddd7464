"""Opening databases: created and migrated on open, refusing files it must not touch."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind
from planner.store import migrate
from planner.store.connection import SCHEMA_REVISION
from planner.store.database import Database
from planner.store.errors import Conflict, DatabaseUnavailable, NewerDatabase, NotAPlannerDatabase


def test_code_and_migrations_agree_on_the_schema_revision() -> None:
    assert migrate.head_revision() == SCHEMA_REVISION


def test_new_file_is_created_with_foreign_keys_and_wal(db_path: Path) -> None:
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISION
    raw.close()
    database = Database.open(db_path)  # reopening an up-to-date file changes nothing
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    database.close()


def test_other_sqlite_databases_are_refused_before_they_are_touched(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE photos (id INTEGER)")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    assert before[18:20] == b"\x01\x01"  # a rollback-journal file, as most programs leave theirs
    with pytest.raises(NotAPlannerDatabase, match="not one the Planner made"):
        Database.open(db_path)
    assert db_path.read_bytes()[18:20] == b"\x01\x01"  # not switched to WAL
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.write_bytes(b"These are my notes, not a database." * 100)
    before = db_path.read_bytes()
    with pytest.raises(NotAPlannerDatabase, match="damaged or is not a database"):
        Database.open(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_planner_is_refused_before_it_is_touched(db_path: Path) -> None:
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.execute("PRAGMA journal_mode = DELETE")  # as a newer Planner might leave it
    raw.close()
    before = db_path.read_bytes()
    assert before[18:20] == b"\x01\x01"
    with pytest.raises(NewerDatabase, match="newer version of the Planner"):
        Database.open(db_path)
    assert db_path.read_bytes()[18:20] == b"\x01\x01"
    assert db_path.read_bytes() == before


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="does not exist"):
        Database.open(tmp_path / "gone" / "docket.sqlite")


def _docket() -> Docket:
    judge = Judge("Ortiz", court="Los Angeles", timezone="America/Los_Angeles", quota=650)
    return Docket(
        judge,
        closures=(Closure(date(2026, 12, 24), "Executive order"),),
        leave=(
            Leave.days(date(2026, 12, 28), date(2026, 12, 31)),
            Leave(datetime(2027, 1, 5, 13), datetime(2027, 1, 5, 16, 30), "sick"),  # type: ignore[arg-type]
        ),
        cases=(
            Case(
                "A123456789",
                "Ana Pérez",
                "asylum",
                date(2025, 2, 3),
                detained=True,
                language="Spanish",
                asylum_filed=date(2025, 3, 1),
                attorney="L. Chen",
                represented=True,
            ),
            Case(
                "987654321",
                "Li Wei",
                "removal",
                date(2024, 6, 1),
                status="completed",  # type: ignore[arg-type]
                completion_date=date(2026, 10, 15),
                completion_kind="in_absentia",  # type: ignore[arg-type]
                language="Mandarin",
                remaining_minutes=45,
            ),
        ),
        hearings=(
            Hearing("123456789", datetime(2026, 12, 1, 13), 180, HearingKind.INDIVIDUAL),
            Hearing("987654321", datetime(2026, 10, 15, 9), 15, HearingKind.MASTER, "completed"),  # type: ignore[arg-type]
        ),
    )


def _without_ids(docket: Docket) -> Docket:
    return replace(
        docket,
        judge=replace(docket.judge, id=None),
        cases=tuple(replace(c, id=None) for c in docket.cases),
        hearings=tuple(replace(h, id=None) for h in docket.hearings),
    )


def test_a_docket_comes_back_as_it_was_stored(database: Database) -> None:
    with database.transaction() as repo:
        judge_id = repo.add_docket(_docket())
    with database.transaction() as repo:
        loaded = repo.load_docket(judge_id)
    expected = _docket()
    expected = replace(expected, hearings=tuple(sorted(expected.hearings, key=lambda h: h.start)))
    assert _without_ids(loaded) == expected


def test_a_failed_action_leaves_nothing_behind(database: Database) -> None:
    def add_then_fail() -> None:
        with database.transaction() as repo:
            repo.add_docket(_docket())
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        add_then_fail()
    with database.transaction() as repo:
        assert repo.judges() == []


def test_judge_names_are_unique(database: Database) -> None:
    with database.transaction() as repo:
        repo.add_judge(Judge("Ortiz"))
    with pytest.raises(Conflict, match="'Ortiz' is already"), database.transaction() as repo:
        repo.add_judge(Judge("Ortiz"))


def test_removing_a_judge_removes_the_docket(database: Database) -> None:
    with database.transaction() as repo:
        judge_id = repo.add_docket(_docket())
    with database.transaction() as repo:
        repo.remove_judge(judge_id)
    with database.transaction() as repo:
        assert repo.case_count(judge_id) == 0
        assert repo.judges() == []


def test_an_edited_profile_is_saved_whole(database: Database) -> None:
    with database.transaction() as repo:
        repo.add_judge(Judge("Ortiz"))
    with database.transaction() as repo:
        judge = repo.judge_named("Ortiz")
        assert judge is not None
        repo.update_judge(replace(judge, quota=560, sessions=judge.sessions[:2]))
    with database.transaction() as repo:
        saved = repo.judge_named("Ortiz")
    assert saved is not None
    assert saved.quota == 560
    assert len(saved.sessions) == 2


def test_reads_see_a_snapshot_and_one_in_a_thread_keeps_none_waiting(database: Database) -> None:
    """A read is one snapshot of the file; a long read in a worker thread (a court's forecast)
    neither blocks a read in the window's thread nor sees what is saved after its first query."""
    import threading

    with database.transaction() as repo:
        repo.add_judge(Judge("Baker"))
    reading, saved = threading.Event(), threading.Event()
    seen_by_worker: list[list[str]] = []

    def worker() -> None:
        with database.read() as reader:
            seen_by_worker.append([judge.name for judge in reader.judges()])
            reading.set()
            seen_by_worker.append(["saved meanwhile"] if saved.wait(timeout=5) else [])
            seen_by_worker.append([judge.name for judge in reader.judges()])

    thread = threading.Thread(target=worker)
    thread.start()
    assert reading.wait(timeout=10)
    with database.read() as reader:  # meanwhile, in this thread: not kept waiting
        assert [judge.name for judge in reader.judges()] == ["Baker"]
    with database.transaction() as repo:
        repo.add_judge(Judge("Ortiz"))
    saved.set()
    thread.join(timeout=10)
    # The window's read and save happened while the worker read, and its snapshot kept Ortiz out.
    assert seen_by_worker == [["Baker"], ["saved meanwhile"], ["Baker"]]
    with database.read() as reader:
        assert [judge.name for judge in reader.judges()] == ["Baker", "Ortiz"]
