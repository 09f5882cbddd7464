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


def test_planner_backup_of_a_damaged_database_keeps_the_good_backups(
    planner,
    db_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Issue 15, point 2: a damaged database's copy replaced the day's good backup, and the
    rotation then pushed the others out. A copy is checked before it may replace any."""
    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 2000, person="Ana Pérez")
    database.close()
    folder = backup_folder(db_path)
    assert planner("backup", "--db", db_path).code == 0
    older = [folder / f"docket-2026-11-{day:02d}.sqlite" for day in range(20, 28)]
    for path in older:  # eight earlier days' backups: one more than the rotation keeps
        path.write_bytes(next(folder.glob("docket-*.sqlite")).read_bytes())
    out = tmp_path / "copy.sqlite"
    assert planner("backup", "--db", db_path, "--out", out).code == 0
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    good_copy = out.read_bytes()
    with open(db_path, "r+b") as file:  # damage the database inside, past its first pages
        file.seek(4096 * 3)
        file.write(b"\xff" * 4096 * 4)
    for extra in ((), ("--out", out)):
        result = planner("backup", "--db", db_path, *extra)
        assert result.code == 1, result.out
        assert "damaged" in result.err
        assert "planner restore --list" in result.err
        assert "Traceback" not in result.err
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    assert out.read_bytes() == good_copy
    assert not list(tmp_path.glob("*.partial"))


def _planner_tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]


_TAMPERING = {
    "a trigger deleting hearings": [
        "CREATE TRIGGER wipe AFTER INSERT ON hearings BEGIN DELETE FROM hearings; END"
    ],
    "a view": ["CREATE VIEW everyone AS SELECT name FROM cases"],
    "an extra index": ["CREATE INDEX ix_extra ON cases (name)"],
    "schema 0099": ["UPDATE alembic_version SET version_num = '0099'"],
    "a date that is not a date": [
        "UPDATE cases SET received = 'not a date' WHERE id = (SELECT min(id) FROM cases)"
    ],
    "a hearing of a billion minutes": [
        "UPDATE hearings SET minutes = 999999999 WHERE id = (SELECT min(id) FROM hearings)"
    ],
    "a case of a missing judge": [
        "PRAGMA foreign_keys = OFF",
        "UPDATE cases SET judge_id = 999 WHERE id = (SELECT min(id) FROM cases)",
    ],
}


@pytest.mark.parametrize("tampering", _TAMPERING, ids=str)
def test_restore_refuses_a_backup_the_planner_did_not_write_and_changes_nothing(
    planner,
    db_path: Path,
    tmp_path: Path,
    tampering: str,  # type: ignore[no-untyped-def]
) -> None:
    """Issue 15, point 3: restore took any SQLite file with the right table names."""
    assert (
        planner("demo", "--db", db_path, "--cases", 30, "--seed", 3, "--today", "2026-11-25").code
        == 0
    )
    good = tmp_path / "good.sqlite"
    assert planner("backup", "--db", db_path, "--out", good).code == 0
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(good.read_bytes())
    with sqlite3.connect(bad) as raw:
        for statement in _TAMPERING[tampering]:
            raw.execute(statement)
    raw.close()
    before = db_path.read_bytes()
    kept_before = sorted(backup_folder(db_path).iterdir())
    result = planner("restore", "--db", db_path, bad)
    assert result.code == 1, result.out
    assert "cannot be restored" in result.err or "not" in result.err
    assert "Traceback" not in result.err
    assert db_path.read_bytes() == before
    assert sorted(backup_folder(db_path).iterdir()) == kept_before
    assert not list(tmp_path.glob("*.partial"))  # pathlib's * matches hidden names too
    assert planner("restore", "--db", db_path, good).code == 0  # the untouched one restores


def test_restore_refuses_another_programs_file_with_the_planners_table_names(
    planner,
    db_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert (
        planner("demo", "--db", db_path, "--cases", 10, "--seed", 3, "--today", "2026-11-25").code
        == 0
    )
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as raw:
        for table in _planner_tables(db_path):
            if not table.startswith("sqlite_"):
                raw.execute(f'CREATE TABLE "{table}" (anything)')  # test-only constant names
        raw.execute("INSERT INTO alembic_version VALUES ('0003')")
    raw.close()
    before = db_path.read_bytes()
    result = planner("restore", "--db", db_path, other)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert db_path.read_bytes() == before


def test_an_older_schemas_backup_still_restores(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.reliability.test_migrations import DATA

    assert (
        planner("demo", "--db", db_path, "--cases", 10, "--seed", 3, "--today", "2026-11-25").code
        == 0
    )
    result = planner("restore", "--db", db_path, DATA / "schema-0001.sqlite")
    assert result.code == 0, result.err
    assert _cases(db_path) == 271


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 352 KiB file system (a small demo docket fits, a second copy does not) (tmpfs), where the superuser may mount one; else skipped."""
    import subprocess

    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=352k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs the superuser)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_restore_on_a_full_disk_refuses_and_leaves_nothing_behind(
    planner,
    tiny_disk: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Issue 15, point 11: restore on a full disk gave a traceback and left a 0-byte file."""
    from tests.reliability.test_migrations import DATA

    db_path = tiny_disk / "docket.sqlite"
    assert (
        planner("demo", "--db", db_path, "--cases", 5, "--seed", 1, "--today", "2026-11-25").code
        == 0
    )
    before = sorted(path.name for path in tiny_disk.iterdir())
    result = planner("restore", "--db", db_path, DATA / "schema-0002.sqlite")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "is full" in result.err
    assert "nothing was restored" in result.err
    assert sorted(path.name for path in tiny_disk.iterdir()) == before


def test_partial_copies_left_by_a_killed_backup_are_cleaned_up(
    database: Database, db_path: Path
) -> None:
    """Issue 15, point 4: a backup killed half-way left its .partial copy (up to 112 MB) forever.
    Stale ones (untouched for an hour) go at the next backup; one being written now stays."""
    add_judge_with_cases(database, "Ortiz", 3)
    folder = backup_folder(db_path)
    folder.mkdir(parents=True)
    stale = [
        folder / ".docket-2026-11-24.sqlite.abc123.partial",
        db_path.parent / f".{db_path.name}.xyz789.restoring.partial",
    ]
    fresh = folder / ".docket-2026-11-25.sqlite.def456.partial"
    for path in [*stale, fresh]:
        path.write_bytes(b"\0" * 100_000)
    # Two hours before the file system's now, not the machine's clock: CI fakes the clock while
    # the file system stamps files with the real time.
    two_hours_ago = fresh.stat().st_mtime - 2 * 3600
    for path in stale:
        os.utime(path, (two_hours_ago, two_hours_ago))
    assert backups.keep_daily_backup(db_path, date(2026, 11, 25)) is not None
    assert [path for path in stale if path.exists()] == []
    assert fresh.exists()
