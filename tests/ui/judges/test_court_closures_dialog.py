"""Judge > Court Closures…: a closure entered once shows on every judge of the court's calendar;
one undo step; a judge whose profile names no court is told why not."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from planner.domain.docket import Docket
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Closure
from planner.services.judges import calendar_of
from planner.ui.common.workspace import Workspace
from planner.ui.judges.court_closures_dialog import CourtClosuresDialog, save_court_closures
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

RUIZ = Judge("Ana Ruiz", court="Los Angeles", timezone="America/Los_Angeles")
COLE = Judge("Ben Cole", court="Los Angeles", timezone="America/Los_Angeles")
SNOW = date(2026, 12, 7)


@pytest.fixture
def judges(workspace: Workspace) -> tuple[Judge, Judge]:
    with workspace.database.transaction() as repo:
        ruiz = replace(RUIZ, id=repo.add_docket(Docket(RUIZ)))
        cole = replace(COLE, id=repo.add_docket(Docket(COLE)))
    workspace.switch_judge(ruiz)
    return ruiz, cole


def _window(qtbot, workspace: Workspace, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, WindowSettings(settings))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_closure_entered_once_is_on_both_calendars_and_undone_in_one_step(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, judges, tmp_path
) -> None:
    ruiz, cole = judges
    window = _window(qtbot, workspace, tmp_path)
    dialog = window.edit_court_closures()
    assert isinstance(dialog, CourtClosuresDialog)
    from PySide6.QtWidgets import QLabel

    (note,) = dialog.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert "every judge of Los Angeles (Ana Ruiz, Ben Cole)" in note.text()
    dialog.editor.day.setDate(QDate(2026, 12, 7))
    dialog.editor.reason.setText("Snow")
    dialog.editor.add_button.click()
    dialog.accept()
    assert calendar_of(workspace.database, cole.id)[0] == [Closure(SNOW, "Snow (whole court)")]
    assert calendar_of(workspace.database, ruiz.id)[0] == [Closure(SNOW, "Snow (whole court)")]
    assert workspace.undo_stack.undoText() == "Change the closures of the court Los Angeles"
    workspace.undo_stack.undo()
    assert calendar_of(workspace.database, cole.id)[0] == []
    window.calendar_view_action.trigger()  # the court's closure on the calendar, looked at
    workspace.undo_stack.redo()
    window.resize(1100, 700)
    window.calendar.set_mode("week")
    window.calendar.set_date(SNOW)
    qtbot.wait(50)
    window.grab().save("/tmp/n19/court-closure.png")
    # The window goes before the workspace: its undo stack must not tell the window's
    # actions, already gone, that it is emptied.
    workspace.undo_stack.clear()


def test_nothing_changed_is_no_undo_step(workspace: Workspace, judges) -> None:  # type: ignore[no-untyped-def]
    assert save_court_closures(workspace, "Los Angeles", [], []) is None
    assert workspace.undo_stack.count() == 0


def test_a_judge_without_a_court_is_told_why_not(
    qtbot, workspace: Workspace, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    with workspace.database.transaction() as repo:
        lone = replace(Judge("Di Fox"), id=repo.add_docket(Docket(Judge("Di Fox"))))
    workspace.switch_judge(lone)
    window = _window(qtbot, workspace, tmp_path)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    assert window.edit_court_closures() is None
    assert told == [
        "court-wide closures are for a named court: name the court in the judge's profile first "
        "(Judge > Edit Profile), so that they apply to every judge of that court"
    ]
