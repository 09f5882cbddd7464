"""The Court Day tab: the day's sessions of every judge of the court (or the judges chosen) side
by side, hearings as blocks; a hearing dragged to another judge, or moved there from the
keyboard (Move to Judge…, M), in one transaction and one undo step; the court's combined docket
sheet of the day printed or saved as PDF.

What may move where, and the move itself, are the core's (``planner.services.court_day``); the
board paints (``planner/ui/court/court_day_board.py``)."""

from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.services import court_day as service
from planner.services.changes import Change
from planner.services.docket_access import DocketAccess, transfer_access
from planner.store.database import Database
from planner.store.errors import StoreError
from planner.ui.common import accessibility
from planner.ui.common.freshness import Freshness
from planner.ui.common.theme import late_text_colour
from planner.ui.common.workspace import Workspace
from planner.ui.court.court_day_board import CourtDayBoard

MOVE_SHORTCUT = "M"
MOVE_TIP = "Move the selected hearing, with its case, to another judge at the same time (M)"


class SheetPrinter(Protocol):
    """What prints and saves the court's combined docket sheet of a day."""

    def print_sheet(self, day: service.CourtDay, parent: QWidget) -> None: ...

    def save_pdf(
        self, day: service.CourtDay, parent: QWidget, out: Path | None = None
    ) -> Path | None: ...


