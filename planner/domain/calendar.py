"""The court calendar: fiscal years, federal holidays, closures and which days are workdays."""

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple

from planner.domain.judge import Judge, Session
from planner.domain.time_off import Closure, Leave


def fiscal_year_of(day: date, judge: Judge) -> int:
    """The fiscal year ``day`` falls in, named by the calendar year in which it ends.

    With the federal start (1 October), 1 Oct 2026 to 30 Sep 2027 is FY 2027.
    """
    starts_new_year = (judge.fy_start_month, judge.fy_start_day) == (1, 1)
    if starts_new_year or (day.month, day.day) < (judge.fy_start_month, judge.fy_start_day):
        return day.year
    return day.year + 1


def fiscal_year_bounds(fiscal_year: int, judge: Judge) -> tuple[date, date]:
    """The first and last day of a fiscal year."""
    starts_new_year = (judge.fy_start_month, judge.fy_start_day) == (1, 1)
    start_year = fiscal_year if starts_new_year else fiscal_year - 1
    first = date(start_year, judge.fy_start_month, judge.fy_start_day)
    last = date(start_year + 1, judge.fy_start_month, judge.fy_start_day) - timedelta(days=1)
    return first, last


@lru_cache(maxsize=64)
def _holidays_of_year(year: int) -> dict[date, str]:
    # The statutory holidays of 5 U.S.C. 6103 as the `holidays` library lists them: a holiday's
    # actual date and, when it falls on a weekend, the observed weekday. The years 1990-2100 are
    # kept already computed (planner/domain/holiday_table.py, checked against the library by a
    # test), so no command pays for importing the library. Executive-order closures (24 December
    # 2018, say) are court closures the user records, as shared/domain.md says.
    from planner.domain import holiday_table

    if holiday_table.FIRST_YEAR <= year <= holiday_table.LAST_YEAR:
        return _table_by_year().get(year, {})
    import holidays  # only for a year outside the table

    return dict(holidays.country_holidays("US", years=year).items())


@lru_cache(maxsize=1)
def _table_by_year() -> dict[int, dict[date, str]]:
    from planner.domain.holiday_table import HOLIDAYS

    by_year: dict[int, dict[date, str]] = {}
    for year, month, day, name in HOLIDAYS:
        by_year.setdefault(year, {})[date(year, month, day)] = name
    return by_year


def federal_holidays(first: date, last: date) -> dict[date, str]:
    """Federal holidays from ``first`` to ``last``, observed dates included.

    A Saturday holiday is observed the Friday before and a Sunday one the Monday after, across a
    year boundary too: New Year's Day 2028 is observed on Friday 31 December 2027.
    """
    found: dict[date, str] = {}
    for year in range(first.year - 1, last.year + 2):
        found.update(
            (day, name) for day, name in _holidays_of_year(year).items() if first <= day <= last
        )
    return found


def days_between(first: date, last: date) -> Iterator[date]:
    """Every day from ``first`` to ``last``, both included."""
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


class Interval(NamedTuple):
    """A span of local wall-clock time, end exclusive."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60

    def overlap_minutes(self, other: "Interval") -> float:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return max(0.0, (end - start).total_seconds() / 60)


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of intervals as a sorted list of disjoint ones."""
    merged: list[Interval] = []
    for interval in sorted(intervals, key=lambda i: i.start):
        if merged and interval.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Interval(last.start, max(last.end, interval.end))
        else:
            merged.append(interval)
    return merged


class CourtCalendar:
    """Which days a judge sits, and the bench time in them, over a span of days."""

    def __init__(
        self,
        judge: Judge,
        closures: Iterable[Closure],
        leave: Iterable[Leave],
        first: date,
        last: date,
    ) -> None:
        self.judge = judge
        self.first, self.last = first, last
        self.holidays = federal_holidays(first, last)
        self.closures = {closure.day: closure.reason for closure in closures}
        self._leave_by_day: dict[date, list[Interval]] = {}
        for interval in merge_intervals(Interval(entry.start, entry.end) for entry in leave):
            for day in days_between(interval.start.date(), interval.end.date()):
                self._leave_by_day.setdefault(day, []).append(interval)
        self._sessions_by_weekday: list[tuple[Session, ...]] = [
            judge.sessions_on(weekday) for weekday in range(7)
        ]

    def day_off_reason(self, day: date) -> str | None:
        """Why the judge does not sit on ``day`` at all, or None when the court is open."""
        if day in self.holidays:
            return self.holidays[day]
        if day in self.closures:
            return self.closures[day]
        if not self._sessions_by_weekday[day.weekday()]:
            return "no sessions in the weekly template"
        return None

    def bench_sessions(self, day: date) -> list[tuple[Session, Interval]]:
        """The bench sessions of an open day, as intervals of local time."""
        if self.day_off_reason(day) is not None:
            return []
        return [
            (
                session,
                Interval(datetime.combine(day, session.start), datetime.combine(day, session.end)),
            )
            for session in self._sessions_by_weekday[day.weekday()]
            if session.kind.is_bench
        ]

    def leave_minutes_in(self, interval: Interval) -> float:
        """Minutes of ``interval`` (within one day) that the judge is on leave."""
        return sum(
            interval.overlap_minutes(entry)
            for entry in self._leave_by_day.get(interval.start.date(), ())
        )

    def leave_on(self, day: date) -> list[Interval]:
        """The judge's leave that touches ``day``, merged, as intervals of local time."""
        return list(self._leave_by_day.get(day, ()))

    def is_workday(self, day: date) -> bool:
        """A day with sessions in the template, not a holiday or closure, not wholly on leave."""
        if self.day_off_reason(day) is not None:
            return False
        midnight = datetime.combine(day, time())
        whole_day = Interval(midnight, midnight + timedelta(days=1))
        return self.leave_minutes_in(whole_day) < whole_day.minutes

    def workdays(self, first: date | None = None, last: date | None = None) -> int:
        return sum(
            1
            for day in days_between(first or self.first, last or self.last)
            if self.is_workday(day)
        )

    def bench_minutes(self, start: datetime, end: datetime) -> float:
        """Bench session minutes between two local times, less the minutes covered by leave; a
        master calendar's minutes count by its limit (Judge.counted_minutes), in proportion."""
        window = Interval(start, end)
        total = 0.0
        for day in days_between(start.date(), min(end.date(), self.last)):
            for session, interval in self.bench_sessions(day):
                if interval.end <= start or interval.start >= end:
                    continue
                clipped = Interval(max(interval.start, window.start), min(interval.end, window.end))
                minutes = clipped.minutes - self.leave_minutes_in(clipped)
                if session.case_limit is not None:
                    minutes *= self.judge.session_weight(session)
                total += minutes
        return total
