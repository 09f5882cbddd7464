"""Shared fixtures: every test runs with its own data folder, never the user's, and no display.

PostgreSQL: one throwaway server for the whole session (``tests/postgres_cluster.py``), a
database per test copied from a template the migrations built once. Without PostgreSQL on the
machine its tests are skipped, saying why; under CI (``CI=true``, where ``.ci/run`` installs it)
they fail instead, so a missing server never passes for a green run.
"""

import gc
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from planner.cli import main

# Qt reads this when the first QApplication is made: tests and CI need no display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from planner.store.database import Database
from tests.postgres_cluster import Cluster, running_cluster

# 'pytest --hypothesis-profile=fuzz' runs the importers' fuzz tests (tests/reliability) long.
settings.register_profile("fuzz", max_examples=2500, deadline=None)


@pytest.fixture(autouse=True)
def private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the platform's user folders at a temporary one, so no test touches real data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def garbage_collected_as_in_the_window(request: pytest.FixtureRequest) -> None:
    """Where a test has a Qt application, Python's collector runs on its thread only, as in the
    window (``planner.ui.common.garbage``): a worker a test leaves ending would otherwise free Qt
    objects on its own thread and crash the run. The other tests collect as Python does, once
    the Qt tests' garbage is freed on the main thread."""
    if "qapp" in request.fixturenames:
        from planner.ui.common.garbage import collect_on_gui_thread

        collect_on_gui_thread(request.getfixturevalue("qapp"))
    elif not gc.isenabled():
        from PySide6.QtCore import QCoreApplication

        from planner.ui.common.garbage import GuiThreadCollector

        collector = GuiThreadCollector.of(QCoreApplication.instance())
        if collector is not None:
            collector.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "docket.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """The store on a SQLite file (the store's, services' and concurrency tests override it with
    ``database_on_each_engine``)."""
    db = Database.open(db_path)
    yield db
    db.close()


ENGINES = ["sqlite", "postgresql"]
#: The database the migrations build once per session; each test's is a copy of it.
MIGRATED_TEMPLATE = "planner_migrated"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    with running_cluster() as cluster:
        if isinstance(cluster, str):
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI runs the PostgreSQL tests, but {cluster}")
            pytest.skip(cluster)
        yield cluster


@pytest.fixture(scope="session")
def migrated_template(postgres_cluster: Cluster) -> str:
    """The name of a database on the session's server that holds the current schema, to copy."""
    postgres_cluster.execute(f'CREATE DATABASE "{MIGRATED_TEMPLATE}"')
    Database.open(postgres_cluster.url(MIGRATED_TEMPLATE)).close()
    return MIGRATED_TEMPLATE


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """SQLAlchemy's URL of a new, empty database on the test server (dropped after the test)."""
    with postgres_cluster.database() as url:
        yield url


def location_on(engine: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """Where a new database with the current schema is on ``engine``: a SQLite file's path in
    ``folder`` (made on first open), or the URL of a database on the session's server (dropped
    after)."""
    if engine == "sqlite":
        yield str(folder / "docket.sqlite")
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    template: str = request.getfixturevalue("migrated_template")
    with cluster.database(template) as url:
        yield url


def open_on(engine: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[Database]:
    """A new database on ``engine`` with the current schema and nothing in it; closed (and the
    server's dropped) after."""
    for location in location_on(engine, request, folder):
        database = Database.open(location)
        yield database
        database.close()


def location_of(database: Database) -> str:
    """What ``Database.open`` and ``planner --db`` take to open ``database`` again: its file, or
    its URL (the test server on loopback has no certificate: the Planner's default is
    verify-full, so the URL says what it accepts)."""
    if database.path is not None:
        return str(database.path)
    assert database.url is not None
    return database.url if "sslmode=" in database.url else f"{database.url}?sslmode=disable"


@pytest.fixture(params=ENGINES)
def database_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new database's path or URL on each engine, for tests that open it more than once."""
    yield from location_on(request.param, request, tmp_path)


@pytest.fixture(params=ENGINES)
def database_on_each_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The store on a SQLite file, then on the PostgreSQL server."""
    yield from open_on(request.param, request, tmp_path)


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def planner(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``planner ARGS`` in-process and return its exit code, stdout and stderr."""

    def run(*args: object) -> CliResult:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
