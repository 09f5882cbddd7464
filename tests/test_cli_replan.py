"""``planner replan``: a preview by default that says how many noticed hearings it moves, its
JSON, and --apply storing every move in one transaction, on a real SQLite file."""

import sqlite3
from pathlib import Path

from planner.store.database import Database
from tests.services.test_replanning import seed_replan


def _starts(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT c.a_number, h.start FROM hearings h JOIN cases c ON c.id = h.case_id"
        ).fetchall()
    return {a: str(start)[:16].replace(" ", "T") for a, start in rows}


def _seeded(db_path: Path) -> Path:
    database = Database.open(db_path)
    try:
        seed_replan(database)
    finally:
        database.close()
    return db_path


def test_a_preview_says_what_it_moves_and_stores_nothing(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _starts(_seeded(db_path))
    result = planner("replan", "--db", db_path, "--judge", "ana ruiz", "--from", "2024-11-01")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == (
        "Re-plan of Ana Ruiz's calendar: moves 2 hearings, 0 of them noticed; 1 noticed hearing "
        "is pinned and left in conflict (ask to move noticed hearings to move them)."
    )
    assert lines[1].strip() == "A300-000-002  Thu 21 Nov 09:15 → Mon 25 Nov 2024 08:30, 15 min"
    assert "nothing was moved" in result.out
    assert _starts(db_path) == before


def test_json_and_apply_move_the_noticed_only_when_asked(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _starts(_seeded(db_path))
    args = ("replan", "--db", db_path, "--from", "2024-11-01", "--json")  # the only judge
    preview = planner(*args, "--move-noticed").json()
    assert preview["judge"] == "Ana Ruiz"
    assert preview["applied"] is False
    assert (preview["moved"], preview["noticed_moved"], preview["pinned"]) == (3, 1, [])
    assert preview["summary"].startswith("Moves 3 hearings, 1 of them noticed")
    assert preview["moves"][0] == {
        "hearing_id": 1,
        "a_number": "A300-000-001",
        "from": "2024-11-21T09:00",
        "to": "2024-11-25T08:30",
        "minutes": 15,
        "noticed": True,
    }
    assert _starts(db_path) == before
    applied = planner(*args, "--apply")
    assert applied.code == 0, applied.err
    data = applied.json()
    assert data["applied"] is True
    assert (data["moved"], data["noticed_moved"]) == (2, 0)
    after = _starts(db_path)
    assert after["300000001"] == before["300000001"]  # noticed: pinned
    assert (after["300000002"], after["300000003"]) == ("2024-11-25T08:30", "2024-11-25T08:45")
    again = planner("replan", "--db", db_path, "--from", "2024-11-01")
    assert again.out.startswith("Re-plan of Ana Ruiz's calendar: moves 0 hearings; 1 noticed")


def test_apply_in_words_and_bad_input_in_one_line(planner, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seeded(db_path)
    result = planner("replan", "--db", db_path, "--from", "2024-11-01", "--apply")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "Moved 2 hearings on Ana Ruiz's calendar."
    missing = planner("replan", "--db", tmp_path / "none.sqlite")
    assert missing.code == 1
    assert missing.err.startswith("planner: there is no database at")
    assert len(missing.err.strip().splitlines()) == 1
    nobody = planner("replan", "--db", db_path, "--judge", "Nobody")
    assert nobody.code == 1
    assert "Traceback" not in nobody.err
