"""Calendar > Re-plan… (Ctrl+Shift+E): the hearings a change left in conflict (leave, a closure, a
smaller master calendar) moved to the nearest free places of their kind, as few noticed hearings
as it can (``planner.scheduling.replan``). The moves are listed, and drawn as ghosts on the
calendar while the dialog is open; Apply stores them all as one undo step, Cancel stores nothing.
The command line's ``planner replan`` is the same re-plan."""

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.plural import counted
from planner.scheduling.replan import Move, Replan
from planner.services import replanning
from planner.services.autoschedule import propose_replan
from planner.services.changes import Change
from planner.ui.calendar.calendar_proposal import ProposedMove
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace

#: Runs the dialog modally; True when applied. Tests pass one that drives it.
RunDialog = Callable[[QDialog], bool]


def _run(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class ReplanDialog(QDialog):
    """The re-plan of the judge on screen from tomorrow (the workspace's clock), its summary
    ("Moves 12 hearings, 2 of them noticed"), its moves, and whether to move noticed hearings
    too; the moves are ghosts on ``calendar`` while it is open."""

    def __init__(
        self, workspace: Workspace, calendar: CalendarView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.calendar = calendar
        judge = workspace.judge
        assert judge is not None
        self.judge = judge.name
        self.first = workspace.clock().date() + timedelta(days=1)
        self.plan = Replan((), (), ())
        self.setWindowTitle(f"Re-plan {judge.name}'s calendar")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.noticed_box = QCheckBox("Move &noticed hearings too (each then needs a new notice)")
        self.noticed_box.setToolTip(
            "A hearing whose notice was served is pinned: left where it is unless ticked"
        )
        self.noticed_box.toggled.connect(self.work_out)
        self.list = QListWidget()
        self.list.setAccessibleName("Proposed moves")
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._reveal)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.apply_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.noticed_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 320)  # leaves most of a 1024x600 calendar in sight
        self.finished.connect(lambda _result: calendar.show_moves(()))
        self.work_out()

    def work_out(self) -> None:
        """The re-plan again (nothing stored), listed and drawn as ghosts."""
        try:
            self.plan = propose_replan(
                self.workspace.database,
                self.judge,
                self.first,
                move_noticed=self.noticed_box.isChecked(),
            )
        except Exception as error:  # the judge gone, an unreadable docket
            self.workspace.failed.emit(error)
            self.plan = Replan((), (), ())
        plan = self.plan
        self.summary.setText(
            f"From {self.first:%a} {self.first.day} {self.first:%b %Y}: {plan.summary()}. "
            "Nothing is moved until you apply; the moves are drawn as dashed ghosts on the "
            "calendar."
        )
        self.list.clear()
        for move in plan.moves:
            item = QListWidgetItem(move.describe())
            item.setData(Qt.ItemDataRole.UserRole, move)
            self.list.addItem(item)
        count = len(plan.moves)
        self.apply_button.setText(f"&Move {counted(count, 'Hearing')}" if count else "&Move")
        self.apply_button.setEnabled(count > 0)
        self.calendar.show_moves(
            [ProposedMove(m.hearing_id, m.a_number, m.start, m.to, m.minutes) for m in plan.moves]
        )
        if plan.moves:
            self.list.setCurrentRow(0)

    def _reveal(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        move = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(move, Move):
            self.calendar.reveal(move.to, move.minutes)


def replan(
    workspace: Workspace,
    calendar: CalendarView,
    parent: QWidget | None = None,
    *,
    run: RunDialog = _run,
) -> bool:
    """Re-plan the judge on screen after review; the moves stored as one undo step."""
    if workspace.judge is None:
        return False
    dialog = ReplanDialog(workspace, calendar, parent)
    try:
        if not run(dialog) or not dialog.plan.moves:
            return False
        plan, judge = dialog.plan, dialog.judge
    finally:
        calendar.show_moves(())
        dialog.deleteLater()
    database = workspace.database

    def undo(done: replanning.Replanned) -> Change:
        replanning.undo_replan(database, done)
        return Change.HEARINGS

    def redo(done: replanning.Replanned) -> Change:
        replanning.redo_replan(database, done)
        return Change.HEARINGS

    done = workspace.perform(
        f"Re-plan: move {counted(len(plan.moves), 'hearing')}",
        lambda: replanning.apply_replan(database, judge, plan),
        undo=undo,
        redo=redo,
        change=Change.HEARINGS,
    )
    if done is None:
        return False
    calendar.tell(done.describe())
    return True
