"""When a hearing's outcome (held, adjourned, completed) may be recorded, and why not."""

from datetime import datetime

from planner.domain.docket import Hearing
from planner.domain.vocabulary import HearingStatus


def _when(start: datetime, now: datetime) -> str:
    year = "" if start.year == now.year else f" {start.year}"
    return f"{start:%a} {start.day} {start:%b}{year} at {start:%H:%M}"


def outcome_refusal(hearing: Hearing, now: datetime) -> str | None:
    """Why no outcome may be recorded on ``hearing`` at ``now`` (both local wall-clock times), in
    one line; None when one may: a scheduled hearing that has started."""
    if hearing.status is not HearingStatus.SCHEDULED:
        return (
            f"the hearing of {_when(hearing.start, now)} is already recorded as "
            f"{hearing.status.value}: undo that first to record another outcome"
        )
    if hearing.start > now:
        return (
            f"the hearing is on {_when(hearing.start, now)}: "
            "record its outcome once it has been held"
        )
    return None
