"""The integer programme behind K(f) (``planner.forecast.packing``) against a brute force.

On small random programmes of the forecast's shape (non-negative minutes, a few constraints,
groups of interchangeable cases, some groups alike but for their length, some constraints
touching disjoint groups as the detained and other pools do) the most cases that fit is the
largest count any choice within the groups' sizes reaches, the search proves it, its choice
fits, and a decision ("do ``target`` cases fit?") agrees with it.
"""

import json
from itertools import product
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.forecast import packing as packing_module
from planner.forecast.packing import SEARCH_BEFORE_HIGHS, Packing

DATA = Path(__file__).parents[1] / "data"

MINUTES = (0.0, 0.0, 5.0, 9.23, 15.0, 20.0, 30.0, 45.0, 110.77, 120.0)


@st.composite
def programmes(
    draw: st.DrawFn,
) -> tuple[list[list[float]], list[float], list[int], list[list[int]]]:
    m = draw(st.integers(1, 4))
    plain = draw(st.integers(0, 4))
    columns = [[draw(st.sampled_from(MINUTES)) for _ in range(m)] for _ in range(plain)]
    counts = [draw(st.integers(0, 4)) for _ in range(plain)]
    chains: list[list[int]] = []
    if draw(st.booleans()):  # a chain: the same shares, longer and longer cases
        direction = [draw(st.sampled_from((0.0, 0.25, 0.5, 1.0))) for _ in range(m)]
        lengths = sorted(
            draw(st.lists(st.sampled_from((15.0, 30.0, 120.0, 195.0)), min_size=2, max_size=3))
        )
        chain = []
        for length in lengths:
            chain.append(len(columns))
            columns.append([d * length for d in direction])
            counts.append(draw(st.integers(0, 3)))
        chains.append(chain)
    rows = [[column[i] for column in columns] for i in range(m)]
    caps = [float(draw(st.integers(0, 400))) for _ in range(m)]
    return rows, caps, counts, chains


def brute_force(rows: list[list[float]], caps: list[float], counts: list[int]) -> int:
    best = 0
    for x in product(*(range(c + 1) for c in counts)):
        if all(
            sum(a * v for a, v in zip(row, x, strict=True)) <= cap + 1e-6
            for row, cap in zip(rows, caps, strict=True)
        ):
            best = max(best, sum(x))
    return best


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(), st.integers(0, 12))
def test_the_most_that_fit_is_the_brute_forces_and_proven(
    programme: tuple[list[list[float]], list[float], list[int], list[list[int]]], target: int
) -> None:
    rows, caps, counts, chains = programme
    expected = brute_force(rows, caps, counts)

    packing = Packing(rows, caps, counts, chains)
    found, x = packing.most()
    assert found == expected == sum(x)
    assert packing.proven
    assert packing.fits(x)
    assert all(0 <= v <= c for v, c in zip(x, counts, strict=True))

    decided, _ = Packing(rows, caps, counts, chains).most(target=target)
    assert (decided >= target) == (expected >= target)


def test_two_blocks_whose_fractions_add_past_a_case_are_proven_at_once() -> None:
    # Merits minutes of two kinds of case in two pools no case spans: 2.7 cases fit in the
    # first and 2.6 in the second, 5.3 in all by the relaxation, but only 2 + 2 whole cases.
    rows = [[100.0, 101.0, 0.0, 0.0], [0.0, 0.0, 100.0, 101.0]]
    caps = [270.0, 260.0]
    packing = Packing(rows, caps, [2, 3, 2, 3], budget=1)
    assert packing.most()[0] == 4
    assert packing.proven


def test_two_detained_pools_filled_to_the_minute_are_counted_and_proven() -> None:
    # Found on the national demo as of 1 August 2027, at the floors, and cut down: the detained
    # master pool (2,400 minutes) and the detained individual pool (3,360). Bond cases take 20
    # master minutes; four kinds of 20-minute case may sit in either pool, their shares of it
    # 1/10, 1/11, 1/12 and 1/13 of a master minute per individual minute. 5,760 minutes hold
    # 288 cases of 20 only if both pools are filled to the minute (104 bond cases and 40, 44,
    # 48 and 52 of the others): a subset sum no relaxation sees. The search alone stopped at
    # 287 after its 64 relaxations (1,449 prove 288), unproven.
    shares = (10, 11, 12, 13)
    rows = [[20.0] + [20.0 / n for n in shares], [0.0] + [20.0 * (n - 1) / n for n in shares]]
    caps = [2400.0, 3360.0]
    counts = [141, 46, 58, 49, 62]

    packing = Packing(rows, caps, counts, budget=64)
    found, x = packing.most()

    assert found == 288 == sum(x)
    assert packing.proven
    assert packing.fits(x)
    assert all(0 <= v <= c for v, c in zip(x, counts, strict=True))


