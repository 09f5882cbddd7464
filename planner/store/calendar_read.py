"""Reading the calendar's entries: a judge's hearings with what a view and a docket sheet show
of their cases, between two moments, by id, or one.

Plain SQL on the read path (``planner.store.dialect``), on either engine. Apart from
``planner.store.docket_read``: a forecast reads cases and hearings, never the calendar's entries.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from planner.domain.docket import Hearing
from planner.domain.vocabulary import (
    AdjournmentCause,
    HearingKind,
    HearingMedium,
    HearingStatus,
    Party,
)
from planner.store.dialect import Link
from planner.store.members import HEARING_KIND, HEARING_MEDIUM, HEARING_STATUS


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One hearing on the calendar with what a view and a docket sheet show of its case."""

    id: int
    case_id: int
    a_number: str
    start: datetime
    minutes: int
    kind: HearingKind
    status: HearingStatus
    adjournment_reason: str | None
    name: str
    language: str
    detained: bool
    juvenile: bool
    represented: bool
    attorney: str | None
    case_kind: str
    changed_by: str | None = None  # who saved the hearing last
    medium: HearingMedium = HearingMedium.IN_PERSON
    adjournment_cause: AdjournmentCause | None = None
    adjourned_by: Party | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def hearing(self) -> Hearing:
        return Hearing(
            self.a_number,
            self.start,
            self.minutes,
            self.kind,
            self.status,
            self.adjournment_reason,
            id=self.id,
            medium=self.medium,
            adjournment_cause=self.adjournment_cause,
            adjourned_by=self.adjourned_by,
        )


_ENTRIES = (
    "SELECT h.id, h.case_id, cases.a_number, h.start, h.minutes, h.kind, h.status, "
    "h.adjournment_reason, cases.name, cases.language, cases.detained, cases.juvenile, "
    "cases.represented, cases.attorney, cases.kind, h.changed_by, h.medium, h.adjournment_cause, "
    "h.adjourned_by "
    "FROM hearings AS h JOIN cases ON cases.id = h.case_id"
)
_ENTRIES_BETWEEN = (
    _ENTRIES
    + " WHERE cases.judge_id = :judge_id AND h.start >= :first AND h.start < :last"
    + " ORDER BY h.start, h.id"
)
_ENTRY = _ENTRIES + " WHERE h.id = :hearing_id"
_ENTRIES_WITH_IDS = _ENTRIES + " WHERE h.id IN :ids ORDER BY h.id"


def entries_between(
    link: Link, judge_id: int, first: datetime, last: datetime
) -> list[CalendarEntry]:
    """The judge's hearings (any status) that start from ``first`` up to, not including,
    ``last``, in order of start."""
    codec = link.dialect
    values = {"judge_id": judge_id, "first": codec.moment(first), "last": codec.moment(last)}
    return [_entry(link, row) for row in link.rows(_ENTRIES_BETWEEN, values)]


def entry(link: Link, hearing_id: int) -> CalendarEntry | None:
    row = link.rows(_ENTRY, {"hearing_id": hearing_id}).fetchone()
    return None if row is None else _entry(link, row)


def entries_with_ids(link: Link, hearing_ids: list[int]) -> list[CalendarEntry]:
    """The hearings of ``hearing_ids`` still stored (any judge), in order of id."""
    rows = link.rows(_ENTRIES_WITH_IDS, {"ids": link.dialect.ids(hearing_ids)})
    return [_entry(link, row) for row in rows]


def _entry(link: Link, row: Any) -> CalendarEntry:
    codec = link.dialect
    (
        hearing_id,
        case_id,
        a_number,
        start,
        minutes,
        kind,
        status,
        reason,
        name,
        language,
        detained,
        juvenile,
        represented,
        attorney,
        case_kind,
        changed_by,
        medium,
        cause,
        asker,
    ) = row
    return CalendarEntry(
        hearing_id,
        case_id,
        a_number,
        codec.read_moment(start),
        minutes,
        HEARING_KIND[kind],
        HEARING_STATUS[status],
        reason,
        name,
        language,
        codec.read_flag(detained),
        codec.read_flag(juvenile),
        codec.read_flag(represented),
        attorney,
        case_kind,
        changed_by,
        HEARING_MEDIUM[medium],
        None if cause is None else AdjournmentCause(cause),
        None if asker is None else Party(asker),
    )
