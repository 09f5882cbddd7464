"""Benchmark: the forecast of one judge with 5,000 pending cases, once the docket is loaded.

Builds a one-judge demo docket in a temporary database, reads the forecast's inputs once (that
read, the workload counted and grouped in SQL, is timed and reported too), then times
``planner.forecast.engine.forecast_workload`` on them: the median of repeated runs must be under
50 ms. Exits 1 if it is not. Then it times, once and apart (no bar: the window shows the verdict
first), the age targets' projection on the calendar as it stands
(``planner.services.forecasting.with_age_targets``: the docket read and the auto-scheduler's
deadline policy).

    .venv/bin/python benchmarks/bench_forecast.py [--cases N] [--runs R]
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from planner.forecast.engine import forecast_workload
from planner.services.demo import create_demo
from planner.services.forecasting import with_age_targets
from planner.store.database import Database

BAR_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        database = Database.open(Path(folder) / "one.sqlite")
        create_demo(database, cases=args.cases, judges=1, seed=2018, today=args.today)
        as_of = datetime.combine(args.today, clock(9, 0))
        with database.transaction() as repo:
            (judge,) = repo.judges()
            start = time.perf_counter()
            inputs = repo.forecast_inputs(judge, as_of)
            read_ms = 1000 * (time.perf_counter() - start)
        saved = forecast_workload(
            inputs.judge,
            closures=inputs.closures,
            leave=inputs.leave,
            workload=inputs.workload,
            as_of=as_of,
        )
        start = time.perf_counter()
        projected = with_age_targets(database, saved)
        ages_ms = 1000 * (time.perf_counter() - start)
        database.close()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = forecast_workload(
            inputs.judge,
            closures=inputs.closures,
            leave=inputs.leave,
            workload=inputs.workload,
            as_of=as_of,
        )
        timings.append(1000 * (time.perf_counter() - start))
    median = statistics.median(timings)
    print(
        f"forecast of one judge, {result.pending_cases:,} pending cases, "
        f"{len(inputs.workload.pending)} groups of alike cases read: median {median:.1f} ms "
        f"of {args.runs} runs (min {min(timings):.1f}, max {max(timings):.1f}; bar {BAR_MS:.0f} ms); "
        f"reading its inputs took {read_ms:.1f} ms; verdict {result.verdict.value}"
    )
    rule_set = "none" if projected.rule_set is None else projected.rule_set.name
    print(
        f"age targets of the {rule_set}, apart from the verdict: {ages_ms:.0f} ms for "
        f"{len(projected.age_targets or ())} targets (docket read and auto-scheduler included)"
    )
    if median >= BAR_MS:
        print("MISSED the bar")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
