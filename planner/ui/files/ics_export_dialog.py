"""File > Export Calendar (.ics)…: the judge's hearings as a calendar file, without names unless asked."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.judge import Judge
from planner.ui.common.errors import show_error
from planner.ui.common.tasks import BackgroundTask
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_dialog import date_edit, error_label, with_error

if TYPE_CHECKING:
    from planner.services.calendar_export import CalendarExportSummary

ICS_FILTER = "Calendar files (*.ics);;All files (*)"

NAMES_NOTE = (
    "Without names, each event shows only the hearing kind and the last four digits of the "
    "A-number. Calendar files end up on phones and in cloud services: include names only if "
    "the calendar they go to is cleared for confidential asylum records."
)


@dataclass(frozen=True, slots=True)
class IcsExportChoice:
    out: Path
    first: date
    last: date
    with_names: bool


def default_file(judge: Judge) -> Path:
    """``hearings-<judge>.ics`` in the user's Documents folder, or home if there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", judge.name).strip("-").lower() or "judge"
    return folder / f"hearings-{stem}.ics"


class IcsExportDialog(QDialog):
    """Ask for the days, the file and whether names go in (off unless the user ticks it)."""

    def __init__(self, judge: Judge, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export Calendar · {judge.name}")
        self.first_edit: QDateEdit = date_edit(today)
        self.last_edit: QDateEdit = date_edit(today + timedelta(days=365))
        self.range_error = error_label()
        self.file_edit = QLineEdit(str(default_file(judge)))
        self.file_edit.setMinimumWidth(360)
        self.file_error = error_label()
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.names_box = QCheckBox("Include &names (confidential)")
        self.names_box.setChecked(False)
        note = QLabel(NAMES_NOTE)
        note.setWordWrap(True)
        zone = QLabel(
            f"Times in {judge.timezone}, the judge's time zone; adjourned hearings as cancelled."
        )
        zone.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&From:", self.first_edit)
        form.addRow("&To:", with_error(self.last_edit, self.range_error))
        form.addRow("&File:", with_error(file_row, self.file_error))
        form.addRow("", self.names_box)
        form.addRow("", note)
        form.addRow("", zone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export calendar to", self.file_edit.text(), ICS_FILTER
        )
        if path:
            self.file_edit.setText(path if path.lower().endswith(".ics") else f"{path}.ics")

    def choice(self) -> IcsExportChoice | None:
        """What the user chose, or None with each wrong field's message shown under it."""
        first: date = self.first_edit.date().toPython()  # type: ignore[assignment]  # PySide6: object
        last: date = self.last_edit.date().toPython()  # type: ignore[assignment]
        text = self.file_edit.text().strip()
        out = Path(text).expanduser() if text else None
        range_problem = "The last day is before the first." if last < first else ""
        file_problem = ""
        if out is None:
            file_problem = "Say which file to write."
        elif out.is_dir():
            file_problem = f"{out} is a folder: give a file name ending in .ics."
        elif not out.parent.is_dir():
            file_problem = f"The folder {out.parent} does not exist."
        for label, problem in ((self.range_error, range_problem), (self.file_error, file_problem)):
            label.setText(problem)
            label.setVisible(bool(problem))
        if range_problem or file_problem or out is None:
            return None
        return IcsExportChoice(out, first, last, self.names_box.isChecked())

    def accept(self) -> None:
        if self.choice() is not None:
            super().accept()


def export_calendar_file(workspace: Workspace, parent: QWidget) -> BackgroundTask | None:
    """Ask, then write the file in a worker thread; say what was written, or why not."""
    judge = workspace.judge
    if judge is None:
        return None
    dialog = IcsExportDialog(judge, today=workspace.clock().date(), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    assert choice is not None
    return start_export(workspace, judge, choice, parent)


def start_export(
    workspace: Workspace, judge: Judge, choice: IcsExportChoice, parent: QWidget
) -> BackgroundTask:
    # Imported when asked: icalendar takes 0.4 s or more to import, too much for start-up.
    from planner.services.calendar_export import export_calendar

    database = workspace.database
    task = BackgroundTask(
        parent,
        "Writing the calendar file…",
        lambda _progress: export_calendar(
            database,
            judge.name,
            choice.out,
            first=choice.first,
            last=choice.last,
            with_names=choice.with_names,
        ),
    )
    task.finished.connect(lambda summary: _done(parent, summary))
    task.failed.connect(lambda error: show_error(parent, error))
    task.start()
    return task


def _done(parent: QWidget, summary: "CalendarExportSummary") -> None:
    QMessageBox.information(parent, "Calendar exported", summary.describe())
