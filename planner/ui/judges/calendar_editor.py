"""The judge's court closures and leave, as two lists with a form each to add, change and remove."""

from collections.abc import Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import LeaveKind
from planner.ui.judges.field_error import FieldError, kind_label

DATE_FORMAT = "ddd d MMM yyyy"


def _table(headers: list[str], tip: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setToolTip(tip)
    return table


def _date_edit(value: date, tip: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setToolTip(tip)
    return edit


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


class ClosuresEditor(QGroupBox):
    """Days the court is closed besides the federal holidays, each with its reason."""

    changed = Signal()

    def __init__(self, closures: Iterable[Closure], today: date, parent: QWidget | None = None):
        super().__init__("Court closures", parent)
        self._closures = sorted(closures, key=lambda c: c.day)
        self.table = _table(["Date", "Reason"], "Days the court is closed besides federal holidays")
        self.day = _date_edit(today, "The day the court is closed")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. Executive order")
        self.reason.setToolTip("Why the court is closed that day")
        self.add_button = _button("&Add closure", "Add the day above to the list")
        self.remove_button = _button("Remo&ve closure", "Remove the selected closure")
        self.error = FieldError()
        form = QFormLayout()
        form.addRow("Closed o&n:", self.day)
        form.addRow("&Reason:", self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.day.dateChanged.connect(self._check)
        self.table.itemSelectionChanged.connect(self._check)
        self._fill()

    def closures(self) -> list[Closure]:
        return list(self._closures)

    def add(self) -> None:
        if self._problem():
            return
        day: date = self.day.date().toPython()  # type: ignore[assignment]  # PySide6: object
        closure = Closure(day, self.reason.text().strip())
        self._closures = sorted([*self._closures, closure], key=lambda c: c.day)
        self.reason.clear()
        self._fill()
        self.changed.emit()

    def remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._closures) and self.table.selectedItems():
            del self._closures[row]
            self._fill()
            self.changed.emit()

    def _problem(self) -> str | None:
        day: date = self.day.date().toPython()  # type: ignore[assignment]  # PySide6: object
        if any(c.day == day for c in self._closures):
            return f"{day_text(day)} is already a closure"
        return None

    def _check(self) -> None:
        problem = self._problem()
        self.error.say(problem)
        self.add_button.setEnabled(problem is None)
        self.remove_button.setEnabled(bool(self.table.selectedItems()))

    def _fill(self) -> None:
        self.table.setRowCount(len(self._closures))
        for row, closure in enumerate(self._closures):
            self.table.setItem(row, 0, QTableWidgetItem(day_text(closure.day)))
            self.table.setItem(row, 1, QTableWidgetItem(closure.reason))
        self._check()


def day_text(day: date) -> str:
    """A day as the lists show it: Thu 24 Dec 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def describe(leave: Leave) -> tuple[str, str]:
    """The leave's from and to as the list shows them; part-day leave shows its times."""
    if leave.all_day:
        return day_text(leave.first_day), day_text(leave.last_day)
    same_day = leave.start.date() == leave.end.date()
    end = f"{leave.end:%H:%M}" if same_day else f"{day_text(leave.end.date())} {leave.end:%H:%M}"
    return f"{day_text(leave.start.date())} {leave.start:%H:%M}", end


class LeaveEditor(QGroupBox):
    """The judge's leave: whole days first..last, or part of a day from..to, with its kind."""

    changed = Signal()

    def __init__(self, leave: Iterable[Leave], today: date, parent: QWidget | None = None):
        super().__init__("Leave", parent)
        self._leave = sorted(leave, key=lambda entry: entry.start)
        self.table = _table(
            ["From", "To", "Kind"],
            "The judge's leave; whole days show dates only, part-day leave its hours. Select one to change it",
        )
        self.whole = QRadioButton("Wh&ole days")
        self.whole.setToolTip("Leave for whole days, from the first to the last day included")
        self.part = QRadioButton("Part of a da&y")
        self.part.setToolTip("Leave for some hours of one day, e.g. an afternoon")
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.part)
        self.first = _date_edit(today, "The first day of leave (or the day of part-day leave)")
        self.last = _date_edit(today, "The last day of leave, included")
        self.start = QTimeEdit(QTime(13, 0))
        self.end = QTimeEdit(QTime(16, 30))
        for edit, tip in ((self.start, "Leave starts at"), (self.end, "Leave ends at")):
            edit.setDisplayFormat("HH:mm")
            edit.setToolTip(f"{tip} (local time)")
        self.kind = QComboBox()
        for kind in LeaveKind:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setToolTip("Annual, sick, training or other leave")
        self.error = FieldError(lines=2)
        self.add_button = _button("A&dd leave", "Add the leave described above")
        self.update_button = _button("&Update leave", "Replace the selected leave by the above")
        self.remove_button = _button("R&emove leave", "Remove the selected leave")

        choice = QHBoxLayout()
        choice.addWidget(self.whole)
        choice.addWidget(self.part)
        choice.addStretch(1)
        times = QWidget()
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start)
        times_layout.addWidget(QLabel("to"))
        times_layout.addWidget(self.end)
        times_layout.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(choice)
        self.form.addRow("&First day:", self.first)
        self.form.addRow("&Last day:", self.last)
        self._times = times
        self.form.addRow("T&ime:", times)
        label = self.form.labelForField(times)
        assert isinstance(label, QLabel)  # addRow with a caption made it
        label.setBuddy(self.start)
        self.form.addRow("&Kind:", self.kind)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.update_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.update_selected)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.whole.toggled.connect(self._check)
        self._first_shown = self.first.date()
        self.first.dateChanged.connect(self._first_moved)
        self.last.dateChanged.connect(self._check)
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self._check)
        self._fill()

    def leave(self) -> list[Leave]:
        return list(self._leave)

    def entry(self) -> Leave:
        """The leave the form describes; raises InvalidValue with the model's message."""
        # PySide6 types toPython() as object: a QDate gives a date, a QTime a time.
        first: date = self.first.date().toPython()  # type: ignore[assignment]
        kind = self.kind.currentData()
        if self.whole.isChecked():
            last: date = self.last.date().toPython()  # type: ignore[assignment]
            return Leave.days(first, last, kind)
        start: time = self.start.time().toPython()  # type: ignore[assignment]
        end: time = self.end.time().toPython()  # type: ignore[assignment]
        return Leave(datetime.combine(first, start), datetime.combine(first, end), kind)

    def add(self) -> None:
        self._store(None)

    def update_selected(self) -> None:
        if self.table.selectedItems():
            self._store(self.table.currentRow())

    def remove(self) -> None:
        if self.table.selectedItems():
            del self._leave[self.table.currentRow()]
            self._fill()
            self.changed.emit()

    def _store(self, row: int | None) -> None:
        try:
            entry = self.entry()
        except InvalidValue:
            return
        kept = [e for i, e in enumerate(self._leave) if i != row]
        self._leave = sorted([*kept, entry], key=lambda e: e.start)
        self._fill()
        self.changed.emit()

    def _first_moved(self, first: QDate) -> None:
        """When the first day moves past the last, the last day moves with it, keeping the
        leave's length (none if the last day was already before the first)."""
        length = max(0, self._first_shown.daysTo(self.last.date()))
        self._first_shown = first
        if first > self.last.date():
            self.last.setDate(first.addDays(length))  # its dateChanged checks the form
        else:
            self._check()

    def _load_selected(self) -> None:
        selected = bool(self.table.selectedItems())
        if selected:
            entry = self._leave[self.table.currentRow()]
            (self.whole if entry.all_day else self.part).setChecked(True)
            # PySide6 takes a date for a QDate and a time for a QTime; its stubs do not say so.
            self.last.setDate(entry.last_day)  # type: ignore[arg-type]
            self.first.setDate(entry.first_day)  # type: ignore[arg-type]
            if not entry.all_day:
                self.start.setTime(entry.start.time())  # type: ignore[arg-type]
                self.end.setTime(entry.end.time())  # type: ignore[arg-type]
            self.kind.setCurrentIndex(self.kind.findData(entry.kind))
        self._check()

    def _check(self) -> None:
        whole = self.whole.isChecked()
        self.form.setRowVisible(self.last, whole)
        self.form.setRowVisible(self._times, not whole)
        label = self.form.labelForField(self.first)
        assert isinstance(label, QLabel)  # addRow with a caption made it
        label.setText("&First day:" if whole else "Da&te:")
        try:
            self.entry()
        except InvalidValue as error:
            problem: str | None = str(error)
        else:
            problem = None
        self.error.say(problem)
        selected = bool(self.table.selectedItems())
        self.add_button.setEnabled(problem is None)
        self.update_button.setEnabled(problem is None and selected)
        self.remove_button.setEnabled(selected)

    def _fill(self) -> None:
        self.table.setRowCount(len(self._leave))
        for row, entry in enumerate(self._leave):
            for column, text in enumerate((*describe(entry), kind_label(entry.kind))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._check()


class CalendarEditor(QWidget):
    """Closures beside leave; ``changed`` fires when either list changes."""

    changed = Signal()

    def __init__(
        self,
        closures: Iterable[Closure],
        leave: Iterable[Leave],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.closures = ClosuresEditor(closures, today)
        self.leave = LeaveEditor(leave, today)
        layout = QHBoxLayout(self)
        layout.addWidget(self.closures, 1)
        layout.addWidget(self.leave, 1)
        self.closures.changed.connect(self.changed)
        self.leave.changed.connect(self.changed)
