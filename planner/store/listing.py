"""The docket table's queries: filter and sort in SQL, ids first, rows fetched by the page.

Plain SQL on the driver's connection (``planner.store.reader``): the docket is the window's first
screen, read before SQLAlchemy is loaded. Each statement is put together from the constant
fragments below; every value is a bound parameter.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from planner.domain.rules import Clock, RuleSet, age_deadline
from planner.domain.vocabulary import ASYLUM_CLOCK_DAYS, CaseStatus, HearingKind, HearingStatus
from planner.store.dialect import Dialect, Link, search_form


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
    TARGET = "target"  # the day the nearest age target's clock ends
    ADJOURNED = "adjourned"  # how many of its hearings were adjourned (continuances)
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
    #: The rule set whose age targets the Target column reads (None: no targets).
    rules: RuleSet | None = None
    #: Only these cases: the ones the age-target projection says will miss their target (the
    #: service computes the set, ``services.docket.cases_missing_targets``). None: any.
    will_miss: frozenset[int] | None = None


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
    adjournments: int = 0  # its hearings adjourned so far (continuances)
    dedicated_docket: bool = False
    first_master: date | None = None  # its first master hearing's day (the Dedicated clock)

    @property
    def deadline(self) -> date | None:
        if self.asylum_filed is None:
            return None
        return self.asylum_filed + timedelta(days=ASYLUM_CLOCK_DAYS)

    def target_end(self, rules: RuleSet | None) -> date | None:
        """The last day within the nearest of the rule set's age targets that apply."""
        if rules is None:
            return None
        return age_deadline(rules, self, self.first_master)

    def age_days(self, today: date) -> int:
        return (today - self.received).days


_DIGITS_ONLY = re.compile(r"^[Aa]?[\d\s\-]+$")

#: The case's first hearing still to come (bound: now, scheduled).
_NEXT_HEARING = (
    "(SELECT min(h.start) FROM hearings AS h WHERE h.case_id = cases.id "
    "AND h.status = :scheduled AND h.start >= :now)"
)
_SCHEDULED = (
    "EXISTS (SELECT 1 FROM hearings AS h WHERE h.case_id = cases.id "
    "AND h.status = :scheduled AND h.start >= :now)"
)
#: How many of the case's hearings were adjourned (bound: adjourned).
_ADJOURNMENTS = (
    "(SELECT count(*) FROM hearings AS h WHERE h.case_id = cases.id AND h.status = :adjourned)"
)
#: The case's first master hearing, whatever became of it (bound: master).
_FIRST_MASTER = (
    "(SELECT min(h.start) FROM hearings AS h WHERE h.case_id = cases.id AND h.kind = :master)"
)
#: The same day, for the Target sort: a join on each case's first master hearing's day.
_FIRST_MASTER_JOIN = (
    " LEFT JOIN (SELECT h.case_id AS case_id, min(DAY_OF(h.start)) AS day FROM hearings AS h "
    "WHERE h.kind = :master GROUP BY h.case_id) AS first_master "
    "ON first_master.case_id = cases.id"
)
#: The case's remaining minutes, else its kind's default for the judge, else 0.
_REMAINING = (
    "coalesce(cases.remaining_minutes, (SELECT m.default_minutes FROM case_kind_minutes AS m "
    "WHERE m.judge_id = cases.judge_id AND m.kind = cases.kind), 0)"
)
#: The day the case's nearest age target ends: ``planner.domain.rules.age_deadline`` in SQL,
#: for sorting (bound: each clock's days, NULL where the rule set has no such clock).
_CLOCK_END = (
    "CASE WHEN cases.kind = :motion_kind THEN DAYS_AFTER(cases.received, :motions_days) "
    "WHEN cases.detained = :yes THEN DAYS_AFTER(cases.received, :detained_days) "
    "ELSE DAYS_AFTER(cases.received, :non_detained_days) END"
)
_ASYLUM_END = "DAYS_AFTER(cases.asylum_filed, :asylum_days)"
_DEDICATED_END = (
    "CASE WHEN cases.dedicated_docket = :yes THEN DAYS_AFTER(first_master.day, :dedicated_days) END"
)


def _earlier(a: str, b: str) -> str:
    """The earlier of two days that may be NULL (NULL when both are), on either engine."""
    return (
        f"CASE WHEN {a} IS NULL THEN {b} WHEN {b} IS NULL THEN {a} "
        f"WHEN {a} <= {b} THEN {a} ELSE {b} END"
    )


_TARGET_END = _earlier(_earlier(_CLOCK_END, _ASYLUM_END), _DEDICATED_END)
#: Each filter's condition, with its value bound under the filter's own name.
_CONDITIONS = {
    "a_number": "CONTAINS(cases.a_number, :a_number)",
    "name": "CONTAINS(cases.name_search, :name)",
    "status": "cases.status = :status",
    "kind": "cases.kind = :kind",
    "language": "cases.language = :language",
    "detained": "cases.detained = :detained",
    "juvenile": "cases.juvenile = :juvenile",
    "represented": "cases.represented = :represented",
    "deadline": "cases.asylum_filed IS NOT NULL AND cases.asylum_filed <= :latest_filing",
    "will_miss": "cases.id IN :will_miss",
}
#: The sort keys that are not simply the column of their name.
_ORDER = {
    SortKey.AGE: "cases.received DESC",  # youngest first when ascending by age
    SortKey.NEXT_HEARING: _NEXT_HEARING,
    SortKey.REMAINING: _REMAINING,
    SortKey.DEADLINE: "cases.asylum_filed",
    SortKey.TARGET: _TARGET_END,
    SortKey.ADJOURNED: _ADJOURNMENTS,
}
_ROW = (
    "SELECT cases.id, cases.a_number, cases.name, cases.kind, cases.detained, cases.juvenile, "
    "cases.language, cases.represented, cases.received, cases.status, "
    + _NEXT_HEARING
    + ", "
    + _REMAINING
    + ", cases.asylum_filed, "
    + _ADJOURNMENTS
    + ", cases.dedicated_docket, "
    + _FIRST_MASTER
    + " FROM cases WHERE cases.id IN :ids"
)
_LANGUAGES = "SELECT DISTINCT language FROM cases WHERE judge_id = :judge_id ORDER BY language"


