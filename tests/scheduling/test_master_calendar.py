"""Master calendars: a master session with a limit of cases and call times (issue 20).

Cases are set to a call time and take a place in the order of call: they share the time, so
they never overlap one another, but the session holds no more than its limit; capacity and the
forecast count it as its limit times the minutes of a master hearing.
"""

from datetime import date, datetime, time

import pytest

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, KindMinutes, Session, parse_call_times
from planner.domain.records import replace
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind, LeaveKind, SessionKind
from planner.forecast.engine import forecast
from planner.scheduling.autoschedule import Options, Policy, propose
from planner.scheduling.placement import RefusalKind, check_placement, conflicts
from tests.scheduling.court import CLOSURES, FIRST, LAST, LEAVE, TEMPLATE, at, case, hearing

K = SessionKind
#: Monday's master session as a master calendar: 3 cases, called at 08:30 and 10:00.
MASTER_CALENDAR = Session(0, time(8, 30), time(12, 0), K.MASTER, None, 3, (time(8, 30), time(10)))
JUDGE = Judge("Ana Ruiz", sessions=(MASTER_CALENDAR, *TEMPLATE[1:]))


def _calendar() -> CourtCalendar:
    return CourtCalendar(JUDGE, CLOSURES, LEAVE, FIRST, LAST)


def _others(count: int, day: int = 4, start: tuple[int, int] = (8, 30)) -> list[Hearing]:
    return [
        hearing(at(day, *start), 15, a_number=f"{900000000 + i}", id=100 + i) for i in range(count)
    ]


# The template -----------------------------------------------------------------------------------


def test_a_master_calendar_keeps_its_limit_and_call_times_in_order() -> None:
    session = Session(0, time(8, 30), time(12), K.MASTER, None, 40, (time(10), time(8, 30)))
    assert session.is_master_calendar
    assert session.call_times == (time(8, 30), time(10))
    assert Session(0, time(8, 30), time(12), K.MASTER, None, 40).calls == (time(8, 30),)
    assert not Session(0, time(8, 30), time(12), K.MASTER).is_master_calendar


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"kind": K.INDIVIDUAL, "case_limit": 10}, "only master, detained master and juvenile"),
        ({"case_limit": 0}, "case limit of session Mon 08:30-12:00 master 0"),
        ({"case_limit": 10, "call_times": (time(13),)}, "call time 13:00"),
        ({"call_times": (time(9),)}, "has call times but no case limit"),
    ],
)
def test_a_wrong_master_calendar_is_refused_saying_what(fields: dict, words: str) -> None:  # type: ignore[type-arg]
    values = {"weekday": 0, "start": time(8, 30), "end": time(12), "kind": K.MASTER} | fields
    with pytest.raises(InvalidValue, match=words):
        Session(**values)


def test_call_times_are_read_as_typed_and_a_wrong_one_is_named() -> None:
    assert parse_call_times(" 08:30, 10:00 ") == (time(8, 30), time(10))
    assert parse_call_times(None) == ()
    with pytest.raises(InvalidValue, match="'9h'"):
        parse_call_times("08:30, 9h")


# Capacity and the forecast ----------------------------------------------------------------------


def test_capacity_counts_a_master_calendar_by_its_limit_and_minutes_per_case() -> None:
    """Mondays 09:00-12:00 from 1 August 2027 to 30 September 2027: 8 sittings (Labor Day is a
    holiday). As a plain session: 8 x 180 = 1,440 minutes. As a master calendar of 40 cases at the
    judge's 15 minutes per master hearing: 8 x 40 x 15 = 4,800; at 10 minutes per case, 3,200."""
    plain = Session(0, time(9), time(12), K.MASTER)
    calendar = replace(plain, case_limit=40, call_times=(time(9),))
    cases = [Case(f"{i:09d}", f"R {i}", "removal", date(2025, 1, 1)) for i in range(1, 300)]

    def capacity(session: Session, per_case: int = 15) -> float:
        judge = Judge(
            "Small",
            quota=60,
            sessions=(session,),
            rule_set="2018",
            hearing_minutes={HearingKind.MASTER: KindMinutes(per_case, 5)},
        )
        result = forecast(
            judge, closures=[], leave=[], cases=cases, hearings=[], as_of=datetime(2027, 8, 1)
        )
        return result.capacity_minutes

    assert capacity(plain) == 1440
    assert capacity(calendar) == 4800
    assert capacity(calendar, per_case=10) == 3200


