"""The Notices queue on a real database: set, moved after served, cancelled, marked served as
one transaction with its undo, and the court's notice period."""

from datetime import date

import pytest

from planner.domain.docket import Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.notices import CourtSettings, NoticeEvent
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.services import calendar as calendar_service
from planner.services import notices as service
from planner.store.database import Database
from tests.scheduling.court import CLOSURES, JUDGE, LEAVE, at, case

FIRST, SECOND = "100000001", "100000002"
TODAY = date(2024, 10, 21)  # a Monday, two weeks before the hearings


@pytest.fixture
def court(database: Database) -> tuple[Database, Judge, dict[str, int]]:
    """Two cases, a hearing each: Mon 4 Nov 09:00 and Tue 5 Nov 09:00."""
    docket = Docket(
        JUDGE,
        CLOSURES,
        LEAVE,
        cases=(case(FIRST), case(SECOND, detained=True)),
        hearings=(
            Hearing(FIRST, at(4, 9, 0), 15, HearingKind.MASTER),
            Hearing(SECOND, at(5, 9, 0), 15, HearingKind.MASTER),
        ),
    )
    with database.transaction() as repo:
        judge_id = repo.add_docket(docket)
        ids = repo.case_ids(judge_id)
    return database, replace(JUDGE, id=judge_id), ids


def queue(database: Database, today: date = TODAY) -> list[tuple[NoticeEvent, str, object, date]]:
    found = service.load_queue(database, JUDGE.name, today)
    return [(d.event, d.hearing.a_number, d.hearing.start, d.serve_by) for d in found.due]


def test_every_hearing_set_is_due_ten_days_before_it(court) -> None:  # type: ignore[no-untyped-def]
    database, _judge, _ids = court
    assert queue(database) == [
        (NoticeEvent.SET, FIRST, at(4, 9, 0), date(2024, 10, 25)),
        (NoticeEvent.SET, SECOND, at(5, 9, 0), date(2024, 10, 26)),
    ]


def test_the_notice_period_is_the_courts_setting(court) -> None:  # type: ignore[no-untyped-def]
    database, _judge, _ids = court
    before = service.save_court_settings(
        database, CourtSettings("Los Angeles", "606 S Olive St\nLos Angeles, CA 90014", 14)
    )
    assert before == CourtSettings("Los Angeles")  # ten days until saved
    assert [by for *_rest, by in queue(database)] == [date(2024, 10, 21), date(2024, 10, 22)]
    assert service.court_settings(database, "Los Angeles").address.startswith("606 S Olive")


def test_served_notices_leave_the_queue_and_undo_brings_them_back(court) -> None:  # type: ignore[no-untyped-def]
    database, _judge, _ids = court
    due = service.load_queue(database, JUDGE.name, TODAY).due
    served = service.mark_served(database, JUDGE.name, due, TODAY)
    assert [n.served for n in served] == [TODAY, TODAY]
    assert queue(database) == []
    service.unmark_served(database, served)
    assert len(queue(database)) == 2
    service.remark_served(database, served)
    assert queue(database) == []


def test_a_hearing_moved_after_its_notice_was_served_returns_to_the_queue(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    service.mark_served(
        database, JUDGE.name, service.load_queue(database, JUDGE.name, TODAY).due, TODAY
    )
    (entry,) = calendar_service.agenda(database, judge.id, date(2024, 11, 4), date(2024, 11, 4))
    calendar_service.move_hearing(database, judge, entry.id, at(7, 9, 30), 15)
    (moved,) = service.load_queue(database, JUDGE.name, TODAY).due
    assert (moved.event, moved.hearing.a_number, moved.hearing.start) == (
        NoticeEvent.MOVED, FIRST, at(7, 9, 30)
    )  # fmt: skip
    assert moved.previous_start == at(4, 9, 0)
    assert moved.serve_by == date(2024, 10, 28)
    # Moved back where the parties were told it is: nothing to serve.
    calendar_service.move_hearing(database, judge, entry.id, at(4, 9, 0), 15)
    assert queue(database) == []


def test_a_hearing_taken_off_after_its_notice_needs_a_cancellation(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    (entry,) = calendar_service.agenda(database, judge.id, date(2024, 11, 5), date(2024, 11, 5))
    calendar_service.unschedule_hearing(database, entry.id)
    assert [e for e, *_ in queue(database)] == [NoticeEvent.SET]  # never noticed: nothing to cancel
    calendar_service.reinstate(database, entry.case_id, entry.hearing())
    service.mark_served(
        database, JUDGE.name, service.load_queue(database, JUDGE.name, TODAY).due, TODAY
    )
    calendar_service.unschedule_hearing(database, entry.id)
    (cancelled,) = service.load_queue(database, JUDGE.name, TODAY).due
    assert (cancelled.event, cancelled.hearing.a_number, cancelled.hearing.start) == (
        NoticeEvent.CANCELLED, SECOND, at(5, 9, 0)
    )  # fmt: skip
    service.mark_served(database, JUDGE.name, [cancelled], TODAY)
    assert queue(database) == []


def test_a_notice_printed_before_its_hearing_moved_is_not_marked_served(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    printed = service.load_queue(database, JUDGE.name, TODAY).due
    (entry,) = calendar_service.agenda(database, judge.id, date(2024, 11, 4), date(2024, 11, 4))
    calendar_service.move_hearing(database, judge, entry.id, at(7, 9, 30), 15)
    with pytest.raises(InvalidValue, match="no longer due as printed"):
        service.mark_served(database, JUDGE.name, printed, TODAY)
    assert len(queue(database)) == 2  # all or nothing: the other one is not served either


def test_past_hearings_are_not_queued(court) -> None:  # type: ignore[no-untyped-def]
    database, _judge, _ids = court
    assert [a for _e, a, *_ in queue(database, date(2024, 11, 5))] == [SECOND]


def test_the_court_wide_queue_holds_every_judge_of_the_court(court) -> None:  # type: ignore[no-untyped-def]
    database, _judge, _ids = court
    cole = Judge("Ben Cole", court="Los Angeles", timezone="America/Los_Angeles")
    other = Judge("Di Park", court="San Diego", timezone="America/Los_Angeles")
    with database.transaction() as repo:
        repo.add_docket(
            Docket(cole, cases=(case("200000001"),), hearings=(
                Hearing("200000001", at(4, 8, 30), 15, HearingKind.MASTER),
            ))
        )  # fmt: skip
        repo.add_docket(
            Docket(other, cases=(case("300000001"),), hearings=(
                Hearing("300000001", at(4, 8, 0), 15, HearingKind.MASTER),
            ))
        )  # fmt: skip
    found = service.load_court_queue(database, JUDGE.name, TODAY)
    assert found.judges == ("Ana Ruiz", "Ben Cole")  # not San Diego's judge
    assert [(d.hearing.judge, d.hearing.a_number) for d in found.due] == [
        ("Ben Cole", "200000001"),
        ("Ana Ruiz", FIRST),
        ("Ana Ruiz", SECOND),
    ]
    assert found.summary() == "3 notices to serve for Los Angeles (2 judges)."
    # Marked served in one transaction, each against its own judge's queue; undo brings them back.
    served = service.mark_served(database, JUDGE.name, found.due, TODAY)
    assert service.load_court_queue(database, JUDGE.name, TODAY).due == ()
    service.unmark_served(database, served)
    assert len(service.load_court_queue(database, "ben cole", TODAY).due) == 3
    # One judge's queue is as it was.
    assert [d.hearing.a_number for d in service.load_queue(database, "Ben Cole", TODAY).due] == [
        "200000001"
    ]
