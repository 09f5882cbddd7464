"""File > Import… and File > Export…: a docket file or a cases spreadsheet (CSV or .xlsx) in,
with a preview first; the docket file, the cases spreadsheet or the calendar (.ics) out, as the
command line writes them."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.interchange.problems import LISTED
from planner.services import transfer
from planner.services.changes import Change
from planner.store.errors import StoreError
from planner.ui.common.errors import refused_read_only, show_error
from planner.ui.common.workspace import Workspace

IMPORT_FILTERS = (
    "Docket files and cases spreadsheets (*.json *.csv *.xlsx);;Docket files (*.json);;"
    "Cases spreadsheets (*.csv *.xlsx)"
)
DOCKET_FILTER = "Docket file (*.json)"
CASES_FILTER = "Cases spreadsheet (*.csv)"
WORKBOOK_FILTER = "Cases workbook for Excel (*.xlsx)"
CALENDAR_FILTER = "Calendar (*.ics)"
EXPORT_FILTERS = ";;".join((DOCKET_FILTER, CASES_FILTER, WORKBOOK_FILTER, CALENDAR_FILTER))
_SUFFIX_OF = {DOCKET_FILTER: "json", CASES_FILTER: "csv", WORKBOOK_FILTER: "xlsx"}


class ImportPreviewDialog(QDialog):
    """What the file would change, and every bad row; Import stores it, Cancel stores nothing."""

    def __init__(self, preview: transfer.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {preview.source}")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.more = QLabel()
        self.more.setObjectName("more")
        self.more.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setEnabled(preview.importable)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        count = len(preview.problems)
        if count:
            noun = "problem" if count == 1 else "problems"
            self.summary.setText(
                f"{preview.source} cannot be imported: {count:,} {noun}, listed by line and "
                "column. Nothing has been stored. Correct the file and import it again."
            )
            self.problems.addItems([str(problem) for problem in preview.problems[:LISTED]])
            layout.addWidget(self.problems, 1)
            if count > LISTED:
                self.more.setText(
                    f"… and {count - LISTED:,} more problems (the first {LISTED} are listed)."
                )
                layout.addWidget(self.more)
            self.resize(720, 460)
        else:
            nothing = "" if preview.importable else " There is nothing new to store."
            self.summary.setText(
                f"{preview.describe()}{nothing}\n\nNothing is stored until you press Import; "
                "Edit > Undo takes the whole import back."
            )
            layout.addStretch(1)
            self.resize(560, 180)
        layout.addWidget(self.buttons)


def import_file(workspace: Workspace, parent: QWidget) -> bool:
    """Ask for a file, preview it, and store it if the user confirms: one undo step. Refused,
    saying why, before a file is chosen when the login may not change the docket on screen."""
    if refused_read_only(workspace.access, parent):
        return False
    path, _ = QFileDialog.getOpenFileName(parent, "Import", str(Path.home()), IMPORT_FILTERS)
    if not path:
        return False
    judge = workspace.judge
    if judge is None and Path(path).suffix.lower() in (".csv", ".xlsx"):
        show_error(
            parent,
            InvalidValue(
                "a cases spreadsheet goes to the docket on screen: choose or add the judge "
                "first (a docket file, .json, brings its own judge)"
            ),
        )
        return False
    # Read on this thread, under a busy cursor: measured 0.8 s for a 5,000-case CSV and 1.9 s
    # for the same as .xlsx (openpyxl's first import included).
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        preview = transfer.preview_import(
            workspace.database, Path(path), judge_id=None if judge is None else judge.id
        )
    except (InvalidValue, StoreError) as error:
        failure: Exception | None = error
    else:
        failure = None
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        show_error(parent, failure)
        return False
    dialog = ImportPreviewDialog(preview, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted or not preview.importable:
        return False
    return _perform(workspace, preview)


def _perform(workspace: Workspace, preview: transfer.ImportPreview) -> bool:
    database = workspace.database
    change = Change.EVERYTHING if preview.kind == "docket" else Change.CASES | Change.HEARINGS
    # An undo of a docket file shows the judge it replaced, or else the one on screen before.
    earlier = None if workspace.judge is None else workspace.judge.name

    def show(name: str | None) -> None:
        if preview.kind == "docket":
            found = next((j for j in workspace.judges() if j.name == name), None)
            workspace.switch_judge(found)

    def do(redo: bool = False) -> transfer.AppliedImport:
        applied = transfer.apply_import(database, preview, redo=redo)
        show(preview.judge)
        return applied

    def undo(applied: transfer.AppliedImport) -> Change:
        transfer.undo_import(database, applied)
        show(earlier if applied.replaced is None else applied.replaced.judge.name)
        return change

    def redo(_applied: transfer.AppliedImport) -> Change:
        do(redo=True)
        return change

    done = workspace.perform(f"Import {preview.source}", do, undo=undo, redo=redo, change=change)
    return done is not None


def export_file(workspace: Workspace, parent: QWidget) -> bool:
    """Ask for a file and a kind, and write the judge's docket file, cases CSV or calendar."""
    judge = workspace.judge
    if judge is None:
        return False
    stem = "-".join(judge.name.lower().split()) or "docket"
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export", str(Path.home() / f"{stem}.json"), EXPORT_FILTERS
    )
    if not path:
        return False
    out = Path(path)
    suffix = out.suffix.lower()
    if chosen == CALENDAR_FILTER or suffix == ".ics":
        # The calendar has its own choices (which days, names or not): its dialog asks them.
        from planner.ui.files.ics_export_dialog import export_calendar_file

        return export_calendar_file(workspace, parent) is not None
    # The file's own extension first, then the chosen filter's.
    fmt = suffix[1:] if suffix in (".json", ".csv", ".xlsx") else _SUFFIX_OF.get(chosen, "json")
    if suffix != f".{fmt}":
        out = out.with_name(f"{out.name}.{fmt}")
    try:
        summary = transfer.export_docket(workspace.database, judge.name, fmt, out)
    except (InvalidValue, StoreError) as error:
        show_error(parent, error)
        return False
    QMessageBox.information(parent, "Exported", summary.describe())
    return True
