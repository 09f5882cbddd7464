"""Benchmark: K(f), the pool model's count, by the forecast's own search against HiGHS.

For each docket it builds the forecast's pool model (the groups of alike cases, one constraint
per connected set of pools) as ``forecast_workload`` does, and counts K at f = 1, 0.8 and 0.6
and at the floors two ways: ``planner.forecast.packing`` (branch and bound in plain Python,
budget as in the forecast, HiGHS settling the counts it cannot prove) and HiGHS alone
(``highspy``; the integer programme with a relative gap of 0). It reports, per docket, the
relaxations the search solved (most and total), how many counts are proven, how many HiGHS
settled, the search's time per count (median over --runs, and the slowest), HiGHS's import
(once) and time per count, and any count on which the two differ. Exits 1 on a difference or
an unproven count.

The dockets: the demo's one judge with 2,000 and 5,000 cases as of four days of fiscal year
2027 (seed 2018), the five of ``bench_autoschedule.py`` from their first days, and, with
``--national PATH``, every judge of a national demo file (``planner demo --cases 750000
--judges 400``) as of --as-of.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_packing.py [--runs R] [--national PATH]
        [--as-of YYYY-MM-DD]
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from planner.domain.calendar import CourtCalendar
from planner.domain.judge import Judge
from planner.domain.seating import pools_of
from planner.domain.time_off import Closure, Leave
from planner.forecast.demand import tally_workload
from planner.forecast.facts import Workload
from planner.forecast.packing import Packing
from planner.forecast.pools import _COUNT_BUDGET, PoolModel, case_groups
from planner.forecast.scan import scan_year
from planner.forecast.window import window_of
from planner.services.demo import create_demo
from planner.store.database import Database

SCALES: tuple[float | None, ...] = (1.0, 0.8, 0.6, None)
DEMO_DAYS = (date(2026, 10, 2), date(2026, 12, 6), date(2027, 3, 15), date(2027, 7, 1))


def pool_model(
    judge: Judge,
    closures: Sequence[Closure],
    leave: Sequence[Leave],
    workload: Workload,
    as_of: datetime,
) -> PoolModel:
    """The pool model ``planner.forecast.engine.forecast_workload`` counts K with."""
    window = window_of(judge, as_of)
    calendar = CourtCalendar(judge, closures, list(leave), window.first, window.last)
    year = scan_year(calendar, list(leave), as_of, window.end)
    pools = pools_of(judge.sessions)
    by_kind = year.by_kind(judge.sessions)
    capacity = [sum(by_kind.get(kind, 0.0) for kind in pool.session_kinds) for pool in pools]
    return PoolModel(pools, capacity, case_groups(judge, workload, pools))


def demo_models() -> Iterator[tuple[str, PoolModel]]:
    for cases in (2000, 5000):
        for today in DEMO_DAYS:
            with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
                database = Database.open(Path(folder) / "one.sqlite")
                create_demo(database, cases=cases, judges=1, seed=2018, today=today)
                as_of = datetime.combine(today, clock(9, 0))
                with database.transaction() as repo:
                    (judge,) = repo.judges()
                    inputs = repo.forecast_inputs(judge, as_of)
                database.close()
            yield (
                f"demo {cases:,} cases {today}",
                pool_model(inputs.judge, inputs.closures, inputs.leave, inputs.workload, as_of),
            )


def autoschedule_models() -> Iterator[tuple[str, PoolModel]]:
    from benchmarks.bench_autoschedule import DOCKETS

    for name, make in DOCKETS.items():
        bench = make()
        docket = bench.docket
        as_of = datetime.combine(bench.first, clock(0, 0))
        window = window_of(docket.judge, as_of)
        workload = tally_workload(docket.judge, docket.cases, docket.hearings, window)
        yield (
            f"{name} {bench.first}",
            pool_model(docket.judge, docket.closures, docket.leave, workload, as_of),
        )


def national_models(path: Path, as_of: datetime) -> Iterator[tuple[str, PoolModel]]:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            for judge in repo.judges():
                inputs = repo.forecast_inputs(judge, as_of)
                yield (
                    "national",
                    pool_model(inputs.judge, inputs.closures, inputs.leave, inputs.workload, as_of),
                )
    finally:
        database.close()


def highs_count(packing: Packing) -> tuple[int, float]:
    """HiGHS's K for the same integer programme, and its solve time in ms."""
    import highspy
    import numpy as np

    n, m = len(packing.counts), len(packing.rows)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, m
    lp.col_cost_ = np.full(n, -1.0)
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.array(packing.counts, dtype=float)
    lp.row_lower_ = np.full(m, -highspy.kHighsInf)
    lp.row_upper_ = np.array(packing.caps, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.arange(0, m * n + 1, n, dtype=np.int32)
    lp.a_matrix_.index_ = np.tile(np.arange(n, dtype=np.int32), m)
    lp.a_matrix_.value_ = np.array(packing.rows, dtype=float).ravel()
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.passModel(lp)
    start = time.perf_counter()
    solver.run()
    ms = 1000 * (time.perf_counter() - start)
    return round(-solver.getInfo().objective_function_value), ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--national", type=Path, default=None)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 12, 6))
    args = parser.parse_args()

    start = time.perf_counter()
    import highspy  # noqa: F401

    import_ms = 1000 * (time.perf_counter() - start)
    print(f"HiGHS import (with numpy): {import_ms:.0f} ms")
    print(
        "| docket | groups | constraints | counts | proven | settled by HiGHS | "
        "relaxations (most, total) | "
        "search per count (median, slowest) | HiGHS per count (median, slowest) | differ |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    sources = [demo_models(), autoschedule_models()]
    if args.national is not None:
        sources.append(national_models(args.national, datetime.combine(args.as_of, clock(9))))
    failed = False
    for source in sources:
        rows: dict[str, list[tuple[int, int, bool, int, float, float, bool, bool]]] = {}
        for name, model in source:
            for scale in SCALES:
                packing, _ = model.packing(model.lengths(scale), _COUNT_BUDGET)
                timings = []
                for _ in range(args.runs):
                    began = time.perf_counter()
                    found, x = packing.most()
                    timings.append(1000 * (time.perf_counter() - began))
                theirs, highs_ms = highs_count(packing)
                differ = found != theirs or not packing.fits(x)
                rows.setdefault(name, []).append(
                    (
                        len(packing.counts),
                        len(packing.rows),
                        packing.proven,
                        packing.relaxations,
                        statistics.median(timings),
                        highs_ms,
                        differ,
                        packing.settled,
                    )
                )
        for name, counts in rows.items():
            times = [c[4] for c in counts]
            highs = [c[5] for c in counts]
            proven = sum(c[2] for c in counts)
            differ = sum(c[6] for c in counts)
            settled = sum(c[7] for c in counts)
            failed = failed or differ > 0 or proven < len(counts)
            judges = f" ({len(counts) // len(SCALES)} judges)" if name == "national" else ""
            print(
                f"| {name}{judges} | {max(c[0] for c in counts)} | {max(c[1] for c in counts)} | "
                f"{len(counts)} | {proven} | {settled} | {max(c[3] for c in counts)}, "
                f"{sum(c[3] for c in counts)} | {statistics.median(times):.2f} ms, "
                f"{max(times):.2f} ms | {statistics.median(highs):.1f} ms, {max(highs):.1f} ms | "
                f"{differ} |",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
