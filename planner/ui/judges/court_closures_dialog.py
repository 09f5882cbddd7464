"""Judge > Court Closures…: the days the whole court of the judge on screen is closed, entered
once for every judge whose profile names the court (a judge's own closures stay in the
profile). Saved as one transaction and one undo step."""

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from planner.domain.docket import Closure
from planner.domain.errors import InvalidValue
from planner.services import court_closures as service
from planner.services.changes import Change
from planner.store.errors import StoreError
from planner.ui.common.workspace import Workspace
from planner.ui.judges.calendar_editor import ClosuresEditor


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
    workspace: Workspace, court: str, before: list[Closure], after: list[Closure]
) -> list[Closure] | None:
    """Save the court's closures as one undo step; None when nothing changed or it failed."""
    if set(before) == set(after):
        return None
    database = workspace.database

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


def edit_court_closures(workspace: Workspace, parent: QWidget) -> CourtClosuresDialog | None:
    """Open the dialog for the court of the judge on screen (refused, with the reason, when the
    profile names no court)."""
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
        lambda: save_court_closures(workspace, court, closures, dialog.closures())
    )
    dialog.open()
    return dialog
