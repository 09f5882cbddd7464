"""The fiscal year at a glance: a row per month, each day coloured by how full its bench time is."""

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from planner.domain.calendar import days_between, fiscal_year_bounds, fiscal_year_of
from planner.domain.judge import Judge
from planner.scheduling.days import DayState, DaySummary
from planner.ui.calendar.calendar_month import add_months
from planner.ui.calendar.day_grid import (
    OFF_STATES,
    Cell,
    DayGrid,
    day_tooltip,
    hours_text,
    mix,
)
from planner.ui.calendar.static_texts import StaticTexts
from planner.ui.common.colours import LIGHT, Colours
from planner.ui.common.theme import current_colours
from planner.ui.common.workspace import Workspace

#: How full a day is, as the share of its bench time that hearings cover: ColorBrewer's YlGnBu,
#: a sequential scale that stays in order for the common colour-blindnesses and in grey (the
#: same in every theme; its day numbers' colours and the cells' outline: ui/common/colours.py).
SCALE = tuple(fill for fill, _ink in LIGHT.scale)
SCALE_LABELS = ("none booked", "under 25%", "25–50%", "50–75%", "75–99%", "full")
GAP = 2  # between cells
WEEKDAY_LETTERS = "MTWTFSS"


def fullness_class(summary: DaySummary | None) -> int | None:
    """The day's step on ``SCALE``; None for a day without bench time."""
    if summary is None or not summary.bench_minutes:
        return None
    if summary.free_minutes <= 0:
        return 5
    covered = 1 - summary.free_minutes / summary.bench_minutes
    if covered <= 0 and not summary.booked_minutes:
        return 0
    return 1 + min(3, int(covered * 4))


@dataclass(frozen=True, slots=True)
class YearDay:
    day: date
    rect: QRectF
    number: str  # "" when the cell is too small for it
    state: DayState | None
    step: int | None  # on SCALE
    over: bool  # more minutes booked than the bench time
    today: bool
    conflicts: int = 0  # conflicts starting that day


@dataclass(frozen=True, slots=True)
class MonthRow:
    """A month's label and its figures: the bench time still free, of all its bench time."""

    label: QRectF
    name: str
    figures: QRectF
    text: str
    free: float  # the free share of the month's bench time, for its bar
    bar: QRectF | None


@dataclass(frozen=True, slots=True)
class LegendItem:
    swatch: QRectF
    text: QRectF
    label: str
    colour: str  # "" for a day without sessions
    hatch: bool = False
    mark: bool = False  # the overbooked mark
    conflict: bool = False  # the conflict mark


@dataclass(frozen=True, slots=True)
class YearLayout:
    days: tuple[YearDay, ...] = ()
    months: tuple[MonthRow, ...] = ()
    letters: tuple[tuple[QRectF, str], ...] = ()
    legend: tuple[LegendItem, ...] = ()


def fiscal_span(day: date, judge: Judge | None) -> tuple[date, date]:
    judge = judge or Judge("Default")
    return fiscal_year_bounds(fiscal_year_of(day, judge), judge)


