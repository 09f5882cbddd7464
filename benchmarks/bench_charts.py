"""Benchmark: the charts and the report of one judge, on a demo docket.

Times, as medians of a few runs: reading the chart series (``chart_data_for``: the forecast's
inputs and every case's kind and dates), drawing each chart onto a fresh figure and rendering it
with Agg (what the Charts tab does on a change), and writing the whole PDF report. Prints the
figures; no bar (the Charts tab reads and draws in a worker thread: this is how long a new
picture takes to appear).

    .venv/bin/python benchmarks/bench_charts.py [--cases N] [--runs R]
"""

import argparse
import statistics
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg

from planner.charts.figures import CHARTS, new_figure
from planner.charts.report import write_report
from planner.services.chart_data import chart_data_for
from planner.services.demo import create_demo
from planner.store.database import Database


def _median_ms(work, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        database = Database.open(Path(folder) / "one.sqlite")
        create_demo(database, cases=args.cases, judges=1, seed=2018, today=args.today)
        as_of = datetime.combine(args.today, clock(9, 0))
        with database.transaction() as repo:
            (judge,) = repo.judges()
        read = _median_ms(lambda: chart_data_for(database, judge, as_of), args.runs)
        data = chart_data_for(database, judge, as_of)
        print(f"chart series of {args.cases:,} cases: {read:,.0f} ms")
        for chart in CHARTS:

            def draw(chart=chart) -> None:  # type: ignore[no-untyped-def]
                figure = new_figure()
                chart.draw(figure, data)
                FigureCanvasAgg(figure).draw()

            print(f"draw {chart.key}: {_median_ms(draw, args.runs):,.0f} ms")
        out = Path(folder) / "report.pdf"
        report = _median_ms(lambda: write_report(data, out), max(1, args.runs // 2))
        print(f"the PDF report: {report:,.0f} ms, {out.stat().st_size / 1024:,.0f} KiB")
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
