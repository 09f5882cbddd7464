"""The small dialog that edits one block of the weekly template: day, times, kind, interpreter."""

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import (
    MASTER_CALENDAR_KINDS,
    MAX_CASE_LIMIT,
    Session,
    format_call_times,
    parse_call_times,
)
from planner.domain.vocabulary import SessionKind
from planner.ui.judges.field_error import FieldError, kind_label

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Interpreter languages offered first; the field takes any other language typed in.
COMMON_LANGUAGES = (
    "Spanish",
    "Mam",
    "K'iche'",
    "Portuguese",
    "Haitian Creole",
    "Mandarin",
    "Russian",
    "Punjabi",
    "Arabic",
    "French",
)


class SessionDialog(QDialog):
    """Edits a session; ``clash`` says why a session cannot go where it is (None if it can)."""

    def __init__(
        self,
        session: Session,
        *,
        clash: Callable[[Session], str | None],
        title: str = "Edit session",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._clash = clash
        self._session: Session | None = session

        self.day = QComboBox()
        self.day.addItems(DAY_NAMES)
        self.day.setCurrentIndex(session.weekday)
        self.day.setToolTip("The weekday this session sits on, every week")
        self.start = self._time_edit(session.start, "When the session begins (local time)")
        self.end = self._time_edit(session.end, "When the session ends (local time)")
        self.kind = QComboBox()
        for kind in SessionKind:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(session.kind))
        self.kind.setToolTip("What the session is for; every kind but administrative is bench time")
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(["", *COMMON_LANGUAGES])
        self.language.setCurrentText(session.language or "")
        self.language.setToolTip(
            "The interpreter booked for the whole session; leave empty when none is booked"
        )
        line = self.language.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        line.setPlaceholderText("None booked")

        # A master calendar: a limit of cases (0: not one) and call times.
        self.limit = QSpinBox()
        self.limit.setRange(0, MAX_CASE_LIMIT)
        self.limit.setSpecialValueText("Not a master calendar")
        self.limit.setValue(session.case_limit or 0)
        self.limit.setToolTip(
            "Run as a master calendar: how many cases may be set in the session (0: each hearing "
            "takes a slot of its own)"
        )
        self.calls = QLineEdit(format_call_times(session.call_times) or "")
        self.calls.setPlaceholderText("At the start, or e.g. 08:30, 10:00")
        self.calls.setToolTip(
            "A master calendar's call times, separated by commas; its cases are set to one and "
            "heard in the order of call"
        )

        self.error = FieldError(lines=2)
        form = QFormLayout()
        form.addRow("&Day:", self.day)
        form.addRow("&Starts:", self.start)
        form.addRow("&Ends:", self.end)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Interpreter:", self.language)
        form.addRow("Case &limit:", self.limit)
        form.addRow("&Call times:", self.calls)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.day.currentIndexChanged.connect(self._validate)
        self.start.timeChanged.connect(self._validate)
        self.end.timeChanged.connect(self._validate)
        self.kind.currentIndexChanged.connect(self._validate)
        self.language.currentTextChanged.connect(self._validate)
        self.limit.valueChanged.connect(self._validate)
        self.calls.textChanged.connect(self._validate)
        self.setMinimumWidth(420)
        self._validate()

    @staticmethod
    def _time_edit(value: time, tip: str) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute))
        edit.setDisplayFormat("HH:mm")
        edit.setToolTip(tip)
        return edit

    def session(self) -> Session | None:
        """The session as edited, or None while it is invalid."""
        return self._session

    def _validate(self) -> None:
        message: str | None = None
        master = self.kind.currentData() in MASTER_CALENDAR_KINDS
        self.limit.setEnabled(master)
        self.calls.setEnabled(master and self.limit.value() > 0)
        try:
            limit = self.limit.value() if master and self.limit.value() else None
            self._session = Session(
                self.day.currentIndex(),
                self.start.time().toPython(),  # type: ignore[arg-type]  # PySide6 types toPython() as object
                self.end.time().toPython(),  # type: ignore[arg-type]
                self.kind.currentData(),
                self.language.currentText().strip() or None,
                limit,
                parse_call_times(self.calls.text()) if limit else (),
            )
            message = self._clash(self._session)
        except InvalidValue as error:
            self._session, message = None, str(error)
        if message:
            self._session = None
        self.error.say(message)
        if self.isVisible():
            self.adjustSize()  # room for the message's lines
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._session is not None)
