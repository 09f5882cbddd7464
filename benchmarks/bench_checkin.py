"""Benchmark: check-out and check-in of a demo docket between two SQLite files (issue 17,
docs/offline.md), in-process, median of --runs.

- check-out of one judge's demo docket of --cases cases (server file to a new laptop file);
- check-in with nothing to merge;
- check-in after --edits cases edited on each side (different cases: no collision).

Prints figures; sets no bar.

    .venv/bin/python benchmarks/bench_checkin.py [--cases 5000] [--edits 500] [--runs 3]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.cli import main  # noqa: E402
from planner.services.offline import checkin, checkout  # noqa: E402
from planner.store.database import Database  # noqa: E402


def _edit(path: Path, cases: slice, attorney: str) -> None:
    database = Database.open(path)
    with database.transaction() as repo:
        judge = repo.judges()[0]
        assert judge.id is not None
        for case in repo.load_docket(judge.id).cases[cases]:
            repo.update_case(replace(case, attorney=attorney))
    database.close()


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    server0 = folder / "demo.sqlite"
    main(["demo", "--db", str(server0), "--cases", str(args.cases), "--judges", "1",
          "--seed", "3", "--today", "2026-11-25"])  # fmt: skip
    database = Database.open(server0)
    with database.read() as reader:
        judge = reader.judges()[0].name
    database.close()
    figures: dict[str, list[float]] = {"check-out": [], "check-in, nothing to merge": [],
                                       f"check-in, {args.edits} edits a side": []}  # fmt: skip
    for run in range(args.runs):
        server, laptop = folder / f"server{run}.sqlite", folder / f"laptop{run}.sqlite"
        shutil.copyfile(server0, server)
        started = time.perf_counter()
        checkout(str(server), judge, laptop)
        figures["check-out"].append(time.perf_counter() - started)
        started = time.perf_counter()
        checkin(laptop, str(server))
        figures["check-in, nothing to merge"].append(time.perf_counter() - started)
        _edit(laptop, slice(0, args.edits), "Laptop Counsel")
        _edit(server, slice(args.edits, 2 * args.edits), "Server Counsel")
        started = time.perf_counter()
        result = checkin(laptop, str(server))
        assert result.applied
        figures[f"check-in, {args.edits} edits a side"].append(time.perf_counter() - started)
    print(f"{args.cases:,}-case demo docket, load average {os.getloadavg()[0]:.1f}")
    for what, times in figures.items():
        print(
            f"  {what}: median {statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})"
        )
    shutil.rmtree(folder)


if __name__ == "__main__":
    main_()
