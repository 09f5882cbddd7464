"""The series behind the charts and the report: burn-up, bench time by month, the pending docket
and the shortening, computed from a judge's docket and forecast (no Qt, no matplotlib).

Every series follows the forecast's own rules (docs/forecast.md), so the end of a line is a
figure of the forecast: the burn-up's actual line ends at ``completed``, the booked line at
``projected_from_booked``, the projection at ``completed + max_completions_at_current_lengths``.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from planner.domain.calendar import CourtCalendar, days_between
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import OFF_DOCKET, CaseStatus, HearingStatus
from planner.forecast.facts import CaseFacts
from planner.forecast.report import Forecast
from planner.forecast.shortening import hearing_lengths
from planner.forecast.window import window_of
from planner.scheduling.age_targets import TargetAges, project_ages
from planner.scheduling.booking import Booked
from planner.scheduling.days import DayState, DaySummary, day_summaries
from planner.services.forecasting import forecast_from
from planner.store.database import Database

#: The "needs improvement" level of the performance plan, as a share of the quota (560 of 700):
#: shown on the burn-up beside the quota (shared/domain.md).
NEEDS_IMPROVEMENT_SHARE = 0.8

#: Age bands of the pending docket, from receipt to today: (label, fewer than this many days).
AGE_BANDS: tuple[tuple[str, int | None], ...] = (
    ("under 6 months", 183),
    ("6–12 months", 365),
    ("1–2 years", 2 * 365),
    ("2–3 years", 3 * 365),
    ("3–5 years", 5 * 365),
    ("5 years or more", None),
)


@dataclass(frozen=True, slots=True)
class BurnUp:
    """Completions counted toward the quota over the fiscal year, day by day.

    ``days`` is every day of the year; ``pace`` the quota at an even pace per workday (the
    quota on the last day). ``actual`` runs from the first day to today; ``booked`` and
    ``projected`` from today to the last day (``future_days``).
    """

    days: tuple[date, ...]
    pace: tuple[float, ...]
    actual_days: tuple[date, ...]
    actual: tuple[int, ...]
    future_days: tuple[date, ...]
    booked: tuple[int, ...]
    projected: tuple[float, ...]
    today: date
    quota: int
    needs_improvement: int

    @property
    def projected_end(self) -> int:
        return round(self.projected[-1]) if self.projected else (self.actual or (0,))[-1]

    @property
    def gap_at_year_end(self) -> int:
        """Completions short of the quota at the year's end on the projection (negative: spare)."""
        return self.quota - self.projected_end


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """One calendar month of the fiscal year: its days and bench time, in minutes.

    ``needed_minutes`` is this month's share of the bench minutes the needed completions take at
    current lengths, shared out over the bench time left in proportion to it (0 before today).
    """

    month: date  # the month's first day
    workdays: int
    days_off: int  # holidays and closures on days with sessions in the template
    leave_days: int  # days wholly on leave
    bench_minutes: int  # bench sessions less leave
    leave_minutes: int
    booked_minutes: int  # hearings that take up time: scheduled, held or completed
    free_minutes: int
    hearings: int
    needed_minutes: float


