"""The main window's judge actions: add, edit and remove a judge's profile, each one undoable."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from planner.domain.docket import Docket
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.services import judges as judge_service
from planner.services.changes import Change
from planner.ui.common.workspace import Workspace

if TYPE_CHECKING:
    from planner.scheduling.displacement import Move
    from planner.services.leave_moves import SavedWithMoves
    from planner.ui.calendar.calendar_proposal import ProposedMove
    from planner.ui.calendar.calendar_view import CalendarView
    from planner.ui.judges.moves_dialog import MovesDialog
    from planner.ui.judges.profile_dialog import ProfileDialog

#: Runs a dialog modally and returns its result code; tests pass one that drives the dialog.
ExecDialog = Callable[[QDialog], int]
Calendar = tuple[list[Closure], list[Leave]]
#: Brings the calendar on screen, to show proposed moves on it as ghosts (the window's).
ShowCalendar = Callable[[], "CalendarView"]
PROFILE_CHANGE = Change.PROFILE | Change.CALENDAR


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


def _switch_to(workspace: Workspace, name: str | None) -> None:
    """Show the judge called ``name``; failing that the first judge, or none."""
    judge = judge_service.judge_named(workspace.database, name) if name else None
    if judge is None:
        judges = workspace.judges()
        judge = judges[0] if judges else None
    workspace.switch_judge(judge)


def _ask(
    dialog: "ProfileDialog", exec_dialog: ExecDialog
) -> tuple[Judge, list[Closure], list[Leave]] | None:
    try:
        if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.profile()
    finally:
        dialog.deleteLater()


def add_judge(
    workspace: Workspace, parent: QWidget | None, *, exec_dialog: ExecDialog = _exec
) -> Judge | None:
    """Ask for a new judge's profile and add it; undo removes the judge, redo puts it back."""
    from planner.ui.judges.profile_dialog import ProfileDialog  # dialogs load on first use

    dialog = ProfileDialog(
        None,
        taken_names=[judge.name for judge in workspace.judges()],
        today=workspace.clock().date(),
        parent=parent,
    )
    answer = _ask(dialog, exec_dialog)
    if answer is None:
        return None
    judge, closures, leave = answer
    database = workspace.database
    previous = workspace.judge.name if workspace.judge else None
    removed: list[Docket] = []

    def undo(created: Judge) -> Change:
        removed[:] = [judge_service.remove_named(database, created.name)]
        _switch_to(workspace, previous)
        return Change.JUDGES | PROFILE_CHANGE

    def redo(_created: Judge) -> Change:
        workspace.switch_judge(judge_service.restore_judge(database, removed.pop()))
        return Change.JUDGES | PROFILE_CHANGE

    created = workspace.perform(
        f"Add judge {judge.name}",
        lambda: judge_service.create_profile(database, judge, closures, leave),
        undo=undo,
        redo=redo,
        change=Change.JUDGES,
    )
    if created is not None:
        workspace.switch_judge(created)
    return created


def edit_judge(
    workspace: Workspace,
    parent: QWidget | None,
    *,
    exec_dialog: ExecDialog = _exec,
    show_calendar: ShowCalendar | None = None,
) -> bool:
    """Edit the judge on screen; undo puts back the previous profile, closures and leave.
    Leave or closures over booked hearings: the moves proposed are reviewed in a list and, with
    ``show_calendar``, as ghosts on the calendar; applied with the profile as one undo step."""
    judge = workspace.judge
    if judge is None or judge.id is None:
        return False
    database = workspace.database
    closures, leave = judge_service.own_calendar_of(database, judge.id)
    from planner.ui.judges.profile_dialog import ProfileDialog  # dialogs load on first use

    dialog = ProfileDialog(
        judge,
        closures,
        leave,
        taken_names=[other.name for other in workspace.judges()],
        today=workspace.clock().date(),
        parent=parent,
    )
    answer = _ask(dialog, exec_dialog)
    if answer is None:
        return False
    after, new_closures, new_leave = answer
    if after == judge and set(new_closures) == set(closures) and set(new_leave) == set(leave):
        return False  # nothing changed: nothing to save or undo
    change = PROFILE_CHANGE | (Change.JUDGES if after.name != judge.name else Change.NONE)
    if set(new_closures) - set(closures) or set(new_leave) - set(leave):  # days off added
        asked = _ask_moves(
            workspace, parent, exec_dialog, judge, after, new_closures, new_leave, show_calendar
        )
        if asked is None:
            return False  # cancelled: nothing saved
        if asked:
            return _save_with_moves(
                workspace, judge, after, (closures, leave), (new_closures, new_leave), asked, change
            )

    def undo(_saved: Judge) -> Change:
        judge_service.save_named_profile(database, after.name, judge, closures, leave)
        return change

    def redo(_saved: Judge) -> Change:
        judge_service.save_named_profile(database, judge.name, after, new_closures, new_leave)
        return change

    saved = workspace.perform(
        f"Edit the profile of {after.name}",
        lambda: judge_service.save_profile(database, after, new_closures, new_leave, judge),
        undo=undo,
        redo=redo,
        change=change,
    )
    return saved is not None


