"""Calendar > Re-plan… (Ctrl+Shift+E): the hearings leave put in conflict, moved as few noticed
ones as it can, said in words, previewed as ghosts on the calendar, applied as one undo step;
Cancel stores nothing and leaves no ghost (issue 20)."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.calendar.replan_dialog import ReplanDialog, replan
from planner.ui.common.workspace import Workspace
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.scheduling.court import at
from tests.services.test_replanning import NOTICED, SECOND, THIRD, seed_replan, starts

#: The day before the re-plan's first day (1 Nov 2024).
NOW = datetime(2024, 10, 31, 10)


@pytest.fixture
def clocked(qtbot, database) -> Workspace:  # type: ignore[no-untyped-def]
    workspace = Workspace(database, clock=lambda: NOW)
    seed_replan(database)
    workspace.switch_judge(workspace.judges()[0])
    return workspace


@pytest.fixture
def view(qtbot, clocked: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    calendar = CalendarView(clocked)
    qtbot.addWidget(calendar)
    calendar.resize(1024, 560)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def ghosts(view: CalendarView) -> list[str]:
    return [i.name for i in view.timeline.accessible_items() if i.name.startswith("proposed:")]


def test_the_replan_is_ghosts_while_reviewed_and_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, clocked: Workspace, view: CalendarView
) -> None:
    before = starts(clocked.database)
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReplanDialog)
        seen["summary"] = dialog.summary.text()
        seen["ghosts"] = ghosts(view)
        seen["week"] = view.days()[0]
        seen["button"] = dialog.apply_button.text()
        seen["tall"] = min(g.rect.height() for g in view.proposal_ghosts())
        seen["zoom"] = view.zoom
        dialog.noticed_box.setChecked(True)  # asked: the noticed one moves too
        seen["asked"] = (dialog.list.count(), ghosts(view), dialog.summary.text())
        dialog.noticed_box.setChecked(False)
        return True

    assert replan(clocked, view, run=drive)
    assert seen["summary"] == (
        "From Fri 1 Nov 2024: Moves 2 hearings, 0 of them noticed; 1 noticed hearing is pinned "
        "and left in conflict (ask to move noticed hearings to move them). Nothing is moved "
        "until you apply; the moves are drawn as dashed ghosts on the calendar."
    )
    assert seen["ghosts"] == [
        "proposed: A300-000-002 moves to Mon 25 Nov 08:30",
        "proposed: A300-000-003 moves to Mon 25 Nov 08:45",
    ]
    assert str(seen["week"]) == "2024-11-25"
    assert seen["button"] == "&Move 2 Hearings"
    # Zoomed in while reviewed, so that each 15-minute ghost is a line of text tall; back after.
    assert seen["zoom"] > 1.0  # type: ignore[operator]
    assert seen["tall"] >= view.timeline.fontMetrics().height()  # type: ignore[operator]
    assert view.zoom == 1.0
    count, asked, summary = seen["asked"]  # type: ignore[misc]
    assert count == 3
    assert "proposed: A300-000-001 moves to Mon 25 Nov 08:30" in asked
    assert "Moves 3 hearings, 1 of them noticed" in summary
    assert ghosts(view) == []
    after = starts(clocked.database)
    assert after[NOTICED] == before[NOTICED]  # pinned
    assert (after[SECOND], after[THIRD]) == (at(25, 8, 30), at(25, 8, 45))
    assert view.last_announcement == "Moved 2 hearings on Ana Ruiz's calendar."
    assert clocked.undo_stack.count() == 1
    assert clocked.undo_stack.undoText() == "Re-plan: move 2 hearings"
    clocked.undo_stack.undo()
    assert starts(clocked.database) == before
    clocked.undo_stack.redo()
    assert starts(clocked.database) == after


def test_cancel_stores_nothing_and_leaves_no_ghost(  # type: ignore[no-untyped-def]
    qtbot, clocked: Workspace, view: CalendarView
) -> None:
    before = starts(clocked.database)
    counted: list[int] = []

    def drive(dialog: QDialog) -> bool:
        counted.append(len(ghosts(view)))
        dialog.reject()
        return False

    assert not replan(clocked, view, run=drive)
    assert counted == [2]
    assert ghosts(view) == []
    assert starts(clocked.database) == before
    assert clocked.undo_stack.count() == 0


def test_ctrl_shift_e_in_the_window_re_plans_from_the_calendar_menu(  # type: ignore[no-untyped-def]
    qtbot, clocked: Workspace, tmp_path: Path
) -> None:
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(clocked, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Calendar")
    assert window.replan_action in menu.actions()
    assert window.replan_action.shortcut().toString() == "Ctrl+Shift+E"
    before = starts(clocked.database)

    def apply() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReplanDialog):  # not open yet
            QTimer.singleShot(10, apply)
            return
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTimer.singleShot(0, apply)
    qtbot.keyClick(
        window.docket.table,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.views.currentWidget() is window.calendar_tab  # the ghosts were in sight
    assert starts(clocked.database)[SECOND] == at(25, 8, 30)
    assert clocked.undo_stack.count() == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert starts(clocked.database) == before
