"""The docket table's queries: filter and sort in SQL, ids first, rows fetched by the page."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.docket import ASYLUM_CLOCK_DAYS
from planner.domain.vocabulary import CaseStatus, HearingStatus
from planner.store.tables import CaseKindRow, CaseRow, HearingRow


class SortKey(StrEnum):
    A_NUMBER = "a_number"
    NAME = "name"
    KIND = "kind"
    DETAINED = "detained"
    LANGUAGE = "language"
    REPRESENTED = "represented"
    RECEIVED = "received"
    AGE = "age"
    NEXT_HEARING = "next_hearing"
    REMAINING = "remaining"
    DEADLINE = "deadline"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class DocketFilter:
    """What the docket table shows. None means "any"."""

    text: str = ""  # an A-number in any spelling (or part of one), or part of a name
    status: CaseStatus | None = CaseStatus.PENDING
    kind: str | None = None
    detained: bool | None = None
    juvenile: bool | None = None
    language: str | None = None
    represented: bool | None = None
    has_hearing: bool | None = None  # a hearing scheduled from now on
    deadline_within_days: int | None = None  # asylum clock ends within this many days


@dataclass(frozen=True, slots=True)
class DocketRow:
    """One line of the docket table: a small immutable record, no live database object."""

    id: int
    a_number: str
    name: str
    kind: str
    detained: bool
    juvenile: bool
    language: str
    represented: bool
    received: date
    status: CaseStatus
    next_hearing: datetime | None
    remaining_minutes: int
    asylum_filed: date | None

    @property
    def deadline(self) -> date | None:
        if self.asylum_filed is None:
            return None
        return self.asylum_filed + timedelta(days=ASYLUM_CLOCK_DAYS)

    def age_days(self, today: date) -> int:
        return (today - self.received).days


_DIGITS_ONLY = re.compile(r"^[Aa]?[\d\s\-]+$")


def _next_hearing(now: datetime) -> ColumnElement[datetime]:
    return (
        select(func.min(HearingRow.start))
        .where(
            HearingRow.case_id == CaseRow.id,
            HearingRow.status == HearingStatus.SCHEDULED.value,
            HearingRow.start >= now,
        )
        .scalar_subquery()
    )


def _remaining() -> ColumnElement[int]:
    default = (
        select(CaseKindRow.default_minutes)
        .where(CaseKindRow.judge_id == CaseRow.judge_id, CaseKindRow.kind == CaseRow.kind)
        .scalar_subquery()
    )
    return func.coalesce(CaseRow.remaining_minutes, default, 0)


def _conditions(judge_id: int, where: DocketFilter, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [CaseRow.judge_id == judge_id]
    text = where.text.strip()
    if text:
        if _DIGITS_ONLY.match(text):
            digits = re.sub(r"\D", "", text)
            conditions.append(CaseRow.a_number.contains(digits, autoescape=True))
        else:
            conditions.append(CaseRow.name.icontains(text, autoescape=True))
    if where.status is not None:
        conditions.append(CaseRow.status == where.status.value)
    for column, wanted in (
        (CaseRow.kind, where.kind),
        (CaseRow.language, where.language),
    ):
        if wanted is not None:
            conditions.append(column == wanted)
    for flag, wanted in (
        (CaseRow.detained, where.detained),
        (CaseRow.juvenile, where.juvenile),
        (CaseRow.represented, where.represented),
    ):
        if wanted is not None:
            conditions.append(flag.is_(wanted))
    if where.has_hearing is not None:
        scheduled = exists().where(
            HearingRow.case_id == CaseRow.id,
            HearingRow.status == HearingStatus.SCHEDULED.value,
            HearingRow.start >= now,
        )
        conditions.append(scheduled if where.has_hearing else ~scheduled)
    if where.deadline_within_days is not None:
        latest_filing = now.date() + timedelta(days=where.deadline_within_days - ASYLUM_CLOCK_DAYS)
        conditions.append(
            and_(CaseRow.asylum_filed.is_not(None), CaseRow.asylum_filed <= latest_filing)
        )
    return conditions


def _order(key: SortKey, now: datetime) -> ColumnElement[object]:
    match key:
        case SortKey.AGE:
            return CaseRow.received.desc()  # youngest first when ascending by age
        case SortKey.NEXT_HEARING:
            return _next_hearing(now)
        case SortKey.REMAINING:
            return _remaining()
        case SortKey.DEADLINE:
            return CaseRow.asylum_filed
        case _:
            return getattr(CaseRow, key.value)


def docket_ids(
    session: OrmSession,
    judge_id: int,
    where: DocketFilter,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = False,
    now: datetime | None = None,
) -> list[int]:
    """The ids of the cases that match, in display order (empty values last)."""
    now = now or datetime.now()
    order = _order(sort, now)
    order = order.desc() if descending and sort is not SortKey.AGE else order
    if descending and sort is SortKey.AGE:
        order = CaseRow.received.asc()
    query: Select[tuple[int]] = (
        select(CaseRow.id)
        .where(*_conditions(judge_id, where, now))
        .order_by(order.nulls_last(), CaseRow.id)
    )
    return list(session.scalars(query))


def docket_count(
    session: OrmSession, judge_id: int, where: DocketFilter, now: datetime | None = None
) -> int:
    """How many of the judge's cases match: a count, without fetching or sorting them."""
    query = select(func.count(CaseRow.id)).where(
        *_conditions(judge_id, where, now or datetime.now())
    )
    return session.scalar(query) or 0


def docket_rows(
    session: OrmSession, ids: Sequence[int], now: datetime | None = None
) -> list[DocketRow]:
    """The rows for these ids, in the same order."""
    now = now or datetime.now()
    query = select(
        CaseRow.id,
        CaseRow.a_number,
        CaseRow.name,
        CaseRow.kind,
        CaseRow.detained,
        CaseRow.juvenile,
        CaseRow.language,
        CaseRow.represented,
        CaseRow.received,
        CaseRow.status,
        _next_hearing(now),
        _remaining(),
        CaseRow.asylum_filed,
    ).where(CaseRow.id.in_(ids))
    found = {
        row[0]: DocketRow(*row[:9], CaseStatus(row[9]), *row[10:])  # type: ignore[arg-type]
        for row in session.execute(query)
    }
    return [found[case_id] for case_id in ids if case_id in found]


def languages(session: OrmSession, judge_id: int) -> list[str]:
    """The languages on the judge's docket, for the filter's list."""
    query = (
        select(CaseRow.language)
        .where(CaseRow.judge_id == judge_id)
        .distinct()
        .order_by(CaseRow.language)
    )
    return list(session.scalars(query))