def _ask_moves(
    workspace: Workspace,
    parent: QWidget | None,
    exec_dialog: ExecDialog,
    judge: Judge,
    after: Judge,
    closures: list[Closure],
    leave: list[Leave],
    show_calendar: ShowCalendar | None = None,
) -> "list[Move] | None":
    """Before leave or closures over booked hearings are saved: the count, and the moves the
    Planner proposes, reviewed in a dialog and as ghosts on the calendar (``show_calendar``),
    gone when the dialog closes. The moves ticked ([] to move none), or None when the user
    cancels (nothing is saved)."""
    from planner.services import leave_moves  # loaded on first use

    try:
        found = leave_moves.stranded_by(
            workspace.database,
            after,
            closures,
            leave,
            workspace.clock().date(),
            stored_name=judge.name,
        )
    except Exception as error:  # the judge gone, a template that cannot hold the hearings
        workspace.failed.emit(error)
        return None
    if not found.count:
        return []
    from planner.ui.judges.moves_dialog import MovesDialog

    return review_moves(MovesDialog(found, parent), show_calendar, exec_dialog)


def review_moves(
    dialog: "MovesDialog", show_calendar: ShowCalendar | None, exec_dialog: ExecDialog
) -> "list[Move] | None":
    """Run ``dialog`` with the moves it ticks on the calendar on show as ghosts (if any and a
    calendar is given), gone when it closes: the moves ticked ([] to move none), or None when
    the user cancels."""
    ghosts = dialog.on_calendar()
    calendar = show_calendar() if show_calendar is not None and ghosts else None
    if calendar is not None:
        dialog.ticked_changed.connect(lambda _: calendar.show_moves(_ghosts(dialog.on_calendar())))
        dialog.revealed.connect(calendar.reveal)
        calendar.show_moves(_ghosts(ghosts))
        first = ghosts[0].place
        assert first is not None
        calendar.reveal(first.start, first.minutes)
    try:
        if exec_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.choice:
            return None
        return dialog.chosen() if dialog.choice == "move" else []
    finally:
        if calendar is not None:
            calendar.show_moves(())
        dialog.deleteLater()


def _ghosts(moves: "list[Move]") -> "list[ProposedMove]":
    """The moves with a place, as the calendar draws them."""
    from planner.ui.calendar.calendar_proposal import ProposedMove  # the calendar's, when shown

    return [
        ProposedMove(
            m.hearing.id, m.hearing.a_number, m.hearing.start, m.place.start, m.place.minutes
        )
        for m in moves
        if m.place is not None and m.hearing.id is not None
    ]


def _save_with_moves(
    workspace: Workspace,
    judge: Judge,
    after: Judge,
    old: Calendar,
    new: Calendar,
    moves: "list[Move]",
    change: Change,
) -> bool:
    """The profile, closures and leave saved with the moves, as one transaction and one undo
    step."""
    from planner.services import leave_moves

    database = workspace.database
    change |= Change.HEARINGS

    def undo(done: "SavedWithMoves") -> Change:
        leave_moves.undo_save_with_moves(database, done, judge, *old)
        return change

    def redo(done: "SavedWithMoves") -> Change:
        leave_moves.redo_save_with_moves(database, done, judge, *new)
        return change

    count = len(moves)
    saved = workspace.perform(
        f"Edit the profile of {after.name} and move {count} hearing{'s' if count != 1 else ''}",
        lambda: leave_moves.save_with_moves(database, after, *new, judge, moves),
        undo=undo,
        redo=redo,
        change=change,
    )
    return saved is not None


def confirmation(judge: Judge, cases: int, parent: QWidget | None) -> QMessageBox:
    """The question asked before a judge is removed, naming the judge and the cases that go."""
    plural = "case" if cases == 1 else "cases"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Remove judge")
    box.setText(f"Remove {judge.name} and the docket of {cases:,} {plural}?")
    box.setInformativeText(
        "The profile, closures, leave, cases and hearings leave this database. "
        "Undo (Ctrl+Z) puts them back."
    )
    remove = box.addButton("&Remove judge", QMessageBox.ButtonRole.DestructiveRole)
    remove.setObjectName("remove")
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    return box


def remove_judge(
    workspace: Workspace, parent: QWidget | None, *, exec_dialog: ExecDialog = _exec
) -> bool:
    """Remove the judge on screen after asking; undo restores the whole docket."""
    judge = workspace.judge
    if judge is None or judge.id is None:
        return False
    database = workspace.database
    box = confirmation(judge, judge_service.case_count(database, judge.id), parent)
    exec_dialog(box)
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is None or clicked.objectName() != "remove":
        return False
    judge_id = judge.id
    removed: list[Docket] = []

    def do() -> Docket:
        removed[:] = [judge_service.remove_judge(database, judge_id)]
        _switch_to(workspace, None)
        return removed[0]

    def undo(_docket: Docket) -> Change:
        workspace.switch_judge(judge_service.restore_judge(database, removed[0]))
        return Change.EVERYTHING

    def redo(_docket: Docket) -> Change:
        removed[:] = [judge_service.remove_named(database, removed[0].judge.name)]
        _switch_to(workspace, None)
        return Change.EVERYTHING

    docket = workspace.perform(
        f"Remove judge {judge.name}", do, undo=undo, redo=redo, change=Change.EVERYTHING
    )
    return docket is not None
