"""Moving cases from one judge's docket to another's, on an open transaction (the ORM)."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.anumber import format_a_number
from planner.store.errors import Conflict
from planner.store.tables import CaseRow


class CaseMover:
    """Changes the judge of cases; each case keeps its id, its hearings and its notices."""

    def __init__(self, session: OrmSession, editor: str = "") -> None:
        self._session = session
        self._editor = editor

    def pending_case_ids(self, judge_id: int) -> list[int]:
        """The judge's pending cases, in order of A-number."""
        query = (
            select(CaseRow.id)
            .where(CaseRow.judge_id == judge_id, CaseRow.status == "pending")
            .order_by(CaseRow.a_number)
        )
        return list(self._session.scalars(query))

    def judge_of(self, case_id: int) -> int:
        judge_id = self._session.scalar(select(CaseRow.judge_id).where(CaseRow.id == case_id))
        if judge_id is None:
            raise Conflict("that case is no longer in this database")
        return judge_id

    def move_cases(self, case_ids: Sequence[int], from_id: int, to_id: int) -> None:
        """Put these cases of judge ``from_id`` on the docket of judge ``to_id``; ``Conflict``
        (nothing moved: the transaction rolls back) when one is no longer the first judge's,
        or the second already has a case with its A-number."""
        for case_id in case_ids:
            row = self._session.get(CaseRow, case_id)
            if row is None or row.judge_id != from_id:
                raise Conflict("a case to move is no longer on that judge's docket")
            taken = self._session.scalar(
                select(CaseRow.id).where(
                    CaseRow.judge_id == to_id, CaseRow.a_number == row.a_number
                )
            )
            if taken is not None:
                raise Conflict(
                    f"the other judge's docket already has a case {format_a_number(row.a_number)}"
                )
            row.judge_id = to_id
            row.changed_by = self._editor
        self._session.flush()