def _two_pools_558() -> tuple[list[list[float]], list[float], list[int]]:
    """Two detained pools, master 4,650 minutes and individual 6,510: 110-minute merits-only
    cases, 20-minute bond cases (master only) and seven kinds of 20-minute case whose master
    share is 1/10 ... 1/16. 558 fit only with both pools filled to the minute."""
    shares = range(10, 17)
    rows = [
        [0.0, 20.0] + [20.0 / n for n in shares],
        [110.0, 0.0] + [20.0 * (n - 1) / n for n in shares],
    ]
    return rows, [4650.0, 6510.0], [112, 204, 51, 70, 53, 54, 63, 47, 49]


def test_highs_settles_a_count_whose_best_choice_fills_two_pools_to_the_minute() -> None:
    # Found by benchmarks/bench_kf_sweep.py on the national demo as of 1 June 2027, at the
    # floors, and cut down to the two detained pools: master 4,650 and individual 6,510
    # minutes. 110-minute merits-only cases, 20-minute bond cases (master only) and seven kinds
    # of 20-minute case whose master share is 1/10 ... 1/16. 558 fit, both pools filled to the
    # minute (the choice below). The search stops at 557 and hands the count to HiGHS, which,
    # called with its feasibility tolerance at 1e-9 and the rows' limits tightened, said 557 was
    # optimal: a count below a choice that fits, given as proven.
    rows, caps, counts = _two_pools_558()
    full = [0, 204, 51, 66, 52, 52, 63, 46, 24]
    packing = Packing(rows, caps, counts, budget=64)
    assert packing.fits(full)
    assert sum(full) == 558

    found, x = packing.most()

    assert found == 558 == sum(x)
    assert packing.proven
    assert packing.fits(x)


def test_highs_decides_the_steps_of_the_bisection_the_search_cannot() -> None:
    # The count above asked as the f* bisection asks it, "do 558 fit?" (yes, only by filling
    # both pools to the minute); and a step of the national demo's bisection late in the year,
    # "do 117 fit?", where the relaxation says 117.39 and the most is 116. Past a step's
    # budget HiGHS is asked for choices of the target or more only, and answers both.
    rows, caps, counts = _two_pools_558()
    fits = Packing(rows, caps, counts, budget=16)
    found, x = fits.most(target=558)
    assert fits.settled
    assert found == sum(x) >= 558
    assert fits.fits(x)
    assert fits.proven

    data = json.loads((DATA / "packing-decision-no.json").read_text())
    assert (data["target"], data["most"]) == (117, 116)
    too_many = Packing(data["rows"], data["caps"], data["counts"], budget=16)
    assert too_many.relaxed() >= data["target"]
    found, x = too_many.most(target=data["target"])
    assert too_many.settled
    assert found == sum(x) < data["target"]
    assert too_many.fits(x)
    assert too_many.proven
    enough = Packing(data["rows"], data["caps"], data["counts"], budget=16)
    found, x = enough.most(target=data["most"])
    assert found == sum(x) >= data["most"]
    assert enough.fits(x)


def test_a_count_is_searched_further_before_highs_is_first_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HiGHS's first use imports it and NumPy (about as long as SEARCH_BEFORE_HIGHS
    relaxations): until then a count the search proves in a few hundred relaxations is the
    search's, not handed to HiGHS; once HiGHS is loaded, the count's own budget holds."""
    data = json.loads((DATA / "packing-advice-count.json").read_text())
    packing = Packing(data["rows"], data["caps"], data["counts"], data["chains"], budget=64)
    monkeypatch.setattr(packing_module, "_highs_loaded", False)

    found, x = packing.most()

    assert found == data["most"] == sum(x)
    assert packing.proven
    assert not packing.settled
    assert 64 < packing.relaxations <= SEARCH_BEFORE_HIGHS
    monkeypatch.setattr(packing_module, "_highs_loaded", True)

    found, x = packing.most()

    assert found == data["most"] == sum(x)
    assert packing.settled  # past its 64 relaxations: HiGHS's


def test_a_count_highs_cannot_settle_within_its_node_limit_stays_the_best_choice_that_fits() -> (
    None
):
    """A hard count late in the year (``packing-hard-count.json``): HiGHS's solves stop at its
    node limit, so the count is the best choice found that fits, said to be unproven, never
    more than the exact count, and the same on every run (a count of nodes, not of seconds)."""
    data = json.loads((DATA / "packing-hard-count.json").read_text())
    answers = []
    for _ in range(2):
        packing = Packing(data["rows"], data["caps"], data["counts"], data["chains"], budget=64)
        found, x = packing.most()
        assert packing.settled  # past the search's budget: HiGHS was asked
        assert not packing.proven
        assert found == sum(x) <= data["most"]
        assert packing.fits(x)
        answers.append((found, x))
    assert answers[0] == answers[1]
    assert answers[0][0] == data["most"]  # 467: the exact count, even unproven
