"""How loud the warning is follows how far off the year is; an empty docket says so.

The small judge of tests/forecast/test_known_answers.py: Mondays 09:00-12:00, as of Sunday
1 August 2027, C = 8 x 180 = 1,440 minutes. Removal cases take 30 minutes (floor 20), so 48 fit
at current lengths, and N needed cases need hearings 1 - 1,440 / (30 N) shorter.
"""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import CompletionKind, SessionKind
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast
from planner.forecast.verdict import Verdict
from planner.services.severity import Severity, grade, grading

AS_OF = datetime(2027, 8, 1)
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)


def _run(quota: int, pending: int, completed: int = 0) -> Forecast:
    cases = [
        Case(f"{i:09d}", f"Respondent {i}", "removal", date(2025, 1, 1)) for i in range(pending)
    ]
    cases += [
        Case(
            f"{500_000 + i:09d}",
            f"Done {i}",
            "removal",
            date(2025, 1, 1),
            status="completed",  # type: ignore[arg-type]
            completion_date=date(2027, 3, 1),
            completion_kind=CompletionKind.REMOVAL_ORDER,
        )
        for i in range(completed)
    ]
    judge = Judge("Small", quota=quota, sessions=MONDAYS, rule_set="2018")  # a quota applies
    return forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)


@pytest.mark.parametrize(
    ("quota", "completed", "verdict", "severity"),
    [
        # 9 completed of 10: 8.3 expected by now (38 of 46 workdays), 1 needed, room to spare.
        (10, 9, Verdict.ON_TRACK, Severity.ON_TRACK),
        # None completed of 10: behind the even pace.
        (10, 0, Verdict.AT_RISK, Severity.AT_RISK),
        # 53 needed: 1 - 1,440 / 1,590 = 9.4% shorter.
        (53, 0, Verdict.UNREACHABLE_WITHOUT_SHORTENING, Severity.MILD),
        # 54 needed: 1 - 1,440 / 1,620 = 11.1% shorter.
        (54, 0, Verdict.UNREACHABLE_WITHOUT_SHORTENING, Severity.SERIOUS),
        # 62 needed: 1 - 1,440 / 1,860 = 22.6% shorter.
        (62, 0, Verdict.UNREACHABLE_WITHOUT_SHORTENING, Severity.SEVERE),
        # 80 needed: 80 x 20 = 1,600 minutes even at the floors.
        (80, 0, Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS, Severity.SEVERE),
        # 200 needed from 100 pending cases.
        (200, 0, Verdict.NOT_ENOUGH_CASES, Severity.SEVERE),
    ],
)
def test_the_grade_follows_how_far_off_the_year_is(
    quota: int, completed: int, verdict: Verdict, severity: Severity
) -> None:
    result = _run(quota, pending=100, completed=completed)
    assert result.verdict is verdict
    assert grade(result) is severity


def test_a_one_percent_shortening_is_not_shown_like_a_25_percent_one() -> None:
    """The thresholds themselves, on the whole percent shown: under 10% mild, under 20%
    serious, from 20% severe (19.6% shows as 20%, and is graded so)."""
    base = _run(54, pending=100)
    shades = [
        grade(base._replace(required_shortening_pct=pct)) for pct in (1, 9.4, 9.6, 19.4, 19.6, 25)
    ]
    assert shades == [
        Severity.MILD,
        Severity.MILD,
        Severity.SERIOUS,
        Severity.SERIOUS,
        Severity.SEVERE,
        Severity.SEVERE,
    ]


def test_the_title_names_the_grade_where_the_verdict_does_not() -> None:
    assert grading(_run(62, pending=100)).title == "Severe: unreachable without shortening hearings"
    assert grading(_run(53, pending=100)).title == "Mild: unreachable without shortening hearings"
    assert grading(_run(10, pending=100, completed=9)).title == "On track"
    assert grading(_run(62, pending=100)).sentence == _run(62, pending=100).message


def test_an_empty_docket_says_so_not_beyond_minimums() -> None:
    result = _run(700, pending=0)
    graded = grading(result)
    assert graded.severity is Severity.NOTHING_TO_FORECAST
    assert graded.title == "No pending cases"
    assert graded.sentence.startswith("No pending cases: nothing to forecast yet.")
    assert "700 more completions are needed" in graded.sentence
    assert "minimum" not in graded.sentence
    assert "shortening" not in graded.sentence


def test_an_empty_docket_with_the_quota_met_says_that_too() -> None:
    graded = grading(_run(5, pending=0, completed=5))
    assert graded.severity is Severity.NOTHING_TO_FORECAST
    assert graded.sentence == "No pending cases, and the quota of 5 is met: nothing to forecast."


def test_without_a_quota_an_empty_docket_says_so_and_never_700() -> None:
    """FY 2027 under the 2025 targets: no quota, no pending case, no completion to count."""
    judge = Judge("Small", quota=700, sessions=MONDAYS)
    result = forecast(judge, closures=[], leave=[], cases=[], hearings=[], as_of=AS_OF)
    graded = grading(result)
    assert graded.severity is Severity.NOTHING_TO_FORECAST
    assert graded.sentence == (
        "No pending cases: nothing to forecast under the 2025 targets (PM 25-47)."
    )
