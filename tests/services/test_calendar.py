"""The calendar services on a real database: placement refused in the transaction, outcomes, undo."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.scheduling.days import DayState
from planner.scheduling.placement import RefusalKind, Refused
from planner.services import calendar as service
from planner.services import judges as service_judges
from planner.services.calendar import Outcome
from planner.services.cases import get_case
from planner.services.judges import save_profile
from planner.store.database import Database
from planner.store.errors import Conflict, StaleEdit
from tests.conftest import location_of
from tests.scheduling.court import CLOSURES, JUDGE, LEAVE, at, case

ORDINARY, DETAINED, SERVED, OTHER = "100000001", "100000002", "100000003", "100000004"
#: Now for the outcomes: after every hearing these tests record.
LATER = at(29, 17, 0)


@pytest.fixture
def court(database: Database) -> tuple[Database, Judge, dict[str, int]]:
    """The test court with four cases and two hearings: Mon 4 Nov 09:00 and Tue 5 Nov 09:00."""
    docket = Docket(
        JUDGE,
        CLOSURES,
        LEAVE,
        cases=(
            case(ORDINARY),
            case(DETAINED, detained=True),
            case(SERVED, nta_served=date(2024, 10, 28)),
            case(OTHER),
        ),
        hearings=(
            Hearing(OTHER, at(4, 9, 0), 15, HearingKind.MASTER),
            Hearing(DETAINED, at(5, 9, 0), 15, HearingKind.MASTER),
        ),
    )
    with database.transaction() as repo:
        judge_id = repo.add_docket(docket)
        ids = repo.case_ids(judge_id)
    return database, replace(JUDGE, id=judge_id), ids


def snapshot(database: Database, judge: Judge) -> Docket:
    with database.transaction() as repo:
        return repo.load_docket(judge.id)  # type: ignore[arg-type]


def hearing_at(database: Database, judge: Judge, start: datetime) -> Hearing:
    (entry,) = [e for e in service.agenda(database, judge.id, start.date(), start.date())  # type: ignore[arg-type]
                if e.start == start]  # fmt: skip
    return entry.hearing()


# Scheduling by hand ----------------------------------------------------------------------------


def test_schedule_stores_the_hearing_and_the_agenda_shows_it_with_its_case(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    made = service.schedule_hearing(
        database, judge, ids[ORDINARY], at(4, 9, 15), 15, HearingKind.MASTER
    )
    assert made.id is not None
    assert made.status is HearingStatus.SCHEDULED
    week = service.agenda(database, judge.id, date(2024, 11, 4), date(2024, 11, 8))
    assert [(e.a_number, e.start) for e in week] == [
        (OTHER, at(4, 9, 0)),
        (ORDINARY, at(4, 9, 15)),
        (DETAINED, at(5, 9, 0)),
    ]
    ours = week[1]
    assert (ours.id, ours.case_id, ours.name, ours.detained) == (
        made.id,
        ids[ORDINARY],
        "Rosa Díaz",
        False,
    )
    assert ours.hearing() == made


@pytest.mark.parametrize(
    ("a_number", "start", "minutes", "kind", "refused"),
    [
        (ORDINARY, at(4, 9, 10), 15, HearingKind.MASTER, RefusalKind.OVERLAP),
        (ORDINARY, at(4, 11, 50), 15, HearingKind.MASTER, RefusalKind.OUTSIDE_SESSION),
        (ORDINARY, at(5, 9, 30), 15, HearingKind.MASTER, RefusalKind.WRONG_SESSION_KIND),
        (ORDINARY, at(11, 9, 0), 15, HearingKind.MASTER, RefusalKind.HOLIDAY),
        (DETAINED, at(26, 9, 0), 15, HearingKind.MASTER, RefusalKind.CLOSURE),
        (ORDINARY, at(18, 13, 0), 180, HearingKind.INDIVIDUAL, RefusalKind.LEAVE),
        (SERVED, at(4, 10, 0), 15, HearingKind.MASTER, RefusalKind.NOTICE_PERIOD),
        (ORDINARY, at(4, 10, 0), 5, HearingKind.MASTER, RefusalKind.TOO_SHORT),
    ],
)
def test_schedule_refuses_each_bad_placement_and_stores_nothing(  # type: ignore[no-untyped-def]
    court, a_number, start, minutes, kind, refused
) -> None:
    database, judge, ids = court
    before = snapshot(database, judge)
    with pytest.raises(Refused) as caught:
        service.schedule_hearing(database, judge, ids[a_number], start, minutes, kind)
    assert caught.value.refusal.kind is refused
    assert isinstance(caught.value, InvalidValue)
    assert str(caught.value) == caught.value.refusal.reason
    assert snapshot(database, judge) == before


def test_schedule_checks_the_leave_stored_now_not_the_judge_passed_in(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court

    monday_leave = [
        *LEAVE,
        replace(LEAVE[1], start=datetime(2024, 11, 4), end=datetime(2024, 11, 5)),
    ]
    save_profile(database, judge, list(CLOSURES), monday_leave)
    with pytest.raises(Refused) as caught:
        service.schedule_hearing(
            database, judge, ids[ORDINARY], at(4, 10, 0), 15, HearingKind.MASTER
        )
    assert caught.value.refusal.kind is RefusalKind.LEAVE


def test_schedule_refuses_a_completed_case(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    first = hearing_at(database, judge, at(4, 9, 0))
    service.record_outcome(database, judge, first.id, Outcome.COMPLETED, now=LATER,
                           completion_kind=CompletionKind.REMOVAL_ORDER)  # fmt: skip
    with pytest.raises(InvalidValue, match="is completed"):
        service.schedule_hearing(database, judge, ids[OTHER], at(7, 9, 0), 15, HearingKind.MASTER)


def test_undo_and_redo_of_schedule_restore_the_database_exactly(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    before = snapshot(database, judge)
    made = service.schedule_hearing(
        database, judge, ids[ORDINARY], at(4, 9, 15), 15, HearingKind.MASTER
    )
    after = snapshot(database, judge)
    assert after != before
    assert service.unschedule(database, made.id) == made
    assert snapshot(database, judge) == before
    assert service.reinstate(database, ids[ORDINARY], made) == made
    assert snapshot(database, judge) == after


def test_unschedule_hearing_takes_a_scheduled_hearing_off_and_undo_puts_it_back(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    before = snapshot(database, judge)
    case_id, removed = service.unschedule_hearing(database, booked.id, seen=booked)
    assert (case_id, removed) == (ids[OTHER], booked)
    after = snapshot(database, judge)
    assert [h.start for h in after.hearings] == [at(5, 9, 0)]
    assert service.reinstate(database, case_id, removed) == booked  # the undo
    assert snapshot(database, judge) == before
    service.unschedule(database, booked.id)  # the redo
    assert snapshot(database, judge) == after


def test_unschedule_hearing_refuses_a_recorded_or_changed_hearing(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    service.record_outcome(database, judge, booked.id, Outcome.HELD, now=LATER)
    before = snapshot(database, judge)
    with pytest.raises(InvalidValue) as caught:
        service.unschedule_hearing(database, booked.id)
    assert str(caught.value) == (
        "the hearing of Mon 4 Nov 2024 at 09:00 is already recorded as held: "
        "only a scheduled hearing can be unscheduled"
    )
    with pytest.raises(StaleEdit):
        service.unschedule_hearing(database, booked.id, seen=booked)
    assert snapshot(database, judge) == before


def test_move_checks_the_new_place_and_undo_puts_it_back(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    start = snapshot(database, judge)
    with pytest.raises(Refused, match="federal holiday"):
        service.move_hearing(database, judge, booked.id, at(11, 9, 0), 15)
    moved_before, moved_after = service.move_hearing(database, judge, booked.id, at(4, 9, 5), 30)
    assert moved_before == booked  # moving over its own old slot is no overlap
    assert (moved_after.id, moved_after.start, moved_after.minutes) == (booked.id, at(4, 9, 5), 30)
    moved = snapshot(database, judge)
    service.restore_hearing(database, moved_before)
    assert snapshot(database, judge) == start
    service.restore_hearing(database, moved_after)
    assert snapshot(database, judge) == moved


def test_a_move_or_outcome_over_someone_elses_change_is_refused_naming_them(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    seen = hearing_at(database, judge, at(4, 9, 0))  # the clerk's calendar shows it at 09:00
    other = Database.open(location_of(database))  # the judge, in another window
    other.editor = "jortiz"
    service.move_hearing(other, judge, seen.id, at(4, 10, 0), 15, seen=seen)
    other.close()
    stored = snapshot(database, judge)

    with pytest.raises(StaleEdit, match=r"^jortiz changed the master hearing .* at 09:00-09:15"):
        service.move_hearing(database, judge, seen.id, at(4, 9, 30), 15, seen=seen)
    with pytest.raises(StaleEdit, match=r"it is now the master hearing .* at 10:00-10:15"):
        service.record_outcome(database, judge, seen.id, Outcome.HELD, now=LATER, seen=seen)
    assert snapshot(database, judge) == stored  # nothing saved over the judge's move

    now = hearing_at(database, judge, at(4, 10, 0))  # read again, the clerk may go on
    service.record_outcome(database, judge, now.id, Outcome.HELD, now=LATER, seen=now)
    assert hearing_at(database, judge, at(4, 10, 0)).status is HearingStatus.HELD


# Outcomes ---------------------------------------------------------------------------------------


def _undo_redo_exact(database: Database, judge: Judge, record, before: Docket) -> None:  # type: ignore[no-untyped-def]
    after = snapshot(database, judge)
    assert after != before
    service.undo_outcome(database, record)
    assert snapshot(database, judge) == before
    service.redo_outcome(database, record)
    assert snapshot(database, judge) == after


def test_held(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    before = snapshot(database, judge)
    record = service.record_outcome(database, judge, booked.id, Outcome.HELD, now=LATER)
    assert hearing_at(database, judge, at(4, 9, 0)).status is HearingStatus.HELD
    assert record.after.status is HearingStatus.HELD
    assert record.added is None
    _undo_redo_exact(database, judge, record, before)


@pytest.mark.parametrize(
    ("outcome", "details"),
    [
        (Outcome.HELD, {}),
        (Outcome.ADJOURNED, {"reason": "Respondent to seek counsel"}),
        (Outcome.CONTINUED, {"reason": "Counsel ill", "continued_to": date(2024, 11, 12)}),
        (Outcome.COMPLETED, {"completion_kind": CompletionKind.REMOVAL_ORDER}),
    ],
)
def test_an_outcome_on_a_hearing_after_now_is_refused_with_the_reason(  # type: ignore[no-untyped-def]
    court, outcome, details
) -> None:
    """A hearing not yet held has no outcome: every entry point gets the same one-line reason."""
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(5, 9, 0))
    before = snapshot(database, judge)
    with pytest.raises(InvalidValue) as caught:
        service.record_outcome(database, judge, booked.id, outcome, now=at(5, 8, 59), **details)
    assert str(caught.value) == (
        "the hearing is on Tue 5 Nov at 09:00: record its outcome once it has been held"
    )
    assert snapshot(database, judge) == before
    started = service.record_outcome(
        database, judge, booked.id, outcome, now=at(5, 9, 0), **details
    )
    assert started.after.status is not HearingStatus.SCHEDULED


def test_adjourned_needs_a_reason_and_frees_the_slot(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    with pytest.raises(InvalidValue, match="needs its reason"):
        service.record_outcome(
            database, judge, booked.id, Outcome.ADJOURNED, now=LATER, reason="  "
        )
    before = snapshot(database, judge)
    record = service.record_outcome(
        database,
        judge,
        booked.id,
        Outcome.ADJOURNED,
        now=LATER,
        reason="Respondent to seek counsel",
    )
    stored = hearing_at(database, judge, at(4, 9, 0))
    assert (stored.status, stored.adjournment_reason) == (
        HearingStatus.ADJOURNED,
        "Respondent to seek counsel",
    )
    _undo_redo_exact(database, judge, record, before)
    # The adjourned hearing no longer holds its slot.
    service.schedule_hearing(database, judge, ids[ORDINARY], at(4, 9, 0), 15, HearingKind.MASTER)


def test_continued_sets_a_new_hearing_at_the_same_time_and_length(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    with pytest.raises(Refused, match="Veterans Day"):
        service.record_outcome(database, judge, booked.id, Outcome.CONTINUED, now=LATER,
                               reason="Interpreter unavailable", continued_to=date(2024, 11, 11))  # fmt: skip
    with pytest.raises(InvalidValue, match="later day"):
        service.record_outcome(database, judge, booked.id, Outcome.CONTINUED, now=LATER,
                               reason="Interpreter unavailable", continued_to=date(2024, 11, 4))  # fmt: skip
    before = snapshot(database, judge)
    assert hearing_at(database, judge, at(4, 9, 0)).status is HearingStatus.SCHEDULED  # untouched
    record = service.record_outcome(database, judge, booked.id, Outcome.CONTINUED, now=LATER,
                                    reason="Interpreter unavailable", continued_to=date(2024, 11, 7))  # fmt: skip
    assert record.after.status is HearingStatus.ADJOURNED
    new = hearing_at(database, judge, at(7, 9, 0))
    assert new == record.added
    assert (new.a_number, new.minutes, new.kind, new.status) == (
        OTHER, 15, HearingKind.MASTER, HearingStatus.SCHEDULED,
    )  # fmt: skip
    _undo_redo_exact(database, judge, record, before)


def test_completed_completes_the_case_and_takes_off_its_later_hearings(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    later = service.schedule_hearing(
        database, judge, ids[OTHER], at(7, 13, 0), 180, HearingKind.INDIVIDUAL
    )
    booked = hearing_at(database, judge, at(4, 9, 0))
    with pytest.raises(InvalidValue, match="needs its kind"):
        service.record_outcome(database, judge, booked.id, Outcome.COMPLETED, now=LATER)
    before = snapshot(database, judge)
    record = service.record_outcome(database, judge, booked.id, Outcome.COMPLETED, now=LATER,
                                    completion_kind=CompletionKind.IN_ABSENTIA)  # fmt: skip
    now = snapshot(database, judge)
    completed = next(c for c in now.cases if c.a_number == OTHER)
    assert (completed.status, completed.completion_kind, completed.completion_date) == (
        CaseStatus.COMPLETED, CompletionKind.IN_ABSENTIA, date(2024, 11, 4),
    )  # fmt: skip
    assert [h.status for h in now.hearings if h.a_number == OTHER] == [HearingStatus.COMPLETED]
    assert record.removed == (later,)
    _undo_redo_exact(database, judge, record, before)


def test_completed_on_another_date(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    record = service.record_outcome(database, judge, booked.id, Outcome.COMPLETED, now=LATER,
                                    completion_kind="relief_granted", on=date(2024, 11, 6))  # fmt: skip
    assert record.case_after is not None
    assert record.case_after.completion_date == date(2024, 11, 6)
    assert get_case(database, ids[OTHER]).completion_kind is CompletionKind.RELIEF_GRANTED
    with pytest.raises(InvalidValue, match="already recorded as completed"):
        service.record_outcome(database, judge, booked.id, Outcome.HELD, now=LATER)


def test_a_hearing_deleted_meanwhile_is_a_conflict(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    service.unschedule(database, booked.id)
    with pytest.raises(Conflict, match="no longer"):
        service.record_outcome(database, judge, booked.id, Outcome.HELD, now=LATER)
    with pytest.raises(Conflict, match="no longer"):
        service.move_hearing(database, judge, booked.id, at(4, 10, 0), 15)


# Day summaries and conflicts from the database ------------------------------------------------


def test_day_summaries_and_conflicts_for_read_the_stored_calendar(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    service.schedule_hearing(database, judge, ids[ORDINARY], at(18, 9, 0), 15, HearingKind.MASTER)
    days = service.day_summaries_for(database, judge, date(2024, 11, 1), date(2024, 11, 30))
    assert len(days) == 30
    monday = days[3]
    assert (monday.day, monday.booked_minutes, monday.hearings, monday.free_minutes) == (
        date(2024, 11, 4), 15, 1, 405,
    )  # fmt: skip
    assert days[10].state is DayState.HOLIDAY
    assert service.conflicts_for(database, judge, date(2024, 11, 1), date(2024, 11, 30)) == []
    # Leave taken on the 18th after the hearing was booked: the hearing is now in conflict.
    save_profile(database, judge, list(CLOSURES),
                 [*LEAVE, replace(LEAVE[1], start=datetime(2024, 11, 18), end=datetime(2024, 11, 19))])  # fmt: skip
    (found,) = service.conflicts_for(database, judge, date(2024, 11, 1), date(2024, 11, 30))
    assert found.kind is RefusalKind.LEAVE
    assert "A100-000-001" in found.reason
    # The month and year views read both at once: the same days and conflicts.
    both = service.days_and_conflicts_for(database, judge, date(2024, 11, 1), date(2024, 11, 30))
    assert both == (
        service.day_summaries_for(database, judge, date(2024, 11, 1), date(2024, 11, 30)),
        [found],
    )
    # The day and week views' reload: all of it from one read.
    first, last = date(2024, 11, 18), date(2024, 11, 22)
    view = service.days_view(database, judge, first, last)
    assert view.entries == service.agenda(database, judge.id, first, last)  # type: ignore[arg-type]
    assert view.summaries == service.day_summaries_for(database, judge, first, last)
    assert view.conflicts == [found]
    assert (view.closures, view.leave) == service_judges.calendar_of(database, judge.id)  # type: ignore[arg-type]
    assert (view.court.first, view.court.last, view.court.judge) == (first, last, judge)


def test_continued_to_a_date_and_time_sets_the_new_hearing_then(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, _ids = court
    booked = hearing_at(database, judge, at(4, 9, 0))
    with pytest.raises(Refused, match="not inside a bench session"):
        service.record_outcome(database, judge, booked.id, Outcome.CONTINUED, now=LATER,
                               reason="Counsel's motion", continued_to=at(7, 12, 30))  # fmt: skip
    before = snapshot(database, judge)
    record = service.record_outcome(database, judge, booked.id, Outcome.CONTINUED, now=LATER,
                                    reason="Counsel's motion", continued_to=at(7, 10, 45))  # fmt: skip
    new = hearing_at(database, judge, at(7, 10, 45))
    assert new == record.added
    assert (new.minutes, new.kind) == (15, HearingKind.MASTER)
    assert hearing_at(database, judge, at(4, 9, 0)).adjournment_reason == "Counsel's motion"
    _undo_redo_exact(database, judge, record, before)


def test_hearing_plan_reads_the_case_and_its_hearings_once(court) -> None:  # type: ignore[no-untyped-def]
    database, judge, ids = court
    plan = service.hearing_plan(database, judge, ids[OTHER])
    assert (plan.case_id, plan.case.a_number, plan.kind, plan.minutes) == (
        ids[OTHER], OTHER, HearingKind.MASTER, 15,
    )  # fmt: skip
    assert [h.start for h in plan.hearings] == [at(4, 9, 0)]
    booked = hearing_at(database, judge, at(4, 9, 0))
    service.record_outcome(database, judge, booked.id, Outcome.HELD, now=LATER)
    later = service.hearing_plan(database, judge, ids[OTHER])
    assert (later.kind, later.minutes) == (HearingKind.INDIVIDUAL, 195)  # asylum's estimate
    with database.transaction() as repo:
        done = replace(repo.case(ids[ORDINARY]), status=CaseStatus.COMPLETED,
                       completion_kind=CompletionKind.DISMISSAL, completion_date=date(2024, 11, 1))  # fmt: skip
        repo.update_case(done)
    with pytest.raises(InvalidValue, match="completed"):
        service.hearing_plan(database, judge, ids[ORDINARY])
