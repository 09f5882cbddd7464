"""The window's poll (``ExternalChanges``, every 500 ms) on a court server's change counter
(``ServerChanges``): another session's commit, here by the real ``psql``, calls the window's
reload within the two seconds issue 16 allows. The window's reload itself needs the store's
PostgreSQL read path; this is everything up to it."""

import shutil
import subprocess

import pytest

from planner.store.sessions import Sessions
from planner.store.watch import ServerChanges
from planner.ui.common.external_changes import ExternalChanges
from tests.postgres_cluster import USER, Cluster

WITHIN_MS = 2000


@pytest.fixture
def server(postgres_url: str) -> str:
    sessions = Sessions.on_server(postgres_url)
    try:
        sessions.upgrade_schema()
    finally:
        sessions.close()
    return postgres_url


def test_another_sessions_commit_reaches_the_windows_poll_within_two_seconds(
    qtbot,
    server: str,
    postgres_cluster: Cluster,
) -> None:  # type: ignore[no-untyped-def]
    changes = ServerChanges(server)
    reloads: list[int] = []
    poll = ExternalChanges(changes.counter, lambda: reloads.append(1))
    try:
        poll.start()
        assert poll.active
        psql = shutil.which("psql")
        assert psql is not None, "psql is installed with the server"
        done = subprocess.run(
            [
                psql,
                "--no-psqlrc",
                "--host=127.0.0.1",
                f"--port={postgres_cluster.port}",
                f"--username={USER}",
                f"--dbname={server.rsplit('/', 1)[1]}",
                "--command=DELETE FROM cases",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: reloads == [1], timeout=WITHIN_MS)
    finally:
        poll.stop()
        changes.close()
