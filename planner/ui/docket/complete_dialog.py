"""The dialog that completes a case: how it left the docket, and on what day."""

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.docket import Case
from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, CompletionKind
from planner.ui.docket.case_dialog import date_edit, error_label, with_error
from planner.ui.docket.docket_model import kind_label


class CompleteCaseDialog(QDialog):
    """Ask the completion kind (saying which count toward this judge's quota) and the date."""

    def __init__(
        self, judge: Judge, case: Case, *, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._judge, self._case, self._today = judge, case, today
        self.setWindowTitle(f"Complete case {case.display_a_number}")
        self.kind_combo = QComboBox()
        counted = judge.counted_completions
        ordered = sorted(CompletionKind, key=lambda kind: kind not in counted)
        for kind in ordered:
            note = "counts" if kind in counted else "does not count"
            self.kind_combo.addItem(f"{kind_label(kind).capitalize()} ({note})", kind)
        counting = sum(kind in counted for kind in ordered)
        if 0 < counting < len(ordered):
            self.kind_combo.insertSeparator(counting)
        self.count_note = QLabel()
        self.count_note.setWordWrap(True)
        self.date_edit: QDateEdit = date_edit(today)
        self.date_error = error_label()

        form = QFormLayout()
        form.addRow("Case:", QLabel(f"{case.display_a_number}  {case.name}"))
        form.addRow("&Completed by:", self.kind_combo)
        form.addRow("", self.count_note)
        form.addRow("Completion &date:", with_error(self.date_edit, self.date_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Complete case")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.kind_combo.currentIndexChanged.connect(self._validate)
        self.date_edit.dateChanged.connect(self._validate)
        self._validate()

    def kind(self) -> CompletionKind:
        return CompletionKind(self.kind_combo.currentData())

    def day(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[return-value]

    def problem(self) -> str:
        """What is wrong with the date, or ""."""
        day = self.day()
        if day > self._today:
            return f"{day:%Y-%m-%d} is after today ({self._today:%Y-%m-%d})."
        if day < self._case.received:
            return (
                f"{day:%Y-%m-%d} is before the case was received ({self._case.received:%Y-%m-%d})."
            )
        return ""

    def _validate(self) -> None:
        counts = self.kind() in self._judge.counted_completions
        self.count_note.setText(
            f"Counts toward {self._judge.name}'s quota of {self._judge.quota:,}."
            if counts
            else f"Does not count toward {self._judge.name}'s quota (the judge's setting)."
        )
        problem = self.problem()
        self.date_error.setText(problem)
        self.date_error.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def completed_case(self) -> Case:
        """The case as completed by this dialog's kind and date."""
        return replace(
            self._case,
            status=CaseStatus.COMPLETED,
            completion_date=self.day(),
            completion_kind=self.kind(),
        )
