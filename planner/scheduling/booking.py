"""The shapes the scheduling rules read: anything that looks like a hearing or a case's flags."""

from datetime import date, datetime, timedelta
from typing import Protocol

from planner.domain.anumber import format_a_number
from planner.domain.vocabulary import HearingKind, HearingStatus

#: Hearings that take up their time on the bench. An adjourned hearing is off the calendar: its
#: slot is free for another (docs/scheduling.md).
OCCUPYING = frozenset({HearingStatus.SCHEDULED, HearingStatus.HELD, HearingStatus.COMPLETED})


class Booked(Protocol):
    """A hearing as the rules see it: ``planner.domain.docket.Hearing`` or a calendar entry."""

    @property
    def id(self) -> int | None: ...
    @property
    def a_number(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def minutes(self) -> int: ...
    @property
    def kind(self) -> HearingKind: ...
    @property
    def status(self) -> HearingStatus: ...


class CaseFlags(Protocol):
    """What the session-kind rule reads of a case: a Case, or a calendar entry."""

    @property
    def a_number(self) -> str: ...
    @property
    def detained(self) -> bool: ...
    @property
    def juvenile(self) -> bool: ...


def end_of(hearing: Booked) -> datetime:
    return hearing.start + timedelta(minutes=hearing.minutes)


def clock(start: datetime, end: datetime) -> str:
    """ "09:00-09:15"."""
    return f"{start:%H:%M}-{end:%H:%M}"


def long_day(day: date) -> str:
    """ "Mon 14 Oct 2024"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def describe(hearing: Booked) -> str:
    """ "the master hearing of A 123-456-789 at 09:00-09:15"."""
    return (
        f"the {hearing.kind.value.replace('_', ' ')} hearing of {format_a_number(hearing.a_number)} "
        f"at {clock(hearing.start, end_of(hearing))}"
    )
