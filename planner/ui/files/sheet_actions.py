"""File > Print Docket Sheet… and Save Docket Sheet as PDF…: the window's way to a docket sheet.

The sheet's layout and Qt's print support load on first use, not with the window."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from planner.domain.errors import InvalidValue
from planner.store.errors import StoreError
from planner.ui.common.save_path import ask_save_path
from planner.ui.common.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from planner.services.docket_sheet import DocketSheet

#: Ctrl+P already opens the judge's profile (README), and a shortcut on two actions fires
#: neither; printing takes Ctrl+Shift+P.
PRINT_SHORTCUT = "Ctrl+Shift+P"


class DocketSheetActions(QObject):
    """The two actions, for the days that ``days`` names: the calendar's, so the sheet follows
    the calendar's day or week view and the date it shows."""

    def __init__(
        self, workspace: Workspace, days: Callable[[], list[date]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.days = days
        self.window = parent
        self.print_action = QAction("&Print Docket Sheet…", parent)
        self.print_action.setShortcut(QKeySequence(PRINT_SHORTCUT))
        self.print_action.setToolTip(
            "Print the courtroom's docket sheet of the day or week the calendar shows"
        )
        self.print_action.triggered.connect(self.print_sheet)
        self.save_action = QAction("Save Docket Sheet as P&DF…", parent)
        self.save_action.setToolTip("Save the docket sheet of the day or week the calendar shows")
        self.save_action.triggered.connect(self.save_sheet)
        for action in self.actions():
            action.setStatusTip(action.toolTip())
        workspace.judge_switched.connect(self._enable)
        self._enable(workspace.judge)

    def actions(self) -> list[QAction]:
        return [self.print_action, self.save_action]

    def _enable(self, judge: object) -> None:
        for action in self.actions():
            action.setEnabled(judge is not None)

    def sheet(self) -> "DocketSheet | None":
        """The sheet of the calendar's days as stored now, or None (and a message) if there is
        no judge or it cannot be read."""
        from planner.services.docket_sheet import load_sheet

        judge, days = self.workspace.judge, self.days()
        if judge is None or not days:
            return None
        try:
            return load_sheet(
                self.workspace.database,
                judge.name,
                days[0],
                days[-1],
                printed=self.workspace.clock(),
            )
        except (StoreError, InvalidValue) as error:
            QMessageBox.warning(self.window, "No docket sheet", f"{error}")
            return None

    def preview(self, sheet: "DocketSheet") -> "QPrintPreviewDialog":
        """The print preview of ``sheet`` on Letter paper; its Print button opens the system's
        print dialog."""
        from planner.ui.common.letter_pages import print_preview
        from planner.ui.files.docket_sheet import page_layout, paint_sheet, title

        return print_preview(
            page_layout(), title(sheet), self.window, lambda device: paint_sheet(sheet, device)
        )

    def print_sheet(self) -> None:
        sheet = self.sheet()
        if sheet is not None:
            dialog = self.preview(sheet)
            dialog.exec()
            dialog.deleteLater()

    def save_sheet(self) -> Path | None:
        """Ask where, then save the sheet as PDF; returns the file written, or None."""
        from planner.ui.files.docket_sheet import describe, save_pdf

        sheet = self.sheet()
        if sheet is None:
            return None
        out = ask_save_path(
            self.window,
            "Save docket sheet as PDF",
            Path.home() / f"{sheet.file_stem}.pdf",
            "PDF documents (*.pdf)",
            ".pdf",
        )
        if out is None:
            return None
        try:
            pages = save_pdf(sheet, out)
        except (InvalidValue, OSError) as error:
            QMessageBox.warning(self.window, "Docket sheet not saved", f"{error}")
            return None
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(describe(sheet, pages, out), 8000)
        return out
