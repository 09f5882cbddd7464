"""The court's day painted: a column per judge, the sessions of the weekly template as bands, the
hearings as blocks; a hearing dragged to another judge's column (or moved from the keyboard).

The board lays out and paints; what may move where is the service's (``transfer_refusal``),
asked by the view (``planner/ui/court/court_day_view.py``) through ``refusal_for``. What a
screen reader hears is built from the layout, as the calendar's is
(``planner/ui/calendar/calendar_access.py``, whose words it reuses).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from planner.domain.judge import Session
from planner.domain.vocabulary import HearingStatus, SessionKind
from planner.services.court_day import CourtColumn, CourtDay
from planner.services.docket_sheet import SheetRow
from planner.ui.calendar.calendar_access import clock, session_text
from planner.ui.common import accessibility
from planner.ui.common.accessibility import AccessibleItem
from planner.ui.common.colours import blend
from planner.ui.common.theme import current_colours

GUTTER = 52  # the hours column
HEADER = 46  # the judge's name and the day's note
MIN_COLUMN = 150
SNAP = 5  # minutes: a dropped hearing starts on a multiple of this
PIXELS_PER_MINUTE = 1.3
#: The board's keys, for Help > Keyboard Shortcuts (names as QKeySequence reads them).
COURT_DAY_KEYS = (
    (("Down", "Up"), "The judge's next or previous hearing"),
    (("Right", "Left"), "The nearest hearing of the judge to the right or left"),
    (("M",), "Move the selected hearing to another judge…"),
    (("Esc",), "Cancel a drag"),
)


@dataclass(frozen=True, slots=True)
class Block:
    column: int
    row: SheetRow
    rect: QRectF


@dataclass(frozen=True, slots=True)
class Ghost:
    """Where a dragged hearing would land, and why not when refused."""

    column: int
    start: datetime
    rect: QRectF
    refusal: str | None


def hearing_words(judge: str, row: SheetRow) -> str:
    """ "Ana Ruiz: A100-000-001, master hearing, Spanish interpreter, detained, 9:00 to 9:15"."""
    parts = [row.a_number, f"{row.kind.value.replace('_', ' ')} hearing"]
    parts.append(f"{row.language} interpreter" if row.interpreter else "no interpreter")
    parts += [w for w, on in (("detained", row.detained), ("juvenile", row.juvenile)) if on]
    if row.status is not HearingStatus.SCHEDULED:
        parts.append(row.status.value)
    end = row.start + timedelta(minutes=row.minutes)
    parts.append(f"{clock(row.start)} to {clock(end)}")
    return f"{judge}: " + ", ".join(parts)


class CourtDayBoard(QWidget):
    """The judges' columns side by side. ``move_requested(hearing_id, column, start)`` is sent
    when a hearing is dropped on another judge's column (or the same one at another time)."""

    move_requested = Signal(int, int, object)  # hearing id, target column, start
    selection_changed = Signal()
    menu_requested = Signal(QPoint)  # where, on the screen
    move_key = Signal()  # M: move the selected hearing to another judge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accessibility.install()
        self.setAccessibleName("The court's day, judge by judge")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.day: CourtDay | None = None
        self.blocks: list[Block] = []
        self.selected: int | None = None  # a hearing's id
        self.ghost: Ghost | None = None
        #: Why a hearing may not go to a column at a time (None: it may); set by the view.
        self.refusal_for: Callable[[int, int, datetime], str | None] = lambda *_: None
        self._press: QPointF | None = None
        self._grab_offset = 0.0
        self._items: list[AccessibleItem] | None = None
        self._first, self._last = 8 * 60, 17 * 60

    # Data and layout ------------------------------------------------------------------------

    def set_day(self, day: CourtDay) -> None:
        self.day = day
        minutes = [
            m
            for c in day.columns
            for s in c.day.sessions
            for m in ([_minutes(s.session.start), _minutes(s.session.end)] if s.session else [])
            + [_minutes(r.start.time()) for r in s.rows]
            + [_minutes(r.start.time()) + r.minutes for r in s.rows]
        ]
        self._first = min([8 * 60, *minutes]) // 60 * 60
        self._last = -(-max([17 * 60, *minutes]) // 60) * 60
        if self.selected is not None and all(
            r.hearing_id != self.selected for _c, r in self._rows()
        ):
            self.selected = None
        self.ghost = None
        self.updateGeometry()
        self._layout()
        self.update()

    def sizeHint(self) -> QSize:
        columns = len(self.day.columns) if self.day else 1
        height = HEADER + (self._last - self._first) * PIXELS_PER_MINUTE + 8
        return QSize(GUTTER + columns * MIN_COLUMN, int(height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def column_width(self) -> float:
        count = max(1, len(self.day.columns) if self.day else 1)
        return max(MIN_COLUMN, (self.width() - GUTTER) / count)

    def column_rect(self, column: int) -> QRectF:
        width = self.column_width()
        return QRectF(GUTTER + column * width, 0, width, self.height())

    def y_of(self, minute: float) -> float:
        return HEADER + (minute - self._first) * self._scale()

    def _scale(self) -> float:
        span = max(60, self._last - self._first)
        return max(PIXELS_PER_MINUTE, (self.height() - HEADER - 8) / span)

    def _rows(self) -> list[tuple[int, SheetRow]]:
        if self.day is None:
            return []
        return [
            (i, r) for i, c in enumerate(self.day.columns) for s in c.day.sessions for r in s.rows
        ]

    def _layout(self) -> None:
        self.blocks = []
        for column, row in self._rows():
            box = self.column_rect(column)
            top = self.y_of(_minutes(row.start.time()))
            bottom = self.y_of(_minutes(row.start.time()) + row.minutes)
            self.blocks.append(
                Block(column, row, QRectF(box.left() + 14, top, box.width() - 20, bottom - top))
            )
        self._items = None
        accessibility.items_changed(self)

    def block(self, hearing_id: int | None) -> Block | None:
        return next((b for b in self.blocks if b.row.hearing_id == hearing_id), None)

    def block_at(self, point: QPointF) -> Block | None:
        return next((b for b in reversed(self.blocks) if b.rect.contains(point)), None)

    def column_at(self, x: float) -> int | None:
        if self.day is None or x < GUTTER:
            return None
        column = int((x - GUTTER) // self.column_width())
        return column if 0 <= column < len(self.day.columns) else None

    def selected_column(self) -> CourtColumn | None:
        found = self.block(self.selected)
        return self.day.columns[found.column] if found and self.day else None

    def select(self, hearing_id: int | None) -> None:
        if hearing_id == self.selected:
            return
        self.selected = hearing_id
        self.update()
        self.selection_changed.emit()
        item = self.accessible_focus()
        if item is not None:
            accessibility.focus_moved(item)

    # Painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        colours = current_colours()
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(colours.muted_text)
        grid = QColor(blend(colours.muted_text, colours.base, 0.25))
        for hour in range(self._first // 60, self._last // 60 + 1):
            y = self.y_of(hour * 60)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(GUTTER, y), QPointF(self.width(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - 8, GUTTER - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{hour:02d}:00",
            )
        if self.day is None:
            return
        bold = QFont(self.font())
        bold.setBold(True)
        for index, column in enumerate(self.day.columns):
            box = self.column_rect(index)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(box.topLeft(), box.bottomLeft())
            for session in column.day.sessions:
                if session.session is None:
                    continue
                self._paint_session(painter, box, session.session, colours.session_tint)
            head = QRectF(box.left(), 0, box.width(), HEADER)
            painter.fillRect(head, palette.color(QPalette.ColorRole.Window))
            painter.setPen(text)
            painter.setFont(bold)
            painter.drawText(
                head.adjusted(6, 2, -6, -HEADER / 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.fontMetrics().elidedText(
                    column.name, Qt.TextElideMode.ElideRight, int(head.width() - 12)
                ),
            )
            painter.setFont(self.font())
            painter.setPen(muted)
            painter.drawText(
                head.adjusted(6, HEADER / 2 - 2, -6, -2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.fontMetrics().elidedText(
                    _head_note(column), Qt.TextElideMode.ElideRight, int(head.width() - 12)
                ),
            )
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        for block in self.blocks:
            self._paint_block(painter, block)
        found = self.block(self.selected)
        if found is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(found.rect.adjusted(-2, -2, 2, 2))
            if self.hasFocus():
                painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                painter.drawRect(found.rect.adjusted(-5, -5, 5, 5))
        if self.ghost is not None:
            self._paint_ghost(painter, self.ghost, colours.ghost_ok, colours.conflict)

    def _paint_session(
        self, painter: QPainter, box: QRectF, session: Session, tints: Mapping[SessionKind, str]
    ) -> None:
        top = self.y_of(_minutes(session.start))
        bottom = self.y_of(_minutes(session.end))
        tint = QColor(tints[session.kind])
        band = QColor(tint)
        band.setAlpha(30)
        painter.fillRect(QRectF(box.left() + 1, top, box.width() - 2, bottom - top), band)
        painter.fillRect(QRectF(box.left() + 2, top, 6, bottom - top), tint)

    def _paint_block(self, painter: QPainter, block: Block) -> None:
        row = block.row
        c = current_colours()
        struck = row.status is not HearingStatus.SCHEDULED
        fill = QColor(c.adjourned_fill if struck else c.hearing_fill[row.kind])
        border = QColor(c.hearing_border[row.kind])
        painter.setPen(QPen(border, 1, Qt.PenStyle.DashLine if struck else Qt.PenStyle.SolidLine))
        painter.setBrush(fill)
        painter.drawRect(block.rect)
        painter.setPen(QColor(c.adjourned_text if struck else c.hearing_text))
        marks = " ".join(m for m, on in (("D", row.detained), ("I", row.interpreter)) if on)
        lines = [f"{row.time} {row.a_number}" + (f"  {marks}" if marks else "")]
        if block.rect.height() > 2.2 * self.fontMetrics().height():
            lines.append(f"{row.name} · {row.language}")
        painter.drawText(
            block.rect.adjusted(4, 1, -3, -1),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            "\n".join(lines),
        )

    def _paint_ghost(self, painter: QPainter, ghost: Ghost, ok: str, refused: str) -> None:
        colour = QColor(refused if ghost.refusal else ok)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.drawRect(ghost.rect)
        label = f"{ghost.start:%H:%M}" + (f" — {ghost.refusal}" if ghost.refusal else "")
        box = QRectF(ghost.rect.left(), ghost.rect.bottom() + 2, ghost.rect.width(), 200)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        needed = painter.boundingRect(box.adjusted(3, 2, -3, 0), flags, label)
        back = QRectF(box.left(), box.top(), box.width(), needed.height() + 4)
        painter.fillRect(back, colour)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(back.adjusted(3, 2, -3, 0), flags, label)

    # Mouse: select and drag -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        found = self.block_at(event.position())
        self.select(found.row.hearing_id if found else None)
        self._press = event.position() if found else None
        if found is not None:
            self._grab_offset = event.position().y() - found.rect.top()
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.block(self.selected)
        if self._press is None or found is None:
            return
        if (
            self.ghost is None
            and (event.position() - self._press).manhattanLength()
            < QApplication.startDragDistance()
        ):
            return
        self.ghost = self._ghost_at(found, event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        ghost, self.ghost, self._press = self.ghost, None, None
        self.update()
        found = self.block(self.selected)
        if ghost is None or found is None:
            return
        if ghost.column == found.column and ghost.start == found.row.start:
            return
        self.move_requested.emit(found.row.hearing_id, ghost.column, ghost.start)

    def _ghost_at(self, block: Block, point: QPointF) -> Ghost | None:
        column = self.column_at(point.x())
        if column is None:
            return None
        minute = self._first + (point.y() - self._grab_offset - HEADER) / self._scale()
        minute = max(0, min(24 * 60 - block.row.minutes, round(minute / SNAP) * SNAP))
        start = datetime.combine(block.row.start.date(), time()) + timedelta(minutes=minute)
        box = self.column_rect(column)
        top = self.y_of(minute)
        rect = QRectF(box.left() + 14, top, box.width() - 20, block.rect.height())
        previous = self.ghost
        if previous is not None and (previous.column, previous.start) == (column, start):
            return Ghost(column, start, rect, previous.refusal)
        refusal = self.refusal_for(block.row.hearing_id, column, start)
        return Ghost(column, start, rect, refusal)

    # Keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.ghost is not None:
            self.ghost, self._press = None, None
            self.update()
            return
        moves = {
            Qt.Key.Key_Down.value: (0, 1),
            Qt.Key.Key_Up.value: (0, -1),
            Qt.Key.Key_Right.value: (1, 0),
            Qt.Key.Key_Left.value: (-1, 0),
        }
        if int(key) in moves:
            self._step(*moves[int(key)])
            return
        if key == Qt.Key.Key_M and self.selected is not None:
            self.move_key.emit()
            return
        super().keyPressEvent(event)

    def _step(self, across: int, down: int) -> None:
        if not self.blocks:
            return
        current = self.block(self.selected)
        if current is None:
            self.select(self.blocks[0].row.hearing_id)
            return
        if down:
            same = [b for b in self.blocks if b.column == current.column]
            index = same.index(current) + down
            if 0 <= index < len(same):
                self.select(same[index].row.hearing_id)
            return
        column = current.column + across
        while self.day is not None and 0 <= column < len(self.day.columns):
            there = [b for b in self.blocks if b.column == column]
            if there:
                nearest = min(
                    there, key=lambda b: abs((b.row.start - current.row.start).total_seconds())
                )
                self.select(nearest.row.hearing_id)
                return
            column += across

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        found = self.block_at(QPointF(event.pos()))
        if found is not None:
            self.select(found.row.hearing_id)
        self.menu_requested.emit(event.globalPos())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # Screen readers ---------------------------------------------------------------------------

    def accessible_items(self) -> list[AccessibleItem]:
        """Judge by judge: the judge's heading, then the sessions and hearings by the time of
        day (a session before the hearings it holds)."""
        if self._items is not None:
            return self._items
        items: list[AccessibleItem] = []
        by_id = {b.row.hearing_id: b for b in self.blocks}
        for index, column in enumerate(self.day.columns if self.day else ()):
            box = self.column_rect(index)
            items.append(
                AccessibleItem(
                    self,
                    QAccessible.Role.Heading,
                    f"{column.name}, {_head_note(column)}",
                    QRectF(box.left(), 0, box.width(), HEADER),
                )
            )
            timed: list[tuple[time, int, AccessibleItem]] = []
            for session in column.day.sessions:
                if session.session is not None:
                    s = session.session
                    top, bottom = self.y_of(_minutes(s.start)), self.y_of(_minutes(s.end))
                    timed.append(
                        (
                            s.start,
                            0,
                            AccessibleItem(
                                self,
                                QAccessible.Role.Grouping,
                                f"{column.name}: {session_text(s, len(session.rows))}",
                                QRectF(box.left(), top, box.width(), bottom - top),
                            ),
                        )
                    )
                for row in session.rows:
                    timed.append(
                        (
                            row.start.time(),
                            1,
                            AccessibleItem(
                                self,
                                QAccessible.Role.ListItem,
                                hearing_words(column.name, row),
                                by_id[row.hearing_id].rect,
                                description=f"{row.name}; {row.counsel}",
                                focusable=True,
                                key=row.hearing_id,
                            ),
                        )
                    )
            items += [item for _t, _o, item in sorted(timed, key=lambda t: (t[0], t[1]))]
        self._items = items
        return items

    def accessible_focus(self) -> AccessibleItem | None:
        return next((i for i in self.accessible_items() if i.key == self.selected), None)

    def accessible_selected(self) -> AccessibleItem | None:
        return self.accessible_focus()


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _head_note(column: CourtColumn) -> str:
    day = column.day
    count = day.hearings
    words = "no hearings" if count == 0 else f"{count} hearing" + ("" if count == 1 else "s")
    return f"{words} · {day.note}" if day.note else words
