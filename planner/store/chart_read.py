"""What the charts read of a docket besides the forecast's workload: each case's kind and dates,
each hearing's time and status, as plain rows (no ORM objects: several times faster to read)."""

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.store.tables import CaseRow, HearingRow


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


_CASES = select(
    CaseRow.a_number,
    CaseRow.kind,
    CaseRow.received,
    CaseRow.status,
    CaseRow.completion_date,
    CaseRow.completion_kind,
    CaseRow.remaining_minutes,
    CaseRow.detained,
    CaseRow.juvenile,
).order_by(CaseRow.id)

_HEARINGS = (
    select(
        HearingRow.id,
        CaseRow.a_number,
        HearingRow.start,
        HearingRow.minutes,
        HearingRow.kind,
        HearingRow.status,
    )
    .join(CaseRow, HearingRow.case_id == CaseRow.id)
    .order_by(HearingRow.start, HearingRow.id)
)


def case_dates(session: Session, judge_id: int) -> list[CaseDates]:
    statuses = {status.value: status for status in CaseStatus}
    kinds = {kind.value: kind for kind in CompletionKind}
    return [
        CaseDates(
            a_number,
            kind,
            received,
            statuses[status],
            completed,
            None if how is None else kinds[how],
            remaining,
            bool(detained),
            bool(juvenile),
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
        ) in session.execute(_CASES.where(CaseRow.judge_id == judge_id))
    ]


def hearing_times(session: Session, judge_id: int) -> list[HearingTime]:
    statuses = {status.value: status for status in HearingStatus}
    kinds = {kind.value: kind for kind in HearingKind}
    return [
        HearingTime(id_, a_number, start, minutes, kinds[kind], statuses[status])
        for id_, a_number, start, minutes, kind, status in session.execute(
            _HEARINGS.where(CaseRow.judge_id == judge_id)
        )
    ]
