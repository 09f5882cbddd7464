"""Age targets on the calendar as it stands: when each pending case will be completed, and so
which share of each target's cases is completed within it by fiscal-year end.

The rules are docs/forecast.md's ("Age targets"):
- a case completed this fiscal year (a completion kind the judge counts) is completed on its
  completion date;
- a pending case with hearings booked from as-of on is completed at its last booked hearing
  when that hearing is of the kind that ends its kind of case (the merits hearing of an asylum
  case, a master hearing of a removal case ...); else its next step is booked and the rest is
  not, and it is not completed by fiscal-year end;
- every other pending case is completed at the last hearing the auto-scheduler's deadline
  policy proposes for it from as-of (docs/autoschedule.md), if it proposes all it needs; the
  rule set's age clocks count as its deadlines (a detained case's 60 days, a non-detained
  case's 365 ...), the detained cases first by days left, so the projection is what a
  scheduler working to the targets would reach.
Then, for each target, a case whose clock runs out by fiscal-year end, or that is completed by
then, is decided: met when completed within the target's days, missed otherwise. Cases still
inside their clock at year end and not completed are not counted either way.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from planner.domain.calendar import CourtCalendar, fiscal_year_bounds, fiscal_year_of
from planner.domain.judge import Judge
from planner.domain.rules import (
    AgeTarget,
    RuleSet,
    TargetProjection,
    clock_base,
    clock_start,
    first_master_hearings,
    passes_on,
)
from planner.domain.stored_case import SchedulableCase
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import OFF_DOCKET, CaseStatus, HearingStatus, hearings_of_kind
from planner.scheduling.autoschedule import Policy, completion_days
from planner.scheduling.booking import Booked


def projected_completions(
    judge: Judge,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[SchedulableCase],
    hearings: Sequence[Booked],
    as_of: datetime,
    rules: RuleSet | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, date | None]:
    """Each case completed this fiscal year or pending at ``as_of`` (a local time), and the day
    it is (or will be) completed on the calendar as it stands; None: not by fiscal-year end.
    With ``rules``, the auto-scheduler's deadline policy counts the rule set's age clocks as
    deadlines (detained first by days left). ``cancelled()`` is asked now and then, and True
    stops with the auto-scheduler's ``Cancelled``."""
    today = as_of.date()
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(today, judge), judge)
    end = datetime.combine(fy_last + timedelta(days=1), time())
    found: dict[str, date | None] = {}
    pending: dict[str, SchedulableCase] = {}
    completed = CaseStatus.COMPLETED  # an enum member looked up once, not once per case
    for case in cases:
        done = case.completion_date
        if case.status is completed and done is not None and done <= today:
            if fy_first <= done and case.completion_kind in judge.counted_completions:
                found[case.a_number] = done
        elif case.received <= today and case.status not in OFF_DOCKET:
            pending[case.a_number] = case
    last_booked: dict[str, Booked] = {}
    for hearing in hearings:
        if (
            hearing.status is HearingStatus.SCHEDULED
            and as_of <= hearing.start < end
            and hearing.a_number in pending
        ):
            seen = last_booked.get(hearing.a_number)
            if seen is None or hearing.start > seen.start:
                last_booked[hearing.a_number] = hearing
    for a_number, hearing in last_booked.items():
        ending = hearings_of_kind(pending[a_number].kind)[-1]
        found[a_number] = hearing.start.date() if hearing.kind is ending else None
    rest = [case for a_number, case in pending.items() if a_number not in last_booked]
    if rest:
        # The auto-scheduler proposes from as-of's day when as-of is its midnight, else from
        # the next day (it never sets a hearing for later today).
        first = today if as_of.time() == time() else today + timedelta(days=1)
        if first <= fy_last:
            calendar = CourtCalendar(judge, closures, leave, first, fy_last)
            found.update(
                completion_days(
                    judge,
                    calendar,
                    rest,
                    hearings,
                    first,
                    Policy.DEADLINE,
                    rules=rules,
                    cancelled=cancelled,
                )
            )
        for case in rest:
            found.setdefault(case.a_number, None)
    return found


