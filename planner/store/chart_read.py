"""What the charts read of a docket besides the forecast's workload: each case's kind and dates,
each hearing's time and status, as plain rows on the read path (either engine, no SQLAlchemy)."""

from datetime import date, datetime
from typing import NamedTuple

from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.store.dialect import Link
from planner.store.members import CASE_STATUS, COMPLETION_KIND, HEARING_KIND, HEARING_STATUS


class CaseDates(NamedTuple):
    """A case as the charts and the forecast's rules read it (``planner.forecast.facts.CaseFacts``)."""

    a_number: str
    kind: str
    received: date
    status: CaseStatus
    completion_date: date | None
    completion_kind: CompletionKind | None
    remaining_minutes: int | None
    detained: bool = False
    juvenile: bool = False


class HearingTime(NamedTuple):
    """A hearing as the calendar's rules read it (``planner.scheduling.booking.Booked``)."""

    id: int
    a_number: str
    start: datetime
    minutes: int
    kind: HearingKind
    status: HearingStatus


_CASES = (
    "SELECT a_number, kind, received, status, completion_date, completion_kind, "
    "remaining_minutes, detained, juvenile FROM cases WHERE judge_id = :judge_id ORDER BY id"
)
_HEARINGS = (
    "SELECT h.id, cases.a_number, h.start, h.minutes, h.kind, h.status "
    "FROM hearings AS h JOIN cases ON cases.id = h.case_id "
    "WHERE cases.judge_id = :judge_id ORDER BY h.start, h.id"
)


def case_dates(link: Link, judge_id: int) -> list[CaseDates]:
    codec = link.dialect
    return [
        CaseDates(
            a_number,
            kind,
            codec.read_day(received),
            CASE_STATUS[status],
            codec.maybe_day(completed),
            None if how is None else COMPLETION_KIND[how],
            remaining,
            codec.read_flag(detained),
            codec.read_flag(juvenile),
        )
        for (
            a_number,
            kind,
            received,
            status,
            completed,
            how,
            remaining,
            detained,
            juvenile,
        ) in link.rows(_CASES, {"judge_id": judge_id})
    ]


def hearing_times(link: Link, judge_id: int) -> list[HearingTime]:
    codec = link.dialect
    return [
        HearingTime(
            id_,
            a_number,
            codec.read_moment(start),
            minutes,
            HEARING_KIND[kind],
            HEARING_STATUS[status],
        )
        for id_, a_number, start, minutes, kind, status in link.rows(
            _HEARINGS, {"judge_id": judge_id}
        )
    ]
