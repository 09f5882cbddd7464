"""Benchmark: what the court server's groundwork costs (issue 16, docs/court-server.md).

- Import costs in fresh processes (median of --runs): psycopg 3 alone, SQLAlchemy alone, and the
  store's write half on each engine (``planner.store.sessions`` with its engine made).
- The tests' throwaway PostgreSQL cluster (tests/postgres_cluster.py): initdb + pg_ctl start,
  one CREATE DATABASE, stop.
- The write path on each engine: the Alembic migrations to head on an empty database, one
  demo docket of --cases cases stored through ``Repository.add_docket`` (one transaction), and
  read back in a transaction (its case ids, its hearings of a year, the charts' facts).
- The read path on each engine (``Database.read()``, plain driver, no SQLAlchemy), median of
  --runs: the first screen (judges, the docket table's count, ids and first page, the
  forecast's inputs), a week's calendar reload (``days_view``), the charts' facts, the whole
  docket; and, in a fresh process, opening the database and reading the first screen.

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
from planner.services.calendar import days_view  # noqa: E402
from planner.store.database import Database  # noqa: E402
from planner.store.listing import DocketFilter  # noqa: E402
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


AS_OF = datetime(2026, 12, 1, 9, 0)

FIRST_SCREEN = """
import sys, time
from datetime import datetime
started = time.perf_counter()
from planner.store.database import Database
from planner.store.listing import DocketFilter
database = Database.open(sys.argv[1])
with database.read() as reader:
    judge = reader.judges()[0]
    reader.docket_count(judge.id, DocketFilter(), datetime(2026, 12, 1, 9))
    ids = reader.docket_ids(judge.id, DocketFilter(), now=datetime(2026, 12, 1, 9))
    reader.docket_rows(ids[:60], datetime(2026, 12, 1, 9))
    reader.forecast_inputs(judge, datetime(2026, 12, 1, 9))
print((time.perf_counter() - started) * 1000)
print(sorted(m for m in ("sqlalchemy", "psycopg") if m in sys.modules))
"""


def _median_ms(action: object, runs: int) -> float:
    return statistics.median(_timed(action)[0] for _ in range(runs))


def _read_path(where: str, runs: int) -> dict[str, float]:
    """The read path's reads on the database at ``where`` (a file or a URL) holding one judge."""
    database = Database.open(where)
    figures: dict[str, float] = {}
    try:
        with database.read() as reader:
            judge = reader.judges()[0]
        assert judge.id is not None
        judge_id = judge.id

        def first_screen() -> None:
            with database.read() as reader:
                reader.judges()
                reader.docket_count(judge_id, DocketFilter(), AS_OF)
                ids = reader.docket_ids(judge_id, DocketFilter(), now=AS_OF)
                reader.docket_rows(ids[:60], AS_OF)
                reader.forecast_inputs(judge, AS_OF)

        def chart_facts() -> None:
            with database.read() as reader:
                reader.chart_facts(judge_id)

        def whole_docket() -> None:
            with database.read() as reader:
                reader.load_docket(judge_id)

        screen = "first screen (judges, count, ids, 60 rows, forecast inputs)"
        if database.path is None:
            # Just after a bulk insert the server has no statistics of the tables, and plans
            # the forecast's join as if they were empty; autovacuum's ANALYZE comes within a
            # minute (autovacuum_naptime). Measured both ways.
            figures[f"{screen}, before ANALYZE"] = _median_ms(first_screen, runs)
            import psycopg

            with psycopg.connect(
                make_url(where).set(drivername="postgresql").render_as_string(False),
                autocommit=True,
            ) as admin:
                admin.execute("ANALYZE")
        figures[screen] = _median_ms(first_screen, runs)
        figures["a week's calendar reload (days_view, one snapshot)"] = _median_ms(
            lambda: days_view(database, judge, AS_OF.date(), AS_OF.date().replace(day=5)), runs
        )
        figures["charts' facts"] = _median_ms(chart_facts, runs)
        figures["whole docket (load_docket)"] = _median_ms(whole_docket, runs)
    finally:
        database.close()
    fresh = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", FIRST_SCREEN, where],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split("\n")
        fresh.append(float(output[0]))
    figures[f"fresh process: import, open, first screen (imports {output[1]})"] = statistics.median(
        fresh
    )
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
            places = (("SQLite", str(Path(folder) / "bench.sqlite")), ("PostgreSQL", url))
            for engine, where in places:
                for what, ms in _read_path(where, args.runs).items():
                    print(f"{engine}: read path: {what}: {ms:.1f} ms")
    finally:
        stopped, _ = _timed(cluster.stop)
        print(f"throwaway cluster: stop and delete {stopped:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