def attainment(
    rules: RuleSet,
    cases: Iterable[SchedulableCase],
    completions: dict[str, date | None],
    fy_last: date,
    first_masters: Mapping[str, date] | None = None,
) -> tuple[TargetProjection, ...]:
    """Each of the rule set's targets against the completion days ``completions`` gives (the
    cases not in it are neither completed this year nor pending: not counted); the Dedicated
    Docket's clock from ``first_masters``."""
    by_number = {case.a_number: case for case in cases}
    firsts = first_masters or {}
    targets = rules.targets
    spans = [timedelta(days=target.days) for target in targets]
    after = [timedelta(days=target.days + 1) for target in targets]  # passes_on's
    # A case not completed by year end whose clock starts after this day is still inside it
    # then (``passes_on`` after ``fy_last``): one comparison for most of a docket, no sum.
    inside = [fy_last - passes for passes in after]
    met = [0] * len(targets)
    decided = [0] * len(targets)
    missing = [0] * len(targets)
    # The earliest clock start of a pending case that misses each target: the first day past
    # it is that start's (``passes_on`` grows with the start), summed once at the end.
    first_missed: list[date | None] = [None] * len(targets)
    # Which targets count a case, and from which of its days, follows from its kind, detention
    # and docket alone (``clock_base``): worked out once per shape, not per case and target.
    shapes: dict[tuple[str, bool, bool], tuple[tuple[int, str], ...]] = {}
    pending_status = CaseStatus.PENDING  # an enum member looked up once, not once per case
    # One pass over the cases, each target in it (a docket of thousands, a handful of targets).
    for a_number, done in completions.items():
        case = by_number[a_number]
        shape = (case.kind, case.detained, case.dedicated_docket)
        clocks = shapes.get(shape)
        if clocks is None:
            clocks = shapes[shape] = tuple(
                (index, base)
                for index, target in enumerate(targets)
                if (base := clock_base(target, *shape)) is not None
            )
        finished = done is not None and done <= fy_last
        pending = case.status is pending_status
        for index, counted_from in clocks:
            if counted_from == "received":
                start: date | None = case.received
            elif counted_from == "asylum_filed":
                start = case.asylum_filed
            else:
                start = firsts.get(a_number)
            if start is None:
                continue
            if finished:
                decided[index] += 1
                assert done is not None
                if done <= start + spans[index]:
                    met[index] += 1
                    continue
            elif start > inside[index]:
                continue  # still inside its clock at year end
            else:
                decided[index] += 1
            if pending:
                missing[index] += 1
                seen = first_missed[index]
                if seen is None or start < seen:
                    first_missed[index] = start
    return tuple(
        TargetProjection(
            target,
            100 * met[index] / decided[index] if decided[index] else None,
            missing[index],
            None if (missed := first_missed[index]) is None else missed + after[index],
            met[index],
            decided[index],
        )
        for index, target in enumerate(targets)
    )


