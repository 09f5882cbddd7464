"""How loud a forecast's warning is: a grade from how far off the year is (docs/forecast.md).

The verdict says *whether* the quota is reachable; the grade says *how far* it is from it, so a
year that needs hearings 1% shorter is not shown like one that needs them 25% shorter. The window
maps a grade to a colour and an icon; the rule lives here, over the forecast alone.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.domain.plural import counted, plural
from planner.forecast.verdict import Verdict

if TYPE_CHECKING:  # the window's colours need the grades before any forecast is made
    from planner.forecast.report import Forecast

#: A required shortening under this many percent is mild ...
MILD_BELOW_PCT = 10.0
#: ... from this many percent on it is severe; in between, serious.
SEVERE_FROM_PCT = 20.0


class Severity(StrEnum):
    """From quiet to loud. ``nothing_to_forecast``: no pending cases, nothing to say yet."""

    NOTHING_TO_FORECAST = "nothing_to_forecast"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MILD = "mild"
    SERIOUS = "serious"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Severity.NOTHING_TO_FORECAST: "Nothing to forecast",
    Severity.ON_TRACK: "On track",
    Severity.AT_RISK: "At risk",
    Severity.MILD: "Mild",
    Severity.SERIOUS: "Serious",
    Severity.SEVERE: "Severe",
}


@dataclass(frozen=True, slots=True)
class Grading:
    """A forecast's grade with the banner's words: its title and its sentence. ``severity`` is
    None where the forecast is not graded yet: under a rule set whose age targets have not been
    projected, nothing may be claimed about them (neither met nor short)."""

    severity: Severity | None
    title: str
    sentence: str


def grade(forecast: "Forecast") -> Severity:
    """The grade of ``forecast``; the first rule that applies:

    1. no pending cases: nothing to forecast (whatever the quota, there is no docket to weigh);
    2. on track or at risk: as the verdict says;
    3. a required shortening (in whole percent, as shown) under 10%: mild; under 20%: serious;
       20% or more: severe;
    4. unreachable even at the minimum lengths, or not enough cases: severe (no shortening helps).
    """
    f = forecast
    if f.pending_cases == 0:
        return Severity.NOTHING_TO_FORECAST
    if f.verdict is Verdict.ON_TRACK:
        return Severity.ON_TRACK
    if f.verdict is Verdict.AT_RISK:
        return Severity.AT_RISK
    if (
        f.verdict is Verdict.UNREACHABLE_WITHOUT_SHORTENING
        and f.required_shortening_pct is not None
    ):
        # Graded as shown, in whole percent: a banner that says "20%" is not graded below 20%.
        shortening = round(f.required_shortening_pct)
        if shortening < MILD_BELOW_PCT:
            return Severity.MILD
        if shortening < SEVERE_FROM_PCT:
            return Severity.SERIOUS
    return Severity.SEVERE


def grading(forecast: "Forecast", *, projecting: bool = False) -> Grading:
    """The grade with the words the banner shows. An empty docket says so; otherwise the title
    is the verdict's, led by the grade where the verdict alone does not say how far off it is.
    ``projecting``: the forecast's age targets are being worked out (the title says so while
    they are missing, instead of that they could not be)."""
    f = forecast
    if not f.has_quota:
        return _grading_targets(f, projecting)
    severity = grade(f)
    if severity is Severity.NOTHING_TO_FORECAST:
        return Grading(severity, "No pending cases", _nothing_pending(f))
    if severity in (Severity.ON_TRACK, Severity.AT_RISK):
        return Grading(severity, f.verdict.title, f.message)
    return Grading(severity, f"{severity.label}: {f.verdict.title.lower()}", f.message)


def _grading_targets(f: "Forecast", projecting: bool) -> Grading:
    """Under a rule set without a quota: the targets that apply, graded by the projections once
    they are known (any target short of its goal: at risk; else on track); not graded before
    (the projection runs apart from the verdict, and may yet find a target short)."""
    rules = f.rule_set
    assert rules is not None
    if not rules.targets:
        return Grading(Severity.ON_TRACK, f"No quota: {rules.name}", f.message)
    if f.pending_cases == 0 and not any(p.counted for p in f.age_targets or ()):
        return Grading(
            Severity.NOTHING_TO_FORECAST,
            "No pending cases",
            f"No pending cases: nothing to forecast under the {rules.name}.",
        )
    if f.age_targets is None:
        state = "projecting…" if projecting else "not projected"
        return Grading(None, f"Age targets: {state} · {rules.name}", f.message)
    # One line a target: the banner's sentence, shorter than the forecast's paragraph.
    today = f.as_of.date()
    lines = "\n".join(
        p.sentence(today)[:1].upper() + p.sentence(today)[1:] + "." for p in f.age_targets
    )
    short = [p for p in f.age_targets if p.short]
    if short:
        title = f"{len(short)} of {counted(len(f.age_targets), 'age target')} short: {rules.name}"
        return Grading(Severity.AT_RISK, title, lines)
    return Grading(Severity.ON_TRACK, f"Age targets met: {rules.name}", lines)


def _nothing_pending(f: "Forecast") -> str:
    if f.needed == 0:
        return f"No pending cases, and the quota of {f.quota:,} is met: nothing to forecast."
    return (
        f"No pending cases: nothing to forecast yet. {counted(f.needed, 'more completion')} "
        f"{plural(f.needed, 'is', 'are')} needed to reach {f.quota:,}; add cases or import a "
        f"docket to see whether {plural(f.needed, 'it fits', 'they fit')}."
    )
