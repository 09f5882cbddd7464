"""A command closes the database before it returns, refused or not: run in-process (the tests, the
self-test), a connection left open was closed whenever the garbage collector got to it, and its
closing checkpoint rewrote the file then, in the middle of a later command. Until then the docket
sat in the write-ahead log beside the file, and the file alone was an empty database."""

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import CliResult

DEMO = ("--cases", 30, "--seed", 3, "--today", "2026-11-25")


def _left_beside(db_path: Path) -> list[str]:
    """SQLite's write-ahead log and shared-memory index: there while any connection is open."""
    return sorted(p.name for p in db_path.parent.glob(f"{db_path.name}-*"))


def _cases(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return raw.execute("SELECT count(*) FROM cases").fetchone()[0]


def _the_file_alone(db_path: Path, tmp_path: Path) -> Path:
    """A copy of the file without what may be beside it: what a clerk's copy of it would hold."""
    return Path(shutil.copyfile(db_path, tmp_path / "the-file-alone.sqlite"))


@pytest.mark.parametrize(
    "command",
    [
        ("forecast", "--as-of", "2026-11-25"),
        ("export", "--out", "{tmp}/docket.json"),
        ("export", "--judge", "Nobody", "--out", "{tmp}/nobody.json"),  # refused once open
        ("schedule", "--from", "2026-12-01", "--apply"),
        ("import", "{tmp}/docket.json", "--replace"),
        ("backup",),
        ("restore", "--list"),
    ],
    ids=" ".join,
)
def test_a_command_leaves_no_connection_open_when_it_returns(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    made = planner("demo", "--db", db_path, *DEMO)
    assert made.code == 0, made.err
    assert _left_beside(db_path) == []
    assert _cases(_the_file_alone(db_path, tmp_path)) == _cases(db_path) > 0
    if command[0] == "import":
        assert planner("export", "--db", db_path, "--out", tmp_path / "docket.json").code == 0
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = planner(args[0], "--db", db_path, *args[1:])
    assert result.code == (1 if "Nobody" in args else 0), result.err
    assert _left_beside(db_path) == []
    assert _cases(_the_file_alone(db_path, tmp_path)) == _cases(db_path) > 0