def project_age_targets(
    judge: Judge,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[SchedulableCase],
    hearings: Sequence[Booked],
    as_of: datetime,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[TargetProjection, ...]:
    """The judge's age targets for the fiscal year of ``as_of``, projected on the calendar as it
    stands (nothing is run when the rule set has no targets). ``cancelled()`` True stops it
    with the auto-scheduler's ``Cancelled``."""
    found = _projection(judge, closures, leave, cases, hearings, as_of, cancelled)
    if found is None:
        return ()
    rules, fy_last, completions = found
    return attainment(rules, cases, completions, fy_last, first_master_hearings(hearings))


def _projection(
    judge: Judge,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[SchedulableCase],
    hearings: Sequence[Booked],
    as_of: datetime,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[RuleSet, date, dict[str, date | None]] | None:
    """The rule set of ``as_of``'s fiscal year, its last day, and each case's projected
    completion day; None (nothing run) when that rule set has no targets."""
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(as_of.date(), judge), judge)
    rules = judge.rules(fy_first)
    if not rules.targets:
        return None
    completions = projected_completions(
        judge, list(closures), list(leave), cases, hearings, as_of, rules, cancelled=cancelled
    )
    return rules, fy_last, completions


def cases_missing(
    rules: RuleSet,
    cases: Iterable[SchedulableCase],
    completions: dict[str, date | None],
    fy_last: date,
    first_masters: Mapping[str, date] | None = None,
) -> dict[str, date]:
    """The pending cases that will miss one of the rule set's targets (as ``attainment`` counts
    them: completed after the clock ends, or not completed while it ends by fiscal-year end),
    each with the first day it is past one."""
    found: dict[str, date] = {}
    for case in cases:
        if case.status is not CaseStatus.PENDING or case.a_number not in completions:
            continue
        done = completions[case.a_number]
        first_master = (first_masters or {}).get(case.a_number)
        for target in rules.targets:
            start = clock_start(target, case, first_master)
            if start is None:
                continue
            passes = passes_on(target, start)
            late = done > start + timedelta(days=target.days) if done is not None else False
            if (
                late
                or (done is None and passes <= fy_last)
                or (done is not None and done > fy_last and passes <= fy_last)
            ):
                seen = found.get(case.a_number)
                found[case.a_number] = passes if seen is None else min(seen, passes)
    return found


def project_missing(
    judge: Judge,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[SchedulableCase],
    hearings: Sequence[Booked],
    as_of: datetime,
) -> dict[str, date]:
    """The judge's pending cases that will miss an age target this fiscal year on the calendar
    as it stands (``project_age_targets``'s projection), each with the day it is past it."""
    found = _projection(judge, closures, leave, cases, hearings, as_of)
    if found is None:
        return {}
    rules, fy_last, completions = found
    return cases_missing(rules, cases, completions, fy_last, first_master_hearings(hearings))


class TargetAges(NamedTuple):
    """One target's pending cases by their projected age at completion (days from the clock's
    start to the projected completion), and how many are not completed by fiscal-year end."""

    target: AgeTarget
    ages: tuple[int, ...]
    not_completed: int

    @property
    def within(self) -> int:
        return sum(1 for age in self.ages if age <= self.target.days)


def projected_ages(
    rules: RuleSet,
    cases: Iterable[SchedulableCase],
    completions: dict[str, date | None],
    first_masters: Mapping[str, date] | None = None,
) -> tuple[TargetAges, ...]:
    """For each of the rule set's targets, the pending cases it applies to by projected age at
    completion (``completions`` from ``projected_completions``)."""
    pending = [
        case for case in cases if case.status is CaseStatus.PENDING and case.a_number in completions
    ]
    found = []
    for target in rules.targets:
        ages: list[int] = []
        not_completed = 0
        for case in pending:
            start = clock_start(target, case, (first_masters or {}).get(case.a_number))
            if start is None:
                continue
            done = completions[case.a_number]
            if done is None:
                not_completed += 1
            else:
                ages.append((done - start).days)
        found.append(TargetAges(target, tuple(sorted(ages)), not_completed))
    return tuple(found)


def project_ages(
    judge: Judge,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Sequence[SchedulableCase],
    hearings: Sequence[Booked],
    as_of: datetime,
) -> tuple[TargetAges, ...]:
    """The judge's pending docket by projected age at completion against each age target of
    the fiscal year of ``as_of`` (none when its rule set has no targets)."""
    found = _projection(judge, closures, leave, cases, hearings, as_of)
    if found is None:
        return ()
    rules, _fy_last, completions = found
    return projected_ages(rules, cases, completions, first_master_hearings(hearings))
