"""The Calendar tab: the day or week view, with the unscheduled cases and the conflicts beside it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QWidget

from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.calendar.conflicts_pane import ConflictsPane
from planner.ui.calendar.unscheduled_pane import UnscheduledPane
from planner.ui.common.workspace import Workspace


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.conflicts.ensure_fresh()

    def show_conflicts(self) -> None:
        self.side.setCurrentWidget(self.conflicts)

    def _show_conflict_count(self, count: int) -> None:
        self.side.setTabText(1, f"Conflicts ({count:,})" if count else "Conflicts")
