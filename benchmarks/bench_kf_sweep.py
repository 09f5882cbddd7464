"""Benchmark: K(f) over the whole fiscal year, proven or not, by whom, and how long it took.

For each docket and each as-of date it builds the forecast's pool model (as
``benchmarks/bench_packing.py`` does, as ``forecast_workload`` does) and counts K at f = 1, 0.8,
0.6, 0.4 and at the floors with ``planner.forecast.packing`` as the forecast calls it (budget
``_COUNT_BUDGET``, HiGHS settling what the search cannot prove). Each count is classed:

- ``bound``: proven by the search (its block bound and reduced costs), HiGHS not called;
- ``highs``: the search ran out of budget and HiGHS settled it, proven;
- ``unproven``: left unproven (HiGHS not loadable, out of time, or its choice refused);

and checked against HiGHS alone (``highspy``, relative gap 0, default tolerances) whose choice
is checked with ``Packing.fits``: a count below a choice of HiGHS that fits, or a choice of the
forecast that does not fit, is ``wrong``. With ``--bisection`` it also finds each model's f*
for its N as the forecast does (a bisection whose steps the search decides within 16
relaxations, past them HiGHS, and a step neither decides is "does not fit"), times it, and
checks with HiGHS that N do not fit two steps above it; ``--bisection-only`` skips the counts.
Exits 1 on an unproven or wrong count, or an understated f*.

The dates: the first of each month of fiscal year 2027 (1 Oct 2026 to 1 Sep 2027) and the last
week (24, 27, 29 and 30 Sep 2027). The dockets: the demo's judge with 2,000 cases generated as
of each date (seed 2018, so completions and held hearings run up to it); the five dockets of
``bench_autoschedule.py`` (generated once, forecast as of each date from their first day on);
with ``--national PATH``, every ``--every``-th judge of a national demo file (``planner demo
--cases 750000 --judges 400``).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_kf_sweep.py [--national PATH]
        [--every K] [--sources demo,autoschedule,national] [--dates D1,D2,...] [--csv PATH]
        [--bisection [--bisection-only]]
"""

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from typing import Any

from benchmarks.bench_packing import pool_model
from planner.domain.judge import Judge
from planner.forecast.demand import measure_demand, tally_workload
from planner.forecast.facts import Workload
from planner.forecast.packing import Packing
from planner.forecast.pools import _COUNT_BUDGET, PoolModel
from planner.forecast.window import window_of
from planner.services.demo import create_demo
from planner.store.database import Database

SCALES: tuple[float | None, ...] = (1.0, 0.8, 0.6, 0.4, None)
MONTHS = tuple(date(2026 if m >= 10 else 2027, m, 1) for m in (10, 11, 12, *range(1, 10)))
LAST_WEEK = (date(2027, 9, 24), date(2027, 9, 27), date(2027, 9, 29), date(2027, 9, 30))
DATES = MONTHS + LAST_WEEK

Model = tuple[str, date, PoolModel, int]


@dataclass
class Row:
    """One docket as of one date: its counts by how they were proven, and their times."""

    judges: int = 0
    bisections: int = 0  # f* found by the bisection (several constraints, 0 < N <= K(floors))
    settled: int = 0  # bisections with a step the search left to HiGHS (out of its budget)
    undecided: int = 0  # bisections with a step left undecided, by the search and by HiGHS
    understated: int = 0  # f* below HiGHS's by more than the bisection's step
    bisection_s: list[float] = field(default_factory=list)  # wall time of each f*
    status: Counter[str] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    wrong: int = 0


def needed(judge: Judge, workload: Workload) -> int:
    """N, the completions still needed for the quota."""
    return max(0, judge.quota - measure_demand(judge, workload).completed)


def check_bisection(model: PoolModel, count: int, row: "Row") -> None:
    """f* by the forecast's bisection, how many of its steps the search left to HiGHS and how
    many stayed undecided, and whether HiGHS fits ``count`` cases at a scale above it by more
    than a step (then f* is understated: the shortening overstated)."""
    if model.single or count <= 0 or count > sum(model.counts):
        return
    made: list[Packing] = []
    packing_of = model.packing

    def kept(lengths: Sequence[float], budget: int = _COUNT_BUDGET) -> tuple[Packing, Any]:
        packing, members = packing_of(lengths, budget)
        made.append(packing)
        return packing, members

    model.packing = kept  # type: ignore[method-assign]
    began = time.perf_counter()
    try:
        best = model.largest_scale(count)
    finally:
        del model.packing
    row.bisection_s.append(time.perf_counter() - began)
    row.bisections += 1
    row.settled += any(p.settled or not p.proven for p in made)
    row.undecided += any(not p.proven for p in made)
    above = 1.0 if best is None else best + 2.0**-19
    if above < 1.0:
        packing, _ = model.packing(model.lengths(above))
        theirs, fit = highs_alone(packing)
        if fit and theirs >= count:
            row.understated += 1
            print(f"  f* {best} understated: HiGHS fits {count} at {above}", flush=True)
    elif best is None:
        packing, _ = model.packing(model.lengths(None))
        theirs, fit = highs_alone(packing)
        if fit and theirs >= count:
            row.understated += 1
            print(f"  f* none, but HiGHS fits {count} at the floors", flush=True)


def demo_models(dates: tuple[date, ...]) -> Iterator[Model]:
    for today in dates:
        with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
            database = Database.open(Path(folder) / "one.sqlite")
            create_demo(database, cases=2000, judges=1, seed=2018, today=today)
            as_of = datetime.combine(today, clock(9, 0))
            with database.transaction() as repo:
                (judge,) = repo.judges()
                inputs = repo.forecast_inputs(judge, as_of)
            database.close()
        model = pool_model(inputs.judge, inputs.closures, inputs.leave, inputs.workload, as_of)
        yield "demo 2,000", today, model, needed(inputs.judge, inputs.workload)


