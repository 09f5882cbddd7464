"""The store's fixtures on both engines: one throwaway PostgreSQL server for the session, a
database per test (or per module), and ``database`` opened on SQLite and on PostgreSQL.

Without PostgreSQL on the machine the PostgreSQL tests are skipped, saying why; under CI
(``CI=true``, where ``.ci/run`` installs it) they fail instead, so a missing server never
passes for a green run.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.store.database import Database
from tests.postgres_cluster import Cluster, running_cluster

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    with running_cluster() as cluster:
        if isinstance(cluster, str):
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI runs the PostgreSQL tests, but {cluster}")
            pytest.skip(cluster)
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """SQLAlchemy's URL of a new, empty database on the test server (dropped after the test)."""
    with postgres_cluster.database() as url:
        yield url


def open_on(engine: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[Database]:
    """A new, empty database on ``engine``: a SQLite file in ``folder``, or a database on the
    session's PostgreSQL server; closed (and the server's dropped) after."""
    if engine == "sqlite":
        database = Database.open(folder / "docket.sqlite")
        yield database
        database.close()
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    with cluster.database() as url:
        database = Database.open(url)
        yield database
        database.close()


@pytest.fixture(params=ENGINES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The store on each engine, its schema built by the migrations (overrides the suite's
    SQLite-only ``database`` for the store's tests)."""
    yield from open_on(request.param, request, tmp_path)
