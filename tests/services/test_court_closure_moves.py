"""A court-wide closure over booked hearings (issue 20): every judge of the court's stranded
hearings counted, the nearest free places proposed per judge (never on a day the court is
closed, never before the notice period ends), and the closures saved with the moves in one
transaction, undone and redone as one; on SQLite and PostgreSQL."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind
from planner.services import court_closures
from planner.services import judges as judge_service
from planner.services.court_closure_moves import (
    redo_save_with_moves,
    save_with_moves,
    stranded_by_court,
    undo_save_with_moves,
)
from planner.services.leave_moves import stranded_by
from planner.store.database import Database
from planner.store.errors import StaleEdit

TODAY = date(2026, 11, 25)  # a Wednesday; 10 days' notice: from Sat 5 Dec
TUESDAY = date(2026, 12, 8)
WEDNESDAY = date(2026, 12, 9)
COURT = "Los Angeles"
M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute)


def seed_court(database: Database) -> dict[str, Judge]:
    """Ana Ruiz (three hearings on Tue 8 Dec, one on Wed 9) and Ben Cole (one on Tue 8) of Los
    Angeles; Di Fox of San Diego (one on Tue 8, another court)."""
    ruiz = Docket(
        Judge("Ana Ruiz", court=COURT),
        cases=(
            Case("100000001", "Rosa Díaz", "removal", date(2026, 1, 5)),
            Case("100000002", "Li Wei", "asylum", date(2026, 1, 6)),
            Case("100000003", "Omar Haddad", "removal", date(2026, 1, 7)),
            # Served Mon 30 Nov: its first hearing may not be set before Thu 10 Dec.
            Case(
                "100000004",
                "Eva Novak",
                "removal",
                date(2026, 11, 1),
                nta_served=date(2026, 11, 30),
            ),
        ),
        hearings=(
            Hearing("100000001", at(8, 9), 15, M),
            Hearing("100000002", at(8, 13), 180, I),
            Hearing("100000003", at(9, 9), 15, M),
            Hearing("100000004", at(8, 10), 15, M),
        ),
    )
    cole = Docket(
        Judge("Ben Cole", court=f" {COURT} "),
        cases=(Case("200000001", "Ida Berg", "removal", date(2026, 2, 1)),),
        hearings=(Hearing("200000001", at(8, 9), 15, M),),
    )
    fox = Docket(
        Judge("Di Fox", court="San Diego"),
        cases=(Case("300000001", "Jon Park", "removal", date(2026, 2, 1)),),
        hearings=(Hearing("300000001", at(8, 9), 15, M),),
    )
    with database.transaction() as repo:
        for docket in (ruiz, cole, fox):
            repo.add_docket(docket)
    return {j.name: j for j in judge_service.list_judges(database)}


def starts(database: Database) -> dict[str, datetime]:
    found = {}
    with database.transaction() as repo:
        for judge in repo.judges():
            assert judge.id is not None
            for e in repo.hearings_between(judge.id, datetime(2026, 11, 1), datetime(2027, 2, 1)):
                found[e.a_number] = e.start
    return found


def test_a_court_closure_counts_each_judge_s_stranded_hearings_and_proposes_places(
    database_on_each_engine: Database,
) -> None:
    database = database_on_each_engine
    seed_court(database)
    found = stranded_by_court(database, COURT, [Closure(TUESDAY, "Snow")], TODAY)
    assert [(f.judge.name, f.found.count) for f in found] == [("Ana Ruiz", 3), ("Ben Cole", 1)]
    ruiz, cole = found
    assert [m.hearing.a_number for m in ruiz.found.moves] == ["100000001", "100000004", "100000002"]
    assert all(
        "the court is closed on Tue 8 Dec 2026: Snow (whole court)" in m.why
        for m in ruiz.found.moves
    )
    places = {m.hearing.a_number: m.place.start for m in ruiz.found.moves if m.place}
    assert places == {"100000001": at(9, 8, 30), "100000002": at(9, 13), "100000004": at(10, 8, 30)}
    assert cole.found.moves[0].place is not None
    assert cole.found.moves[0].place.start == at(9, 8, 30)  # another judge: its own calendar
    assert ruiz.found.not_before == date(2026, 12, 5)
    # Nothing saved yet.
    assert court_closures.court_closures(database, COURT) == []


def test_a_day_the_court_was_already_closed_strands_nothing_new_and_takes_no_move(
    database_on_each_engine: Database,
) -> None:
    database = database_on_each_engine
    judges = seed_court(database)
    court_closures.save_court_closures(database, COURT, [Closure(WEDNESDAY, "Burst pipe")])
    found = stranded_by_court(
        database, COURT, [Closure(WEDNESDAY, "Burst pipe"), Closure(TUESDAY, "Snow")], TODAY
    )
    ruiz = found[0]
    assert [m.hearing.a_number for m in ruiz.found.moves] == ["100000001", "100000004", "100000002"]
    assert all(m.place is not None and m.place.start.date() != WEDNESDAY for m in ruiz.found.moves)
    # A judge's own leave: the moves keep off the court's closed days too.
    leave = stranded_by(database, judges["Ana Ruiz"], [], [Leave.days(TUESDAY, TUESDAY)], TODAY)
    assert leave.count == 3
    assert all(m.place is not None and m.place.start.date() != WEDNESDAY for m in leave.moves)


def test_closures_and_moves_are_saved_as_one_and_undone_and_redone_as_one(
    database_on_each_engine: Database,
) -> None:
    database = database_on_each_engine
    seed_court(database)
    before = starts(database)
    found = stranded_by_court(database, COURT, [Closure(TUESDAY, "Snow")], TODAY)
    moves = [m for f in found for m in f.found.moves]
    done = save_with_moves(database, f" {COURT}", [Closure(TUESDAY, "Snow")], moves)
    assert len(done.moved) == 4
    after = starts(database)
    assert after["100000001"] == at(9, 8, 30)
    assert after["200000001"] == at(9, 8, 30)
    assert after["300000001"] == before["300000001"]  # San Diego is open
    assert court_closures.court_closures(database, COURT) == [Closure(TUESDAY, "Snow")]
    undo_save_with_moves(database, done)
    assert starts(database) == before
    assert court_closures.court_closures(database, COURT) == []
    redo_save_with_moves(database, done)
    assert starts(database) == after
    assert court_closures.court_closures(database, COURT) == [Closure(TUESDAY, "Snow")]


def test_a_hearing_changed_since_the_proposal_refuses_the_whole_save(database: Database) -> None:
    seed_court(database)
    found = stranded_by_court(database, COURT, [Closure(TUESDAY, "Snow")], TODAY)
    moves = [m for f in found for m in f.found.moves]
    with database.transaction() as repo:
        repo.update_hearing(
            Hearing("200000001", at(8, 11), 15, M, id=found[1].found.moves[0].hearing.id)
        )
    before = starts(database)
    with pytest.raises(StaleEdit, match="changed since the moves were proposed"):
        save_with_moves(database, COURT, [Closure(TUESDAY, "Snow")], moves)
    assert starts(database) == before
    assert court_closures.court_closures(database, COURT) == []
