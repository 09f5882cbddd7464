"""Before a court-wide closure over booked hearings is saved: how many hearings it strands for each
judge of the court, and the moves the Planner proposes, listed judge by judge, to review (untick
one to leave it where it is) and apply with the closure. The moves dialog's, with a heading row
per judge; the window shows the ticked moves of the judge on show as ghosts meanwhile."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidgetItem, QWidget

from planner.scheduling.booking import long_day
from planner.scheduling.displacement import Displacement, Move
from planner.services.court_closure_moves import JudgeMoves
from planner.ui.judges.moves_dialog import MovesDialog


def _hearings(count: int) -> str:
    return f"{count} booked hearing{'' if count == 1 else 's'}"


class CourtMovesDialog(MovesDialog):
    """``choice`` after it closes: "move" (save the closures with the ticked moves), "keep"
    (save them, move nothing) or "" (cancel: nothing saved)."""

    def __init__(
        self,
        court: str,
        found: Sequence[JudgeMoves],
        shown: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``shown``: the name of the judge whose calendar is on show."""
        self._shown = {
            m.hearing.id for each in found if each.judge.name == shown for m in each.found.moves
        }
        first = found[0].found
        merged = Displacement(
            tuple(m for each in found for m in each.found.moves),
            first.notice_days,
            first.notice_source,
            max(each.found.not_before for each in found),
        )
        super().__init__(merged, parent)
        self.judges = tuple(found)
        self.setWindowTitle(f"{_hearings(merged.count)} on the court's new closures")
        per_judge = "; ".join(f"{each.judge.name}: {each.found.count}" for each in found)
        self.heading.setText(
            f"The closures you added for {court} fall on {_hearings(merged.count)} "
            f"({per_judge}). Nothing is saved yet. The Planner proposes to move each to the "
            "nearest free place of its kind on its judge's calendar, not before "
            f"{long_day(merged.not_before)} ({merged.notice_source}: a moved hearing needs a "
            "new notice). Untick a hearing to leave it where it is."
        )
        self.keep_button.setToolTip("Save the closures; the hearings stay as conflicts")
        self.list.blockSignals(True)
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for each in found:
            header = QListWidgetItem(f"{each.judge.name}: {_hearings(each.found.count)}")
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setFont(bold)
            self.list.addItem(header)
            for move in each.found.moves:
                self.add_move(move)
        self.list.blockSignals(False)
        self._count()

    def on_calendar(self) -> list[Move]:
        """The moves ticked of the judge on show (the calendar's ghosts)."""
        return [m for m in self.chosen() if m.hearing.id in self._shown]

    def _reveal(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        move = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(move, Move) and move.hearing.id in self._shown:
            super()._reveal(item)  # another judge's place is not on the calendar on show
