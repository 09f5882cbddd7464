"""Computes a judge's fiscal-year forecast from the model, as shared/domain-model.md defines it."""

import math
from collections.abc import Iterable
from datetime import datetime
from functools import cache

from planner.domain.calendar import CourtCalendar
from planner.domain.judge import Judge
from planner.domain.seating import pools_of
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import SessionKind
from planner.forecast.adjournments import of_workload
from planner.forecast.demand import measure_demand, tally_workload
from planner.forecast.facts import CaseFacts, HearingFacts, Workload
from planner.forecast.fitting import Fitting
from planner.forecast.message import describe
from planner.forecast.pools import PoolModel, booked_by_pool, case_groups, hearings_to_hold
from planner.forecast.report import Forecast, PoolFigures
from planner.forecast.scan import scan_year
from planner.forecast.shortening import as_shown, minutes_table, shorten
from planner.forecast.verdict import Verdict
from planner.forecast.window import window_of


def forecast(
    judge: Judge,
    *,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    cases: Iterable[CaseFacts],
    hearings: Iterable[HearingFacts],
    as_of: datetime,
) -> Forecast:
    """Forecast the fiscal year that contains ``as_of`` (a local wall-clock time of the judge)."""
    workload = tally_workload(judge, cases, hearings, window_of(judge, as_of))
    return forecast_workload(judge, closures=closures, leave=leave, workload=workload, as_of=as_of)


