"""Reading and writing dockets inside one transaction: the model in, the model out."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import flag_modified

from planner.domain.docket import CASE_FIELDS, Case, Docket, Hearing
from planner.domain.judge import Judge, format_call_times, name_key
from planner.domain.time_off import Closure, Leave
from planner.forecast.facts import ForecastInputs
from planner.store import chart_read
from planner.store.agenda import HearingStore, hearing_values
from planner.store.columns import CASE_COLUMNS, NAME_SEARCH, case_values, name_search
from planner.store.court_closures import CourtClosureStore
from planner.store.dialect import POSTGRESQL, SQLITE
from planner.store.errors import Conflict, StaleEdit
from planner.store.notices import NoticeStore
from planner.store.profiles import stored_targets
from planner.store.reassign import CaseMover
from planner.store.tables import (
    CaseKindRow,
    CaseRow,
    ClosureRow,
    CountedCompletionRow,
    HearingKindRow,
    HearingRow,
    JudgeRow,
    LeaveRow,
    SessionRow,
)


class Repository(HearingStore):
    """The store's operations on an open transaction. Nothing outside the store sees SQL."""

    def __init__(self, session: OrmSession, editor: str = "") -> None:
        #: ``editor``: who is saving (the operating system's user name), kept with each row saved.
        super().__init__(session, editor)

    def notices(self) -> NoticeStore:
        """The Notices queue's reads and writes, in this transaction."""
        return NoticeStore(self._session, self._editor)

    def mover(self) -> CaseMover:
        """Moving cases between judges, in this transaction."""
        return CaseMover(self._session, self._editor)

    # Judges -------------------------------------------------------------------------------

    def judges(self) -> list[Judge]:
        """Every judge's profile, by name."""
        return self._reader().judges()

    def judge_named(self, name: str) -> Judge | None:
        return self._reader().judge_named(name)

    def _refuse_taken_name(self, name: str, own_id: int | None = None) -> None:
        """A judge's name is unique whatever its case (``name_key``): the command line matches
        names that way, so two that differ only in case could not be told apart."""
        for other_id, other in self._session.execute(select(JudgeRow.id, JudgeRow.name)):
            if other_id == own_id:
                continue
            if other == name:
                raise Conflict(f"a judge named {name!r} is already in this database")
            if name_key(other) == name_key(name):
                raise Conflict(
                    f"a judge named {other!r} is already in this database, and names are "
                    f"matched whatever their case: choose another name than {name!r}"
                )

    def add_judge(self, judge: Judge) -> int:
        self._refuse_taken_name(judge.name)
        row = JudgeRow(changed_by=self._editor)
        self._copy_profile(judge, row)
        self._session.add(row)
        self._session.flush()
        self._write_profile_children(row.id, judge)
        return row.id

    def update_judge(self, judge: Judge, base: Judge | None = None) -> None:
        """Save an edited profile (the judge's id says which). ``base`` is the profile as the user
        began editing it: if someone saved the profile since, the edit is refused (StaleEdit)."""
        row = self._session.get(JudgeRow, judge.id)
        if row is None:
            raise Conflict(f"judge {judge.name!r} is no longer in this database")
        if base is not None and base.version is not None and row.version != base.version:
            who = row.changed_by or "someone else"
            raise StaleEdit(
                f"the profile of {row.name} was changed by {who} after you opened it, so your "
                "changes were not saved. The window now shows the profile as they left it: "
                "make your changes again if they still apply"
            )
        if row.name != judge.name:
            self._refuse_taken_name(judge.name, row.id)
        self._copy_profile(judge, row)
        # Always an UPDATE of the judge's row, so the version counts every save of the profile,
        # also one that changed only its sessions, minutes, closures or leave.
        row.changed_by = self._editor
        flag_modified(row, "changed_by")
        for table in (SessionRow, CaseKindRow, HearingKindRow, CountedCompletionRow):
            self._session.execute(delete(table).where(table.judge_id == row.id))
        self._write_profile_children(row.id, judge)

    def remove_judge(self, judge_id: int) -> None:
        self._session.execute(delete(JudgeRow).where(JudgeRow.id == judge_id))

    def case_count(self, judge_id: int) -> int:
        query = select(func.count()).select_from(CaseRow).where(CaseRow.judge_id == judge_id)
        return self._session.scalar(query) or 0

    # Whole dockets --------------------------------------------------------------------------

    def add_docket(self, docket: Docket) -> int:
        """Store a whole docket under a new judge; returns the judge's id."""
        judge_id = self.add_judge(docket.judge)
        self.add_calendar(judge_id, docket.closures, docket.leave)
        self.add_cases(judge_id, docket.cases)
        self.add_hearings(judge_id, docket.hearings)
        return judge_id

    def load_docket(self, judge_id: int) -> Docket:
        return self._reader().load_docket(judge_id)

    def add_calendar(
        self, judge_id: int, closures: Iterable[Closure], leave: Iterable[Leave]
    ) -> None:
        closure_rows = [{"judge_id": judge_id, "day": c.day, "reason": c.reason} for c in closures]
        if closure_rows:
            self._session.execute(insert(ClosureRow), closure_rows)
        leave_rows = [
            {
                "judge_id": judge_id,
                "start": entry.start,
                "end": entry.end,
                "kind": entry.kind.value,
                "all_day": entry.all_day,
            }
            for entry in leave
        ]
        if leave_rows:
            self._session.execute(insert(LeaveRow), leave_rows)

    def add_cases(self, judge_id: int, cases: Iterable[Case]) -> None:
        # Plain tuples straight to the driver, in the engine's stored forms: ORM-free, several
        # times faster for the demo's 750,000 cases.
        codec = SQLITE if self._sqlite() else POSTGRESQL
        self._bulk_insert(
            CaseRow,
            _CASE_COLUMNS,
            [(judge_id, *case_values(codec, c), name_search(c.name), self._editor) for c in cases],
        )

    def add_hearings(self, judge_id: int, hearings: Iterable[Hearing]) -> None:
        # A Core read of the ids: the ORM's row machinery costs more than the query.
        query = select(CaseRow.a_number, CaseRow.id).where(CaseRow.judge_id == judge_id)
        ids = {a: case_id for a, case_id in self._session.connection().execute(query)}  # noqa: C416
        codec = SQLITE if self._sqlite() else POSTGRESQL
        self._bulk_insert(
            HearingRow,
            _HEARING_COLUMNS,
            [
                (
                    ids[h.a_number],
                    codec.moment(h.start),
                    h.minutes,
                    h.kind.value,
                    h.status.value,
                    h.adjournment_reason,
                    h.medium.value,
                    None if h.adjournment_cause is None else h.adjournment_cause.value,
                    None if h.adjourned_by is None else h.adjourned_by.value,
                    self._editor,
                )
                for h in hearings
            ],
        )

    def _bulk_insert(
        self,
        table: type[CaseRow] | type[HearingRow],
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
    ) -> None:
        """Insert plain tuples through the driver: SQLite's executemany; on PostgreSQL one
        statement that unnests an array per column, where an executemany sends one statement per
        row (the ORM's insert took most of the demo's time) and a statement of many ``VALUES``
        rows costs the driver seconds to parse its tens of thousands of markers. (Not COPY: a
        server refuses COPY FROM under row-level security, as a legal assistant's writes are.)"""
        if not rows:
            return
        dialect = self._session.get_bind().dialect
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(column) for column in columns)
        insert_into = f"INSERT INTO {quote(table.__tablename__)} ({names}) "
        connection = self._session.connection()
        if self._sqlite():
            marks = ", ".join("?" * len(columns))
            connection.exec_driver_sql(f"{insert_into}VALUES ({marks})", rows)
            return
        types = table.__table__.columns
        arrays = ", ".join(f"%s::{types[column].type.compile(dialect)}[]" for column in columns)
        connection.exec_driver_sql(
            f"{insert_into}SELECT * FROM unnest({arrays})",
            tuple(list(values) for values in zip(*rows, strict=True)),
        )

    def refresh_statistics(self) -> None:
        """After a bulk load (the demo, a docket import): on a server, ``ANALYZE`` the cases and
        hearings in this transaction (it counts the transaction's own new rows), so the next
        reads are planned on their real size rather than as nested loops over tables the
        server thinks empty (``docs/court-server.md``: 470 ms for one statement of the first
        screen before the first ANALYZE). It did not make the national forecast on a server
        fast (``docs/performance.md``). A user who does not own the tables is skipped with a
        warning, not refused.
        Nothing to do on SQLite, whose plans do not depend on statistics here."""
        if not self._sqlite():
            self._session.connection().exec_driver_sql("ANALYZE cases, hearings")

    def case_ids(self, judge_id: int) -> dict[str, int]:
        """A-number -> case id, for every case of the judge."""
        query = select(CaseRow.a_number, CaseRow.id).where(CaseRow.judge_id == judge_id)
        return {a_number: case_id for a_number, case_id in self._session.execute(query)}  # noqa: C416

    def upsert_cases(self, judge_id: int, cases: Sequence[Case]) -> tuple[int, int]:
        """Add new cases and overwrite the fields of those already on the docket (by A-number).

        Returns how many were added and how many updated.
        """
        query = select(CaseRow.a_number, CaseRow.id, CaseRow.version).where(
            CaseRow.judge_id == judge_id
        )
        existing = {
            a_number: (case_id, version)
            for a_number, case_id, version in self._session.execute(query)
        }
        new = [case for case in cases if case.a_number not in existing]
        # Each with the version just read: SQLAlchemy updates only rows still at that version,
        # and counts it up.
        updates = [
            {
                "id": existing[case.a_number][0],
                "version": existing[case.a_number][1],
                "changed_by": self._editor,
                **_case_values(judge_id, case),
            }
            for case in cases
            if case.a_number in existing
        ]
        self.add_cases(judge_id, new)
        if updates:
            self._session.execute(update(CaseRow), updates)
        return len(new), len(updates)

    # Single cases and the calendar, as the window edits them ----------------------------------

    def case(self, case_id: int) -> Case:
        row = self._session.get(CaseRow, case_id)
        if row is None:
            raise Conflict("that case is no longer in this database")
        return _case(row)

    def add_case(self, judge_id: int, case: Case) -> Case:
        """Add one case (keeping its id if it has one, as when an undo restores it)."""
        taken = select(CaseRow.id).where(
            CaseRow.judge_id == judge_id, CaseRow.a_number == case.a_number
        )
        if self._session.scalar(taken) is not None:
            raise Conflict(f"case {case.display_a_number} is already on this docket")
        values = _case_values(judge_id, case)
        if case.id is not None:
            values["id"] = case.id
        row = CaseRow(**values, changed_by=self._editor)
        self._session.add(row)
        self._session.flush()
        return _case(row)

    def update_case(self, case: Case, base: Case | None = None) -> Case:
        """Save an edited case. ``base`` is the case as the user began editing it: if it was read
        at a version and the stored row has changed since, the edit is refused (StaleEdit), saying
        who changed which fields. Without ``base`` (an undo's snapshot), the case is written."""
        row = self._session.get(CaseRow, case.id)
        if row is None:
            raise Conflict(f"case {case.display_a_number} is no longer in this database")
        if base is not None and base.version is not None and row.version != base.version:
            raise StaleEdit(_stale_case(base, _case(row), row.changed_by))
        clash = self._session.scalar(
            select(CaseRow.id).where(
                CaseRow.judge_id == row.judge_id,
                CaseRow.a_number == case.a_number,
                CaseRow.id != case.id,
            )
        )
        if clash is not None:
            raise Conflict(f"another case on this docket is already {case.display_a_number}")
        for name, value in _case_values(row.judge_id, case).items():
            setattr(row, name, value)
        row.changed_by = self._editor
        self._session.flush()
        return _case(row)

    def hearings_of(self, case_id: int) -> list[Hearing]:
        """The case's hearings, in order of start."""
        return self._reader().hearings_of(case_id)

    def delete_case(self, case_id: int) -> None:
        """Delete a case and its hearings."""
        self._session.execute(delete(CaseRow).where(CaseRow.id == case_id))

    def restore_hearings(self, case_id: int, hearings: Iterable[Hearing]) -> None:
        """Put back a case's hearings with their ids (the undo of a deletion)."""
        rows = [
            {
                "id": hearing.id,
                "case_id": case_id,
                "changed_by": self._editor,
                **hearing_values(hearing),
            }
            for hearing in hearings
        ]
        if rows:
            self._session.execute(insert(HearingRow), rows)

    def replace_calendar(
        self, judge_id: int, closures: Iterable[Closure], leave: Iterable[Leave]
    ) -> None:
        """Set the judge's court closures and leave to exactly these."""
        for table in (ClosureRow, LeaveRow):
            self._session.execute(delete(table).where(table.judge_id == judge_id))
        self.add_calendar(judge_id, closures, leave)

    def calendar(self, judge_id: int) -> tuple[list[Closure], list[Leave]]:
        """The judge's closures with the court's, and leave (``Reader.calendar``)."""
        return self._reader().calendar(judge_id)

    def own_calendar(self, judge_id: int) -> tuple[list[Closure], list[Leave]]:
        """The judge's own closures and leave, without the court's."""
        return self._reader().own_calendar(judge_id)

    def court_closures(self) -> CourtClosureStore:
        return CourtClosureStore(self._session)

    # The forecast's inputs -----------------------------------------------------------------

    def forecast_inputs(self, judge: Judge, as_of: datetime) -> ForecastInputs:
        """What the forecast of ``judge`` from ``as_of`` reads, seen from this transaction."""
        return self._reader().forecast_inputs(judge, as_of)

    def chart_facts(
        self, judge_id: int
    ) -> tuple[list[chart_read.CaseDates], list[chart_read.HearingTime]]:
        """Every case's kind and dates and every hearing's time, for the charts."""
        return self._reader().chart_facts(judge_id)

    # Profile mapping ------------------------------------------------------------------------

    @staticmethod
    def _copy_profile(judge: Judge, row: JudgeRow) -> None:
        row.name = judge.name
        row.court = judge.court
        row.timezone = judge.timezone
        row.quota = judge.quota
        row.fy_start_month = judge.fy_start_month
        row.fy_start_day = judge.fy_start_day
        row.at_risk_slack_pct = judge.at_risk_slack_pct
        row.rule_set = judge.rule_set
        row.age_targets = stored_targets(judge.age_targets)
        row.adjournment_rate_pct = judge.adjournment_rate_pct
        row.adjournment_history = judge.adjournment_history

    def _write_profile_children(self, judge_id: int, judge: Judge) -> None:
        self._session.add_all(
            SessionRow(
                judge_id=judge_id,
                weekday=s.weekday,
                start=s.start,
                end=s.end,
                kind=s.kind.value,
                language=s.language,
                case_limit=s.case_limit,
                call_times=format_call_times(s.call_times),
            )
            for s in judge.sessions
        )
        self._session.add_all(
            CaseKindRow(
                judge_id=judge_id, kind=kind, default_minutes=m.default, minimum_minutes=m.minimum
            )
            for kind, m in judge.case_minutes.items()
        )
        self._session.add_all(
            HearingKindRow(
                judge_id=judge_id,
                kind=kind.value,
                default_minutes=m.default,
                minimum_minutes=m.minimum,
            )
            for kind, m in judge.hearing_minutes.items()
        )
        self._session.add_all(
            CountedCompletionRow(judge_id=judge_id, completion_kind=kind.value)
            for kind in judge.counted_completions
        )
        self._session.flush()


