"""What-if questions: the same forecast with another quota, more leave, one more session or one
of the weekly sessions turned into another kind."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.domain.calendar import CourtCalendar, days_between, fiscal_year_bounds, fiscal_year_of
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session, overlap
from planner.domain.records import replace
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import LeaveKind, SessionKind, coerce


@dataclass(frozen=True, slots=True)
class SessionChange:
    """One of the judge's weekly sessions turned into another kind: "turn the Wed 08:30-12:00
    master session into an individual one". The kind must differ from the session's."""

    session: Session
    kind: SessionKind

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", coerce(SessionKind, self.kind, "session kind"))
        if self.kind is self.session.kind:
            raise InvalidValue(
                f"the {self.session.label} session is {self.kind} already: choose another kind"
            )


@dataclass(frozen=True, slots=True)
class WhatIf:
    """A change to try without saving it. The defaults change nothing."""

    quota: int | None = None
    extra_leave_days: int = 0  # whole days of leave on the next workdays after as-of
    extra_session: Session | None = None  # one more weekly bench session
    session_change: SessionChange | None = None  # a weekly session turned into another kind

    def __post_init__(self) -> None:
        if self.extra_leave_days < 0:
            raise InvalidValue(
                f"extra leave of {self.extra_leave_days!r} days: give 0 or more whole days"
            )

    @property
    def is_empty(self) -> bool:
        return (
            self.quota is None
            and not self.extra_leave_days
            and self.extra_session is None
            and self.session_change is None
        )


def extra_session(weekday: int, afternoon: bool) -> Session:
    """One more weekly individual-calendar session: a morning 08:30-12:00 or afternoon 13:00-16:30."""
    start, end = (time(13), time(16, 30)) if afternoon else (time(8, 30), time(12))
    return Session(weekday, start, end, SessionKind.INDIVIDUAL)


def apply_what_if(
    what_if: WhatIf,
    judge: Judge,
    closures: list[Closure],
    leave: list[Leave],
    as_of: datetime,
) -> tuple[Judge, list[Leave]]:
    """The judge and leave to forecast with: the quota and template changed, and extra leave
    taken on the first workdays after as-of's day (as a judge would book it). A session change
    names one of the judge's sessions or is refused (InvalidValue); the template so changed is
    checked as any judge's is. An extra session that overlaps one of the judge's is refused
    (InvalidValue), never counted twice."""
    if what_if.quota is not None:
        judge = replace(judge, quota=what_if.quota)
    if what_if.session_change is not None:
        judge = replace(judge, sessions=turned(judge.sessions, what_if.session_change))
    if what_if.extra_session is not None:
        clash = overlap(what_if.extra_session, judge.sessions)
        if clash:  # the judge already sits then: the same hours would count twice
            raise InvalidValue(
                f"the extra session cannot be tried: {clash}; choose a time the judge is free"
            )
        judge = replace(judge, sessions=(*judge.sessions, what_if.extra_session))
    if what_if.extra_leave_days:
        leave = leave + _next_workdays_off(
            judge, closures, leave, as_of.date(), what_if.extra_leave_days
        )
    return judge, leave


def turned(sessions: tuple[Session, ...], change: SessionChange) -> tuple[Session, ...]:
    """The weekly template with the change's session turned into its kind, in the same place."""
    if change.session not in sessions:
        raise InvalidValue(
            f"the {change.session.label} session is not one of the judge's weekly sessions: "
            "choose one of them"
        )
    return tuple(replace(s, kind=change.kind) if s == change.session else s for s in sessions)


def _next_workdays_off(
    judge: Judge, closures: list[Closure], leave: list[Leave], after: date, count: int
) -> list[Leave]:
    _, fy_last = fiscal_year_bounds(fiscal_year_of(after, judge), judge)
    calendar = CourtCalendar(judge, closures, leave, after, fy_last)
    days: list[Leave] = []
    for day in days_between(after + timedelta(days=1), fy_last):
        if len(days) == count:
            break
        if calendar.is_workday(day):
            days.append(Leave.days(day, day, LeaveKind.ANNUAL))
    return days
