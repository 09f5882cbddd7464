"""Default and minimum minutes by kind, as a table of spin boxes with each row's problem beside it."""

from collections.abc import Callable, Hashable, Mapping
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import KindMinutes
from planner.domain.vocabulary import case_kind_key
from planner.ui.judges.field_error import FieldError, kind_label

K = TypeVar("K", bound=Hashable)
#: What a kind added in the dialog starts with, before the judge sets its minutes.
NEW_KIND_MINUTES = KindMinutes(60, 30)


class _Row:
    def __init__(self, kind_text: str, minutes: KindMinutes, what: str) -> None:
        self.name = QLabel(kind_text)
        self.default = self._spin(minutes.default, f"Usual minutes for {what}")
        self.minimum = self._spin(
            minutes.minimum, f"The shortest {what} the judge will accept, never more than the usual"
        )
        self.name.setBuddy(self.default)
        self.error = FieldError()

    @staticmethod
    def _spin(value: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 24 * 60)
        spin.setSuffix(" min")
        spin.setValue(value)
        spin.setToolTip(tip)
        spin.setMinimumWidth(90)
        return spin


class MinutesEditor(QWidget, Generic[K]):
    """One row per kind: default and minimum minutes; ``adding`` lets the user add kinds (str)."""

    changed = Signal()

    def __init__(
        self,
        minutes: Mapping[K, KindMinutes],
        *,
        what: Callable[[K], str],
        adding: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._what = what
        self._rows: dict[K, _Row] = {}
        self._grid = QGridLayout()
        self._grid.setColumnStretch(3, 1)
        self._grid.setVerticalSpacing(4)
        for column, title in enumerate(("Kind", "Default", "Minimum")):
            header = QLabel(f"<b>{title}</b>")
            self._grid.addWidget(header, 0, column)
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        for kind, value in minutes.items():
            self._add_row(kind, value)
        self.new_kind = QLineEdit()
        self.add_button = QPushButton("Add case &kind")
        self.new_kind_error = FieldError()
        if adding:
            self._adding_row(layout)
        layout.addStretch(1)

    def _adding_row(self, layout: QVBoxLayout) -> None:
        self.new_kind.setPlaceholderText("New case kind, e.g. Withholding only")
        self.new_kind.setAccessibleName("New case kind")
        self.new_kind.setToolTip("The name of a case kind this judge hears that is not listed")
        self.add_button.setToolTip("Add the kind, with 60 minutes usual and 30 minimum to edit")
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.new_kind, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.new_kind_error)
        self.new_kind.textChanged.connect(self._check_new_kind)
        self.new_kind.returnPressed.connect(self.add_kind)
        self.add_button.clicked.connect(self.add_kind)

    def _add_row(self, kind: K, minutes: KindMinutes) -> None:
        row = _Row(kind_label(str(kind)), minutes, self._what(kind))
        line = 1 + 2 * len(self._rows)
        self._grid.addWidget(row.name, line, 0)
        self._grid.addWidget(row.default, line, 1)
        self._grid.addWidget(row.minimum, line, 2)
        self._grid.addWidget(row.error, line + 1, 0, 1, 4, Qt.AlignmentFlag.AlignTop)
        name = kind_label(str(kind))  # for a screen reader: the grid's headers are no labels
        row.default.setAccessibleName(f"{name}: default minutes")
        row.minimum.setAccessibleName(f"{name}: minimum minutes")
        row.default.valueChanged.connect(self._edited)
        row.minimum.valueChanged.connect(self._edited)
        self._rows[kind] = row
        self._check(kind)

    # Values --------------------------------------------------------------------------------------

    def row(self, kind: K) -> _Row:
        return self._rows[kind]

    def minutes(self) -> dict[K, KindMinutes]:
        """Every kind's minutes; raises InvalidValue (the model's message) when one is wrong."""
        return {
            kind: KindMinutes(row.default.value(), row.minimum.value())
            for kind, row in self._rows.items()
        }

    def problem(self) -> str | None:
        """The first row's problem, with its kind, or None when every row is valid."""
        for kind, row in self._rows.items():
            if row.error.text():
                return f"{kind_label(str(kind))}: {row.error.text()}"
        return None

    def _check(self, kind: K) -> None:
        row = self._rows[kind]
        try:
            KindMinutes(row.default.value(), row.minimum.value())
        except InvalidValue as error:
            row.error.say(str(error))
        else:
            row.error.say(None)

    def _edited(self) -> None:
        for kind in self._rows:
            self._check(kind)
        self.changed.emit()

    # New kinds ------------------------------------------------------------------------------------

    def _new_kind_key(self) -> str:
        return case_kind_key(self.new_kind.text())

    def _new_kind_problem(self) -> str | None:
        key = self._new_kind_key()
        if not key:
            return None
        if key in {str(kind) for kind in self._rows}:
            return f"case kind {kind_label(key)!r} is already in the table"
        return None

    def _check_new_kind(self) -> None:
        problem = self._new_kind_problem()
        self.new_kind_error.say(problem)
        self.add_button.setEnabled(bool(self._new_kind_key()) and problem is None)

    def add_kind(self) -> None:
        name = self._new_kind_key()
        if not name or self._new_kind_problem():
            return
        self._add_row(name, NEW_KIND_MINUTES)  # type: ignore[arg-type]
        self.new_kind.clear()
        self._rows[name].default.setFocus()  # type: ignore[index]
        self.changed.emit()
