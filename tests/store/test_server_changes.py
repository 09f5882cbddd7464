"""Everyone sees the same docket on the court server (issue 16): another session's commit is
noticed through LISTEN/NOTIFY (migration ``0004_change_notices``, ``ServerChanges``) within the
two seconds the issue allows, against a real PostgreSQL server (``tests/conftest.py``)."""

import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import time as clock
from pathlib import Path

import pytest
from sqlalchemy import text

from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.store.errors import DatabaseUnavailable
from planner.store.sessions import Sessions
from planner.store.watch import ServerChanges, libpq_url
from tests.postgres_cluster import USER, Cluster, server_binaries

#: The issue's bound for a change to show in an open window.
WITHIN_S = 2.0


def _judge(name: str = "Ortiz") -> Judge:
    return Judge(
        name,
        court="Los Angeles",
        timezone="America/Los_Angeles",
        quota=650,
        sessions=(Session(0, clock(8, 30), clock(12), SessionKind.MASTER, "Spanish"),),
    )


@pytest.fixture
def server(postgres_url: str) -> str:
    """A database on the test server, its schema built by the migrations (0004 included)."""
    sessions = Sessions.on_server(postgres_url)
    try:
        sessions.upgrade_schema()
    finally:
        sessions.close()
    return postgres_url


@pytest.fixture
def watcher(server: str) -> Iterator[ServerChanges]:
    changes = ServerChanges(server)
    yield changes
    changes.close()


def _add_then_change_mind(writer: Sessions) -> None:
    try:
        with writer.transaction("clerk2") as repo:
            repo.add_judge(_judge())
            raise RuntimeError("changed my mind")
    except RuntimeError:
        pass  # rolled back


def _moves(changes: ServerChanges, since: int, within: float = WITHIN_S) -> bool:
    """Whether the counter moves from ``since`` within ``within`` seconds, polled as the
    window polls it (its timer is faster than this bound)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if changes.counter() != since:
            return True
        time.sleep(0.02)
    return changes.counter() != since


def test_a_write_through_the_orm_is_noticed_within_two_seconds(
    server: str, watcher: ServerChanges
) -> None:
    start = watcher.counter()
    writer = Sessions.on_server(server)
    try:
        with writer.transaction("clerk2") as repo:
            repo.add_judge(_judge())
    finally:
        writer.close()
    assert _moves(watcher, start)


def test_a_write_from_psql_is_noticed_within_two_seconds(
    server: str, watcher: ServerChanges, postgres_cluster: Cluster
) -> None:
    writer = Sessions.on_server(server)
    try:
        with writer.transaction("clerk2") as repo:
            repo.add_judge(_judge())
    finally:
        writer.close()
    start = watcher.counter()
    psql = shutil.which("psql") or str((server_binaries() or Path("/nonexistent")) / "psql")
    database = server.rsplit("/", 1)[1]
    done = subprocess.run(
        [
            psql,
            "--no-psqlrc",
            "--host=127.0.0.1",
            f"--port={postgres_cluster.port}",
            f"--username={USER}",
            f"--dbname={database}",
            "--command=UPDATE cases SET remaining_minutes = 30; UPDATE judges SET quota = 700",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _moves(watcher, start)


def test_a_rolled_back_write_and_a_read_notify_nothing(server: str, watcher: ServerChanges) -> None:
    start = watcher.counter()
    writer = Sessions.on_server(server)
    try:
        _add_then_change_mind(writer)
        with writer.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM judges")).scalar() == 0
    finally:
        writer.close()
    assert not _moves(watcher, start, within=0.5)


def test_the_windows_own_writes_are_not_counted(server: str) -> None:
    """The window reloads after its own action: its write connections' notices (by their
    ``application_name``) are not counted; another program's are."""
    own = ServerChanges(server, own_writes="planner-window-1")
    try:
        start = own.counter()
        mine = Sessions.on_server(f"{server}?application_name=planner-window-1")
        try:
            with mine.transaction("jortiz") as repo:
                repo.add_judge(_judge("Mine"))
        finally:
            mine.close()
        assert not _moves(own, start, within=0.5)
        theirs = Sessions.on_server(f"{server}?application_name=planner-cli")
        try:
            with theirs.transaction("clerk2") as repo:
                repo.add_judge(_judge("Theirs"))
        finally:
            theirs.close()
        assert _moves(own, start)
    finally:
        own.close()


def test_no_server_is_a_one_line_reason(postgres_cluster: Cluster) -> None:
    changes = ServerChanges(f"postgresql+psycopg://{USER}@127.0.0.1:1/nowhere")
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            changes.counter()
    finally:
        changes.close()
    assert "\n" not in str(refused.value)
    assert "127.0.0.1" in str(refused.value)


def test_the_migration_notices_nothing_on_sqlite_and_builds_it(tmp_path: Path) -> None:
    """0004 is PostgreSQL's only: on SQLite the schema reaches the head and nothing else."""
    sessions = Sessions(tmp_path / "docket.sqlite")
    try:
        sessions.upgrade_schema()
        with sessions.engine.connect() as connection:
            triggers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
    finally:
        sessions.close()
    assert triggers == []


def test_sqlalchemy_urls_are_given_to_libpq_without_the_driver() -> None:
    assert (
        libpq_url("postgresql+psycopg://clerk@court/dockets") == "postgresql://clerk@court/dockets"
    )
    assert libpq_url("postgres://clerk@court/dockets") == "postgresql://clerk@court/dockets"


def test_a_lost_connection_is_made_again_and_counts_as_a_change(
    server: str, watcher: ServerChanges, postgres_cluster: Cluster
) -> None:
    """A notice sent while the listener was away is lost: coming back counts as a change, so
    the window reloads once; meanwhile the counter says the server is unavailable."""
    start = watcher.counter()
    postgres_cluster.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'planner-watch'"
    )
    deadline = time.monotonic() + 10
    reasons: list[str] = []
    while time.monotonic() < deadline:
        try:
            if watcher.counter() != start:
                break
        except DatabaseUnavailable as error:
            reasons.append(str(error))
        time.sleep(0.05)
    assert watcher.counter() == start + 1
    assert reasons
    assert all(reason.startswith("the court server 127.0.0.1:") for reason in reasons)
    assert not any("\n" in reason for reason in reasons)
    # and it listens again
    writer = Sessions.on_server(server)
    try:
        with writer.transaction("clerk2") as repo:
            repo.add_judge(_judge())
    finally:
        writer.close()
    assert _moves(watcher, start + 1)
