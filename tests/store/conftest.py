"""The store's tests run on both engines: ``database`` is ``database_on_each_engine`` here."""

import pytest

from planner.store.database import Database


@pytest.fixture
def database(database_on_each_engine: Database) -> Database:
    """The store on each engine, its schema built by the migrations."""
    return database_on_each_engine
