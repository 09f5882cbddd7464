"""Rule sets: which one is in force on a day, a judge's choice and settings, refusals."""

from datetime import date

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.rules import AgeTarget, Clock, rule_set_in_force


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2018, 9, 30), "none"),  # before the 2018 metrics took effect
        (date(2018, 10, 1), "2018"),
        (date(2021, 10, 1), "2018"),  # FY 2022's first day: before the suspension
        (date(2021, 10, 18), "2018"),
        (date(2021, 10, 19), "none"),
        (date(2025, 9, 11), "none"),
        (date(2025, 9, 12), "2025"),
        (date(2026, 10, 1), "2025"),
    ],
)
def test_the_rule_set_in_force_on_a_day(day: date, key: str) -> None:
    assert rule_set_in_force(day).key == key


def test_a_fiscal_year_uses_the_rule_set_of_its_first_day() -> None:
    judge = Judge("Ruiz")
    assert judge.rules(date(2021, 10, 1)).quota == 700  # FY 2022: the 2018 metrics all year
    assert judge.rules(date(2022, 10, 1)).quota is None
    fy_2026 = judge.rules(date(2025, 10, 1))
    assert fy_2026.name == "2025 targets (PM 25-47)"
    assert [t.label for t in fy_2026.targets] == [
        "detained within 60 days",
        "non-detained within 365 days",
        "motions within 20 days",
        "asylum applications within 180 days",
        "Dedicated Docket within 300 days",
    ]


def test_the_judges_choice_and_settings_win() -> None:
    judge = Judge(
        "Ruiz", quota=650, rule_set="2018", age_targets=(AgeTarget(Clock.MOTIONS, 30, 90.0),)
    )
    rules = judge.rules(date(2026, 10, 1))
    assert (rules.key, rules.quota, rules.unsatisfactory) == ("2018", 650, 560)
    assert rules.target(Clock.MOTIONS) == AgeTarget(Clock.MOTIONS, 30, 90.0)
    # A setting for a clock the rule set does not have adds nothing.
    other = Judge("Ruiz", rule_set="2018", age_targets=(AgeTarget(Clock.DETAINED, 45, 90.0),))
    assert other.rules(date(2026, 10, 1)).target(Clock.DETAINED) is None
    own = Judge("Ruiz", quota=900, rule_set="own", age_targets=(AgeTarget(Clock.DETAINED, 45, 90),))
    rules = own.rules(date(2026, 10, 1))
    assert (rules.quota, rules.target(Clock.DETAINED)) == (900, AgeTarget(Clock.DETAINED, 45, 90))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"rule_set": "2030"}, "rule set '2030' is not one of"),
        ({"age_targets": (AgeTarget(Clock.DETAINED, 60, 95),) * 2}, "set twice"),
    ],
)
def test_bad_choices_are_refused_in_one_line(fields: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidValue, match=message):
        Judge("Ruiz", **fields)


@pytest.mark.parametrize(
    ("days", "goal", "message"),
    [(0, 95.0, "must be 1 to 3650"), (60, 0.0, "above 0"), (60, 101.0, "at most 100")],
)
def test_bad_targets_are_refused(days: int, goal: float, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        AgeTarget(Clock.DETAINED, days, goal)
