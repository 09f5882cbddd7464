"""Load on the court server (issue 16): 10 clients edit a 30-judge court at once for a minute.

Each client is its own process with its own ``Database`` (its own connections): ten users at ten
desks, each with a Python of its own, so the clients do not queue on one interpreter's lock as
threads would, and every edit crosses the loopback to the server as a real client's does. (On a
2-core machine the clients and the server share the cores: the figures are the whole system's.)

Every edit is a real service call, read then written as a window does (the read gives the
``seen`` state the write is checked against):

- edit a case (``cases.update_case`` with its base): its remaining minutes + 1, a counter;
- move a hearing (``calendar.move_hearing`` with ``seen``): shortened by 15 minutes, or back;
- record an outcome (``calendar.record_outcome`` HELD with ``seen``), the clock a year on.

The clients pick judges at random and edit a small hot set of each judge's cases and hearings,
so they collide. A refused stale edit (``StaleEdit``, someone changed it since the read) is
counted apart from the confirmed ones and not retried. Each client logs every confirmed edit; at
the end the database must hold them all: each case's minutes = 60 + its confirmed edits, each
hearing's length follows the parity of its confirmed moves, each confirmed outcome is HELD and no
hearing's outcome was confirmed twice. Any miss is a lost update (exit 1).

On a throwaway cluster (``tests/postgres_cluster.py``: initdb in a temporary folder, loopback,
fsync off as in the tests), or ``--engine sqlite`` for the same load on one SQLite file.

    .venv/bin/python benchmarks/bench_court_load.py [--seconds 60] [--clients 10] [--judges 30]
        [--cases-per-judge 300] [--engine postgresql|sqlite]
"""

import argparse
import contextlib
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.demo.generator import generate_dockets
from planner.domain.docket import Docket
from planner.domain.errors import InvalidValue
from planner.domain.vocabulary import HearingStatus
from planner.services import calendar as calendar_service
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.services.calendar import Outcome
from planner.store.database import Database
from planner.store.errors import DatabaseBusy, StaleEdit
from tests.postgres_cluster import running_cluster

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 18, 0)
#: The clock the outcomes are recorded at: the demo's hearings are all to come as of TODAY, so
#: the outcomes are recorded as if a year on (a hearing's outcome needs its start to be past).
LATER = datetime(2027, 12, 31, 18, 0)
HOT = 10  # cases, hearings to move and hearings to hold per judge
START_MINUTES = 60
#: (kind, weight): most edits are to cases and the calendar.
KINDS = (("case", 5), ("move", 4), ("outcome", 1))


@contextlib.contextmanager
def location(engine: str) -> Iterator[str]:
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="planner-load-") as folder:
            yield str(Path(folder) / "court.sqlite")
        return
    with running_cluster() as cluster:
        if isinstance(cluster, str):
            sys.exit(cluster)
        with cluster.database() as url:
            yield f"{url}?sslmode=disable"  # loopback, no certificate


def build_court(where: str, judges: int, cases_per_judge: int) -> dict[str, list]:  # type: ignore[type-arg]
    """The court's dockets, stored; returns the hot sets: per judge name, case ids (minutes set
    to 60, no hearing), hearings to move and others to hold (by id)."""
    dockets = generate_dockets(cases=judges * cases_per_judge, judges=judges, seed=16, today=TODAY)
    database = Database.open(where)
    hot: dict[str, list] = {"cases": [], "moves": [], "outcomes": []}  # type: ignore[type-arg]
    try:
        for docket in dockets:
            with_hearing = {hearing.a_number for hearing in docket.hearings}
            without = [case.a_number for case in docket.cases if case.a_number not in with_hearing]
            chosen = set(without[:HOT])
            cases = tuple(
                replace(case, remaining_minutes=START_MINUTES) if case.a_number in chosen else case
                for case in docket.cases
            )
            with database.transaction() as repo:
                judge_id = repo.add_docket(
                    Docket(docket.judge, docket.closures, docket.leave, cases, docket.hearings)
                )
                stored = repo.load_docket(judge_id)
                ids = repo.case_ids(judge_id)
            name = docket.judge.name
            hot["cases"] += [(name, ids[a]) for a in sorted(chosen)]
            scheduled = [h for h in stored.hearings if h.status is HearingStatus.SCHEDULED]
            future = [h for h in scheduled if h.start > NOW and h.minutes > 30]
            hot["moves"] += [(name, h.id, h.minutes) for h in future[:HOT]]
            hot["outcomes"] += [(name, h.id) for h in future[HOT : 2 * HOT]]
    finally:
        database.close()
    return hot


