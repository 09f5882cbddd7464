"""Backups: a consistent copy each day the database is opened, the last seven kept, restorable."""

import os
import sqlite3
import stat
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from planner.paths import backup_folder
from planner.services import backups
from planner.store import backup as store_backup
from planner.store.database import Database
from planner.store.errors import NotAPlannerDatabase
from tests.dockets import add_judge_with_cases


def _cases(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT count(*) FROM cases").fetchone()[0]


def test_a_backup_each_day_the_last_seven_kept(database: Database, db_path: Path) -> None:
    add_judge_with_cases(database, "Ortiz", 3)
    start = date(2026, 11, 1)
    for day in range(10):
        assert backups.keep_daily_backup(db_path, start + timedelta(days=day)) is not None
        assert backups.keep_daily_backup(db_path, start + timedelta(days=day)) is None  # once a day
    kept = sorted(p.name for p in backup_folder(db_path).iterdir())
    assert kept == [f"docket-{start + timedelta(days=d)}.sqlite" for d in range(3, 10)]
    for path in backup_folder(db_path).iterdir():
        assert _cases(path) == 3
        assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_backups_and_their_folder_are_owner_only(database: Database, db_path: Path) -> None:
    old = os.umask(0)
    try:
        taken = backups.keep_daily_backup(db_path, date(2026, 11, 25))
    finally:
        os.umask(old)
    assert taken is not None
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600
    assert stat.S_IMODE(taken.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(taken.parent.parent.stat().st_mode) == 0o700


def test_a_backup_taken_while_another_writes_is_consistent(
    database: Database, db_path: Path
) -> None:
    add_judge_with_cases(database, "Ortiz", 1)
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            add_judge_with_cases(database, f"Judge {n}", 20, first=200_000_000 + n * 100)
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [
            store_backup.take_backup(db_path, db_path.with_name(f"copy{i}.sqlite"))
            for i in range(5)
        ]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        info = store_backup.read_backup(copy)
        # every judge's docket is whole: the writer adds judges with 20 cases in one transaction
        assert all(count == 20 for name, count in info.judges if name != "Ortiz")


def test_restore_brings_the_backup_back_and_keeps_what_was_there(
    database: Database, db_path: Path
) -> None:
    add_judge_with_cases(database, "Ortiz", 3)
    backups.keep_daily_backup(db_path, date(2026, 11, 24))
    add_judge_with_cases(database, "Baker", 5, first=300_000_000)
    database.close()
    [info] = backups.backups_of(db_path)
    assert info.judges == (("Ortiz", 3),)
    kept = backups.restore(db_path, info.path, datetime(2026, 11, 25, 9, 30))
    reopened = Database.open(db_path)
    with reopened.transaction() as repo:
        assert [j.name for j in repo.judges()] == ["Ortiz"]
    reopened.close()
    assert kept is not None
    assert store_backup.read_backup(kept).judges == (("Baker", 5), ("Ortiz", 3))


def test_restore_over_a_damaged_file_replaces_it(database: Database, db_path: Path) -> None:
    add_judge_with_cases(database, "Ortiz", 3)
    taken = backups.back_up(db_path)
    database.close()
    db_path.write_bytes(b"garbage" * 5000)
    kept = backups.restore(db_path, taken, datetime(2026, 11, 25, 9, 30))
    assert kept is not None
    assert kept.read_bytes() == b"garbage" * 5000  # even a damaged file is kept, not lost
    assert _cases(db_path) == 3


def test_a_damaged_backup_is_refused_before_anything_changes(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    add_judge_with_cases(database, "Ortiz", 3)
    database.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\0" * 8192)
    before = db_path.read_bytes()
    with pytest.raises(NotAPlannerDatabase):
        backups.restore(db_path, bad)
    assert db_path.read_bytes() == before
    assert backups.backups_of(db_path) == []


def test_planner_backup_and_restore_headless(planner, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert planner("--db", db_path, "demo", "--cases", "50", "--today", "2026-11-25").code == 0
    out = tmp_path / "copy.sqlite"
    result = planner("backup", "--db", db_path, "--out", out)
    assert result.code == 0
    assert "keep it confidential" in result.out
    assert _cases(out) == _cases(db_path)
    listing = planner("restore", "--db", db_path, "--list")
    assert listing.code == 0
    assert " 1  " in listing.out
    assert "judge" in listing.out
    # the daily backup was taken when 'demo' opened the empty file: restoring it empties it
    restored = planner("restore", "--db", db_path, listing.out.count("\n") // 2)
    assert restored.code == 0, restored.err
    assert "Restored" in restored.out
    assert _cases(db_path) == 0
    assert "kept as" in restored.out
    back = planner("restore", "--db", db_path, out)
    assert back.code == 0
    assert _cases(db_path) == _cases(out)
    wrong = planner("restore", "--db", db_path, "99")
    assert wrong.code == 1
    assert "no backup number 99" in wrong.err
    assert "Traceback" not in wrong.err
