"""Fiscal years, federal holidays with the observed-date rule, and workdays."""

from datetime import date, datetime, time

from planner.domain.calendar import (
    CourtCalendar,
    federal_holidays,
    fiscal_year_bounds,
    fiscal_year_of,
)
from planner.domain.judge import Judge, Session
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import SessionKind


def test_federal_fiscal_year_is_named_by_the_year_it_ends() -> None:
    judge = Judge("Ortiz")
    assert fiscal_year_of(date(2026, 10, 1), judge) == 2027
    assert fiscal_year_of(date(2026, 9, 30), judge) == 2026
    assert fiscal_year_bounds(2027, judge) == (date(2026, 10, 1), date(2027, 9, 30))


def test_calendar_year_fiscal_year() -> None:
    judge = Judge("Ortiz", fy_start_month=1, fy_start_day=1)
    assert fiscal_year_of(date(2027, 1, 1), judge) == 2027
    assert fiscal_year_bounds(2027, judge) == (date(2027, 1, 1), date(2027, 12, 31))


def test_new_years_day_2028_is_observed_on_friday_31_december_2027_inside_fy_2028() -> None:
    first, last = fiscal_year_bounds(2028, Judge("Ortiz"))
    assert date(2027, 12, 31) in federal_holidays(first, last)


def test_fy_2019_has_251_workdays_as_the_worked_example_says() -> None:
    """261 weekdays from 1 Oct 2018 to 30 Sep 2019, less 10 federal holidays on weekdays."""
    judge = Judge("Ortiz")
    first, last = fiscal_year_bounds(2019, judge)
    calendar = CourtCalendar(judge, [], [], first, last)
    assert calendar.workdays() == 251


def test_closures_and_whole_day_leave_are_not_workdays_but_part_day_leave_is() -> None:
    judge = Judge("Ortiz")
    calendar = CourtCalendar(
        judge,
        [Closure(date(2018, 12, 24), "Executive order")],
        [
            Leave.days(date(2019, 1, 7), date(2019, 1, 8)),
            Leave(datetime(2019, 1, 9, 13), datetime(2019, 1, 9, 17), "sick"),
        ],
        date(2018, 12, 1),
        date(2019, 1, 31),
    )
    assert not calendar.is_workday(date(2018, 12, 24))
    assert calendar.day_off_reason(date(2018, 12, 25)) == "Christmas Day"
    assert not calendar.is_workday(date(2019, 1, 7))
    assert calendar.is_workday(date(2019, 1, 9))
    # 9 Jan: 08:30-12:00 master and 13:00-16:30 individual; the afternoon is leave.
    assert calendar.bench_minutes(datetime(2019, 1, 9), datetime(2019, 1, 10)) == 210


def test_bench_minutes_count_only_the_part_of_a_session_after_the_start() -> None:
    judge = Judge(
        "Ortiz",
        sessions=(
            Session(0, time(9), time(12), SessionKind.MASTER),
            Session(0, time(13), time(14), SessionKind.ADMINISTRATIVE),
        ),
    )
    calendar = CourtCalendar(judge, [], [], date(2026, 11, 30), date(2026, 12, 6))
    # Monday 30 Nov 2026, from 10:15: 105 minutes of the master session; admin time is not bench.
    assert calendar.bench_minutes(datetime(2026, 11, 30, 10, 15), datetime(2026, 12, 7)) == 105
