"""``--db`` takes a court server's URL as well as a file's path (issue 16): the command line
and the window's start read it in one place (``planner.store.locations.database_location``).
Until the store reads from PostgreSQL, a command on a server is refused in one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

SERVER = "postgresql://clerk2@court.example/dockets"


def test_a_court_server_that_cannot_be_reached_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", SERVER, "forecast", "--judge", "Ortiz"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("planner: the court server at postgresql://clerk2@court.example")
    assert "cannot be reached" in error
    assert "Traceback" not in error


def test_the_url_may_follow_the_command_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--db", SERVER + "?sslmode=require", "--judge", "Ortiz"]) == 1
    assert "court.example" in capsys.readouterr().err


def test_a_password_in_the_url_is_refused_without_repeating_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", "postgresql://clerk2:hunter2@court.example/dockets", "forecast"]) == 1
    error = capsys.readouterr().err
    assert "put no password in the server's address" in error
    assert "hunter2" not in error


def test_another_kind_of_url_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "mysql://clerk2@court.example/dockets", "forecast"]) == 1
    assert "mysql:// is not a database the Planner opens" in capsys.readouterr().err


def test_a_file_is_still_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["--db", str(missing), "forecast", "--judge", "Ortiz"]) == 1
    assert f"there is no database at {missing}" in capsys.readouterr().err


def test_the_window_on_a_court_server_that_does_not_answer_says_so_in_one_line(
    tmp_path: Path,
) -> None:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    run = subprocess.run(
        [sys.executable, "-m", "planner", "--db", SERVER, "--quit-when-shown"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("planner: dockets on court.example (clerk2): ")
    assert "court.example" in lines[0].split(": ", 2)[2]  # what did not answer, named


def test_the_window_on_a_file_imports_neither_keyring_nor_psycopg(tmp_path: Path) -> None:
    """The court server's libraries (0.1-0.5 s each to import) stay off the SQLite start."""
    database = tmp_path / "demo.sqlite"
    assert main(["--db", str(database), "demo", "--cases", "50", "--seed", "3"]) == 0
    script = (
        "import sys\n"
        "from planner.cli import main\n"
        "code = main(['--db', sys.argv[1], '--quit-when-shown'])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'keyring', 'psycopg'}))\n"
    )
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    run = subprocess.run(
        [sys.executable, "-c", script, str(database)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "0 []"
