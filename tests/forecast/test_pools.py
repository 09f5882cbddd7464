"""The forecast by pools against a brute force of the pool model, and against the auto-scheduler.

The pool model (docs/forecast.md, "Pools"): a set of cases fits when, for every set S of pools,
the minutes of their hearings that only pools of S may hold are at most S's capacity. On small
random dockets K(1) is the largest such set, counted here by trying every subset of cases (and
the forecast says it proved it); and no schedule, the auto-scheduler's included, completes more.
"""

from datetime import date, datetime, time
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.seating import pools_for, pools_of, track_of
from planner.domain.vocabulary import (
    DEFAULT_CASE_MINUTES,
    DEFAULT_HEARING_MINUTES,
    SessionKind,
    hearings_of_kind,
)
from planner.forecast.demand import tally_workload
from planner.forecast.engine import forecast
from planner.forecast.pools import CaseGroup, PoolModel, case_groups
from planner.forecast.shortening import as_shown, minutes_table, shorten
from planner.forecast.window import window_of
from planner.scheduling.autoschedule import Policy, propose

#: Late in FY 2027: from Monday 13 September to Thursday 30 September, 14 weekdays.
AS_OF = datetime(2027, 9, 13)
KINDS = ("removal", "asylum", "asylum_only", "bond", "motion", "adjustment")
SLOTS = [(day, half) for day in range(5) for half in (0, 1)]
SESSION_KINDS = (
    SessionKind.MASTER,
    SessionKind.INDIVIDUAL,
    SessionKind.DETAINED_MASTER,
    SessionKind.DETAINED_INDIVIDUAL,
    SessionKind.BOND,
)


@st.composite
def templates(draw: st.DrawFn) -> tuple[Session, ...]:
    slots = draw(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=4, unique=True))
    sessions = []
    for day, half in slots:
        start, end = (time(13), time(16, 30)) if half else (time(8, 30), time(12))
        if draw(st.booleans()):  # a short session, so that few cases fit
            end = time(end.hour - 2, end.minute)
        sessions.append(Session(day, start, end, draw(st.sampled_from(SESSION_KINDS))))
    return tuple(sessions)


@st.composite
def dockets(draw: st.DrawFn) -> tuple[Judge, list[Case]]:
    judge = Judge("Pools", sessions=draw(templates()), quota=draw(st.integers(0, 12)))
    count = draw(st.integers(0, 8))
    cases = [
        Case(
            f"{100000001 + n}",
            f"R{n}",
            draw(st.sampled_from(KINDS)),
            date(2026, 1, 1),
            detained=draw(st.booleans()),
        )
        for n in range(count)
    ]
    return judge, cases


def _hearings(
    judge: Judge, case: Case, scale: float | None = 1.0
) -> list[tuple[frozenset[int], float]]:
    """The case's hearings (the pools that may hold each, its minutes): its kind's hearings at
    their default minutes, the last taking the rest of the case kind's default r; all of them
    scaled alike so that the case takes max(scale x r, m) minutes, m its kind's floor (None: m).
    """
    pools = pools_of(judge.sessions)
    plan = hearings_of_kind(case.kind)
    minutes = [DEFAULT_HEARING_MINUTES[kind][0] for kind in plan]
    work, floor = DEFAULT_CASE_MINUTES[case.kind]
    minutes[-1] = work - sum(minutes[:-1])
    length = floor if scale is None else max(scale * work, floor)
    track = track_of(case.detained, case.juvenile)
    return [
        (pools_for(kind, track, pools), m * length / work)
        for kind, m in zip(plan, minutes, strict=True)
    ]


def _fits(hearings: list[tuple[frozenset[int], float]], capacity: list[float]) -> bool:
    if any(not allowed for allowed, _ in hearings):
        return False
    for size in range(1, len(capacity) + 1):
        for chosen in combinations(range(len(capacity)), size):
            s = frozenset(chosen)
            need = sum(m for allowed, m in hearings if allowed <= s)
            if need > sum(capacity[i] for i in s) + 1e-6:
                return False
    return True


