"""Benchmark: a national demo (750,000 cases, 400 judges) and the forecast of all its judges.

Runs ``planner demo --cases 750000 --judges 400`` and then ``planner forecast --json`` as
separate processes on a temporary database, and times each whole process (bars: under 60 s and
under 5 s). Peak memory is each child's maximum resident set, from ``os.wait4``.

``--engines sqlite,postgresql`` builds and forecasts it on each engine in the same run, one after
the other: SQLite in a temporary file, PostgreSQL in a database on a throwaway local cluster
(``tests/postgres_cluster.py``: initdb in a temporary folder, loopback, fsync off as in the
tests). The bars are SQLite's; the PostgreSQL figures are reported beside them.

With ``--today`` the demo is made, and forecast, as of that day.

Python is allowed to cache bytecode (in a temporary folder) as any installed program does; an
untimed ``planner --version`` compiles it first. Exits 1 if a bar is missed.

    .venv/bin/python benchmarks/bench_national.py [--cases N] [--judges J] [--today YYYY-MM-DD]
        [--engines sqlite,postgresql]
"""

import argparse
import contextlib
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


@contextlib.contextmanager
def location(engine: str, folder: Path):  # type: ignore[no-untyped-def]
    """Where the demo goes on ``engine``: a file in ``folder``, or a database on a new cluster."""
    if engine == "sqlite":
        yield str(folder / "national.sqlite")
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.postgres_cluster import running_cluster

    with running_cluster() as cluster:
        if isinstance(cluster, str):
            sys.exit(cluster)
        with cluster.database() as url:
            yield f"{url}?sslmode=disable"  # loopback, no certificate


def size_of(where: str) -> float:
    """The database's size in MB."""
    if not where.startswith("postgresql"):
        return Path(where).stat().st_size / 2**20
    import psycopg

    plain = where.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as connection:
        row = connection.execute("SELECT pg_database_size(current_database())").fetchone()
    assert row is not None
    return int(row[0]) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=750_000)
    parser.add_argument("--judges", type=int, default=400)
    parser.add_argument(
        "--today",
        default=None,
        help="the demo's today, and the forecast's (default: today): late in the fiscal year, "
        "2027-09-15, the forecast has the most hard counts",
    )
    parser.add_argument("--engines", default="sqlite", help="sqlite, postgresql or both, by commas")
    args = parser.parse_args()
    planner = [sys.executable, "-m", "planner"]
    missed = []
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run([*planner, "--version"], env)
        for engine in args.engines.split(","):
            with location(engine, Path(folder)) as db:
                demo = [*planner, "demo", "--db", db, "--cases", str(args.cases)]
                demo += ["--judges", str(args.judges)]
                demo += ["--today", args.today] if args.today else []
                demo_s, demo_mb = run(demo, env)
                forecast = [*planner, "forecast", "--db", db, "--json"]
                forecast += ["--as-of", args.today] if args.today else []
                forecast_s, forecast_mb = run(forecast, env, Path(folder) / "out.json")
                size_mb = size_of(db)
            print(
                f"{engine} demo:     {args.cases:,} cases, {args.judges} judges in {demo_s:.1f} s "
                f"wall (bar {DEMO_BAR_S:.0f} s), peak memory {demo_mb:.0f} MB, "
                f"database {size_mb:.0f} MB",
                flush=True,
            )
            print(
                f"{engine} forecast: all {args.judges} judges, whole process {forecast_s:.2f} s "
                f"wall (bar {FORECAST_BAR_S:.0f} s), peak memory {forecast_mb:.0f} MB",
                flush=True,
            )
            if engine == "sqlite":
                missed += [
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
