"""What the court server's rules cost a write (issue 16): a 5,000-case docket's cases and
hearings stored by the server's owner (bound by no rule) and by a legal assistant (every row
checked by the row-level security policies and the guard trigger), and read back by each.

    .venv/bin/python benchmarks/bench_court_access.py [--cases 5000] [--runs 3]

On a throwaway cluster (``tests/postgres_cluster.py``), loopback; medians of the runs.
"""

import argparse
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.demo.generator import generate_dockets
from planner.store import court_access
from planner.store.sessions import Sessions
from tests.postgres_cluster import running_cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    (docket,) = generate_dockets(cases=args.cases, judges=1, seed=7, today=date(2026, 12, 1))
    with running_cluster() as cluster:
        if isinstance(cluster, str):
            print(cluster)
            return 1
        with cluster.database() as url:
            owner = Sessions.on_server(url)
            owner.upgrade_schema()
            with owner.transaction("owner") as repo:
                judge_id = repo.add_judge(docket.judge)
            court_access.install(owner.engine, "bench_admin")
            court_access.grant(owner.engine, "bench_clerk", "assistant", [docket.judge.name])
            clerk_url = make_url(url).set(username="bench_clerk")
            clerk = Sessions.on_server(clerk_url.render_as_string(hide_password=False))
            times: dict[str, list[float]] = {}
            for _ in range(args.runs):
                for who, sessions in (("owner", owner), ("legal assistant", clerk)):
                    started = time.perf_counter()
                    with sessions.transaction(who) as repo:
                        repo.add_cases(judge_id, docket.cases)
                        repo.add_hearings(judge_id, docket.hearings)
                    stored = (time.perf_counter() - started) * 1000
                    started = time.perf_counter()
                    with sessions.transaction(who) as repo:
                        repo.case_ids(judge_id)
                        repo.hearings_between(judge_id, datetime(2026, 1, 1), datetime(2027, 1, 1))
                    read = (time.perf_counter() - started) * 1000
                    times.setdefault(f"store, {who}", []).append(stored)
                    times.setdefault(f"read back, {who}", []).append(read)
                    with owner.engine.begin() as connection:
                        connection.exec_driver_sql(f"DELETE FROM cases WHERE judge_id = {judge_id}")
            clerk.close()
            owner.close()
    print(f"{len(docket.cases):,} cases and {len(docket.hearings):,} hearings, {args.runs} runs")
    for what, values in times.items():
        print(
            f"{what}: {statistics.median(values):.0f} ms (runs: {', '.join(f'{v:.0f}' for v in values)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