def client(number: int, where: str, hot: dict, seconds: float, start, results) -> None:  # type: ignore[no-untyped-def,type-arg]
    """One user: edits until the time is up; sends back its latencies and confirmed edits."""
    rng = random.Random(number)
    database = Database.open(where)
    database.editor = f"clerk{number}"
    judges = {name: judge_service.judge_named(database, name) for name, *_ in hot["cases"]}
    kinds = [kind for kind, _ in KINDS]
    weights = [weight for _, weight in KINDS]
    latencies: list[float] = []
    confirmed: list[tuple[str, int]] = []
    refused: Counter[str] = Counter()
    start.wait()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        try:
            if kind == "case":
                _judge, case_id = rng.choice(hot["cases"])
                seen = case_service.get_case(database, case_id)
                assert seen.remaining_minutes is not None
                began = time.perf_counter()
                case_service.update_case(
                    database, replace(seen, remaining_minutes=seen.remaining_minutes + 1), seen
                )
                target = case_id
            elif kind == "move":
                name, hearing_id, full = rng.choice(hot["moves"])
                seen = calendar_service.hearing_entry(database, hearing_id).hearing()
                minutes = full - 15 if seen.minutes == full else full
                began = time.perf_counter()
                calendar_service.move_hearing(
                    database, judges[name], hearing_id, seen.start, minutes, seen=seen
                )
                target = hearing_id
            else:
                name, hearing_id = rng.choice(hot["outcomes"])
                seen = calendar_service.hearing_entry(database, hearing_id).hearing()
                if seen.status is not HearingStatus.SCHEDULED:
                    refused["outcome already recorded (seen)"] += 1
                    continue
                began = time.perf_counter()
                calendar_service.record_outcome(
                    database, judges[name], hearing_id, Outcome.HELD, now=LATER, seen=seen
                )
                target = hearing_id
        except StaleEdit:
            refused[f"{kind}: stale"] += 1
            continue
        except DatabaseBusy:
            refused[f"{kind}: busy"] += 1
            continue
        except InvalidValue as error:
            refused[f"{kind}: {type(error).__name__}"] += 1
            continue
        latencies.append((time.perf_counter() - began) * 1000)
        confirmed.append((kind, target))
    database.close()
    results.put((number, latencies, confirmed, dict(refused)))


def check(where: str, hot: dict, confirmed: list[tuple[str, int]]) -> list[str]:  # type: ignore[type-arg]
    """Every confirmed edit in the database: the lost ones, one line each (none: all there)."""
    counts = Counter(confirmed)
    lost = []
    database = Database.open(where)
    try:
        for _name, case_id in hot["cases"]:
            stored = case_service.get_case(database, case_id).remaining_minutes
            expected = START_MINUTES + counts[("case", case_id)]
            if stored != expected:
                lost.append(f"case {case_id}: {stored} minutes, {expected} confirmed")
        for _name, hearing_id, full in hot["moves"]:
            stored = calendar_service.hearing_entry(database, hearing_id).hearing().minutes
            expected = full - 15 if counts[("move", hearing_id)] % 2 else full
            if stored != expected:
                lost.append(f"hearing {hearing_id}: {stored} minutes, {expected} confirmed")
        for _name, hearing_id in hot["outcomes"]:
            held = counts[("outcome", hearing_id)]
            status = calendar_service.hearing_entry(database, hearing_id).hearing().status
            if held > 1 or (held == 1 and status is not HearingStatus.HELD):
                lost.append(f"hearing {hearing_id}: {status}, outcome confirmed {held} times")
    finally:
        database.close()
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--judges", type=int, default=30)
    parser.add_argument("--cases-per-judge", type=int, default=300)
    parser.add_argument("--engine", choices=("postgresql", "sqlite"), default="postgresql")
    args = parser.parse_args()
    load = os.getloadavg()
    with location(args.engine) as where:
        began = time.perf_counter()
        hot = build_court(where, args.judges, args.cases_per_judge)
        print(
            f"court: {args.judges} judges, {args.judges * args.cases_per_judge:,} cases on "
            f"{args.engine}, built in {time.perf_counter() - began:.1f} s; hot: "
            f"{len(hot['cases'])} cases, {len(hot['moves'])} hearings to move, "
            f"{len(hot['outcomes'])} to hold",
            flush=True,
        )
        context = multiprocessing.get_context("fork")
        start, results = context.Barrier(args.clients + 1), context.Queue()
        workers = [
            context.Process(target=client, args=(n, where, hot, args.seconds, start, results))
            for n in range(args.clients)
        ]
        for worker in workers:
            worker.start()
        start.wait()
        began = time.perf_counter()
        outcomes = [results.get(timeout=args.seconds + 300) for _ in workers]
        wall = time.perf_counter() - began
        for worker in workers:
            worker.join(timeout=60)
        latencies = [ms for _, client_ms, _, _ in outcomes for ms in client_ms]
        confirmed = [edit for _, _, edits, _ in outcomes for edit in edits]
        refused: Counter[str] = Counter()
        for _, _, _, client_refused in outcomes:
            refused.update(client_refused)
        lost = check(where, hot, confirmed)
    after = os.getloadavg()
    kinds = Counter(kind for kind, _ in confirmed)
    cut = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(
        f"{args.clients} client processes, {wall:.1f} s: {len(confirmed):,} edits confirmed "
        f"({', '.join(f'{n:,} {k}' for k, n in sorted(kinds.items()))}), "
        f"{len(confirmed) / wall:.1f} edits/s"
    )
    print(
        f"latency of a write (the service call): median {statistics.median(latencies):.1f} ms, "
        f"p95 {cut[94]:.1f} ms, max {max(latencies):.1f} ms"
    )
    print(
        f"refused: {sum(refused.values()):,} "
        f"({', '.join(f'{n:,} {k}' for k, n in sorted(refused.items())) or 'none'})"
    )
    print(f"load average before {load[0]:.2f}, after {after[0]:.2f} (1 min)")
    if lost:
        print(f"LOST UPDATES: {len(lost)}")
        for line in lost[:20]:
            print(f"  {line}")
        return 1
    print(f"lost updates: 0 (every one of the {len(confirmed):,} confirmed edits is stored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