_CASE_COLUMNS = ("judge_id", *CASE_COLUMNS, NAME_SEARCH, "changed_by")
_HEARING_COLUMNS = (
    "case_id",
    "start",
    "minutes",
    "kind",
    "status",
    "adjournment_reason",
    "medium",
    "adjournment_cause",
    "adjourned_by",
    "changed_by",
)


def _case_values(judge_id: int, case: Case) -> dict[str, object]:
    # The vocabulary enums are str subclasses: they store as their text.
    return {
        "judge_id": judge_id,
        **{name: getattr(case, name) for name in CASE_COLUMNS},
        NAME_SEARCH: name_search(case.name),
    }


def _case(row: CaseRow) -> Case:
    # Case turns the stored text of status and completion kind back into the vocabulary.
    return Case(
        id=row.id, version=row.version, **{name: getattr(row, name) for name in CASE_FIELDS}
    )


def _stale_case(base: Case, current: Case, changed_by: str) -> str:
    changed = [
        name.replace("_", " ")
        for name in CASE_FIELDS
        if getattr(base, name) != getattr(current, name)
    ]
    what = f" ({', '.join(changed)})" if changed else ""
    who = changed_by or "someone else"
    return (
        f"case {current.display_a_number} was changed by {who}{what} after you opened it, so "
        "your change was not saved. The docket now shows the case as they left it: make your "
        "change again if it still applies"
    )
