"""Crash safety: the process is killed (SIGKILL) at random moments while it saves edits, and
afterwards the file is whole, every confirmed edit is there, and every multi-row edit is whole
or absent.

Each round starts ``kill_worker.py`` on the same database, lets it confirm a random number of
edits, waits a random fraction of a millisecond to a few tens of milliseconds more (so the kill
lands inside a transaction, often inside a commit of a 400-case docket), and kills it. The next
round reopens the file as a user would after a crash. Rounds: 5 in the everyday run,
``PLANNER_KILL_ROUNDS`` for a long run (see docs/reliability.md for the figures).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.store.database import Database
from tests.reliability import kill_worker as worker

ROUNDS = int(os.environ.get("PLANNER_KILL_ROUNDS", "5"))
WORKER = Path(worker.__file__)
ROOT = WORKER.parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


def _lines(process: subprocess.Popen[str]) -> Iterator[str]:
    assert process.stdout is not None
    for line in process.stdout:
        yield line.strip()


def _round(path: Path, first: int, rng: random.Random) -> tuple[list[int], bool]:
    """Run the worker from edit ``first``; kill it after a random number of confirmed edits.
    Returns the confirmed edits and whether it was killed (rather than dying on its own)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(first)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    confirmed: list[int] = []
    wanted = rng.randint(0, 14)
    lines = _lines(process)
    try:
        assert next(lines) == "ready", process.stderr.read() if process.stderr else ""
        if wanted:
            for line in lines:
                confirmed.append(int(line.split()[1]))
                if len(confirmed) == wanted:
                    break
        time.sleep(rng.choice([0, rng.uniform(0, 0.002), rng.uniform(0, 0.05)]))
    finally:
        alive = process.poll() is None
        process.kill()  # SIGKILL: no clean-up, no atexit, no rollback by the process
        process.wait()
        # edits confirmed between our last read and the kill count too
        confirmed += [int(line.split()[1]) for line in lines if line.startswith("ok ")]
        if process.stderr is not None:
            errors = process.stderr.read()
            assert "Traceback" not in errors, errors
    return confirmed, alive


def _check(path: Path, confirmed: set[int], uncertain: set[int], last: int) -> None:
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        judges = dict(raw.execute("SELECT name, id FROM judges").fetchall())
        counts = {
            name: raw.execute(
                "SELECT (SELECT count(*) FROM cases WHERE judge_id = ?), "
                "(SELECT count(*) FROM hearings JOIN cases ON cases.id = hearings.case_id "
                "WHERE cases.judge_id = ?)",
                (judge_id, judge_id),
            ).fetchone()
            for name, judge_id in judges.items()
        }
        a_numbers = {a for (a,) in raw.execute("SELECT a_number FROM cases")}
        names = dict(raw.execute("SELECT a_number, name FROM cases").fetchall())

    for n in range(last + 1):
        kind = worker.KINDS[n % len(worker.KINDS)]
        done, maybe = n in confirmed, n in uncertain
        if kind == "batch":
            removed = (n + 5) in confirmed
            present = f"Batch {n}" in counts
            if present:  # whole, never part
                assert counts[f"Batch {n}"] == (worker.BATCH_CASES, worker.BATCH_CASES), n
            if done and not removed and (n + 5) not in uncertain:
                assert present, f"confirmed docket {n} lost"
            if not done and not maybe:
                assert not present
        elif kind == "docket":  # a docket file imported: a judge, 400 cases, 400 hearings
            present = f"Docket {n}" in counts
            if present:
                assert counts[f"Docket {n}"] == (worker.BATCH_CASES, worker.BATCH_CASES), n
            if done:
                assert present, f"confirmed docket file {n} lost"
            if not done and not maybe:
                assert not present
        elif kind == "remove" and done:
            assert f"Batch {n - 5}" not in counts, f"confirmed removal {n} undone"
        elif kind == "import":
            found = sum(
                worker.import_a_number(n, k) in a_numbers for k in range(worker.IMPORT_CASES)
            )
            assert found in (0, worker.IMPORT_CASES), f"import {n} is partial: {found}"
            if done:
                assert found == worker.IMPORT_CASES, f"confirmed import {n} lost"
            if not done and not maybe:
                assert found == 0
        elif kind == "add":
            present = worker.added_a_number(n) in a_numbers
            if done:
                assert present, f"confirmed case {n} lost"
            if not done and not maybe:
                assert not present
    for k in range(worker.POOL):
        edits = [
            n
            for n in range(last + 1)
            if worker.KINDS[n % len(worker.KINDS)] == "edit" and worker.edit_target(n) == k
        ]
        latest = max((n for n in edits if n in confirmed), default=None)
        allowed = {
            f"edited {n}" for n in edits if n in uncertain and (latest is None or n > latest)
        }
        allowed.add(f"pool {k}" if latest is None else f"edited {latest}")
        assert names[worker.pool_a_number(k)] in allowed, (k, names[worker.pool_a_number(k)])


def test_killed_at_random_moments_the_file_stays_whole_and_nothing_confirmed_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "docket.sqlite"
    database = Database.open(path)
    worker.setup(database)
    database.close()
    rng = random.Random(int(os.environ.get("PLANNER_KILL_SEED", "8")))
    confirmed: set[int] = set()
    uncertain: set[int] = set()
    first, kills = 0, 0
    for _ in range(ROUNDS):
        done, killed = _round(path, first, rng)
        assert killed, "the worker stopped by itself"
        kills += 1
        assert done == list(range(first, first + len(done)))
        confirmed.update(done)
        in_flight = first + len(done)
        uncertain.add(in_flight)  # it may have committed before the kill, or not
        _check(path, confirmed, uncertain, in_flight)
        first = in_flight + 1
    # And the Planner opens the file afterwards as if nothing had happened.
    reopened = Database.open(path)
    with reopened.transaction() as repo:
        assert repo.judge_named(worker.IMPORTS_JUDGE) is not None
    reopened.close()
    with capsys.disabled():
        print(f"\nkill test: {kills} kills survived, {len(confirmed)} confirmed edits all there")
