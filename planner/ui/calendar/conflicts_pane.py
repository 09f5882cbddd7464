"""The judge's conflicts from today to the end of the fiscal year: each one jumps to its hearing."""

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner.domain.calendar import fiscal_year_bounds, fiscal_year_of
from planner.scheduling.placement import Conflict, RefusalKind
from planner.services import calendar as calendar_service
from planner.services.changes import Change
from planner.ui.common.freshness import Freshness
from planner.ui.common.workspace import Workspace

_REFRESH_ON = Change.HEARINGS | Change.CASES | Change.CALENDAR | Change.PROFILE
_KIND_WORDS = {
    RefusalKind.OVERLAP: "Overlap",
    RefusalKind.OUTSIDE_SESSION: "Outside a session",
    RefusalKind.WRONG_SESSION_KIND: "Wrong session",
    RefusalKind.HOLIDAY: "Holiday",
    RefusalKind.CLOSURE: "Closure",
    RefusalKind.LEAVE: "Leave",
    RefusalKind.NOTICE_PERIOD: "Notice period",
    RefusalKind.TOO_SHORT: "Too short",
    RefusalKind.OVER_LIMIT: "Over the limit",
    RefusalKind.CALL_TIME: "Not at a call time",
}
#: Qt.ItemDataRole.UserRole of an item: (hearing id, its start).
TARGET_ROLE = Qt.ItemDataRole.UserRole


class ConflictsPane(QWidget):
    """A list of the scheduled hearings in conflict (overlap, outside a session, a day that
    became a holiday, closure or leave after booking), read again after every change."""

    jump = Signal(int, object)  # hearing id, its start (datetime)
    counted = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.conflicts: list[Conflict] = []
        self.span: tuple[date, date] | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Conflicts")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setToolTip("Double-click or press Enter to show the hearing in the calendar")
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.freshness = Freshness(self.reload, lambda: self.host.isVisible())
        #: The widget whose being on screen keeps the list fresh (the calendar page sets itself,
        #: so the count on the pane's tab is right while the pane is behind another tab).
        self.host: QWidget = self
        workspace.changed.connect(self._on_changed)
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())

    def _on_changed(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self.freshness.changed()

    def ensure_fresh(self) -> None:
        self.freshness.ensure()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_fresh()

    def reload(self) -> None:
        """Read the conflicts from today to the fiscal year's last day again."""
        self.freshness.stale = False
        judge = self.workspace.judge
        self.list.clear()
        if judge is None or judge.id is None:
            self.conflicts, self.span = [], None
            self.title.setText("No judge is open.")
            self.counted.emit(0)
            return
        today = self.workspace.clock().date()
        year = fiscal_year_of(today, judge)
        last = fiscal_year_bounds(year, judge)[1]
        self.span = (today, last)
        self.conflicts = calendar_service.conflicts_for(self.workspace.database, judge, today, last)
        for conflict in self.conflicts:
            self.list.addItem(_item(conflict))
        n = len(self.conflicts)
        until = f"{last.day} {last:%b %Y} (end of FY {year})"
        if n:
            noun = "conflict" if n == 1 else "conflicts"
            self.title.setText(f"<b>{n:,} {noun}</b> from today to {until}")
        else:
            self.title.setText(f"No conflicts from today to {until}.")
        self.counted.emit(n)

    def _activated(self, item: QListWidgetItem) -> None:
        hearing_id, start = item.data(TARGET_ROLE)
        self.jump.emit(hearing_id, start)


def _item(conflict: Conflict) -> QListWidgetItem:
    start: datetime = conflict.start
    when = f"{start:%a} {start.day} {start:%b %Y} {start:%H:%M}"
    item = QListWidgetItem(f"{when} · {_KIND_WORDS[conflict.kind]}\n{conflict.reason}")
    item.setToolTip(conflict.reason)
    item.setData(TARGET_ROLE, (conflict.hearing_ids[0], start))
    return item
