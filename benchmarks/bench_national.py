"""Benchmark: a national demo (750,000 cases, 400 judges) and the forecast of all its judges.

Runs ``planner demo --cases 750000 --judges 400`` and then ``planner forecast --json`` as
separate processes on a temporary database, and times each whole process (bars: under 60 s and
under 5 s). Peak memory is each child's maximum resident set, from ``os.wait4``.

Python is allowed to cache bytecode (in a temporary folder) as any installed program does; an
untimed ``planner --version`` compiles it first. Exits 1 if a bar is missed.

    .venv/bin/python benchmarks/bench_national.py [--cases N] [--judges J] [--today YYYY-MM-DD]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEMO_BAR_S = 60.0
FORECAST_BAR_S = 5.0


def run(command: list[str], env: dict[str, str], out: Path | None = None) -> tuple[float, float]:
    """Run a command to completion: its wall time in seconds and its peak memory in MB."""
    stdout = out.open("w") if out else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=stdout)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if out:
            stdout.close()  # type: ignore[union-attr]
    if child.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with exit code {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in kilobytes on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=750_000)
    parser.add_argument("--judges", type=int, default=400)
    parser.add_argument("--today", default=None, help="the demo's today (default: today)")
    args = parser.parse_args()
    planner = [sys.executable, "-m", "planner"]
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = Path(folder) / "national.sqlite"
        run([*planner, "--version"], env)
        demo = [*planner, "demo", "--db", str(db), "--cases", str(args.cases)]
        demo += ["--judges", str(args.judges)] + (["--today", args.today] if args.today else [])
        demo_s, demo_mb = run(demo, env)
        forecast_s, forecast_mb = run(
            [*planner, "forecast", "--db", str(db), "--json"], env, Path(folder) / "out.json"
        )
        size_mb = db.stat().st_size / 2**20
    print(
        f"demo:     {args.cases:,} cases, {args.judges} judges in {demo_s:.1f} s wall "
        f"(bar {DEMO_BAR_S:.0f} s), peak memory {demo_mb:.0f} MB, database {size_mb:.0f} MB"
    )
    print(
        f"forecast: all {args.judges} judges, whole process {forecast_s:.2f} s wall "
        f"(bar {FORECAST_BAR_S:.0f} s), peak memory {forecast_mb:.0f} MB"
    )
    missed = [
        name
        for name, took, bar in (
            ("demo", demo_s, DEMO_BAR_S),
            ("forecast", forecast_s, FORECAST_BAR_S),
        )
        if took >= bar
    ]
    if missed:
        print(f"MISSED the bar: {', '.join(missed)}")
        return 1
    print("both bars met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
