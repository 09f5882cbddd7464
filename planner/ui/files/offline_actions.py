"""File > Take Offline… and File > Bring Back Online… (issue 17): a judge's docket copied from the
court server to a file on this computer, and brought back with a three-way merge; the check-in's
collisions listed one by one, each settled by keeping one side or editing the values, before
anything is applied."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import InvalidValue
from planner.domain.plural import counted, plural
from planner.services.offline import CheckinResult, checkin, checkout
from planner.store.errors import StoreError
from planner.sync.edit import edit_text, editable, edited_values
from planner.sync.merge import Collision, Settlement, Side, field_label
from planner.ui.common.errors import refused_read_only, show_error
from planner.ui.common.workspace import Workspace

DATABASE_FILTER = "Planner databases (*.sqlite *.db);;All files (*)"
_CHOICES = ("Choose…", "Keep the laptop's", "Keep the server's")
_EDIT = "Edit the values"  # the fourth choice, for a row changed on both sides


class CollisionDialog(QDialog):
    """The collisions that stop a check-in: what collides, both versions with who saved each and
    when, and which to keep - or, for a row changed on both sides, values of one's own for the
    fields that collide (checked by the domain as they are typed). Check In is enabled once every
    collision is settled; Cancel applies nothing (the laptop's file keeps its edits, and a later
    check-in starts again)."""

    def __init__(self, result: CheckinResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bring Back Online: collisions")
        self._collisions = result.unsettled
        layout = QVBoxLayout(self)
        count = len(self._collisions)
        self.intro = intro = QLabel(
            f"{counted(count, 'edit')} made on this computer {plural(count, 'collides', 'collide')}"
            f" with {plural(count, 'an edit', 'edits')} made on the court server ({result.server})"
            " since the docket was taken offline. Choose which version to keep for each, or edit"
            " the values. Nothing is applied until all are settled."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self._collisions), 6)
        self.table.setObjectName("collisions")
        self.table.setAccessibleName("Collisions")
        self.table.setHorizontalHeaderLabels(
            ["What", "Collision", "This computer (laptop)", "Court server", "Keep", "Edited values"]
        )
        self.table.verticalHeader().setVisible(False)
        self.choices: list[QComboBox] = []
        #: Per collision, an editor per colliding field (none where it cannot be edited).
        self.editors: list[dict[str, QLineEdit]] = []
        for row, collision in enumerate(self._collisions):
            cells = (
                collision.what,
                collision.title,
                _version(collision.version_lines(Side.LAPTOP), collision.laptop_stamp.describe()),
                _version(collision.version_lines(Side.SERVER), collision.server_stamp.describe()),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            choice = QComboBox()
            choice.addItems(_CHOICES)
            choice.setAccessibleName(f"Keep which version of {collision.what}")
            self.table.setCellWidget(row, 4, choice)
            self.choices.append(choice)
            editors = self._editors(row, collision)
            if editors:
                choice.addItem(_EDIT)
            self.editors.append(editors)
            choice.currentIndexChanged.connect(self._update)
        header = self.table.horizontalHeader()
        for column, width in enumerate((190, 120, 225, 225, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.problem = QLabel()
        self.problem.setObjectName("collisionProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000")
        layout.addWidget(self.problem)
        every = QHBoxLayout()
        self.keep_laptop = QPushButton("Keep All from This Computer")
        self.keep_server = QPushButton("Keep All from the Server")
        self.keep_laptop.clicked.connect(lambda: self._choose_all(1))
        self.keep_server.clicked.connect(lambda: self._choose_all(2))
        every.addWidget(self.keep_laptop)
        every.addWidget(self.keep_server)
        every.addStretch()
        layout.addLayout(every)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.check_in = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.check_in.setText("Check In")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1180, 440)
        self._update()

    def _choose_all(self, index: int) -> None:
        for choice in self.choices:
            choice.setCurrentIndex(index)

    def _editors(self, row: int, collision: Collision) -> dict[str, QLineEdit]:
        """A line per colliding field, filled with the laptop's value, in the last column."""
        if not editable(collision):
            return {}
        ((_ref, laptop_row),) = collision.laptop.items()
        assert laptop_row is not None
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(4, 2, 4, 2)
        editors: dict[str, QLineEdit] = {}
        for name in collision.fields:
            line = QLineEdit(edit_text(laptop_row.get(name)))
            line.setObjectName(f"edit_{name}")
            line.setAccessibleName(f"{name} of {collision.what}")
            line.setEnabled(False)
            line.textChanged.connect(self._update)
            form.addRow(field_label(name), line)
            editors[name] = line
        self.table.setCellWidget(row, 5, box)
        return editors

    def _edited(self, index: int) -> bool:
        return self.choices[index].currentText() == _EDIT

    def _update(self) -> None:
        problems: list[str] = []
        for index, collision in enumerate(self._collisions):
            for line in self.editors[index].values():
                line.setEnabled(self._edited(index))
            if self._edited(index):
                try:
                    edited_values(collision, self._texts(index))
                except InvalidValue as error:
                    problems.append(str(error))
        self.problem.setText("\n".join(problems))
        settled = all(choice.currentIndex() > 0 for choice in self.choices)
        self.check_in.setEnabled(settled and not problems)

    def _texts(self, index: int) -> dict[str, str]:
        return {name: line.text() for name, line in self.editors[index].items()}

    def settlements(self) -> dict[str, Settlement]:
        """Each settled collision's id and the side kept, or the values typed for its fields."""
        found: dict[str, Settlement] = {}
        for index, (collision, choice) in enumerate(
            zip(self._collisions, self.choices, strict=True)
        ):
            if self._edited(index):
                found[collision.id] = edited_values(collision, self._texts(index))
            elif choice.currentIndex() > 0:
                found[collision.id] = Side.LAPTOP if choice.currentIndex() == 1 else Side.SERVER
        return found


