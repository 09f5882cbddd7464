"""The calendar: a judge's day or week as a timeline of sessions, hearings and days off."""

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QKeyCombination, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar
from planner.domain.outcomes import outcome_refusal
from planner.domain.time_off import Leave
from planner.domain.vocabulary import (
    REMOTE_REQUEST_DAYS,
    CompletionKind,
    HearingMedium,
    HearingStatus,
)
from planner.scheduling.autoschedule import Proposed
from planner.scheduling.days import DaySummary
from planner.services import calendar as calendar_service
from planner.services.calendar import Outcome
from planner.services.changes import Change
from planner.store.agenda import CalendarEntry
from planner.ui.calendar import calendar_actions, calendar_keyboard
from planner.ui.calendar.calendar_access import timeline_items
from planner.ui.calendar.calendar_agenda import AgendaList
from planner.ui.calendar.calendar_dialogs import (
    AdjournDialog,
    AskContinuance,
    AskDate,
    ask_continuance,
    ask_date,
)
from planner.ui.calendar.calendar_drag import (
    PAGE_AFTER_MS,
    RESIZE_EDGE,
    SHORT_BLOCK,
    Drag,
    DragKind,
    Landing,
    ghost_of,
    land,
    land_at,
    page_direction,
)
from planner.ui.calendar.calendar_month import MonthView
from planner.ui.calendar.calendar_paint import (
    HEADER,
    Block,
    Ghost,
    Scene,
    build_scene,
    list_height,
    paint_focus,
    paint_ghost,
    paint_scene,
    paint_selection,
    paint_sticky_heads,
    readable_height,
)
from planner.ui.calendar.calendar_proposal import (
    ProposedGhost,
    ProposedMove,
    layout_moves,
    layout_proposed,
    moving_from,
    paint_moving,
    paint_proposed,
    proposed_days,
)
from planner.ui.calendar.calendar_toolbar import (
    WIDEST_SHORT_TITLE,
    ViewMenuButton,
    day_titles,
    row_width,
    week_titles,
)
from planner.ui.calendar.calendar_year import YearView
from planner.ui.calendar.day_grid import DayGrid
from planner.ui.calendar.static_texts import StaticTexts
from planner.ui.common import accessibility
from planner.ui.common.accessibility import AccessibleItem
from planner.ui.common.fitted_label import FittedLabel
from planner.ui.common.freshness import Freshness
from planner.ui.common.theme import checked_button_style
from planner.ui.common.workspace import Workspace
from planner.ui.docket import schedule_actions
from planner.ui.docket.case_actions import RunDialog, run_modal
from planner.ui.docket.case_mime import case_id_of
from planner.ui.docket.docket_model import kind_label

#: Go to a date and Move To...: the calendar's keys with a modifier, shortcuts of its actions.
GO_TO_DATE_KEY = "Ctrl+G"
MOVE_TO_KEY = "Ctrl+M"

#: The calendar's keys, as (keys as QKeySequence spells them, what they do): read by
#: CalendarView.keyPressEvent (a plain key not listed here is not handled) and by Help >
#: Keyboard Shortcuts, so that the list shown cannot drift from the code.
CALENDAR_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("D",), "Day view"),
    (("W",), "Week view"),
    (("M",), "Month view"),
    (("Y",), "Fiscal year view"),
    (("A",), "Agenda: the week's hearings as a list"),
    (("Ctrl++", "Ctrl+-"), "Zoom the day or week in or out"),
    (("Ctrl+0",), "Zoom the day or week to fit"),
    (("T",), "Go to today"),
    (("Up", "Down"), "Select the previous or next hearing of the day"),
    (
        ("Left", "Right"),
        "Select the hearing nearest in time on the previous or next day; past the days on show, "
        "go to the previous or next day (day view) or week",
    ),
    (("PgUp", "PgDown"), "Previous or next week"),
    (("Home", "End"), "First or last day of the week"),
    ((GO_TO_DATE_KEY,), "Go to a date…"),
    (("Return", "Enter"), "Open the selected hearing's case"),
    (
        ("Alt+Up", "Alt+Down"),
        f"Move the selected hearing {calendar_keyboard.STEP_MINUTES} minutes earlier or later "
        "(a case in a master calendar: to the previous or next call time)",
    ),
    (("Alt+Left", "Alt+Right"), "Move the selected hearing to the previous or next day"),
    (
        ("Shift+Alt+Up", "Shift+Alt+Down"),
        f"Shorten or lengthen the selected hearing by {calendar_keyboard.STEP_MINUTES} minutes",
    ),
    (
        ("Menu", "Shift+F10"),
        "The selected hearing's menu: record its outcome (held, adjourned, continued, "
        "completed), open or unschedule it",
    ),
    (("Del",), "Unschedule the selected hearing (Ctrl+Z puts it back)"),
    ((MOVE_TO_KEY,), "Move the selected hearing to one of the next free places…"),
)


def key_combination(name: str) -> QKeyCombination:
    """The key and modifiers of a key named as QKeySequence spells it ("Ctrl+G")."""
    return QKeySequence(name)[0]  # type: ignore[index]  # the stubs miss __getitem__


#: The arrow keys: (dx, dy) through the days and the hours.
_ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}

#: The plain keys of the table, as event.key() gives them.
_PLAIN_KEYS = frozenset(
    key_combination(name).key()
    for names, _ in CALENDAR_KEYS
    for name in names
    if key_combination(name).keyboardModifiers() == Qt.KeyboardModifier.NoModifier
)

_REFRESH_ON = Change.HEARINGS | Change.CASES | Change.CALENDAR | Change.PROFILE
#: A theme or font change: what was painted and cached is out of date.
_REPAINT_ON = (QEvent.Type.PaletteChange, QEvent.Type.StyleChange, QEvent.Type.FontChange)


