"""The court's combined docket sheet of a day on paper: printed through the print preview, or
saved as PDF. The Court Day tab offers them (the window hands them over: the screens do not
import one another)."""

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from planner.services.court_day import CourtDay
from planner.ui.common.save_path import ask_save_path


class CourtSheetPrinter:
    """Prints or saves ``CourtDay.sheets()`` one judge after another, with the docket sheet's
    layout (``planner/ui/files/docket_sheet.py``)."""

    def print_sheet(self, day: CourtDay, parent: QWidget) -> None:
        from planner.ui.common.letter_pages import print_preview
        from planner.ui.files.docket_sheet import page_layout, paint_sheets

        dialog = print_preview(
            page_layout(),
            day.sheet_title,
            parent,
            lambda device: paint_sheets(day.sheets(), device),
        )
        dialog.exec()
        dialog.deleteLater()

    def save_pdf(self, day: CourtDay, parent: QWidget, out: Path | None = None) -> Path | None:
        """Save the sheet to ``out`` (asked for when None); returns the file written, or None."""
        from planner.ui.files.docket_sheet import save_court_pdf

        if out is None:
            out = ask_save_path(
                parent,
                "Save the court's docket sheet as PDF",
                Path.home() / f"{day.file_stem}.pdf",
                "PDF documents (*.pdf)",
                ".pdf",
            )
            if out is None:
                return None
        try:
            pages = save_court_pdf(day.sheets(), day.sheet_title, out)
        except OSError as error:
            reason = error.strerror or str(error)
            QMessageBox.warning(parent, "Sheet not saved", f"{out} could not be written: {reason}")
            return None
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(day.describe_saved(pages, out), 8000)
        return out
