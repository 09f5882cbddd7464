"""Before leave or a closure over booked hearings is saved: how many hearings it strands, and the
moves the Planner proposes, to review (untick one to leave it where it is) and apply with it.
The window shows the ticked moves as ghosts on the calendar meanwhile (``ticked_changed``), and
the row chosen on the calendar (``revealed``)."""

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.scheduling.booking import long_day
from planner.scheduling.displacement import Displacement, Move


class MovesDialog(QDialog):
    """``choice`` after it closes: "move" (save with the ticked moves), "keep" (save, move
    nothing) or "" (cancel: nothing saved)."""

    ticked_changed = Signal(list)  # the moves ticked, each with a place
    revealed = Signal(datetime, int)  # the chosen row's new place and minutes: to show

    def __init__(self, found: Displacement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.choice = ""
        count = found.count
        noun = "hearing" if count == 1 else "hearings"
        self.setWindowTitle(f"{count} booked {noun} on the new days off")
        heading = QLabel(
            f"The leave or closures you added fall on {count} booked {noun}. Nothing is saved "
            "yet. The Planner proposes to move each to the nearest free place of its kind, not "
            f"before {long_day(found.not_before)} ({found.notice_source}: a moved hearing needs "
            "a new notice). Untick a hearing to leave it where it is."
        )
        heading.setWordWrap(True)
        self.heading = heading
        self.list = QListWidget()
        self.list.setAccessibleName("Proposed moves")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for move in found.moves:
            self.add_move(move)
        buttons = QDialogButtonBox()
        self.move_button = QPushButton()
        self.keep_button = QPushButton("Save &Without Moving")
        self.keep_button.setToolTip("Save the leave and closures; the hearings stay as conflicts")
        buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.move_button.clicked.connect(lambda: self._close("move"))
        self.keep_button.clicked.connect(lambda: self._close("keep"))
        buttons.rejected.connect(self.reject)
        self.move_button.setDefault(True)
        self.list.itemChanged.connect(self._count)
        self.list.currentItemChanged.connect(self._reveal)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(760, 440)  # fits a 1024x600 screen
        self._count()

    def add_move(self, move: Move) -> None:
        """A row for the move: ticked when it has a place."""
        why = move.why[:1].upper() + move.why[1:]
        item = QListWidgetItem(f"{move.describe()}\n    {why}")
        item.setData(Qt.ItemDataRole.UserRole, move)
        if move.place is None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip("No free place of its kind in the year ahead: move it by hand")
        else:
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip("\n".join(move.place.reasons))
        self.list.addItem(item)

    def on_calendar(self) -> list[Move]:
        """The moves ticked that the calendar on show draws as ghosts."""
        return self.chosen()

    def chosen(self) -> list[Move]:
        """The moves ticked."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            move = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked and isinstance(move, Move):
                found.append(move)
        return found

    def _count(self, *_args: object) -> None:
        ticked = len(self.chosen())
        self.move_button.setText(f"Save and &Move {ticked}")
        self.move_button.setEnabled(ticked > 0)
        self.ticked_changed.emit(self.chosen())

    def _reveal(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        move = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(move, Move) and move.place is not None:
            self.revealed.emit(move.place.start, move.place.minutes)

    def _close(self, choice: str) -> None:
        self.choice = choice
        self.accept()
