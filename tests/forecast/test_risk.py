"""Why an at-risk judge is at risk, and the pace to date, on hand-worked numbers."""

from datetime import date, datetime

from planner.forecast.report import Forecast
from planner.forecast.risk import behind_pace, pace_to_date, risk_reasons
from planner.forecast.verdict import Verdict

#: Quota 700, 251 workdays in the year, 44 of them gone: 700 * 44 / 251 = 122.7 expected by now,
#: 122 rounded down as the verdict counts; 88 done, 34 behind.
BASE = Forecast(
    judge="Adams",
    fiscal_year=2027,
    fy_start=date(2026, 10, 1),
    fy_end=date(2027, 9, 30),
    as_of=datetime(2026, 12, 1, 9),
    quota=700,
    completed=88,
    needed=612,
    pending_cases=900,
    capacity_minutes=60_000.0,
    booked_minutes=0.0,
    max_completions_at_current_lengths=650,
    max_completions_at_minimum_lengths=800,
    required_shortening_pct=0.0,
    minutes_per_needed_completion=60_000 / 612,
    bench_hours_missing=0.0,
    slack_pct=6.0,
    workdays_in_year=251,
    workdays_left=207,
    pace_expected_to_date=700 * 44 / 251,
    projected_from_booked=88,
    counted_completions=("decision",),
    verdict=Verdict.AT_RISK,
)


def test_the_pace_to_date_is_completions_against_the_even_pace_rounded_down() -> None:
    pace = pace_to_date(BASE)
    assert (pace.completed, pace.expected, pace.ahead) == (88, 122, -34)
    assert pace.text == "88 / 122 (-34)"
    assert behind_pace(BASE) == 34
    ahead = BASE._replace(completed=1_130, quota=7_000, pace_expected_to_date=1_227.09)
    assert pace_to_date(ahead).text == "1,130 / 1,227 (-97)"
    assert pace_to_date(BASE._replace(completed=130)).text == "130 / 122 (+8)"
    assert behind_pace(BASE._replace(completed=130)) == 0
    # 122.7 expected: 122 done is on the pace as the verdict counts it.
    assert behind_pace(BASE._replace(completed=122)) == 0


def test_both_conditions_when_both_hold() -> None:
    assert risk_reasons(BASE) == (
        "slack 6.0% of the binding pools' capacity, under 10%",
        "behind the even pace by 34",
    )


def test_only_the_slack_when_on_pace() -> None:
    assert risk_reasons(BASE._replace(completed=125, slack_pct=9.4)) == (
        "slack 9.4% of the binding pools' capacity, under 10%",
    )
    assert risk_reasons(BASE._replace(completed=125, slack_pct=5.98)) == (
        "slack 6.0% of the binding pools' capacity, under 10%",
    )
    # Rounded down only where rounding would reach the threshold: 9.96% never reads as "10.0%, under 10%".
    assert risk_reasons(BASE._replace(completed=125, slack_pct=9.96)) == (
        "slack 9.9% of the binding pools' capacity, under 10%",
    )


def test_only_the_pace_when_the_slack_is_enough() -> None:
    assert risk_reasons(BASE._replace(slack_pct=10.0)) == ("behind the even pace by 34",)
    assert risk_reasons(BASE._replace(slack_pct=None)) == ("behind the even pace by 34",)


def test_the_judges_own_threshold() -> None:
    assert risk_reasons(BASE._replace(completed=125, slack_pct=12.0, at_risk_slack_pct=15.0)) == (
        "slack 12.0% of the binding pools' capacity, under 15%",
    )


def test_no_reasons_unless_at_risk() -> None:
    for verdict in Verdict:
        if verdict is not Verdict.AT_RISK:
            assert risk_reasons(BASE._replace(verdict=verdict)) == ()
