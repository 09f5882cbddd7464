"""The calendar's small questions: why a hearing was adjourned and who asked, the date and time
a hearing is continued to, and a date to go to (Ctrl+G)."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.vocabulary import (
    ADJOURNMENT_CAUSE_WORDS,
    USUAL_ASKER,
    AdjournmentCause,
    Party,
)

#: Why a hearing was adjourned: the reason in words (as recorded), the reason in the court's
#: vocabulary, and who asked for the continuance.
Adjournment = tuple[str, AdjournmentCause, Party]
#: (parent, "A123-456-789", the hearing's start, its minutes) -> (new start, why) or None.
AskContinuance = Callable[[QWidget, str, datetime, int], tuple[datetime, Adjournment] | None]

PARTY_WORDS = {Party.RESPONDENT: "The respondent", Party.DHS: "DHS", Party.COURT: "The court"}


class AdjournmentFields:
    """The reason for a continuance (the vocabulary's), who asked for it (the usual party for the
    reason until the user picks another) and its details or legal basis (required for "other"),
    as rows of a form."""

    def __init__(self, form: QFormLayout, changed: Callable[[], None]) -> None:
        self.cause = QComboBox()
        for cause, words in ADJOURNMENT_CAUSE_WORDS.items():
            self.cause.addItem(words[:1].upper() + words[1:], cause.value)
        self.asked_by = QComboBox()
        for party, words in PARTY_WORDS.items():
            self.asked_by.addItem(words, party.value)
        self.details = QLineEdit()
        self.details.setPlaceholderText("e.g. 8 CFR 1003.29, good cause (Matter of L-A-B-R-)")
        self.cause.currentIndexChanged.connect(self._usual_asker)
        self.cause.currentIndexChanged.connect(lambda _i: changed())
        self.details.textChanged.connect(lambda _t: changed())
        form.addRow("&Reason:", self.cause)
        form.addRow("&Asked by:", self.asked_by)
        form.addRow("&Details:", self.details)
        self._usual_asker()

    def _usual_asker(self) -> None:
        usual = USUAL_ASKER.get(self.chosen_cause)
        if usual is not None:
            self.asked_by.setCurrentIndex(self.asked_by.findData(usual.value))

    @property
    def chosen_cause(self) -> AdjournmentCause:
        return AdjournmentCause(self.cause.currentData())

    def problem(self) -> str | None:
        """Why the answer cannot be taken yet, or None."""
        if self.chosen_cause is AdjournmentCause.OTHER and not self.details.text().strip():
            return "Say what the other reason is in Details"
        return None

    def answer(self) -> Adjournment:
        cause = self.chosen_cause
        words = ADJOURNMENT_CAUSE_WORDS[cause]
        details = self.details.text().strip()
        reason = f"{words[:1].upper()}{words[1:]}" + (f": {details}" if details else "")
        if cause is AdjournmentCause.OTHER:
            reason = details
        return reason, cause, Party(self.asked_by.currentData())


class AdjournDialog(QDialog):
    """Why a hearing was adjourned and who asked: recorded on the hearing (a continuance)."""

    def __init__(self, parent: QWidget | None, shown: str, start: datetime) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Adjourn {shown}")
        note = QLabel(
            f"The hearing of {start:%a} {start.day} {start:%b %Y %H:%M} is recorded as adjourned "
            "(a continuance of the case), with the reason and who asked for it."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        self.fields = AdjournmentFields(form, self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)  # the details' example shows whole
        self._update()

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update(self) -> None:
        problem = self.fields.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")

    def answer(self) -> Adjournment:
        return self.fields.answer()


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
        note = QLabel(
            f"The hearing of {start:%a} {start.day} {start:%b %Y %H:%M} is recorded as adjourned "
            f"with this reason, and a new {minutes}-minute hearing is set then."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Continued &to:", self.when)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.fields = AdjournmentFields(form, self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        problem = self.fields.problem()
        ok.setEnabled(problem is None)
        ok.setToolTip(problem or "")

    def answer(self) -> tuple[datetime, Adjournment]:
        return self.when.dateTime().toPython(), self.fields.answer()  # type: ignore[return-value]


def ask_continuance(
    parent: QWidget, shown: str, start: datetime, minutes: int
) -> tuple[datetime, Adjournment] | None:
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