def _moment(codec: Dialect, now: datetime) -> dict[str, object]:
    """The values the hearing subqueries bind: now, and what a hearing still to come is."""
    return {
        "now": codec.moment(now),
        "scheduled": HearingStatus.SCHEDULED.value,
        "adjourned": HearingStatus.ADJOURNED.value,
        "master": HearingKind.MASTER.value,
    }


def _clock_days(codec: Dialect, rules: RuleSet | None) -> dict[str, object]:
    """The values the Target sort binds: each clock's days under the rule set."""

    def days(clock: Clock) -> int | None:
        target = None if rules is None else rules.target(clock)
        return None if target is None else target.days

    return {
        "motion_kind": "motion",
        "yes": codec.flag(True),
        "motions_days": days(Clock.MOTIONS),
        "detained_days": days(Clock.DETAINED),
        "non_detained_days": days(Clock.NON_DETAINED),
        "asylum_days": days(Clock.ASYLUM),
        "dedicated_days": days(Clock.DEDICATED),
    }


def _where(
    codec: Dialect, judge_id: int, where: DocketFilter, now: datetime
) -> tuple[str, dict[str, object]]:
    """The filter as a condition on ``cases`` and its bound values."""
    clauses = ["cases.judge_id = :judge_id"]
    values: dict[str, object] = {"judge_id": judge_id, **_moment(codec, now)}

    def match(name: str, value: object) -> None:
        clauses.append(_CONDITIONS[name])
        values[name] = value

    text = where.text.strip()
    if text and _DIGITS_ONLY.match(text):
        match("a_number", re.sub(r"\D", "", text))
    elif text:
        match("name", search_form(text))
    if where.status is not None:
        match("status", where.status.value)
    for name in ("kind", "language"):
        if getattr(where, name) is not None:
            match(name, getattr(where, name))
    for name in ("detained", "juvenile", "represented"):
        if getattr(where, name) is not None:
            match(name, codec.flag(getattr(where, name)))
    if where.has_hearing is not None:
        clauses.append(_SCHEDULED if where.has_hearing else f"NOT {_SCHEDULED}")
    if where.deadline_within_days is not None:
        latest = now.date() + timedelta(days=where.deadline_within_days - ASYLUM_CLOCK_DAYS)
        clauses.append(_CONDITIONS["deadline"])
        values["latest_filing"] = codec.day(latest)
    if where.will_miss is not None:
        match("will_miss", codec.ids(sorted(where.will_miss)))
    return " AND ".join(clauses), values


def _order(key: SortKey, descending: bool) -> str:
    ascending = _ORDER.get(key, f"cases.{key.value}")
    if key is SortKey.AGE:
        return "cases.received ASC" if descending else ascending
    return f"{ascending} DESC" if descending else ascending


def docket_ids(
    link: Link,
    judge_id: int,
    where: DocketFilter,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = False,
    now: datetime | None = None,
) -> list[int]:
    """The ids of the cases that match, in display order (empty values last)."""
    condition, values = _where(link.dialect, judge_id, where, now or datetime.now())
    if sort is SortKey.TARGET:
        values |= _clock_days(link.dialect, where.rules)
    order = _order(sort, descending)
    joined = _FIRST_MASTER_JOIN if sort is SortKey.TARGET else ""
    rows = link.rows(
        f"SELECT cases.id FROM cases{joined} WHERE {condition} "
        f"ORDER BY {order} NULLS LAST, cases.id",
        values,
    )
    return [case_id for (case_id,) in rows]


def docket_count(
    link: Link, judge_id: int, where: DocketFilter, now: datetime | None = None
) -> int:
    """How many of the judge's cases match: a count, without fetching or sorting them."""
    condition, values = _where(link.dialect, judge_id, where, now or datetime.now())
    (count,) = link.one(f"SELECT count(*) FROM cases WHERE {condition}", values)
    return int(count)


def docket_rows(link: Link, ids: Sequence[int], now: datetime | None = None) -> list[DocketRow]:
    """The rows for these ids, in the same order."""
    codec = link.dialect
    values = {"ids": codec.ids(ids), **_moment(codec, now or datetime.now())}
    found = {
        row[0]: DocketRow(
            id=row[0],
            a_number=row[1],
            name=row[2],
            kind=row[3],
            detained=codec.read_flag(row[4]),
            juvenile=codec.read_flag(row[5]),
            language=row[6],
            represented=codec.read_flag(row[7]),
            received=codec.read_day(row[8]),
            status=CaseStatus(row[9]),
            next_hearing=codec.maybe_moment(row[10]),
            remaining_minutes=row[11],
            asylum_filed=codec.maybe_day(row[12]),
            adjournments=int(row[13]),
            dedicated_docket=codec.read_flag(row[14]),
            first_master=None if row[15] is None else codec.read_moment(row[15]).date(),
        )
        for row in link.rows(_ROW, values)
    }
    return [found[case_id] for case_id in ids if case_id in found]


def languages(link: Link, judge_id: int) -> list[str]:
    """The languages on the judge's docket, for the filter's list."""
    return [language for (language,) in link.rows(_LANGUAGES, {"judge_id": judge_id})]
