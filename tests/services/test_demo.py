"""create_demo: generated judges written in one transaction, and the `planner demo` command."""

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.demo.generator import generate_dockets
from planner.domain.records import replace
from planner.services.demo import DemoSummary, create_demo
from planner.services.forecasting import forecast_judges
from planner.store.database import Database

TODAY = date(2026, 11, 25)
FAKETIME = shutil.which("faketime")
#: Skipped only on a developer's machine without Debian's faketime; CI (CI=true) installs it.
needs_faketime = pytest.mark.skipif(
    FAKETIME is None and not os.environ.get("CI"), reason="faketime is not installed"
)


def test_the_default_demo_shows_a_judge_who_must_shorten_hearings(database: Database) -> None:
    summary = create_demo(database, cases=2000, judges=1, seed=2018, today=TODAY)
    assert summary.pending_cases == 2000
    assert summary.describe().startswith("Created 1 judge with 2,000 pending cases and ")
    assert summary.describe().endswith(f"hearings in {database.describe()}.")
    (result,) = forecast_judges(database, as_of=TODAY)
    assert result.verdict == "unreachable_without_shortening"
    assert result.pending_cases == 2000


def test_the_stored_dockets_are_the_generated_ones(database: Database) -> None:
    create_demo(database, cases=400, judges=2, seed=5, today=TODAY)
    generated = generate_dockets(cases=400, judges=2, seed=5, today=TODAY)
    with database.transaction() as repo:
        for docket in generated:
            judge = repo.judge_named(docket.judge.name)
            assert judge is not None
            assert judge.id is not None
            stored = repo.load_docket(judge.id)
            assert replace(stored.judge, id=None) == docket.judge
            assert set(stored.closures) == set(docket.closures)
            assert set(stored.leave) == set(docket.leave)
            assert {replace(c, id=None) for c in stored.cases} == set(docket.cases)
            assert len(stored.hearings) == len(docket.hearings)
            assert {replace(h, id=None) for h in stored.hearings} == set(docket.hearings)


def test_progress_is_reported_judge_by_judge(database: Database) -> None:
    calls: list[tuple[int, int]] = []
    summary = create_demo(
        database, cases=300, judges=3, seed=1, today=TODAY, progress=lambda *a: calls.append(a)
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert isinstance(summary, DemoSummary)
    assert len(summary.judges) == 3
    assert summary.describe().startswith("Created 3 judges with 300 pending cases")


def test_a_second_demo_adds_judges_with_fresh_names_and_a_numbers(database: Database) -> None:
    first = create_demo(database, cases=200, judges=2, seed=9, today=TODAY)
    second = create_demo(database, cases=200, judges=2, seed=9, today=TODAY)
    assert not set(first.judges) & set(second.judges)
    with database.transaction() as repo:
        judges = repo.judges()
        numbers = [n for j in judges for n in repo.case_ids(j.id)]  # type: ignore[arg-type]
    assert len(judges) == 4
    assert len(numbers) == len(set(numbers))


def test_the_demo_is_all_or_nothing(database: Database) -> None:
    def power_cut(done: int, total: int) -> None:
        if done == 2:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        create_demo(database, cases=300, judges=3, seed=1, today=TODAY, progress=power_cut)
    with database.transaction() as repo:
        assert repo.judges() == []


def test_the_forecast_reads_back_every_judge(database: Database) -> None:
    create_demo(database, cases=3000, judges=5, seed=4, today=TODAY)
    results = forecast_judges(database, as_of=TODAY)
    assert len(results) == 5
    assert sum(r.pending_cases for r in results) == 3000
    assert {r.fy_start for r in results} == {date(2026, 10, 1)}


def test_planner_demo_creates_judges_the_forecast_then_reads(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = planner(
        "demo", "--db", db_path, "--cases", 300, "--judges", 2, "--seed", 7, "--today", "2026-11-25"
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Created 2 judges with 300 pending cases and ")
    forecasts = planner("forecast", "--db", db_path, "--json", "--as-of", "2026-11-25").json()
    assert len(forecasts) == 2
    assert sum(f["pending_cases"] for f in forecasts) == 300


def test_more_judges_than_cases_is_refused_with_a_reason(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = planner("demo", "--db", db_path, "--cases", 5, "--judges", 6)
    assert result.code == 1
    assert "6 judges cannot share 5 pending cases" in result.err


def test_one_case_reads_in_the_singular(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    refused = planner("demo", "--db", db_path, "--cases", 1, "--judges", 2)
    assert "2 judges cannot share 1 pending case: " in refused.err
    made = planner("demo", "--db", db_path, "--cases", 1, "--today", TODAY.isoformat())
    assert made.code == 0, made.err
    assert made.out.startswith("Created 1 judge with 1 pending case and ")


def _stored_cases(database: Database) -> set:  # type: ignore[type-arg]
    with database.transaction() as repo:
        (judge,) = repo.judges()
        return {replace(c, id=None) for c in repo.load_docket(judge.id).cases}  # type: ignore[arg-type]


@needs_faketime
def test_planner_demo_is_made_as_of_the_judges_local_date(db_path: Path) -> None:
    """At 00:30 UTC on 6 December 2026 it is still the 5th in Los Angeles, where the demo judge
    sits: the command, run with the machine's clock there, makes the 5 December docket."""
    # Not inside another faked clock (CI's faked runs): faketime would offset from that one.
    outer = {name for name in os.environ if name.startswith("FAKETIME") or name == "LD_PRELOAD"}
    environment = {name: value for name, value in os.environ.items() if name not in outer}
    environment.update(TZ="UTC", FAKETIME_DONT_FAKE_MONOTONIC="1")
    command = [FAKETIME, "2026-12-06 00:30:00", sys.executable, "-m", "planner", "demo"]
    completed = subprocess.run(
        [*command, "--db", str(db_path), "--cases", "300"],  # type: ignore[list-item]
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    database = Database.open(db_path)
    try:
        stored = _stored_cases(database)
    finally:
        database.close()
    (on_the_5th,) = generate_dockets(cases=300, judges=1, seed=2018, today=date(2026, 12, 5))
    (on_the_6th,) = generate_dockets(cases=300, judges=1, seed=2018, today=date(2026, 12, 6))
    assert on_the_5th.judge.timezone == "America/Los_Angeles"
    assert stored == set(on_the_5th.cases) != set(on_the_6th.cases)