def test_leave_over_half_a_master_calendar_takes_half_its_places() -> None:
    """One Monday, 09:00-12:00 as 40 cases of 15 minutes (600 counted minutes); leave
    10:30-12:00 covers half the session: 300 counted minutes are left."""
    session = Session(0, time(9), time(12), K.MASTER, None, 40)
    judge = Judge("Small", sessions=(session,))
    day = date(2027, 8, 2)
    leave = [Leave(datetime(2027, 8, 2, 10, 30), datetime(2027, 8, 2, 12), LeaveKind.ANNUAL)]
    calendar = CourtCalendar(judge, [], leave, day, day)
    assert calendar.bench_minutes(datetime(2027, 8, 2), datetime(2027, 8, 3)) == 300


# Placement --------------------------------------------------------------------------------------


def test_cases_at_the_same_call_time_do_not_overlap_up_to_the_limit() -> None:
    refusal = check_placement(JUDGE, _calendar(), hearing(at(4, 8, 30)), case(), _others(2))
    assert refusal is None


def test_a_master_hearing_beyond_the_limit_is_refused_with_the_limit() -> None:
    refusal = check_placement(JUDGE, _calendar(), hearing(at(4, 10)), case(), _others(3))
    assert refusal is not None
    assert refusal.kind is RefusalKind.OVER_LIMIT
    assert "already has its limit of 3 cases" in refusal.reason
    assert refusal.others == (100, 101, 102)


def test_a_master_calendar_hearing_off_its_call_times_is_refused_naming_them() -> None:
    refusal = check_placement(JUDGE, _calendar(), hearing(at(4, 9, 15)), case(), [])
    assert refusal is not None
    assert refusal.kind is RefusalKind.CALL_TIME
    assert "08:30, 10:00" in refusal.reason


def test_conflicts_list_a_master_calendar_over_its_limit_once_and_no_overlaps() -> None:
    found = conflicts(JUDGE, _calendar(), _others(4), [])
    assert [c.kind for c in found] == [RefusalKind.OVER_LIMIT]
    assert "has 4 cases set; its limit is 3" in found[0].reason
    assert conflicts(JUDGE, _calendar(), _others(3), []) == []


# The auto-scheduler -----------------------------------------------------------------------------


def test_the_auto_scheduler_sets_master_hearings_to_call_times_up_to_the_limit() -> None:
    """Four removal cases (one master hearing each) from Mon 4 Nov 2024: Monday's calendar holds
    3, the first two called at 08:30 and the third at 10:00 (places shared in call order); with
    one already set, the fourth new case goes to Thursday's plain master session."""
    cases = [Case(f"{i:09d}", f"R {i}", "removal", date(2024, 1, i)) for i in range(1, 5)]
    proposal = propose(
        JUDGE, _calendar(), cases, _others(0), date(2024, 11, 4), Policy.OLDEST, Options()
    )
    starts = [p.start for p in proposal.proposed]
    assert starts[:3] == [at(4, 8, 30), at(4, 8, 30), at(4, 10)]
    assert starts[3].date() == date(2024, 11, 7)
    booked = _others(1)
    proposal = propose(
        JUDGE, _calendar(), cases[:3], booked, date(2024, 11, 4), Policy.OLDEST, Options()
    )
    monday = [p.start for p in proposal.proposed if p.start.date() == date(2024, 11, 4)]
    assert monday == [at(4, 8, 30), at(4, 10)]
    for p in proposal.proposed:
        assert check_placement(JUDGE, _calendar(), p.hearing(), case(p.a_number), booked) is None


def test_a_days_summary_counts_a_master_calendar_by_its_places() -> None:
    """Monday 4 Nov: the master calendar of 3 cases at 15 minutes is 45 bench minutes; with 2
    cases set, 30 booked and 15 free; the individual afternoon adds its 210 minutes, free."""
    from planner.scheduling.days import day_summaries

    [monday] = day_summaries(JUDGE, _calendar(), _others(2), date(2024, 11, 4), date(2024, 11, 4))
    assert monday.bench_minutes == 45 + 210
    assert monday.booked_minutes == 30
    assert monday.free_minutes == 15 + 210
