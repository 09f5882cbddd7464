"""Forecasting many judges: shared among threads, the same answers in the same order, and no
process forked (the window runs threads: a forked child could deadlock); or, as
``planner forecast`` does, among fresh processes, with the same answers."""

import os
import threading
import warnings
from datetime import date
from pathlib import Path

import pytest

from planner.services import forecasting
from planner.store.database import Database
from tests.court_of_judges import add_judges


def _judges(database: Database, count: int) -> None:
    add_judges(database, count, cases=lambda j: 40 * (j + 1), quota=lambda j: 10 + 400 * j)


#: Forks made while a test watches (os.register_at_fork cannot be undone: it records only then).
_FORKS: list[int] = []
_WATCHING = threading.Event()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=lambda: _FORKS.append(1) if _WATCHING.is_set() else None)


def test_many_judges_forecast_together_from_a_threaded_process_equal_one_by_one_and_fork_nothing(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _judges(database, 6)
    day = date(2026, 11, 25)
    monkeypatch.setattr(forecasting, "PARALLEL_FROM", 2)
    stop = threading.Event()
    running = threading.Thread(target=stop.wait, daemon=True)  # as the window's threads run
    running.start()
    _WATCHING.set()
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a process with threads may deadlock the child.
            warnings.simplefilter("error", DeprecationWarning)
            together = forecasting.forecast_judges(database, as_of=day)
    finally:
        _WATCHING.clear()
        stop.set()
        running.join()
    one_by_one = [
        forecasting.forecast_judges(database, f"Judge {j:02d}", as_of=day)[0] for j in range(6)
    ]
    assert [f.as_json() for f in together] == [f.as_json() for f in one_by_one]
    assert len({f.verdict for f in together}) > 1  # the judges really differ
    assert _FORKS == []


def test_parallel_forecasts_equal_the_serial_ones(
    database: Database, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    _judges(database, 6)
    serial = forecasting.forecast_judges(database, as_of=date(2026, 11, 25))
    monkeypatch.setattr(forecasting, "PARALLEL_FROM", 2)
    assert forecasting._workers(6) > 1 or (forecasting.os.cpu_count() or 1) == 1
    parallel = forecasting.forecast_judges(database, as_of=date(2026, 11, 25))
    assert [f.as_json() for f in parallel] == [f.as_json() for f in serial]
    assert [f.judge for f in parallel] == [f"Judge {j:02d}" for j in range(6)]
    assert len({f.verdict for f in serial}) > 1  # the judges really differ


def test_forecasts_made_in_processes_equal_the_serial_ones_in_the_same_order(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``planner forecast``'s way: the judges cut into parts that fresh processes forecast,
    each opening the database (a file, or the server with the same login) on its own."""
    _judges(database, 6)
    day = date(2026, 11, 25)
    serial = forecasting.forecast_judges(database, as_of=day)
    monkeypatch.setattr(forecasting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(forecasting, "_workers", lambda judges: 2)  # a one-core machine too
    started: list[int] = []
    in_processes = forecasting._in_processes

    def spied(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(1)
        return in_processes(*args, **kwargs)

    monkeypatch.setattr(forecasting, "_in_processes", spied)
    found = forecasting.forecast_judges(database, as_of=day, processes=True)
    assert started == [1]
    assert [f.as_json() for f in found] == [f.as_json() for f in serial]
    assert [f.judge for f in found] == [f"Judge {j:02d}" for j in range(6)]
    assert len({f.verdict for f in serial}) > 1  # the judges really differ
