"""File > Interpreter Requests…: for a day or a week, by language, every hearing across the
court's judges that needs an interpreter, with the bookings that cover them; printed, saved as
PDF, or saved as CSV."""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.services.interpreters import COLUMNS, InterpreterList, as_html, interpreter_list
from planner.store.errors import StoreError
from planner.ui.common.printed_html import print_html, save_html_pdf
from planner.ui.common.save_path import ask_save_path
from planner.ui.common.workspace import Workspace


def save_pdf(listing: InterpreterList, out: Path) -> None:
    save_html_pdf(as_html(listing), f"Interpreter requests: {listing.period}", out)


class InterpreterDialog(QDialog):
    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.listing: InterpreterList | None = None
        self.setWindowTitle("Interpreter requests")
        self.resize(980, 620)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.span = QComboBox()
        self.span.addItem("Day", "day")
        self.span.addItem("Week (Mon–Fri)", "week")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.bookings = QPlainTextEdit()
        self.bookings.setReadOnly(True)
        self.bookings.setAccessibleName("Interpreter bookings")
        self.bookings.setMaximumHeight(120)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Hearings that need an interpreter")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Save as P&DF…")
        self.csv_button = QPushButton("Save as &CSV…")
        close = QPushButton("Close")
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        close.clicked.connect(self.accept)
        self.day.dateChanged.connect(self.reload)
        self.span.currentIndexChanged.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(QLabel("&Date:"))
        top.itemAt(0).widget().setBuddy(self.day)  # type: ignore[union-attr]
        top.addWidget(self.day)
        top.addWidget(self.span)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.csv_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Bookings (one interpreter for a judge's consecutive hearings):"))
        layout.addWidget(self.bookings)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def days(self) -> tuple[date, date]:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        if self.span.currentData() == "week":
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=4)
        return day, day

    def reload(self) -> None:
        first, last = self.days()
        try:
            self.listing = interpreter_list(self.workspace.database, first, last)
        except (InvalidValue, StoreError) as error:
            self.listing = None
            self.summary.setText(f"Cannot read the hearings: {error}")
            return
        listing = self.listing
        self.summary.setText(listing.summary())
        self.bookings.setPlainText("\n".join(b.describe() for b in listing.bookings()))
        rows = listing.rows()
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(bool(rows))

    def save(self, kind: str, out: Path | None = None) -> Path | None:
        listing = self.listing
        if listing is None:
            return None
        if out is None:
            name = f"interpreters-{listing.first}.{kind}"
            wanted = "PDF documents (*.pdf)" if kind == "pdf" else "CSV files (*.csv)"
            out = ask_save_path(
                self, "Save interpreter requests", Path.home() / name, wanted, f".{kind}"
            )
            if out is None:
                return None
        try:
            if kind == "pdf":
                save_pdf(listing, out)
            else:
                from planner.services.table_export import save_table_csv

                save_table_csv(out, COLUMNS, listing.rows())
        except (InvalidValue, OSError) as error:
            QMessageBox.warning(self, "Not saved", f"{out} could not be written: {error}")
            return None
        return out

    def print_list(self) -> None:
        if self.listing is not None:
            print_html(as_html(self.listing), f"Interpreter requests: {self.listing.period}", self)


def show_interpreter_requests(workspace: Workspace, parent: QWidget) -> InterpreterDialog:
    dialog = InterpreterDialog(workspace, workspace.clock().date(), parent)
    dialog.open()
    return dialog
