"""The dialog that adds or edits a case, saying beside each field what is wrong with it."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.ui.docket.docket_model import kind_label

ANumberTaken = Callable[[str], bool]


def error_label() -> QLabel:
    """A small red label for what is wrong with one field; hidden while nothing is."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def with_error(field: QWidget, error: QLabel) -> QWidget:
    """The field with its error label right under it, in one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class OptionalDate(QWidget):
    """A date that may be absent: a check box turns the date on."""

    def __init__(self, text: str, day: date | None, default: date) -> None:
        super().__init__()
        self.check = QCheckBox(text)
        self.edit = date_edit(day or default)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[return-value]


class CaseDialog(QDialog):
    """Add a case (``case`` None) or edit one. ``case()`` is the result once accepted."""

    def __init__(
        self,
        judge: Judge,
        *,
        languages: Sequence[str],
        today: date,
        case: Case | None = None,
        a_number_taken: ANumberTaken = lambda _a_number: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._judge, self._today, self._original = judge, today, case
        self._taken = a_number_taken
        self._touched: set[str] = set()
        self.setWindowTitle(f"Edit case {case.display_a_number}" if case else "New case")
        self._build(languages, case)
        self._validate()

    # Layout -------------------------------------------------------------------------------------

    def _build(self, languages: Sequence[str], case: Case | None) -> None:
        self.a_number_edit = QLineEdit(case.display_a_number if case else "")
        self.a_number_edit.setPlaceholderText("A123-456-789")
        self.a_number_edit.editingFinished.connect(self._tidy_a_number)
        self.name_edit = QLineEdit(case.name if case else "")
        self.name_edit.setPlaceholderText("Given name and family name")
        self.kind_combo = QComboBox()
        kinds = list(self._judge.case_minutes)
        if case and case.kind not in kinds:
            kinds.append(case.kind)
        for kind in kinds:
            self.kind_combo.addItem(kind_label(kind), kind)
        if case:
            self.kind_combo.setCurrentIndex(kinds.index(case.kind))
        self.detained_box = QCheckBox("Detained")
        self.juvenile_box = QCheckBox("Juvenile")
        self.dedicated_box = QCheckBox("Dedicated Docket")
        self.dedicated_box.setToolTip(
            "A family on the Dedicated Docket: a decision is aimed at within 300 days of the "
            "first master hearing (an age target of the rule set)"
        )
        self.language_combo = QComboBox()
        self.language_combo.setEditable(True)
        self.language_combo.addItems(sorted({*languages, "English"}))
        self.language_combo.setCurrentText(case.language if case else "Spanish")
        self.represented_box = QCheckBox("Represented")
        self.attorney_edit = QLineEdit((case.attorney or "") if case else "")
        self.attorney_edit.setPlaceholderText("Attorney of record (optional)")
        self.received_edit = date_edit(case.received if case else self._today)
        self.asylum_filed = OptionalDate(
            "Filed on", case.asylum_filed if case else None, self._today
        )
        self.nta_served = OptionalDate("Served on", case.nta_served if case else None, self._today)
        minutes = case.remaining_minutes if case else None
        self.remaining_edit = QLineEdit("" if minutes is None else str(minutes))
        if case:
            self.detained_box.setChecked(case.detained)
            self.juvenile_box.setChecked(case.juvenile)
            self.dedicated_box.setChecked(case.dedicated_docket)
            self.represented_box.setChecked(case.represented)

        self.errors = {
            name: error_label()
            for name in (
                "a_number",
                "name",
                "language",
                "received",
                "asylum_filed",
                "nta_served",
                "remaining",
                "case",
            )
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&A-number:", with_error(self.a_number_edit, self.errors["a_number"]))
        form.addRow("&Name:", with_error(self.name_edit, self.errors["name"]))
        form.addRow("Case &kind:", self.kind_combo)
        form.addRow(
            "Respondent:", self._row(self.detained_box, self.juvenile_box, self.dedicated_box)
        )
        form.addRow("&Language:", with_error(self.language_combo, self.errors["language"]))
        form.addRow("Counsel:", self._row(self.represented_box, self.attorney_edit))
        form.addRow(
            "&Received:", with_error(self._row(self.received_edit), self.errors["received"])
        )
        form.addRow(
            "Asylum application:", with_error(self.asylum_filed, self.errors["asylum_filed"])
        )
        form.addRow("Notice to appear:", with_error(self.nta_served, self.errors["nta_served"]))
        form.addRow(
            "Remaining &minutes:", with_error(self.remaining_edit, self.errors["remaining"])
        )
        if case and case.completion_date and case.completion_kind:
            done = f"Completed {case.completion_date:%Y-%m-%d}: {kind_label(case.completion_kind)}"
            form.addRow("Status:", QLabel(done))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add case" if case is None else "Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["case"])
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

        for name, signal in (
            ("a_number", self.a_number_edit.textEdited),
            ("name", self.name_edit.textEdited),
            ("language", self.language_combo.editTextChanged),
            ("received", self.received_edit.dateChanged),
            ("asylum_filed", self.asylum_filed.edit.dateChanged),
            ("asylum_filed", self.asylum_filed.check.toggled),
            ("nta_served", self.nta_served.edit.dateChanged),
            ("nta_served", self.nta_served.check.toggled),
            ("remaining", self.remaining_edit.textEdited),
        ):
            signal.connect(lambda *_args, name=name: self._touch(name))
        self.kind_combo.currentIndexChanged.connect(self._validate)
        for box in (
            self.detained_box,
            self.juvenile_box,
            self.dedicated_box,
            self.represented_box,
        ):
            box.toggled.connect(self._validate)
        self.attorney_edit.textEdited.connect(self._validate)

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        if len(widgets) < 2 or not isinstance(widgets[-1], QLineEdit):
            layout.addStretch(1)
        return box

    # Checking -----------------------------------------------------------------------------------

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def _tidy_a_number(self) -> None:
        """Show a valid A-number the way courts write it, once the user leaves the field."""
        try:
            tidy = format_a_number(parse_a_number(self.a_number_edit.text()))
        except InvalidValue:
            return
        if tidy != self.a_number_edit.text():
            self.a_number_edit.setText(tidy)

    def _problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        text = self.a_number_edit.text()
        try:
            a_number = parse_a_number(text)
        except InvalidValue as error:
            found["a_number"] = "An A-number is required." if not text.strip() else str(error)
        else:
            unchanged = self._original is not None and self._original.a_number == a_number
            if not unchanged and self._taken(a_number):
                found["a_number"] = f"{format_a_number(a_number)} is already on this docket."
        if not self.name_edit.text().strip():
            found["name"] = "The respondent's name is required."
        if not self.language_combo.currentText().strip():
            found["language"] = "The language is required (English if no interpreter)."
        for name, day in (
            ("received", self.received_edit.date().toPython()),
            ("asylum_filed", self.asylum_filed.value()),
            ("nta_served", self.nta_served.value()),
        ):
            if isinstance(day, date) and day > self._today:
                found[name] = f"{day:%Y-%m-%d} is after today ({self._today:%Y-%m-%d})."
        minutes = self.remaining_edit.text().strip()
        if minutes and not (minutes.isdigit() and int(minutes) > 0):
            found["remaining"] = (
                f"{minutes!r} is not a number of minutes: leave it empty for the kind's "
                "default, or give a whole number above 0."
            )
        if not found:
            try:
                self.case()
            except InvalidValue as error:
                found["case"] = str(error)
        return found

    def _validate(self) -> None:
        problems = self._problems()
        for name, label in self.errors.items():
            message = problems.get(name, "")
            shown = bool(message) and (name == "case" or name in self._touched)
            label.setText(message if shown else "")
            label.setVisible(shown)
        self.ok_button.setEnabled(not problems)
        kind = self.kind_combo.currentData()
        default = self._judge.case_minutes.get(kind)
        self.remaining_edit.setPlaceholderText(
            f"{default.default} (the default for {kind_label(kind)})" if default else "the default"
        )

    def problems(self) -> dict[str, str]:
        """What is wrong now, by field (every field, touched or not)."""
        return self._problems()

    # The result ---------------------------------------------------------------------------------

    def case(self) -> Case:
        """The case as the fields describe it; raises InvalidValue while they do not."""
        minutes = self.remaining_edit.text().strip()
        fields = {
            "a_number": self.a_number_edit.text(),
            "name": self.name_edit.text().strip(),
            "kind": self.kind_combo.currentData(),
            "received": self.received_edit.date().toPython(),
            "detained": self.detained_box.isChecked(),
            "juvenile": self.juvenile_box.isChecked(),
            "language": self.language_combo.currentText().strip(),
            "represented": self.represented_box.isChecked(),
            "remaining_minutes": int(minutes) if minutes.isdigit() else None,
            "asylum_filed": self.asylum_filed.value(),
            "nta_served": self.nta_served.value(),
            "attorney": self.attorney_edit.text().strip() or None,
            "dedicated_docket": self.dedicated_box.isChecked(),
        }
        if self._original is None:
            return Case(**fields)
        return replace(self._original, **fields)

    def accept(self) -> None:
        self._touched.update(self.errors)
        self._validate()
        if self.ok_button.isEnabled():
            super().accept()
