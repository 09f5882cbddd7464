"""Bad files and a hostile environment: each met with a clear message and a way out; the file is
never half-written, and no traceback reaches the user."""

import logging
import os
import re
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

import planner.store.connection as store_connection
from planner.services import backups
from planner.store.database import Database
from planner.store.errors import DatabaseUnavailable, NotAPlannerDatabase
from tests.dockets import add_judge_with_cases


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as raw:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def filled(db_path: Path) -> Path:
    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 2000, person="Ana Pérez")
    database.close()
    return db_path


def test_a_truncated_file_is_refused_on_open_and_left_alone(filled: Path, planner) -> None:  # type: ignore[no-untyped-def]
    size = filled.stat().st_size
    with open(filled, "r+b") as file:
        file.truncate(size // 2)
    before = filled.read_bytes()
    with pytest.raises(NotAPlannerDatabase, match="shorter than it should be"):
        Database.open(filled)
    result = planner("--db", filled, "forecast")
    assert result.code == 1
    assert "cut off" in result.err
    assert "Restore a backup" in result.err
    assert "Traceback" not in result.err
    assert filled.read_bytes() == before


def test_a_file_damaged_inside_says_so_when_read(filled: Path, planner) -> None:  # type: ignore[no-untyped-def]
    with open(filled, "r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xff" * 4096 * 4)
    result = planner(
        "--db", filled, "export", "--judge", "Ortiz", "--out", filled.with_suffix(".json")
    )
    assert result.code == 1
    assert "damaged" in result.err
    assert "Traceback" not in result.err
    assert not filled.with_suffix(".json").exists()


def test_a_read_only_file_is_refused_with_what_to_do(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: (
            False if mode == os.W_OK and Path(path) == filled else real_access(path, mode)
        ),
    )
    with pytest.raises(
        DatabaseUnavailable, match=r"read-only.*Copy the file to a folder you can write to"
    ):
        Database.open(filled)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_really_read_only_file_is_refused(filled: Path) -> None:
    filled.chmod(0o400)
    try:
        if os.access(filled, os.W_OK):
            pytest.skip("running as a user who can write to any file")
        with pytest.raises(DatabaseUnavailable, match="read-only"):
            Database.open(filled)
    finally:
        filled.chmod(0o600)


def test_a_full_disk_saves_nothing_of_the_action_and_keeps_what_was_saved(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 100, person="Ana Pérez")
    database.close()
    pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]
    configure = store_connection.configure

    def small_disk(connection) -> None:  # type: ignore[no-untyped-def]
        configure(connection)
        connection.execute(f"PRAGMA max_page_count = {pages + 5}")  # a disk with 20 kB free

    monkeypatch.setattr(store_connection, "configure", small_disk)
    database = Database.open(db_path)
    with pytest.raises(DatabaseUnavailable, match="is full: nothing was saved"):
        add_judge_with_cases(database, "Baker", 5000, first=200_000_000, person="Ana Pérez")
    with database.transaction() as repo:
        assert [j.name for j in repo.judges()] == ["Ortiz"]
        assert repo.case_count(repo.judges()[0].id) == 100
    database.close()
    assert _integrity(db_path) == "ok"


def test_a_file_that_vanished_while_open_is_not_written_into_the_void(
    filled: Path, tmp_path: Path
) -> None:
    database = Database.open(filled)
    moved = tmp_path / "elsewhere.sqlite"
    filled.rename(moved)
    with pytest.raises(DatabaseUnavailable, match=r"no longer there.*nothing was saved"):
        add_judge_with_cases(database, "Baker", 1, first=200_000_000, person="Ana Pérez")
    database.close()
    assert not filled.exists()
    assert _integrity(moved) == "ok"


def test_a_file_replaced_while_open_is_not_written_to(filled: Path, tmp_path: Path) -> None:
    database = Database.open(filled)
    other = tmp_path / "other.sqlite"
    Database.open(other).close()
    os.replace(other, filled)
    with pytest.raises(DatabaseUnavailable, match="replaced by another file"):
        add_judge_with_cases(database, "Baker", 1, first=200_000_000, person="Ana Pérez")
    database.close()


def test_a_damaged_copy_never_pushes_a_good_backup_out(filled: Path) -> None:
    for day in range(1, 8):
        backups.keep_daily_backup(filled, date(2026, 11, day))
    with open(filled, "r+b") as file:
        file.seek(4096 * 3)
        file.write(b"\xff" * 4096 * 4)
    assert backups.keep_daily_backup(filled, date(2026, 11, 8)) is None
    kept = backups.backups_of(filled)
    assert len(kept) == 7
    assert all(info.cases == 2000 for info in kept)


def test_unexpected_errors_are_logged_owner_only_without_names_or_a_numbers(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from planner.logs import start_logging
    from planner.ui.common.errors import report_bug

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    log_file = start_logging(tmp_path)
    try:
        try:
            try:
                raise KeyError("A-123-456-789")
            except KeyError as error:
                raise ValueError(
                    "case A123456789 of Ana Pérez (attorney 'L. Chen', 987654321) failed"
                ) from error
        except ValueError as error:
            report_bug(None, type(error), error, error.__traceback__)
        logging.getLogger("planner.test").warning("judge Ortiz opened %s", "PÉREZ, Ana")
    finally:
        for handler in logging.getLogger("planner").handlers:
            handler.flush()
    text = log_file.read_text(encoding="utf-8")
    # Each entry opens with its time ("2026-12-06 04:01:23,456"), whose digits may be any: the
    # secrets are looked for in what follows it.
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", text)
    logged = re.sub(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", "", text, flags=re.M)
    for secret in ("123", "456", "789", "Pérez", "PÉREZ", "Ana", "Chen", "Ortiz", "987654321"):
        assert secret not in logged, secret
        assert secret not in shown[0], secret
    assert "ValueError" in text
    assert "KeyError" in text
    assert "test_bad_files.py" in text  # where it happened is kept
    if os.name == "posix":
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_a_bug_in_the_store_is_logged_and_shown_as_a_bug_never_as_not_saved(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from planner.logs import start_logging
    from planner.ui.common.errors import show_error

    database = Database.open(db_path)
    add_judge_with_cases(database, "Ortiz", 3)
    database.close()
    with sqlite3.connect(db_path) as raw:  # a column gone, as a faulty migration would leave it
        raw.execute("ALTER TABLE judges RENAME COLUMN quota TO quota_full_disk")
    database = Database.open(db_path)
    try:
        add_judge_with_cases(database, "Baker", 1, first=200_000_000)
    except Exception as error:
        failure = error
    database.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.windowTitle()) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, _text: shown.append(title))
    log_file = start_logging(tmp_path)
    try:
        show_error(None, failure)
    finally:
        for handler in logging.getLogger("planner").handlers:
            handler.flush()
    assert shown == ["Unexpected error"]
    logged = log_file.read_text(encoding="utf-8")
    assert "OperationalError" in logged
    assert "Traceback" in logged
    assert "test_bad_files.py" in logged  # where it happened is kept
