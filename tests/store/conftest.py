"""The store's PostgreSQL fixtures: one throwaway server for the session, a database per test.

Without PostgreSQL on the machine the PostgreSQL tests are skipped, saying why; under CI
(``CI=true``, where ``.ci/run`` installs it) they fail instead, so a missing server never
passes for a green run.
"""

import os
from collections.abc import Iterator

import pytest

from tests.postgres_cluster import Cluster, running_cluster


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
