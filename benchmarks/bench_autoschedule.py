"""Benchmark: the auto-scheduler's speed, and its completions against a proven upper bound.

The benchmark docket is the demo's first judge (its weekly template, leave and closures) with
2,000 pending cases, planned from the first day of fiscal year 2027 to its end on an empty
calendar. For each policy it times ``propose`` (the median of --runs runs, free time computed
inside) and reports the completions. Then HiGHS (``highspy``, the ``bench`` extra) computes an
upper bound on the completions ANY schedule of the same hearings could reach:

  maximise  sum_c y_c                                 (cases completed, by class c)
  subject to, for every bin type b (free gaps of one session kind, language and length L):
            sum_p z_bp <= n_b                         (n_b such gaps; z_bp gaps packed by pattern p)
  for every bin type b and hearing size s (minutes + buffer):
            sum_j w_bsj <= sum_p a_ps z_bp            (a_ps hearings of size s in pattern p)
  for every hearing type j (sessions it may sit in, language, size):
            sum_bs w_bsj >= sum_c d_cj y_c            (d_cj hearings of type j per case of class c)
            0 <= y_c <= count_c, z integer, y integer, w >= 0

A pattern is a maximal multiset of hearing sizes whose sum is at most L + buffer (a gap of L
minutes holds k hearings with k - 1 buffers between them; the bound lets the last buffer hang
over, which only loosens it). The program drops every rule about dates: the notice period, the
order of a case's hearings and their distinct days; dropping constraints only raises the
optimum, so HiGHS's dual bound on it is a proven upper bound on the engine's completions.

    .venv/bin/python benchmarks/bench_autoschedule.py [--runs R] [--time-limit S]
"""

import argparse
import statistics
import time
from collections import Counter
from datetime import date

import highspy
import numpy as np

from planner.demo.generator import plan_dockets
from planner.domain.calendar import CourtCalendar, fiscal_year_bounds
from planner.scheduling.autoschedule import Options, Policy, propose
from planner.scheduling.freetime import FreeTime
from planner.scheduling.plans import unscheduled_needs

FIRST = date(2026, 10, 1)


def benchmark_docket():  # type: ignore[no-untyped-def]
    docket = next(
        iter(
            plan_dockets(
                cases=2000,
                judges=1,
                seed=2018,
                today=FIRST,
                taken_names=set(),
                taken_a_numbers=set(),
            )
        )
    )
    _first, last = fiscal_year_bounds(2027, docket.judge)
    return docket, CourtCalendar(docket.judge, docket.closures, docket.leave, FIRST, last)