def forecast_workload(
    judge: Judge,
    *,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    workload: Workload,
    as_of: datetime,
) -> Forecast:
    """The forecast from a workload already tallied at ``as_of`` (as the store reads it)."""
    window = window_of(judge, as_of)
    fiscal_year, fy_first, fy_last = window.fiscal_year, window.first, window.last
    leave = list(leave)
    calendar = CourtCalendar(judge, closures, leave, fy_first, fy_last)
    year = scan_year(calendar, leave, as_of, window.end)

    capacity = year.capacity
    demand = measure_demand(judge, workload)
    needed = max(0, judge.quota - demand.completed)
    pools = pools_of(judge.sessions)
    by_kind = year.by_kind(judge.sessions)
    pool_capacity = [sum(by_kind.get(kind, 0.0) for kind in pool.session_kinds) for pool in pools]
    model = PoolModel(pools, pool_capacity, case_groups(judge, workload, pools))
    enough_cases = needed <= demand.pending
    kinds_pending = set(demand.kinds)
    case_minutes = {
        kind: (m.default, m.minimum)
        for kind, m in judge.case_minutes.items()
        if kind in kinds_pending
    }
    hearing_table = minutes_table(judge)
    short_pools: tuple[int, ...] = ()
    if model.single:
        # One pool (or one set of pools all the cases' hearings need): K counts the shortest
        # cases first (the figures as they always were), in that pool's capacity.
        room = model.row_caps[0] if model.row_caps else capacity
        fitting = Fitting(demand.work, demand.floor, demand.counts)
        at_current = fitting.count_fitting(room)
        at_floors = fitting.count_fitting_at_floors(room)
        scale = fitting.largest_scale(needed, room)
        if enough_cases:
            need_now = fitting.minutes_for_smallest(needed)
            need_at_floors = fitting.minutes_for_smallest_at_floors(needed)
        else:
            need_now = fitting.total_work()
            need_at_floors = fitting.total_floor()
        slack_pct = 100 * (room - need_now) / room if room > 0 else None
        work_now, work_floors = need_now, need_at_floors
        # The missing hours are against that pool.
        need_now += capacity - room
        need_at_floors += capacity - room
        short_now = short_floors = (
            tuple(sorted(model.row_sets[0])) if model.row_sets else tuple(range(len(pools)))
        )
        chosen = model.chosen(min(needed, demand.pending), 1.0)
        _, best = model.count(1.0) if pools else (0, [])
        binding = tuple(model.binding(best, 1.0)) if at_current < demand.pending else ()
    else:
        at_current, best = model.count(1.0)
        at_floors, at_floors_cases = model.count(None)
        # f* to the bit only where a figure shown from it needs it; each end's figures once.
        shown = cache(lambda f: as_shown(f, hearing_table, case_minutes))
        scale = model.largest_scale(
            needed, at_floors, at_current, settled=lambda low, high: shown(low) == shown(high)
        )
        count = min(needed, demand.pending)
        chosen = model.chosen(count, 1.0, (at_current, best))
        missing_now, where_now = model.shortfall(chosen, 1.0)
        missing_floors, where_floors = 0.0, frozenset[int]()
        if at_floors < needed:
            floors = model.chosen(count, None, (at_floors, at_floors_cases))
            missing_floors, where_floors = model.shortfall(floors, None)
        need_now = capacity + missing_now
        need_at_floors = capacity + missing_floors
        # What the cases take: when they overflow a pool, the bench time that would hold them
        # (so needed - left is the hours short); else their own minutes (a case no session of
        # the template may hold counts its minutes too).
        work_now = need_now if missing_now > 0 else _minutes(model, chosen, 1.0)
        work_floors = need_at_floors
        if missing_floors <= 0:
            most = (at_floors, at_floors_cases)
            taken = (
                model.chosen(count, None, most)
                if at_floors < count
                else _fewest(at_floors_cases, count, model)
            )
            work_floors = _minutes(model, taken, None)
        short_now, short_floors = tuple(sorted(where_now)), tuple(sorted(where_floors))
        slack_pct = model.slack_pct(chosen) if at_current >= needed else None
        if slack_pct is None and capacity > 0 and at_current >= needed:
            slack_pct = 100.0
        binding = tuple(model.binding(best, 1.0))
    booked = booked_by_pool(workload, pools, pool_capacity)
    used = model.pool_use(chosen, 1.0)
    pool_figures = tuple(
        PoolFigures(
            tuple(kind.value for kind in SessionKind if kind in pool.session_kinds),
            tuple(kind.value for kind in pool.hearing_kinds),
            pool_capacity[i],
            booked[i],
            used[i],
        )
        for i, pool in enumerate(pools)
    )

    workdays_in_year = year.workdays_in_year
    elapsed = year.workdays_before
    pace = judge.quota * elapsed / workdays_in_year if workdays_in_year else 0.0

    if not enough_cases:
        verdict, missing = Verdict.NOT_ENOUGH_CASES, max(0.0, need_at_floors - capacity)
        short_pools = short_floors if missing > 0 else ()
    elif at_floors < needed:
        verdict, missing = Verdict.UNREACHABLE_AT_MINIMUM_LENGTHS, need_at_floors - capacity
        short_pools = short_floors
    elif at_current < needed:
        verdict, missing = Verdict.UNREACHABLE_WITHOUT_SHORTENING, need_now - capacity
        short_pools = short_now
    elif (slack_pct is not None and slack_pct < judge.at_risk_slack_pct) or (
        demand.completed < math.floor(pace)
    ):
        verdict, missing = Verdict.AT_RISK, 0.0
    else:
        verdict, missing = Verdict.ON_TRACK, 0.0

    adjourned = of_workload(judge, workload)
    to_hold = hearings_to_hold(judge, workload)
    pending_minutes = sum(w * n for w, n in zip(demand.work, demand.counts, strict=True))
    result = Forecast(
        judge=judge.name,
        fiscal_year=fiscal_year,
        fy_start=fy_first,
        fy_end=fy_last,
        as_of=as_of,
        quota=judge.quota,
        completed=demand.completed,
        needed=needed,
        pending_cases=demand.pending,
        capacity_minutes=capacity,
        booked_minutes=demand.booked_minutes,
        max_completions_at_current_lengths=at_current,
        max_completions_at_minimum_lengths=at_floors,
        required_shortening_pct=None if scale is None else 100 * (1 - scale),
        minutes_per_needed_completion=capacity / needed if needed else None,
        bench_hours_missing=missing / 60,
        needed_minutes_at_current=work_now,
        needed_minutes_at_minimums=work_floors,
        slack_pct=slack_pct,
        workdays_in_year=workdays_in_year,
        workdays_left=year.workdays_left,
        pace_expected_to_date=pace,
        projected_from_booked=demand.completed + demand.fully_booked,
        counted_completions=tuple(sorted(judge.counted_completions)),
        shortened_case_minutes=shorten(case_minutes, scale),
        shortened_hearing_minutes=shorten(hearing_table, scale),
        verdict=verdict,
        pools=pool_figures,
        binding_pools=binding,
        short_pools=short_pools,
        max_completions_proven=model.proven,
        at_risk_slack_pct=judge.at_risk_slack_pct,
        rule_set=judge.rules(fy_first),
        adjournments=adjourned,
        hearings_to_hold=to_hold,
        extra_hearings=to_hold * adjourned.extra_per_hearing,
        # r_i / (1 - p) - r_i = p x r_i / (1 - p): the rate times the minutes counted.
        extra_hearing_minutes=pending_minutes * adjourned.rate,
    )
    return result._replace(message=describe(result))


def _fewest(x: list[int], count: int, model: PoolModel) -> list[int]:
    """Of the cases ``x`` (a set that fits), ``count`` of them: the longest at the floors left
    out (fewer cases of a set that fits still fit)."""
    x = list(x)
    lengths = model.lengths(None)
    extra = sum(x) - count
    for g in sorted(range(len(x)), key=lambda g: lengths[g], reverse=True):
        if extra <= 0:
            break
        drop = min(x[g], extra)
        x[g] -= drop
        extra -= drop
    return x


def _minutes(model: PoolModel, x: list[int], scale: float | None) -> float:
    """The minutes of the cases ``x`` at that scale (None: at the floors)."""
    return sum(length * n for length, n in zip(model.lengths(scale), x, strict=True))
