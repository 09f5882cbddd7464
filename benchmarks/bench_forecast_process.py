"""Benchmark: the whole `planner forecast` process on a 5,000-case docket, against `planner --version`.

Issue 14's bar: the forecast command, from process start to exit, under 3x `planner --version`
(the interpreter and the command line's own start) measured side by side in the same run, so the
machine's drift touches both alike. The two commands alternate, RUNS times each; the medians and
their ratio are printed. Exits 1 if the ratio misses the bar.

    .venv/bin/python benchmarks/bench_forecast_process.py [--cases N] [--runs R]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / ".venv" / "bin" / "planner"
BAR_RATIO = 3.0


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        database = str(Path(folder) / "docket.sqlite")
        subprocess.run(
            [
                PLANNER,
                "demo",
                "--db",
                database,
                "--cases",
                str(args.cases),
                "--judges",
                "1",
                "--seed",
                "2018",
                "--today",
                "2026-11-25",
            ],
            check=True,
            capture_output=True,
        )
        forecast = [str(PLANNER), "forecast", "--db", database, "--as-of", "2026-11-25"]
        version = [str(PLANNER), "--version"]
        _seconds(forecast), _seconds(version)  # warm the file cache once
        forecasts, versions = [], []
        for _ in range(args.runs):
            versions.append(_seconds(version))
            forecasts.append(_seconds(forecast))
    f, v = statistics.median(forecasts), statistics.median(versions)
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: planner forecast ({args.cases:,} "
        f"cases) median {f * 1000:.0f} ms, planner --version median {v * 1000:.0f} ms, "
        f"ratio {f / v:.2f} (bar {BAR_RATIO}); {args.runs} runs each, alternating"
    )
    return 0 if f / v < BAR_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
