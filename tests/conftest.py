"""Shared fixtures: every test runs with its own data folder, never the user's, and no display."""

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from planner.cli import main

# Qt reads this when the first QApplication is made: tests and CI need no display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from planner.store.database import Database

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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "docket.sqlite"


@pytest.fixture
def database(db_path: Path) -> Database:
    db = Database.open(db_path)
    yield db
    db.close()


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
