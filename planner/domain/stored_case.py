"""What the auto-scheduler and the age targets read of a case: a ``Case``, or its facts alone.

The age targets' projection reads every case of a docket (thousands) on the way of
``planner forecast``; it needs a dozen of a case's fields, none of its checks. The store keeps
only cases that passed ``Case``'s checks when they were written, so it hands the projection a
stored case's facts as plain values (``StoredCase``, a tuple) rather than a ``Case`` checked
again. Whatever reads cases this way is typed with ``SchedulableCase``, which both satisfy.
Import paths (files, forms) still make a ``Case``: that is where a value is checked.
"""

from datetime import date, timedelta
from typing import NamedTuple, Protocol

from planner.domain.vocabulary import ASYLUM_CLOCK_DAYS, CaseStatus, CompletionKind


class SchedulableCase(Protocol):
    """The fields of a case that scheduling and the age targets read."""

    @property
    def a_number(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def received(self) -> date: ...
    @property
    def detained(self) -> bool: ...
    @property
    def juvenile(self) -> bool: ...
    @property
    def language(self) -> str: ...
    @property
    def status(self) -> CaseStatus: ...
    @property
    def completion_date(self) -> date | None: ...
    @property
    def completion_kind(self) -> CompletionKind | None: ...
    @property
    def remaining_minutes(self) -> int | None: ...
    @property
    def asylum_filed(self) -> date | None: ...
    @property
    def nta_served(self) -> date | None: ...
    @property
    def asylum_deadline(self) -> date | None: ...
    @property
    def dedicated_docket(self) -> bool: ...


class StoredCase(NamedTuple):
    """A stored case's facts as ``SchedulableCase`` lists them, unchecked: for a case read back
    from the store (checked as a ``Case`` when it was written), never for new input."""

    a_number: str
    kind: str
    received: date
    detained: bool
    juvenile: bool
    language: str
    status: CaseStatus
    completion_date: date | None
    completion_kind: CompletionKind | None
    remaining_minutes: int | None
    asylum_filed: date | None
    nta_served: date | None
    dedicated_docket: bool = False

    @property
    def asylum_deadline(self) -> date | None:
        """The 180-day asylum clock's end, when an application has been filed (as ``Case``)."""
        if self.asylum_filed is None:
            return None
        return self.asylum_filed + timedelta(days=ASYLUM_CLOCK_DAYS)
