"""Leave over booked hearings, reviewed as ghosts on the calendar: each proposed place a ghost
with its accessible name while the moves are reviewed (unticked ones gone, the chosen row's day
on show), none after Cancel or Apply, and Apply undone in one step (issue 20)."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from planner.ui.judges import judge_actions
from planner.ui.judges.moves_dialog import MovesDialog
from planner.ui.judges.profile_dialog import ProfileDialog
from tests.services.test_leave_moves import seed, starts
from tests.ui.judges.test_judge_actions import click, driving
from tests.ui.judges.test_leave_moves_dialog import add_leave_on_tuesday

#: Leave on Tue 8 Dec 2026 strands three hearings; the Planner proposes these places.
GHOSTS = [
    "proposed: A100-000-001 moves to Wed 9 Dec 08:30",
    "proposed: A100-000-002 moves to Wed 9 Dec 13:00",
    "proposed: A100-000-004 moves to Thu 10 Dec 08:30",
]


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    workspace.switch_judge(seed(workspace.database))
    calendar = CalendarView(workspace)
    qtbot.addWidget(calendar)
    calendar.resize(1024, 560)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def ghost_names(view: CalendarView) -> list[str]:
    items = view.timeline.accessible_items()
    return sorted(i.name for i in items if i.name.startswith("proposed:"))


def test_the_moves_are_ghosts_while_reviewed_and_apply_is_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, view: CalendarView
) -> None:
    judge = workspace.judge
    before = starts(workspace.database, judge)  # type: ignore[arg-type]
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        if isinstance(dialog, ProfileDialog):
            add_leave_on_tuesday(qtbot, dialog)
            return
        assert isinstance(dialog, MovesDialog)
        seen["names"] = ghost_names(view)
        seen["shown"] = view.days()[0]
        seen["outlined"] = len(view.timeline.moving)  # the hearings where they are, on Tue 8
        seen["tooltip"] = view.proposal_ghosts()[0].tooltip
        dialog.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # the merits hearing stays
        seen["unticked"] = ghost_names(view)
        dialog.list.item(2).setCheckState(Qt.CheckState.Checked)
        click(qtbot, dialog.move_button)

    assert judge_actions.edit_judge(
        workspace, None, exec_dialog=driving(qtbot, drive), show_calendar=lambda: view
    )
    assert seen["names"] == GHOSTS
    assert seen["shown"] == date(2026, 12, 7)  # the week of the first place
    assert seen["outlined"] == 3
    assert seen["tooltip"] == (
        "Proposed move (not stored): A100-000-001\nfrom Tue 8 Dec 09:00 to Wed 9 Dec 08:30, 15 min"
    )
    assert seen["unticked"] == [GHOSTS[0], GHOSTS[2]]
    assert view.proposal_ghosts() == []  # applied: the hearings are there now, not ghosts
    assert ghost_names(view) == []
    after = starts(workspace.database, judge)  # type: ignore[arg-type]
    assert after["100000001"] == datetime(2026, 12, 9, 8, 30)
    assert after["100000002"] == datetime(2026, 12, 9, 13)
    assert after["100000004"] == datetime(2026, 12, 10, 8, 30)
    assert workspace.undo_stack.count() == 1
    workspace.undo_stack.undo()
    assert starts(workspace.database, judge) == before  # type: ignore[arg-type]


def test_cancel_removes_the_ghosts_and_saves_nothing_and_the_month_marks_the_days(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, view: CalendarView
) -> None:
    judge = workspace.judge
    before = starts(workspace.database, judge)  # type: ignore[arg-type]
    view.set_mode("month")
    seen: dict[str, object] = {}

    def drive(dialog: QDialog) -> None:
        if isinstance(dialog, ProfileDialog):
            add_leave_on_tuesday(qtbot, dialog)
            return
        assert isinstance(dialog, MovesDialog)
        seen["month"] = dict(view.month_view.proposed)
        dialog.list.setCurrentRow(1)  # Eva Novak's place, Thu 10 Dec: the month goes there
        seen["month day"] = view.current
        view.set_mode("week")
        dialog.list.setCurrentRow(2)  # Li Wei's, Wed 9 Dec 13:00
        seen["names"] = ghost_names(view)
        seen["current"] = view.current
        dialog.reject()

    assert not judge_actions.edit_judge(
        workspace, None, exec_dialog=driving(qtbot, drive), show_calendar=lambda: view
    )
    assert seen["month"] == {date(2026, 12, 9): 2, date(2026, 12, 10): 1}
    assert seen["names"] == GHOSTS
    assert seen["month day"] == date(2026, 12, 10)
    assert seen["current"] == date(2026, 12, 9)
    assert ghost_names(view) == []
    assert view.month_view.proposed == {}
    assert starts(workspace.database, judge) == before  # type: ignore[arg-type]
    assert workspace.undo_stack.count() == 0
