"""Dragging on the calendar: where a moved, resized or newly set hearing would land, and whether
it may, worked out from what the view has already loaded (no database read while the mouse moves).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import QPointF

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.scheduling.next_hearing import SNAP_MINUTES, HearingPlan, snap
from planner.scheduling.placement import Refusal, check_placement
from planner.store.agenda import CalendarEntry
from planner.ui.calendar.calendar_paint import Ghost, Scene

#: Pixels above a hearing's bottom edge where a press resizes it instead of moving it.
RESIZE_EDGE = 5
#: A block shorter than this has no resize edge: a press anywhere on it moves it (Shift and a
#: drag resizes it), so a move of a short hearing never turns into a resize.
SHORT_BLOCK = 24
#: The longest step of a session's slots: a long hearing snaps to the hour in its session.
LONGEST_SLOT = 60
#: Pixels from the timeline's right edge where a held drag turns to the next days (the hours
#: column on the left turns back), and how long it must be held there.
PAGE_EDGE = 16
PAGE_AFTER_MS = 700
_DAY = 24 * 60


class DragKind(StrEnum):
    MOVE = "move"  # a hearing to another time or day
    RESIZE = "resize"  # a hearing's end, by its bottom edge
    SCHEDULE = "schedule"  # a case from the docket: its next hearing


@dataclass(frozen=True, slots=True)
class Landing:
    """Where the hearing would go, and why it may not (None when it may)."""

    start: datetime
    minutes: int
    refusal: Refusal | None

    @property
    def hearing_text(self) -> str:
        end = self.start + timedelta(minutes=self.minutes)
        return f"{self.start:%a} {self.start.day} {self.start:%b} {self.start:%H:%M}-{end:%H:%M}"


@dataclass(frozen=True, slots=True)
class Drag:
    """A drag in progress: the hearing as it was (no id when it is a new one) and its case."""

    kind: DragKind
    case_id: int
    case: Case
    case_hearings: tuple[Hearing, ...]
    hearing: Hearing
    grab_minutes: float = 0.0  # pointer below the hearing's start when the drag began

    @classmethod
    def schedule(cls, plan: HearingPlan, start: datetime) -> "Drag":
        hearing = Hearing(plan.case.a_number, start, plan.minutes, plan.kind)
        return cls(DragKind.SCHEDULE, plan.case_id, plan.case, plan.hearings, hearing)


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def land(
    drag: Drag,
    scene: Scene,
    pos: QPointF,
    judge: Judge,
    court: CourtCalendar,
    entries: list[CalendarEntry],
) -> Landing | None:
    """Where ``drag`` would put its hearing with the pointer at ``pos``, checked against the
    loaded ``entries`` and ``court``; None off the days (in the hours column, say)."""
    if drag.kind is DragKind.RESIZE:
        day: date | None = drag.hearing.start.date()
        if day not in scene.days:
            return None
        start = _minute(drag.hearing.start)
        end = min(_DAY, snap(scene.minute_at(pos.y())))
        minutes = max(SNAP_MINUTES, end - start)
    else:
        day = scene.day_at(pos.x())
        if day is None:
            return None
        minutes = drag.hearing.minutes
        start = snap_to_session(judge, day, scene.minute_at(pos.y()) - drag.grab_minutes, minutes)
        start = max(0, min(_DAY - minutes, start))
    assert day is not None
    moment = datetime.combine(day, time()) + timedelta(minutes=start)
    return land_at(drag, moment, minutes, judge, court, entries)


def snap_to_session(judge: Judge, day: date, minute: float, minutes: int) -> int:
    """Where a hearing dropped at ``minute`` of ``day`` starts: in a master calendar, at the
    call time at or before it (the first call before the first); in another session, at the
    nearest of its slots (from the session's start, a step of the hearing's minutes up to an
    hour); outside the sessions, at the nearest 5 minutes."""
    session = _session_at(judge, day, minute)
    if session is None:
        return snap(minute)
    start = _clock(session.start)
    if session.case_limit is not None:
        calls = [_clock(call) for call in session.calls]
        return max((c for c in calls if c <= minute), default=calls[0])
    step = max(SNAP_MINUTES, min(minutes, LONGEST_SLOT))
    return start + snap(minute - start, step)


def _session_at(judge: Judge, day: date, minute: float) -> Session | None:
    return next(
        (
            s
            for s in judge.sessions_on(day.weekday())
            if s.kind.is_bench and _clock(s.start) <= minute < _clock(s.end)
        ),
        None,
    )


def _clock(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def land_at(
    drag: Drag,
    start: datetime,
    minutes: int,
    judge: Judge,
    court: CourtCalendar,
    entries: list[CalendarEntry],
) -> Landing:
    """Whether ``drag``'s hearing may go at ``start`` for ``minutes`` (a drop, or a move with
    the keyboard), checked against the loaded ``entries`` of that day and ``court``."""
    placed = replace(drag.hearing, start=start, minutes=minutes)
    others = [e for e in entries if e.start.date() == start.date()]
    refusal = check_placement(judge, court, placed, drag.case, [*others, *drag.case_hearings])
    return Landing(start, minutes, refusal)


def page_direction(drag: Drag, scene: Scene, pos: QPointF, width: float) -> int:
    """Where a drag held at ``pos`` turns the page: -1 (earlier days) over the hours column, 1
    (later ones) at the right edge, 0 elsewhere. A resize stays on its hearing's day."""
    if drag.kind is DragKind.RESIZE or not scene.columns:
        return 0
    if pos.x() < scene.columns[0]:
        return -1
    return 1 if pos.x() >= width - PAGE_EDGE else 0


#: What the ghost says a drag is doing, before where.
GHOST_VERBS = {DragKind.MOVE: "Move to", DragKind.RESIZE: "Resize to", DragKind.SCHEDULE: "Set at"}


def ghost_of(scene: Scene, landing: Landing, kind: DragKind = DragKind.MOVE) -> Ghost:
    """The ghost of a landing, saying what the drag does: "Move to Fri 27 Nov 10:30-10:45",
    "Resize to ...", "Set at ..."."""
    day = landing.start.date()
    rect = scene.slot_rect(day, _minute(landing.start), landing.minutes)
    reason = None if landing.refusal is None else landing.refusal.reason
    return Ghost(rect, f"{GHOST_VERBS[kind]} {landing.hearing_text}", reason)
