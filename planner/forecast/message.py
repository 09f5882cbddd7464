"""The one plain-English sentence that states a forecast's verdict with its numbers."""

from planner.domain.plural import counted, plural
from planner.domain.vocabulary import HearingKind, hearings_of_kind
from planner.forecast.report import Forecast
from planner.forecast.shortening import HEARING_WORDS
from planner.forecast.verdict import Verdict


def _per_completion(forecast: Forecast) -> str:
    if forecast.minutes_per_needed_completion is None:
        return ""
    hours = forecast.minutes_per_needed_completion / 60
    return f", {counted(hours, 'hour', spec='.1f')} per needed completion"


def _example_cut(forecast: Forecast) -> str:
    """The merits hearing's cut, the one judges quote, if the pending cases need merits
    hearings; else the first hearing kind they need that shrinks."""
    needed = {
        kind
        for case_kind in forecast.shortened_case_minutes
        for kind in hearings_of_kind(case_kind)
    }
    for kind in (HearingKind.INDIVIDUAL, *HearingKind):
        cut = forecast.shortened_hearing_minutes.get(str(kind))
        if kind in needed and cut is not None and cut.shortened < cut.current:
            return f"{HEARING_WORDS[kind]} hearings from {cut.current} to {cut.shortened} minutes"
    return ""


def _where(forecast: Forecast) -> str:
    """ " in individual sessions": where the bench hours are missing, when there are pools."""
    if len(forecast.pools) < 2 or not forecast.short_pools:
        return ""
    return f" in {forecast.pool_names(forecast.short_pools)} sessions"


def describe_targets(forecast: Forecast) -> str:
    """What a fiscal year without a quota is measured by: the rule set and its targets, and
    each target's projection once it is known."""
    rules = forecast.rule_set
    assert rules is not None
    if forecast.age_targets:
        today = forecast.as_of.date()
        said = "; ".join(p.sentence(today) for p in forecast.age_targets)
        return f"No quota under the {rules.name}. {said[0].upper()}{said[1:]}."
    if not rules.targets:
        return f"No quota and no age targets under the {rules.name}."
    goals = ", ".join(f"{t.label} (goal {t.goal_pct:g}%)" for t in rules.targets)
    return f"No quota under the {rules.name}; the targets: {goals}."


def shortening_words(forecast: Forecast) -> str:
    """The required shortening as the command line, the report and the Court tab give it: the
    share of every hearing still to be set, "none", "beyond the minimums", or, when the docket
    holds fewer cases than are needed, that no shortening would do, and by how many."""
    f = forecast
    if f.verdict is Verdict.NOT_ENOUGH_CASES:
        return f"none would do: {counted(f.needed - f.pending_cases, 'case')} short"
    if f.required_shortening_pct is None:
        return "beyond the minimums"
    return f"{f.required_shortening_pct:.1f}%" if f.required_shortening_pct > 0 else "none"


def describe(forecast: Forecast) -> str:
    """The forecast's sentence: under a rule set without a quota, the targets that apply;
    else the verdict on the quota."""
    if not forecast.has_quota:
        return describe_targets(forecast)
    return describe_quota(forecast)


def describe_quota(forecast: Forecast) -> str:
    f = forecast
    left = f"{counted(f.capacity_minutes / 60, 'bench hour', spec=',.0f')} left"
    match f.verdict:
        case Verdict.NOT_ENOUGH_CASES:
            return (
                f"Only {counted(f.pending_cases, 'case')} {plural(f.pending_cases, 'is', 'are')} "
                f"pending, {f.needed - f.pending_cases:,} fewer than the "
                f"{counted(f.needed, 'completion')} still needed to reach {f.quota:,}: the quota "
                "cannot be reached from the docket as it is, however short the hearings."
            )
        case Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS:
            return (
                f"Even at the minimum hearing lengths only {f.max_completions_at_minimum_lengths:,} "
                f"of the {f.needed:,} needed {plural(f.needed, 'completion')} fit in the {left}: "
                f"{counted(f.bench_hours_missing, 'more bench hour', spec=',.0f')} would be needed"
                f"{_where(f)} "
                f"to reach {f.quota:,}."
            )
        case Verdict.UNREACHABLE_WITHOUT_SHORTENING:
            cut = _example_cut(f)
            return (
                f"At current hearing lengths {f.max_completions_at_current_lengths:,} of the "
                f"{f.needed:,} needed {plural(f.needed, 'completion')} fit in the {left} "
                f"({counted(f.bench_hours_missing, 'hour', spec=',.0f')} short{_where(f)}): "
                "hearings would have to be "
                f"{f.required_shortening_pct:.0f}% shorter"
                + (f", {cut}," if cut else "")
                + f" to reach {f.quota:,}."
            )
        case Verdict.AT_RISK:
            if f.completed < int(f.pace_expected_to_date):
                reason = (
                    f"{counted(f.completed, 'completion')} so far against "
                    f"{f.pace_expected_to_date:,.0f} "
                    "expected by now at an even pace"
                )
            else:
                reason = f"only {f.slack_pct:.0f}% of the {left} would be spare"
            return (
                f"The {counted(f.needed, 'needed completion')} "
                f"{plural(f.needed, 'fits', 'fit')} at current lengths "
                f"({f.max_completions_at_current_lengths:,} would fit), but {reason}"
                f"{_per_completion(f)}."
            )
        case Verdict.ON_TRACK:
            return (
                f"On track: {counted(f.needed, 'more completion')} needed and "
                f"{f.max_completions_at_current_lengths:,} fit at current lengths in the {left}"
                f"{_per_completion(f)}."
            )
