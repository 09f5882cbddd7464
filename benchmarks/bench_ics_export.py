"""Benchmark: ``export_calendar``, a judge's hearings written as an .ics file.

Makes a demo docket (``--cases`` pending cases for one judge, default 2,000, as the window's
demo), then times the whole export (read, build with icalendar, write atomically), with and
without names, as the median of ``--runs`` runs. Reports figures only; it sets no bar.

    .venv/bin/python benchmarks/bench_ics_export.py [--cases N] [--runs R]
"""

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from planner.services.calendar_export import export_calendar
from planner.services.demo import create_demo
from planner.store.database import Database


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "bench.sqlite")
        create_demo(database, cases=args.cases, judges=1, seed=2018, today=date(2026, 11, 25))
        with database.transaction() as repo:
            judge = repo.judges()[0]
        out = Path(folder) / "hearings.ics"
        for with_names in (False, True):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                summary = export_calendar(database, judge.name, out, with_names=with_names)
                times.append(time.perf_counter() - start)
            print(
                f"{summary.hearings:,} hearings, with_names={with_names}: median "
                f"{statistics.median(times) * 1000:.0f} ms (runs {', '.join(f'{t * 1000:.0f}' for t in times)}), "
                f"{out.stat().st_size / 1024:.0f} KiB"
            )
        database.close()


if __name__ == "__main__":
    main()