def _version(lines: list[str], stamp: str) -> str:
    return "\n".join([*lines, f"— {stamp}"])


def take_offline(workspace: Workspace, parent: QWidget, open_copy: Callable[[Path], bool]) -> bool:
    """Copy the docket on screen from this database (the court server's) to a file on this
    computer, and open that copy to work on offline. Refused, saying why, when the login may not
    change that docket (the server would refuse to record the check-out)."""
    if refused_read_only(workspace.access, parent):
        return False
    judge = workspace.judge
    if judge is None:
        show_error(parent, InvalidValue("choose the judge whose docket to take offline first"))
        return False
    suggested = Path.home() / f"{judge.name} offline.sqlite"
    path, _ = QFileDialog.getSaveFileName(
        parent, "Take Offline: where to keep the copy", str(suggested), DATABASE_FILTER
    )
    if not path:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        database = workspace.database
        source = str(database.path) if database.path is not None else str(database.url)
        summary = checkout(source, judge.name, Path(path), password=database.password)
    except (InvalidValue, StoreError) as error:
        QApplication.restoreOverrideCursor()
        show_error(parent, error)
        return False
    QApplication.restoreOverrideCursor()
    QMessageBox.information(parent, "Taken offline", summary.describe())
    return open_copy(Path(path))


def bring_back_online(
    workspace: Workspace,
    parent: QWidget,
    ask: Callable[[CheckinResult], dict[str, Settlement] | None] | None = None,
) -> bool:
    """Check the docket in this file (a copy taken offline) back in to the court server it came
    from. ``ask`` shows the collisions and returns the settlements (None: the user stopped)."""
    ask = ask or (lambda result: _ask(result, parent))
    settlements: dict[str, Settlement] = {}
    laptop = workspace.database.path
    if laptop is None:
        show_error(
            parent, InvalidValue("this window is on the court server: open the copy taken offline")
        )
        return False
    while True:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = checkin(laptop, settlements=settlements)
        except (InvalidValue, StoreError) as error:
            QApplication.restoreOverrideCursor()
            show_error(parent, error)
            return False
        QApplication.restoreOverrideCursor()
        if result.applied:
            break
        more = ask(result)
        if more is None:
            return False  # nothing applied; the file keeps its edits
        settlements.update(more)
    workspace.undo_stack.clear()  # the docket changed under the edits it would undo
    workspace.reload_judge()
    workspace.refresh()
    QMessageBox.information(parent, "Back online", result.describe())
    return True


def _ask(result: CheckinResult, parent: QWidget) -> dict[str, Settlement] | None:
    dialog = CollisionDialog(result, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.settlements()