def patterns(capacity: int, sizes: list[int]) -> list[tuple[int, ...]]:
    """Every maximal multiset of ``sizes`` within ``capacity``, as counts in the order of
    ``sizes`` (non-maximal ones are never needed: the demand rows only ask for at least)."""
    order = sorted(range(len(sizes)), key=lambda k: -sizes[k])
    smallest = min(sizes)
    found: list[tuple[int, ...]] = []
    counts = [0] * len(sizes)

    def walk(position: int, room: int) -> None:
        if position == len(order):
            if room < smallest:
                found.append(tuple(counts))
            return
        k = order[position]
        for many in range(room // sizes[k], -1, -1):
            counts[k] = many
            walk(position + 1, room - many * sizes[k])
        counts[k] = 0

    walk(0, capacity)
    return found


def upper_bound(docket, calendar, options: Options, time_limit: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    free = FreeTime(calendar, (), FIRST, calendar.last, options.buffer_minutes)
    needs = unscheduled_needs(
        docket.judge,
        docket.cases,
        (),
        FIRST,
        notice_days=options.notice_days,
        longest_session=free.longest(),
    )
    buffer = options.buffer_minutes
    bins = Counter(
        (slot.session.kind, slot.language, (c - a) + buffer)
        for slot in free.slots
        for a, c in slot.gaps
    )
    classes = Counter(
        tuple(
            sorted(
                (
                    (n.sessions, need.case.language.casefold(), n.minutes + buffer)
                    for n in need.needs
                ),
                key=repr,
            )
        )
        for need in needs
    )
    jobs = sorted({job for cls in classes for job in cls}, key=repr)
    job_index = {job: k for k, job in enumerate(jobs)}

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", time_limit)
    inf = highspy.kHighsInf
    columns = 0

    def column(cost: float, upper: float, integer: bool) -> int:
        nonlocal columns
        h.addVar(0.0, upper)
        h.changeColCost(columns, cost)
        if integer:
            h.changeColIntegrality(columns, highspy.HighsVarType.kInteger)
        columns += 1
        return columns - 1

    # y_c: cases of class c completed.
    y = {cls: column(1.0, count, True) for cls, count in classes.items()}
    demand_rows: dict[int, list[tuple[int, float]]] = {k: [] for k in range(len(jobs))}
    for cls, col in y.items():
        for job, times in Counter(cls).items():
            demand_rows[job_index[job]].append((col, -float(times)))
    pattern_count = 0
    for (kind, language, capacity), count in bins.items():
        fits = [
            job
            for job in jobs
            if kind in job[0] and language in (None, job[1]) and job[2] <= capacity
        ]
        if not fits:
            continue
        sizes = sorted({job[2] for job in fits})
        found = patterns(capacity, sizes)
        pattern_count += len(found)
        z = [column(0.0, count, True) for _ in found]
        h.addRow(-inf, float(count), len(z), np.array(z, dtype=np.int32), np.ones(len(z)))
        for s_index, size in enumerate(sizes):
            w = [(job, column(0.0, inf, False)) for job in fits if job[2] == size]
            index = [col for _job, col in w] + z
            value = [1.0] * len(w) + [-float(p[s_index]) for p in found]
            h.addRow(-inf, 0.0, len(index), np.array(index, dtype=np.int32), np.array(value))
            for job, col in w:
                demand_rows[job_index[job]].append((col, 1.0))
    for row in demand_rows.values():
        cols = np.array([c for c, _ in row], dtype=np.int32)
        vals = np.array([v for _, v in row])
        h.addRow(0.0, inf, len(cols), cols, vals)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    start = time.perf_counter()
    h.run()
    info = h.getInfo()
    return {
        "bound": info.mip_dual_bound,
        "best": info.objective_function_value,
        "gap": info.mip_gap,
        "seconds": time.perf_counter() - start,
        "status": h.modelStatusToString(h.getModelStatus()),
        "columns": columns,
        "patterns": pattern_count,
        "bin_types": len(bins),
        "classes": len(classes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=120.0)
    args = parser.parse_args()
    docket, calendar = benchmark_docket()
    options = Options()
    pending = sum(1 for case in docket.cases if case.status.value == "pending")
    print(f"benchmark docket: {pending:,} pending cases, {FIRST} to {calendar.last}")
    results = {}
    for policy in Policy:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            proposal = propose(docket.judge, calendar, docket.cases, (), FIRST, policy, options)
            times.append(time.perf_counter() - start)
        results[policy] = proposal
        print(
            f"  {policy.value:16} median {statistics.median(times) * 1000:6.0f} ms "
            f"(max {max(times) * 1000:.0f} ms): {proposal.completions_by_fy_end} completions, "
            f"{proposal.deadlines_met} deadlines met, {proposal.deadlines_missed} missed, "
            f"oldest tenth waits {proposal.oldest_tenth_wait_days} days"
        )
    bound = upper_bound(docket, calendar, options, args.time_limit)
    print(
        f"HiGHS: {bound['status']} in {bound['seconds']:.1f} s; best date-free packing "
        f"{bound['best']:.0f}, proven upper bound {bound['bound']:.2f} "
        f"({bound['bin_types']} gap types, {bound['patterns']} patterns, "
        f"{bound['classes']} case classes)"
    )
    greedy = results[Policy.MAX_COMPLETIONS].completions_by_fy_end
    ceiling = int(bound["bound"] + 1e-6)
    print(f"max-completions books {greedy} of at most {ceiling}: {100 * greedy / ceiling:.1f}%")


if __name__ == "__main__":
    main()
