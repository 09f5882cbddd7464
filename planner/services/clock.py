"""Now, in a judge's own time zone, as the naive local wall-clock time the model uses.

``instant`` is where the Planner reads the real clock; everything else takes a moment from its
caller, so a test (or a command's ``--as-of``) can pin it.
"""

from datetime import UTC, date, datetime

from planner.domain.judge import Judge


def instant() -> datetime:
    """Now, as an aware instant (in UTC)."""
    return datetime.now(UTC)


def now_for(judge: Judge, at: datetime | None = None) -> datetime:
    """The judge's local wall-clock time at the aware instant ``at`` (default: now), to the minute."""
    return judge.local_time(instant() if at is None else at)


def today_for(judge: Judge, at: datetime | None = None) -> date:
    """The judge's local date at the aware instant ``at`` (default: now)."""
    return now_for(judge, at).date()
