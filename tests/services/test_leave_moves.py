"""New leave or a closure over booked hearings: the hearings it strands, the nearest free places
proposed (never before the notice period ends), and the profile saved with the moves in one
transaction, undone as one."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind
from planner.services import judges as judge_service
from planner.services.leave_moves import (
    redo_save_with_moves,
    save_with_moves,
    stranded_by,
    undo_save_with_moves,
)
from planner.store.database import Database
from planner.store.errors import StaleEdit

TODAY = date(2026, 11, 25)  # a Wednesday; 10 days' notice: from Sat 5 Dec, so Mon 7 Dec
TUESDAY = date(2026, 12, 8)
M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute)


def seed(database: Database) -> Judge:
    cases = (
        Case("100000001", "Rosa Díaz", "removal", date(2026, 1, 5)),
        Case("100000002", "Li Wei", "asylum", date(2026, 1, 6)),
        Case("100000003", "Omar Haddad", "removal", date(2026, 1, 7)),
        # Served Mon 30 Nov: its first hearing may not be set before Thu 10 Dec.
        Case("100000004", "Eva Novak", "removal", date(2026, 11, 1), nta_served=date(2026, 11, 30)),
    )
    hearings = (
        Hearing("100000001", at(8, 9), 15, M),
        Hearing("100000002", at(8, 13), 180, I),
        Hearing("100000003", at(9, 9), 15, M),
        Hearing("100000004", at(8, 10), 15, M),
    )
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(Judge("Ana Ruiz"), cases=cases, hearings=hearings))
    return next(j for j in judge_service.list_judges(database) if j.id == judge_id)


def starts(database: Database, judge: Judge) -> dict[str, datetime]:
    with database.transaction() as repo:
        entries = repo.hearings_between(judge.id, datetime(2026, 11, 1), datetime(2027, 2, 1))  # type: ignore[arg-type]
    return {e.a_number: e.start for e in entries}


def test_leave_over_booked_hearings_names_them_and_proposes_the_nearest_places(
    database: Database,
) -> None:
    judge = seed(database)
    found = stranded_by(database, judge, [], [Leave.days(TUESDAY, TUESDAY)], TODAY)
    assert found.count == 3
    assert [m.hearing.a_number for m in found.moves] == ["100000001", "100000004", "100000002"]
    assert all("on leave all day on Tue 8 Dec 2026" in m.why for m in found.moves)
    assert found.notice_source == "the default 10 days' notice"
    assert found.not_before == date(2026, 12, 5)
    places = {m.hearing.a_number: m.place.start for m in found.moves if m.place}
    # Mon 7 and Wed 9 are a day away each: the later (the notice is safer) wins.
    assert places["100000001"] == at(9, 8, 30)
    assert places["100000002"] == at(9, 13)
    # Its first hearing may not be before Thu 10 Dec (notice served 30 Nov); Wed 9's 08:30 is
    # taken by the first move, and the notice period forbids it anyway.
    assert places["100000004"] == at(10, 8, 30)


def test_a_closure_strands_the_day_s_hearings_and_nothing_else(database: Database) -> None:
    judge = seed(database)
    found = stranded_by(database, judge, [Closure(date(2026, 12, 9), "Burst pipe")], [], TODAY)
    assert [m.hearing.a_number for m in found.moves] == ["100000003"]
    assert "the court is closed on Wed 9 Dec 2026: Burst pipe" in found.moves[0].why
    assert found.moves[0].place is not None
    assert found.moves[0].place.start.date() in (date(2026, 12, 8), date(2026, 12, 10))
    assert stranded_by(database, judge, [], [], TODAY).count == 0


def test_the_notice_period_the_profile_gives_is_said_and_kept(database: Database) -> None:
    judge = seed(database)
    found = stranded_by(database, judge, [], [Leave.days(TUESDAY, TUESDAY)], TODAY, notice_days=20)
    assert found.notice_source == "the profile's 20 days' notice"
    assert all(
        m.place is not None and m.place.start.date() >= date(2026, 12, 15) for m in found.moves
    )


def test_the_leave_and_the_moves_are_saved_together_and_undone_together(
    database: Database,
) -> None:
    judge = seed(database)
    before = starts(database, judge)
    leave = [Leave.days(TUESDAY, TUESDAY)]
    found = stranded_by(database, judge, [], leave, TODAY)
    done = save_with_moves(database, judge, [], leave, judge, found.placed)
    assert len(done.moved) == 3
    after = starts(database, judge)
    assert after["100000001"] == at(9, 8, 30)
    assert after["100000003"] == before["100000003"]
    assert judge_service.calendar_of(database, judge.id)[1] == leave  # type: ignore[arg-type]
    undo_save_with_moves(database, done, judge, [], [])
    assert starts(database, judge) == before
    assert judge_service.calendar_of(database, judge.id) == ([], [])  # type: ignore[arg-type]
    redo_save_with_moves(database, done, judge, [], leave)
    assert starts(database, judge) == after


def test_a_hearing_changed_since_the_proposal_refuses_the_whole_save(database: Database) -> None:
    judge = seed(database)
    leave = [Leave.days(TUESDAY, TUESDAY)]
    found = stranded_by(database, judge, [], leave, TODAY)
    with database.transaction() as repo:
        first = repo.hearing(found.moves[0].hearing.id)  # type: ignore[arg-type]
        from dataclasses import replace

        repo.update_hearing(replace(first, minutes=30))
    before = starts(database, judge)
    with pytest.raises(StaleEdit, match="changed since the moves were proposed"):
        save_with_moves(database, judge, [], leave, judge, found.placed)
    assert starts(database, judge) == before
    assert judge_service.calendar_of(database, judge.id) == ([], [])  # type: ignore[arg-type]
