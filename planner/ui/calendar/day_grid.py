"""A painted grid of days, shared by the calendar's month view and its fiscal-year overview.

It reads the days' summaries (and conflicts) through the calendar service, lays them out once per
data or size change, paints that layout once into a pixmap and then only blits it; the selected
day is drawn over the blit, so moving it with the keyboard repaints without laying out again.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.scheduling.days import DayState, DaySummary
from planner.services import calendar as calendar_service
from planner.services.changes import Change
from planner.ui.calendar.calendar_proposal import paint_proposed_days
from planner.ui.calendar.static_texts import StaticTexts
from planner.ui.common import accessibility
from planner.ui.common.accessibility import AccessibleItem
from planner.ui.common.freshness import Freshness
from planner.ui.common.workspace import Workspace

REFRESH_ON = Change.HEARINGS | Change.CASES | Change.CALENDAR | Change.PROFILE
OFF_STATES = (DayState.HOLIDAY, DayState.CLOSURE, DayState.LEAVE)


def hours_text(minutes: int) -> str:
    """``45 min``, ``7 h``, ``5 h 15``, ``1,362 h 30``: bench time as a judge says it."""
    hours, rest = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if not hours:
        return f"{sign}{rest} min"
    return f"{sign}{hours:,} h" + (f" {rest:02d}" if rest else "")


def state_text(summary: DaySummary | None) -> str:
    """What a day is when it is not an ordinary workday: the holiday's name, "On leave", ..."""
    if summary is None or summary.state is DayState.WORKDAY:
        return ""
    if summary.state is DayState.NO_SESSIONS:
        return "No sessions"
    label = summary.label or summary.state.value
    return label[:1].upper() + label[1:]


def day_tooltip(day: date, summary: DaySummary | None, conflicts: int) -> str:
    """A day in words: its state, its hearings, its booked and free bench time, its conflicts."""
    lines = [f"{day:%A} {day.day} {day:%B %Y}"]
    if summary is None:
        return lines[0]
    state = state_text(summary)
    if summary.state in (DayState.HOLIDAY, DayState.CLOSURE):
        lines.append(f"{state} ({summary.state.value}): no bench time")
    elif summary.state is DayState.LEAVE:
        lines.append("On leave all day: no bench time")
    elif summary.state is DayState.NO_SESSIONS:
        lines.append("No bench sessions in the weekly template")
    if summary.hearings:
        noun = "hearing" if summary.hearings == 1 else "hearings"
        lines.append(f"{summary.hearings} {noun}, {hours_text(summary.booked_minutes)} booked")
    elif summary.bench_minutes:
        lines.append("No hearings")
    if summary.bench_minutes:
        lines.append(
            f"{hours_text(summary.free_minutes)} free of {hours_text(summary.bench_minutes)} "
            f"bench time ({round(100 * (summary.fullness or 0))}% booked)"
        )
    if summary.leave_minutes and summary.state is DayState.WORKDAY:
        lines.append(f"Leave: {hours_text(summary.leave_minutes)} of the sessions")
    if conflicts:
        lines.append(f"{conflicts} conflict{'s' if conflicts != 1 else ''}: see the day view")
    return "\n".join(lines)


