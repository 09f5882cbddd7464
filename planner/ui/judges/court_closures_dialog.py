"""Judge > Court Closures…: the days the whole court of the judge on screen is closed, entered
once for every judge whose profile names the court (a judge's own closures stay in the
profile). Saved as one transaction and one undo step."""

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from planner.domain.errors import InvalidValue
from planner.domain.time_off import Closure
from planner.services import court_closures as service
from planner.services.changes import Change
from planner.store.errors import StoreError
from planner.ui.common.workspace import Workspace
from planner.ui.judges import judge_actions
from planner.ui.judges.calendar_editor import ClosuresEditor
from planner.ui.judges.judge_actions import ExecDialog, ShowCalendar, _exec

if TYPE_CHECKING:
    from planner.scheduling.displacement import Move
    from planner.services.court_closure_moves import SavedCourtMoves


class CourtClosuresDialog(QDialog):
    def __init__(
        self,
        court: str,
        closures: list[Closure],
        judges: list[str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.court = court
        self.setWindowTitle(f"Court closures: {court}")
        self.resize(520, 480)
        who = ", ".join(judges) if judges else "no judge yet"
        note = QLabel(
            f"Days the whole court is closed (weather, the building, an executive order). They "
            f"show on the calendar of every judge of {court} ({who}) and count in their "
            "forecasts and the scheduler. A judge's own closures are in the judge's profile."
        )
        note.setWordWrap(True)
        self.editor = ClosuresEditor(closures, today)
        self.editor.setTitle(f"{court}: closed on")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def closures(self) -> list[Closure]:
        return self.editor.closures()


def save_court_closures(
    workspace: Workspace,
    court: str,
    before: list[Closure],
    after: list[Closure],
    *,
    parent: QWidget | None = None,
    exec_dialog: ExecDialog = _exec,
    show_calendar: ShowCalendar | None = None,
) -> "list[Closure] | SavedCourtMoves | None":
    """Save the court's closures as one undo step; None when nothing changed, it failed or the
    user cancelled. New days over booked hearings: the count per judge is shown first, with the
    moves the Planner proposes (reviewed in a list and, for the judge on show, as ghosts on the
    calendar from ``show_calendar``), saved with the closures as one transaction and one undo
    step."""
    if set(before) == set(after):
        return None
    database = workspace.database
    if {c.day for c in after} - {c.day for c in before}:  # days closed that were not
        asked = _ask_moves(workspace, parent, exec_dialog, court, after, show_calendar)
        if asked is None:
            return None  # cancelled: nothing saved
        if asked:
            return _save_with_moves(workspace, court, after, asked)

    def put(closures: list[Closure]) -> Change:
        service.save_court_closures(workspace.database, court, closures)
        return Change.CALENDAR

    return workspace.perform(
        f"Change the closures of the court {court}",
        lambda: service.save_court_closures(database, court, after),
        undo=lambda _before: put(before),
        redo=lambda _before: put(after),
        change=Change.CALENDAR,
    )


def _ask_moves(
    workspace: Workspace,
    parent: QWidget | None,
    exec_dialog: ExecDialog,
    court: str,
    closures: list[Closure],
    show_calendar: ShowCalendar | None,
) -> "list[Move] | None":
    """The moves ticked ([] to move none, or when no hearing is stranded), or None when the
    user cancels."""
    from planner.services import court_closure_moves  # loaded on first use

    try:
        found = court_closure_moves.stranded_by_court(
            workspace.database, court, closures, workspace.clock().date()
        )
    except Exception as error:  # a day listed twice, the court's judges unreadable
        workspace.failed.emit(error)
        return None
    if not found:
        return []
    from planner.ui.judges.court_moves_dialog import CourtMovesDialog

    shown = workspace.judge.name if workspace.judge is not None else None
    dialog = CourtMovesDialog(court, found, shown, parent)
    return judge_actions.review_moves(dialog, show_calendar, exec_dialog)


def _save_with_moves(
    workspace: Workspace, court: str, closures: list[Closure], moves: "list[Move]"
) -> "SavedCourtMoves | None":
    """The court's closures saved with the moves, as one transaction and one undo step."""
    from planner.services import court_closure_moves

    database = workspace.database
    change = Change.CALENDAR | Change.HEARINGS

    def undo(done: "SavedCourtMoves") -> Change:
        court_closure_moves.undo_save_with_moves(database, done)
        return change

    def redo(done: "SavedCourtMoves") -> Change:
        court_closure_moves.redo_save_with_moves(database, done)
        return change

    count = len(moves)
    return workspace.perform(
        f"Change the closures of the court {court} and move {count} "
        f"hearing{'s' if count != 1 else ''}",
        lambda: court_closure_moves.save_with_moves(database, court, closures, moves),
        undo=undo,
        redo=redo,
        change=change,
    )


def edit_court_closures(
    workspace: Workspace,
    parent: QWidget,
    *,
    exec_dialog: ExecDialog = _exec,
    show_calendar: ShowCalendar | None = None,
) -> CourtClosuresDialog | None:
    """Open the dialog for the court of the judge on screen (refused, with the reason, when the
    profile names no court). On Save, new days over booked hearings ask first (``save_court_closures``)."""
    judge = workspace.judge
    if judge is None:
        return None
    try:
        closures = service.court_closures(workspace.database, judge.court)
        judges = service.judges_of_court(workspace.database, judge.court)
    except (InvalidValue, StoreError) as error:
        QMessageBox.information(parent, "Court closures", f"{error}")
        return None
    court = judge.court.strip()
    dialog = CourtClosuresDialog(court, closures, judges, workspace.clock().date(), parent)
    dialog.accepted.connect(
        lambda: save_court_closures(
            workspace,
            court,
            closures,
            dialog.closures(),
            parent=parent,
            exec_dialog=exec_dialog,
            show_calendar=show_calendar,
        )
    )
    dialog.open()
    return dialog