def build_year(
    rect: QRectF,
    first: date,
    last: date,
    summaries: dict[date, DaySummary],
    today: date,
    metrics: QFontMetrics,
    conflicts: dict[date, int] | None = None,
    bold: QFontMetrics | None = None,
) -> YearLayout:
    """Lay out the fiscal year ``first``-``last`` in ``rect``: a row a month, days aligned by weekday."""
    months: list[date] = []
    for day in days_between(first, last):
        if not months or (day.year, day.month) != (months[-1].year, months[-1].month):
            months.append(day.replace(day=1))
    line = metrics.height()
    # The month names are drawn bold: measured so, or their first letter is cut off.
    label_w = max((bold or metrics).horizontalAdvance(f"{m:%b %Y}") for m in months) + 12
    figures_w = max(150, metrics.horizontalAdvance("888 h 45 free of 888 h 45") + 16)
    head = line + 4
    legend_h = 2 * line + 14
    columns = max(m.weekday() + 31 for m in months)
    cell_w = (rect.width() - label_w - figures_w) / columns
    row_h = (rect.height() - head - legend_h) / len(months)
    cell_h = min(row_h, cell_w * 1.6)
    x0, y0 = rect.left() + label_w, rect.top() + head
    numbers = metrics.horizontalAdvance("28") + 4 <= cell_w - GAP and line <= cell_h - GAP
    days, rows = [], []
    for r, month in enumerate(months):
        top = round(y0 + r * row_h + (row_h - cell_h) / 2)  # whole pixels paint faster
        bench = free = 0
        for day in days_between(max(first, month), last):
            if (day.year, day.month) != (month.year, month.month):
                break
            col = month.weekday() + day.day - 1
            left = round(x0 + col * cell_w)
            box = QRectF(
                left, top, round(x0 + (col + 1) * cell_w) - left - GAP, round(cell_h) - GAP
            )
            summary = summaries.get(day)
            if summary is not None:
                bench += summary.bench_minutes
                free += summary.free_minutes
            over = summary is not None and summary.booked_minutes > summary.bench_minutes > 0
            days.append(
                YearDay(
                    day,
                    box,
                    str(day.day) if numbers else "",
                    summary.state if summary else None,
                    fullness_class(summary),
                    over,
                    day == today,
                    (conflicts or {}).get(day, 0),
                )
            )
        label = QRectF(rect.left(), top, label_w - 8, cell_h - GAP)
        figures = QRectF(x0 + columns * cell_w + 8, top, figures_w - 10, cell_h - GAP)
        if bench:
            text = f"{hours_text(free)} free of {hours_text(bench)}"
            bar_room = figures.height() - line
            bar = QRectF(
                figures.left(), figures.top() + line + 1, figures.width(), min(6, bar_room - 2)
            )
            rows.append(
                MonthRow(
                    label,
                    f"{month:%b %Y}",
                    figures,
                    text,
                    free / bench,
                    bar if bar_room >= 5 else None,
                )
            )
        else:
            rows.append(MonthRow(label, f"{month:%b %Y}", figures, "no bench time", 0.0, None))
    letters = tuple(
        (QRectF(x0 + c * cell_w, rect.top(), cell_w - GAP, head), WEEKDAY_LETTERS[c % 7])
        for c in range(columns)
    )
    return YearLayout(tuple(days), tuple(rows), letters, _legend(rect, legend_h, metrics))


def _legend(rect: QRectF, height: float, metrics: QFontMetrics) -> tuple[LegendItem, ...]:
    day_off = current_colours().day_off
    items = [(label, SCALE[i], False, False, False) for i, label in enumerate(SCALE_LABELS)]
    items += [
        ("overbooked", SCALE[5], False, True, False),
        ("conflict", SCALE[0], False, False, True),
        ("holiday or closure", day_off[DayState.HOLIDAY], True, False, False),
        ("leave", day_off[DayState.LEAVE], True, False, False),
        ("no sessions", "", False, False, False),
    ]
    line = metrics.height()
    x, y = rect.left() + 4, rect.bottom() - height + 6
    placed = []
    for label, colour, hatch, mark, conflict in items:
        width = line + 6 + metrics.horizontalAdvance(label) + 16
        if x + width > rect.right() and x > rect.left() + 4:
            x, y = rect.left() + 4, y + line + 2
        swatch = QRectF(x, y + 1, line - 2, line - 2)
        text = QRectF(x + line + 2, y, width - line - 2, line)
        placed.append(LegendItem(swatch, text, label, colour, hatch, mark, conflict))
        x += width
    return tuple(placed)


class _Fills:
    """The opaque fills of the palette in use: a scale step, a hatched day off, an empty day."""

    def __init__(self, palette: QPalette, colours: Colours) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        self.empty = mix(palette.color(QPalette.ColorRole.Text), base, 0.09)
        self.solid = {fill: QColor(fill) for fill, _ink in colours.scale}
        self.ink = {fill: QColor(ink) for fill, ink in colours.scale}
        self.outline = QPen(QColor(colours.scale_outline), 0)  # cosmetic: one pixel
        self.shade = {colour: mix(colour, base, 0.35) for colour in colours.day_off.values()}
        self.hatch = {
            colour: QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern)
            for colour in colours.day_off.values()
        }

    def paint(self, painter: QPainter, rect: QRectF, colour: str, hatch: bool) -> None:
        if not colour:
            painter.fillRect(rect, self.empty)
        elif hatch:
            painter.fillRect(rect, self.shade[colour])
            painter.fillRect(rect, self.hatch[colour])
        else:
            painter.fillRect(rect, self.solid[colour])
            painter.setPen(self.outline)  # the light steps alone hardly show on a light ground
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))


