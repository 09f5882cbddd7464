"""A file the Planner cannot open at start: the reason and a way out (restore, another file, quit)."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import backups
from planner.store.database import Database
from planner.ui.files import open_failure, restore_dialog


def _make(path: Path, judge: str) -> None:
    database = Database.open(path)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(Judge(judge), cases=(Case("100000001", "P", "asylum", date(2025, 1, 1)),))
        )
    database.close()


class Asked:
    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.seen: list[tuple[str, str, bool]] = []

    def __call__(self, _parent, path: Path, error: Exception, can_restore: bool) -> str:  # type: ignore[no-untyped-def]
        self.seen.append((path.name, str(error), can_restore))
        return self.answers.pop(0)


def test_a_damaged_file_can_be_restored_from_its_backup(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(db_path, "Ortiz")
    backups.keep_daily_backup(db_path, date(2026, 11, 25))
    db_path.write_bytes(b"\0garbage" * 4096)
    monkeypatch.setattr(
        restore_dialog.RestoreDialog, "exec", lambda _self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    ask = Asked(open_failure.RESTORE)
    database = open_failure.open_or_recover(db_path, ask=ask)
    assert database is not None
    with database.transaction() as repo:
        assert [j.name for j in repo.judges()] == ["Ortiz"]
    database.close()
    [(name, message, can_restore)] = ask.seen
    assert name == "docket.sqlite"
    assert "damaged" in message
    assert can_restore


def test_a_foreign_file_without_backups_offers_another_file(
    qtbot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE photos (id INTEGER)")
    other = tmp_path / "other.sqlite"
    _make(other, "Baker")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(other), ""))
    ask = Asked(open_failure.OPEN_OTHER)
    database = open_failure.open_or_recover(db_path, ask=ask)
    assert database is not None
    assert database.path == other
    database.close()
    assert "not one the Planner made" in ask.seen[0][1]
    assert ask.seen[0][2] is False


def test_a_newer_file_can_be_left_alone(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _make(db_path, "Ortiz")
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    ask = Asked(open_failure.QUIT)
    assert open_failure.open_or_recover(db_path, ask=ask) is None
    assert "newer version of the Planner" in ask.seen[0][1]
    assert db_path.read_bytes() == before


def test_the_way_out_dialog_names_the_reason_and_the_choices(
    qtbot, db_path: Path, monkeypatch
) -> None:
    from planner.store.errors import NotAPlannerDatabase

    seen = {}

    def look(box: QMessageBox) -> int:
        seen["text"] = box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    choice = open_failure.ask_way_out(None, db_path, NotAPlannerDatabase("it is damaged"), True)
    assert choice == open_failure.QUIT
    assert "it is damaged" in seen["text"]
    assert "was not changed" in seen["text"]
    assert sorted(seen["buttons"]) == [  # the order is the platform's
        "&New Database…",
        "&Open Another File…",
        "&Quit",
        "&Restore a Backup…",
    ]
