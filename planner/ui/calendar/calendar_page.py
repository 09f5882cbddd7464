"""The Calendar tab: the day or week view, with the unscheduled cases and the conflicts beside it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QWidget

from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.calendar.conflicts_pane import ConflictsPane
from planner.ui.calendar.unscheduled_pane import UnscheduledPane
from planner.ui.common.workspace import Workspace

#: The side pane's least width when the calendar needs the room, in average characters (about
#: 230 px: the search field, the filters elided, the list's first two columns).
SIDE_LEAST_CHARS = 38


class CalendarPage(QWidget):
    """A side panel (Unscheduled cases to drag in; Conflicts to jump to) and the calendar."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = CalendarView(workspace)
        self.unscheduled = UnscheduledPane(workspace)
        self.conflicts = ConflictsPane(workspace)
        self.conflicts.host = self
        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        self.side.addTab(self.unscheduled, "Unscheduled")
        self.side.addTab(self.conflicts, "Conflicts")
        self.side.setTabToolTip(0, "Pending cases with no hearing set: drag one onto the calendar")
        self.side.setTabToolTip(1, "Hearings in conflict from today to the fiscal year's end")
        self.conflicts.counted.connect(self._show_conflict_count)
        self.conflicts.jump.connect(self.calendar.show_hearing)
        self.addAction(self.calendar.go_action)  # Ctrl+G from the side panes too
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.calendar)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 1000])  # the unscheduled list's facts fit
        self.splitter.setChildrenCollapsible(True)
        # The side pane may narrow to about 230 px (its filters elided, its list scrolling
        # sideways) for the calendar's row: its hint's width, the widest filter row, is more.
        self.side.setMinimumWidth(self.side.fontMetrics().averageCharWidth() * SIDE_LEAST_CHARS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.conflicts.ensure_fresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_calendar_row()

    def _keep_calendar_row(self) -> None:
        """On a window made narrower the side pane gives way (down to its least) before the
        calendar's row of controls is squeezed below what it needs (issue 21): the splitter
        alone takes it all from the calendar, which keeps its stretch."""
        sizes = self.splitter.sizes()
        if not self.isVisible() or len(sizes) != 2 or sizes[0] <= 0:
            return
        side, calendar = sizes
        short = self.calendar.row_needs() - calendar
        give = min(short, side - self.side.minimumWidth())
        if give > 0:
            self.splitter.setSizes([side - give, calendar + give])

    def show_conflicts(self) -> None:
        self.side.setCurrentWidget(self.conflicts)

    def _show_conflict_count(self, count: int) -> None:
        self.side.setTabText(1, f"Conflicts ({count:,})" if count else "Conflicts")
