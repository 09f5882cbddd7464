"""shared/domain-model.md's worked example: FY 2019, 8 bench hours a day, 39 days of leave."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.records import replace
from planner.domain.time_off import Leave
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

    The 8 hours are two pools: 4 master hours and 4 individual hours a day, 50,880 minutes each.
    1,000 pending asylum cases of 195 minutes each need a 15-minute master hearing and a
    180-minute merits hearing, which only individual sessions hold: K(1) = floor(50,880 / 180)
    = 282 (the master pool would hold 3,392). At the floors (an asylum case 120 minutes, its
    merits share 120 x 180 / 195 = 110.77 minutes) floor(50,880 / 110.77) = 459 < 700, so the
    quota is unreachable even at minimum lengths, in the individual pool: 700 x 110.77 - 50,880
    = 26,658.5 minutes = 444.3 bench hours missing. (One pool of 1,696 hours would have held
    521, and needed 25.5% shorter hearings: that figure misled, since master time cannot hold
    a merits hearing.)
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
    assert [(p.session_kinds, p.capacity_minutes) for p in result.pools] == [
        (("master",), 50_880),
        (("individual",), 50_880),
    ]
    assert result.max_completions_at_current_lengths == 282
    assert result.max_completions_at_minimum_lengths == 459
    assert result.verdict is Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS
    assert result.required_shortening_pct is None
    assert result.bench_hours_missing == pytest.approx((700 * 120 * 180 / 195 - 50_880) / 60)
    assert [result.pools[i].session_kinds for i in result.short_pools] == [("individual",)]
    assert [result.pools[i].session_kinds for i in result.binding_pools] == [("individual",)]
    assert "individual" in result.message


def test_worked_example_in_one_pool() -> None:
    """The same 1,696 hours all in individual sessions, and 1,000 asylum-only cases (one merits
    hearing of 180 minutes, floor 110): one pool, so K counts the shortest cases first.
    K(1) = floor(101,760 / 180) = 565 < 700. f* = 101,760 / (700 x 180) = 0.8076: hearings
    19.2% shorter, a merits hearing 180 -> floor(145.4) = 145 minutes. Missing:
    (126,000 - 101,760) / 60 = 404 bench hours.
    """
    judge = replace(
        worked_example_judge(),
        sessions=tuple(
            replace(session, kind=SessionKind.INDIVIDUAL)
            for session in worked_example_judge().sessions
        ),
    )
    cases = [Case(f"{i:09d}", f"R{i}", "asylum_only", date(2018, 1, 1)) for i in range(1, 1001)]
    result = forecast(
        judge,
        closures=[],
        leave=WORKED_EXAMPLE_LEAVE,
        cases=cases,
        hearings=[],
        as_of=datetime(2018, 10, 1),
    )
    assert result.capacity_minutes == 101_760
    assert len(result.pools) == 1
    assert result.max_completions_at_current_lengths == 565
    assert result.verdict is Verdict.UNREACHABLE_WITHOUT_SHORTENING
    assert result.required_shortening_pct == pytest.approx(100 * (1 - 101_760 / 126_000), abs=1e-6)
    assert result.shortened_hearing_minutes["individual"].shortened == 145
    assert result.bench_hours_missing == pytest.approx(404)
