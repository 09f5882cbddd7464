"""The calendar's reads and writes: a judge's hearings with their cases, and single hearings."""

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.docket import Hearing
from planner.store.calendar_read import CalendarEntry
from planner.store.dialect import POSTGRESQL, SQLITE, Link
from planner.store.errors import Conflict
from planner.store.reader import Reader
from planner.store.tables import CaseRow, HearingRow

__all__ = ["CalendarEntry", "HearingStore", "hearing_values"]


class HearingStore:
    """The calendar's operations on an open transaction; ``Repository`` inherits them."""

    def __init__(self, session: OrmSession, editor: str = "") -> None:
        self._session = session
        self._editor = editor  # who is saving, kept with each hearing saved

    def _reader(self) -> Reader:
        """The store's plain reads (``planner.store.reader``), on this transaction's own
        connection and snapshot, whatever the engine."""
        self._session.flush()  # what the ORM holds back is seen by the plain reads too
        driver = self._session.connection().connection.driver_connection
        assert driver is not None  # a transaction's connection is open: it has its driver's
        dialect = SQLITE if self._sqlite() else POSTGRESQL
        return Reader(Link(driver, dialect))

    def _sqlite(self) -> bool:
        return self._session.get_bind().dialect.name == "sqlite"

    def hearings_between(
        self, judge_id: int, first: datetime, last: datetime
    ) -> list[CalendarEntry]:
        """The judge's hearings (any status) that start from ``first`` up to, not including,
        ``last``, in order of start."""
        return self._reader().hearings_between(judge_id, first, last)

    def entry(self, hearing_id: int) -> CalendarEntry:
        """One hearing with its case's fields."""
        return self._reader().entry(hearing_id)

    def hearing(self, hearing_id: int) -> Hearing:
        return self.entry(hearing_id).hearing()

    def add_hearing(self, case_id: int, hearing: Hearing) -> Hearing:
        """Add a hearing to a case (keeping its id if it has one, as when an undo restores it)."""
        a_number = self._session.scalar(select(CaseRow.a_number).where(CaseRow.id == case_id))
        if a_number is None:
            raise Conflict("that case is no longer in this database")
        if a_number != hearing.a_number:
            raise Conflict(f"the hearing is for {hearing.a_number}, not for case {a_number}")
        values = {"case_id": case_id, **hearing_values(hearing), "changed_by": self._editor}
        if hearing.id is not None:
            if self._session.get(HearingRow, hearing.id) is not None:
                raise Conflict("a hearing with that id is already in this database")
            values["id"] = hearing.id
        hearing_id = self._session.execute(insert(HearingRow).returning(HearingRow.id), values)
        return self.hearing(hearing_id.scalar_one())

    def update_hearing(self, hearing: Hearing) -> Hearing:
        """Save a hearing's time, length, kind, status and reason (its id says which)."""
        row = None if hearing.id is None else self._session.get(HearingRow, hearing.id)
        if row is None:
            raise Conflict("that hearing is no longer in this database")
        for name, value in hearing_values(hearing).items():
            setattr(row, name, value)
        row.changed_by = self._editor
        self._session.flush()
        return self.hearing(row.id)

    def last_hearing_id(self) -> int:
        """The highest hearing id so far (0 with none): hearings added later have higher ids."""
        return self._session.scalar(select(func.max(HearingRow.id))) or 0

    def hearing_ids_after(self, judge_id: int, after: int) -> list[int]:
        """The ids of the judge's hearings above ``after``: those added since it was the last."""
        query = (
            select(HearingRow.id)
            .join(CaseRow, HearingRow.case_id == CaseRow.id)
            .where(CaseRow.judge_id == judge_id, HearingRow.id > after)
            .order_by(HearingRow.id)
        )
        return list(self._session.scalars(query))

    def entries(self, hearing_ids: Sequence[int]) -> list[CalendarEntry]:
        """The hearings of ``hearing_ids`` still in the database (any judge), in order of id."""
        return self._reader().entries(hearing_ids)

    def delete_hearings(self, hearing_ids: Sequence[int]) -> None:
        """Delete these hearings; ``Conflict`` (and nothing deleted, the transaction rolls back)
        when one of them is already gone."""
        deleted = 0
        for chunk in _chunks(hearing_ids):
            result = self._session.execute(delete(HearingRow).where(HearingRow.id.in_(chunk)))
            deleted += result.rowcount  # type: ignore[attr-defined]
        if deleted != len(set(hearing_ids)):
            raise Conflict("some of those hearings are no longer in this database")

    def put_back_hearings(self, hearings: Sequence[tuple[int, Hearing]]) -> None:
        """Insert (case id, hearing) pairs under the hearings' own ids, as an undo took them off."""
        rows = [{"id": h.id, "case_id": case_id, **hearing_values(h)} for case_id, h in hearings]
        if any(row["id"] is None for row in rows):
            raise ValueError("only hearings with their ids can be put back")
        if self.entries([h.id for _case, h in hearings]):  # type: ignore[misc]
            raise Conflict("a hearing with that id is already in this database")
        if rows:
            self._session.execute(insert(HearingRow), rows)

    def delete_hearing(self, hearing_id: int) -> None:
        deleted = self._session.execute(delete(HearingRow).where(HearingRow.id == hearing_id))
        if deleted.rowcount == 0:  # type: ignore[attr-defined]
            raise Conflict("that hearing is no longer in this database")


def _chunks(ids: Sequence[int], size: int = 500) -> list[list[int]]:
    """``ids`` in lists of at most ``size``: SQLite caps the parameters of one statement."""
    return [list(ids[i : i + size]) for i in range(0, len(ids), size)]


def hearing_values(hearing: Hearing) -> dict[str, object]:
    """A hearing's columns (its case and id aside), as the tables store them."""
    return {
        "start": hearing.start,
        "minutes": hearing.minutes,
        "kind": hearing.kind.value,
        "status": hearing.status.value,
        "adjournment_reason": hearing.adjournment_reason,
        "medium": hearing.medium.value,
        "adjournment_cause": _value(hearing.adjournment_cause),
        "adjourned_by": _value(hearing.adjourned_by),
    }


def _value(member: StrEnum | None) -> str | None:
    return None if member is None else member.value
