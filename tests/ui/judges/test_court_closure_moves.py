"""Judge > Court Closures… over booked hearings (issue 20): the count per judge before anything is
saved, the moves proposed listed judge by judge and the judge on show's as ghosts on the
calendar, applied with the closure as one undo step (undo puts back the closures and every
hearing); Cancel saves nothing; Save Without Moving saves the closure only."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDialog

from planner.domain.time_off import Closure
from planner.services import court_closures
from planner.ui.common.workspace import Workspace
from planner.ui.judges import court_closures_dialog
from planner.ui.judges.court_moves_dialog import CourtMovesDialog
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.services.test_court_closure_moves import COURT, TUESDAY, seed_court, starts
from tests.ui.judges.test_judge_actions import click, driving
from tests.ui.judges.test_leave_move_ghosts import GHOSTS, ghost_names


def _window(qtbot, workspace: Workspace, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    workspace.switch_judge(seed_court(workspace.database)["Ana Ruiz"])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, WindowSettings(settings))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close_tuesday(qtbot, workspace: Workspace, window: MainWindow, drive) -> None:  # type: ignore[no-untyped-def]
    dialog = court_closures_dialog.edit_court_closures(
        workspace,
        window,
        exec_dialog=driving(qtbot, drive),
        show_calendar=window._calendar_on_screen,
    )
    assert dialog is not None
    dialog.editor.day.setDate(QDate(TUESDAY.year, TUESDAY.month, TUESDAY.day))
    dialog.editor.reason.setText("Snow")
    click(qtbot, dialog.editor.add_button)
    dialog.accept()


def test_a_court_closure_warns_with_the_count_per_judge_and_moves_in_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path
) -> None:
    window = _window(qtbot, workspace, tmp_path)
    before = starts(workspace.database)
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, CourtMovesDialog)
        seen["title"] = dialog.windowTitle()
        seen["heading"] = dialog.heading.text()
        seen["rows"] = [
            dialog.list.item(r).text().split("\n")[0] for r in range(dialog.list.count())
        ]
        seen["ghosts"] = ghost_names(window.calendar)
        seen["saved"] = court_closures.court_closures(workspace.database, COURT)
        seen["button"] = dialog.move_button.text()
        click(qtbot, dialog.move_button)

    _close_tuesday(qtbot, workspace, window, drive)
    assert seen["title"] == "4 booked hearings on the court's new closures"
    assert "for Los Angeles fall on 4 booked hearings (Ana Ruiz: 3; Ben Cole: 1)" in str(
        seen["heading"]
    )
    rows = seen["rows"]
    assert isinstance(rows, list)
    assert rows[0] == "Ana Ruiz: 3 booked hearings"
    assert rows[4] == "Ben Cole: 1 booked hearing"
    assert rows[5] == (
        "The master hearing of A200-000-001 at 09:00-09:15 on Tue 8 Dec 2026 → Wed 9 Dec 2026 08:30-08:45"
    )
    assert seen["ghosts"] == GHOSTS  # the judge on show's moves only
    assert seen["saved"] == []  # nothing saved while the moves are reviewed
    assert seen["button"] == "Save and &Move 4"
    assert ghost_names(window.calendar) == []
    after = starts(workspace.database)
    assert after["100000001"] == datetime(2026, 12, 9, 8, 30)
    assert after["100000002"] == datetime(2026, 12, 9, 13)
    assert after["100000004"] == datetime(2026, 12, 10, 8, 30)
    assert after["200000001"] == datetime(2026, 12, 9, 8, 30)
    assert after["300000001"] == before["300000001"]  # another court
    assert court_closures.court_closures(workspace.database, COURT) == [Closure(TUESDAY, "Snow")]
    assert workspace.undo_stack.count() == 1
    assert workspace.undo_stack.undoText() == (
        "Change the closures of the court Los Angeles and move 4 hearings"
    )
    workspace.undo_stack.undo()
    assert starts(workspace.database) == before
    assert court_closures.court_closures(workspace.database, COURT) == []
    workspace.undo_stack.redo()
    assert starts(workspace.database) == after
    workspace.undo_stack.clear()


def test_cancel_saves_neither_the_closure_nor_a_move(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path
) -> None:
    window = _window(qtbot, workspace, tmp_path)
    before = starts(workspace.database)
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, CourtMovesDialog)
        dialog.list.setCurrentRow(6)  # Ben Cole's move: not on Ana Ruiz's calendar
        seen["ghosts"] = ghost_names(window.calendar)
        seen["current"] = window.calendar.current
        dialog.reject()

    _close_tuesday(qtbot, workspace, window, drive)
    assert seen["ghosts"] == GHOSTS
    assert seen["current"] == date(2026, 12, 9)  # the first ghost's day, not moved by Cole's row
    assert ghost_names(window.calendar) == []
    assert starts(workspace.database) == before
    assert court_closures.court_closures(workspace.database, COURT) == []
    assert workspace.undo_stack.count() == 0


def test_save_without_moving_saves_the_closure_only(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path
) -> None:
    window = _window(qtbot, workspace, tmp_path)
    before = starts(workspace.database)

    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, CourtMovesDialog)
        click(qtbot, dialog.keep_button)

    _close_tuesday(qtbot, workspace, window, drive)
    assert starts(workspace.database) == before
    assert court_closures.court_closures(workspace.database, COURT) == [Closure(TUESDAY, "Snow")]
    assert workspace.undo_stack.undoText() == "Change the closures of the court Los Angeles"
    workspace.undo_stack.clear()
