"""The ranges every number and date the model takes must fall in, checked where the value enters
the model, so each way in (the window, a docket file, a CSV, the command line) refuses the same
values with the same message.

No docket needs more: the bounds are far beyond any real case, and stop a mistyped or hostile
value (a case needing 999,999,999 minutes, a leave ending in the year 9999) before the scheduler
splits it into millions of parts or the calendar's date arithmetic overflows.
"""

from datetime import date, datetime

from planner.domain.errors import InvalidValue

#: A case's remaining bench time, or a kind's usual minutes: four weeks of full days (20 days
#: of 8 hours is 9,600 minutes); no case needs more.
MAX_CASE_MINUTES = 10_000
#: One hearing fits in one day.
MAX_HEARING_MINUTES = 24 * 60
#: Completions a year: a busy judge completes about a thousand.
MAX_QUOTA = 100_000
#: The adjournment rate the forecast assumes, at most (as a share of the hearings that sit): at
#: 90% a hearing sits ten times on average before it goes ahead; at 100% it never would, and the
#: expected number of hearings, 1 / (1 - rate), would be infinite.
MAX_ADJOURNMENT_RATE = 0.9
#: Recorded outcomes a judge may ask for before the observed adjournment rate replaces the
#: profile's setting: a few years of a busy judge's hearings.
MAX_ADJOURNMENT_HISTORY = 100_000
#: The dates a docket may hold: from long before any case now pending to long after any hearing
#: that can be set, with room for the date arithmetic (a leave's next midnight, the asylum
#: clock's 180 days, a fiscal year's end) that 9999-12-31 would overflow.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2199, 12, 31)


def check_count(value: object, what: str, low: int, high: int) -> None:
    """Refuse ``value`` unless it is a whole number from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidValue(
            f"{what} {_shown(value)} must be a whole number from {low:,} to {high:,}"
        )


def check_number(value: object, what: str, low: float, high: float, unit: str = "") -> None:
    """Refuse ``value`` unless it is a number (whole or not) from ``low`` to ``high`` (said with
    ``unit`` after each figure, such as "%")."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not low <= value <= high  # a NaN fails this too
    ):
        raise InvalidValue(
            f"{what} {_shown(value)}{unit} must be a number from {low:g}{unit} to {high:g}{unit}"
        )


def check_day(value: date | None, what: str) -> None:
    """Refuse a date (or a moment's date) outside EARLIEST_DAY to LATEST_DAY."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise InvalidValue(
            f"{what} {day.isoformat()} is out of range: dates must fall from "
            f"{EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}"
        )


def _shown(value: object) -> str:
    """The value as the message quotes it: a number too long to read is cut short."""
    if isinstance(value, int) and value.bit_length() > 80:  # repr() refuses over 4,300 digits
        return f"of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:12]}...({len(text):,} characters)"