def _paint_mark(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """The overbooked mark: a triangle in the top right corner."""
    size = min(rect.width(), rect.height()) * 0.4
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    corner = rect.topRight()
    painter.drawPolygon(QPolygonF([corner, corner - QPointF(size, 0), corner + QPointF(0, size)]))


def _paint_conflict(painter: QPainter, rect: QRectF) -> None:
    """The conflict mark: a red dot in the bottom left corner (the overbooked mark is top right),
    the calendar's red for a hearing in conflict, ringed so that it reads on every fill."""
    colours = current_colours()
    size = max(5.0, min(rect.width(), rect.height()) * 0.55)
    dot = QRectF(rect.left() + 1, rect.bottom() - size - 1, size, size)
    painter.setPen(QPen(QColor(colours.on_conflict), 1))
    painter.setBrush(QColor(colours.conflict))
    painter.drawEllipse(dot)


def day_colour(d: YearDay) -> tuple[str, bool]:
    """A day's fill and whether it is hatched ("" for a day without sessions)."""
    if d.state in OFF_STATES:
        return current_colours().day_off[d.state], True
    if d.step is None:
        return "", False
    return SCALE[d.step], False


def year_fonts(font: QFont) -> tuple[QFont, QFont, QFont]:
    """Plain, small (weekday letters and day numbers) and bold (month names)."""
    plain = QFont(font)
    small = QFont(plain)
    small.setPointSizeF(plain.pointSizeF() * 0.85)
    bold = QFont(plain)
    bold.setBold(True)
    return plain, small, bold


def paint_year(
    painter: QPainter, layout: YearLayout, palette: QPalette, bounds: QRectF, texts: StaticTexts
) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    fills = _Fills(palette, current_colours())
    inks = fills.ink
    painter.fillRect(bounds, palette.color(QPalette.ColorRole.Base))
    plain, small, bold = year_fonts(painter.font())
    centre = Qt.AlignmentFlag.AlignCenter
    painter.setPen(text)
    painter.setFont(small)
    for box, letter in layout.letters:
        texts.draw(painter, box, letter, centre)
    for d in layout.days:
        colour, hatch = day_colour(d)
        fills.paint(painter, d.rect, colour, hatch)
        ink = inks[colour] if colour and not hatch else text
        if d.over:
            _paint_mark(painter, d.rect, ink)
        if d.conflicts:
            _paint_conflict(painter, d.rect)
        if d.number:
            painter.setPen(ink)
            texts.draw(painter, d.rect, d.number, centre)
        if d.today:
            painter.setPen(QPen(text, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(d.rect.adjusted(-1, -1, 1, 1))
    highlight = palette.color(QPalette.ColorRole.Highlight)
    track = mix(highlight, palette.color(QPalette.ColorRole.Base), 0.2)
    for row in layout.months:
        painter.setFont(bold)
        painter.setPen(text)
        texts.draw(painter, row.label, row.name, Qt.AlignmentFlag.AlignRight)
        painter.setFont(plain)
        metrics = painter.fontMetrics()
        top = QRectF(row.figures.left(), row.figures.top(), row.figures.width(), metrics.height())
        if row.bar is None:
            top.moveTop(row.figures.center().y() - metrics.height() / 2)
        texts.draw(painter, top, row.text)
        if row.bar is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(row.bar, 2, 2)
            painter.setBrush(highlight)
            free = QRectF(
                row.bar.left(), row.bar.top(), row.bar.width() * row.free, row.bar.height()
            )
            painter.drawRoundedRect(free, 2, 2)
    painter.setFont(plain)
    for item in layout.legend:
        fills.paint(painter, item.swatch, item.colour, item.hatch)
        if item.mark:
            _paint_mark(painter, item.swatch, inks[item.colour])
        if item.conflict:
            _paint_conflict(painter, item.swatch)
        painter.setPen(text)
        texts.draw(painter, item.text, item.label)


#: The fiscal-year view's keys (YearView.moved and DayGrid.keyPressEvent take them), for Help >
#: Keyboard Shortcuts.
YEAR_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Left", "Right"), "The previous or next day"),
    (("Up", "Down"), "The same day of the previous or next month"),
    (("PgUp", "PgDown"), "The previous or next fiscal year"),
    (("Home", "End"), "The fiscal year's first or last day"),
    (("Return", "Enter"), "Open the selected day in the day view"),
    (("T",), "Go to today"),
)


class YearView(DayGrid):
    """The judge's fiscal year (October to September by default) at a glance.

    Keys: Left/Right a day, Up/Down a month, PageUp/PageDown a year, Home/End the fiscal year's
    first and last day, T today, Enter opens the selected day (``day_activated``).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.layout_ = YearLayout()
        # Narrow enough for the calendar at the window's least width (800 px leaves it ~550).
        self.setMinimumSize(520, 360)

    def span(self) -> tuple[date, date]:
        return fiscal_span(self.selected, self.workspace.judge)

    def title(self) -> str:
        return self.titles()[0]

    def titles(self) -> tuple[str, ...]:
        """ "Fiscal year 2027 (1 Oct 2026 – 30 Sep 2027): 812 h free of 1,640 h bench time",
        then without the dates, then "FY 2027: 812 h free of 1,640 h"."""
        judge = self.workspace.judge or Judge("Default")
        first, last = self.span()
        bench = sum(s.bench_minutes for s in self.summaries.values())
        free = sum(s.free_minutes for s in self.summaries.values())
        year = fiscal_year_of(first, judge)
        dates = f"({first.day} {first:%b %Y} – {last.day} {last:%b %Y})"
        hours = f"{hours_text(free)} free of {hours_text(bench)}" if bench else ""
        if not hours:
            return f"Fiscal year {year} {dates}", f"Fiscal year {year}", f"FY {year}"
        return (
            f"Fiscal year {year} {dates}: {hours} bench time",
            f"Fiscal year {year}: {hours} bench time",
            f"FY {year}: {hours}",
        )

    def layout_cells(self, rect: QRectF, metrics: QFontMetrics) -> list[Cell]:
        first, last = self.span()
        today = self.workspace.clock().date()
        plain, small, bold = year_fonts(self.font())
        self.layout_ = build_year(
            rect, first, last, self.summaries, today, metrics, self.conflicts, QFontMetrics(bold)
        )
        for text, font in (
            *((letter, small) for _box, letter in self.layout_.letters),
            *((d.number, small) for d in self.layout_.days if d.number),
            *((row.name, bold) for row in self.layout_.months),
            *((row.text, plain) for row in self.layout_.months),
            *((item.label, plain) for item in self.layout_.legend),
        ):
            self.texts.get(text, font)  # laid out now, so that painting only draws
        return [
            Cell(d.day, d.rect, day_tooltip(d.day, self.summaries.get(d.day), d.conflicts))
            for d in self.layout_.days
        ]

    def paint_layout(self, painter: QPainter, palette: QPalette, rect: QRectF) -> None:
        paint_year(painter, self.layout_, palette, rect, self.texts)

    def moved(self, key: int) -> date | None:
        day = self.selected
        first, last = self.span()
        moves = {
            Qt.Key.Key_Left: lambda: day - timedelta(days=1),
            Qt.Key.Key_Right: lambda: day + timedelta(days=1),
            Qt.Key.Key_Up: lambda: add_months(day, -1),
            Qt.Key.Key_Down: lambda: add_months(day, 1),
            Qt.Key.Key_PageUp: lambda: add_months(day, -12),
            Qt.Key.Key_PageDown: lambda: add_months(day, 12),
            Qt.Key.Key_Home: lambda: first,
            Qt.Key.Key_End: lambda: last,
        }
        move = moves.get(Qt.Key(key))
        return move() if move else None

    def previous(self) -> None:
        self.set_date(add_months(self.selected, -12))

    def next(self) -> None:
        self.set_date(add_months(self.selected, 12))

    # What a user sees -------------------------------------------------------------------------

    def month_figures(self) -> list[tuple[str, str]]:
        """Each month's name and its figures, as drawn: ("Nov 2026", "62 h free of 147 h")."""
        self.ensure_fresh()
        return [(row.name, row.text) for row in self.layout_.months]

    def day_fill(self, day: date) -> tuple[str, bool]:
        """The colour a day is filled with and whether it is hatched (a day off)."""
        self.ensure_fresh()
        d = next((d for d in self.layout_.days if d.day == day), None)
        return day_colour(d) if d else ("", False)

    def conflict_days(self) -> dict[date, int]:
        """The days marked as holding a conflict, and how many conflicts start there."""
        self.ensure_fresh()
        return {d.day: d.conflicts for d in self.layout_.days if d.conflicts}
