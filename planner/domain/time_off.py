"""Days and hours off the bench: the court's closures (besides the federal holidays) and the
judge's leave, and why closures may mean nothing on a judge's template."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from planner.domain.bounds import check_day
from planner.domain.errors import InvalidValue
from planner.domain.judge import Session
from planner.domain.text import check_text
from planner.domain.vocabulary import LeaveKind, coerce


class _ClosureFields(NamedTuple):
    day: date
    reason: str


class Closure(_ClosureFields):
    """A whole day the court is closed besides the federal holidays (for example an executive
    order). Checked when made (planner.domain.records)."""

    __slots__ = ()

    def __new__(cls, day: date, reason: str) -> "Closure":
        check_day(day, "the court closure on")
        check_text(reason, f"the reason of the court closure on {day}")
        return super().__new__(cls, day, reason)


def _day(day: date) -> str:
    """A day as the window shows it: Mon 21 Dec 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def _moment(moment: datetime) -> str:
    return f"{_day(moment.date())} {moment:%H:%M}"


def closure_problems(sessions: Iterable[Session], closures: Iterable[Closure]) -> list[str]:
    """Why closures mean nothing, one sentence each: a day listed twice, or a Saturday or Sunday
    on which the judge has no sessions, when the court would not sit anyway.

    A weekday closure is kept even where this judge's template has no sessions that day: courts
    close as a whole (an executive order closes every courtroom) and a template may change.
    """
    sitting = {session.weekday for session in sessions}
    found: list[str] = []
    seen: set[date] = set()
    for closure in closures:
        day = closure.day
        shown = _day(day)
        if day in seen:
            found.append(f"the closure on {shown} is listed twice")
        elif day.weekday() >= 5 and day.weekday() not in sitting:
            found.append(
                f"the closure on {shown} falls on a {day:%A}, when the judge has no sessions: "
                "a closure is for a day the court would sit"
            )
        seen.add(day)
    return found


class _LeaveFields(NamedTuple):
    start: datetime
    end: datetime
    kind: LeaveKind
    all_day: bool


class Leave(_LeaveFields):
    """Time the judge is away, from ``start`` to ``end`` (local wall-clock, end exclusive).
    Checked when made (planner.domain.records).

    Whole-day leave (``all_day``) runs from midnight of its first day to midnight after its last.
    """

    __slots__ = ()

    def __new__(
        cls, start: datetime, end: datetime, kind: LeaveKind | str, all_day: bool = False
    ) -> "Leave":
        kind = coerce(LeaveKind, kind, "leave kind")
        check_day(start, "leave starting")
        check_day(end, "leave ending")
        if end <= start:
            raise InvalidValue(
                f"leave from {_moment(start)} to {_moment(end)} ends before it starts"
            )
        return super().__new__(cls, start, end, kind, all_day)

    @classmethod
    def days(cls, first: date, last: date, kind: LeaveKind = LeaveKind.ANNUAL) -> "Leave":
        """Whole days ``first`` to ``last``, both included."""
        if last < first:
            raise InvalidValue(
                f"leave from {_day(first)} to {_day(last)} ends before it starts: the last day "
                "comes on or after the first"
            )
        check_day(first, "leave starting")
        check_day(last, "leave ending")
        start = datetime.combine(first, time())
        return cls(start, datetime.combine(last + timedelta(days=1), time()), kind, all_day=True)

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last day touched by the leave."""
        return (self.end - timedelta(microseconds=1)).date()
