"""The calendar's month: a grid of weeks, each day with its hearings, booked and free bench time."""

import calendar as std_calendar
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from planner.domain.judge import WEEKDAY_NAMES
from planner.scheduling.days import DayState, DaySummary
from planner.ui.calendar.day_grid import (
    OFF_STATES,
    Cell,
    DayGrid,
    day_tooltip,
    fit_text,
    hours_text,
    mix,
    state_text,
)
from planner.ui.calendar.static_texts import StaticTexts
from planner.ui.common.colours import MONTH_DAY_OFF_SHARE
from planner.ui.common.theme import current_colours
from planner.ui.common.workspace import Workspace

#: The month view's keys, as (keys as QKeySequence spells them, what they do), for Help >
#: Keyboard Shortcuts (MonthView.moved and DayGrid.keyPressEvent take them).
MONTH_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Left", "Right"), "The previous or next day"),
    (("Up", "Down"), "The same day of the previous or next week"),
    (("PgUp", "PgDown"), "The same day of the previous or next month"),
    (("Home", "End"), "The month's first or last day"),
    (("Return", "Enter"), "Open the selected day in the day view"),
    (("T",), "Go to today"),
)
HEAD = 24  # the weekday names
PAD = 4
BAR = 8  # the booked/free bar's height
WEEKEND_WEIGHT = 0.55  # a weekend column's width against a weekday's, without weekend sessions


@dataclass(frozen=True, slots=True)
class MonthDay:
    """One day as the month view draws it; every text already fitted to its cell."""

    day: date
    rect: QRectF
    in_month: bool
    today: bool
    state: DayState | None  # None: nothing known (no judge)
    number: str  # "25", or "1 Dec" on a neighbouring month's first day
    lines: tuple[str, ...]  # the state's name, the hearings, the minutes: as many as fit
    bar: QRectF | None  # where the booked/free bar goes, if there is bench time and room
    covered: float  # the share of the bench time covered by hearings, 0-1
    over: bool  # more minutes booked than the bench time
    badge: str  # the conflicts, "" when there are none


def month_span(day: date) -> tuple[date, date]:
    """Monday of the week of the month's first day to Sunday of the week of its last."""
    first = day.replace(day=1)
    last = first.replace(day=std_calendar.monthrange(first.year, first.month)[1])
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, std_calendar.monthrange(year, month + 1)[1]))


def _day_lines(summary: DaySummary | None, conflicts: int) -> tuple[list[list[str]], bool]:
    """Each line as variants, longest first; and whether the bar goes before the minutes line."""
    if summary is None:
        return [], False
    lines: list[list[str]] = []
    state = state_text(summary)
    n = summary.hearings
    count = [f"{n} hearing{'s' if n != 1 else ''}", f"{n} hear.", str(n)] if n else []
    if summary.state is DayState.WORKDAY:
        lines.append(count or ["No hearings", "none"])
        free, booked = hours_text(summary.free_minutes), hours_text(summary.booked_minutes)
        if summary.booked_minutes > summary.bench_minutes:
            over = hours_text(summary.booked_minutes - summary.bench_minutes)
            lines.append([f"{booked} booked · over by {over}", f"over by {over}", f"+{over}"])
        elif summary.booked_minutes:
            lines.append(
                [f"{booked} booked · {free} free", f"{booked} / {free} free", f"{free} free", free]
            )
        else:
            lines.append([f"{free} free", free])
        if summary.leave_minutes:
            leave = hours_text(summary.leave_minutes)
            lines.append([f"Leave {leave} of the sessions", f"Leave {leave}", "Leave"])
        return lines, True
    if summary.state is not DayState.NO_SESSIONS or summary.day.weekday() < 5:
        lines.append([state])  # a weekend without sessions needs no words
    if n:
        lines.append(count)
    return lines, False


