"""``planner schedule``: the proposal, its JSON, the comparison, and --apply all or nothing."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FROM = "2026-11-26"


@pytest.fixture
def demo(planner, db_path: Path) -> str:  # type: ignore[no-untyped-def]
    assert planner("--db", db_path, "demo", "--cases", 300, "--today", "2026-11-25").code == 0
    return planner("--db", db_path, "forecast", "--json").json()[0]["judge"]


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a database in WAL mode (its -wal file included), by SQLite's backup."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def hearing_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM hearings").fetchone()[0]


def test_json_carries_the_proposal_and_its_figures(planner, db_path, demo) -> None:  # type: ignore[no-untyped-def]
    before = hearing_count(db_path)
    result = planner("schedule", "--db", db_path, "--judge", demo, "--from", FROM, "--json")
    assert result.code == 0, result.err
    data = result.json()
    for key in (
        "policy",
        "from",
        "fiscal_year_end",
        "proposed",
        "completions_by_fy_end",
        "deadlines_met",
        "deadlines_missed",
        "oldest_tenth_wait_days",
        "unplaced",
    ):
        assert key in data
    assert data["policy"] == "oldest"
    assert data["from"] == FROM
    assert data["fiscal_year_end"] == "2027-09-30"
    assert data["proposed"]
    assert set(data["proposed"][0]) >= {"a_number", "start", "minutes", "kind", "session"}
    assert all(set(u) >= {"a_number", "reason"} and u["reason"] for u in data["unplaced"])
    assert hearing_count(db_path) == before  # a preview stores nothing
    # The forecast's K(1) from the same day bounds what the schedule completes, and why they
    # differ is said in words.
    forecast = planner("forecast", "--db", db_path, "--judge", demo, "--as-of", FROM, "--json")
    bound = forecast.json()[0]["max_completions_at_current_lengths"]
    assert data["forecast_bound"] == bound >= data["completions_by_fy_end"]
    assert f"{data['completions_by_fy_end']:,} of the cases" in data["forecast_bound_gap"]


def test_apply_stores_the_proposal_once(planner, db_path, demo) -> None:  # type: ignore[no-untyped-def]
    before = hearing_count(db_path)
    args = ("schedule", "--db", db_path, "--judge", demo, "--from", FROM, "--policy", "deadline")
    applied = planner(*args, "--apply", "--json")
    assert applied.code == 0, applied.err
    stored = len(applied.json()["proposed"])
    assert stored > 0
    assert hearing_count(db_path) == before + stored
    # The cases are scheduled now: nothing more to propose for them.
    again = planner(*args, "--json").json()
    assert not {p["a_number"] for p in again["proposed"]} & {
        p["a_number"] for p in applied.json()["proposed"]
    }


def test_policies_side_by_side(planner, db_path, demo) -> None:  # type: ignore[no-untyped-def]
    text = planner("schedule", "--db", db_path, "--judge", demo, "--from", FROM, "--policy", "all")
    assert text.code == 0, text.err
    assert "completions by FY end" in text.out
    assert "oldest tenth wait" in text.out
    for policy in ("oldest", "deadline", "max-completions"):
        assert policy in text.out
    data = planner(
        "schedule", "--db", db_path, "--judge", demo, "--from", FROM, "--policy", "all", "--json"
    ).json()
    assert [p["policy"] for p in data["compare"]] == ["oldest", "deadline", "max-completions"]


def test_bad_input_says_what(planner, db_path, demo) -> None:  # type: ignore[no-untyped-def]
    unknown = planner("schedule", "--db", db_path, "--judge", "Nobody")
    assert unknown.code == 1
    assert "no judge named 'Nobody'" in unknown.err
    both = planner("schedule", "--db", db_path, "--judge", demo, "--policy", "all", "--apply")
    assert both.code == 1
    assert "--apply" in both.err


#: ``planner`` with the bulk insert slowed down (20 hearings at a time, 20 ms apart) and announced
#: on stdout, so that a kill can be aimed inside the write as well as anywhere else.
SLOW_WRITER = """
import sys, time
from planner.store.repository import Repository
insert = Repository.add_hearings
def slowly(self, judge_id, hearings):
    hearings = list(hearings)
    print("writing", flush=True)
    for k in range(0, len(hearings), 20):
        insert(self, judge_id, hearings[k : k + 20])
        time.sleep(0.02)
    print("written", flush=True)
Repository.add_hearings = slowly
from planner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_apply_killed_at_any_moment_stores_all_or_nothing(planner, db_path, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = hearing_count(db_path)
    preview = planner("schedule", "--db", db_path, "--judge", demo, "--from", FROM, "--json")
    expected = before + len(preview.json()["proposed"])
    pristine = tmp_path / "pristine.sqlite"
    copy_database(db_path, pristine)
    args = ["schedule", "--judge", demo, "--from", FROM, "--apply"]
    command = [sys.executable, "-c", SLOW_WRITER, *args]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([*command, "--db", str(db_path)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert hearing_count(db_path) == expected
    rng = random.Random(2018)
    # Two kills at any moment of the run, four aimed inside the write or just after it.
    for attempt, aimed in enumerate((False, False, True, True, True, True)):
        copy = tmp_path / f"kill-{attempt}.sqlite"
        copy_database(pristine, copy)
        assert hearing_count(copy) == before
        process = subprocess.Popen(
            [*command, "--db", str(copy)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        if aimed:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "writing"
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            time.sleep(rng.uniform(0.2, 2.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        with sqlite3.connect(copy) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert hearing_count(copy) in (before, expected)


def test_group_rare_languages_says_what_it_costs(planner, db_path, demo) -> None:  # type: ignore[no-untyped-def]
    args = ("schedule", "--db", db_path, "--judge", demo, "--from", FROM)
    plain = planner(*args, "--json").json()
    grouped = planner(*args, "--group-rare-languages", "--json").json()
    assert "rare_languages_back_to_back" not in plain
    found = grouped["rare_languages_back_to_back"]
    assert found["languages"]
    assert all(
        lang.casefold() not in ("english", "spanish", "mandarin") for lang in found["languages"]
    )
    assert found["completions_without"] == plain["completions_by_fy_end"]
    assert (
        found["completions_cost"]
        == plain["completions_by_fy_end"] - grouped["completions_by_fy_end"]
    )
    text = planner(*args, "--group-rare-languages")
    assert text.code == 0, text.err
    line = next(x for x in text.out.splitlines() if "hearings back to back:" in x)
    cost = found["completions_cost"]
    if cost == 0:
        assert line.endswith(
            f"costs no completion ({plain['completions_by_fy_end']:,} either way)."
        )
    else:
        assert line.endswith(f"instead of {plain['completions_by_fy_end']:,}).")
