"""A simple rival to the max-completions policy, written independently of it (issue 14).

The shortest cases are chosen (by bench time: hearing minutes plus a buffer each), then placed
longest first, each hearing in the free gap where it fits best (the least room left over; ties
to the earliest day), a case's hearings in order on later and later days, all of them or none.
How many of the shortest to choose: the most for which every chosen case is placed, found by
bisection. It reads the same free time and the same needs as the engine (``FreeTime``,
``unscheduled_needs``), so the two place the same hearings under the same rules, and it scans
the gaps by brute force: slow, but plain. ``rival_completions`` is the count it reaches.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case
from planner.domain.judge import Judge
from planner.scheduling.autoschedule import Options
from planner.scheduling.booking import Booked
from planner.scheduling.freetime import FreeTime
from planner.scheduling.plans import CaseNeeds, unscheduled_needs


def _candidates(free: FreeTime, sessions: frozenset, language: str) -> list[int]:
    return [
        n
        for n, slot in enumerate(free.slots)
        if slot.session.kind in sessions and slot.language in (None, language)
    ]


def _place(
    free: FreeTime, chosen: Sequence[CaseNeeds], buffer: int, lists: dict
) -> tuple[int, list[tuple[str, int, int, int]]]:
    """Place the chosen cases longest first (best fit) on a copy of the free gaps; the number
    of cases placed whole, and their hearings as (A-number, slot, start minute, minutes)."""
    gaps = [[list(g) for g in slot.gaps] for slot in free.slots]
    days = [slot.day for slot in free.slots]
    placed = 0
    booked: list[tuple[str, int, int, int]] = []
    order = sorted(chosen, key=lambda n: (-max(h.minutes for h in n.needs), -n.minutes))
    for need in order:
        language = need.case.language.casefold()
        earliest: date = need.earliest
        spots = []
        for hearing in need.needs:
            key = (hearing.sessions, language)
            if key not in lists:
                lists[key] = _candidates(free, hearing.sessions, language)
            best = None  # (room, day, slot, gap)
            for n in lists[key]:
                if days[n] < earliest:
                    continue
                for g, (a, c) in enumerate(gaps[n]):
                    if c - a >= hearing.minutes and (best is None or c - a < best[0]):
                        best = (c - a, days[n], n, g)
            if best is None:
                break
            spots.append((hearing, best[2], best[3]))
            earliest = date.fromordinal(best[1].toordinal() + 1)
        if len(spots) < len(need.needs):
            continue
        for hearing, n, g in spots:  # distinct days: the spots cannot share a gap
            a, c = gaps[n][g]
            booked.append((need.case.a_number, n, a, hearing.minutes))
            rest = a + hearing.minutes + buffer
            if rest < c:
                gaps[n][g] = [rest, c]
            else:
                del gaps[n][g]
        placed += 1
    return placed, booked


def rival_completions(
    judge: Judge,
    calendar: CourtCalendar,
    cases: Iterable[Case],
    hearings: Sequence[Booked],
    first: date,
    options: Options = Options(),  # noqa: B008 (frozen)
) -> int:
    """The completions of the rival: the most of the shortest cases it places whole."""
    buffer = options.buffer_minutes
    free = FreeTime(calendar, hearings, first, calendar.last, buffer)
    needs = unscheduled_needs(
        judge,
        cases,
        hearings,
        first,
        notice_days=options.notice_days,
        longest_session=free.longest(),
    )
    shortest = sorted(
        needs, key=lambda n: (n.minutes + buffer * len(n.needs), n.case.received, n.case.a_number)
    )
    lists: dict = {}
    low, high = 0, len(shortest)  # placing the ``low`` shortest places them all
    best = 0  # the most placed whole in any try
    while low < high:
        middle = (low + high + 1) // 2
        placed, _ = _place(free, shortest[:middle], buffer, lists)
        best = max(best, placed)
        if placed == middle:
            low = middle
        else:
            high = middle - 1
    return max(best, low)
