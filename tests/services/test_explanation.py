"""Every figure behind the verdict, with its unit and its working, and what a what-if changes.

The small judge of tests/forecast/test_known_answers.py: Mondays 09:00-12:00, as of Sunday
1 August 2027. C = 8 x 180 = 1,440 minutes (24 h) on 8 workdays left of 46 in FY 2027, 38 of
them before as-of. 100 pending removal cases of 30 minutes (floor 20), none completed.
"""

from datetime import date, datetime, time

from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.forecast.demand import tally_workload
from planner.forecast.facts import ForecastInputs
from planner.forecast.whatif import WhatIf
from planner.forecast.window import window_of
from planner.services.explanation import explain, work_needed
from planner.services.forecasting import forecast_from
from planner.services.what_if_difference import difference

AS_OF = datetime(2027, 8, 1)
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _inputs(quota: int, pending: int) -> ForecastInputs:
    judge = Judge("Small", quota=quota, sessions=MONDAYS)
    cases = [Case(f"{i:09d}", f"R {i}", "removal", date(2025, 1, 1)) for i in range(pending)]
    workload = tally_workload(judge, cases, [], window_of(judge, AS_OF))
    return ForecastInputs(judge, [], [], workload, AS_OF)


def test_every_figure_behind_an_unreachable_verdict() -> None:
    """Quota 60: N = 60. The 60 cheapest cases take 60 x 30 = 1,800 min (30 h) at current
    lengths and 60 x 20 = 1,200 min (20 h) at the floors; 1,440 / 30 = 48 fit, 1,440 / 20 = 72
    at the floors; 30 h - 24 h = 6 h short; 1,440 / 60 = 24 minutes per needed completion;
    f* = 1,440 / 1,800 = 0.8, a 20% shortening; pace 60 x 38 / 46 = 49.6."""
    inputs = _inputs(60, 100)
    result = forecast_from(inputs)
    work = work_needed(result)
    assert (work.at_current, work.at_minimums) == (1800, 1200)

    shown = explain(result, work)
    texts = {
        key: shown.figure(key).text
        for key in (
            "completed",
            "pace",
            "needed",
            "workdays_left",
            "hours_left",
            "hours_booked",
            "hours_needed",
            "hours_needed_at_minimums",
            "per_completion",
            "fit_current",
            "fit_minimums",
            "hours_missing",
            "shortening",
            "severity",
        )
    }
    assert texts == {
        "completed": "0 completions",
        "pace": "49.6 completions",
        "needed": "60 completions",
        "workdays_left": "8 workdays",
        "hours_left": "24 h",
        "hours_booked": "0 h",
        "hours_needed": "30 h",
        "hours_needed_at_minimums": "20 h",
        "per_completion": "24 min (0.4 h)",
        "fit_current": "48 completions",
        "fit_minimums": "72 completions",
        "hours_missing": "6 h",
        "shortening": "20%",
        "severity": "Severe",
    }
    # The working is the arithmetic, with the same numbers.
    assert shown.figure("pace").working == (
        "quota 60 × 38 workdays so far ÷ 46 workdays in the year"
    )
    assert shown.figure("hours_needed").working.endswith("1,800 min ÷ 60")
    assert shown.figure("hours_missing").working == ("30 h needed at current lengths − 24 h left")
    assert "Small, FY 2027" in shown.heading
    assert "Required shortening: 20%" in shown.as_text()


def test_an_empty_docket_is_explained_without_a_shortening() -> None:
    inputs = _inputs(60, 0)
    result = forecast_from(inputs)
    shown = explain(result, work_needed(result))
    assert shown.figure("verdict").text == "No pending cases"
    assert shown.figure("severity").text == "Nothing to forecast"
    assert (
        shown.figure("hours_needed").working
        == "no pending cases, at their current lengths: 0 min ÷ 60"
    )
    assert shown.figure("shortening").text == "–"
    assert shown.figure("shortening").working == "no pending cases: nothing to shorten"
    assert "beyond minimums" not in shown.as_text()


def test_the_what_if_difference_names_each_figure_it_moves() -> None:
    """Quota 60 -> 50: 10 fewer needed, f* = 1,440 / 1,500 = 0.96, a 4% shortening."""
    inputs = _inputs(60, 100)
    saved = forecast_from(inputs)
    trying = forecast_from(inputs, WhatIf(quota=50))
    assert difference(saved, trying) == ("-10 completions needed, shortening 20% → 4%")
    more = trying._replace(max_completions_at_current_lengths=84, capacity_minutes=2520)
    assert difference(saved, more) == (
        "-10 completions needed, +36 completions fit, shortening 20% → 4%, +18 bench hours left"
    )
    assert difference(saved, saved) == "no change"


def test_the_hours_needed_are_the_pool_forecasts_own() -> None:
    """Mondays: a master morning (180 min) and an individual afternoon (210 min), 8 left:
    1,440 + 1,680 minutes (52 h). 20 asylum cases of 195 minutes (15 master, 180 merits), quota
    12: the 12 needed merits hearings take 2,160 minutes of individual time, 480 (8 h) more
    than there is; only 1,680 / 180 = 9 cases fit. The explanation's hours needed are the bench
    time that would hold them, 52 + 8 = 60 h, so that needed - left is the hours short, as the
    verdict counts them (their total minutes, 39 h, would say 13 h to spare)."""
    sessions = (
        Session(0, time(9), time(12), SessionKind.MASTER),
        Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
    )
    judge = Judge("Pools", quota=12, sessions=sessions)
    cases = [Case(f"{i:09d}", f"R {i}", "asylum", date(2025, 1, 1)) for i in range(20)]
    workload = tally_workload(judge, cases, [], window_of(judge, AS_OF))
    result = forecast_from(ForecastInputs(judge, [], [], workload, AS_OF))
    assert result.max_completions_at_current_lengths == 9
    assert result.verdict.value == "unreachable_without_shortening"
    assert result.bench_hours_missing == 8
    work = work_needed(result)
    assert work.at_current == 60 * 60
    shown = explain(result, work)
    assert shown.figure("hours_needed").text == "60 h"
    assert shown.figure("hours_missing").text == "8 h"
    assert shown.figure("hours_missing").working == "60 h needed at current lengths − 52 h left"