def brute_force_k(
    judge: Judge, cases: list[Case], capacity: list[float], scale: float | None = 1.0
) -> int:
    work = [_hearings(judge, case, scale) for case in cases]
    for size in range(len(cases), 0, -1):
        for chosen in combinations(range(len(cases)), size):
            if _fits([h for i in chosen for h in work[i]], capacity):
                return size
    return 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets())
def test_k1_is_the_pool_models_count_and_bounds_the_auto_scheduler(
    docket: tuple[Judge, list[Case]],
) -> None:
    judge, cases = docket
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    capacity = [pool.capacity_minutes for pool in result.pools]
    assert sum(capacity) == result.capacity_minutes

    assert result.max_completions_at_current_lengths == brute_force_k(judge, cases, capacity)
    assert result.max_completions_proven

    calendar = CourtCalendar(judge, [], [], date(2026, 10, 1), date(2027, 9, 30))
    proposal = propose(judge, calendar, cases, [], AS_OF.date(), Policy.MAX_COMPLETIONS)
    assert proposal.completions_by_fy_end <= result.max_completions_at_current_lengths


def test_merits_hearings_do_not_fit_in_master_time() -> None:
    """One master morning (210 minutes) and one individual afternoon of 90 minutes a week; from
    13 to 30 September 2027 three of each (Mon 13, 20, 27): master 630, individual 270 minutes.
    Ten asylum cases (15 + 180 minutes) need 150 master and 1,800 individual minutes: only one
    merits hearing fits (270 / 180), so K(1) = 1, though 900 minutes would hold four in one
    pool. The individual pool binds; the master pool has 615 minutes free."""
    judge = Judge(
        "Two pools",
        quota=10,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER),
            Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
        ),
    )
    cases = [Case(f"{100000001 + n}", "R", "asylum", date(2026, 1, 1)) for n in range(10)]
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    assert result.capacity_minutes == 900
    assert [(p.session_kinds, p.capacity_minutes) for p in result.pools] == [
        (("master",), 630),
        (("individual",), 270),
    ]
    assert result.max_completions_at_current_lengths == 1
    assert [result.pools[i].session_kinds for i in result.binding_pools] == [("individual",)]
    assert result.as_json()["binding_pools"] == [["individual"]]
    assert result.as_json()["pools"][0]["free_minutes"] == 630 - 150


def test_cases_that_need_one_pool_only_count_its_capacity() -> None:
    """Master and individual sessions on Mondays (3 x 210 = 630 minutes each); four
    asylum-only cases need a 180-minute merits hearing each: 630 / 180 = 3 fit, not the
    1,260 / 180 = 7 the two pools together would suggest (found by the property test)."""
    judge = Judge(
        "One pool used",
        quota=4,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER),
            Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
        ),
    )
    cases = [Case(f"{100000001 + n}", "R", "asylum_only", date(2026, 1, 1)) for n in range(4)]
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    assert result.max_completions_at_current_lengths == 3
    # 4 x 180 = 720 minutes against 630: f* = 630 / 720 = 0.875, 1.5 hours short.
    assert result.required_shortening_pct == 12.5
    assert result.bench_hours_missing == 1.5
    assert [result.pools[i].session_kinds for i in result.short_pools] == [("individual",)]


