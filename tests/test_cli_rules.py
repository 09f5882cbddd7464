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


# Court closures: a day the judge would otherwise sit, once ----------------------------------


def test_a_closure_on_a_day_without_sessions_is_refused(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The demo judge sits Monday to Friday: a Sunday closure would change nothing."""
    _, data = demo_file
    data["closures"] = [{"day": "2026-12-06", "reason": "Building maintenance"}]
    result = planner("import", "--db", db_path, _write(tmp_path / "sunday.json", data))
    assert result.code == 1
    assert (
        "  the closure on Sun 6 Dec 2026 falls on a Sunday, when the judge has no sessions: "
        "a closure is for a day the court would sit" in result.err.splitlines()
    )
    assert _judges(db_path) == []


def test_a_closure_listed_twice_is_refused(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, data = demo_file
    data["closures"] = [
        {"day": "2026-12-24", "reason": "Executive order"},
        {"day": "2026-12-24", "reason": "Holiday eve"},
    ]
    result = planner("import", "--db", db_path, _write(tmp_path / "twice.json", data))
    assert result.code == 1
    assert "closures[1].day: 2026-12-24 is already closed by closures[0]" in result.err
    assert _judges(db_path) == []


def test_a_closure_on_a_sitting_day_is_accepted(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, data = demo_file
    data["closures"] = [{"day": "2026-12-24", "reason": "Executive order"}]
    result = planner("import", "--db", db_path, _write(tmp_path / "thursday.json", data))
    assert result.code == 0, result.err


# Cases ----------------------------------------------------------------------------------------


def test_a_case_completed_before_it_was_received_is_refused_from_a_csv(
    planner, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert planner("demo", "--db", db_path, "--cases", 5, "--today", TODAY).code == 0
    source = tmp_path / "cases.csv"
    source.write_text(
        "a_number,name,kind,detained,juvenile,language,represented,received,status,"
        "completion_date,completion_kind\n"
        "200000002,Rosa Díaz,asylum,no,no,Spanish,no,2026-01-05,completed,2025-12-01,dismissal\n",
        encoding="utf-8",
    )
    result = planner("import", "--db", db_path, source)
    assert result.code == 1
    assert (
        "case A200-000-002: completed on 2025-12-01, before it was received on 2026-01-05"
        in result.err
    )


def test_a_case_without_a_language_is_refused_from_a_docket_file(
    planner, demo_file, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, data = demo_file
    data["cases"][0]["language"] = "  "
    result = planner("import", "--db", db_path, _write(tmp_path / "blank.json", data))
    assert result.code == 1
    assert "needs a language (English if no interpreter)" in result.err
    assert _judges(db_path) == []
