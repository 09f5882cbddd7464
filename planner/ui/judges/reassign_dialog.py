"""Judge > Reassign Cases…: move the chosen cases, or the judge's whole pending docket, to other
judges, after a preview of every hearing's fate and each judge's forecast before and after.
One transaction, one undo step."""

import re
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.services import reassign as service
from planner.services.changes import Change
from planner.services.reassign import Reassignment
from planner.store.errors import StoreError
from planner.ui.common.workspace import Workspace


class ReassignDialog(QDialog):
    """Choose the receiving judges and the cases; Preview; then Reassign."""

    def __init__(
        self, workspace: Workspace, source: Judge, chosen: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.source = source
        self.previewed: Reassignment | None = None
        self.setWindowTitle(f"Reassign cases of {source.name}")
        self.resize(760, 560)

        self.targets = QListWidget()
        # Four judges' rows at least: with no other judge in the court the form row got 3 px (seen
        # at 2x scaling), the list looked like a rule; the preview took the rest.
        self.targets.setMinimumHeight(4 * self.fontMetrics().height() + 12)
        self.targets.setToolTip(
            "Each case goes to the ticked judge with the fewest pending cases so far"
        )
        for judge in workspace.judges():
            if judge.id == source.id:
                continue
            item = QListWidgetItem(judge.name + (f" — {judge.court}" if judge.court else ""))
            item.setData(Qt.ItemDataRole.UserRole, judge.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.targets.addItem(item)
        self.targets.setMaximumHeight(self.targets.sizeHintForRow(0) * 5 + 8)
        self.targets.itemChanged.connect(self._inputs_changed)

        self.all_cases = QRadioButton("Every pending case on the docket")
        self.some_cases = QRadioButton("These cases (A-numbers):")
        group = QButtonGroup(self)
        group.addButton(self.all_cases)
        group.addButton(self.some_cases)
        self.a_numbers = QLineEdit(", ".join(chosen))
        self.a_numbers.setPlaceholderText("A123-456-789, 987654321 …")
        self.a_numbers.setAccessibleName("A-numbers of the cases to reassign")
        (self.some_cases if chosen else self.all_cases).setChecked(True)
        self.a_numbers.setEnabled(bool(chosen))
        self.some_cases.toggled.connect(self.a_numbers.setEnabled)
        self.some_cases.toggled.connect(self._inputs_changed)
        self.a_numbers.textChanged.connect(self._inputs_changed)

        self.preview_button = QPushButton("&Preview")
        self.preview_button.clicked.connect(self.preview)
        self.outcome = QPlainTextEdit()
        self.outcome.setReadOnly(True)
        self.outcome.setAccessibleName("Preview of the reassignment")
        self.outcome.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.outcome.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.outcome.setPlaceholderText(
            "Preview shows each case's new judge, every scheduled hearing's fate (kept with its "
            "date where it fits the new judge's calendar, otherwise unscheduled, with the "
            "reason) and each judge's forecast before and after. Nothing is changed until "
            "Reassign."
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(
            "&Reassign", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("From:", QLabel(f"<b>{source.name}</b>"))
        form.addRow("&To:", self.targets)
        cases = QVBoxLayout()
        cases.addWidget(self.all_cases)
        row = QHBoxLayout()
        row.addWidget(self.some_cases)
        row.addWidget(self.a_numbers, 1)
        cases.addLayout(row)
        form.addRow("Cases:", cases)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        preview_row.addWidget(self.status, 1)
        layout.addLayout(preview_row)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(self.buttons)

    def chosen_targets(self) -> list[str]:
        return [
            self.targets.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.targets.count())
            if self.targets.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_cases(self) -> list[str] | None:
        if self.all_cases.isChecked():
            return None
        return [part for part in re.split(r"[\s,;]+", self.a_numbers.text()) if part]

    def as_of(self) -> datetime:
        return self.workspace.clock()

    def _inputs_changed(self, *_args: object) -> None:
        self.previewed = None
        self.apply_button.setEnabled(False)
        if self.outcome.toPlainText():
            self.status.setText("Changed: preview again before reassigning.")

    def preview(self) -> Reassignment | None:
        self.previewed = None
        self.apply_button.setEnabled(False)
        cases = self.chosen_cases()
        if cases == []:
            self.status.setText("Type the A-numbers of the cases to move, or choose every case.")
            return None
        try:
            found = service.preview_reassignment(
                self.workspace.database,
                self.source.name,
                self.chosen_targets(),
                cases,
                self.as_of(),
            )
        except (InvalidValue, StoreError) as error:
            self.status.setText(f"Cannot reassign: {error}")
            self.outcome.clear()
            return None
        self.previewed = found
        self.outcome.setPlainText("\n".join(found.lines()))
        self.status.setText(found.summary() + " Nothing is changed until Reassign.")
        bold = QFont(self.status.font())
        bold.setBold(bool(found.unscheduled))
        self.status.setFont(bold)
        self.apply_button.setEnabled(True)
        return found

    def apply(self) -> Reassignment | None:
        """Reassign as previewed: one transaction, one undo step."""
        previewed = self.previewed
        if previewed is None:
            return None
        database, source = self.workspace.database, self.source.name
        targets, cases, as_of = self.chosen_targets(), self.chosen_cases(), previewed.as_of

        def undo(done: Reassignment) -> Change:
            service.undo_reassignment(self.workspace.database, done)
            return Change.CASES | Change.HEARINGS

        def redo(done: Reassignment) -> Change:
            service.redo_reassignment(self.workspace.database, done)
            return Change.CASES | Change.HEARINGS

        done = self.workspace.perform(
            f"Reassign {len(previewed.moves)} case{'' if len(previewed.moves) == 1 else 's'} "
            f"from {source}",
            lambda: service.reassign(database, source, targets, cases, as_of, previewed=previewed),
            undo=undo,
            redo=redo,
            change=Change.CASES | Change.HEARINGS,
        )
        if done is not None:
            self.accept()
        return done


def reassign_cases(
    workspace: Workspace, chosen: list[str], parent: QWidget
) -> ReassignDialog | None:
    """Open the dialog for the judge on screen, with ``chosen`` A-numbers filled in."""
    if workspace.judge is None:
        return None
    dialog = ReassignDialog(workspace, workspace.judge, chosen, parent)
    dialog.open()
    return dialog
