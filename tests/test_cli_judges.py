"""Which judge a command is for: --judge may be left out with one judge, names match whatever
their case, an ambiguous or unknown name is refused with the judges listed; a command that reads
never creates a database."""

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.services.judges import list_judges
from planner.store.database import Database
from tests.dockets import add_judge_with_cases

AS_OF = "2026-11-25"
ROOT = Path(__file__).resolve().parents[1]


def _court(path: Path, *names: str) -> None:
    database = Database.open(path)
    for index, name in enumerate(names):
        add_judge_with_cases(database, name, 3, first=100_000_000 + 1000 * index)
    database.close()


def _commands(out: Path) -> dict[str, list[object]]:
    """Each command that is for one judge, with its other arguments."""
    return {
        "export": ["export", "--out", out / "docket.json"],
        "schedule": ["schedule", "--from", "2026-11-30", "--json"],
        "sheet": ["sheet", "--date", AS_OF, "--out", out / "sheet.pdf"],
        "report": ["report", "--as-of", AS_OF, "--out", out / "report.pdf"],
    }


COMMANDS = ["export", "schedule", "sheet", "report"]


#: The commands that succeed in-process here; ``sheet`` makes a Qt application, so it runs
#: in its own process (``test_the_sheet_command_finds_its_judge_the_same_way``).
IN_PROCESS = ["export", "schedule", "report"]


@pytest.mark.parametrize("command", IN_PROCESS)
def test_the_only_judge_needs_no_judge_option(
    planner: Callable[..., object], db_path: Path, tmp_path: Path, command: str
) -> None:
    _court(db_path, "Ana Ruiz")
    result = planner(*_commands(tmp_path)[command], "--db", db_path)
    assert result.code == 0, result.err  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_with_several_judges_a_missing_judge_option_lists_them(
    planner: Callable[..., object], db_path: Path, tmp_path: Path, command: str
) -> None:
    _court(db_path, "Bo Chen", "Ana Ruiz")
    result = planner(*_commands(tmp_path)[command], "--db", db_path)
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err == (  # type: ignore[attr-defined]
        "planner: say which judge with --judge NAME (judges: 'Ana Ruiz', 'Bo Chen')\n"
    )
    assert not any(tmp_path.glob("*.json"))
    assert not any(tmp_path.glob("*.pdf"))


def test_a_database_without_judges_says_how_to_get_one(
    planner: Callable[..., object], db_path: Path, tmp_path: Path
) -> None:
    Database.open(db_path).close()
    result = planner("export", "--db", db_path, "--out", tmp_path / "docket.json")
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err.startswith(f"planner: {db_path} has no judges yet: ")  # type: ignore[attr-defined]
    assert "planner demo" in result.err  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", IN_PROCESS)
def test_names_match_whatever_their_case(
    planner: Callable[..., object], db_path: Path, tmp_path: Path, command: str
) -> None:
    _court(db_path, "Ana Ruiz", "Bo Chen")
    result = planner(*_commands(tmp_path)[command], "--db", db_path, "--judge", "ANA  ruiz")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    if command == "export":
        exported = json.loads((tmp_path / "docket.json").read_text(encoding="utf-8"))
        assert exported["judge"]["name"] == "Ana Ruiz"
    if command == "report":
        assert "the report of Ana Ruiz" in result.out  # type: ignore[attr-defined]


def test_forecast_and_a_cases_csv_match_names_whatever_their_case(
    planner: Callable[..., object], db_path: Path, tmp_path: Path
) -> None:
    _court(db_path, "Ana Ruiz", "Bo Chen")
    result = planner("forecast", "--db", db_path, "--judge", "bo chen", "--as-of", AS_OF, "--json")
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert [f["judge"] for f in result.json()] == ["Bo Chen"]  # type: ignore[attr-defined]
    csv = tmp_path / "cases.csv"
    csv.write_text(
        "a_number,name,kind,detained,juvenile,language,represented,received\n"
        "200000001,New Person,asylum,no,no,Spanish,no,2026-01-05\n",
        encoding="utf-8",
    )
    result = planner("import", "--db", db_path, "--judge", "BO CHEN", csv)
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert "Bo Chen" in result.out  # type: ignore[attr-defined]