def build_month(
    rect: QRectF,
    month: date,
    summaries: dict[date, DaySummary],
    conflicts: dict[date, int],
    today: date,
    metrics: QFontMetrics,
    weekend: bool,
) -> list[MonthDay]:
    """Lay out the weeks of ``month`` in ``rect``; nothing is measured again when painting."""
    first, last = month_span(month)
    weeks = ((last - first).days + 1) // 7
    weights = [1.0] * 5 + [1.0 if weekend else WEEKEND_WEIGHT] * 2
    unit = rect.width() / sum(weights)
    # Whole pixels: the raster engine fills and outlines aligned rectangles many times faster.
    xs = [round(rect.left() + sum(weights[:k]) * unit) for k in range(8)]
    row = (rect.height() - HEAD) / weeks
    ys = [round(rect.top() + HEAD + k * row) for k in range(weeks + 1)]
    line = metrics.height()
    days = []
    for i in range((last - first).days + 1):
        day = first + timedelta(days=i)
        week, weekday = divmod(i, 7)
        box = QRectF(xs[weekday], ys[week], xs[weekday + 1] - xs[weekday], ys[week + 1] - ys[week])
        summary = summaries.get(day)
        inner = box.adjusted(PAD, PAD, -PAD, -PAD)
        n_conflicts = conflicts.get(day, 0)
        badge = ""
        if n_conflicts:
            room = inner.width() - metrics.horizontalAdvance("25 Dec") - 12
            plural = "s" if n_conflicts != 1 else ""
            badge = fit_text(
                metrics, room, [f"⚠ {n_conflicts} conflict{plural}", f"⚠ {n_conflicts}"]
            )
        variants, with_bar = _day_lines(summary, n_conflicts)
        y = inner.top() + line + 2  # below the date
        lines: list[str] = []
        bar = None
        for k, texts in enumerate(variants):
            if with_bar and k == 1 and summary is not None and summary.bench_minutes:
                if y + BAR + 2 > inner.bottom():
                    break
                bar = QRectF(inner.left(), y + 1, inner.width(), BAR)
                y += BAR + 3
            if y + line > inner.bottom() + 1:
                break
            lines.append(fit_text(metrics, inner.width(), texts))
            y += line
        covered, over = 0.0, False
        if summary is not None and summary.bench_minutes:
            covered = min(1.0, 1 - summary.free_minutes / summary.bench_minutes)
            over = summary.booked_minutes > summary.bench_minutes
        in_month = (day.year, day.month) == (month.year, month.month)
        number = f"{day.day} {day:%b}" if day.day == 1 and not in_month else str(day.day)
        days.append(
            MonthDay(
                day,
                box,
                in_month,
                day == today,
                summary.state if summary else None,
                number,
                tuple(lines),
                bar,
                covered,
                over,
                badge,
            )
        )
    return days


