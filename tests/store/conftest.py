"""The store's tests run on both engines: ``database`` is ``database_on_each_engine`` here."""

import pytest

from planner.store.database import Database

#: The modules whose tests use ``database`` on SQLite only: what they test is SQLite's so far.
SQLITE_ONLY = ("test_watch",)


@pytest.fixture
def database(request: pytest.FixtureRequest, database_on_each_engine: Database) -> Database:
    """The store on each engine, its schema built by the migrations."""
    if database_on_each_engine.engine_name != "sqlite" and request.module.__name__.endswith(
        SQLITE_ONLY
    ):
        pytest.skip("the change counter on a server is still to come (LISTEN/NOTIFY)")
    return database_on_each_engine
