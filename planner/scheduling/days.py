"""Each day's state and minutes at a glance, for the month view and the fiscal-year overview."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from planner.domain.calendar import CourtCalendar, Interval, days_between, merge_intervals
from planner.domain.judge import Judge
from planner.scheduling.booking import OCCUPYING, Booked


class DayState(StrEnum):
    WORKDAY = "workday"
    HOLIDAY = "holiday"
    CLOSURE = "closure"
    LEAVE = "leave"  # leave covers every bench session of the day
    NO_SESSIONS = "no_sessions"  # no bench sessions in the weekly template that weekday


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day: its state, and its bench, booked and free minutes (docs/scheduling.md)."""

    day: date
    state: DayState
    label: str  # the holiday's name, the closure's reason, "on leave", "no sessions" or ""
    bench_minutes: int  # bench sessions less the leave in them
    booked_minutes: int  # hearings that take up time (scheduled, held, completed) on the day
    free_minutes: int  # bench minutes covered by neither a hearing nor leave
    hearings: int  # how many such hearings
    leave_minutes: int  # bench minutes lost to leave

    @property
    def fullness(self) -> float | None:
        """Booked over bench minutes (above 1 when overbooked); None for a day without bench time."""
        return self.booked_minutes / self.bench_minutes if self.bench_minutes else None


def day_summaries(
    judge: Judge, calendar: CourtCalendar, hearings: Iterable[Booked], first: date, last: date
) -> list[DaySummary]:
    """A summary of every day from ``first`` to ``last`` (both included, within the calendar)."""
    if first < calendar.first or last > calendar.last:
        raise ValueError(
            f"the calendar covers {calendar.first} to {calendar.last}, not {first} to {last}"
        )
    by_day: dict[date, list[Booked]] = {}
    for hearing in hearings:
        if hearing.status in OCCUPYING:
            by_day.setdefault(hearing.start.date(), []).append(hearing)
    return [_summary(calendar, day, by_day.get(day, ())) for day in days_between(first, last)]


def _summary(calendar: CourtCalendar, day: date, hearings: Iterable[Booked]) -> DaySummary:
    hearings = list(hearings)
    booked = sum(h.minutes for h in hearings)
    count = len(hearings)
    if day in calendar.holidays:
        return DaySummary(day, DayState.HOLIDAY, calendar.holidays[day], 0, booked, 0, count, 0)
    if day in calendar.closures:
        return DaySummary(day, DayState.CLOSURE, calendar.closures[day], 0, booked, 0, count, 0)
    pairs = calendar.bench_sessions(day)
    if not pairs:
        return DaySummary(day, DayState.NO_SESSIONS, "no sessions", 0, booked, 0, count, 0)
    leave = calendar.leave_on(day)
    # A master calendar counts its places (limit x minutes per case), as capacity does; its
    # free time is its places left. The other sessions count their minutes.
    sessions = [interval for session, interval in pairs if session.case_limit is None]
    called = [(session, interval) for session, interval in pairs if session.case_limit is not None]
    plain = (
        [h for h in hearings if not any(i.start <= h.start < i.end for _s, i in called)]
        if called
        else hearings
    )
    session_minutes = sum(s.minutes for s in sessions)
    leave_minutes = _covered(sessions, leave)
    bench_f = session_minutes - leave_minutes
    free_f = session_minutes - _covered(sessions, _busy(day, leave, plain))
    for session, interval in called:
        on_leave = _covered([interval], leave)
        leave_minutes += on_leave
        places = (interval.minutes - on_leave) * calendar.judge.session_weight(session)
        per_case = calendar.judge.counted_minutes(session) / (session.case_limit or 1)
        set_in = sum(1 for h in hearings if interval.start <= h.start < interval.end)
        bench_f += places
        free_f += max(0.0, places - set_in * per_case)
    bench, free = round(bench_f), round(free_f)
    if bench <= 0:
        return DaySummary(
            day, DayState.LEAVE, "on leave", 0, booked, 0, count, round(leave_minutes)
        )
    return DaySummary(day, DayState.WORKDAY, "", bench, booked, free, count, round(leave_minutes))


def _busy(day: date, leave: list[Interval], hearings: list[Booked]) -> list[Interval]:
    """Leave and hearings merged into disjoint intervals; the hearings merged in whole minutes of
    the day first (the month view's hot loop: no datetime arithmetic per hearing)."""
    spans = sorted(
        (h.start.hour * 60 + h.start.minute, h.start.hour * 60 + h.start.minute + h.minutes)
        for h in hearings
    )
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    midnight = datetime.combine(day, time())
    return merge_intervals(
        [
            *leave,
            *(
                Interval(midnight + timedelta(minutes=start), midnight + timedelta(minutes=end))
                for start, end in merged
            ),
        ]
    )


def _covered(sessions: list[Interval], intervals: list[Interval]) -> float:
    """Minutes of the (disjoint) sessions covered by the (disjoint, merged) intervals."""
    if not intervals:
        return 0.0
    total = 0.0
    for session in sessions:
        for interval in intervals:
            if interval.start < session.end and session.start < interval.end:
                total += session.overlap_minutes(interval)
    return total
