"""A court's worth of judges on a SQLite file, enough for ``planner forecast`` to share them
among processes (``PARALLEL_FROM``), each judge's docket and quota its own."""

from datetime import date
from pathlib import Path

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import forecasting
from planner.store.database import Database

#: The day the tests forecast them from.
DAY = date(2026, 11, 25)


def make_court(path: Path, judges: int = forecasting.PARALLEL_FROM) -> list[dict[str, object]]:
    """Make the court at ``path`` and give each judge's forecast from ``DAY``, one by one, as
    ``planner forecast --json`` writes it."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            for j in range(judges):
                cases = tuple(
                    Case(
                        f"{j + 1:03d}{i:06d}",
                        f"R{i}",
                        "asylum" if i % 3 else "removal",
                        date(2025, 1, 1),
                    )
                    for i in range(5 + j)
                )
                repo.add_docket(Docket(Judge(f"Judge {j:02d}", quota=3 + 5 * j), cases=cases))
        return [
            forecasting.forecast_judges(database, f"Judge {j:02d}", as_of=DAY)[0].as_json()
            for j in range(judges)
        ]
    finally:
        database.close()
