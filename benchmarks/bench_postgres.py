"""Benchmark: what the court server's groundwork costs (issue 16, docs/court-server.md).

- Import costs in fresh processes (median of --runs): psycopg 3 alone, SQLAlchemy alone, and the
  store's write half on each engine (``planner.store.sessions`` with its engine made).
- The tests' throwaway PostgreSQL cluster (tests/postgres_cluster.py): initdb + pg_ctl start,
  one CREATE DATABASE, stop.
- The write path on each engine: the Alembic migrations to head on an empty database, one
  demo docket of --cases cases stored through ``Repository.add_docket`` (one transaction), and
  read back through the ORM (its cases and its hearings of a year).

Needs PostgreSQL's server binaries (``initdb``; Debian's ``postgresql``). Prints figures; sets
no bar.

    .venv/bin/python benchmarks/bench_postgres.py [--cases 5000] [--runs 5]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.demo.generator import generate_dockets  # noqa: E402
from planner.store.sessions import Sessions  # noqa: E402
from tests.postgres_cluster import Cluster, server_binaries  # noqa: E402

IMPORTS = {
    "psycopg": "import psycopg",
    "sqlalchemy": "import sqlalchemy.orm",
    "store writes, SQLite": (
        "from planner.store.sessions import Sessions; Sessions(__import__('pathlib').Path("
        "'/nonexistent/x.sqlite'))"
    ),
    "store writes, PostgreSQL": (
        "from planner.store.sessions import Sessions; "
        "Sessions.on_server('postgresql://nobody@127.0.0.1:1/none')"
    ),
}


def _import_ms(statement: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times) * 1000


def _timed(action: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000, result


def _write_path(sessions: Sessions, cases: int) -> dict[str, float]:
    (docket,) = generate_dockets(cases=cases, judges=1, seed=7, today=date(2026, 12, 1))
    figures: dict[str, float] = {}
    figures["migrate to head"], _ = _timed(sessions.upgrade_schema)

    def store() -> int:
        with sessions.transaction("bench") as repo:
            return repo.add_docket(docket)

    figures[f"store {len(docket.cases)} cases, {len(docket.hearings)} hearings"], judge_id = _timed(
        store
    )

    def read_back() -> int:
        with sessions.transaction("bench") as repo:
            ids = repo.case_ids(judge_id)  # type: ignore[arg-type]
            entries = repo.hearings_between(
                judge_id,  # type: ignore[arg-type]
                datetime(2026, 1, 1),
                datetime(2027, 1, 1),
            )
            facts = repo.chart_facts(judge_id)  # type: ignore[arg-type]
        return len(ids) + len(entries) + len(facts[0])

    figures["read back (ids, a year's hearings, chart facts)"], _ = _timed(read_back)
    return figures


def _first_query_ms(url: str) -> float:
    """A plain driver connection and its first answer (a read path without SQLAlchemy)."""
    import psycopg

    times = []
    for _ in range(20):
        started = time.perf_counter()
        with psycopg.connect(
            make_url(url).set(drivername="postgresql").render_as_string(False)
        ) as plain:
            plain.execute("SELECT 1").fetchone()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, statement in IMPORTS.items():
        print(f"import {name}: {_import_ms(statement, args.runs):.0f} ms (median of {args.runs})")

    binaries = server_binaries()
    if binaries is None:
        print("no PostgreSQL server binaries (initdb): install Debian's postgresql")
        return 1
    cluster = Cluster(binaries)
    started, _ = _timed(cluster.start)
    print(f"throwaway cluster: initdb + start {started:.0f} ms")
    try:
        with cluster.database() as url, tempfile.TemporaryDirectory() as folder:
            print(f"psycopg: connect and SELECT 1 on loopback: {_first_query_ms(url):.1f} ms")
            on_server = Sessions.on_server(url)
            on_file = Sessions(Path(folder) / "bench.sqlite")
            try:
                for engine, sessions in (("SQLite", on_file), ("PostgreSQL", on_server)):
                    for what, ms in _write_path(sessions, args.cases).items():
                        print(f"{engine}: {what}: {ms:.0f} ms")
            finally:
                on_server.close()
                on_file.close()
    finally:
        stopped, _ = _timed(cluster.stop)
        print(f"throwaway cluster: stop and delete {stopped:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