def test_an_exact_name_wins_and_a_name_matching_several_is_refused_with_them(
    planner: Callable[..., object], db_path: Path, tmp_path: Path
) -> None:
    _court(db_path, "Ana Ruiz", "Cy Dow", "Bo Chen")
    # A database from before names had to differ in more than case.
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE judges SET name = 'ANA RUIZ' WHERE name = 'Cy Dow'")
    connection.close()
    out = tmp_path / "docket.json"
    exact = planner("export", "--db", db_path, "--judge", "ANA RUIZ", "--out", out)
    assert exact.code == 0, exact.err  # type: ignore[attr-defined]
    assert json.loads(out.read_text(encoding="utf-8"))["judge"]["name"] == "ANA RUIZ"
    out.unlink()
    result = planner("export", "--db", db_path, "--judge", "ana ruiz", "--out", out)
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err == (  # type: ignore[attr-defined]
        "planner: 'ana ruiz' could be any of 2 judges whose names differ only in case: "
        "'ANA RUIZ', 'Ana Ruiz'; give the name exactly as it is written\n"
    )
    assert not out.exists()


def test_a_part_of_a_name_is_not_a_match(
    planner: Callable[..., object], db_path: Path, tmp_path: Path
) -> None:
    _court(db_path, "Ana Ruiz", "Bo Chen")
    result = planner("report", "--db", db_path, "--judge", "Ana", "--out", tmp_path / "r.pdf")
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err == (  # type: ignore[attr-defined]
        "planner: no judge named 'Ana' in this database (judges: 'Ana Ruiz', 'Bo Chen')\n"
    )


@pytest.mark.parametrize("command", ["forecast", *COMMANDS])
def test_a_command_that_reads_creates_no_database(
    planner: Callable[..., object], tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "typo.sqlite"
    args = ["forecast"] if command == "forecast" else _commands(tmp_path)[command]
    result = planner(*args, "--db", missing, "--judge", "Ana Ruiz")
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err.startswith(f"planner: there is no database at {missing}: ")  # type: ignore[attr-defined]
    assert len(result.err.splitlines()) == 1  # type: ignore[attr-defined]
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_not_created_by_a_forecast(
    planner: Callable[..., object], private_data_folder: Path
) -> None:
    result = planner("forecast")
    assert result.code == 1  # type: ignore[attr-defined]
    assert "there is no database at" in result.err  # type: ignore[attr-defined]
    assert not list(private_data_folder.rglob("*.sqlite"))


def test_a_docket_file_cannot_bring_a_name_that_differs_only_in_case(
    planner: Callable[..., object], db_path: Path, tmp_path: Path
) -> None:
    _court(db_path, "Ana Ruiz")
    out = tmp_path / "docket.json"
    assert planner("export", "--db", db_path, "--out", out).code == 0  # type: ignore[attr-defined]
    result = planner("import", "--db", db_path, "--judge", "ANA RUIZ", out)
    assert result.code == 1  # type: ignore[attr-defined]
    assert result.err == (  # type: ignore[attr-defined]
        "planner: a judge named 'Ana Ruiz' is already in this database, and names are matched "
        "whatever their case: choose another name than 'ANA RUIZ'\n"
    )
    database = Database.open(db_path)
    assert [judge.name for judge in list_judges(database)] == ["Ana Ruiz"]
    database.close()


def test_the_sheet_command_finds_its_judge_the_same_way(db_path: Path, tmp_path: Path) -> None:
    _court(db_path, "Ana Ruiz")

    def sheet(*more: str) -> subprocess.CompletedProcess[str]:
        args = ["sheet", "--db", str(db_path), "--date", AS_OF, "--out", str(tmp_path / "s.pdf")]
        return subprocess.run(
            [sys.executable, "-m", "planner", *args, *more],
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    alone = sheet()
    assert (alone.returncode, alone.stderr) == (0, "")
    assert alone.stdout.startswith("Saved the docket sheet of Ana Ruiz ")
    other_case = sheet("--judge", "ana RUIZ")
    assert (other_case.returncode, other_case.stderr) == (0, "")
    assert other_case.stdout.startswith("Saved the docket sheet of Ana Ruiz ")
