"""One pass over the fiscal year's days: bench time left and workday counts, for the forecast.

The figures are exactly ``CourtCalendar.bench_minutes`` and ``CourtCalendar.workdays``; only
the days that leave touches, and the as-of day, take the calendar's per-session path. The
others add the weekday's bench minutes from a table, which makes a forecast of hundreds of
judges several times cheaper.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from planner.domain.calendar import CourtCalendar, Interval
from planner.domain.judge import Session
from planner.domain.time_off import Leave
from planner.domain.vocabulary import SessionKind


class YearScan(NamedTuple):
    capacity: float  # bench minutes from as-of to the window's end, less leave
    workdays_in_year: int
    workdays_before: int  # workdays from the year's first day to the day before as-of
    workdays_left: int  # workdays from as-of's day to the year's last day
    #: ``capacity`` by the template's sessions (by their index in ``judge.sessions``)
    by_session: tuple[float, ...] = ()

    def by_kind(self, sessions: tuple[Session, ...]) -> dict[SessionKind, float]:
        """``capacity`` by session kind, for ``sessions`` (the template, or one changed in kind)."""
        found: dict[SessionKind, float] = {}
        for session, minutes in zip(sessions, self.by_session, strict=False):
            if session.kind.is_bench:
                found[session.kind] = found.get(session.kind, 0.0) + minutes
        return found


def scan_year(
    calendar: CourtCalendar, leave: Iterable[Leave], as_of: datetime, window_end: datetime
) -> YearScan:
    touched: set[date] = set()
    for entry in leave:
        day, last = entry.start.date(), entry.end.date()
        while day <= last:
            touched.add(day)
            day += timedelta(days=1)
    template = calendar.judge.sessions
    index = {session: i for i, session in enumerate(template)}
    per_session = [0.0] * len(template)
    sessions = [calendar.judge.sessions_on(weekday) for weekday in range(7)]
    judge = calendar.judge
    # A master calendar counts by its limit and the minutes per case (Judge.counted_minutes).
    weight = [judge.session_weight(s) if s.kind.is_bench else 0.0 for s in template]
    bench = [sum(judge.counted_minutes(s) for s in day if s.kind.is_bench) for day in sessions]
    whole_days = [0] * 7  # days of each weekday inside the window that add the whole template
    closed = set(calendar.holidays) | set(calendar.closures)
    today = as_of.date()
    capacity = 0.0
    in_year = before = left = 0
    day, one = calendar.first, timedelta(days=1)
    while day <= calendar.last:
        weekday = day.weekday()
        if day not in closed and sessions[weekday]:
            if day in touched:
                workday = calendar.is_workday(day)
                if day > today:
                    # What bench_minutes adds for a whole day inside the window.
                    for session, interval in calendar.bench_sessions(day):
                        minutes = interval.minutes - calendar.leave_minutes_in(interval)
                        minutes *= weight[index[session]]
                        capacity += minutes
                        per_session[index[session]] += minutes
            else:
                workday = True
                if day > today:
                    capacity += bench[weekday]
                    whole_days[weekday] += 1
            if workday:
                in_year += 1
                if day < today:
                    before += 1
                else:
                    left += 1
        day += one
    for i, session in enumerate(template):
        if session.kind.is_bench:
            per_session[i] += judge.counted_minutes(session) * whole_days[session.weekday]
    if calendar.first <= today <= calendar.last:
        # The as-of day itself: only its sessions' part after as-of counts.
        end = min(window_end, datetime.combine(today + one, datetime.min.time()))
        capacity += calendar.bench_minutes(as_of, end)
        for session, interval in calendar.bench_sessions(today):
            if interval.end <= as_of or interval.start >= end:
                continue
            clipped = Interval(max(interval.start, as_of), min(interval.end, end))
            minutes = clipped.minutes - calendar.leave_minutes_in(clipped)
            per_session[index[session]] += minutes * weight[index[session]]
    return YearScan(capacity, in_year, before, left, tuple(per_session))
