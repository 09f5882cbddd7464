"""A re-plan after a change: hearings in conflict moved to free places of their kind, noticed
hearings pinned unless asked, as few noticed ones moved as can be, and how many said (issue 20).

The court of tests/scheduling/court.py, November 2024: Mondays and Thursdays have a master
morning (08:30-12:00); leave on Thursday 21 November all day.
"""

from datetime import date, datetime, time

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.notices import NoticeEvent, ServedNotice, noticed_hearings
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.placement import check_placement, conflicts
from planner.scheduling.replan import replan
from tests.scheduling.court import CLOSURES, FIRST, JUDGE, LAST, LEAVE, TEMPLATE, at, calendar

M = HearingKind.MASTER
START = date(2024, 11, 1)


def _case(a_number: str) -> Case:
    return Case(a_number, f"R {a_number}", "removal", date(2024, 1, 1))


def _hearing(i: int, start: datetime) -> Hearing:
    return Hearing(f"30000000{i}", start, 15, M, id=i)


def test_only_the_hearings_of_served_notices_for_their_time_are_noticed() -> None:
    served = [
        ServedNotice(1, 11, NoticeEvent.SET, at(21, 9), 15, M, "Ana Ruiz", date(2024, 10, 1)),
        ServedNotice(2, 12, NoticeEvent.SET, at(21, 9, 15), 15, M, "Ana Ruiz", date(2024, 10, 1)),
        ServedNotice(3, 13, NoticeEvent.SET, at(21, 9, 30), 15, M, "Ana Ruiz", date(2024, 10, 1)),
        ServedNotice(
            3, 13, NoticeEvent.CANCELLED, at(21, 9, 30), 15, M, "Ana Ruiz", date(2024, 10, 2)
        ),
    ]
    scheduled = [(1, at(21, 9)), (2, at(21, 10)), (3, at(21, 9, 30))]
    # 2 was moved since its notice; 3's last notice cancelled it.
    assert noticed_hearings(scheduled, served) == frozenset({1})


def test_leave_over_hearings_moves_the_unnoticed_and_pins_the_noticed() -> None:
    """Thursday 21 Nov is on leave: its three hearings are in conflict. Hearing 1 was noticed:
    it stays unless asked. The others go to the first free master places from their own day
    (the notice period, 10 days from 1 Nov, ends before it): Monday 25 November 08:30 and
    08:45."""
    hearings = [_hearing(1, at(21, 9)), _hearing(2, at(21, 9, 15)), _hearing(3, at(21, 9, 30))]
    cases = [_case(h.a_number) for h in hearings]
    result = replan(JUDGE, calendar(), cases, hearings, START, frozenset({1}))
    assert [(m.hearing_id, m.to) for m in result.moves] == [(2, at(25, 8, 30)), (3, at(25, 8, 45))]
    assert result.pinned == (1,)
    assert result.noticed_moved == 0
    assert result.summary() == (
        "Moves 2 hearings, 0 of them noticed; 1 noticed hearing is pinned and left in conflict "
        "(ask to move noticed hearings to move them)"
    )
    asked = replan(JUDGE, calendar(), cases, hearings, START, frozenset({1}), move_noticed=True)
    assert [m.hearing_id for m in asked.moves] == [1, 2, 3]
    assert asked.pinned == ()
    assert asked.noticed_moved == 1
    assert asked.summary().startswith("Moves 3 hearings, 1 of them noticed (new notices")


def test_an_overlap_moves_the_unnoticed_hearing_not_the_noticed_one() -> None:
    """Two hearings overlap on Monday 18 Nov at 09:00; the later-made one (2) was noticed, so
    the first (1) moves, whatever their order: as few noticed hearings move as can."""
    hearings = [_hearing(1, at(18, 9)), _hearing(2, at(18, 9, 5))]
    cases = [_case(h.a_number) for h in hearings]
    result = replan(JUDGE, calendar(), cases, hearings, START, frozenset({2}))
    assert [m.hearing_id for m in result.moves] == [1]
    assert result.noticed_moved == 0
    assert result.pinned == ()
    unnoticed = replan(JUDGE, calendar(), cases, hearings, START, frozenset())
    assert [m.hearing_id for m in unnoticed.moves] == [2]  # the earlier one stays


def test_a_master_calendar_over_its_limit_moves_the_unnoticed_surplus() -> None:
    """Monday 18 Nov's master calendar shrank to 2 cases with 3 set: one must move, and it is
    the one not noticed, even though it was called first."""
    small = Session(0, time(8, 30), time(12), SessionKind.MASTER, None, 2)
    judge = Judge("Ana Ruiz", sessions=(small, *TEMPLATE[1:]))
    court = CourtCalendar(judge, CLOSURES, LEAVE, FIRST, LAST)
    hearings = [_hearing(1, at(18, 8, 30)), _hearing(2, at(18, 8, 30)), _hearing(3, at(18, 8, 30))]
    cases = [_case(h.a_number) for h in hearings]
    result = replan(judge, court, cases, hearings, START, frozenset({2, 3}))
    assert [m.hearing_id for m in result.moves] == [1]
    assert result.noticed_moved == 0
    moved = [replace(h, start=result.moves[0].to) if h.id == 1 else h for h in hearings]
    assert conflicts(judge, court, moved, cases) == []
    assert check_placement(judge, court, moved[0], cases[0], moved[1:]) is None


def test_nothing_in_conflict_moves_nothing() -> None:
    hearings = [_hearing(1, at(18, 9)), _hearing(2, at(18, 9, 15))]
    cases = [_case(h.a_number) for h in hearings]
    result = replan(JUDGE, calendar(), cases, hearings, START, frozenset({1}))
    assert result.moves == ()
    assert result.pinned == ()
    assert result.unplaced == ()
    assert result.summary() == "Moves 0 hearings"
