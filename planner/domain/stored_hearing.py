"""What the age targets' projection reads of a hearing: its facts alone, as ``StoredCase`` is
a case's (``planner.domain.stored_case``).

The projection reads every hearing of a docket on ``planner forecast``'s way and needs six of
a hearing's fields, none of ``Hearing``'s checks, which each stored hearing passed when it was
written. What reads hearings this way is typed with ``planner.scheduling.booking.Booked``,
which both satisfy.
"""

from datetime import datetime
from typing import NamedTuple

from planner.domain.vocabulary import HearingKind, HearingStatus


class StoredHearing(NamedTuple):
    """A stored hearing's facts, unchecked: for a hearing read back from the store, never for
    new input."""

    id: int | None
    a_number: str
    start: datetime
    minutes: int
    kind: HearingKind
    status: HearingStatus
