"""Forecasting many judges: shared among processes, the same answers in the same order."""

from datetime import date
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import forecasting
from planner.store.database import Database


def _judges(database: Database, count: int) -> None:
    with database.transaction() as repo:
        for j in range(count):
            cases = tuple(
                Case(
                    f"{j + 1:03d}{i:06d}",
                    f"R{i}",
                    "asylum" if i % 3 else "removal",
                    date(2025, 1, 1),
                )
                for i in range(40 * (j + 1))
            )
            repo.add_docket(Docket(Judge(f"Judge {j:02d}", quota=10 + 400 * j), cases=cases))


def test_parallel_forecasts_equal_the_serial_ones(
    database: Database, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    _judges(database, 6)
    serial = forecasting.forecast_judges(database, as_of=date(2026, 11, 25))
    monkeypatch.setattr(forecasting, "PARALLEL_FROM", 2)
    assert forecasting._workers(database, 6) > 1 or (forecasting.os.cpu_count() or 1) == 1
    parallel = forecasting.forecast_judges(database, as_of=date(2026, 11, 25))
    assert [f.as_json() for f in parallel] == [f.as_json() for f in serial]
    assert [f.judge for f in parallel] == [f"Judge {j:02d}" for j in range(6)]
    assert len({f.verdict for f in serial}) > 1  # the judges really differ
