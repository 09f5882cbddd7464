"""Proposals over the calendar: each hearing the auto-scheduler proposes, and each booked hearing
the Planner proposes to move (leave or a closure over it, a re-plan), a dashed, translucent ghost
block in the day and week views, labelled, with an accessible name, and never stored until the
user applies it; the month and the year mark the days."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen

from planner.domain.anumber import format_a_number
from planner.domain.plural import counted
from planner.scheduling.autoschedule import Proposed
from planner.ui.calendar.calendar_paint import Scene
from planner.ui.common.colours import LIGHT
from planner.ui.common.theme import current_colours

#: The outline of every proposed hearing, one colour for "not stored yet" (the light theme's;
#: each theme's is in planner/ui/common/colours.py).
PROPOSED_EDGE = LIGHT.proposed_edge


@dataclass(frozen=True, slots=True)
class ProposedGhost:
    """A proposed hearing where it is drawn, and its label lines."""

    a_number: str
    rect: QRectF
    lines: tuple[str, ...]
    tooltip: str
    name: str = ""  # what a screen reader hears: "proposed: A123-456-789 moves to Tue 9 Mar 10:00"


@dataclass(frozen=True, slots=True)
class ProposedMove:
    """A booked hearing the Planner proposes to move, from where it is to where."""

    hearing_id: int
    a_number: str
    start: datetime  # where it is
    to: datetime
    minutes: int


def when(moment: datetime) -> str:
    """ "Tue 9 Mar 10:00"."""
    return f"{moment:%a} {moment.day} {moment:%b %H:%M}"


def move_name(move: ProposedMove) -> str:
    """ "proposed: A123-456-789 moves to Tue 9 Mar 10:00"."""
    return f"proposed: {format_a_number(move.a_number)} moves to {when(move.to)}"


def _kind(p: Proposed) -> str:
    return p.kind.value.replace("_", " ")


def layout_proposed(
    scene: Scene, proposed: Sequence[Proposed], metrics: QFontMetrics
) -> tuple[ProposedGhost, ...]:
    """The ghosts of the proposed hearings on the days ``scene`` shows (the others are skipped)."""
    on_show: set[date] = set(scene.days)
    ghosts = []
    for p in proposed:
        day = p.start.date()
        if day not in on_show:
            continue
        rect = scene.slot_rect(day, p.start.hour * 60 + p.start.minute, p.minutes)
        shown = format_a_number(p.a_number)
        # The A-number first (what a clerk looks for); the dashed, hatched look says "proposed".
        lines = (shown, f"proposed · {_kind(p)} · {p.minutes} min")
        tip = (
            f"Proposed (not stored): {shown}\n{p.start:%a %d %b %H:%M}, {p.minutes} min "
            f"{_kind(p)} hearing\nin {p.session}"
        )
        name = f"proposed: {shown} at {when(p.start)}, {counted(p.minutes, 'minute')}, {_kind(p)}"
        ghosts.append(ProposedGhost(p.a_number, rect, lines, tip, name))
    return tuple(ghosts)


def layout_moves(scene: Scene, moves: Sequence[ProposedMove]) -> tuple[ProposedGhost, ...]:
    """The ghosts of the proposed moves, where each hearing would go, on the days on show."""
    on_show: set[date] = set(scene.days)
    ghosts = []
    for move in moves:
        day = move.to.date()
        if day not in on_show:
            continue
        rect = scene.slot_rect(day, move.to.hour * 60 + move.to.minute, move.minutes)
        shown = format_a_number(move.a_number)
        lines = (shown, f"proposed · from {when(move.start)}")
        tip = (
            f"Proposed move (not stored): {shown}\nfrom {when(move.start)} to {when(move.to)}, "
            f"{move.minutes} min"
        )
        ghosts.append(ProposedGhost(move.a_number, rect, lines, tip, move_name(move)))
    return tuple(ghosts)


def moving_from(scene: Scene, moves: Sequence[ProposedMove]) -> tuple[QRectF, ...]:
    """The blocks of the hearings proposed to move, on show, to outline as "moving"."""
    ids = {move.hearing_id for move in moves}
    return tuple(block.rect for block in scene.blocks if block.id in ids)


def paint_moving(painter: QPainter, rects: Sequence[QRectF]) -> None:
    """A dashed outline round each hearing proposed to move away."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(current_colours().proposed_edge), 2.0, Qt.PenStyle.DashLine))
    for rect in rects:
        painter.drawRect(rect.adjusted(-1, -1, 1, 1))


def paint_proposed(
    painter: QPainter, ghosts: Sequence[ProposedGhost], palette: QPalette, metrics: QFontMetrics
) -> None:
    """Dashed, translucent blocks over the calendar, hatched so they never pass for hearings."""
    colours = current_colours()
    edge = QColor(colours.proposed_edge)
    fill = QColor(colours.proposed_fill)  # opaque: its text's contrast is measured on it
    hatch = QColor(edge)
    hatch.setAlpha(55)
    pen = QPen(edge, 1.6, Qt.PenStyle.DashLine)
    text = QColor(colours.proposed_text)
    for ghost in ghosts:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(ghost.rect)
        painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(ghost.rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        painter.drawRect(ghost.rect)
        painter.setPen(text)
        painter.save()
        painter.setClipRect(ghost.rect)  # a short ghost's label never runs over the next one
        box = ghost.rect.adjusted(4, 1, -3, -1)
        y = box.top()
        for line in ghost.lines:
            if y + metrics.height() > box.bottom() + 2 and y > box.top():
                break
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(box.width()))
            painter.drawText(
                QRectF(box.left(), y, box.width(), metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            y += metrics.height()
        painter.restore()


def proposed_days(starts: Iterable[datetime]) -> dict[date, int]:
    """How many hearings are proposed on each day (for the month and the year), from their
    starts."""
    counts: dict[date, int] = {}
    for start in starts:
        counts[start.date()] = counts.get(start.date(), 0) + 1
    return counts


def paint_proposed_days(
    painter: QPainter,
    cells: dict[date, QRectF],
    counts: dict[date, int],
    palette: QPalette,
    metrics: QFontMetrics,
) -> None:
    """A dashed outline inside each day with proposed hearings, and "+N" where there is room."""
    colours = current_colours()
    edge = QColor(colours.proposed_edge)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for day, count in counts.items():
        rect = cells.get(day)
        if rect is None:
            continue
        painter.setPen(QPen(edge, 1.6, Qt.PenStyle.DashLine))
        painter.drawRect(rect.adjusted(3, 3, -3, -3))
        text = f"+{count}"
        width = metrics.horizontalAdvance(text) + 6
        if rect.width() >= 3 * width and rect.height() >= 2 * metrics.height():
            tag = QRectF(rect.right() - width - 5, rect.top() + 5, width, metrics.height())
            painter.fillRect(tag, QColor(colours.proposed_text))
            painter.setPen(QColor(colours.proposed_fill))
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
