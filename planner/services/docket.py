"""Reading the docket table: which cases match, and their rows a page at a time."""

from collections.abc import Sequence
from datetime import datetime

from planner.domain.calendar import fiscal_year_bounds, fiscal_year_of
from planner.domain.judge import Judge
from planner.domain.rules import RuleSet
from planner.store.database import Database
from planner.store.listing import DocketFilter, DocketRow, SortKey


def find_cases(
    database: Database,
    judge_id: int,
    where: DocketFilter,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = False,
    now: datetime | None = None,
) -> list[int]:
    with database.read() as reader:
        return reader.docket_ids(judge_id, where, sort, descending, now)


def count_cases(
    database: Database, judge_id: int, where: DocketFilter, now: datetime | None = None
) -> int:
    with database.read() as reader:
        return reader.docket_count(judge_id, where, now)


def case_rows(
    database: Database, ids: Sequence[int], now: datetime | None = None
) -> list[DocketRow]:
    with database.read() as reader:
        return reader.docket_rows(ids, now)


def docket_languages(database: Database, judge_id: int) -> list[str]:
    with database.read() as reader:
        return reader.docket_languages(judge_id)


def rules_in_force(judge: Judge, now: datetime) -> RuleSet:
    """The rule set of the judge's fiscal year of ``now``: the Target column's clocks."""
    return judge.rules(fiscal_year_bounds(fiscal_year_of(now.date(), judge), judge)[0])


def cases_missing_targets(database: Database, judge_id: int, now: datetime) -> frozenset[int]:
    """The ids of the judge's pending cases that will miss an age target this fiscal year on the
    calendar as it stands (the age targets' projection: about half a second for 2,000 cases),
    for the docket's "will miss its target" filter."""
    with database.read() as reader:
        judge = reader.judge_with_id(judge_id)
        if judge is None:
            return frozenset()
        closures, leave = reader.calendar(judge_id)
        cases, hearings = reader.cases_and_hearings(judge_id)
    # Imported on use: the auto-scheduler it runs is no part of the window's first paint.
    from planner.scheduling.age_targets import project_missing

    missing = project_missing(judge, closures, leave, cases, hearings, now)
    return frozenset(c.id for c in cases if c.a_number in missing and c.id is not None)
