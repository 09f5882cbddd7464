"""The services' tests run on both engines: ``database`` is ``database_on_each_engine`` here."""

import pytest

from planner.store.database import Database


@pytest.fixture
def database(database_on_each_engine: Database) -> Database:
    """The store on a SQLite file, then on the session's PostgreSQL server."""
    return database_on_each_engine
