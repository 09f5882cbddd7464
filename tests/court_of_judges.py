"""A court's worth of judges on a SQLite file, enough for ``planner forecast`` to share them
among processes (``PARALLEL_FROM``), each judge's docket and quota its own."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import forecasting
from planner.store.database import Database

#: The day the tests forecast them from.
DAY = date(2026, 11, 25)


def add_judges(
    database: Database, count: int, cases: Callable[[int], int], quota: Callable[[int], int]
) -> None:
    """Judges "Judge 00" ... in one transaction, judge j with ``cases(j)`` asylum and removal
    cases received on 1 January 2025 and a quota of ``quota(j)``."""
    with database.transaction() as repo:
        for j in range(count):
            docket = tuple(
                Case(
                    f"{j + 1:03d}{i:06d}",
                    f"R{i}",
                    "asylum" if i % 3 else "removal",
                    date(2025, 1, 1),
                )
                for i in range(cases(j))
            )
            repo.add_docket(Docket(Judge(f"Judge {j:02d}", quota=quota(j)), cases=docket))


def make_court(path: Path, judges: int = forecasting.PARALLEL_FROM) -> list[dict[str, object]]:
    """Make the court at ``path`` and give each judge's forecast from ``DAY``, one by one, as
    ``planner forecast --json`` writes it."""
    database = Database.open(path)
    try:
        add_judges(database, judges, cases=lambda j: 5 + j, quota=lambda j: 3 + 5 * j)
        return [
            forecasting.forecast_judges(database, f"Judge {j:02d}", as_of=DAY)[0].as_json()
            for j in range(judges)
        ]
    finally:
        database.close()
