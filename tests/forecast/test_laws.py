"""The forecast's monotonic laws, checked on generated dockets (hypothesis)."""

from datetime import date, datetime, time, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.time_off import Leave
from planner.domain.vocabulary import DEFAULT_CASE_MINUTES, SessionKind
from planner.forecast.engine import forecast
from planner.forecast.fitting import Fitting
from planner.forecast.report import Forecast

KINDS = sorted(DEFAULT_CASE_MINUTES)
FY_FIRST = date(2026, 10, 1)

sessions = st.lists(
    st.builds(
        lambda day, start, length, kind: Session(day, time(start), time(start + length), kind),
        st.integers(0, 6),
        st.integers(7, 12),
        st.integers(1, 5),
        st.sampled_from(list(SessionKind)),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda session: session.weekday,  # sessions of one day may not overlap
)
leave_entries = st.lists(
    st.builds(
        lambda offset, hours, length: Leave(
            datetime.combine(FY_FIRST, time()) + timedelta(days=offset, hours=hours),
            datetime.combine(FY_FIRST, time()) + timedelta(days=offset, hours=hours + length),
            "annual",  # type: ignore[arg-type]
        ),
        st.integers(0, 360),
        st.integers(0, 20),
        st.integers(1, 72),
    ),
    max_size=8,
)
dockets = st.lists(
    st.tuples(st.sampled_from(KINDS), st.one_of(st.none(), st.integers(1, 400))),
    max_size=60,
)
as_of_days = st.integers(0, 364)


def _cases(spec: list[tuple[str, int | None]]) -> list[Case]:
    return [
        Case(f"{i + 1:09d}", "R", kind, date(2025, 1, 1), remaining_minutes=minutes)
        for i, (kind, minutes) in enumerate(spec)
    ]


def _forecast(judge: Judge, leave: list[Leave], cases: list[Case], day: int) -> Forecast:
    as_of = datetime.combine(FY_FIRST + timedelta(days=day), time())
    return forecast(judge, closures=[], leave=leave, cases=cases, hearings=[], as_of=as_of)


@settings(max_examples=60, deadline=None)
@given(sessions, leave_entries, leave_entries, as_of_days, st.integers(0, 50))
def test_more_leave_never_adds_capacity(template, leave, extra, day, quota) -> None:  # type: ignore[no-untyped-def]
    judge = Judge("J", sessions=tuple(template), quota=quota)
    before = _forecast(judge, leave, [], day)
    after = _forecast(judge, leave + extra, [], day)
    assert after.capacity_minutes <= before.capacity_minutes + 1e-9
    assert after.workdays_left <= before.workdays_left


@settings(max_examples=80, deadline=None)
@given(sessions, dockets, st.data(), as_of_days, st.integers(0, 80))
def test_shorter_cases_never_reduce_what_fits(template, spec, data, day, quota) -> None:  # type: ignore[no-untyped-def]
    judge = Judge("J", sessions=tuple(template), quota=quota)
    shorter_spec = [
        (kind, None if minutes is None else data.draw(st.integers(1, minutes)))
        for kind, minutes in spec
    ]
    longer = _forecast(judge, [], _cases(spec), day)
    shorter = _forecast(judge, [], _cases(shorter_spec), day)
    assert shorter.max_completions_at_current_lengths >= longer.max_completions_at_current_lengths
    assert shorter.max_completions_at_minimum_lengths >= longer.max_completions_at_minimum_lengths


@settings(max_examples=80, deadline=None)
@given(sessions, leave_entries, dockets, as_of_days, st.integers(0, 80))
def test_required_shortening_is_between_0_and_100_percent(
    template, leave, spec, day, quota
) -> None:
    judge = Judge("J", sessions=tuple(template), quota=quota)
    result = _forecast(judge, leave, _cases(spec), day)
    if result.required_shortening_pct is None:
        assert result.verdict in ("not_enough_cases", "unreachable_at_minimum_lengths")
    else:
        assert 0 <= result.required_shortening_pct < 100
        # At the scale it reports, the needed completions really do fit.
        assert result.max_completions_at_minimum_lengths >= result.needed


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 300), st.integers(1, 300)), max_size=40),
    st.integers(0, 5000),
    st.floats(0.01, 1.0),
    st.floats(0.01, 1.0),
)
def test_k_is_monotone_in_the_scale_and_the_bisection_finds_its_inverse(
    pairs, capacity, a, b
) -> None:
    work = np.array([max(p) for p in pairs], dtype=float)
    floor = np.array([min(p) for p in pairs], dtype=float)
    fitting = Fitting(work, floor)
    low, high = sorted((a, b))
    assert fitting.count_fitting(capacity, low) >= fitting.count_fitting(capacity, high)
    needed = fitting.count_fitting(capacity, low)
    scale = fitting.largest_scale(needed, capacity)
    assert scale is not None
    assert scale >= low - 1e-9
    assert fitting.count_fitting(capacity, scale) >= needed


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 300), st.integers(1, 300), st.integers(1, 6)), max_size=20),
    st.integers(0, 5000),
    st.floats(0.01, 1.0),
)
def test_k_over_groups_of_alike_cases_is_k_over_the_cases(groups, capacity, scale) -> None:
    """The forecast counts groups (r, m, how many); one entry per case gives the same K, the
    same minutes of the shortest cases and the same f*."""
    work = [max(a, b) for a, b, _ in groups]
    floor = [min(a, b) for a, b, _ in groups]
    counts = [n for _, _, n in groups]
    grouped = Fitting(work, floor, counts)
    each = Fitting(
        [w for w, n in zip(work, counts, strict=True) for _ in range(n)],
        [m for m, n in zip(floor, counts, strict=True) for _ in range(n)],
    )
    assert grouped.pending == each.pending == sum(counts)
    assert grouped.count_fitting(capacity, scale) == each.count_fitting(capacity, scale)
    assert grouped.count_fitting_at_floors(capacity) == each.count_fitting_at_floors(capacity)
    needed = grouped.count_fitting_at_floors(capacity)
    assert grouped.minutes_for_smallest(needed, scale) == pytest.approx(
        each.minutes_for_smallest(needed, scale)
    )
    assert grouped.largest_scale(needed, capacity) == pytest.approx(
        each.largest_scale(needed, capacity)
    )
