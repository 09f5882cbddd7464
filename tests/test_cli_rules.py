"""The model's rules hold through the command line too, not only in the window's editors."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.services.judges import list_judges
from planner.store.database import Database

TODAY = "2026-11-25"


@pytest.fixture
def demo_file(planner: Callable[..., object], tmp_path: Path) -> tuple[Path, dict]:  # type: ignore[type-arg]
    """A demo judge exported as a docket file, and the database it came from."""
    source = tmp_path / "demo.sqlite"
    assert planner("demo", "--db", source, "--cases", 60, "--today", TODAY).code == 0  # type: ignore[attr-defined]
    database = Database.open(source)
    (judge,) = list_judges(database)
    database.close()
    out = tmp_path / "demo.json"
    exported = planner("export", "--db", source, "--judge", judge.name, "--out", out)
    assert exported.code == 0, exported.err  # type: ignore[attr-defined]
    return out, json.loads(out.read_text(encoding="utf-8"))


def _judges(path: Path) -> list[str]:
    database = Database.open(path)
    try:
        return [judge.name for judge in list_judges(database)]
    finally:
        database.close()


def _write(path: Path, data: dict) -> Path:  # type: ignore[type-arg]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_docket_file_with_overlapping_weekly_sessions_is_refused(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The Monday session copied: accepted, it counted the same bench hours twice."""
    _, data = demo_file
    monday = data["judge"]["sessions"][0]
    assert (monday["weekday"], monday["start"], monday["end"]) == ("mon", "08:30", "12:00")
    data["judge"]["sessions"].append(dict(monday))
    source = _write(tmp_path / "twice.json", data)
    assert planner("demo", "--db", db_path, "--cases", 10, "--seed", 3, "--today", TODAY).code == 0
    before = _judges(db_path)
    result = planner("import", "--db", db_path, "--judge", "Bo Chen", source)
    assert result.code == 1
    reasons = [line for line in result.err.splitlines() if "overlaps" in line]
    assert reasons == [
        "  judge: weekly session Mon 08:30-12:00 master overlaps Mon 08:30-12:00 master: "
        "a judge sits in one session at a time"
    ]
    assert "Traceback" not in result.err
    assert _judges(db_path) == before


def test_a_session_overlapping_part_of_another_is_refused_too(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, data = demo_file
    data["judge"]["sessions"].append(
        {"weekday": "mon", "start": "11:30", "end": "13:30", "kind": "individual"}
    )
    result = planner("import", "--db", db_path, _write(tmp_path / "over.json", data))
    assert result.code == 1
    assert (
        "Mon 11:30-13:30 individual overlaps Mon 08:30-12:00 master: a judge sits in one "
        "session at a time" in result.err
    )
    assert _judges(db_path) == []


def test_sessions_that_only_touch_are_accepted(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, data = demo_file
    data["judge"]["sessions"].append(
        {"weekday": "mon", "start": "12:00", "end": "13:00", "kind": "administrative"}
    )
    result = planner("import", "--db", db_path, _write(tmp_path / "touch.json", data))
    assert result.code == 0, result.err
    assert _judges(db_path) == [data["judge"]["name"]]
