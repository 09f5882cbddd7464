"""A re-plan after a change (leave, a closure, a smaller master calendar): the hearings now in
conflict moved to the nearest free places of their kind, moving as few noticed hearings as it
can. A hearing whose notice was served for its time is pinned: it is moved only when asked
(``move_noticed``), and the re-plan says how many noticed hearings it moves or leaves."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.seating import fitting_session_kinds
from planner.domain.vocabulary import NOTICE_PERIOD_DAYS, HearingStatus
from planner.scheduling.booking import end_of
from planner.scheduling.freetime import FreeTime, at_minute
from planner.scheduling.placement import RefusalKind, conflicts

#: Conflicts among several hearings: only some of them need to move to clear them.
_SHARED = frozenset({RefusalKind.OVERLAP, RefusalKind.OVER_LIMIT})


@dataclass(frozen=True, slots=True)
class Move:
    """A hearing to move, and where to."""

    hearing_id: int
    a_number: str
    start: datetime  # where it is now
    to: datetime
    minutes: int
    noticed: bool  # its notice was served for where it is now: a new notice is needed

    def as_json(self) -> dict[str, object]:
        return {
            "hearing_id": self.hearing_id,
            "a_number": format_a_number(self.a_number),
            "from": self.start.strftime("%Y-%m-%dT%H:%M"),
            "to": self.to.strftime("%Y-%m-%dT%H:%M"),
            "minutes": self.minutes,
            "noticed": self.noticed,
        }

    def describe(self) -> str:
        """ "A123-456-789  Thu 21 Nov 09:15 → Fri 22 Nov 09:00, 15 min (noticed)"."""
        noticed = " (noticed: serve a new notice)" if self.noticed else ""
        return (
            f"{format_a_number(self.a_number)}  {self.start:%a %d %b %H:%M} → "
            f"{self.to:%a %d %b %Y %H:%M}, {self.minutes} min{noticed}"
        )


@dataclass(frozen=True, slots=True)
class Replan:
    moves: tuple[Move, ...]
    #: Noticed hearings in conflict left where they are (not asked to move noticed ones).
    pinned: tuple[int, ...]
    #: Hearings to move for which no free place of their kind was found.
    unplaced: tuple[int, ...]

    @property
    def noticed_moved(self) -> int:
        return sum(1 for move in self.moves if move.noticed)

    def as_json(self) -> dict[str, object]:
        return {
            "moves": [move.as_json() for move in self.moves],
            "moved": len(self.moves),
            "noticed_moved": self.noticed_moved,
            "pinned": list(self.pinned),
            "unplaced": list(self.unplaced),
            "summary": self.summary(),
        }

    def summary(self) -> str:
        """ "Moves 3 hearings, 1 of them noticed (a new notice is needed); 2 noticed hearings
        are pinned and left in conflict"."""
        parts = [f"Moves {counted(len(self.moves), 'hearing')}"]
        if self.moves:
            parts[0] += f", {self.noticed_moved} of them noticed" + (
                " (new notices are needed)" if self.noticed_moved else ""
            )
        if self.pinned:
            are = "is" if len(self.pinned) == 1 else "are"
            parts.append(
                f"{counted(len(self.pinned), 'noticed hearing')} {are} pinned and left in "
                "conflict (ask to move noticed hearings to move them)"
            )
        if self.unplaced:
            parts.append(f"no free place found for {counted(len(self.unplaced), 'hearing')}")
        return "; ".join(parts)


def replan(
    judge: Judge,
    calendar: CourtCalendar,
    cases: Iterable[Case],
    hearings: Sequence[Hearing],
    first: date,
    noticed: frozenset[int],
    *,
    move_noticed: bool = False,
    notice_days: int = NOTICE_PERIOD_DAYS,
    buffer: int = 0,
) -> Replan:
    """Move the scheduled hearings from ``first`` on that are in conflict on ``calendar``.

    A conflict of several hearings (an overlap, a master calendar over its limit) keeps as many
    as can stay, the noticed ones first, and moves the rest; a hearing alone in conflict (on
    leave, a holiday or closure, outside its session) moves. A noticed hearing (its id in
    ``noticed``) is moved only with ``move_noticed``; else it is pinned, and reported. Each
    moved hearing goes to the earliest free place of its kind and language from its own day,
    and no sooner than ``notice_days`` after ``first`` (its parties must be noticed again).
    """
    by_a_number = {case.a_number: case for case in cases}
    window = [
        h
        for h in hearings
        if h.id is not None
        and h.status is HearingStatus.SCHEDULED
        and first <= h.start.date() <= calendar.last
    ]
    by_id = {h.id: h for h in window}
    found = conflicts(judge, calendar, window, by_a_number.values())
    movers: dict[int, Hearing] = {}
    for conflict in found:
        members = [by_id[i] for i in conflict.hearing_ids if i in by_id]
        if conflict.kind in _SHARED:
            for hearing in _to_move(judge, calendar, conflict.kind, members, noticed, movers):
                movers[hearing.id or 0] = hearing
        else:
            for hearing in members:
                movers[hearing.id or 0] = hearing
    pinned = tuple(sorted(i for i in movers if i in noticed and not move_noticed))
    moving = sorted(
        (h for i, h in movers.items() if i not in pinned), key=lambda h: (h.start, h.id or 0)
    )
    staying = [h for h in hearings if h.id not in movers or h.id in pinned]
    free = FreeTime(calendar, staying, first, calendar.last, buffer)
    soonest = first + timedelta(days=notice_days)
    moves: list[Move] = []
    unplaced: list[int] = []
    for hearing in moving:
        case = by_a_number.get(hearing.a_number)
        if case is None:
            unplaced.append(hearing.id or 0)
            continue
        kinds = fitting_session_kinds(hearing.kind, case.detained, case.juvenile, judge.sessions)
        earliest = max(hearing.start.date(), soonest)
        spot = free.find(kinds, case.language.casefold(), hearing.minutes, earliest)
        if spot is None:
            unplaced.append(hearing.id or 0)
            continue
        slot, gap = spot
        start = free.take(slot, gap, hearing.minutes)
        moves.append(
            Move(
                hearing.id or 0,
                hearing.a_number,
                hearing.start,
                at_minute(slot.day, start),
                hearing.minutes,
                (hearing.id or 0) in noticed,
            )
        )
    return Replan(tuple(moves), pinned, tuple(unplaced))


def _to_move(
    judge: Judge,
    calendar: CourtCalendar,
    kind: RefusalKind,
    members: list[Hearing],
    noticed: frozenset[int],
    moving: dict[int, Hearing],
) -> list[Hearing]:
    """Which hearings of a shared conflict move: the noticed ones stay first, then the earlier
    ones; a hearing already moving for another reason is out of the way."""
    left = [h for h in members if (h.id or 0) not in moving]
    left.sort(key=lambda h: ((h.id or 0) not in noticed, h.start, h.id or 0))
    if kind is RefusalKind.OVER_LIMIT:
        day = left[0].start.date() if left else None
        limit = next(
            (
                s.case_limit or 0
                for s, interval in (calendar.bench_sessions(day) if day else [])
                if s.case_limit is not None and interval.start <= left[0].start < interval.end
            ),
            len(left),
        )
        return left[limit:]
    kept: list[Hearing] = []
    move: list[Hearing] = []
    for hearing in left:
        if any(hearing.start < end_of(k) and k.start < end_of(hearing) for k in kept):
            move.append(hearing)
        else:
            kept.append(hearing)
    return move
