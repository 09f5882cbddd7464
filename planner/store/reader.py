"""What the store reads without SQLAlchemy: judges' profiles, the docket table, the forecast's
inputs, the calendar's hearings, whole dockets and the charts' facts.

These are the reads of the window's first screen, of every scroll of the docket and of every
forecast, so they run in plain SQL on the driver's connection (``Database.read()``, one
snapshot), on either engine (``planner.store.dialect``), and the window is on screen before
SQLAlchemy is imported. Writes, and the reads that go with them, are the ``Repository``'s
(``Database.transaction()``), which reads through this same code on its own connection.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from planner.domain.judge import Judge
from planner.domain.stored_case import StoredCase
from planner.domain.stored_hearing import StoredHearing
from planner.domain.time_off import Closure, Leave
from planner.forecast.facts import ForecastInputs
from planner.forecast.window import window_of
from planner.store import court_calendar, facts_read, profiles
from planner.store.dialect import Link
from planner.store.errors import Conflict
from planner.store.workload import read_workload

if TYPE_CHECKING:
    # Whole cases and dockets, the calendar's, the docket table's and the charts' reads are
    # imported where they are asked for: a forecast, a command's whole path, reads none of
    # them (the age targets read the cases' facts: ``facts_read``).
    from planner.domain.docket import Case, Docket, Hearing
    from planner.store.calendar_read import CalendarEntry
    from planner.store.chart_read import CaseDates, HearingTime
    from planner.store.listing import DocketFilter, DocketRow, SortKey


class Reader:
    """Read-only operations on one snapshot of the database."""

    def __init__(self, link: Link) -> None:
        self._link = link

    @property
    def engine(self) -> str:
        """The engine read: ``sqlite`` or ``postgresql``."""
        return self._link.dialect.name

    def judges(self) -> list[Judge]:
        """Every judge's profile, by name."""
        return profiles.all_profiles(self._link)

    def judge_named(self, name: str) -> Judge | None:
        return profiles.profile_named(self._link, name)

    def judge_with_id(self, judge_id: int) -> Judge | None:
        return profiles.profile_of(self._link, judge_id)

    def calendar(self, judge_id: int) -> tuple[list[Closure], list[Leave]]:
        """The judge's closures, with the judge's court's (``court_calendar``), and leave: what
        the calendar shows and the forecast and the scheduler count."""
        own, leave = profiles.calendar_of(self._link, judge_id)
        court = court_calendar.court_closures_of(self._link, judge_id)
        return court_calendar.with_court_closures(own, court), leave

    def own_calendar(self, judge_id: int) -> tuple[list[Closure], list[Leave]]:
        """The judge's own closures (not the court's) and leave: what the profile edits and a
        docket file carries."""
        return profiles.calendar_of(self._link, judge_id)

    def forecast_inputs(self, judge: Judge, as_of: datetime) -> ForecastInputs:
        """What the forecast of ``judge`` from ``as_of`` reads, its workload counted and grouped
        in the database by the rules of ``planner.forecast.demand.tally_workload``."""
        assert judge.id is not None
        workload = read_workload(self._link, judge, window_of(judge, as_of))
        closures, leave = self.calendar(judge.id)
        return ForecastInputs(judge, closures, leave, workload, as_of)

    def cases_and_hearings(self, judge_id: int) -> tuple[list["Case"], list["Hearing"]]:
        """Every case of the judge and every hearing of them, as the model's records."""
        from planner.store import docket_read

        return docket_read.cases_and_hearings(self._link, judge_id)

    def case_facts_and_hearings(
        self, judge_id: int
    ) -> tuple[list[StoredCase], list[StoredHearing]]:
        """The facts of every case of the judge the age targets' projection reads, and of
        every hearing of them (plain values, not checked again)."""
        return facts_read.case_facts_and_hearings(self._link, judge_id)

    # The docket table ---------------------------------------------------------------------

    def docket_ids(
        self,
        judge_id: int,
        where: "DocketFilter",
        sort: "SortKey | None" = None,
        descending: bool = False,
        now: datetime | None = None,
    ) -> list[int]:
        """The ids of the judge's cases ``where`` lets through, in ``sort``'s order (None: as
        received)."""
        from planner.store import listing

        order = listing.SortKey.RECEIVED if sort is None else sort
        return listing.docket_ids(self._link, judge_id, where, order, descending, now)

    def docket_count(
        self, judge_id: int, where: "DocketFilter", now: datetime | None = None
    ) -> int:
        from planner.store import listing

        return listing.docket_count(self._link, judge_id, where, now)

    def docket_rows(self, ids: Sequence[int], now: datetime | None = None) -> list["DocketRow"]:
        from planner.store import listing

        return listing.docket_rows(self._link, ids, now)

    def docket_languages(self, judge_id: int) -> list[str]:
        from planner.store import listing

        return listing.languages(self._link, judge_id)

    # Cases, hearings, whole dockets -------------------------------------------------------

    def load_docket(self, judge_id: int) -> "Docket":
        """The judge's whole docket: profile, closures and leave, cases, hearings."""
        from planner.domain.docket import Docket
        from planner.store import docket_read

        judge = self.judge_with_id(judge_id)
        if judge is None:
            raise Conflict("that judge is no longer in this database")
        closures, leave = self.own_calendar(judge_id)  # the court's closures stay the court's
        return Docket(
            judge=judge,
            closures=tuple(closures),
            leave=tuple(leave),
            cases=tuple(docket_read.cases_of(self._link, judge_id)),
            hearings=tuple(docket_read.hearings_of_judge(self._link, judge_id)),
        )

    def case(self, case_id: int) -> "Case":
        from planner.store import docket_read

        found = docket_read.case(self._link, case_id)
        if found is None:
            raise Conflict("that case is no longer in this database")
        return found

    def hearings_of(self, case_id: int) -> list["Hearing"]:
        """The case's hearings, in order of start."""
        from planner.store import docket_read

        return docket_read.hearings_of_case(self._link, case_id)

    def hearings_between(
        self, judge_id: int, first: datetime, last: datetime
    ) -> list["CalendarEntry"]:
        """The judge's hearings (any status) that start from ``first`` up to, not including,
        ``last``, in order of start."""
        from planner.store import calendar_read

        return calendar_read.entries_between(self._link, judge_id, first, last)

    def entry(self, hearing_id: int) -> "CalendarEntry":
        """One hearing with its case's fields."""
        from planner.store import calendar_read

        found = calendar_read.entry(self._link, hearing_id)
        if found is None:
            raise Conflict("that hearing is no longer in this database")
        return found

    def entries(self, hearing_ids: Sequence[int]) -> list["CalendarEntry"]:
        """The hearings of ``hearing_ids`` still in the database (any judge), in order of id."""
        from planner.store import calendar_read

        return calendar_read.entries_with_ids(self._link, list(hearing_ids))

    def chart_facts(self, judge_id: int) -> tuple[list["CaseDates"], list["HearingTime"]]:
        """Every case's kind and dates and every hearing's time, for the charts."""
        from planner.store import chart_read

        return chart_read.case_dates(self._link, judge_id), chart_read.hearing_times(
            self._link, judge_id
        )
