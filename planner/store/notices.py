"""Notices served and the courts' settings, on an open transaction (the ORM's session).

A module of its own, beside the plain-SQL reads (``listing``, ``profiles``, ``workload``): these
reads serve the Notices queue only, and run in the transaction that marks notices served.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session as OrmSession

from planner.domain.notices import CourtSettings, NoticedHearing, NoticeEvent, ServedNotice
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.store.errors import Conflict
from planner.store.members import HEARING_KIND, HEARING_MEDIUM
from planner.store.tables import CaseRow, CourtRow, HearingRow, JudgeRow, NoticeRow

_EVENT = {event.value: event for event in NoticeEvent}
_CHUNK = 500  # SQLite caps the parameters of one statement


def notice_values(notice: ServedNotice) -> dict[str, Any]:
    """The columns of a notice's row that the notice itself gives (not its editor, nor its
    hearing's identity)."""
    return {
        "case_id": notice.case_id,
        "hearing_id": notice.hearing_id,
        "event": notice.event.value,
        "start": notice.start,
        "minutes": notice.minutes,
        "kind": notice.kind.value,
        "judge": notice.judge,
        "served": notice.served,
    }


class NoticeStore:
    """The Notices queue's reads and writes in one transaction."""

    def __init__(self, session: OrmSession, editor: str = "") -> None:
        self._session = session
        self._editor = editor

    # Reads ------------------------------------------------------------------------------------

    def scheduled_from(self, judge_id: int, first: datetime) -> list[NoticedHearing]:
        """The judge's scheduled hearings that start at ``first`` or later, in order of start."""
        query = (
            select(
                HearingRow.id,
                HearingRow.case_id,
                CaseRow.a_number,
                CaseRow.name,
                CaseRow.language,
                CaseRow.detained,
                CaseRow.represented,
                CaseRow.attorney,
                HearingRow.start,
                HearingRow.minutes,
                HearingRow.kind,
                JudgeRow.name,
                HearingRow.medium,
            )
            .join(CaseRow, HearingRow.case_id == CaseRow.id)
            .join(JudgeRow, CaseRow.judge_id == JudgeRow.id)
            .where(
                CaseRow.judge_id == judge_id,
                HearingRow.status == HearingStatus.SCHEDULED.value,
                HearingRow.start >= first,
            )
            .order_by(HearingRow.start, HearingRow.id)
        )
        return [_noticed(row) for row in self._session.execute(query)]

    def served_for(self, judge_id: int) -> list[ServedNotice]:
        """Every notice served on the cases now on the judge's docket, in order of recording."""
        query = (
            select(NoticeRow)
            .join(CaseRow, NoticeRow.case_id == CaseRow.id)
            .where(CaseRow.judge_id == judge_id)
            .order_by(NoticeRow.id)
        )
        return [_served(row) for row in self._session.scalars(query)]

    def case_details(self, case_ids: Sequence[int]) -> dict[int, NoticedHearing]:
        """What a notice says of each case (its hearing's fields left blank), by case id."""
        found: dict[int, NoticedHearing] = {}
        ids = sorted(set(case_ids))
        for i in range(0, len(ids), _CHUNK):
            query = select(
                CaseRow.id,
                CaseRow.a_number,
                CaseRow.name,
                CaseRow.language,
                CaseRow.detained,
                CaseRow.represented,
                CaseRow.attorney,
            ).where(CaseRow.id.in_(ids[i : i + _CHUNK]))
            for (
                case_id,
                a_number,
                name,
                language,
                detained,
                represented,
                attorney,
            ) in self._session.execute(query):
                found[case_id] = NoticedHearing(
                    0, case_id, a_number, name, language, bool(detained), bool(represented),
                    attorney, datetime.min, 1, HearingKind.MASTER, "",
                )  # fmt: skip
        return found

    def existing_hearings(self, hearing_ids: Sequence[int]) -> set[int]:
        """Which of these hearings are still stored (in any status)."""
        ids = sorted(set(hearing_ids))
        found: set[int] = set()
        for i in range(0, len(ids), _CHUNK):
            query = select(HearingRow.id).where(HearingRow.id.in_(ids[i : i + _CHUNK]))
            found.update(self._session.scalars(query))
        return found

    def court(self, name: str) -> CourtSettings:
        """The court's settings, or the defaults where none were saved."""
        row = self._session.get(CourtRow, name)
        if row is None:
            return CourtSettings(name)
        return CourtSettings(row.name, row.address, row.notice_days)

    # Writes -----------------------------------------------------------------------------------

    def add_notices(self, notices: Sequence[ServedNotice]) -> list[ServedNotice]:
        """Record notices served (under their own ids when they have them, as a redo puts them
        back); returns them with their ids."""
        added: list[ServedNotice] = []
        for notice in notices:
            hearing_uid = self._hearing_uid(notice.hearing_id)
            values = notice_values(notice)
            values.update(changed_by=self._editor, hearing_uid=hearing_uid)
            if notice.id is not None:
                if self._session.get(NoticeRow, notice.id) is not None:
                    raise Conflict("a notice with that id is already in this database")
                values["id"] = notice.id
            result = self._session.execute(insert(NoticeRow).returning(NoticeRow.id), values)
            row = self._session.get(NoticeRow, result.scalar_one())
            assert row is not None
            added.append(_served(row))
        return added

    def _hearing_uid(self, hearing_id: int) -> str | None:
        """The global identity of a notice's hearing (a check-in finds the hearing by it): the
        hearing's own, or, the hearing gone, the one its earlier notices name. None for a
        hearing written without one (the raw bulk insert's): its first check-out fills it in
        (``planner.store.sync_rows.SyncRows.give_uids``)."""
        found = self._session.scalar(select(HearingRow.uid).where(HearingRow.id == hearing_id))
        if found is not None:
            return found
        return self._session.scalar(
            select(NoticeRow.hearing_uid)
            .where(NoticeRow.hearing_id == hearing_id, NoticeRow.hearing_uid.is_not(None))
            .limit(1)
        )

    def delete_notices(self, notice_ids: Sequence[int]) -> None:
        """Delete these notices (the undo of marking them served); ``Conflict`` when one of them
        is gone already."""
        deleted = 0
        ids = list(notice_ids)
        for i in range(0, len(ids), _CHUNK):
            result = self._session.execute(
                delete(NoticeRow).where(NoticeRow.id.in_(ids[i : i + _CHUNK]))
            )
            deleted += result.rowcount  # type: ignore[attr-defined]
        if deleted != len(set(ids)):
            raise Conflict("some of those notices are no longer in this database")

    def save_court(self, settings: CourtSettings) -> None:
        row = self._session.get(CourtRow, settings.name)
        if row is None:
            self._session.add(
                CourtRow(
                    name=settings.name, address=settings.address, notice_days=settings.notice_days
                )
            )
        else:
            row.address = settings.address
            row.notice_days = settings.notice_days
        self._session.flush()


def _noticed(row: Sequence[Any]) -> NoticedHearing:
    (hearing_id, case_id, a_number, name, language, detained, represented, attorney, start,
     minutes, kind, judge, medium) = row  # fmt: skip
    return NoticedHearing(
        hearing_id, case_id, a_number, name, language, bool(detained), bool(represented),
        attorney, start, minutes, HEARING_KIND[kind], judge, HEARING_MEDIUM[medium],
    )  # fmt: skip


def _served(row: NoticeRow) -> ServedNotice:
    return ServedNotice(
        row.hearing_id,
        row.case_id,
        _EVENT[row.event],
        row.start,
        row.minutes,
        HEARING_KIND[row.kind],
        row.judge,
        row.served,
        id=row.id,
    )
