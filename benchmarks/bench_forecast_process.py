"""Benchmark: the whole `planner forecast` process on a 5,000-case docket, against `planner --version`.

Issue 14's bar: the forecast command, from process start to exit, under 3x `planner --version`
(the interpreter and the command line's own start) measured side by side in the same run, so the
machine's drift touches both alike. The source is byte-compiled first, as an installation has it
(a checkout run with PYTHONDONTWRITEBYTECODE, as on these machines, would compile each module
the forecast imports at every run). The two commands alternate, RUNS times each; the medians
and their ratio are printed, in wall time and in CPU time (user + system: less swayed by other
work on a shared machine). Exits 1 if the wall-time ratio misses the bar.

The docket is generated (``planner demo``: N cases, J judges, SEED, as of TODAY) unless ``--db``
gives one; ``--json`` times ``planner forecast --json``.

    .venv/bin/python benchmarks/bench_forecast_process.py [--cases N] [--judges J] [--seed S]
        [--today YYYY-MM-DD] [--db PATH] [--as-of YYYY-MM-DD] [--json] [--runs R]
"""

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / ".venv" / "bin" / "planner"
BAR_RATIO = 3.0


def _seconds(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def add_docket_options(parser: argparse.ArgumentParser) -> None:
    """The options that choose the docket: generated (``planner demo``) unless ``--db`` names
    one, and the forecast's day."""
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--judges", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--db", help="an existing docket instead of a generated one")
    parser.add_argument("--as-of", default=None, help="the forecast's day (default: --today)")


def docket_path(args: argparse.Namespace, folder: str) -> str:
    """The docket the options name: ``--db``, or a demo made in ``folder``."""
    if args.db is not None:
        return str(args.db)
    database = str(Path(folder) / "docket.sqlite")
    subprocess.run(
        [
            *(str(PLANNER), "demo", "--db", database, "--cases", str(args.cases)),
            *("--judges", str(args.judges), "--seed", str(args.seed), "--today", args.today),
        ],
        check=True,
        capture_output=True,
    )
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_docket_options(parser)
    parser.add_argument("--json", action="store_true", help="time planner forecast --json")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "planner", quiet=1)
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        database = docket_path(args, folder)
        as_of = args.as_of or args.today
        forecast = [str(PLANNER), "forecast", "--db", database, "--as-of", as_of]
        forecast += ["--json"] if args.json else []
        version = [str(PLANNER), "--version"]
        _seconds(forecast), _seconds(version)  # warm the file cache once
        forecasts, versions = [], []
        for _ in range(args.runs):
            versions.append(_seconds(version))
            forecasts.append(_seconds(forecast))
    f, v = statistics.median(w for w, _ in forecasts), statistics.median(w for w, _ in versions)
    fc, vc = statistics.median(c for _, c in forecasts), statistics.median(c for _, c in versions)
    docket = args.db or f"{args.cases:,} cases, {args.judges} judge(s), seed {args.seed}"
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: planner forecast"
        f"{' --json' if args.json else ''} ({docket}, as of {as_of}) median {f * 1000:.0f} ms, "
        f"planner --version median {v * 1000:.0f} ms, ratio {f / v:.2f} (bar {BAR_RATIO}); "
        f"CPU {fc * 1000:.0f} ms against {vc * 1000:.0f} ms, ratio {fc / vc:.2f}; "
        f"{args.runs} runs each, alternating; load average {os.getloadavg()[0]:.1f}"
    )
    return 0 if f / v < BAR_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
