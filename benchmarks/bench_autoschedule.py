"""Benchmark: the auto-scheduler's speed, and its completions against a proven upper bound and a
simple rival, on several generated dockets of different shapes.

The dockets (``DOCKETS``), each planned to its fiscal year's end:

- ``demo``: the demo's first judge (its weekly template, leave and closures) with 2,000 pending
  cases, from 1 October 2026 on an empty calendar;
- ``demo-booked``: the same judge's demo docket as of 25 November 2026 with its booked hearings
  kept (they take their time, and their cases are not scheduled again), from 26 November;
- ``mixed-individual``: 2,000 single-hearing cases of 15, 30 and 180 minutes in individual
  sessions only (the judge's floor 15 minutes), short and long hearings mixed in one session kind;
- ``detained-interpreted``: master, individual, detained and bond sessions, a third of them with
  an interpreter of one of six languages; 2,000 cases, a third detained, in seven languages, with
  asylum clocks, motions, notices to appear and 300 hearings already booked;
- ``scarce-master``: one master morning a week against merits afternoons every day; removal,
  asylum and asylum-only cases: which pool binds decides which cases to take.

For each docket it times ``propose`` under max-completions (the median of --runs runs, free
time computed inside) and once under the other two policies, counts the rival's completions
(``tests/scheduling/rival.py``: the shortest cases chosen, then placed longest first where each
fits best), and has HiGHS (``highspy``, the ``bench`` extra) compute an upper bound on the
completions ANY schedule of the same hearings could reach:

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

A case whose first hearing may not be set before fiscal-year end (its notice period) is left
out of the program: no schedule completes it.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_autoschedule.py [--runs R]
        [--time-limit S] [--docket NAME ...]
"""

import argparse
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time

import highspy
import numpy as np

from planner.demo.generator import plan_dockets
from planner.domain.calendar import CourtCalendar, fiscal_year_bounds
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.scheduling.autoschedule import Options, Policy, propose
from planner.scheduling.freetime import FreeTime
from planner.scheduling.plans import unscheduled_needs
from tests.scheduling.rival import rival_completions

K = SessionKind
AM, PM = (clock_time(8, 30), clock_time(12)), (clock_time(13), clock_time(16, 30))
FY_FIRST = date(2026, 10, 1)


@dataclass(frozen=True)
class Bench:
    """A benchmark docket: who, the calendar to fiscal-year end, and the first day."""

    name: str
    docket: Docket
    calendar: CourtCalendar
    first: date


def _plan(docket: Docket, first: date) -> CourtCalendar:
    _fy_first, last = fiscal_year_bounds(2027, docket.judge)
    return CourtCalendar(docket.judge, docket.closures, docket.leave, first, last)


def _demo(today: date) -> Docket:
    return next(
        iter(
            plan_dockets(
                cases=2000,
                judges=1,
                seed=2018,
                today=today,
                taken_names=set(),
                taken_a_numbers=set(),
            )
        )
    )


def demo() -> Bench:
    docket = replace(_demo(FY_FIRST), hearings=())
    return Bench("demo", docket, _plan(docket, FY_FIRST), FY_FIRST)


def demo_booked() -> Bench:
    docket = _demo(date(2026, 11, 25))
    first = date(2026, 11, 26)
    return Bench("demo-booked", docket, _plan(docket, first), first)


def _a_number(n: int) -> str:
    return f"{200000000 + n:09d}"


def mixed_individual() -> Bench:
    rng = random.Random(14)
    sessions = (
        *(Session(day, *PM, K.INDIVIDUAL) for day in range(5)),
        Session(1, *AM, K.INDIVIDUAL),
        Session(3, *AM, K.INDIVIDUAL),
    )
    judge = Judge("Mixed Lengths", sessions=sessions)
    judge = replace(
        judge,
        hearing_minutes={**judge.hearing_minutes, HearingKind.INDIVIDUAL: KindMinutes(180, 15)},
    )
    cases = tuple(
        Case(
            _a_number(n),
            f"R{n}",
            "asylum_only",
            date(2024, 1, 1) + timedelta(days=n % 600),
            remaining_minutes=rng.choices((15, 30, 180), weights=(40, 35, 25))[0],
        )
        for n in range(2000)
    )
    docket = Docket(judge, cases=cases)
    return Bench("mixed-individual", docket, _plan(docket, FY_FIRST), FY_FIRST)


LANGUAGES = ("Spanish", "Mam", "K'iche'", "Portuguese", "Haitian Creole", "Mandarin")


