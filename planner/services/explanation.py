"""Every figure behind a forecast's verdict, labelled, with its unit and how to redo it by hand.

The window's "How is this computed?" view shows an ``Explanation``; the quota panel's tiles take
their words from the same ``Figure``s, so the two never disagree. An explanation is a list of
sections, so figures per session pool can be added as sections of their own.
"""

from dataclasses import dataclass
from datetime import date

from planner.domain.plural import counted, plural
from planner.forecast.report import Forecast
from planner.forecast.verdict import Verdict
from planner.services.severity import MILD_BELOW_PCT, SEVERE_FROM_PCT, Severity, grade


@dataclass(frozen=True, slots=True)
class WorkNeeded:
    """Bench minutes the needed completions take: the N pending cases with the least remaining
    work (every pending case when there are fewer than N), at current lengths and at minimums."""

    at_current: float
    at_minimums: float


def work_needed(forecast: Forecast) -> WorkNeeded:
    """The minutes behind ``forecast``: the pool forecast's own figures (one set of numbers)."""
    return WorkNeeded(forecast.needed_minutes_at_current, forecast.needed_minutes_at_minimums)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: what it is, its value with its unit, and how to get it with a pencil."""

    key: str
    label: str
    text: str
    working: str


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    heading: str
    sections: tuple[Section, ...]

    def figure(self, key: str) -> Figure:
        for section in self.sections:
            for figure in section.figures:
                if figure.key == key:
                    return figure
        raise KeyError(key)

    def as_text(self) -> str:
        """Plain text, one figure a line: for the clipboard and for tests."""
        lines = [self.heading]
        for section in self.sections:
            lines += ["", section.title]
            lines += [f"  {f.label}: {f.text} ({f.working})" for f in section.figures]
        return "\n".join(lines)


def hours(minutes: float) -> str:
    """Whole hours with thousands separators, as the banner says them."""
    return f"{minutes / 60:,.0f}"


def shortening_text(forecast: Forecast) -> str:
    """The required shortening as the panel and the explanation show it: none to give when
    there are no pending cases or too few of them (no shortening would help)."""
    if forecast.pending_cases == 0 or forecast.verdict is Verdict.NOT_ENOUGH_CASES:
        return "–"
    if forecast.required_shortening_pct is None:
        return "beyond minimums"
    return f"{forecast.required_shortening_pct:.0f}%"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _minutes(minutes: float) -> str:
    return f"{minutes:,.0f} min"


def explain(forecast: Forecast, work: WorkNeeded) -> Explanation:
    """The figures behind ``forecast``; ``work`` is ``work_needed`` of the same forecast."""
    f = forecast
    heading = (
        f"{f.judge}, FY {f.fiscal_year} ({_day(f.fy_start)} to {_day(f.fy_end)}), "
        f"as of {_day(f.as_of.date())} {f.as_of:%H:%M}"
    )
    return Explanation(
        heading,
        (
            _verdict_section(f),
            _year_so_far(f),
            _bench_time(f, work),
            *_adjournments(f),
            _what_fits(f, work),
        ),
    )


def _verdict_section(f: Forecast) -> Section:
    severity = grade(f)
    rules = {
        Severity.NOTHING_TO_FORECAST: "there are no pending cases to weigh against the time left",
        Severity.ON_TRACK: "the needed completions fit at current lengths, with room to spare",
        Severity.AT_RISK: "they fit, but with little to spare or behind the even pace",
        Severity.MILD: f"a required shortening under {MILD_BELOW_PCT:.0f}%",
        Severity.SERIOUS: (
            f"a required shortening of {MILD_BELOW_PCT:.0f}% to under {SEVERE_FROM_PCT:.0f}%"
        ),
        Severity.SEVERE: (
            f"a required shortening of {SEVERE_FROM_PCT:.0f}% or more, or a quota that no "
            "shortening reaches"
        ),
    }
    return Section(
        "Verdict",
        (
            Figure(
                "verdict",
                "Verdict",
                "No pending cases" if severity is Severity.NOTHING_TO_FORECAST else f.verdict.title,
                "the first of: not enough cases, unreachable at minimum lengths, unreachable at "
                "current lengths, at risk, on track",
            ),
            Figure("severity", "How far off", severity.label, rules[severity]),
        ),
    )


def _year_so_far(f: Forecast) -> Section:
    before = f.workdays_in_year - f.workdays_left
    kinds = ", ".join(kind.replace("_", " ") for kind in f.counted_completions) or "none"
    pace_working = (
        f"quota {f.quota:,} × {counted(before, 'workday')} so far ÷ "
        f"{counted(f.workdays_in_year, 'workday')} in the year"
    )
    ahead = f.completed - f.pace_expected_to_date
    return Section(
        "The year so far",
        (
            Figure(
                "completed",
                "Completions to date",
                counted(f.completed, "completion"),
                f"cases completed from {_day(f.fy_start)} to as-of, of the kinds that count: "
                f"{kinds}",
            ),
            Figure(
                "workdays_before",
                "Workdays so far",
                counted(before, "workday"),
                f"of {f.workdays_in_year:,} in the year: weekdays with bench sessions, less "
                "federal holidays, closures and whole days of leave",
            ),
            Figure(
                "pace",
                "Expected by now at an even pace",
                f"{f.pace_expected_to_date:,.1f} completions",
                pace_working,
            ),
            Figure(
                "against_pace",
                "Against the even pace",
                f"{abs(ahead):,.1f} {'ahead' if ahead >= 0 else 'behind'}",
                f"{f.completed:,} completed − {f.pace_expected_to_date:,.1f} expected",
            ),
            Figure(
                "needed",
                "Completions still needed",
                counted(f.needed, "completion"),
                f"quota {f.quota:,} − {f.completed:,} completed, never below 0",
            ),
            Figure(
                "pending",
                "Pending cases",
                counted(f.pending_cases, "case"),
                "cases on the docket at as-of, not completed",
            ),
        ),
    )


def _bench_time(f: Forecast, work: WorkNeeded) -> Section:
    capacity = f.capacity_minutes
    needed = f"the {f.needed:,} needed {plural(f.needed, 'case')}"
    some = f"{needed} with the least remaining work"
    some_at_minimums = f"{needed} with the shortest minimums"
    if f.pending_cases == 0:
        some = some_at_minimums = "no pending cases"
    elif f.needed > f.pending_cases:
        some = (
            f"{'the' if f.pending_cases == 1 else 'all'} {counted(f.pending_cases, 'pending case')}"
            f" (fewer than the {f.needed:,} needed)"
        )
        some_at_minimums = some
    per_case: tuple[Figure, ...] = ()
    if f.minutes_per_needed_completion is not None:
        per = f.minutes_per_needed_completion
        per_case = (
            Figure(
                "per_completion",
                "Bench time per needed completion",
                f"{per:,.0f} min ({per / 60:.1f} h)",
                f"{_minutes(capacity)} left ÷ {f.needed:,} needed",
            ),
        )
    return Section(
        "Bench time left",
        (
            Figure(
                "workdays_left",
                "Workdays left",
                counted(f.workdays_left, "workday"),
                f"from {_day(f.as_of.date())} to {_day(f.fy_end)}, counted as above",
            ),
            Figure(
                "hours_left",
                "Bench hours left",
                f"{hours(capacity)} h",
                f"bench sessions from as-of to {_day(f.fy_end)}, less closures and leave: "
                f"{_minutes(capacity)} ÷ 60",
            ),
            Figure(
                "hours_booked",
                "Hours booked",
                f"{hours(f.booked_minutes)} h",
                f"hearings still scheduled in that time: {_minutes(f.booked_minutes)} ÷ 60",
            ),
            Figure(
                "hours_needed",
                "Hours needed at current lengths",
                f"{hours(work.at_current)} h",
                f"{some}, at their current lengths{_sittings(f)}: {_minutes(work.at_current)} ÷ 60",
            ),
            Figure(
                "hours_needed_at_minimums",
                "Hours needed at the minimum lengths",
                f"{hours(work.at_minimums)} h",
                f"{some_at_minimums}, at the judge's "
                f"minimum lengths{_sittings(f)}: {_minutes(work.at_minimums)} ÷ 60",
            ),
            *per_case,
        ),
    )


def _sittings(f: Forecast) -> str:
    """How the hours needed count adjournments ("" when the rate is 0: they count none)."""
    found = f.adjournments
    if found is None or found.rate == 0:
        return ""
    return f", each hearing counted {found.sittings_per_hearing:.2f} times for adjournments"


def _adjournments(f: Forecast) -> tuple[Section, ...]:
    """The adjournment rate the demand counts, where it came from, and what it adds."""
    found = f.adjournments
    if found is None:
        return ()
    p = found.rate
    history = (
        f"{found.adjourned:,} of the {counted(found.recorded, 'hearing')} with a recorded outcome "
        f"(held, adjourned or completed) before as-of {plural(found.adjourned, 'was', 'were')} "
        "adjourned"
    )
    if found.source == "observed":
        rate_text = f"{100 * p:.0f}% observed"
        working = f"{history}: {found.adjourned:,} ÷ {found.recorded:,}"
        if found.observed_rate is not None and found.observed_rate > p:
            working += f", {100 * found.observed_rate:.0f}%, capped at {100 * p:.0f}%"
    else:
        rate_text = f"{100 * p:.0f}% (setting)"
        have = f"{found.recorded:,} recorded" if found.recorded else "none recorded yet"
        working = (
            f"the profile's setting, until {counted(found.history, 'hearing outcome')} "
            f"{plural(found.history, 'is', 'are')} recorded "
            f"({have}; the observed rate replaces it then)"
        )
    sittings = found.sittings_per_hearing
    return (
        Section(
            "Adjournments",
            (
                Figure("adjournment_rate", "Adjournment rate", rate_text, working),
                Figure(
                    "sittings_per_hearing",
                    "Sittings per hearing",
                    f"{sittings:.2f}",
                    f"1 ÷ (1 − {p:.2f}): a hearing adjourned is set again until it goes ahead; "
                    "the hours needed count every hearing this many times",
                ),
                Figure(
                    "hearings_to_hold",
                    "Hearings still to hold",
                    counted(f.hearings_to_hold, "hearing"),
                    "the pending cases' booked hearings and the hearings of their kind not yet "
                    "set (asylum: a master hearing, then a merits hearing)",
                ),
                Figure(
                    "extra_hearings",
                    "Extra hearings expected",
                    f"{f.extra_hearings:,.1f} hearings",
                    f"{counted(f.hearings_to_hold, 'hearing')} × {p:.2f} ÷ (1 − {p:.2f})",
                ),
                Figure(
                    "extra_hours",
                    "Hours they add",
                    f"{f.extra_hearing_minutes / 60:,.1f} h",
                    f"every pending case's remaining work × {sittings:.2f} × {p:.2f}: "
                    f"{_minutes(f.extra_hearing_minutes)} ÷ 60",
                ),
            ),
        ),
    )


def _what_fits(f: Forecast, work: WorkNeeded) -> Section:
    left = f"the {_minutes(f.capacity_minutes)} left"
    figures = [
        Figure(
            "fit_current",
            "Completions that fit at current lengths",
            counted(f.max_completions_at_current_lengths, "completion"),
            f"pending cases added up from the least remaining work, as long as they fit in {left}",
        ),
        Figure(
            "fit_minimums",
            "Completions that fit at the minimum lengths",
            counted(f.max_completions_at_minimum_lengths, "completion"),
            f"the same, with every case at its minimum length, in {left}",
        ),
    ]
    if f.pending_cases == 0:
        figures.append(
            Figure("shortening", "Required shortening", "–", "no pending cases: nothing to shorten")
        )
        return Section("What fits", tuple(figures))
    if f.verdict in (
        Verdict.UNREACHABLE_WITHOUT_SHORTENING,
        Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS,
    ):
        at = "current" if f.verdict is Verdict.UNREACHABLE_WITHOUT_SHORTENING else "minimum"
        needed = work.at_current if at == "current" else work.at_minimums
        figures.append(
            Figure(
                "hours_missing",
                "Bench hours short",
                f"{f.bench_hours_missing:,.0f} h",
                f"{hours(needed)} h needed at {at} lengths − {hours(f.capacity_minutes)} h left",
            )
        )
    elif f.slack_pct is not None and f.verdict is not Verdict.NOT_ENOUGH_CASES:
        figures.append(
            Figure(
                "slack",
                "Spare bench time",
                f"{f.slack_pct:.0f}%",
                f"({hours(f.capacity_minutes)} h left − {hours(work.at_current)} h needed) ÷ "
                f"{hours(f.capacity_minutes)} h left",
            )
        )
    shortening = f.required_shortening_pct
    if shortening is None:
        working = (
            "not even the minimum lengths fit the needed completions"
            if f.verdict is Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS
            else f"the docket holds {counted(f.needed - f.pending_cases, 'case')} fewer than needed"
        )
    elif shortening == 0:
        working = "the needed completions fit at current lengths"
    else:
        scale = 1 - shortening / 100
        working = (
            f"1 − f, where f = {scale:.2f} is the largest share of every hearing still to be set "
            f"at which the {f.needed:,} needed {plural(f.needed, 'case')} "
            f"{plural(f.needed, 'fits', 'fit')} in {left}, never below a minimum"
        )
    figures.append(Figure("shortening", "Required shortening", shortening_text(f), working))
    cuts = sorted(f.shortened_hearing_minutes.items(), key=lambda item: -item[1].current)
    for kind, cut in cuts:
        if cut.shortened < cut.current:
            figures.append(
                Figure(
                    f"shortened:{kind}",
                    f"{_hearing_name(kind)} hearings",
                    f"{cut.current} → {cut.shortened} min",
                    f"{cut.current} min × {1 - (shortening or 0) / 100:.2f}, rounded down, "
                    "never below the minimum",
                )
            )
    return Section("What fits", tuple(figures))


def _hearing_name(kind: str) -> str:
    return {"individual": "Merits (individual)", "fear_review": "Fear review"}.get(
        kind, kind.replace("_", " ").capitalize()
    )
