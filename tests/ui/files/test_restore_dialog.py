"""File > Restore from Backup: the backups by date and contents, a confirmation, the file back."""

import os
import threading
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.services import backups
from planner.ui.files import restore_dialog
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.dockets import add_judge_with_cases


def _wait_for_daily_backup() -> None:
    """Until the daily backup's thread, if one runs, has ended."""
    for thread in threading.enumerate():
        if thread.name == "daily-backup":
            thread.join()


def test_restore_lists_backups_confirms_and_reopens_the_file(
    qtbot, workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workspace.database.path
    add_judge_with_cases(workspace.database, "Ortiz", 3, 100_000_000)
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    # The window takes today's backup of the file it opened, once it is painted.
    qtbot.waitUntil(lambda: bool(backups.backups_of(path)))
    _wait_for_daily_backup()
    # A backup is listed as taken when its file was last written: pin that moment.
    (daily,) = (info.path for info in backups.backups_of(path))
    taken = datetime(2026, 11, 25, 9, 41).timestamp()
    os.utime(daily, (taken, taken))
    add_judge_with_cases(workspace.database, "Baker", 5, 200_000_000)
    window._fill_judges()
    assert window.judge_box.count() == 2

    seen: dict[str, object] = {}

    def choose_first(dialog: QDialog) -> int:
        seen["rows"] = [
            [dialog.tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(dialog.tree.topLevelItemCount())
        ]
        seen["enabled"] = dialog.restore_button.isEnabled()
        return QDialog.DialogCode.Accepted

    questions: list[str] = []
    monkeypatch.setattr(restore_dialog.RestoreDialog, "exec", choose_first)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    restore_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "Restore" in a.text()
    )
    restore_action.trigger()
    [row] = seen["rows"]  # type: ignore[misc]
    assert row[0].startswith("Wed 25 Nov 2026 09:41")
    assert row[1:3] == ["1", "3"]
    assert "Ortiz (3)" in row[3]
    assert seen["enabled"]
    assert "1 judge, 3 cases" in questions[0]
    assert [window.judge_box.itemText(i) for i in range(window.judge_box.count())] == ["Ortiz"]
    assert workspace.database.path == path
    # what the file held just before is kept, and offered next time
    infos = backups.backups_of(path)
    assert any(info.before_restore and info.cases == 8 for info in infos)


def test_cancelling_the_confirmation_changes_nothing(
    qtbot, workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_judge_with_cases(workspace.database, "Ortiz", 3, 100_000_000)
    backups.back_up(workspace.database.path)
    add_judge_with_cases(workspace.database, "Baker", 5, 200_000_000)
    monkeypatch.setattr(
        restore_dialog.RestoreDialog, "exec", lambda _self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.No)
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    assert not window.restore_backup()
    _wait_for_daily_backup()
    assert len(workspace.judges()) == 2
