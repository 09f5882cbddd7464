"""Now, in a judge's own time zone, as the naive local wall-clock time the model uses."""

from datetime import datetime

from planner.domain.judge import Judge


def now_for(judge: Judge) -> datetime:
    """The judge's local wall-clock time now, to the minute."""
    return datetime.now(judge.zone).replace(tzinfo=None, second=0, microsecond=0)
