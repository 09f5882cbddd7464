"""Known-answer tests: every expected figure is worked out by hand in the test's docstring.

The small judge sits only on Mondays, 09:00-12:00. From Sunday 1 August 2027 to the end of
FY 2027 (30 September 2027) the Mondays are 2, 9, 16, 23, 30 August and 6 (Labor Day, a holiday),
13, 20, 27 September: 8 sittings of 180 minutes, so C = 1,440 minutes. FY 2027 has 52 Mondays,
6 of them holidays (12 Oct, 18 Jan, 15 Feb, 31 May, 5 Jul observed, 6 Sep): 46 workdays, 38 of
them before 1 August.
"""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.time_off import Leave
from planner.domain.vocabulary import CompletionKind, HearingKind, SessionKind
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast
from planner.forecast.verdict import Verdict

AS_OF = datetime(2027, 8, 1)
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _pending(count: int, kind: str = "removal", start: int = 1, **fields: object) -> list[Case]:
    return [
        Case(f"{start + i:09d}", f"Respondent {i}", kind, date(2025, 1, 1), **fields)  # type: ignore[arg-type]
        for i in range(count)
    ]


def _completed(
    count: int,
    kind: CompletionKind = CompletionKind.REMOVAL_ORDER,
    on: date = date(2027, 3, 1),
    start: int = 500_000,
) -> list[Case]:
    return [
        Case(
            f"{start + i:09d}",
            f"Done {i}",
            "removal",
            date(2025, 1, 1),
            status="completed",  # type: ignore[arg-type]
            completion_date=on,
            completion_kind=kind,
        )
        for i in range(count)
    ]


def _run(
    quota: int, cases: list[Case], hearings: tuple[Hearing, ...] = (), leave: tuple[Leave, ...] = ()
) -> Forecast:
    judge = Judge("Small", quota=quota, sessions=MONDAYS, rule_set="2018")  # a quota applies
    return forecast(judge, closures=[], leave=leave, cases=cases, hearings=hearings, as_of=AS_OF)


def test_capacity_and_pace_of_the_small_judge() -> None:
    """C = 8 x 180 = 1,440 minutes; 46 workdays in the year, 8 of them left."""
    result = _run(60, _pending(100))
    assert result.capacity_minutes == 1440
    assert result.workdays_in_year == 46
    assert result.workdays_left == 8
    assert result.fiscal_year == 2027
    assert (result.fy_start, result.fy_end) == (date(2026, 10, 1), date(2027, 9, 30))


def test_unreachable_without_shortening() -> None:
    """Quota 60, none completed: N = 60. 100 removal cases of 30 minutes (floor 20).

    K(1) = 1,440 / 30 = 48 < 60; at the floors 1,440 / 20 = 72 >= 60.
    f* = 1,440 / (60 x 30) = 0.8: hearings 20% shorter, a removal case 30 -> 24 minutes.
    Missing at current lengths: 60 x 30 - 1,440 = 360 minutes = 6 hours.
    Minutes per needed completion: 1,440 / 60 = 24.
    """
    result = _run(60, _pending(100))
    assert result.verdict is Verdict.UNREACHABLE_WITHOUT_SHORTENING
    assert result.needed == 60
    assert result.max_completions_at_current_lengths == 48
    assert result.max_completions_at_minimum_lengths == 72
    assert result.required_shortening_pct == pytest.approx(20.0, abs=1e-6)
    assert result.bench_hours_missing == pytest.approx(6.0)
    assert result.minutes_per_needed_completion == 24
    assert result.shortened_case_minutes["removal"].shortened == 24
    assert result.shortened_hearing_minutes["individual"].shortened == 144  # 180 x 0.8
    assert "20% shorter" in result.message
    # Removal cases need master hearings only: the message quotes those (15 x 0.8 = 12).
    assert "master hearings from 15 to 12 minutes" in result.message
    assert "reach 60" in result.message


def test_unreachable_at_minimum_lengths() -> None:
    """Quota 80: at the 20-minute floors only 72 fit; 80 x 20 - 1,440 = 160 minutes short."""
    result = _run(80, _pending(100))
    assert result.verdict is Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS
    assert result.max_completions_at_minimum_lengths == 72
    assert result.required_shortening_pct is None
    assert result.bench_hours_missing == pytest.approx(160 / 60)
    assert "only 72 of the 80" in result.message


def test_not_enough_cases() -> None:
    """Quota 200 with 100 pending: 100 cases short, however short the hearings."""
    result = _run(200, _pending(100))
    assert result.verdict is Verdict.NOT_ENOUGH_CASES
    assert "100 fewer than the 200" in result.message


def test_at_risk_when_slack_is_under_ten_percent() -> None:
    """Quota 255, 210 completed: N = 45. Pace to date: 255 x 38 / 46 = 210.7, and 210 are done.

    The 45 shortest need 45 x 30 = 1,350 minutes: slack 90 / 1,440 = 6.25% < 10%.
    """
    result = _run(255, _pending(100) + _completed(210))
    assert result.completed == 210
    assert result.pace_expected_to_date == pytest.approx(255 * 38 / 46)
    assert result.slack_pct == pytest.approx(6.25)
    assert result.verdict is Verdict.AT_RISK
    assert "6% of the 24 bench hours left would be spare" in result.message