def detained_interpreted() -> Bench:
    rng = random.Random(2018)
    sessions = (
        Session(0, *AM, K.MASTER, "Spanish"),
        Session(0, *PM, K.INDIVIDUAL),
        Session(1, *AM, K.DETAINED_MASTER),
        Session(1, *PM, K.DETAINED_INDIVIDUAL, "Spanish"),
        Session(2, *AM, K.BOND),
        Session(2, *PM, K.INDIVIDUAL, "Mam"),
        Session(3, *AM, K.MASTER),
        Session(3, *PM, K.INDIVIDUAL, "Portuguese"),
        Session(4, *AM, K.DETAINED_MASTER, "K'iche'"),
        Session(4, *PM, K.DETAINED_INDIVIDUAL),
    )
    judge = Judge("Detained Interpreted", sessions=sessions)
    first = date(2026, 11, 2)
    kinds = (
        "removal",
        "asylum",
        "cancellation",
        "adjustment",
        "asylum_only",
        "bond",
        "fear_review",
        "motion",
    )
    cases = []
    for n in range(2000):
        kind = rng.choices(kinds, weights=(30, 20, 5, 8, 7, 10, 5, 15))[0]
        received = first - timedelta(days=rng.randint(1, 900))
        detained = rng.random() < 1 / 3
        language = rng.choices(("English", *LANGUAGES), weights=(15, 45, 10, 8, 8, 7, 7))[0]
        filed = None
        if kind in ("asylum", "asylum_only") and rng.random() < 0.7:
            filed = first - timedelta(days=rng.randint(0, 400))
        served = None
        if rng.random() < 0.2:
            served = first - timedelta(days=rng.randint(0, 30))
            received = min(received, served)
        override = rng.choice((None, None, None, 60, 120, 240)) if kind == "asylum" else None
        cases.append(
            Case(
                _a_number(n),
                f"R{n}",
                kind,
                received,
                detained=detained,
                language=language,
                asylum_filed=filed,
                nta_served=served,
                remaining_minutes=override,
            )
        )
    # 300 hearings already booked in the window, at random session times; their cases are
    # not scheduled again, and their time (with a buffer) is taken.
    calendar = _plan(Docket(judge), first)
    days = [day for day in (first + timedelta(days=k) for k in range(330)) if day <= calendar.last]
    hearings = []
    for case in rng.sample(cases, 300):
        while True:
            day = rng.choice(days)
            bench = calendar.bench_sessions(day)
            if bench:
                break
        session, _interval = rng.choice(bench)
        start = datetime.combine(day, session.start) + timedelta(minutes=5 * rng.randint(0, 30))
        hearings.append(Hearing(case.a_number, start, rng.choice((15, 30, 60)), HearingKind.MASTER))
    docket = Docket(judge, cases=tuple(cases), hearings=tuple(hearings))
    return Bench("detained-interpreted", docket, calendar, first)


def scarce_master() -> Bench:
    rng = random.Random(7)
    sessions = (Session(0, *AM, K.MASTER), *(Session(d, *PM, K.INDIVIDUAL) for d in range(5)))
    judge = Judge("Scarce Master", sessions=sessions)
    cases = tuple(
        Case(
            _a_number(n),
            f"R{n}",
            rng.choices(("removal", "asylum", "asylum_only", "motion"), weights=(50, 25, 15, 10))[
                0
            ],
            date(2024, 1, 1) + timedelta(days=n % 600),
        )
        for n in range(2000)
    )
    docket = Docket(judge, cases=cases)
    return Bench("scarce-master", docket, _plan(docket, FY_FIRST), FY_FIRST)


DOCKETS: dict[str, Callable[[], Bench]] = {
    "demo": demo,
    "demo-booked": demo_booked,
    "mixed-individual": mixed_individual,
    "detained-interpreted": detained_interpreted,
    "scarce-master": scarce_master,
}


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


def upper_bound(bench: Bench, options: Options, time_limit: float) -> dict[str, float]:
    docket, calendar = bench.docket, bench.calendar
    free = FreeTime(calendar, docket.hearings, bench.first, calendar.last, options.buffer_minutes)
    needs = unscheduled_needs(
        docket.judge,
        docket.cases,
        docket.hearings,
        bench.first,
        notice_days=options.notice_days,
        longest_session=free.longest(),
    )
    needs = [need for need in needs if need.earliest <= calendar.last]
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


def measure(bench: Bench, options: Options, runs: int, time_limit: float) -> dict[str, object]:
    docket, calendar = bench.docket, bench.calendar
    row: dict[str, object] = {"docket": bench.name}

    def run(policy: Policy):  # type: ignore[no-untyped-def]
        return propose(
            docket.judge, calendar, docket.cases, docket.hearings, bench.first, policy, options
        )

    for policy in (Policy.OLDEST, Policy.DEADLINE):
        row[policy.value] = run(policy).completions_by_fy_end
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        proposal = run(Policy.MAX_COMPLETIONS)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    row["cases"] = proposal.cases
    row["max-completions"] = proposal.completions_by_fy_end
    row["wall_ms"] = statistics.median(times) * 1000
    row["slowest_ms"] = max(times) * 1000
    row["cpu_ms"] = statistics.median(cpu) * 1000
    start = time.perf_counter()
    row["rival"] = rival_completions(
        docket.judge, calendar, docket.cases, docket.hearings, bench.first, options
    )
    row["rival_s"] = time.perf_counter() - start
    bound = upper_bound(bench, options, time_limit)
    row["bound"] = int(bound["bound"] + 1e-6)
    row["best"] = round(bound["best"])
    row["highs"] = f"{bound['status']} in {bound['seconds']:.1f} s"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--docket", nargs="*", choices=sorted(DOCKETS), default=list(DOCKETS))
    args = parser.parse_args()
    options = Options()
    print(
        "| docket | cases | oldest | deadline | max-completions | rival | HiGHS best | bound | "
        "share of bound | median wall | slowest | CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.docket:
        row = measure(DOCKETS[name](), options, args.runs, args.time_limit)
        share = 100 * row["max-completions"] / row["bound"] if row["bound"] else 100.0  # type: ignore[operator]
        print(
            f"| {name} | {row['cases']:,} | {row['oldest']:,} | {row['deadline']:,} | "
            f"{row['max-completions']:,} | {row['rival']:,} | {row['best']:,} | "
            f"{row['bound']:,} | {share:.1f}% | {row['wall_ms']:.0f} ms | "
            f"{row['slowest_ms']:.0f} ms | {row['cpu_ms']:.0f} ms |",
            flush=True,
        )
        print(f"<!-- {name}: HiGHS {row['highs']}; rival {row['rival_s']:.1f} s -->", flush=True)


if __name__ == "__main__":
    main()