def paint_month(
    painter: QPainter,
    days: list[MonthDay],
    palette: QPalette,
    bounds: QRectF,
    weekday_names: list[tuple[QRectF, str]],
    texts: StaticTexts,
) -> None:
    """Paint a laid-out month: the weekday names, then each day's cell."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    other = palette.color(QPalette.ColorRole.AlternateBase)
    colours = current_colours()
    dim = QColor(colours.muted_text)  # the days of the months before and after
    grid = mix(text, base, 0.18)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    track = mix(highlight, base, 0.18)
    shades = {
        state: mix(colour, base, MONTH_DAY_OFF_SHARE) for state, colour in colours.day_off.items()
    }
    hatches = {
        state: QBrush(mix(colour, base, 0.45), Qt.BrushStyle.BDiagPattern)
        for state, colour in colours.day_off.items()
    }
    painter.fillRect(bounds, base)
    painter.fillRect(
        QRectF(bounds.left(), bounds.top(), bounds.width(), HEAD),
        palette.color(QPalette.ColorRole.Window),
    )
    plain = QFont(painter.font())
    bold = QFont(plain)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    for box, name in weekday_names:
        texts.draw(painter, box, name, Qt.AlignmentFlag.AlignCenter)
    metrics = QFontMetrics(plain)
    line = metrics.height()
    for d in days:
        if not d.in_month or d.state is DayState.NO_SESSIONS:
            painter.fillRect(d.rect, other)
        if d.state in OFF_STATES:
            painter.fillRect(d.rect, shades[d.state])
            painter.fillRect(d.rect, hatches[d.state])
    pen = QPen(grid, 0)  # cosmetic: one pixel, no stroking
    painter.setPen(pen)
    top, bottom = int(bounds.top()), int(bounds.bottom())
    left, right = int(bounds.left()), int(bounds.right())
    for x in sorted({int(d.rect.left()) for d in days} | {int(d.rect.right()) for d in days}):
        painter.drawLine(x, top, x, bottom)
    for y_line in sorted({int(d.rect.top()) for d in days} | {int(d.rect.bottom()) for d in days}):
        painter.drawLine(left, y_line, right, y_line)
    for d in days:
        inner = d.rect.adjusted(PAD, PAD, -PAD, -PAD)
        colour = text if d.in_month else dim
        painter.setFont(bold)
        head = QRectF(inner.left(), inner.top(), inner.width(), line)
        if d.today:
            width = QFontMetrics(bold).horizontalAdvance(d.number) + 10
            mark = QRectF(head.left() - 2, head.top(), width, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(highlight)
            painter.drawRoundedRect(mark, 4, 4)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            texts.draw(painter, mark, d.number, Qt.AlignmentFlag.AlignCenter)
        else:
            painter.setPen(colour)
            texts.draw(painter, head, d.number)
        if d.badge:
            width = QFontMetrics(bold).horizontalAdvance(d.badge) + 8
            tag = QRectF(inner.right() - width, inner.top(), width, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.conflict))
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(QColor(colours.on_conflict))
            texts.draw(painter, tag, d.badge, Qt.AlignmentFlag.AlignCenter)
        painter.setFont(plain)
        y = inner.top() + line + 2
        for k, text_line in enumerate(d.lines):
            if d.bar is not None and k == 1:
                _paint_bar(painter, d, track, highlight)
                y = d.bar.bottom() + 2
            off_name = k == 0 and d.state in OFF_STATES
            painter.setFont(bold if off_name else plain)
            painter.setPen(colour)
            texts.draw(painter, QRectF(inner.left(), y, inner.width(), line), text_line)
            y += line
        if d.bar is not None and len(d.lines) < 2:
            _paint_bar(painter, d, track, highlight)
    painter.setFont(plain)


def _paint_bar(painter: QPainter, d: MonthDay, track: QColor, fill: QColor) -> None:
    """The bench time as a bar: the covered share filled, the free share as the bare track."""
    assert d.bar is not None
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(track)
    painter.drawRoundedRect(d.bar, 3, 3)
    if d.covered > 0:
        painter.setBrush(QColor(current_colours().conflict) if d.over else fill)
        filled = QRectF(d.bar.left(), d.bar.top(), max(3, round(d.bar.width() * d.covered)), BAR)
        painter.drawRoundedRect(filled, 3, 3)


class MonthView(DayGrid):
    """A month of the judge's calendar as a grid of weeks.

    Keys: arrows a day or a week, PageUp/PageDown a month, Home/End the month's first and last
    day, T today, Enter opens the selected day (``day_activated``).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.days: list[MonthDay] = []
        self._names: list[tuple[QRectF, str]] = []
        self.setMinimumSize(420, 300)

    def span(self) -> tuple[date, date]:
        return month_span(self.selected)

    def title(self) -> str:
        return f"{self.selected:%B %Y}"

    def titles(self) -> tuple[str, ...]:
        return (self.title(), f"{self.selected:%b %Y}")

    def _weekend(self) -> bool:
        judge = self.workspace.judge
        return judge is not None and any(s.weekday >= 5 for s in judge.sessions)

    def layout_cells(self, rect: QRectF, metrics: QFontMetrics) -> list[Cell]:
        today = self.workspace.clock().date()
        weekend = self._weekend()
        self.days = build_month(
            rect, self.selected, self.summaries, self.conflicts, today, metrics, weekend
        )
        first_week = self.days[:7]
        short = any(metrics.horizontalAdvance("Wed") > d.rect.width() - 4 for d in first_week)
        self._names = [
            (QRectF(d.rect.left(), rect.top(), d.rect.width(), HEAD), name[0] if short else name)
            for d, name in zip(first_week, WEEKDAY_NAMES, strict=True)
        ]
        return [
            Cell(
                d.day,
                d.rect,
                day_tooltip(d.day, self.summaries.get(d.day), self.conflicts.get(d.day, 0)),
            )
            for d in self.days
        ]

    def paint_layout(self, painter: QPainter, palette: QPalette, rect: QRectF) -> None:
        paint_month(painter, self.days, palette, rect, self._names, self.texts)

    def moved(self, key: int) -> date | None:
        day = self.selected
        first = day.replace(day=1)
        moves = {
            Qt.Key.Key_Left: lambda: day - timedelta(days=1),
            Qt.Key.Key_Right: lambda: day + timedelta(days=1),
            Qt.Key.Key_Up: lambda: day - timedelta(days=7),
            Qt.Key.Key_Down: lambda: day + timedelta(days=7),
            Qt.Key.Key_PageUp: lambda: add_months(day, -1),
            Qt.Key.Key_PageDown: lambda: add_months(day, 1),
            Qt.Key.Key_Home: lambda: first,
            Qt.Key.Key_End: lambda: add_months(first, 1) - timedelta(days=1),
        }
        move = moves.get(Qt.Key(key))
        return move() if move else None

    def previous(self) -> None:
        self.set_date(add_months(self.selected, -1))

    def next(self) -> None:
        self.set_date(add_months(self.selected, 1))

    # What a user sees, for tests and for the screen reader's sake ------------------------------

    def day_text(self, day: date) -> str:
        """The words in a day's cell, as drawn: its number, conflicts badge and lines."""
        self.ensure_fresh()
        d = next((d for d in self.days if d.day == day), None)
        if d is None:
            return ""
        return "\n".join(t for t in (d.number, d.badge, *d.lines) if t)
