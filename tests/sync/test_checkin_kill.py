"""SIGKILL during check-in: the server's file holds the docket as it was or as merged, never a
part of the merge; the laptop's file is whole and holds its edits; a later check-in completes.

Each round copies a prepared pair of files (a 300-case docket: every case's attorney edited on
the laptop; a third of them on the server too, and half the cases' minutes; 30 hearings, a third
of them noticed on the server before the check-out, a third on each side after), runs
``planner checkin`` in a process of its own, and kills it
(SIGKILL) after a random delay across the process's life: before, during and after the server's
transaction and the laptop's update. A check-in the server committed is finished by the next
without asking its collisions again. 16 rounds (PLANNER_KILL_ROUNDS=16) saw both files as before
10 times, the server merged with the laptop as before 4 times (killed between the two commits;
the next check-in finished it, no collision asked), both merged 2 times."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import monotonic, sleep

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.services import notices
from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.sync.merge import Side
from tests.sync.offline_docket import JUDGE, MONDAY, contents, notices_served

#: The day notices are served on: the hearings are from Monday 4 January 2027 on.
SERVED_ON = date(2026, 12, 10)

ROOT = Path(__file__).parents[2]
ROUNDS = int(os.environ.get("PLANNER_KILL_ROUNDS", "4"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")


def _edit_all(path: Path, every: int, **changes: object) -> None:
    database = Database.open(path)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        assert judge.id is not None
        for case in repo.load_docket(judge.id).cases[::every]:
            repo.update_case(replace(case, **changes))
    database.close()


def _serve(path: Path, first: int, last: int) -> None:
    """Mark served the notices of the hearings of cases ``first`` to ``last`` (not included)."""
    database = Database.open(path)
    try:
        due = notices.load_queue(database, JUDGE, SERVED_ON).due
        wanted = {str(500_000_000 + i) for i in range(first, last)}
        notices.mark_served(
            database, JUDGE, [d for d in due if d.hearing.a_number in wanted], SERVED_ON
        )
    finally:
        database.close()


def _prepare(folder: Path) -> tuple[Path, Path]:
    server, laptop = folder / "server.sqlite", folder / "laptop.sqlite"
    database = Database.open(server)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge(JUDGE),
                cases=tuple(
                    Case(str(500_000_000 + i), f"Person {i}", "asylum", date(2025, 1, 1))
                    for i in range(300)
                ),
                hearings=tuple(
                    Hearing(
                        str(500_000_000 + i),
                        datetime.combine(MONDAY + timedelta(days=7 * (i // 3)), time(9 + i % 3)),
                        60,
                        HearingKind.MASTER,
                    )
                    for i in range(30)
                ),
            )
        )
    database.close()
    _serve(server, 0, 10)  # noticed before the check-out: copied with the docket
    checkout(str(server), JUDGE, laptop)
    _serve(laptop, 10, 20)  # offline
    _serve(server, 20, 30)  # meanwhile on the server
    _edit_all(laptop, 1, attorney="Laptop Counsel")
    _edit_all(server, 3, attorney="Server Counsel")  # the same field: collisions, --keep
    _edit_all(server, 2, remaining_minutes=45)  # another field: merged into both
    return server, laptop


def _whole(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sigkill_during_checkin_leaves_the_server_all_or_nothing(tmp_path: Path) -> None:
    prepared = tmp_path / "prepared"
    prepared.mkdir()
    server0, laptop0 = _prepare(prepared)
    server_before, laptop_before = contents(server0), contents(laptop0)
    done = tmp_path / "done"
    done.mkdir()
    server_done, laptop_done = done / "server.sqlite", done / "laptop.sqlite"
    shutil.copyfile(server0, server_done)
    shutil.copyfile(laptop0, laptop_done)
    assert not checkin(laptop_done, str(server_done)).applied  # collisions: --keep below
    started = monotonic()
    assert _checkin_process(laptop_done, server_done).wait() == 0
    took = monotonic() - started  # the process's whole life: start-up, merge, commits
    server_after = contents(server_done)
    assert server_after != server_before
    assert len(notices_served(server_done)) == 30  # both sides' notices, on both
    assert notices_served(laptop_done) == notices_served(server_done)
    rng = random.Random(17)
    seen: dict[str, int] = {}
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round{round_number}"
        folder.mkdir()
        server, laptop = folder / "server.sqlite", folder / "laptop.sqlite"
        shutil.copyfile(server0, server)
        shutil.copyfile(laptop0, laptop)
        process = _checkin_process(laptop, server)
        sleep(rng.uniform(0.3 * took, took))
        process.send_signal(signal.SIGKILL)
        process.wait()
        _whole(server)
        _whole(laptop)
        now = contents(server)
        assert now in (server_before, server_after)  # all or nothing
        assert contents(laptop) in (laptop_before, server_after)  # its edits, as made or merged
        laptop_now = "merged" if contents(laptop) == server_after else "as before"
        seen[f"server {'merged' if now == server_after else 'as before'}, laptop {laptop_now}"] = (
            seen.get(
                f"server {'merged' if now == server_after else 'as before'}, laptop {laptop_now}", 0
            )
            + 1
        )
        # A later check-in completes: one the server committed is finished on the laptop, its
        # collisions not asked again; one it did not starts again.
        if now == server_after:
            again = checkin(laptop, str(server))
            assert again.applied
            assert not again.collisions
        else:
            assert checkin(laptop, str(server), keep=Side.LAPTOP).applied
        assert contents(server) == server_after
        assert contents(laptop) == server_after
    print(f"kill rounds: {ROUNDS}, states seen: {seen}")


def _checkin_process(laptop: Path, server: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from planner.cli import main; sys.exit(main(sys.argv[1:]))",
            "checkin",
            "--db",
            str(laptop),
            "--to",
            str(server),
            "--keep",
            "laptop",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
