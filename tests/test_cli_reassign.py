"""``planner reassign``: chosen cases or a whole docket moved to other judges, with each
hearing's fate and the forecasts before and after; --dry-run changes nothing."""

from datetime import date
from pathlib import Path

from planner.store.database import Database
from tests.scheduling.court import add_court_of_three, at
from tests.services.test_reassign import FIRST, SECOND, THIRD


def _court(path: Path) -> None:
    database = Database.open(path)
    add_court_of_three(
        database,
        [(FIRST, at(4, 9, 0)), (SECOND, at(7, 9, 0))],
        ruiz_cases=[THIRD],
        cole_closed=date(2024, 11, 4),
        cole_busy=False,
    )
    database.close()


def _pending(path: Path) -> dict[str, int]:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            return {j.name: repo.case_count(j.id) for j in repo.judges()}  # type: ignore[arg-type]
    finally:
        database.close()


def test_reassign_moves_chosen_cases_and_says_each_hearings_fate(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    args = ("reassign", "--db", db_path, "--from", "ana ruiz", "--to", "Ben Cole")
    dry = planner(
        *args, "--case", "A100-000-001", "--case", "100000002", "--as-of", "2024-10-21", "--dry-run"
    )
    assert (dry.code, dry.err) == (0, "")
    assert dry.out.splitlines()[:5] == [
        "Dry run: nothing was changed.",
        "2 cases from Ana Ruiz to Ben Cole: 1 hearing kept, 1 unscheduled.",
        "To Ben Cole: 2 cases.",
        "  A100-000-001 master hearing Mon 4 Nov 2024 09:00: unscheduled (The court is closed "
        "on Mon 4 Nov 2024: Building maintenance)",
        "  A100-000-002 master hearing Thu 7 Nov 2024 09:00: kept, on Ben Cole's calendar",
    ]
    assert dry.out.splitlines()[5] == "Forecasts (before → after):"
    assert "  Ana Ruiz: " in dry.out
    assert "pending 3 → 1" in dry.out
    assert _pending(db_path) == {"Ana Ruiz": 3, "Ben Cole": 0, "Cy Diaz": 0}

    done = planner(
        *args, "--case", "A100-000-001", "--case", "100000002", "--as-of", "2024-10-21", "--json"
    )
    assert (done.code, done.err) == (0, "")
    result = done.json()
    assert result["dry_run"] is False
    assert [(c["a_number"], c["to"]) for c in result["cases"]] == [
        ("A100-000-001", "Ben Cole"),
        ("A100-000-002", "Ben Cole"),
    ]
    assert [(h["start"], h["fate"]) for h in result["hearings"]] == [
        ("2024-11-04T09:00", "unscheduled"),
        ("2024-11-07T09:00", "kept"),
    ]
    assert [
        (f["judge"], f["before"]["pending"], f["after"]["pending"]) for f in result["forecasts"]
    ] == [
        ("Ana Ruiz", 3, 1),
        ("Ben Cole", 0, 2),
    ]
    assert _pending(db_path) == {"Ana Ruiz": 1, "Ben Cole": 2, "Cy Diaz": 0}


def test_reassign_a_whole_docket_to_several_judges(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    done = planner(
        "reassign",
        "--db",
        db_path,
        "--from",
        "Ana Ruiz",
        "--to",
        "Ben Cole",
        "--to",
        "Cy Diaz",
        "--as-of",
        "2024-10-21",
    )
    assert done.code == 0
    assert _pending(db_path) == {"Ana Ruiz": 0, "Ben Cole": 2, "Cy Diaz": 1}


def test_reassign_refuses_a_case_not_on_the_docket(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _court(db_path)
    result = planner(
        "reassign", "--db", db_path, "--from", "Ana Ruiz", "--to", "Ben Cole", "--case", "999999999"
    )
    assert (result.code, result.err) == (
        1,
        "planner: case A999-999-999 is not on Ana Ruiz's docket\n",
    )