#: Across FY 2027: its first morning, mid-year, the summer, and its last fortnight down to the
#: evening of its last day, when every pool is empty.
AS_OFS = (
    datetime(2026, 10, 1, 9),
    datetime(2027, 1, 4, 13),
    datetime(2027, 6, 15, 9),
    AS_OF,
    datetime(2027, 9, 29, 12, 30),
    datetime(2027, 9, 30, 9),
    datetime(2027, 9, 30, 17),
)
SCALES = (1.0, 0.9, 0.75, 0.6, 0.5, 0.25, None)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets(), st.sampled_from(AS_OFS))
def test_k_of_f_is_the_pool_models_count_at_every_scale_and_date(
    docket: tuple[Judge, list[Case]], as_of: datetime
) -> None:
    """K(f) for several f and at the floors, as of dates across the fiscal year (late in it,
    pools with no session left), equals the brute force of the pool model and is proven; the
    forecast's K(1), K at the floors and f* agree with it."""
    judge, cases = docket
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=as_of)
    capacity = [pool.capacity_minutes for pool in result.pools]
    pools = pools_of(judge.sessions)
    workload = tally_workload(judge, cases, [], window_of(judge, as_of))
    model = PoolModel(pools, capacity, case_groups(judge, workload, pools))

    for scale in SCALES:
        expected = brute_force_k(judge, cases, capacity, scale)
        found, x = model.count(scale)
        assert (scale, found) == (scale, expected)
        assert model.bound(scale) >= found  # the relaxation's: never below the count
        assert sum(x) == found
        assert model.proven
    assert result.max_completions_at_current_lengths == brute_force_k(judge, cases, capacity)
    assert result.max_completions_at_minimum_lengths == brute_force_k(judge, cases, capacity, None)
    assert result.max_completions_proven

    needed = result.needed
    if 0 < needed <= len(cases) and result.required_shortening_pct is not None:
        best = 1 - result.required_shortening_pct / 100
        assert brute_force_k(judge, cases, capacity, best) >= needed
        # With several pools the forecast stops its bisection once nothing shown can change
        # (the test below: it shows what every step shows); every step's f* is the exact one.
        exact = best if model.single else model.largest_scale(needed)
        assert exact is not None
        if exact < 1 - 1e-4:  # f* is the largest such f, within the bisection's steps
            assert brute_force_k(judge, cases, capacity, exact + 1e-4) < needed
    elif 0 < needed <= len(cases):
        assert brute_force_k(judge, cases, capacity, None) < needed


def _two_detained_pools() -> tuple[PoolModel, int]:
    """Two detained pools, master 2,400 minutes and individual 3,360, and 356 cases of 40
    minutes: bond cases (master only) and four kinds whose master share is 1/10 ... 1/13.
    N = 288 fit at f = 1/2 exactly, with both pools full to the minute."""
    template = (
        Session(0, time(8, 30), time(12), SessionKind.DETAINED_MASTER),
        Session(0, time(13), time(16, 30), SessionKind.DETAINED_INDIVIDUAL),
    )
    master, individual = frozenset({0}), frozenset({1})
    groups = [CaseGroup(141, 40.0, 5.0, ((master, 40.0),))] + [
        CaseGroup(count, 40.0, 5.0, ((master, 40.0 / n), (individual, 40.0 * (n - 1) / n)))
        for n, count in zip((10, 11, 12, 13), (46, 58, 49, 62), strict=True)
    ]
    return PoolModel(pools_of(template), [2400.0, 3360.0], groups), 288


def test_f_star_is_exact_when_a_step_fills_two_pools_to_the_minute() -> None:
    """f* where N fit only with both detained pools full to the minute: the bisection's first
    step (f = 1/2) is such a subset sum, which the search does not decide within the budget of
    a step. It counted as "does not fit", and f* came out 0.49897 (the shortening overstated by
    0.1 of a point) where N fit at 1/2 exactly; HiGHS now decides such a step.

    The two detained pools of ``tests/forecast/test_packing.py``'s case from the national
    demo as of 1 August 2027 (master 2,400 minutes, individual 3,360), with every case 40
    minutes long at current lengths: bond cases (master only) and four kinds whose master
    share is 1/10 ... 1/13. At f = 1/2 they are 20 minutes and 288 of them fill 5,760 minutes,
    both pools to the minute (the choice below); above 1/2, 288 cases need more minutes than
    the two pools hold, so f* = 1/2."""
    model, needed = _two_detained_pools()
    full = [104, 40, 44, 48, 52]
    assert sum(full) == needed
    assert model.shortfall(full, 0.5)[0] == 0.0  # they fit at 1/2 ...
    assert needed * 40.0 * (0.5 + 2.0**-20) > 2400.0 + 3360.0  # ... and at no larger f

    assert model.largest_scale(needed) == 0.5


