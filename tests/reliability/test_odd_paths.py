"""A database path is a path, never part of a URL (issue 15, point 5): 'a?b.sqlite' sent the
docket to a file named 'a', mode 0644."""

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult


@pytest.mark.parametrize("name", ["a?b.sqlite", "50%.sqlite", "c#d.sqlite", "e?mode=ro&f.sqlite"])
def test_a_path_with_url_characters_is_the_file_written(
    planner: Callable[..., CliResult], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    result = planner("demo", "--db", path, "--cases", 10, "--seed", 1, "--today", "2026-11-25")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(name)) == []
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    forecast = planner("forecast", "--db", path, "--json", "--as-of", "2026-11-25")
    assert forecast.code == 0, forecast.err
    assert sum(f["pending_cases"] for f in forecast.json()) == 10
    backup = planner("backup", "--db", path)
    assert backup.code == 0, backup.err
    listed = planner("restore", "--db", path, "--list")
    assert " 1  " in listed.out
