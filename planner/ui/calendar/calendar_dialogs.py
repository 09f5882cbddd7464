"""The calendar's small questions: the date and time a hearing is continued to, and a date to
go to (Ctrl+G)."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

#: (parent, "A123-456-789", the hearing's start, its minutes) -> (new start, reason) or None.
AskContinuance = Callable[[QWidget, str, datetime, int], tuple[datetime, str] | None]
#: (parent, the date on show) -> the date to go to, or None.
AskDate = Callable[[QWidget, date], date | None]


class ContinuanceDialog(QDialog):
    """When the hearing is continued to, and why (the reason and its legal basis are required)."""

    def __init__(self, parent: QWidget | None, shown: str, start: datetime, minutes: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Continue {shown}")
        proposed = start + timedelta(days=7)
        self.when = QDateTimeEdit(
            QDateTime(_qdate(proposed.date()), QTime(proposed.hour, proposed.minute))
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setMinimumDate(_qdate(start.date() + timedelta(days=1)))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. respondent to seek counsel (8 CFR 1003.29)")
        note = QLabel(
            f"The hearing of {start:%a} {start.day} {start:%b %Y %H:%M} is recorded as adjourned "
            f"with this reason, and a new {minutes}-minute hearing is set then."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Continued &to:", self.when)
        form.addRow("&Reason:", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))
        ok.setToolTip("" if ok.isEnabled() else "Give the reason for the continuance first")

    def answer(self) -> tuple[datetime, str]:
        return self.when.dateTime().toPython(), self.reason.text().strip()  # type: ignore[return-value]


def ask_continuance(
    parent: QWidget, shown: str, start: datetime, minutes: int
) -> tuple[datetime, str] | None:
    dialog = ContinuanceDialog(parent, shown, start, minutes)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DateDialog(QDialog):
    """A month calendar to pick the day to go to; Enter or a double click goes there."""

    def __init__(self, parent: QWidget | None, current: date) -> None:
        super().__init__(parent)
        self.setWindowTitle("Go to date")
        self.calendar = QCalendarWidget()
        self.calendar.setSelectedDate(_qdate(current))
        self.calendar.setGridVisible(True)
        self.calendar.activated.connect(lambda _day: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        return self.calendar.selectedDate().toPython()  # type: ignore[return-value]


def ask_date(parent: QWidget, current: date) -> date | None:
    dialog = DateDialog(parent, current)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
