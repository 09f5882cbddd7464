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


# Written out rather than through strftime: with PySide6 imported, every strftime goes through its
# import hook (it imports ``time``), about 10 us a call against 0.7 us written out, and the
# conflicts of a busy month write thousands of these (docs/performance.md).
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def clock(start: datetime, end: datetime) -> str:
    """ "09:00-09:15"."""
    return f"{start.hour:02d}:{start.minute:02d}-{end.hour:02d}:{end.minute:02d}"


def long_day(day: date) -> str:
    """ "Mon 14 Oct 2024"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def describe(hearing: Booked) -> str:
    """ "the master hearing of A 123-456-789 at 09:00-09:15"."""
    return (
        f"the {hearing.kind.value.replace('_', ' ')} hearing of {format_a_number(hearing.a_number)} "
        f"at {clock(hearing.start, end_of(hearing))}"
    )
