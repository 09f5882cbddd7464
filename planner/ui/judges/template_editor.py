"""The weekly session template as a weekday-by-time grid of coloured, labelled blocks."""

from collections.abc import Callable, Iterable
from datetime import time

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.judge import WEEKDAY_NAMES, Session, first_overlap, overlap
from planner.domain.plural import counted
from planner.domain.vocabulary import SessionKind
from planner.ui.judges.field_error import FieldError, kind_label
from planner.ui.judges.session_dialog import SessionDialog

SLOT = 30  # minutes per grid row
DAY_START, DAY_END = 7 * 60, 19 * 60  # the rows shown when no session lies outside them
KIND_COLOURS = {
    SessionKind.MASTER: "#cfe2f8",
    SessionKind.INDIVIDUAL: "#d3ecd0",
    SessionKind.DETAINED_MASTER: "#f7dcbf",
    SessionKind.DETAINED_INDIVIDUAL: "#f2c9c9",
    SessionKind.BOND: "#e3d6f3",
    SessionKind.JUVENILE: "#f8ecb0",
    SessionKind.ADMINISTRATIVE: "#dedede",
}
ExecDialog = Callable[[QDialog], int]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


#: The weekly sessions table's keys (in the profile), for Help > Keyboard Shortcuts.
TEMPLATE_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Return", "Enter"), "Edit the selected session, or make one of the selected half-hours"),
    (("Ins",), "Make a session of the selected half-hours"),
    (("Del", "Backspace"), "Remove the selected sessions"),
)


class _Grid(QTableWidget):
    """The table, with Enter (add or edit), Insert (add) and Delete (remove) as signals."""

    enter_pressed = Signal()
    insert_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        signal = {
            Qt.Key.Key_Return: self.enter_pressed,
            Qt.Key.Key_Enter: self.enter_pressed,
            Qt.Key.Key_Insert: self.insert_pressed,
            Qt.Key.Key_Delete: self.delete_pressed,
            Qt.Key.Key_Backspace: self.delete_pressed,
        }.get(Qt.Key(key))
        if signal is None:
            super().keyPressEvent(event)
            return
        event.accept()
        signal.emit()