class _Timeline(QWidget):
    """The painted part: lays out its scene when the data or its size changes, then only paints.

    A drag (a hearing moved or resized with the mouse, or a case dropped from the docket) paints a
    ghost over the cached scene where the hearing would land; nothing is laid out again until the
    drop is stored.
    """

    activated = Signal(int)
    menu_requested = Signal(int, QPoint)

    def __init__(self, view: "CalendarView") -> None:
        accessibility.install()  # before a screen reader first asks for this widget
        super().__init__(view)
        self._view = view
        self.scene = Scene()
        self._cache: QPixmap | None = None  # the scene as painted, until the next relayout
        self._texts = StaticTexts()  # the blocks' labels, laid out once while they recur
        self.ghost: Ghost | None = None
        self.proposed: tuple[ProposedGhost, ...] = ()  # the auto-scheduler's preview, moves
        self.moving: tuple[QRectF, ...] = ()  # the blocks of the hearings proposed to move
        self.drag: Drag | None = None
        self.landing: Landing | None = None
        self._press: tuple[QPointF, Block, bool] | None = None  # where, on what, resizing
        self._linger = QTimer(self, singleShot=True, interval=2500)  # a refused ghost stays a while
        self._linger.timeout.connect(self._clear_ghost)
        # A drag held at the right edge (or over the hours) turns to the next (previous) days.
        self._pager = QTimer(self, singleShot=True, interval=PAGE_AFTER_MS)
        self._pager.timeout.connect(self._turn_page)
        self._page_to = 0
        self._pointer = QPointF()
        self._items: list[AccessibleItem] | None = None  # for screen readers, made when asked
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrow keys go through the hearings
        self.setAccessibleName("Calendar")
        self.setAccessibleDescription(
            "The days on show, their sessions and hearings; arrow keys select a hearing"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 240)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)

    def wanted_height(self) -> int:
        """The height the timeline takes in its scroll area, times the zoom: the view's, or
        more when a master calendar on show needs it to list its cases one line each, or when
        the shortest hearing on show would be less than a line of text high."""
        v = self._view
        viewport = v.scroller.viewport()
        height: float = viewport.height()
        judge = v.workspace.judge
        days = v.days()
        if judge is not None and days:
            needed = list_height(
                days, judge.sessions, v.entries, viewport.width(), self.fontMetrics()
            )
            readable = readable_height(days, judge.sessions, v.entries, self.fontMetrics())
            height = max(height, needed, readable)
        return int(height * v.zoom)

    def relayout(self) -> None:
        v = self._view
        judge = v.workspace.judge
        wanted = self.wanted_height()
        if wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)
            target = max(wanted, v.scroller.viewport().height())
            if self.isVisible() and target != self.height():
                self.resize(self.width(), target)  # at once: its resizeEvent lays out again
                return
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
            names=v.names_button.isChecked(),
            font=self.font(),
            texts=self._texts,
        )
        self.proposed = layout_proposed(self.scene, v.proposal, self.fontMetrics())
        self.proposed += layout_moves(self.scene, v.moves)
        self.moving = moving_from(self.scene, v.moves)
        self._cache = None
        self._forget_items()
        self.update()

    # For screen readers (planner.ui.common.accessibility): the days, sessions and hearings -----

    def _forget_items(self) -> None:
        if self._items is not None:
            for item in self._items:
                item.deleteLater()
            self._items = None
            accessibility.items_changed(self)

    def accessible_items(self) -> list[AccessibleItem]:
        if self._items is None:
            v = self._view
            judge = v.workspace.judge
            sessions = judge.sessions if judge else ()
            names = v.names_button.isChecked()
            self._items = timeline_items(self, self.scene, sessions, v.entries, v.summaries, names)
            self._items += [  # the ghosts after the days: proposed, not on the calendar yet
                AccessibleItem(
                    self,
                    QAccessible.Role.ListItem,
                    ghost.name,
                    ghost.rect,
                    description=ghost.tooltip.replace("\n", "; "),
                )
                for ghost in self.proposed
            ]
        return self._items

    def item_of(self, hearing_id: int | None) -> AccessibleItem | None:
        if hearing_id is None:
            return None
        return next((i for i in self.accessible_items() if i.key == hearing_id), None)

    def accessible_focus(self) -> AccessibleItem | None:
        return self.item_of(self._view.selected)

    def accessible_selected(self) -> AccessibleItem | None:
        return self.item_of(self._view.selected)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus ring
        item = self.accessible_focus()
        if item is not None:
            accessibility.focus_moved(item)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: lay out and paint again (the cached picture holds the old colours)."""
        super().changeEvent(event)
        if event.type() in _REPAINT_ON:
            self.relayout()

    def block_at(self, pos: QPoint | QPointF) -> Block | None:
        point = QPointF(pos)
        if self.y() < 0 and point.y() < HEADER - self.y():
            return None  # under the day headings that stay on top of a scrolled timeline
        return next((b for b in reversed(self.scene.blocks) if b.rect.contains(point)), None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the scene once into a pixmap; later paints (exposes, menus, drags) blit it."""
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
        if self.moving:
            paint_moving(painter, self.moving)
        if self.proposed:
            paint_proposed(painter, self.proposed, self.palette(), painter.fontMetrics())
        selected = next((b for b in self.scene.blocks if b.id == self._view.selected), None)
        if selected is not None:
            paint_selection(painter, selected, self.palette())
        if self.hasFocus():  # the focus is always visible: on the hearing, or round the days
            ring = selected.rect.adjusted(-5, -5, 5, 5) if selected else QRectF(self.rect())
            paint_focus(painter, ring, self.palette())
        if self.ghost is not None:
            paint_ghost(painter, self.ghost, QRectF(self.rect()), painter.fontMetrics())
        paint_sticky_heads(painter, self.scene, self.palette(), float(-self.y()))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(event.pos())
            if self.drag is not None or self.ghost is not None:
                pass  # the ghost's own reason is on show
            elif block is None:
                point = QPointF(event.pos())
                tip = next((g.tooltip for g in self.proposed if g.rect.contains(point)), "")
                band = self.scene.band_at(point)
                tip = tip or (band.text if band else "")  # a session's kind, a day off's name
                if tip:  # a proposed hearing's ghost, or the band under the pointer
                    QToolTip.showText(event.globalPos(), tip, self)
                else:
                    QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), block.tooltip, self)
            return True
        return super().event(event)

    # Moving and resizing with the mouse ------------------------------------------------------

    def _movable(self, block: Block | None) -> bool:
        return block is not None and block.status is HearingStatus.SCHEDULED

    def _on_edge(
        self, block: Block | None, pos: QPointF, modifiers: Qt.KeyboardModifier | None = None
    ) -> bool:
        """Whether a press at ``pos`` resizes a movable block: Shift held, or on the bottom edge
        of a block tall enough to have one (a short block only moves without Shift); a case
        in a master calendar's list is never resized (it takes a place, not a time)."""
        if block is None or not self._movable(block) or block.listed:
            return False
        if modifiers is not None and modifiers & Qt.KeyboardModifier.ShiftModifier:
            return True
        if block.rect.height() < SHORT_BLOCK:
            return False
        return pos.y() >= block.rect.bottom() - RESIZE_EDGE

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        block = self.block_at(pos)
        self._view.select_hearing(block.id if block else None)
        if block is not None and self._movable(block):
            self._press = (pos, block, self._on_edge(block, pos, event.modifiers()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is None:
            block = self.block_at(pos)
            self.setCursor(
                Qt.CursorShape.SizeVerCursor
                if self._on_edge(block, pos, event.modifiers())
                else Qt.CursorShape.OpenHandCursor
                if self._movable(block)
                else Qt.CursorShape.ArrowCursor
            )
            return
        if self.drag is None:
            start, block, resizing = self._press
            if (pos - start).manhattanLength() < QApplication.startDragDistance():
                return
            self.drag = self._view.begin_drag(block.id, resizing, start)
            if self.drag is None:
                self._press = None
                return
            self.setCursor(
                Qt.CursorShape.SizeVerCursor if resizing else Qt.CursorShape.ClosedHandCursor
            )
        self.follow(pos)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, landing = self.drag, self.landing
        self._press, self.drag = None, None
        self.unsetCursor()
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        self.follow(event.position(), drag)
        self._finish(drag, self.landing or landing)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.drag is not None:
            self.cancel_drag()
            self._view.say("Drag cancelled: nothing changed")
            return
        # Straight to the calendar: the scroll area between them would take the arrows and
        # page keys to scroll.
        self._view.keyPressEvent(event)

    def cancel_drag(self) -> None:
        self._press, self.drag, self.landing = None, None, None
        self._stop_paging()
        self.unsetCursor()
        self._clear_ghost()

    def follow(self, pos: QPointF, drag: Drag | None = None) -> None:
        """Put the ghost where the dragged hearing would land with the pointer at ``pos``."""
        drag = drag or self.drag
        if drag is None:
            return
        self._linger.stop()
        self._pointer = pos
        direction = page_direction(drag, self.scene, pos, self.width())
        if direction != self._page_to:
            self._page_to = direction
            if direction:
                self._pager.start()
            else:
                self._pager.stop()
        landing = self._view.land(drag, pos)
        before = self.landing
        self.landing = landing
        if landing == before and self.ghost is not None:
            return
        self.ghost = None if landing is None else ghost_of(self.scene, landing, drag.kind)
        if direction:
            days = "day" if self._view.mode == "day" else "week"
            way = "previous" if direction < 0 else "next"
            self._view.say(f"Hold here to go to the {way} {days}")
        elif landing is None:
            self._view.say("Drop on a day to set the hearing there")
        elif landing.refusal is not None:  # painted under the ghost too, red, by the pointer
            self._view.say(f"Cannot go at {landing.hearing_text}: {landing.refusal.reason}")
        else:
            self._view.say(f"Drop to set it at {landing.hearing_text}")
        self.update()

    def _turn_page(self) -> None:
        """The drag was held at an edge: show the days before or after, and go on dragging."""
        drag, direction = self.drag, self._page_to
        if drag is None or not direction:
            return
        if direction < 0:
            self._view.previous()
        else:
            self._view.next()
        self._page_to = 0  # still at the edge: the next page after another hold
        self.landing, self.ghost = None, None
        self.follow(self._pointer, drag)

    def _stop_paging(self) -> None:
        self._pager.stop()
        self._page_to = 0

    def _finish(self, drag: Drag, landing: Landing | None) -> bool:
        self._stop_paging()
        if landing is not None and landing.refusal is not None:
            self._linger.start()  # the red ghost and its reason stay a moment
        else:
            self._clear_ghost()
        self.landing = None
        return self._view.drop(drag, landing)

    def _clear_ghost(self) -> None:
        if self.ghost is not None:
            self.ghost = None
            self.update()

    # A case dropped from the docket or the unscheduled list -----------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        case_id = case_id_of(event.mimeData())
        drag = None if case_id is None else self._view.begin_schedule(case_id)
        if drag is None:
            event.ignore()
            return
        self.drag = drag
        event.acceptProposedAction()
        self.follow(event.position())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.drag is None:
            event.ignore()
            return
        event.acceptProposedAction()  # a refused spot still takes the drop, to say why
        self.follow(event.position())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drag, self.landing = None, None
        self._stop_paging()
        self._clear_ghost()

    def dropEvent(self, event: QDropEvent) -> None:
        drag = self.drag
        self.drag = None
        if drag is None:
            event.ignore()
            return
        self.follow(event.position(), drag)
        if self._finish(drag, self.landing):
            event.acceptProposedAction()
        else:
            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.accept()

    # Opening ------------------------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position())
        if block is not None:
            self.activated.emit(block.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            if self._view.selected is not None:
                self._view.open_menu(self._view.selected)
            return
        block = self.block_at(event.pos())
        if block is not None:
            self._view.select_hearing(block.id)
            self.menu_requested.emit(block.id, event.globalPos())


class CalendarView(QWidget):
    """The judge's week (Mon-Fri, or to Sunday with weekend sessions) or one day.

    Keys (CALENDAR_KEYS, also listed in Help > Keyboard Shortcuts): Left/Right a day (day view) or
    a week, Up/Down and PageUp/PageDown a week, Home/End the week's first and last day (day view),
    T today, D/W/M/Y the views, Ctrl+G a date, Enter opens and Delete unschedules the selected
    hearing (as the context menu's Unschedule); the month
    and the fiscal year are painted grids of days (calendar_month, calendar_year) with their own
    keys, and a day opened there (double-click, Enter) shows in the day view. Drag a hearing to
    move it (held at the right edge, or over the hours, the drag turns to the next or previous
    days), its bottom edge to resize it; drop a case from the docket to set its next hearing.
    """

    hearing_activated = Signal(int)  # the id of a double-clicked hearing
    message = Signal(str)  # for the status bar: where a drag would land, or why it may not

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        ask_continuance: AskContinuance = ask_continuance,
        ask_date: AskDate = ask_date,
        run_dialog: RunDialog = run_modal,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.run_dialog = run_dialog  # Move To...'s dialog: tests pass one that types
        self.current = workspace.clock().date()
        self.mode = "week"
        self.entries: list[CalendarEntry] = []
        self.summaries: dict[date, DaySummary] = {}
        self.leave: list[Leave] = []
        self.court: CourtCalendar | None = None  # the days on show: holidays, closures, leave
        self.conflicts: dict[int, list[str]] = {}
        self.selected: int | None = None
        self.last_announcement = ""  # what a screen reader was last told (a change, the view)
        self._announced_view: tuple[object, ...] | None = None
        self.proposal: tuple[Proposed, ...] = ()  # proposed hearings drawn as ghosts, not stored
        self.moves: tuple[ProposedMove, ...] = ()  # proposed moves of booked hearings, as ghosts
        self._zoom_before_ghosts: float | None = None  # zoomed in to show them; back after
        self.last_message = ""
        self._ask_continuance, self._ask_date = ask_continuance, ask_date
        self.freshness = Freshness(self.reload, self.isVisible)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._minute = QTimer(self, interval=60_000)  # moves the today line
        self._minute.timeout.connect(self._tick)
        self._minute.start()
        workspace.changed.connect(self._on_changed)
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())

    def _build(self) -> None:
        def button(
            text: str, tip: str, slot: Callable[[], object], checkable: bool = False
        ) -> QToolButton:
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(checkable)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            return b

        self.previous_button = button(
            "◀", "Previous day, week, month or year (PgUp)", self.previous
        )
        self.previous_button.setAccessibleName("Previous")
        self.today_button = button(
            "Today", "Back to today; on a weekend, the coming week (T)", self.go_today
        )
        self.next_button = button("▶", "Next day, week, month or year (PgDown)", self.next)
        self.next_button.setAccessibleName("Next")
        self.go_button = button("Go to…", "Go to a date (Ctrl+G)", self.jump_to_date)
        self.day_button = button("Day", "One day (D)", lambda: self.set_mode("day"), True)
        self.week_button = button("Week", "The week (W)", lambda: self.set_mode("week"), True)
        self.month_button = button("Month", "The month (M)", lambda: self.set_mode("month"), True)
        self.year_button = button(
            "Year", "The fiscal year (Y)", lambda: self.set_mode("year"), True
        )
        self.agenda_button = button(
            "Agenda", "The week's hearings as a list (A)", lambda: self.set_mode("agenda"), True
        )
        # Names off: for a screen the courtroom or a video hearing can see.
        self.names_button = button(
            "Names",
            "Show the respondents' names on the hearings (turn off when the screen is shared)",
            lambda: self.timeline.relayout(),
            True,
        )
        self.names_button.setChecked(True)
        self.week_button.setChecked(True)
        self._checked_buttons = (
            self.names_button,
            self.day_button,
            self.week_button,
            self.month_button,
            self.year_button,
            self.agenda_button,
        )
        self.view_buttons = (
            self.day_button,
            self.week_button,
            self.month_button,
            self.year_button,
            self.agenda_button,
        )
        # On a narrow window (800 px, the window's least) the five give way to one menu button.
        self.view_menu_button = ViewMenuButton(self.view_buttons)
        self.view_menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view_menu_button.hide()
        self._style_checked_buttons()
        group = QButtonGroup(self)
        for mode_button in self.view_buttons:
            group.addButton(mode_button)
        # The title keeps one line: a shorter form, or elided, when narrow (whole in its tooltip
        # and accessible name); wrapped, it cost a short screen three lines of the calendar.
        self.date_label = FittedLabel()
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.date_label.setFont(font)
        top = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.go_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.date_label, 1)
        top.addWidget(self.names_button)
        top.addSpacing(12)
        top.addWidget(self.day_button)
        top.addWidget(self.week_button)
        top.addWidget(self.month_button)
        top.addWidget(self.year_button)
        top.addWidget(self.agenda_button)
        top.addWidget(self.view_menu_button)
        self.top_row = top
        self.go_action = QAction("Go to Date…", self)
        self.go_action.setShortcut(QKeySequence(GO_TO_DATE_KEY))
        self.go_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.go_action.triggered.connect(self.jump_to_date)
        self.addAction(self.go_action)
        self.move_action = QAction("Move To…", self)
        self.move_action.setShortcut(QKeySequence(MOVE_TO_KEY))
        self.move_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_action.triggered.connect(
            lambda: self.selected is not None and self.move_to(self.selected)
        )
        self.addAction(self.move_action)
        self.timeline: _Timeline = _Timeline(self)
        self.timeline.activated.connect(self.hearing_activated)
        self.timeline.menu_requested.connect(lambda i, at: self.hearing_menu(i).exec(at))
        self.setFocusProxy(self.timeline)  # Tab to the calendar: to its hearings
        # The timeline scrolls when zoomed in (Ctrl++) or when a master calendar's list needs
        # the height; at zoom 1 it fits the view.
        self.zoom = 1.0
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setAccessibleName("Calendar timeline")
        self.scroller.setWidget(self.timeline)
        # The day headings stay on top when it scrolls: painted again where it shows.
        self.scroller.verticalScrollBar().valueChanged.connect(self.timeline.update)
        self.agenda = AgendaList()
        self.agenda.activated_hearing.connect(self.hearing_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        self.month_view, self.year_view = MonthView(self.workspace), YearView(self.workspace)
        self.stack = QStackedWidget()
        for page in (self.scroller, self.month_view, self.year_view, self.agenda):
            self.stack.addWidget(page)
        for grid in (self.month_view, self.year_view):
            grid.day_activated.connect(self.open_day)
            grid.selection_changed.connect(self._grid_moved)
            grid.title_changed.connect(self._grid_titled)
        layout.addWidget(self.stack, 1)

    def _style_checked_buttons(self) -> None:
        """The active view's button stands out, in the colours of the theme in use."""
        style = checked_button_style()
        for b in self._checked_buttons:
            b.setStyleSheet(style)
        self.view_menu_button.setStyleSheet(style + ViewMenuButton.STYLE)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_checked_buttons"):
            self._style_checked_buttons()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_top_row()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_top_row()

    def row_needs(self, compact: bool = True) -> int:
        """The width the row of controls needs with room for a week's short title: with the
        view buttons folded into their menu (``compact``), or the five whole."""
        shown = (self.previous_button, self.today_button, self.next_button, self.go_button)
        views = (self.view_menu_button,) if compact else self.view_buttons
        title = self.date_label.fontMetrics().horizontalAdvance(WIDEST_SHORT_TITLE) + 4
        margins = self.contentsMargins()
        outer = self.layout()
        extra = margins.left() + margins.right()
        if outer is not None:
            extra += outer.contentsMargins().left() + outer.contentsMargins().right()
        widgets = (*shown, self.names_button, *views)
        return extra + row_width(self.top_row, widgets, title)

    def _fit_top_row(self) -> None:
        """The view buttons whole while the row has room for them and a short title; else
        folded into the one menu button (so that no button is squeezed and its text cut)."""
        if not hasattr(self, "top_row"):
            return
        compact = self.width() < self.row_needs(compact=False)
        if self.view_menu_button.isHidden() == compact:
            for b in self.view_buttons:
                b.setVisible(not compact)
            self.view_menu_button.setVisible(compact)

    # What is shown ----------------------------------------------------------------------------

    def _weekend(self) -> bool:
        judge = self.workspace.judge
        return judge is not None and any(s.weekday >= 5 for s in judge.sessions)

    def set_zoom(self, zoom: float) -> None:
        """Zoom the day and week: 1 fits the view; more makes the hours taller (it scrolls)."""
        self.zoom = min(8.0, max(1.0, zoom))
        self.timeline.relayout()
        self.say(f"Zoom {round(self.zoom * 100)}%")

    def days(self) -> list[date]:
        """The days on show, in order."""
        if self.mode == "day":
            return [self.current]
        monday = self.current - timedelta(days=self.current.weekday())
        if not self._weekend() and self.current.weekday() >= 5:
            monday += timedelta(days=7)  # a Mon-Fri week: a weekend day is in the coming one
        return [monday + timedelta(days=i) for i in range(7 if self._weekend() else 5)]

    def blocks(self) -> list[Block]:
        """The hearings as drawn: id, rectangle, label lines, kind, status, conflict."""
        self._ensure_fresh()
        return list(self.timeline.scene.blocks)

    def block(self, hearing_id: int) -> Block | None:
        return next((b for b in self.blocks() if b.id == hearing_id), None)

    def day_labels(self) -> list[str]:
        """Each column's heading, with the day's state when it is not a workday."""
        self._ensure_fresh()
        return [f"{h.text} · {h.state}" if h.state else h.text for h in self.timeline.scene.heads]

    def session_labels(self) -> list[str]:
        """The labels of the background bands (sessions, leave, holidays, closures)."""
        self._ensure_fresh()
        return [band.text for band in self.timeline.scene.bands]

    # The auto-scheduler's preview (autoschedule_panel): ghosts over the day and week ---------

    def show_proposal(self, proposed: tuple[Proposed, ...]) -> None:
        """Draw ``proposed`` as ghost blocks (nothing stored); an empty tuple removes them."""
        self.proposal = tuple(proposed)
        self._show_ghosts()

    def show_moves(self, moves: Sequence[ProposedMove]) -> None:
        """Draw each hearing proposed to move as a ghost where it would go, and outline it where
        it is (nothing stored); an empty sequence removes them."""
        self.moves = tuple(moves)
        if not self.moves and self._zoom_before_ghosts is not None:
            self.zoom, self._zoom_before_ghosts = self._zoom_before_ghosts, None
        self._show_ghosts()

    def _show_ghosts(self) -> None:
        self.timeline.relayout()
        starts = [p.start for p in self.proposal] + [m.to for m in self.moves]
        for grid in (self.month_view, self.year_view):  # the month and year mark the days
            grid.proposed = proposed_days(starts)
            grid.update()

    def proposal_ghosts(self) -> list[ProposedGhost]:
        """The proposed hearings drawn on the days on show."""
        self._ensure_fresh()
        return list(self.timeline.proposed)

    def select_hearing(self, hearing_id: int | None) -> None:
        """Outline a hearing (or none); the outline is painted over the cached scene."""
        if hearing_id != self.selected:
            self.selected = hearing_id
            self.timeline.update()
            self._scroll_to(hearing_id)
            item = self.timeline.item_of(hearing_id)
            if item is not None:
                accessibility.focus_moved(item)

    def _scroll_to(self, hearing_id: int | None) -> None:
        """A selected hearing scrolled into sight (below the day headings that stay on top)."""
        block = next((b for b in self.timeline.scene.blocks if b.id == hearing_id), None)
        if block is None:
            return
        rect = block.rect
        bar = self.scroller.verticalScrollBar()
        viewport = self.scroller.viewport().height()
        if rect.top() - HEADER - 8 < bar.value():
            bar.setValue(int(rect.top() - HEADER - 8))
        elif rect.bottom() + 8 > bar.value() + viewport:
            bar.setValue(int(rect.bottom() + 8 - viewport))

    def show_hearing(self, hearing_id: int, start: datetime) -> None:
        """Go to the hearing's day and select it (from the conflicts pane, say); from the month or
        the year, in the week view."""
        if self._grid() is not None:
            self.current = start.date()
            self.set_mode("week")
        self.set_date(start.date())
        self.select_hearing(hearing_id)
        self.timeline.setFocus()

    def say(self, text: str) -> None:
        self.last_message = text
        self.message.emit(text)

    def tell(self, text: str) -> None:
        """Say ``text`` in the status bar and have a screen reader announce it (a change made, or
        refused)."""
        self.say(text)
        self.last_announcement = text
        accessibility.announce(self, text)

    def _announce_view(self) -> None:
        """A screen reader hears the view and its days when they change."""
        shown = (self.mode, self.date_label.text())
        if shown == self._announced_view:
            return
        self._announced_view = shown
        text = f"{self.mode.capitalize()} view, {self.date_label.text()}"
        if self._grid() is None:
            count = len(self.timeline.scene.blocks)
            text += f", {count} hearing" + ("" if count == 1 else "s")
        self.last_announcement = text
        accessibility.announce(self, text)

    # Navigation -------------------------------------------------------------------------------

    def _grid(self) -> DayGrid | None:
        """The month view or the fiscal-year overview when one is on show."""
        return {"month": self.month_view, "year": self.year_view}.get(self.mode)

    def _grid_moved(self, day: date) -> None:
        grid = self._grid()
        if grid is not None and grid.selected == day:
            self.current = day
            self.date_label.set_forms(*grid.titles())

    def _grid_titled(self, _title: str) -> None:
        grid = self._grid()
        if grid is not None and grid is self.sender():
            self.date_label.set_forms(*grid.titles())

    def open_day(self, day: date) -> None:
        """Show ``day`` in the day view (a day opened in the month or the year)."""
        self.current = day
        self.set_mode("day")

    def reveal(self, moment: datetime, minutes: int = 15) -> None:
        """Show the day of ``moment`` (a proposed place) in the view on show, the agenda in the
        week; in the day and week, zoomed in until a hearing of ``minutes`` is a line of text
        tall (back to the zoom before when the ghosts go), and scrolled to its time."""
        if self.mode == "agenda":
            self.set_mode("week")
        self.set_date(moment.date())
        if self._grid() is not None or moment.date() not in self.timeline.scene.days:
            return
        tall = self.timeline.scene.per_minute * minutes
        line = self.timeline.fontMetrics().height() + 2
        if 0 < tall < line and self.zoom < 8.0:
            if self._zoom_before_ghosts is None:
                self._zoom_before_ghosts = self.zoom
            self.set_zoom(self.zoom * line / tall)
        scene = self.timeline.scene
        rect = scene.slot_rect(moment.date(), moment.hour * 60 + moment.minute, minutes)
        self.scroller.ensureVisible(int(rect.center().x()), int(rect.center().y()), 40, 120)

    def set_date(self, day: date) -> None:
        grid = self._grid()
        if grid is not None:
            self.current = day
            grid.set_date(day)
            self.date_label.set_forms(*grid.titles())
            self._announce_view()
            return
        if self.mode == "day" and day.weekday() >= 5 and not self._weekend():
            step = 1 if day > self.current else -1
            while day.weekday() >= 5:
                day += timedelta(days=step)
        self.current = day
        self.reload()
        self._announce_view()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        buttons = {
            "day": self.day_button,
            "month": self.month_button,
            "year": self.year_button,
            "agenda": self.agenda_button,
        }
        buttons.get(mode, self.week_button).setChecked(True)
        grid = self._grid()
        focused = self.timeline.hasFocus() or (self.focusProxy() or self).hasFocus()
        agenda = self.agenda if mode == "agenda" else None
        page = grid or agenda or self.scroller
        target = grid or agenda or self.timeline
        self.stack.setCurrentWidget(page)
        self.setFocusProxy(target)
        self.set_date(self.current)
        if self.isVisible() and (grid is not None or agenda is not None or focused):
            target.setFocus()

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
        """Today's day or week; on a weekend with no weekend sessions, the next workday's (the
        week just past is done with, the coming one is what to prepare)."""
        today = self.workspace.clock().date()
        if self.mode == "day" and not self._weekend() and today.weekday() >= 5:
            today += timedelta(days=7 - today.weekday())
        self.set_date(today)

    def jump_to_date(self) -> None:
        """Ask a date (Ctrl+G) and show its day or week."""
        day = self._ask_date(self, self.current)
        if day is not None:
            self.set_date(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Handles the keys of CALENDAR_KEYS, and only those."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
        none = Qt.KeyboardModifier.NoModifier
        arrow = _ARROWS.get(key)
        on_timeline = self._grid() is None
        if on_timeline and arrow is not None and modifiers in (none, alt, alt | shift):
            dx, dy = arrow
            if modifiers == none:
                self.arrow(dx, dy)
            elif modifiers == alt:
                self.nudge(dx, dy * calendar_keyboard.STEP_MINUTES)
            elif dy:  # Shift+Alt+Up/Down: the end of the hearing
                self.nudge(0, dy * calendar_keyboard.STEP_MINUTES, resize=True)
            else:
                super().keyPressEvent(event)
            return
        menu_key = key == Qt.Key.Key_Menu and modifiers == none
        if on_timeline and (menu_key or (key == Qt.Key.Key_F10 and modifiers == shift)):
            if self.selected is not None:
                self.open_menu(self.selected)
            else:
                self.tell("No hearing selected: the arrow keys select one")
            return
        ctrl = Qt.KeyboardModifier.ControlModifier
        if on_timeline and modifiers & ctrl and not modifiers & alt:
            zooms: dict[int, float] = {
                Qt.Key.Key_Plus: self.zoom * 1.25,
                Qt.Key.Key_Equal: self.zoom * 1.25,
                Qt.Key.Key_Minus: self.zoom / 1.25,
                Qt.Key.Key_0: 1.0,
            }
            if key in zooms:
                self.set_zoom(zooms[key])
                return
        if key not in _PLAIN_KEYS or modifiers:
            super().keyPressEvent(event)
            return
        week = timedelta(days=7)
        shown = self.days()
        monday, friday = shown[0], shown[-1]
        if self.mode == "day":
            monday = self.current - timedelta(days=self.current.weekday())
            friday = monday + timedelta(days=(7 if self._weekend() else 5) - 1)
        actions: dict[int, Callable[[], None]] = {  # event.key() is an int; Qt.Key one too
            Qt.Key.Key_Left: self.previous,  # the month and the year (their own keys otherwise)
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Up: lambda: self.set_date(self.current - week),
            Qt.Key.Key_Down: lambda: self.set_date(self.current + week),
            Qt.Key.Key_PageUp: lambda: self.set_date(self.current - week),
            Qt.Key.Key_PageDown: lambda: self.set_date(self.current + week),
            Qt.Key.Key_Home: lambda: self.set_date(monday),
            Qt.Key.Key_End: lambda: self.set_date(friday),
            Qt.Key.Key_T: self.go_today,
            Qt.Key.Key_D: lambda: self.set_mode("day"),
            Qt.Key.Key_W: lambda: self.set_mode("week"),
            Qt.Key.Key_M: lambda: self.set_mode("month"),
            Qt.Key.Key_Y: lambda: self.set_mode("year"),
            Qt.Key.Key_A: lambda: self.set_mode("agenda"),
        }
        if key in actions:
            actions[key]()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.hearing_activated.emit(self.selected)
        elif key == Qt.Key.Key_Delete and self.selected is not None:
            self.unschedule(self.selected)
        else:
            super().keyPressEvent(event)

    # The keyboard's way through the hearings, and its moves -----------------------------------

    def arrow(self, dx: int, dy: int) -> None:
        """Select the next hearing an arrow key goes to (calendar_keyboard.step); Left and Right
        past the days on show turn the page and select the one nearest in time there."""
        blocks, days = self.blocks(), self.days()
        target = calendar_keyboard.step(blocks, days, self.selected, dx, dy)
        if target is None and dx:
            entry = None if self.selected is None else self.entry(self.selected)
            minute = 9 * 60 if entry is None else entry.start.hour * 60 + entry.start.minute
            self.previous() if dx < 0 else self.next()
            target = calendar_keyboard.arrive(self.blocks(), self.days(), dx, minute)
        elif target is None:
            self.tell("No hearings on show")
        self.select_hearing(target)

    def nudge(self, days: int, minutes: int, resize: bool = False) -> bool:
        """Move the selected hearing ``days`` days and ``minutes`` minutes on (Alt+arrows), or
        make it ``minutes`` longer (Shift+Alt+Up/Down): checked and stored as a drop is, one
        undo step; a refusal says why and changes nothing."""
        hearing_id = self.selected
        entry = None if hearing_id is None else self.entry(hearing_id)
        if hearing_id is None or entry is None:
            self.tell("No hearing selected: the arrow keys select one")
            return False
        if entry.status is not HearingStatus.SCHEDULED:
            self.tell(f"Not moved: the hearing is already recorded as {entry.status.value}")
            return False
        start, length = calendar_keyboard.moved(
            entry.start, entry.minutes, days, minutes, resize, self._weekend()
        )
        judge = self.workspace.judge
        calls = calendar_keyboard.call_times_of(judge, entry.start) if judge else ()
        if calls and minutes and not days:
            if resize:
                self.tell("Not resized: a case in a master calendar takes a place, not a time")
                return False
            here = entry.start.time()
            way = [c for c in calls if c > here] if minutes > 0 else [c for c in calls if c < here]
            if not way:
                self.tell(f"Not moved: no {'later' if minutes > 0 else 'earlier'} call time")
                return False
            call = way[0] if minutes > 0 else way[-1]
            start = datetime.combine(entry.start.date(), call)
        drag = self.begin_drag(hearing_id, resize, QPointF())
        if drag is None:
            return False
        back = self.current
        turned = start.date() not in self.days()
        if turned:  # to the next (previous) week: read its hearings, to check against them
            self.set_date(start.date())
        done = False
        if judge is not None and self.court is not None:
            landing = land_at(drag, start, length, judge, self.court, self.entries)
            done = self.drop(drag, landing)
        if not done and turned:
            self.set_date(back)
            self.select_hearing(hearing_id)
        return done

    def open_menu(self, hearing_id: int) -> None:
        """The hearing's menu by its block (the Menu key, Shift+F10): its outcome, open, unschedule."""
        block = self.block(hearing_id)
        where = (
            block.rect.center().toPoint() if block is not None else self.timeline.rect().center()
        )
        self.select_hearing(hearing_id)
        self.hearing_menu(hearing_id).exec(self.timeline.mapToGlobal(where))

    # Reading ----------------------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change & _REFRESH_ON:
            self.freshness.changed()

    def _tick(self) -> None:
        if self.isVisible() and self.workspace.clock().date() in self.days():
            self.timeline.relayout()

    def _ensure_fresh(self) -> None:
        self.freshness.ensure()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def reload(self) -> None:
        """Read the days on show again and lay them out."""
        if self._grid() is not None:  # the month and the year read their own days
            return
        self.freshness.stale = False
        judge, database = self.workspace.judge, self.workspace.database
        days = self.days()
        first, last = days[0], days[-1]
        if judge is None or judge.id is None:
            self.entries, self.summaries, self.leave, self.conflicts = [], {}, [], {}
            self.court = None
        else:
            view = calendar_service.days_view(database, judge, first, last)  # one snapshot
            self.entries = view.entries
            self.summaries = {s.day: s for s in view.summaries}
            self.leave, self.court = view.leave, view.court
            self.conflicts = {}
            for conflict in view.conflicts:
                for hearing_id in conflict.hearing_ids:
                    self.conflicts.setdefault(hearing_id, []).append(conflict.reason)
        if self.selected is not None and self.entry(self.selected) is None:
            self.selected = None
        self.date_label.set_forms(
            *(day_titles(first) if self.mode == "day" else week_titles(first, last))
        )
        self.timeline.relayout()
        if self.mode == "agenda":
            self.agenda.show_entries(self.entries, self.names_button.isChecked())

    # Dragging: read once when a drag starts, checked against what is loaded while it moves ---

    def begin_drag(self, hearing_id: int, resizing: bool, at: QPointF) -> Drag | None:
        """Start moving (or resizing) a scheduled hearing grabbed at ``at``."""
        entry, judge = self.entry(hearing_id), self.workspace.judge
        if entry is None or judge is None or entry.status is not HearingStatus.SCHEDULED:
            return None
        if self.refuse_if_read_only():
            return None
        try:
            case, hearings = calendar_service.case_and_hearings(
                self.workspace.database, entry.case_id
            )
        except Exception as error:
            self.say(str(error))
            return None
        grab = self.timeline.scene.minute_at(at.y()) - (entry.start.hour * 60 + entry.start.minute)
        kind = DragKind.RESIZE if resizing else DragKind.MOVE
        return Drag(kind, entry.case_id, case, tuple(hearings), entry.hearing(), grab)

    def begin_schedule(self, case_id: int) -> Drag | None:
        """Start setting the next hearing of a case dragged in from the docket."""
        judge = self.workspace.judge
        if judge is None or self.court is None or self.refuse_if_read_only():
            return None
        try:
            plan = calendar_service.hearing_plan(self.workspace.database, judge, case_id)
        except Exception as error:
            self.say(f"Cannot schedule that case: {error}")
            return None
        start = datetime.combine(self.days()[0], time())
        return Drag.schedule(plan, start)

    def land(self, drag: Drag, pos: QPointF) -> Landing | None:
        judge = self.workspace.judge
        if judge is None or self.court is None:
            return None
        return land(drag, self.timeline.scene, pos, judge, self.court, self.entries)

    def drop(self, drag: Drag, landing: Landing | None) -> bool:
        """Store a drop as one undoable action; a refused one stores nothing and says why."""
        if self.refuse_if_read_only():
            return False
        if landing is None:
            self.say("Dropped outside the days: nothing changed")
            return False
        if landing.refusal is not None:
            verb = "scheduled" if drag.kind is DragKind.SCHEDULE else "moved"
            self.tell(f"Not {verb}: {landing.refusal.reason}")
            return False
        if (landing.start, landing.minutes) == (drag.hearing.start, drag.hearing.minutes):
            return False
        done = calendar_actions.store_drop(self.workspace, drag, landing)
        if done is not None:
            self.select_hearing(done)
            self.tell(f"{self.workspace.undo_stack.undoText()} (Ctrl+Z undoes it)")
        return done is not None

    # Outcomes ---------------------------------------------------------------------------------

    def entry(self, hearing_id: int) -> CalendarEntry | None:
        return next((e for e in self.entries if e.id == hearing_id), None)

    def hearing_menu(self, hearing_id: int) -> QMenu:
        """The context menu of a hearing: open it, record its outcome (greyed, saying why, on a
        hearing not yet held or already recorded), and unschedule it."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # a greyed item's tooltip says why it is greyed
        entry = self.entry(hearing_id)
        shown = format_a_number(entry.a_number) if entry else "hearing"
        menu.addAction("Open", lambda: self.hearing_activated.emit(hearing_id))
        menu.addSeparator()
        refusal = (
            None if entry is None else outcome_refusal(entry.hearing(), self.workspace.clock())
        )
        why = None if refusal is None else refusal[0].upper() + refusal[1:]
        if why is not None:
            reason: QAction = menu.addAction(why)
            reason.setEnabled(False)
        edits: list[QAction] = []  # greyed on a docket the login may not change
        for text, slot in (
            ("Held", lambda: self._record(hearing_id, Outcome.HELD, f"Held: {shown}")),
            ("Adjourned…", lambda: self._adjourn(hearing_id, shown)),
            ("Continued to a date…", lambda: self._continue(hearing_id, shown)),
            ("Completed…", lambda: self._complete(hearing_id, shown)),
        ):
            action: QAction = menu.addAction(text, slot)
            action.setEnabled(entry is not None and why is None)
            edits.append(action)
            if why is not None:
                action.setToolTip(why)
                action.setStatusTip(why)
        menu.addSeparator()
        media = menu.addMenu("Appears")
        media.setToolTipsVisible(True)
        for medium in HearingMedium:
            choice: QAction = media.addAction(medium.words.capitalize())
            choice.triggered.connect(
                lambda _checked=False, m=medium: self.set_medium(hearing_id, m)
            )
            choice.setCheckable(True)
            choice.setChecked(entry is not None and entry.medium is medium)
            if medium.remote:
                choice.setToolTip(
                    f"A request to appear remotely is due {REMOTE_REQUEST_DAYS} days ahead"
                )
        media.setEnabled(entry is not None and entry.status is HearingStatus.SCHEDULED)
        move: QAction = menu.addAction("Move To…", lambda: self.move_to(hearing_id))
        move.setShortcut(QKeySequence(MOVE_TO_KEY))
        unschedule: QAction = menu.addAction("Unschedule", lambda: self.unschedule(hearing_id))
        unschedule.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        scheduled = entry is not None and entry.status is HearingStatus.SCHEDULED
        unschedule.setEnabled(scheduled)
        move.setEnabled(scheduled)
        if entry is not None and not scheduled:
            why_not = (
                f"The hearing is already recorded as {entry.status.value}: "
                "only a scheduled hearing can be unscheduled"
            )
            unschedule.setToolTip(why_not)
            unschedule.setStatusTip(why_not)
        else:
            unschedule.setStatusTip("Take the hearing off the calendar (Ctrl+Z puts it back)")
        access = self.workspace.access
        if not access.may_change and access.reason:
            read_only = access.reason[0].upper() + access.reason[1:]
            for edit in (*edits, media.menuAction(), move, unschedule):
                edit.setEnabled(False)
                edit.setToolTip(read_only)
                edit.setStatusTip(read_only)
        return menu

    def refuse_if_read_only(self) -> bool:
        """True, saying why, when the login may not change the docket on screen (a court
        server's roles): every change of the calendar asks first."""
        access = self.workspace.access
        if access.may_change:
            return False
        self.tell(f"Nothing changed: {access.reason}")
        return True

    def set_medium(self, hearing_id: int, medium: HearingMedium) -> bool:
        """How the respondent appears at a scheduled hearing (the menu's Appears), one undo step."""
        entry = self.entry(hearing_id)
        if entry is None or self.refuse_if_read_only():
            return False
        done = calendar_actions.set_medium(self.workspace, entry.hearing(), medium)
        if done:
            self.say(f"{self.workspace.undo_stack.undoText()} (Ctrl+Z undoes it)")
        return done

    def move_to(self, hearing_id: int) -> bool:
        """Move a scheduled hearing to a free place picked in a dialog, as one undo step (the
        menu's Move To..., Ctrl+M on the selected hearing)."""
        entry = self.entry(hearing_id)
        if entry is not None and self.refuse_if_read_only():
            return False
        if entry is None or entry.status is not HearingStatus.SCHEDULED:
            if entry is not None:
                self.say(f"Not moved: the hearing is already recorded as {entry.status.value}")
            return False
        moved = schedule_actions.move_hearing(
            self.workspace, entry.hearing(), self, run=self.run_dialog
        )
        if moved is not None:
            self.select_hearing(hearing_id)
            self.say(f"{self.workspace.undo_stack.undoText()} (Ctrl+Z undoes it)")
        return moved is not None

    def unschedule(self, hearing_id: int) -> bool:
        """Take a scheduled hearing off the calendar, as one undo step (the menu's Unschedule,
        Delete on the selected hearing)."""
        entry = self.entry(hearing_id)
        if entry is not None and self.refuse_if_read_only():
            return False
        if entry is None or entry.status is not HearingStatus.SCHEDULED:
            if entry is not None:
                self.tell(
                    f"Not unscheduled: the hearing is already recorded as {entry.status.value}"
                )
            return False
        done = calendar_actions.unschedule(self.workspace, entry.hearing())
        if done:
            self.select_hearing(None)
            self.tell(f"{self.workspace.undo_stack.undoText()} (Ctrl+Z undoes it)")
        return done

    def _adjourn(self, hearing_id: int, shown: str) -> None:
        """Ask why the hearing was adjourned and who asked (the Adjourn dialog), then record it."""
        entry = self.entry(hearing_id)
        if entry is None:
            return
        dialog = AdjournDialog(self, shown, entry.start)
        if not self.run_dialog(dialog):
            return
        reason, cause, asked_by = dialog.answer()
        self._record(
            hearing_id,
            Outcome.ADJOURNED,
            f"Adjourned: {shown}",
            reason=reason,
            cause=cause,
            asked_by=asked_by,
        )

    def _continue(self, hearing_id: int, shown: str) -> None:
        entry = self.entry(hearing_id)
        if entry is None:
            return
        answer = self._ask_continuance(self, shown, entry.start, entry.minutes)
        if answer is None:
            return
        when, (reason, cause, asked_by) = answer
        text = f"Continued: {shown} to {when:%a} {when.day} {when:%b %Y %H:%M}"
        self._record(
            hearing_id,
            Outcome.CONTINUED,
            text,
            reason=reason,
            continued_to=when,
            cause=cause,
            asked_by=asked_by,
        )

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

    def _record(self, hearing_id: int, outcome: Outcome, text: str, **details: object) -> bool:
        if self.refuse_if_read_only():
            return False
        entry = self.entry(hearing_id)
        seen = entry.hearing() if entry is not None else None
        done = calendar_actions.record(self.workspace, hearing_id, outcome, text, seen, **details)
        if done:
            self.tell(f"{text} (Ctrl+Z undoes it)")
        return done