class _Counted(PoolModel):
    """A pool model that counts the bisection's questions."""

    asked = 0

    def fits(self, count: int, scale: float | None) -> bool:
        self.asked += 1
        return super().fits(count, scale)


def test_the_bisection_stops_once_nothing_shown_can_change() -> None:
    """Once the last scale that fits and the last that does not show the same figures, f*
    shows them too: the bisection stops there, on this model after 11 of its 20 steps, with
    the answer the 20 steps give (f* = 1/2 exactly, the shortening 50.0%)."""
    model, needed = _two_detained_pools()
    full = _Counted(model.pools, model.capacity, model.groups)
    assert full.largest_scale(needed) == 0.5
    every_step = full.asked

    table = {"individual": (180, 60), "master": (15, 5)}
    stopped = _Counted(model.pools, model.capacity, model.groups)
    scale = stopped.largest_scale(
        needed, settled=lambda low, high: as_shown(low, table) == as_shown(high, table)
    )
    assert scale == 0.5
    assert stopped.asked < every_step - 5


def test_the_bisection_does_not_stop_across_a_minute_a_hearing_would_lose() -> None:
    """Ten cases of 100 minutes in 600.005 minutes: f* is just past 0.6, where a merits
    hearing of 180 minutes is 108. At 0.5996 and 0.6006 the shortening reads 40.0% alike, but
    the hearing 107 and 108 minutes: the bisection goes on, and shows what 20 steps show."""
    master = frozenset({0})
    template = (Session(0, time(8, 30), time(12), SessionKind.MASTER),)
    model = PoolModel(
        pools_of(template), [600.005], [CaseGroup(10, 100.0, 10.0, ((master, 100.0),))]
    )
    table = {"individual": (180, 60)}
    every_step = model.largest_scale(10)
    assert every_step is not None
    assert shorten(table, every_step)["individual"].shortened == 108

    scale = model.largest_scale(
        10, settled=lambda low, high: as_shown(low, table) == as_shown(high, table)
    )
    assert scale is not None
    assert shorten(table, scale)["individual"].shortened == 108
    assert as_shown(scale, table) == as_shown(every_step, table)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets(), st.sampled_from(AS_OFS))
def test_the_forecast_shows_what_every_step_of_the_bisection_shows(
    docket: tuple[Judge, list[Case]], as_of: datetime
) -> None:
    """With several pools the forecast stops its bisection early; the shortening and the
    minutes of every kind it shows are those of f* to 2**-20."""
    judge, cases = docket
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=as_of)
    if result.required_shortening_pct is None or not result.required_shortening_pct:
        return
    pools = pools_of(judge.sessions)
    workload = tally_workload(judge, cases, [], window_of(judge, as_of))
    capacity = [pool.capacity_minutes for pool in result.pools]
    model = PoolModel(pools, capacity, case_groups(judge, workload, pools))
    if model.single:  # one pool: f* is the sorted count's (50 steps), no early stop
        return
    every_step = model.largest_scale(result.needed)
    assert every_step is not None
    pct = 100 * (1 - every_step)

    assert result.as_json()["required_shortening_pct"] == round(pct, 1)
    assert f"{result.required_shortening_pct:.0f}" == f"{pct:.0f}"
    assert f"{1 - result.required_shortening_pct / 100:.2f}" == f"{every_step:.2f}"
    assert result.shortened_hearing_minutes == shorten(minutes_table(judge), every_step)
    case_table = {kind: judge.case_minutes[kind] for kind in result.shortened_case_minutes}
    assert result.shortened_case_minutes == shorten(
        {kind: (m.default, m.minimum) for kind, m in case_table.items()}, every_step
    )