@dataclass(frozen=True, slots=True)
class KindLengths:
    """A hearing kind's minutes per hearing (``kind`` in words: "merits"), and how many pending
    cases need one: now, at the required shortening, and its floor."""

    kind: str
    pending: int
    current: int
    required: int
    minimum: int


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the charts and the report show for one judge at one moment."""

    judge: Judge
    closures: tuple[Closure, ...]
    leave: tuple[Leave, ...]
    forecast: Forecast
    burn_up: BurnUp
    months: tuple[MonthSummary, ...]
    pending_by_kind: tuple[tuple[str, int], ...]  # most pending first
    pending_by_age: tuple[tuple[str, int], ...]  # in AGE_BANDS order
    lengths: tuple[KindLengths, ...]  # most pending first
    #: The pending docket by projected age at completion, per age target (empty: no targets;
    #: None: not projected, as the window's other charts do not need it).
    target_ages: tuple[TargetAges, ...] | None = ()

    @property
    def needed_minutes(self) -> float:
        return sum(month.needed_minutes for month in self.months)


def chart_data_for(
    database: Database, judge: Judge, as_of: datetime, *, ages: bool = True
) -> ChartData:
    """Read the judge's docket and forecast it from ``as_of``, in one read transaction; with
    ``ages``, also project its age targets (the age-targets chart's data)."""
    assert judge.id is not None
    with database.read() as reader:
        inputs = reader.forecast_inputs(judge, as_of)
        cases, hearings = reader.chart_facts(judge.id)
        every_case, every_hearing = reader.cases_and_hearings(judge.id) if ages else ([], [])
    # The age targets' projection (the auto-scheduler's deadline policy for the cases with
    # nothing booked: about half a second for 2,000 cases).
    target_ages = (
        project_ages(inputs.judge, inputs.closures, inputs.leave, every_case, every_hearing, as_of)
        if ages
        else None
    )
    return compute_chart_data(
        inputs.judge,
        closures=inputs.closures,
        leave=inputs.leave,
        cases=cases,
        hearings=hearings,
        forecast=forecast_from(inputs),
        as_of=as_of,
        target_ages=target_ages,
    )


def compute_chart_data(
    judge: Judge,
    *,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[CaseFacts],
    hearings: Sequence[Booked],
    forecast: Forecast,
    as_of: datetime,
    target_ages: tuple[TargetAges, ...] | None = (),
) -> ChartData:
    """The series for ``forecast`` (made from the same docket at ``as_of``)."""
    closures, leave = tuple(closures), tuple(leave)
    window = window_of(judge, as_of)
    calendar = CourtCalendar(judge, closures, leave, window.first, window.last)
    today = window.today
    pending = [case for case in cases if _is_pending(case, today)]

    needed_minutes = forecast.needed_minutes_at_current  # the forecast's own: one set of numbers

    summaries = day_summaries(judge, calendar, hearings, window.first, window.last)
    return ChartData(
        judge=judge,
        closures=closures,
        leave=leave,
        forecast=forecast,
        burn_up=burn_up(judge, calendar, cases, hearings, forecast, as_of),
        months=monthly(summaries, today, needed_minutes),
        pending_by_kind=tuple(Counter(case.kind for case in pending).most_common()),
        pending_by_age=by_age(pending, today),
        lengths=kind_lengths(judge, forecast, Counter(case.kind for case in pending)),
        target_ages=target_ages,
    )


def _is_pending(case: CaseFacts, today: date) -> bool:
    """Pending at ``today`` by the forecast's rule (tally_workload)."""
    done = case.completion_date
    if case.status is CaseStatus.COMPLETED and done is not None and done <= today:
        return False
    return case.received <= today and case.status not in OFF_DOCKET


def burn_up(
    judge: Judge,
    calendar: CourtCalendar,
    cases: Iterable[CaseFacts],
    hearings: Iterable[Booked],
    forecast: Forecast,
    as_of: datetime,
) -> BurnUp:
    window = window_of(judge, as_of)
    first, last, today = window.first, window.last, window.today
    days = tuple(days_between(first, last))
    workday = [calendar.is_workday(day) for day in days]
    in_year = sum(workday) or 1

    pace: list[float] = []
    so_far = 0
    for is_workday in workday:
        so_far += is_workday
        pace.append(judge.quota * so_far / in_year)

    # Completions by day, to today, by the forecast's rule.
    cases = list(cases)
    done_on = Counter(
        case.completion_date
        for case in cases
        if case.status is CaseStatus.COMPLETED
        and case.completion_date is not None
        and first <= case.completion_date <= today
        and case.completion_kind in judge.counted_completions
    )
    actual_days = tuple(day for day in days if day <= today)
    actual: list[int] = []
    total = 0
    for day in actual_days:
        total += done_on[day]
        actual.append(total)
    completed = forecast.completed

    # A pending case whose scheduled hearings in the window cover its remaining work completes,
    # on the booked line, at the last of them.
    booked_minutes: Counter[str] = Counter()
    last_hearing: dict[str, date] = {}
    for hearing in hearings:
        if hearing.status is HearingStatus.SCHEDULED and as_of <= hearing.start < window.end:
            booked_minutes[hearing.a_number] += hearing.minutes
            day = hearing.start.date()
            last_hearing[hearing.a_number] = max(day, last_hearing.get(hearing.a_number, day))
    completes_on: Counter[date] = Counter()
    for case in cases:
        if not _is_pending(case, today) or case.a_number not in booked_minutes:
            continue
        estimate = case.remaining_minutes or judge.minutes_for(case.kind).default
        if booked_minutes[case.a_number] >= estimate:
            completes_on[last_hearing[case.a_number]] += 1

    future_days = tuple(day for day in days if day >= today)
    booked: list[int] = []
    projected: list[float] = []
    total = completed
    future_workdays = sum(1 for day, w in zip(days, workday, strict=True) if w and day >= today)
    fit = forecast.max_completions_at_current_lengths
    elapsed = 0
    for day, is_workday in zip(days, workday, strict=True):
        if day < today:
            continue
        total += completes_on[day]
        booked.append(total)
        elapsed += is_workday
        share = elapsed / future_workdays if future_workdays else 1.0
        projected.append(completed + fit * share)
    return BurnUp(
        days=days,
        pace=tuple(pace),
        actual_days=actual_days,
        actual=tuple(actual),
        future_days=future_days,
        booked=tuple(booked),
        projected=tuple(projected),
        today=today,
        quota=judge.quota,
        needs_improvement=round(judge.quota * NEEDS_IMPROVEMENT_SHARE),
    )


def monthly(
    summaries: Sequence[DaySummary], today: date, needed_minutes: float
) -> tuple[MonthSummary, ...]:
    """Each month's totals, with the needed minutes shared over the bench time from today on."""
    months: dict[date, list[DaySummary]] = {}
    for summary in summaries:
        months.setdefault(summary.day.replace(day=1), []).append(summary)
    ahead = {
        month: sum(s.bench_minutes for s in days if s.day >= today)
        for month, days in months.items()
    }
    bench_ahead = sum(ahead.values())
    result = []
    for month, days in months.items():
        share = ahead[month] / bench_ahead if bench_ahead else 0.0
        result.append(
            MonthSummary(
                month=month,
                workdays=sum(1 for s in days if s.state is DayState.WORKDAY),
                days_off=sum(1 for s in days if s.state in (DayState.HOLIDAY, DayState.CLOSURE)),
                leave_days=sum(1 for s in days if s.state is DayState.LEAVE),
                bench_minutes=sum(s.bench_minutes for s in days),
                leave_minutes=sum(s.leave_minutes for s in days),
                booked_minutes=sum(s.booked_minutes for s in days),
                free_minutes=sum(s.free_minutes for s in days),
                hearings=sum(s.hearings for s in days),
                needed_minutes=needed_minutes * share,
            )
        )
    return tuple(result)


def by_age(pending: Iterable[CaseFacts], today: date) -> tuple[tuple[str, int], ...]:
    counts = Counter[str]()
    for case in pending:
        age = (today - case.received).days
        label = next(label for label, below in AGE_BANDS if below is None or age < below)
        counts[label] += 1
    return tuple((label, counts[label]) for label, _below in AGE_BANDS)


def kind_lengths(
    judge: Judge, forecast: Forecast, pending: Counter[str]
) -> tuple[KindLengths, ...]:
    """Per hearing kind the pending cases need: its minutes now, at the required shortening and
    at the minimum, the forecast's own figures (``planner.forecast.shortening``)."""
    return tuple(KindLengths(*row) for row in hearing_lengths(judge, forecast, pending))
