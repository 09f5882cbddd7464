"""The Notices tab: the judge's hearings whose notice to the respondent and counsel is not yet
served, by the day to serve them by; print them (one notice a page), save them as PDF, and mark
them served (one undo step). A hearing moved after its notice was served comes back here."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.notices import MAX_NOTICE_DAYS, CourtSettings, DueNotice, ServedNotice
from planner.domain.plural import counted
from planner.services import notices as service
from planner.services.changes import Change
from planner.services.notices import HEARING_NAMES, NoticeQueue
from planner.store.errors import StoreError
from planner.ui.common.freshness import Freshness
from planner.ui.common.save_path import ask_save_path
from planner.ui.common.theme import current_colours
from planner.ui.common.workspace import Workspace

JUDGE_COLUMN = 7  # after COLUMNS: whose hearing, in the court-wide queue
COLUMNS = ("Serve by", "Notice", "A-number", "Respondent", "Counsel", "Hearing", "Was")
HEADER_TIPS = (
    "The last day to serve the notice: the court's notice period before the hearing",
    "Set (a new hearing), moved (since its notice), or cancelled (taken off after its notice)",
    "The respondent's A-number",
    "The respondent; (detained) when in custody",
    "Who is served with the respondent: the attorney, or Pro se",
    "The hearing's day, time and kind (for a cancellation: the hearing cancelled)",
    "For a moved hearing, when the last notice said it was",
)


def _when(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"


def cells(notice: DueNotice, today: date) -> tuple[str, ...]:
    h = notice.hearing
    by = f"{notice.serve_by:%a} {notice.serve_by.day} {notice.serve_by:%b %Y}"
    return (
        by + (" · late" if notice.late(today) else ""),
        notice.event.value.capitalize(),
        notice.a_number,
        h.name + (" (detained)" if h.detained else ""),
        notice.counsel,
        f"{_when(h.start)} · {HEARING_NAMES[h.kind]}",
        _when(notice.previous_start) if notice.previous_start is not None else "",
    )


class CourtSettingsDialog(QDialog):
    """The court's address (printed on its notices) and notice period."""

    def __init__(self, settings: CourtSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Court: {settings.name or 'no court named'}")
        self.court = settings.name
        self.address = QPlainTextEdit(settings.address)
        self.address.setPlaceholderText("Street\nCity, State ZIP")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 5)
        self.days = QSpinBox()
        self.days.setRange(0, MAX_NOTICE_DAYS)
        self.days.setValue(settings.notice_days)
        self.days.setSuffix(" days before the hearing")
        form = QFormLayout(self)
        note = QLabel(
            "For every judge whose profile names this court. The first hearing may not be set "
            "sooner than 10 days after the notice to appear is served (INA 239(b)(1))."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("&Address:", self.address)
        form.addRow("&Notice period:", self.days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> CourtSettings:
        return CourtSettings(self.court, self.address.toPlainText().strip(), self.days.value())


class NoticesView(QWidget):
    """The queue of the judge on screen, or (Every judge of the court) of every judge of the
    judge's court, for the clerk."""

    loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.queue: NoticeQueue | None = None
        self.summary = QLabel()
        self.summary.setObjectName("noticesSummary")
        self.summary.setWordWrap(True)
        self.court_label = QLabel()
        self.court_label.setWordWrap(True)
        self.court_button = QPushButton("Court &Address and Notice Period…")
        self.court_button.clicked.connect(self.edit_court)
        self.court_wide_box = QCheckBox("Every judge of the &court")
        self.court_wide_box.setToolTip(
            "The clerk's queue: the notices of every judge whose profile names this court"
        )
        self.court_wide_box.toggled.connect(lambda _on: self.reload())
        self.table = QTableWidget(0, len(COLUMNS) + 1)
        self.table.setHorizontalHeaderLabels([*COLUMNS, "Judge"])
        self.table.setAccessibleName("Notices to serve")
        self.table.setAccessibleDescription(
            "Hearings whose notice is not yet served, by the day it must be served by"
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setColumnHidden(JUDGE_COLUMN, True)  # shown court-wide
        for column, tip in enumerate(HEADER_TIPS):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Print the chosen notices (all, when none is chosen)")
        self.print_button.clicked.connect(self.print_notices)
        self.pdf_button = QPushButton("Save as P&DF…")
        self.pdf_button.setToolTip("One PDF, a notice a page: the chosen notices, or all")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.serve_button = QPushButton("&Mark Served")
        self.serve_button.setToolTip(
            "Record the chosen notices (all, when none is chosen) as served today: one undo step"
        )
        self.serve_button.clicked.connect(self.mark_served)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.court_wide_box)
        top.addWidget(self.court_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.court_label, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.serve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.freshness = Freshness(self.reload, self.isVisible)
        workspace.changed.connect(self._on_change)
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())
        workspace.access_changed.connect(lambda _access: self._update_buttons())

    # Reading ----------------------------------------------------------------------------------

    def today(self) -> date:
        return self.workspace.clock().date()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.freshness.ensure()

    def _on_change(self, change: Change) -> None:
        if change & (Change.HEARINGS | Change.CASES | Change.JUDGES | Change.NOTICES):
            self.freshness.changed()

    def reload(self) -> None:
        self.freshness.stale = False
        judge = self.workspace.judge
        self.queue = None
        if judge is not None:
            load = (
                service.load_court_queue if self.court_wide_box.isChecked() else service.load_queue
            )
            try:
                self.queue = load(self.workspace.database, judge.name, self.today())
            except (StoreError, InvalidValue) as error:
                self.summary.setText(f"The notices could not be read: {error}")
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        queue = self.queue
        due = queue.due if queue is not None else ()
        self.table.setRowCount(len(due))
        today = self.today()
        late_colour = QColor(current_colours().late_text)  # the docket's overdue dates' colour
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, notice in enumerate(due):
            late = notice.late(today)
            for column, text in enumerate(cells(notice, today)):
                item = QTableWidgetItem(text)
                if late and column == 0:
                    item.setForeground(QBrush(late_colour))
                    item.setFont(bold)
                    item.setToolTip(
                        "Too late to serve with the full notice period: move the hearing, or "
                        "serve it now if the respondent waives the period"
                    )
                self.table.setItem(row, column, item)
            self.table.setItem(row, JUDGE_COLUMN, QTableWidgetItem(notice.hearing.judge))
        self.table.setColumnHidden(JUDGE_COLUMN, queue is None or not queue.court_wide)
        if queue is None:
            if self.workspace.judge is None:
                self.summary.setText("No judge: add a judge's profile first.")
            self.court_label.setText("")
        else:
            self.summary.setText(
                queue.summary()
                + ("" if not due else " Each goes to the respondent and to counsel.")
            )
            court = queue.court
            where = court.name or "No court named in the judge's profile"
            address = ", ".join(line for line in court.address.splitlines() if line.strip())
            self.court_label.setText(
                f"{where}: {address or 'no address yet (printed notices need one)'} · notice "
                f"period {counted(court.notice_days, 'day')}"
            )
        self.court_button.setEnabled(queue is not None)
        self._update_buttons()

    def chosen(self) -> list[DueNotice]:
        """The selected notices, or all of them when none is selected."""
        if self.queue is None:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.queue.due[r] for r in rows] if rows else list(self.queue.due)

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        some = bool(self.table.selectionModel().selectedRows())
        for button, verb in (
            (self.print_button, "&Print"),
            (self.pdf_button, "Save"),
            (self.serve_button, "&Mark"),
        ):
            # Marking served changes the docket: greyed where the login may not (court roles).
            may = self.workspace.access.may_change or button is not self.serve_button
            button.setEnabled(bool(chosen) and may)
            what = counted(len(chosen), "notice") if some else "All"
            if button is self.print_button:
                button.setText(f"{verb} {what}…" if chosen else f"{verb}…")
            elif button is self.pdf_button:
                button.setText(f"{verb} {what} as P&DF…" if chosen else "Save as P&DF…")
            else:
                button.setText(f"{verb} {what} Served" if chosen else "&Mark Served")

    # Actions ----------------------------------------------------------------------------------

    def mark_served(self) -> tuple[ServedNotice, ...] | None:
        """Record the chosen notices served today: one transaction, one undo step."""
        judge, chosen, today = self.workspace.judge, self.chosen(), self.today()
        if judge is None or not chosen:
            return None
        database = self.workspace.database

        def undo(served: tuple[ServedNotice, ...]) -> Change:
            service.unmark_served(self.workspace.database, served)
            return Change.NOTICES

        def redo(served: tuple[ServedNotice, ...]) -> Change:
            service.remark_served(self.workspace.database, served)
            return Change.NOTICES

        return self.workspace.perform(
            f"Mark {counted(len(chosen), 'notice')} served",
            lambda: service.mark_served(database, judge.name, chosen, today),
            undo=undo,
            redo=redo,
            change=Change.NOTICES,
        )

    def edit_court(self) -> CourtSettings | None:
        if self.queue is None:
            return None
        dialog = CourtSettingsDialog(self.queue.court, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            settings = dialog.settings()
        except InvalidValue as error:
            QMessageBox.warning(self, "Not saved", f"{error}")
            return None
        return self.save_court(settings)

    def save_court(self, settings: CourtSettings) -> CourtSettings | None:
        """Save the court's address and notice period (one undo step); returns what it was."""
        database = self.workspace.database

        def put(chosen: CourtSettings) -> Change:
            service.save_court_settings(self.workspace.database, chosen)
            return Change.NOTICES

        return self.workspace.perform(
            f"Change the court's notices ({settings.name or 'no court'})",
            lambda: service.save_court_settings(database, settings),
            undo=put,
            redo=lambda _before: put(settings),
            change=Change.NOTICES,
        )

    def save_pdf(self, out: Path | None = None) -> Path | None:
        """Save the chosen notices as one PDF (asked where when ``out`` is None)."""
        from planner.ui.notices.notice_pages import save_pdf

        queue, chosen = self.queue, self.chosen()
        if queue is None or not chosen:
            return None
        if out is None:
            stem = "notices-" + "".join(
                c
                for c in ("court" if queue.court_wide else queue.judge.name.split()[-1]).lower()
                if c.isalnum()
            )
            out = ask_save_path(
                self, "Save notices as PDF", Path.home() / f"{stem}-{queue.today}.pdf",
                "PDF documents (*.pdf)", ".pdf",
            )  # fmt: skip
            if out is None:
                return None
        try:
            pages = save_pdf(chosen, queue.court, queue.today, queue.whose, out)
        except (InvalidValue, OSError) as error:
            QMessageBox.warning(self, "Notices not saved", f"{error}")
            return None
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                f"Saved {counted(pages, 'notice')} to {out}. Mark them served once they are.", 8000
            )
        return out

    def preview(self):
        """The print preview of the chosen notices; its Print button opens the print dialog."""
        from planner.ui.common.letter_pages import print_preview
        from planner.ui.notices.notice_pages import page_layout, paint_notices, title

        queue, chosen = self.queue, self.chosen()
        if queue is None or not chosen:
            return None
        return print_preview(
            page_layout(),
            title(queue.whose),
            self,
            lambda device: paint_notices(chosen, queue.court, queue.today, device),
        )

    def print_notices(self) -> None:
        dialog = self.preview()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()
