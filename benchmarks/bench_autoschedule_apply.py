"""Benchmark: the window's auto-scheduler steps on the demo docket, through the services.

A demo docket of 2,000 cases as of 25 November 2026 (seed 2018) in a temporary database; from
26 November to fiscal-year end it times, each the median of --runs runs: the comparison of the
three policies and the oldest-first preview (both in the worker thread in the window), storing
the proposal (``apply_proposal``, worker thread), and its undo and redo (``withdraw_applied``
and ``restore_withdrawn``, on the GUI thread as a QUndoCommand).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_autoschedule_apply.py [--runs R]
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner.services import autoschedule as service
from planner.services.demo import create_demo
from planner.store.database import Database

TODAY, FIRST = date(2026, 11, 25), date(2026, 11, 26)


def timed(work: Callable[..., object], *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = work(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "demo.sqlite")
        create_demo(database, cases=2000, judges=1, seed=2018, today=TODAY)
        with database.transaction() as repo:
            judge = repo.judges()[0].name
        times: dict[str, list[float]] = {}
        hearings = 0
        for _ in range(runs):
            took, _found = timed(service.compare_policies, database, judge, FIRST)
            times.setdefault("compare (3 policies)", []).append(took)
            took, proposal = timed(service.propose_schedule, database, judge, FIRST)
            times.setdefault("preview (oldest first)", []).append(took)
            took, applied = timed(service.apply_proposal, database, proposal)
            times.setdefault("apply", []).append(took)
            took, withdrawn = timed(service.withdraw_applied, database, applied)
            times.setdefault("undo (withdraw)", []).append(took)
            took, _none = timed(service.restore_withdrawn, database, withdrawn)
            times.setdefault("redo (restore)", []).append(took)
            service.withdraw_applied(database, applied)  # type: ignore[arg-type]  # as it was
            hearings = len(proposal.proposed)  # type: ignore[attr-defined]
        database.close()
    print(f"{hearings:,} proposed hearings; median and slowest of {runs} runs:")
    for step, values in times.items():
        print(
            f"  {step:<24} {statistics.median(values) * 1000:7.0f} ms  {max(values) * 1000:7.0f} ms"
        )


if __name__ == "__main__":
    main()
