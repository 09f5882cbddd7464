"""shared/domain-model.md's worked example: FY 2019, 8 bench hours a day, 39 days of leave."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case, Leave
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import LeaveKind, SessionKind
from planner.forecast.engine import forecast
from planner.forecast.verdict import Verdict


def worked_example_judge() -> Judge:
    return Judge(
        "Worked Example",
        sessions=tuple(
            session
            for day in range(5)
            for session in (
                Session(day, time(8), time(12), SessionKind.MASTER),
                Session(day, time(13), time(17), SessionKind.INDIVIDUAL),
            )
        ),
    )


#: 26 weekdays of annual leave (4 March to 8 April 2019) and 13 of sick leave (9 to 25 April),
#: weeks without a federal holiday.
WORKED_EXAMPLE_LEAVE = (
    Leave.days(date(2019, 3, 4), date(2019, 4, 8), LeaveKind.ANNUAL),
    Leave.days(date(2019, 4, 9), date(2019, 4, 25), LeaveKind.SICK),
)


def test_worked_example() -> None:
    """251 workdays x 8 h = 2,008 h; less 39 days of leave (312 h) = 1,696 h = 101,760 minutes.
    1,696 / 700 = 2.42 hours per needed completion.

    With 1,000 pending asylum cases of 195 minutes: K(1) = floor(101,760 / 195) = 521 < 700, so
    the quota is unreachable at current lengths. f* = 101,760 / (700 x 195) = 0.7455: hearings
    25.5% shorter, a merits hearing 180 -> floor(134.2) = 134 minutes. Missing:
    (136,500 - 101,760) / 60 = 579 bench hours.
    """
    cases = [Case(f"{i:09d}", f"R{i}", "asylum", date(2018, 1, 1)) for i in range(1, 1001)]
    result = forecast(
        worked_example_judge(),
        closures=[],
        leave=WORKED_EXAMPLE_LEAVE,
        cases=cases,
        hearings=[],
        as_of=datetime(2018, 10, 1),
    )
    assert result.workdays_in_year == 251 - 39
    assert result.capacity_minutes == 101_760
    assert result.minutes_per_needed_completion / 60 == pytest.approx(2.42, abs=0.005)
    assert result.max_completions_at_current_lengths == 521
    assert result.verdict is Verdict.UNREACHABLE_WITHOUT_SHORTENING
    assert result.required_shortening_pct == pytest.approx(100 * (1 - 101_760 / 136_500), abs=1e-6)
    assert result.shortened_hearing_minutes["individual"].shortened == 134
    assert result.bench_hours_missing == pytest.approx(579)
