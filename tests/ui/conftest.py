"""UI test fixtures: Qt offscreen, a workspace on a temporary database."""

from datetime import datetime

import pytest

from planner.store.database import Database
from planner.ui.common.workspace import Workspace

#: The moment UI tests live in: a Wednesday in FY 2027.
NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def workspace(qtbot, database: Database) -> Workspace:  # type: ignore[no-untyped-def]
    return Workspace(database, clock=lambda: NOW)
