"""day_summaries: each state of a day and its minutes, checked by hand."""

from datetime import date, datetime

import pytest

from planner.domain.calendar import CourtCalendar
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind, LeaveKind
from planner.scheduling.days import DayState, DaySummary, day_summaries
from tests.scheduling.court import CLOSURES, FIRST, JUDGE, LAST, LEAVE, at, calendar, hearing


def summary(day: int, hearings=()) -> DaySummary:  # type: ignore[no-untyped-def]
    (found,) = day_summaries(JUDGE, calendar(), hearings, date(2024, 11, day), date(2024, 11, day))
    return found


def state(found: DaySummary) -> tuple[DayState, str]:
    return found.state, found.label


def test_an_empty_workday_has_seven_hours_of_bench_all_free() -> None:
    monday = summary(4)
    assert monday == DaySummary(date(2024, 11, 4), DayState.WORKDAY, "", 420, 0, 420, 0, 0)
    assert monday.fullness == 0


def test_booked_minutes_count_occupying_hearings_and_free_minutes_their_union() -> None:
    hearings = [
        hearing(at(4, 9, 0), 30, id=1),
        hearing(at(4, 9, 15), 30, a_number="222222222", id=2),  # overlaps 1 by 15 minutes
        hearing(at(4, 13, 0), 180, HearingKind.INDIVIDUAL, "333333333", id=3, status="held"),
        hearing(at(4, 10, 0), 60, a_number="444444444", id=4, status="adjourned",
                adjournment_reason="no interpreter"),  # off the calendar
        hearing(at(5, 9, 0), 30, a_number="555555555", id=5),  # another day
    ]  # fmt: skip
    monday = summary(4, hearings)
    assert monday.booked_minutes == 30 + 30 + 180
    assert monday.hearings == 3
    assert monday.free_minutes == 420 - 45 - 180
    assert monday.fullness == pytest.approx(240 / 420)


def test_a_friday_counts_only_its_bench_session() -> None:
    friday = summary(8)
    assert (friday.state, friday.bench_minutes) == (DayState.WORKDAY, 210)


def test_holiday_closure_weekend_and_leave_days_are_named() -> None:
    assert state(summary(11)) == (DayState.HOLIDAY, "Veterans Day")
    assert state(summary(26)) == (DayState.CLOSURE, "Building maintenance")
    assert state(summary(2)) == (DayState.NO_SESSIONS, "no sessions")
    thursday = summary(21)
    assert state(thursday) == (DayState.LEAVE, "on leave")
    assert (thursday.bench_minutes, thursday.free_minutes, thursday.leave_minutes) == (0, 0, 420)
    assert thursday.fullness is None


def test_part_day_leave_takes_its_bench_minutes_away() -> None:
    monday = summary(18, [hearing(at(18, 9, 0), 15, id=1)])
    assert monday.state is DayState.WORKDAY
    assert (monday.bench_minutes, monday.leave_minutes) == (210, 210)
    assert monday.free_minutes == 210 - 15


def test_leave_over_all_bench_sessions_but_not_the_whole_day_is_a_leave_day() -> None:
    office_hours = Leave(datetime(2024, 11, 4, 8, 0), datetime(2024, 11, 4, 17, 0), LeaveKind.OTHER)
    cal = CourtCalendar(JUDGE, CLOSURES, (*LEAVE, office_hours), FIRST, LAST)
    (monday,) = day_summaries(JUDGE, cal, [], date(2024, 11, 4), date(2024, 11, 4))
    assert monday.state is DayState.LEAVE


def test_a_booked_hearing_on_a_closed_day_still_counts_as_booked() -> None:
    closed = summary(26, [hearing(at(26, 9, 0), 15, id=1)])
    assert (closed.booked_minutes, closed.hearings, closed.bench_minutes) == (15, 1, 0)


def test_the_month_has_one_summary_per_day_and_its_bench_adds_up() -> None:
    month = day_summaries(JUDGE, calendar(), [], FIRST, LAST)
    assert [s.day.day for s in month] == list(range(1, 31))
    # 21 weekdays; Veterans Day, Thanksgiving and the closure are off; Thursday 21 on leave;
    # Monday 18 loses its afternoon. Mon-Thu sit 420 minutes, Friday 210.
    workdays = [s for s in month if s.state is DayState.WORKDAY]
    assert len(workdays) == 21 - 4
    fridays = sum(1 for s in workdays if s.day.weekday() == 4)
    assert (
        sum(s.bench_minutes for s in month) == 420 * (len(workdays) - fridays) + 210 * fridays - 210
    )


def test_a_range_beyond_the_calendar_is_an_error() -> None:
    with pytest.raises(ValueError, match="the calendar covers"):
        day_summaries(JUDGE, calendar(), [], date(2024, 10, 31), LAST)