class TemplateEditor(QWidget):
    """Edits a judge's weekly sessions; ``changed`` fires after every edit."""

    changed = Signal()

    def __init__(
        self,
        sessions: Iterable[Session] = (),
        parent: QWidget | None = None,
        *,
        exec_dialog: ExecDialog = QDialog.exec,
    ) -> None:
        super().__init__(parent)
        self._exec_dialog = exec_dialog
        self._sessions: list[Session] = []
        self._cells: dict[tuple[int, int], int] = {}
        self._first = DAY_START

        self.kind = QComboBox()
        for kind in SessionKind:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setToolTip("The kind of session that Add makes from the selected half-hours")
        kind_caption = QLabel("New session &kind:")
        kind_caption.setBuddy(self.kind)
        self.add_button = self._button("&Add", "Make a session of the selected half-hours (Enter)")
        self.edit_button = self._button(
            "&Edit…",
            "Change the selected session's times, kind or interpreter (Enter or double-click)",
        )
        self.remove_button = self._button("Re&move", "Remove the selected sessions (Delete)")
        self.weekend = QCheckBox("Show weeke&nd")
        self.weekend.setToolTip("Show Saturday and Sunday columns")

        self.grid = _Grid(0, 7)
        self.grid.setHorizontalHeaderLabels(list(WEEKDAY_NAMES))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.setToolTip(
            "Select half-hours in a day's column and press Enter to add a session of the chosen "
            "kind; Enter or double-click on a session edits it; Delete removes it"
        )
        self.grid.setAccessibleName("Weekly sessions")
        self.error = FieldError()

        tools = QHBoxLayout()
        tools.addWidget(kind_caption)
        tools.addWidget(self.kind)
        for widget in (self.add_button, self.edit_button, self.remove_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.weekend)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.add_selection)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.weekend.toggled.connect(self._show_weekend)
        self.grid.enter_pressed.connect(self._enter)
        self.grid.insert_pressed.connect(self.add_selection)
        self.grid.delete_pressed.connect(self.remove_selected)
        self.grid.cellDoubleClicked.connect(self._double_clicked)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.itemSelectionChanged.connect(self._selection_changed)
        self.set_sessions(sessions)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    # The template -----------------------------------------------------------------------------

    def sessions(self) -> tuple[Session, ...]:
        return tuple(sorted(self._sessions, key=lambda s: (s.weekday, s.start)))

    def set_sessions(self, sessions: Iterable[Session]) -> None:
        self._sessions = list(sessions)
        if any(s.weekday >= 5 for s in self._sessions):
            self.weekend.setChecked(True)
        self._refresh()
        self._show_weekend(self.weekend.isChecked())

    def problem(self) -> str | None:
        """Why the template cannot be saved as it is (the domain's rule: two sessions overlap),
        or None."""
        return first_overlap(self._sessions)

    def row_of(self, moment: time) -> int:
        """The grid row of the half-hour that contains ``moment``."""
        return (_minutes(moment) - self._first) // SLOT

    # Edits --------------------------------------------------------------------------------------

    def add_selection(self) -> None:
        """Make a session of the current kind in each selected column, over the selected rows."""
        ranges = self.grid.selectedRanges()
        if not ranges:
            self.error.say("Select the half-hours of the new session first")
            return
        block = ranges[0]
        rows = range(block.topRow(), block.bottomRow() + 1)
        new: list[Session] = []
        for column in range(block.leftColumn(), block.rightColumn() + 1):
            if self.grid.isColumnHidden(column):
                continue
            start = self._first + rows.start * SLOT
            session = Session(
                column, _time(start), _time(start + len(rows) * SLOT), self.kind.currentData()
            )
            message = overlap(session, self._sessions)
            if message:
                self.error.say(f"{message}: select free half-hours, or edit that session")
                return
            new.append(session)
        self._sessions.extend(new)
        self._edited()

    def edit_selected(self) -> None:
        chosen = self._selected()
        if chosen:
            self._edit(chosen[0])

    def remove_selected(self) -> None:
        chosen = set(self._selected())
        if chosen:
            self._sessions = [s for i, s in enumerate(self._sessions) if i not in chosen]
            self._edited()

    def _edit(self, index: int | None, proposal: Session | None = None) -> None:
        others = [s for i, s in enumerate(self._sessions) if i != index]
        current = proposal if index is None else self._sessions[index]
        assert current is not None
        dialog = SessionDialog(
            current,
            clash=lambda s: overlap(s, others),
            title="New session" if index is None else "Edit session",
            parent=self,
        )
        accepted = self._exec_dialog(dialog) == QDialog.DialogCode.Accepted
        edited = dialog.session()
        dialog.deleteLater()
        if not accepted or edited is None:
            return
        if index is None:
            self._sessions.append(edited)
        else:
            self._sessions[index] = edited
        self._edited()

    def _edited(self) -> None:
        self._refresh()
        self.changed.emit()

    # Events --------------------------------------------------------------------------------------

    def _selected(self) -> list[int]:
        found = {self._cells.get((i.row(), i.column())) for i in self.grid.selectedIndexes()}
        return sorted(i for i in found if i is not None)

    def _enter(self) -> None:
        if self._selected():
            self.edit_selected()
        else:
            self.add_selection()

    def _double_clicked(self, row: int, column: int) -> None:
        index = self._cells.get((row, column))
        if index is not None:
            self._edit(index)
            return
        start = self._first + row * SLOT
        kind = self.kind.currentData()
        self._edit(None, Session(column, _time(start), _time(start + SLOT), kind))

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for kind in SessionKind:
            action = menu.addAction(f"Add {kind_label(kind).lower()} session here")
            action.triggered.connect(lambda _=False, k=kind: self._add_kind(k))
        menu.addSeparator()
        menu.addAction("Edit…", self.edit_selected).setEnabled(bool(self._selected()))
        menu.addAction("Remove", self.remove_selected).setEnabled(bool(self._selected()))
        menu.popup(self.grid.viewport().mapToGlobal(position))

    def _add_kind(self, kind: SessionKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.add_selection()

    def _selection_changed(self) -> None:
        chosen = bool(self._selected())
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(bool(self.grid.selectedRanges()) and not chosen)
        self.error.say(self.problem())

    def _show_weekend(self, shown: bool) -> None:
        for column in (5, 6):
            self.grid.setColumnHidden(column, not shown)

    # Drawing ---------------------------------------------------------------------------------------

    def _refresh(self) -> None:
        starts = [_minutes(s.start) for s in self._sessions]
        ends = [_minutes(s.end) for s in self._sessions]
        self._first = min([DAY_START, *starts]) // SLOT * SLOT
        last = -(-max([DAY_END, *ends]) // SLOT) * SLOT
        self.grid.clearSpans()
        self.grid.clearContents()
        self.grid.setRowCount((last - self._first) // SLOT)
        self.grid.setVerticalHeaderLabels(
            [f"{_time(self._first + r * SLOT):%H:%M}" for r in range(self.grid.rowCount())]
        )
        for row in range(self.grid.rowCount()):
            for column in range(7):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.grid.setItem(row, column, item)
        self._cells = {}
        for index, session in enumerate(self._sessions):
            self._draw(index, session)
        self._selection_changed()

    def _draw(self, index: int, session: Session) -> None:
        top = self.row_of(session.start)
        bottom = -(-(_minutes(session.end) - self._first) // SLOT)
        cells = [(row, session.weekday) for row in range(top, bottom)]
        free = [cell for cell in cells if cell not in self._cells]
        if not free:  # a clash: the problem label names it; its first cell shows both
            item = self.grid.item(*cells[0])
            assert item is not None  # every cell has its item (made with the grid)
            item.setText(f"{item.text()}\n+ {session.label}")
            return
        for cell in free:
            self._cells[cell] = index
        if len(free) == len(cells) and len(cells) > 1:
            self.grid.setSpan(top, session.weekday, len(cells), 1)
        item = self.grid.item(*free[0])
        assert item is not None
        text = f"{kind_label(session.kind)}\n{session.start:%H:%M}–{session.end:%H:%M}"
        if session.case_limit is not None:
            calls = ", ".join(f"{call:%H:%M}" for call in session.calls)
            text += f"\n{counted(session.case_limit, 'case')}, called {calls}"
        item.setText(f"{text}\n{session.language}" if session.language else text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        item.setBackground(QBrush(QColor(KIND_COLOURS[session.kind])))
        item.setForeground(QBrush(QColor("#1d1d1d")))
        interpreter = f", {session.language} interpreter" if session.language else ""
        item.setToolTip(
            f"{session.label}{interpreter}. Enter or double-click to edit, Delete to remove."
        )
