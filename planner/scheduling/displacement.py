"""Hearings that new leave or a new closure would leave stranded, and where each could go.

Pure and Qt-free. A hearing is displaced when, under the new calendar, it falls on a closure, a
holiday or the judge's leave, and did not under the old one. The proposal changes as little as it
can: only the displaced hearings move, each to the free place of its kind nearest its old day (the
rules of ``free_places``, so the calendar would accept every one), never before its notice period
ends: a moved hearing needs a new hearing notice, served at the earliest today.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge
from planner.domain.plural import plural
from planner.domain.vocabulary import NOTICE_PERIOD_DAYS, HearingStatus
from planner.scheduling.booking import Booked, describe, long_day
from planner.scheduling.free_places import FreePlace, Order, free_places
from planner.scheduling.placement import RefusalKind, conflicts

#: The conflicts a day off makes.
_DAY_OFF = frozenset({RefusalKind.HOLIDAY, RefusalKind.CLOSURE, RefusalKind.LEAVE})

#: How many sessions the nearest-place search looks at on each side of the old day.
_LOOK = 40


@dataclass(frozen=True, slots=True)
class Move:
    """A displaced hearing, why, and the place proposed for it (None: no free place found)."""

    hearing: Hearing
    case_id: int
    why: str  # "the judge is on leave all day on Mon 7 Dec 2026"
    place: FreePlace | None

    def moved(self) -> Hearing | None:
        """The hearing at its new place, or None."""
        if self.place is None:
            return None
        return replace(self.hearing, start=self.place.start, minutes=self.place.minutes)

    def describe(self) -> str:
        what = describe(self.hearing)
        day = long_day(self.hearing.start.date())
        if self.place is None:
            return f"{what[:1].upper()}{what[1:]} on {day}: no free place of its kind found"
        return f"{what[:1].upper()}{what[1:]} on {day} → {self.place.when()}"


@dataclass(frozen=True, slots=True)
class Displacement:
    """The hearings stranded by a calendar change and the moves proposed for them."""

    moves: tuple[Move, ...]
    notice_days: int
    notice_source: str  # which notice period was used, said to the user
    not_before: date  # no moved hearing is set before this day

    @property
    def count(self) -> int:
        return len(self.moves)

    @property
    def placed(self) -> tuple[Move, ...]:
        return tuple(move for move in self.moves if move.place is not None)


def displaced(
    judge: Judge,
    before: CourtCalendar,
    after: CourtCalendar,
    hearings: Sequence[Booked],
    today: date,
) -> list[tuple[Booked, str]]:
    """The scheduled hearings from ``today`` on that ``after`` puts on a day off (closure,
    holiday, leave) and ``before`` did not, with the reason; in order of start."""
    ahead = [h for h in hearings if h.status is HearingStatus.SCHEDULED and h.start.date() >= today]
    was = {c.hearing_ids[0] for c in conflicts(judge, before, ahead, ()) if c.kind in _DAY_OFF}
    found: dict[int, tuple[Booked, str]] = {}
    by_id = {h.id: h for h in ahead}
    for conflict in conflicts(judge, after, ahead, ()):
        hearing_id = conflict.hearing_ids[0]
        if conflict.kind in _DAY_OFF and hearing_id not in was and hearing_id not in found:
            hearing = by_id[hearing_id]
            why = conflict.reason.split(". ", 1)[-1]
            found[hearing_id] = (hearing, why[:1].lower() + why[1:])
    return sorted(found.values(), key=lambda pair: (pair[0].start, pair[0].id or 0))


def propose_moves(
    judge: Judge,
    after: CourtCalendar,
    stranded: Sequence[tuple[Hearing, int, str]],
    cases: Mapping[int, Case],
    own_hearings: Mapping[int, Sequence[Hearing]],
    booked: Sequence[Hearing],
    today: date,
    *,
    notice_days: int | None = None,
) -> Displacement:
    """Each stranded (hearing, case id, why) to the free place of its kind nearest its old day,
    not before ``today`` + the notice period; earlier hearings choose first, and a place taken
    is taken for the rest. ``notice_days`` None: the 10-day default (said in ``notice_source``).

    ``after`` must cover ``today`` + the notice period to a year past the last stranded hearing.
    """
    if notice_days is None:
        days, source = NOTICE_PERIOD_DAYS, f"the default {NOTICE_PERIOD_DAYS} days' notice"
    else:
        days = notice_days
        whose = plural(notice_days, "day's", "days'")
        source = f"the profile's {notice_days} {whose} notice"
    not_before = today + timedelta(days=max(days, 1))
    taken: list[Hearing] = []
    moves: list[Move] = []
    for hearing, case_id, why in stranded:
        case = cases[case_id]
        others = [*booked, *taken]
        place = _nearest(
            judge, after, case, hearing, others, own_hearings.get(case_id, ()), not_before
        )
        move = Move(hearing, case_id, why, place)
        moved = move.moved()
        if moved is not None:
            taken.append(replace(moved, id=None))
        moves.append(move)
    return Displacement(tuple(moves), days, source, not_before)


def _nearest(
    judge: Judge,
    after: CourtCalendar,
    case: Case,
    hearing: Hearing,
    booked: Sequence[Hearing],
    own: Sequence[Hearing],
    not_before: date,
) -> FreePlace | None:
    if not_before > after.last:
        return None
    day = hearing.start.date()
    candidates = free_places(
        judge,
        after,
        case,
        hearing.kind,
        hearing.minutes,
        booked,
        own,
        not_before,
        moving=hearing.id,
        order=Order.EARLIEST,
        count=_LOOK + 2 * max(0, (day - not_before).days),
    )
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda p: (abs((p.start.date() - day).days), p.start < hearing.start, p.start),
    )
