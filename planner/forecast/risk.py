"""Why a forecast is at risk, and where the judge stands against the even pace: the two at-risk
conditions of shared/domain-model.md, tested as the verdict tests them."""

import math
from dataclasses import dataclass

from planner.forecast.report import Forecast
from planner.forecast.verdict import Verdict


@dataclass(frozen=True, slots=True)
class PaceToDate:
    """Completions so far against the quota spread evenly over the workdays so far (rounded
    down, as the verdict counts it); ``ahead`` is negative when behind."""

    completed: int
    expected: int

    @property
    def ahead(self) -> int:
        return self.completed - self.expected

    @property
    def text(self) -> str:
        """ "88 / 122 (-34)" """
        return f"{self.completed:,} / {self.expected:,} ({self.ahead:+,})"


def pace_to_date(forecast: Forecast) -> PaceToDate:
    return PaceToDate(forecast.completed, math.floor(forecast.pace_expected_to_date))


def slack_too_low(forecast: Forecast) -> bool:
    return forecast.slack_pct is not None and forecast.slack_pct < forecast.at_risk_slack_pct


def behind_pace(forecast: Forecast) -> int:
    """How many completions short of the even pace to date (0 when on or ahead of it)."""
    return max(0, -pace_to_date(forecast).ahead)


def risk_reasons(forecast: Forecast) -> tuple[str, ...]:
    """For an at-risk forecast, which of the two conditions hold, in words; else nothing."""
    if forecast.verdict is not Verdict.AT_RISK:
        return ()
    reasons: list[str] = []
    if slack_too_low(forecast):
        assert forecast.slack_pct is not None
        shown = round(forecast.slack_pct, 1)
        if shown >= forecast.at_risk_slack_pct:  # 9.96%: "9.9%", never "10.0%, under 10%"
            shown = math.floor(forecast.slack_pct * 10) / 10
        reasons.append(
            f"slack {shown:.1f}% of the binding pools' capacity, "
            f"under {forecast.at_risk_slack_pct:g}%"
        )
    if behind := behind_pace(forecast):
        reasons.append(f"behind the even pace by {behind:,}")
    return tuple(reasons)
