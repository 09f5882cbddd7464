"""What the store reads without SQLAlchemy: judges' profiles, the docket table, the forecast's
inputs.

These are the reads of the window's first screen, of every scroll of the docket and of every
forecast, so they run in plain SQL on the driver's connection (``Database.read()``, one
snapshot), and the window is on screen before SQLAlchemy is imported. Writes, and the reads that go with them, are the
``Repository``'s (``Database.transaction()``), which reads profiles through this same code.
"""

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from planner.domain.docket import Case, Closure, Hearing, Leave
from planner.domain.judge import Judge
from planner.forecast.facts import ForecastInputs
from planner.forecast.window import window_of
from planner.store import docket_read, listing, profiles
from planner.store.listing import DocketFilter, DocketRow, SortKey
from planner.store.workload import read_workload


class Reader:
    """Read-only operations on one snapshot of the file."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def judges(self) -> list[Judge]:
        """Every judge's profile, by name."""
        return profiles.all_profiles(self._connection)

    def judge_named(self, name: str) -> Judge | None:
        return profiles.profile_named(self._connection, name)

    def judge_with_id(self, judge_id: int) -> Judge | None:
        return profiles.profile_of(self._connection, judge_id)

    def calendar(self, judge_id: int) -> tuple[list[Closure], list[Leave]]:
        """The judge's court closures and leave."""
        return profiles.calendar_of(self._connection, judge_id)

    def forecast_inputs(self, judge: Judge, as_of: datetime) -> ForecastInputs:
        """What the forecast of ``judge`` from ``as_of`` reads, its workload counted and grouped
        in the database by the rules of ``planner.forecast.demand.tally_workload``."""
        assert judge.id is not None
        workload = read_workload(self._connection, judge, window_of(judge, as_of))
        closures, leave = self.calendar(judge.id)
        return ForecastInputs(judge, closures, leave, workload, as_of)

    def cases_and_hearings(self, judge_id: int) -> tuple[list[Case], list[Hearing]]:
        """Every case of the judge and every hearing of them, as the model's records."""
        return docket_read.cases_and_hearings(self._connection, judge_id)

    def docket_ids(
        self,
        judge_id: int,
        where: DocketFilter,
        sort: SortKey = SortKey.RECEIVED,
        descending: bool = False,
        now: datetime | None = None,
    ) -> list[int]:
        return listing.docket_ids(self._connection, judge_id, where, sort, descending, now)

    def docket_count(self, judge_id: int, where: DocketFilter, now: datetime | None = None) -> int:
        return listing.docket_count(self._connection, judge_id, where, now)

    def docket_rows(self, ids: Sequence[int], now: datetime | None = None) -> list[DocketRow]:
        return listing.docket_rows(self._connection, ids, now)

    def docket_languages(self, judge_id: int) -> list[str]:
        return listing.languages(self._connection, judge_id)