class CourtDayView(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        sheets: SheetPrinter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("courtDayView")
        self.workspace = workspace
        #: Prints and saves the combined docket sheet (the window hands it over).
        self.sheets = sheets
        self.day: service.CourtDay | None = None
        #: The judges shown by name; empty: every judge of the court.
        self.chosen: list[str] = []
        self.board = CourtDayBoard()
        self.board.refusal_for = self._refusal_for
        self.board.move_requested.connect(self._dropped)
        self.board.selection_changed.connect(self._enable)
        self.board.menu_requested.connect(self.context_menu)
        self.board.move_key.connect(lambda: self.move_selected())
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.board)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName("The court's day")

        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName("Previous day")
        self.previous_button.setToolTip("The day before")
        self.previous_button.clicked.connect(lambda: self.set_date(self.shown_date().addDays(-1)))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day")
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName("Next day")
        self.next_button.setToolTip("The day after")
        self.next_button.clicked.connect(lambda: self.set_date(self.shown_date().addDays(1)))
        self.judges_button = QToolButton()
        self.judges_button.setText("Judges: the court")
        self.judges_button.setAccessibleName("Judges shown")
        self.judges_button.setToolTip("Show every judge of the court, or only those chosen")
        self.judges_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.judges_menu = QMenu(self.judges_button)
        self.judges_menu.aboutToShow.connect(self._fill_judges_menu)
        self.judges_button.setMenu(self.judges_menu)

        self.move_action = QAction("&Move to Judge…", self)
        self.move_action.setShortcut(QKeySequence(MOVE_SHORTCUT))  # said in menus; the board
        self.move_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # takes the key
        self.move_action.setToolTip(MOVE_TIP)
        self.move_action.triggered.connect(lambda: self.move_selected())
        self.move_button = QPushButton("Move to &Judge…")
        self.move_button.setToolTip(MOVE_TIP)
        self.move_button.clicked.connect(lambda: self.move_selected())
        self.print_button = QPushButton("&Print Court Sheet…")
        self.print_button.setToolTip("Print the combined docket sheet of the day, judge by judge")
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton("Save Court Sheet as P&DF…")
        self.pdf_button.setToolTip("Save the combined docket sheet of the day as a PDF file")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.summary = QLabel("")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Court day message")
        for button in (self.previous_button, self.next_button):
            button.setMaximumWidth(4 * button.fontMetrics().horizontalAdvance("▶"))
        top = QHBoxLayout()
        for widget in (self.previous_button, self.date_edit, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.judges_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.move_button)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        self.message.hide()  # until there is something to say
        layout.addWidget(self.scroll_area, 1)
        self.freshness = Freshness(self.reload, self.isVisible)
        workspace.changed.connect(lambda _change: self.freshness.changed())
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())
        workspace.access_changed.connect(lambda _access: self._enable())  # a grant read again
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(_qdate(workspace.clock().date()))
        self.date_edit.blockSignals(False)
        self._enable()

    # The day shown ----------------------------------------------------------------------------

    def shown_date(self) -> QDate:
        return self.date_edit.date()

    def set_date(self, day: QDate | date) -> None:
        self.date_edit.setDate(day if isinstance(day, QDate) else _qdate(day))

    def choose_judges(self, names: list[str]) -> None:
        """Show only these judges (none: every judge of the court)."""
        self.chosen = list(names)
        self.judges_button.setText(f"Judges: {len(names)} chosen" if names else "Judges: the court")
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.freshness.ensure()

    def reload(self) -> None:
        self.freshness.stale = False
        day = self.shown_date().toPython()
        assert isinstance(day, date)
        try:
            on_screen = self.workspace.judge
            self.day = service.court_day(
                self.workspace.database,
                day,
                self.chosen,
                court=on_screen.court if on_screen is not None else "",
                printed=self.workspace.clock(),
            )
        except (InvalidValue, StoreError) as error:
            self.day = None
            self.summary.setText(f"{error}")
            self._enable()
            return
        self.board.set_day(self.day)
        self.summary.setText(self.day.summary())
        self._enable()

    def _fill_judges_menu(self) -> None:
        self.judges_menu.clear()
        every = self.judges_menu.addAction("Every judge of the court")
        every.triggered.connect(lambda: self.choose_judges([]))
        self.judges_menu.addSeparator()
        shown = {c.name for c in self.day.columns} if self.day else set()
        for judge in self.workspace.judges():
            action = self.judges_menu.addAction(judge.name)
            action.setCheckable(True)
            action.setChecked(judge.name in shown)
            action.toggled.connect(lambda on, name=judge.name: self._toggle_judge(name, on))

    def _toggle_judge(self, name: str, on: bool) -> None:
        shown = [c.name for c in self.day.columns] if self.day else []
        shown = [n for n in shown if n != name] + ([name] if on else [])
        every = [j.name for j in self.workspace.judges()]
        self.choose_judges([n for n in every if n in shown])

    def _enable(self) -> None:
        """Move to Judge for a selected hearing whose judge's docket the login may change (a
        court server's roles); otherwise greyed, saying why in the server's words."""
        selected = self.board.selected
        access = self._access(selected, None)
        why = access.reason[0].upper() + access.reason[1:] if access.reason else MOVE_TIP
        self.move_action.setEnabled(selected is not None and access.may_change)
        self.move_button.setEnabled(selected is not None and access.may_change)
        for shown in (self.move_action, self.move_button):
            shown.setToolTip(why)
            shown.setStatusTip(why)
        has_day = self.sheets is not None and self.day is not None and bool(self.day.columns)
        self.print_button.setEnabled(has_day)
        self.pdf_button.setEnabled(has_day)

    # Moving a hearing -------------------------------------------------------------------------

    def _names(self) -> list[str]:
        return [c.name for c in self.day.columns] if self.day else []

    def _source(self, hearing_id: int) -> str | None:
        judge = self._source_judge(hearing_id)
        return judge.name if judge else None

    def _source_judge(self, hearing_id: int | None) -> Judge | None:
        found = self.board.block(hearing_id)
        return self.day.columns[found.column].judge if found and self.day else None

    def _access(self, hearing_id: int | None, target: Judge | None) -> DocketAccess:
        """May the login move the hearing from its judge's docket to ``target``'s (None: to
        some judge); the rule is the core's (``transfer_access``), as the server enforces it."""
        return transfer_access(self.workspace.permissions(), self._source_judge(hearing_id), target)

    def _judge_named(self, name: str) -> Judge | None:
        shown = [c.judge for c in self.day.columns] if self.day else []
        return next((j for j in shown if j.name == name), None) or next(
            (j for j in self.workspace.judges() if j.name == name), None
        )

    def _refusal_for(self, hearing_id: int, column: int, start: datetime) -> str | None:
        source = self._source(hearing_id)
        if source is None:
            return None
        target = self._names()[column]
        if target == source:
            return "Drop it on another judge's column (the Calendar tab moves it within a day)"
        access = self._access(hearing_id, self._judge_named(target))
        if not access.may_change:
            return access.reason
        return service.transfer_refusal(self.workspace.database, hearing_id, source, target, start)

    def _dropped(self, hearing_id: int, column: int, start: object) -> None:
        assert isinstance(start, datetime)
        self.move_hearing(hearing_id, self._names()[column], start)

    def move_selected(self, to_name: str | None = None) -> service.HearingTransfer | None:
        """Move the selected hearing to another judge at its own time; without ``to_name``,
        ask which judge (the keyboard's way, M)."""
        hearing_id = self.board.selected
        source = None if hearing_id is None else self._source(hearing_id)
        if hearing_id is None or source is None:
            return None
        if self._refused(hearing_id, None):
            return None
        if to_name is None:
            judges = [j for j in self.workspace.judges() if j.name != source]
            if not judges:
                self._say("There is no other judge to move the hearing to.", refused=True)
                return None
            others = [j.name for j in judges if self._access(hearing_id, j).may_change]
            if not others:  # none the login may change: the first one's reason
                self._refused(hearing_id, judges[0])
                return None
            to_name, ok = QInputDialog.getItem(
                self, "Move to Judge", f"Move the hearing from {source} to:", others, 0, False
            )
            if not ok:
                return None
        return self.move_hearing(hearing_id, to_name, None)

    def move_hearing(
        self, hearing_id: int, to_name: str, start: datetime | None
    ) -> service.HearingTransfer | None:
        """Move the hearing to ``to_name`` (one transaction, one undo step); a refusal is said
        in the view's message line (and to a screen reader), and nothing changes."""
        source = self._source(hearing_id)
        if source is None:
            return None
        if to_name == source and start is not None:
            self._say(
                "Drop it on another judge's column (the Calendar tab moves it within a day).",
                refused=True,
            )
            return None
        if self._refused(hearing_id, self._judge_named(to_name)):
            return None
        database = self.workspace.database
        refusal = service.transfer_refusal(database, hearing_id, source, to_name, start)
        if refusal is not None:
            self._say(f"Not moved: {refusal.rstrip('.')}.", refused=True)
            return None
        done = self.workspace.perform(
            "Move hearing to another judge",
            lambda: service.move_to_judge(
                database, hearing_id, source, to_name, start, as_of=self.workspace.clock()
            ),
            undo=lambda d: _undo(database, d),
            redo=lambda d: _redo(database, d),
            change=Change.CASES | Change.HEARINGS | Change.NOTICES,
        )
        if done is not None:
            self._say(done.describe())
            self.board.select(hearing_id)
        return done

    def _refused(self, hearing_id: int, target: Judge | None) -> bool:
        """True, saying why in one line, when the login may not move the hearing to ``target``
        (a court server's roles): nothing is tried, nothing saved."""
        access = self._access(hearing_id, target)
        if access.may_change or access.reason is None:
            return False
        self._say(f"Not moved: {access.reason.rstrip('.')}.", refused=True)
        return True

    def _say(self, text: str, *, refused: bool = False) -> None:
        colour = late_text_colour().name() if refused else ""
        self.message.setStyleSheet(f"color: {colour}" if colour else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))
        accessibility.announce(self, text)

    def context_menu(self, where: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.move_action)
        menu.addSeparator()
        menu.addAction("Print Court Sheet…", self.print_sheet)
        menu.exec(where)

    # The combined docket sheet ----------------------------------------------------------------

    def print_sheet(self) -> None:
        if self.day is not None and self.sheets is not None:
            self.sheets.print_sheet(self.day, self)

    def save_pdf(self, out: Path | None = None) -> Path | None:
        """Save the combined docket sheet of the day to ``out`` (asked for when None)."""
        if self.day is None or self.sheets is None:
            return None
        return self.sheets.save_pdf(self.day, self, out)


def _undo(database: Database, done: service.HearingTransfer) -> Change:
    service.undo_transfer(database, done)
    return Change.CASES | Change.HEARINGS | Change.NOTICES


def _redo(database: Database, done: service.HearingTransfer) -> Change:
    service.redo_transfer(database, done)
    return Change.CASES | Change.HEARINGS | Change.NOTICES


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
