"""Leave over booked hearings, through the real profile dialog: the warning with the count, the
moves reviewed, and the leave and the moves saved and undone as one step."""

from datetime import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from planner.ui.common.workspace import Workspace
from planner.ui.judges import judge_actions
from planner.ui.judges.moves_dialog import MovesDialog
from planner.ui.judges.profile_dialog import ProfileDialog
from tests.services.test_leave_moves import TUESDAY, at, seed, starts
from tests.ui.judges.test_judge_actions import click, driving, stored


def add_leave_on_tuesday(qtbot, dialog: ProfileDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.tabs.setCurrentIndex(4)
    editor = dialog.calendar.leave
    day = QDate(TUESDAY.year, TUESDAY.month, TUESDAY.day)
    editor.first.setDate(day)
    editor.last.setDate(day)
    click(qtbot, editor.add_button)
    click(qtbot, dialog.ok_button)


def test_leave_over_booked_hearings_warns_and_moves_them_with_it_in_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    judge = seed(workspace.database)
    workspace.switch_judge(judge)
    before = starts(workspace.database, judge)
    reviewed: list[MovesDialog] = []

    def drive(dialog: QDialog) -> None:
        if isinstance(dialog, ProfileDialog):
            add_leave_on_tuesday(qtbot, dialog)
            return
        assert isinstance(dialog, MovesDialog)
        reviewed.append(dialog)
        assert dialog.windowTitle() == "3 booked hearings on the new days off"
        assert "not before Sat 5 Dec 2026 (the default 10 days' notice" in dialog.heading.text()
        assert dialog.list.count() == 3
        assert dialog.move_button.text() == "Save and &Move 3"
        dialog.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # the merits hearing stays
        assert dialog.move_button.text() == "Save and &Move 2"
        click(qtbot, dialog.move_button)

    assert judge_actions.edit_judge(workspace, None, exec_dialog=driving(qtbot, drive))
    assert len(reviewed) == 1
    after = starts(workspace.database, judge)
    assert after["100000001"] == at(9, 8, 30)
    assert after["100000004"] == at(10, 8, 30)
    assert after["100000002"] == before["100000002"]  # unticked: left as a conflict
    assert stored(workspace)["Ana Ruiz"][2] != set()
    assert workspace.undo_stack.count() == 1
    assert "move 2 hearings" in workspace.undo_stack.undoText()
    workspace.undo_stack.undo()
    assert starts(workspace.database, judge) == before
    assert stored(workspace)["Ana Ruiz"][2] == set()
    workspace.undo_stack.redo()
    assert starts(workspace.database, judge) == after


def test_cancel_in_the_review_saves_nothing_and_without_moving_saves_the_leave_only(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    judge = seed(workspace.database)
    workspace.switch_judge(judge)
    before = starts(workspace.database, judge)

    def answer(choice: str):  # type: ignore[no-untyped-def]
        def drive(dialog: QDialog) -> None:
            if isinstance(dialog, ProfileDialog):
                add_leave_on_tuesday(qtbot, dialog)
            elif choice == "cancel":
                dialog.reject()
            else:
                click(qtbot, dialog.keep_button)  # type: ignore[attr-defined]

        return drive

    assert not judge_actions.edit_judge(
        workspace, None, exec_dialog=driving(qtbot, answer("cancel"))
    )
    assert stored(workspace)["Ana Ruiz"][2] == set()
    assert workspace.undo_stack.count() == 0
    assert judge_actions.edit_judge(workspace, None, exec_dialog=driving(qtbot, answer("keep")))
    assert stored(workspace)["Ana Ruiz"][2] != set()
    assert starts(workspace.database, judge) == before
    assert datetime(2026, 12, 8, 9) in before.values()  # still on the day of leave: a conflict
