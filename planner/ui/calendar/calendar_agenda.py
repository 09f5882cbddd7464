"""The Agenda view: the week's hearings as a list, one row each, in the order of the day."""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from planner.domain.anumber import format_a_number
from planner.domain.vocabulary import HearingStatus
from planner.store.agenda import CalendarEntry

COLUMNS = (
    "Day",
    "Time",
    "A-number",
    "Name",
    "Language",
    "Detained",
    "Represented",
    "Hearing",
    "Status",
)
#: Keys the list leaves to the calendar (its views and pages) instead of searching its rows.
_CALENDAR_KEYS = frozenset(
    {
        Qt.Key.Key_D,
        Qt.Key.Key_W,
        Qt.Key.Key_M,
        Qt.Key.Key_Y,
        Qt.Key.Key_A,
        Qt.Key.Key_T,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    }
)


def agenda_row(entry: CalendarEntry, names: bool = True) -> tuple[str, ...]:
    """A hearing's row: day, time, A-number, name (hidden: "—"), language, detained,
    represented, hearing kind, status."""
    return (
        f"{entry.start:%a %d %b}",
        f"{entry.start:%H:%M}-{entry.end:%H:%M}",
        format_a_number(entry.a_number),
        entry.name if names else "—",
        entry.language,
        "Detained" if entry.detained else "",
        "Represented" if entry.represented else "",
        entry.kind.value.replace("_", " "),
        entry.status.value if entry.status is not HearingStatus.SCHEDULED else "",
    )


class AgendaList(QTreeWidget):
    """The hearings of the days on show; Enter (or a double-click) opens a hearing's case."""

    activated_hearing = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Agenda")
        self.setAccessibleDescription("The hearings of the week, one a row, by day and time")
        self.itemActivated.connect(self._activated)

    def show_entries(self, entries: Sequence[CalendarEntry], names: bool = True) -> None:
        self.clear()
        for entry in sorted(entries, key=lambda e: (e.start, e.id)):
            item = QTreeWidgetItem(list(agenda_row(entry, names)))
            item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            self.addTopLevelItem(item)
        for column in range(len(COLUMNS)):
            self.resizeColumnToContents(column)
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)

    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(item.text(c) for c in range(len(COLUMNS)))
            for item in (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
            if item is not None
        ]

    def current_hearing(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in _CALENDAR_KEYS:
            event.ignore()  # the calendar's own key: its parent takes it
            return
        super().keyPressEvent(event)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated_hearing.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
