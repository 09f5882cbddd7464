"""The calendar: a judge's day or week as a timeline of sessions, hearings and days off."""

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.domain.anumber import format_a_number
from planner.domain.docket import Leave
from planner.domain.vocabulary import CompletionKind, HearingStatus
from planner.scheduling.days import DaySummary
from planner.services import calendar as calendar_service
from planner.services import judges as judge_service
from planner.services.calendar import Outcome, OutcomeRecord
from planner.services.changes import Change
from planner.store.agenda import CalendarEntry
from planner.ui.calendar_month import MonthView
from planner.ui.calendar_paint import Block, Scene, build_scene, paint_scene
from planner.ui.calendar_year import YearView
from planner.ui.day_grid import DayGrid
from planner.ui.docket_model import kind_label
from planner.ui.workspace import Workspace

_REFRESH_ON = Change.HEARINGS | Change.CASES | Change.CALENDAR | Change.PROFILE
_OUTCOME_CHANGE = Change.HEARINGS | Change.CASES


class _Timeline(QWidget):
    """The painted part: lays out its scene when the data or its size changes, then only paints."""

    activated = Signal(int)
    menu_requested = Signal(int, QPoint)

    def __init__(self, view: "CalendarView") -> None:
        super().__init__(view)
        self._view = view
        self.scene = Scene()
        self._cache: QPixmap | None = None  # the scene as painted, until the next relayout
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 240)

    def relayout(self) -> None:
        v = self._view
        judge = v.workspace.judge
        self.scene = build_scene(
            QRectF(self.rect()),
            v.days(),
            judge.sessions if judge else (),
            v.entries,
            v.summaries,
            v.leave,
            v.conflicts,
            v.workspace.clock(),
            self.fontMetrics(),
        )
        self._cache = None
        self.update()

    def block_at(self, pos: QPoint) -> Block | None:
        return next((b for b in reversed(self.scene.blocks) if b.rect.contains(pos)), None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the scene once into a pixmap; later paints (exposes, menus, tooltips) blit it."""
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.deviceIndependentSize() != self.size():
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            cached = QPainter(self._cache)
            cached.setFont(self.font())
            paint_scene(cached, self.scene, self.palette(), QRectF(self.rect()))
            cached.end()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)  # clipped to the exposed region
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(event.pos())
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), block.tooltip, self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        if block is not None:
            self.activated.emit(block.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        block = self.block_at(event.pos())
        if block is not None:
            self.menu_requested.emit(block.id, event.globalPos())


class CalendarView(QWidget):
    """The judge's week (Mon-Fri, or to Sunday with weekend sessions) or one day.

    Keys: Left/Right a day (day view) or a week, PageUp/PageDown a week, T today, D/W/M/Y the
    views; the month and the fiscal year are painted grids of days (calendar_month, calendar_year)
    with their own keys, and a day opened there (double-click, Enter) shows in the day view.
    """

    hearing_activated = Signal(int)  # the id of a double-clicked hearing

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.current = workspace.clock().date()
        self.mode = "week"
        self.entries: list[CalendarEntry] = []
        self.summaries: dict[date, DaySummary] = {}
        self.leave: list[Leave] = []
        self.conflicts: dict[int, list[str]] = {}
        self._stale = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._minute = QTimer(self, interval=60_000)  # moves the today line
        self._minute.timeout.connect(self._tick)
        self._minute.start()
        workspace.changed.connect(self._on_changed)
        workspace.judge_switched.connect(lambda _judge: self._refresh())

    def _build(self) -> None:
        def button(text: str, tip: str, slot: object, checkable: bool = False) -> QToolButton:
            b = QToolButton(text=text, toolTip=tip, checkable=checkable)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            return b

        self.previous_button = button(
            "◀", "Previous day, week, month or year (Left, PageUp)", self.previous
        )
        self.today_button = button("Today", "Back to today (T)", self.go_today)
        self.next_button = button("▶", "Next day, week, month or year (Right, PageDown)", self.next)
        self.day_button = button("Day", "One day (D)", lambda: self.set_mode("day"), True)
        self.week_button = button("Week", "The week (W)", lambda: self.set_mode("week"), True)
        self.month_button = button("Month", "The month (M)", lambda: self.set_mode("month"), True)
        self.year_button = button(
            "Year", "The fiscal year (Y)", lambda: self.set_mode("year"), True
        )
        self.week_button.setChecked(True)
        group = QButtonGroup(self)
        for mode_button in (self.day_button, self.week_button, self.month_button, self.year_button):
            group.addButton(mode_button)
        self.date_label = QLabel()
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.date_label.setFont(font)
        top = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.date_label, 1)
        top.addWidget(self.day_button)
        top.addWidget(self.week_button)
        top.addWidget(self.month_button)
        top.addWidget(self.year_button)
        self.timeline = _Timeline(self)
        self.timeline.activated.connect(self.hearing_activated)
        self.timeline.menu_requested.connect(lambda i, at: self.hearing_menu(i).exec(at))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        self.month_view, self.year_view = MonthView(self.workspace), YearView(self.workspace)
        self.stack = QStackedWidget()
        for page in (self.timeline, self.month_view, self.year_view):
            self.stack.addWidget(page)
        for grid in (self.month_view, self.year_view):
            grid.day_activated.connect(self.open_day)
            grid.selection_changed.connect(self._grid_moved)
            grid.title_changed.connect(self._grid_titled)
        layout.addWidget(self.stack, 1)

    # What is shown ----------------------------------------------------------------------------

    def _weekend(self) -> bool:
        judge = self.workspace.judge
        return judge is not None and any(s.weekday >= 5 for s in judge.sessions)

    def days(self) -> list[date]:
        """The days on show, in order."""
        if self.mode == "day":
            return [self.current]
        monday = self.current - timedelta(days=self.current.weekday())
        return [monday + timedelta(days=i) for i in range(7 if self._weekend() else 5)]

    def blocks(self) -> list[Block]:
        """The hearings as drawn: id, rectangle, label lines, kind, status, conflict."""
        self._ensure_fresh()
        return list(self.timeline.scene.blocks)

    def day_labels(self) -> list[str]:
        """Each column's heading, with the day's state when it is not a workday."""
        self._ensure_fresh()
        return [f"{h.text} · {h.state}" if h.state else h.text for h in self.timeline.scene.heads]

    def session_labels(self) -> list[str]:
        """The labels of the background bands (sessions, leave, holidays, closures)."""
        self._ensure_fresh()
        return [band.text for band in self.timeline.scene.bands]

    # Navigation -------------------------------------------------------------------------------

    def _grid(self) -> DayGrid | None:
        """The month view or the fiscal-year overview when one is on show."""
        return {"month": self.month_view, "year": self.year_view}.get(self.mode)

    def _grid_moved(self, day: date) -> None:
        grid = self._grid()
        if grid is not None and grid.selected == day:
            self.current = day
            self.date_label.setText(grid.title())

    def _grid_titled(self, title: str) -> None:
        if self._grid() is self.sender():
            self.date_label.setText(title)

    def open_day(self, day: date) -> None:
        """Show ``day`` in the day view (a day opened in the month or the year)."""
        self.current = day
        self.set_mode("day")

    def set_date(self, day: date) -> None:
        grid = self._grid()
        if grid is not None:
            self.current = day
            grid.set_date(day)
            self.date_label.setText(grid.title())
            return
        if self.mode == "day" and day.weekday() >= 5 and not self._weekend():
            step = 1 if day > self.current else -1
            while day.weekday() >= 5:
                day += timedelta(days=step)
        self.current = day
        self.reload()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        buttons = {"day": self.day_button, "month": self.month_button, "year": self.year_button}
        buttons.get(mode, self.week_button).setChecked(True)
        grid = self._grid()
        self.stack.setCurrentWidget(grid or self.timeline)
        self.set_date(self.current)
        if grid is not None and self.isVisible():
            grid.setFocus()

    def previous(self) -> None:
        if (grid := self._grid()) is not None:
            grid.previous()
            return
        self.set_date(self.current - timedelta(days=1 if self.mode == "day" else 7))

    def next(self) -> None:
        if (grid := self._grid()) is not None:
            grid.next()
            return
        self.set_date(self.current + timedelta(days=1 if self.mode == "day" else 7))

    def go_today(self) -> None:
        self.set_date(self.workspace.clock().date())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        week = timedelta(days=7)
        actions = {
            Qt.Key.Key_Left: self.previous,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_PageUp: lambda: self.set_date(self.current - week),
            Qt.Key.Key_PageDown: lambda: self.set_date(self.current + week),
            Qt.Key.Key_T: self.go_today,
            Qt.Key.Key_D: lambda: self.set_mode("day"),
            Qt.Key.Key_W: lambda: self.set_mode("week"),
            Qt.Key.Key_M: lambda: self.set_mode("month"),
            Qt.Key.Key_Y: lambda: self.set_mode("year"),
        }
        if key in actions and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            actions[key]()
        else:
            super().keyPressEvent(event)

    # Reading ----------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self._refresh()

    def _refresh(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _tick(self) -> None:
        if self.isVisible() and self.workspace.clock().date() in self.days():
            self.timeline.relayout()

    def _ensure_fresh(self) -> None:
        if self._stale:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def reload(self) -> None:
        """Read the days on show again and lay them out."""
        if self._grid() is not None:  # the month and the year read their own days
            return
        self._stale = False
        judge, database = self.workspace.judge, self.workspace.database
        days = self.days()
        first, last = days[0], days[-1]
        if judge is None or judge.id is None:
            self.entries, self.summaries, self.leave, self.conflicts = [], {}, [], {}
        else:
            self.entries = calendar_service.agenda(database, judge.id, first, last)
            summaries = calendar_service.day_summaries_for(database, judge, first, last)
            self.summaries = {s.day: s for s in summaries}
            self.leave = judge_service.calendar_of(database, judge.id)[1]
            self.conflicts = {}
            for conflict in calendar_service.conflicts_for(database, judge, first, last):
                for hearing_id in conflict.hearing_ids:
                    self.conflicts.setdefault(hearing_id, []).append(conflict.reason)
        if self.mode == "day":
            self.date_label.setText(f"{first:%A} {first.day} {first:%B %Y}")
        else:
            span = f"{first.day} {first:%b}" + (f" {first.year}" if first.year != last.year else "")
            self.date_label.setText(f"{span} – {last.day} {last:%b %Y}")
        self.timeline.relayout()

    # Outcomes ---------------------------------------------------------------------------------

    def entry(self, hearing_id: int) -> CalendarEntry | None:
        return next((e for e in self.entries if e.id == hearing_id), None)

    def hearing_menu(self, hearing_id: int) -> QMenu:
        """The context menu of a hearing: open it, and record its outcome."""
        menu = QMenu(self)
        entry = self.entry(hearing_id)
        shown = format_a_number(entry.a_number) if entry else "hearing"
        menu.addAction("Open", lambda: self.hearing_activated.emit(hearing_id))
        menu.addSeparator()
        scheduled = entry is not None and entry.status is HearingStatus.SCHEDULED
        for text, slot in (
            ("Held", lambda: self._record(hearing_id, Outcome.HELD, f"Held: {shown}")),
            ("Adjourned…", lambda: self._adjourn(hearing_id, shown)),
            ("Completed…", lambda: self._complete(hearing_id, shown)),
        ):
            action: QAction = menu.addAction(text, slot)
            action.setEnabled(scheduled)
            if not scheduled and entry is not None:
                action.setToolTip(f"This hearing is already {entry.status.value}")
        return menu

    def _adjourn(self, hearing_id: int, shown: str) -> None:
        reason, ok = QInputDialog.getText(
            self, f"Adjourn {shown}", "Reason for the adjournment (and its legal basis):"
        )
        if ok and reason.strip():
            self._record(hearing_id, Outcome.ADJOURNED, f"Adjourned: {shown}", reason=reason)

    def _complete(self, hearing_id: int, shown: str) -> None:
        judge = self.workspace.judge
        counted = judge.counted_completions if judge else frozenset()
        kinds = sorted(CompletionKind, key=lambda kind: kind not in counted)
        labels = [
            f"{kind_label(k).capitalize()} ({'counts' if k in counted else 'does not count'})"
            for k in kinds
        ]
        choice, ok = QInputDialog.getItem(
            self, f"Complete {shown}", "How the case left the docket:", labels, 0, False
        )
        if ok and choice in labels:
            kind = kinds[labels.index(choice)]
            self._record(hearing_id, Outcome.COMPLETED, f"Completed: {shown}", completion_kind=kind)

    def _record(self, hearing_id: int, outcome: Outcome, text: str, **details: object) -> None:
        workspace, judge = self.workspace, self.workspace.judge
        if judge is None:
            return

        def undo(record: OutcomeRecord) -> Change:
            calendar_service.undo_outcome(workspace.database, record)
            return _OUTCOME_CHANGE

        def redo(record: OutcomeRecord) -> Change:
            calendar_service.redo_outcome(workspace.database, record)
            return _OUTCOME_CHANGE

        workspace.perform(
            text,
            lambda: calendar_service.record_outcome(
                workspace.database,
                judge,
                hearing_id,
                outcome,
                **details,  # type: ignore[arg-type]
            ),
            undo=undo,
            redo=redo,
            change=_OUTCOME_CHANGE,
        )
