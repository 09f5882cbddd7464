"""Reading the docket table: which cases match, and their rows a page at a time."""

from collections.abc import Sequence
from datetime import datetime

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