def fit_text(metrics: QFontMetrics, width: float, variants: Sequence[str]) -> str:
    """The first of ``variants`` (longest first) that fits ``width``, else the last one elided."""
    for text in variants:
        if metrics.horizontalAdvance(text) <= width:
            return text
    return metrics.elidedText(variants[-1], Qt.TextElideMode.ElideRight, int(max(0, width)))


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a day is drawn, and its tooltip."""

    day: date
    rect: QRectF
    tooltip: str


class DayGrid(QWidget):
    """The machinery of a painted grid of days; subclasses say which days and how they look.

    Subclasses implement ``span`` (the days to read), ``layout`` (cells and whatever they paint,
    from ``self.summaries`` and ``self.conflicts``), ``paint_layout`` and ``moved`` (keys).
    """

    day_activated = Signal(object)  # date: double-click or Enter on a day
    selection_changed = Signal(object)  # date
    title_changed = Signal(str)  # "November 2026", "Fiscal year 2027 ..."

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        accessibility.install()  # the days for a screen reader (accessible_items)
        super().__init__(parent)
        self.workspace = workspace
        self._items: list[AccessibleItem] | None = None
        self.selected: date = workspace.clock().date()
        self.summaries: dict[date, DaySummary] = {}
        self.conflicts: dict[date, int] = {}  # conflicts starting that day
        self.cells: dict[date, Cell] = {}
        self._shown: tuple[date, date] | None = None  # the span read last
        self.freshness = Freshness(self.reload, self.isVisible)
        self._cache: QPixmap | None = None  # the layout as painted
        self._dirty = True  # the layout changed since it was painted into the cache
        self.texts = StaticTexts()
        self.proposed: dict[date, int] = {}  # the auto-scheduler's preview: hearings per day
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        workspace.changed.connect(self._on_changed)
        workspace.judge_switched.connect(lambda _judge: self.freshness.changed())

    # For subclasses ---------------------------------------------------------------------------

    def span(self) -> tuple[date, date]:
        """The first and last day shown (and read): the page the selected day is on."""
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def titles(self) -> tuple[str, ...]:
        """The title, then shorter forms of it for a narrow window (the toolbar's one line)."""
        return (self.title(),)

    def layout_cells(self, rect: QRectF, metrics: QFontMetrics) -> list[Cell]:
        """Lay out the days in ``rect``; keep whatever ``paint_layout`` needs, return the cells."""
        raise NotImplementedError

    def paint_layout(self, painter: QPainter, palette: QPalette, rect: QRectF) -> None:
        raise NotImplementedError

    def moved(self, key: int) -> date | None:
        """The day a key moves the selection to, or None when the key is not a move."""
        raise NotImplementedError

    def previous(self) -> None:
        """Turn to the previous page (month, year)."""
        raise NotImplementedError

    def next(self) -> None:
        """Turn to the next page."""
        raise NotImplementedError

    # Selection --------------------------------------------------------------------------------

    def set_date(self, day: date) -> None:
        """Select ``day``, reading and laying out again only if it is outside the days shown."""
        old = self.selected
        self.selected = day
        if self.freshness.stale or self._shown != self.span():
            self.reload()
        else:
            self.update()
        if day != old:
            self.selection_changed.emit(day)
            item = self.accessible_focus()
            if item is not None:
                accessibility.focus_moved(item)

    def go_today(self) -> None:
        self.set_date(self.workspace.clock().date())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self.selected)
            return
        if plain and key == Qt.Key.Key_T:
            self.go_today()
            return
        target = self.moved(key) if plain else None
        if target is None:
            super().keyPressEvent(event)
        else:
            self.set_date(target)

    def cell_at(self, x: float, y: float) -> Cell | None:
        return next((c for c in self.cells.values() if c.rect.contains(x, y)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_date(cell.day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_date(cell.day)
            self.day_activated.emit(cell.day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos().x(), event.pos().y())
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), cell.tooltip, self)
            return True
        return super().event(event)

    # Reading and laying out -------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        if change & REFRESH_ON:
            self.freshness.changed()

    def ensure_fresh(self) -> None:
        self.freshness.ensure()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_fresh()

    def reload(self) -> None:
        """Read the days on show again through the services, and lay them out."""
        self.freshness.stale = False
        judge, database = self.workspace.judge, self.workspace.database
        first, last = self.span()
        self._shown = (first, last)
        self.summaries, self.conflicts = {}, {}
        if judge is not None and judge.id is not None:
            summaries, conflicts = calendar_service.days_and_conflicts_for(
                database, judge, first, last
            )
            self.summaries = {s.day: s for s in summaries}
            for conflict in conflicts:
                day = conflict.start.date()
                self.conflicts[day] = self.conflicts.get(day, 0) + 1
        self.title_changed.emit(self.title())
        self.relayout()

    def relayout(self) -> None:
        cells = self.layout_cells(QRectF(self.rect()), self.fontMetrics())
        self.cells = {cell.day: cell for cell in cells}
        self._dirty = True
        if self._items is not None:
            for item in self._items:
                item.deleteLater()
            self._items = None
            accessibility.items_changed(self)
        self.update()

    # For screen readers: each day, with its tooltip's words, the selected one focused --------

    def accessible_items(self) -> list[AccessibleItem]:
        if self._items is None:
            self._items = [
                AccessibleItem(
                    self,
                    QAccessible.Role.Cell,
                    cell.tooltip.replace("\n", ", "),
                    cell.rect,
                    focusable=True,
                    key=cell.day,
                )
                for cell in sorted(self.cells.values(), key=lambda c: c.day)
            ]
        return self._items

    def accessible_focus(self) -> AccessibleItem | None:
        return next((i for i in self.accessible_items() if i.key == self.selected), None)

    def accessible_selected(self) -> AccessibleItem | None:
        return self.accessible_focus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.freshness.stale:
            self.relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Blit the layout as painted last (painting it first if it changed), then the selection."""
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache.deviceIndependentSize() != self.size():
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            self._dirty = True
        if self._dirty:
            self._dirty = False
            cached = QPainter(self._cache)
            cached.setFont(self.font())
            self.paint_layout(cached, self.palette(), QRectF(self.rect()))
            cached.end()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if self.proposed:
            rects = {day: c.rect for day, c in self.cells.items()}
            paint_proposed_days(painter, rects, self.proposed, self.palette(), self.fontMetrics())
        cell = self.cells.get(self.selected)
        if cell is not None:
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            width = 3.0 if self.hasFocus() else 2.0
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.rect.adjusted(1, 1, -1, -1))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.texts = StaticTexts()
            if not self.freshness.stale:
                self.relayout()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


def mix(colour: QColor | str, ground: QColor, share: float) -> QColor:
    """``colour`` laid over ``ground`` at ``share`` opacity, as an opaque colour: opaque fills and
    lines take the raster engine's fast paths, translucent ones are blended pixel by pixel."""
    top = QColor(colour)
    return QColor.fromRgbF(
        top.redF() * share + ground.redF() * (1 - share),
        top.greenF() * share + ground.greenF() * (1 - share),
        top.blueF() * share + ground.blueF() * (1 - share),
    )