def test_at_risk_when_behind_pace() -> None:
    """Quota 190, 150 completed: N = 40 fits with 16.7% slack, but pace expects 190 x 38 / 46
    = 156.96 by now."""
    result = _run(190, _pending(100) + _completed(150))
    assert result.verdict is Verdict.AT_RISK
    assert "150 completions so far against 157 expected" in result.message


def test_on_track() -> None:
    """Quota 240, 200 completed (pace 198.3): N = 40, slack (1,440 - 1,200) / 1,440 = 16.7%."""
    result = _run(240, _pending(100) + _completed(200))
    assert result.verdict is Verdict.ON_TRACK
    assert result.required_shortening_pct == 0
    assert result.minutes_per_needed_completion == 36
    assert result.message.startswith("On track: 40 more completions needed and 48 fit")


def test_only_counted_completions_of_this_year_up_to_as_of_count() -> None:
    """Of 5 completions only 2 count: a change of venue does not count, one was completed in
    FY 2026, and one is dated after as-of (so, from as-of, it is still pending)."""
    cases = (
        _completed(2, start=1000)
        + _completed(1, CompletionKind.CHANGE_OF_VENUE, start=2000)
        + _completed(1, on=date(2026, 9, 30), start=3000)
        + _completed(1, on=date(2027, 8, 15), start=4000)
    )
    result = _run(10, cases)
    assert result.completed == 2
    assert result.pending_cases == 1
    assert "change_of_venue" not in result.counted_completions


def test_booked_hearings_count_toward_work_and_booked_minutes() -> None:
    """One case overridden to 40 minutes with a 60-minute hearing booked: r = max(60, 40) = 60.
    Another with a 10-minute hearing booked: r = max(10, 30) = 30. A hearing before as-of is not
    in the window. Booked B = 70; K(1) with C = 1,440: 60 + 30 = 90, both fit."""
    cases = _pending(1, remaining_minutes=40) + _pending(1, start=2)
    hearings = (
        Hearing("000000001", datetime(2027, 8, 2, 9), 60, HearingKind.MASTER),
        Hearing("000000002", datetime(2027, 8, 9, 9), 10, HearingKind.MASTER),
        Hearing("000000002", datetime(2027, 7, 26, 9), 15, HearingKind.MASTER),
    )
    result = _run(2, cases, hearings)
    assert result.booked_minutes == 70
    assert result.max_completions_at_current_lengths == 2
    assert result.projected_from_booked == 1  # only the first case's booking covers its work


def test_part_day_and_whole_day_leave_reduce_capacity() -> None:
    """Whole-day leave on Monday 9 August (-180) and 10:00-11:00 on 16 August (-60): 1,200."""
    leave = (
        Leave.days(date(2027, 8, 9), date(2027, 8, 9)),
        Leave(datetime(2027, 8, 16, 10), datetime(2027, 8, 16, 11), "sick"),  # type: ignore[arg-type]
    )
    result = _run(10, _pending(20), leave=leave)
    assert result.capacity_minutes == 1200
    assert result.workdays_left == 7


def test_forecast_json_has_the_contract_keys() -> None:
    keys = {
        "judge",
        "fiscal_year",
        "fy_start",
        "fy_end",
        "as_of",
        "quota",
        "completed",
        "needed",
        "pending_cases",
        "capacity_minutes",
        "booked_minutes",
        "max_completions_at_current_lengths",
        "required_shortening_pct",
        "minutes_per_needed_completion",
        "verdict",
        "message",
    }
    payload = _run(60, _pending(100)).as_json()
    assert keys <= payload.keys()
    assert payload["verdict"] == "unreachable_without_shortening"
    assert payload["fy_start"] == "2026-10-01"


def test_one_pending_case_reads_in_the_singular() -> None:
    """Quota 2, one case pending, none completed: 1 case short of the 2 needed."""
    result = _run(2, _pending(1))
    assert result.verdict is Verdict.NOT_ENOUGH_CASES
    assert result.message.startswith(
        "Only 1 case is pending, 1 fewer than the 2 completions still needed to reach 2:"
    )


def test_one_needed_completion_reads_in_the_singular() -> None:
    """Quota 1, 100 pending: 1 more completion needed, 48 fit."""
    result = _run(1, _pending(100))
    assert result.verdict is Verdict.ON_TRACK
    assert result.message.startswith("On track: 1 more completion needed and 48 fit")
    assert "24 bench hours left, 24.0 hours per needed completion" in result.message


def test_one_completion_so_far_reads_in_the_singular() -> None:
    """Quota 3, 1 completed: the even pace expects 3 x 38 / 46 = 2.5 by now, so it is at risk
    though the 2 needed completions fit."""
    result = _run(3, _pending(100) + _completed(1))
    assert result.verdict is Verdict.AT_RISK
    assert "1 completion so far against 2 expected by now" in result.message