def autoschedule_models(dates: tuple[date, ...]) -> Iterator[Model]:
    from benchmarks.bench_autoschedule import DOCKETS

    for name, make in DOCKETS.items():
        bench = make()
        docket = bench.docket
        for today in dates:
            if today < bench.first:
                continue
            as_of = datetime.combine(today, clock(9, 0))
            window = window_of(docket.judge, as_of)
            workload = tally_workload(docket.judge, docket.cases, docket.hearings, window)
            model = pool_model(docket.judge, docket.closures, docket.leave, workload, as_of)
            yield name, today, model, needed(docket.judge, workload)


def national_models(path: Path, every: int, dates: tuple[date, ...]) -> Iterator[Model]:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judges = repo.judges()[::every]
        for today in dates:
            as_of = datetime.combine(today, clock(9, 0))
            with database.transaction() as repo:
                for judge in judges:
                    inputs = repo.forecast_inputs(judge, as_of)
                    model = pool_model(
                        inputs.judge, inputs.closures, inputs.leave, inputs.workload, as_of
                    )
                    yield f"national 1/{every}", today, model, needed(inputs.judge, inputs.workload)
    finally:
        database.close()


def highs_alone(packing: Packing) -> tuple[int, bool]:
    """HiGHS's optimum of the same programme (default tolerances) and whether its choice fits
    by ``Packing.fits``."""
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
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("time_limit", 60.0)
    solver.passModel(lp)
    solver.run()
    x = [round(v) for v in solver.getSolution().col_value]
    return round(-solver.getInfo().objective_function_value), packing.fits(x)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--national", type=Path, default=None)
    parser.add_argument("--every", type=int, default=10, help="every K-th national judge")
    parser.add_argument("--sources", default="demo,autoschedule,national")
    parser.add_argument("--dates", default=None, help="as-of dates, by commas (default: DATES)")
    parser.add_argument(
        "--bisection", action="store_true", help="also check f* of each judge against HiGHS"
    )
    parser.add_argument(
        "--bisection-only", action="store_true", help="with --bisection: count no K(f)"
    )
    parser.add_argument("--csv", type=Path, default=None, help="one row per count")
    args = parser.parse_args()
    dates = tuple(date.fromisoformat(d) for d in args.dates.split(",")) if args.dates else DATES
    print(f"load average at start: {os.getloadavg()}", flush=True)
    sources: list[Iterator[Model]] = []
    wanted = args.sources.split(",")
    if "demo" in wanted:
        sources.append(demo_models(dates))
    if "autoschedule" in wanted:
        sources.append(autoschedule_models(dates))
    if "national" in wanted and args.national is not None:
        sources.append(national_models(args.national, args.every, dates))
    out = None
    if args.csv is not None:
        sink = args.csv.open("w", newline="")
        out = csv.writer(sink)
        os.chmod(args.csv, 0o600)
        out.writerow(
            [
                "docket",
                "as_of",
                "f",
                "groups",
                "rows",
                "count",
                "status",
                "relaxations",
                "ms",
                "highs_alone",
                "wrong",
            ]
        )
    table: dict[tuple[str, date], Row] = {}
    failed = False
    for source in sources:
        for name, today, model, count in source:
            row = table.setdefault((name, today), Row())
            row.judges += 1
            if args.bisection:
                check_bisection(model, count, row)
            for scale in () if args.bisection and args.bisection_only else SCALES:
                packing, _ = model.packing(model.lengths(scale), _COUNT_BUDGET)
                began = time.perf_counter()
                found, x = packing.most()
                ms = 1000 * (time.perf_counter() - began)
                kind = "unproven" if not packing.proven else "highs" if packing.settled else "bound"
                theirs, their_fit = highs_alone(packing)
                wrong = not packing.fits(x) or found != sum(x) or (their_fit and theirs > found)
                row.status[kind] += 1
                row.times.append(ms)
                row.wrong += wrong
                failed = failed or wrong or kind == "unproven"
                if kind != "bound" or wrong or theirs != found:
                    print(
                        f"  {name} {today} f={scale}: {kind}, K={found}, HiGHS alone "
                        f"{theirs}{'' if their_fit else ' (its choice does not fit)'}, "
                        f"{packing.relaxations} relaxations, {ms:.1f} ms"
                        f"{'  WRONG' if wrong else ''}",
                        flush=True,
                    )
                if out is not None:
                    out.writerow(
                        [
                            name,
                            today,
                            scale,
                            len(packing.counts),
                            len(packing.rows),
                            found,
                            kind,
                            packing.relaxations,
                            f"{ms:.2f}",
                            theirs,
                            int(wrong),
                        ]
                    )
            if out is not None:
                sink.flush()
    print(f"load average at end: {os.getloadavg()}")
    print(
        "| docket | as of | judges | counts | bound | HiGHS | unproven | wrong | "
        "per count (median, slowest) | f* bisections, a step past the search's budget, "
        "undecided, understated | f* time (median, slowest, all) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (name, today), row in table.items():
        status, times, took = row.status, row.times, row.bisection_s
        counts = (
            f"{statistics.median(times):.2f} ms, {max(times):.1f} ms" if times else "not counted"
        )
        spent = (
            f"{1000 * statistics.median(took):.1f} ms, {max(took):.2f} s, {sum(took):.2f} s"
            if took
            else ""
        )
        print(
            f"| {name} | {today} | {row.judges} | {sum(status.values())} | {status['bound']} | "
            f"{status['highs']} | {status['unproven']} | {row.wrong} | {counts} | "
            f"{row.bisections}, {row.settled}, {row.undecided}, {row.understated} | {spent} |"
        )
        failed = failed or row.understated > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
