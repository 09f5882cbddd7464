"""The command line's contract for issue 17: planner checkout / checkin / import --merge."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.cli import main
from tests.sync.offline_docket import (
    JUDGE,
    a_number,
    add_hearing,
    case_named,
    complete_case,
    contents,
    docket,
    edit_case,
    hearings_of,
    make_server,
)


@pytest.fixture
def server(tmp_path: Path) -> Path:
    return make_server(tmp_path / "server.sqlite")


def _checkout(server: Path, laptop: Path) -> int:
    return main(["checkout", "--from", str(server), "--judge", JUDGE, "--db", str(laptop)])


def test_checkout_then_checkin_from_the_command_line(
    server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    assert _checkout(server, laptop) == 0
    assert "Checked out Judge Ana Ruiz's docket (4 cases, 2 hearings)" in capsys.readouterr().out
    assert oct(laptop.stat().st_mode & 0o777) == "0o600"  # a docket is confidential
    edit_case(laptop, a_number(0), attorney="Offline Counsel")

    assert main(["checkin", "--db", str(laptop), "--to", str(server)]) == 0

    assert "1 change(s) on the server" in capsys.readouterr().out
    assert case_named(server, a_number(0)).attorney == "Offline Counsel"


def test_checkin_with_collisions_lists_them_and_exits_nonzero_without_applying(
    server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    _checkout(server, laptop)
    edit_case(laptop, a_number(1), remaining_minutes=150)
    edit_case(server, a_number(1), remaining_minutes=30)
    before = contents(server)
    capsys.readouterr()

    code = main(["checkin", "--db", str(laptop), "--to", str(server)])

    out, err = capsys.readouterr()
    assert code == 3
    assert "Collision 1 of 1: case A200-000-001 (Person 1): changed on both sides" in out
    assert "Remaining minutes: 150" in out
    assert "Remaining minutes: 30" in out
    assert "Nothing was checked in" in err
    assert "--keep laptop" in err
    assert contents(server) == before
    collision_id = next(line.split("id: ")[1] for line in out.splitlines() if "id: " in line)

    settlements = tmp_path / "settle.json"
    settlements.write_text(json.dumps({collision_id: "laptop"}))
    code = main(
        ["checkin", "--db", str(laptop), "--to", str(server), "--settlements", str(settlements)]
    )

    assert code == 0
    assert case_named(server, a_number(1)).remaining_minutes == 150


def test_keep_server_settles_every_collision(server: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.sqlite"
    _checkout(server, laptop)
    complete_case(laptop, a_number(0), date(2026, 12, 1))
    edit_case(server, a_number(0), remaining_minutes=30)
    add_hearing(laptop, a_number(2), datetime(2027, 1, 18, 9, 0))
    add_hearing(server, a_number(3), datetime(2027, 1, 18, 9, 30))

    assert main(["checkin", "--db", str(laptop), "--keep", "server"]) == 0  # --to: the origin

    assert hearings_of(server, a_number(2)) == []
    assert case_named(server, a_number(0)).status == "completed"  # not a collision: merged
    assert case_named(server, a_number(0)).remaining_minutes == 30
    assert contents(server) == contents(laptop)


def test_a_bad_settlements_file_is_one_line(
    server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    _checkout(server, laptop)
    bad = tmp_path / "settle.json"
    bad.write_text('{"case:x": "mine"}')
    capsys.readouterr()
    assert main(["checkin", "--db", str(laptop), "--settlements", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'case:x' is settled by 'mine'" in err


def test_checkout_of_an_unknown_judge_names_the_judges(
    server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop = tmp_path / "l.sqlite"
    assert main(["checkout", "--from", str(server), "--judge", "Nobody", "--db", str(laptop)]) == 1
    err = capsys.readouterr().err
    assert "no judge named 'Nobody'" in err
    assert "(judges: 'Ana Ruiz')" in err


def test_import_merge_updates_changed_cases_and_keeps_outcomes(
    server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "docket.json"
    assert main(["export", "--db", str(server), "--judge", JUDGE, "--out", str(exported)]) == 0
    # Since the export: an outcome recorded here, and the file edited elsewhere.
    complete_case(server, a_number(0), date(2026, 12, 1))
    data = json.loads(exported.read_text())
    data["cases"][0]["attorney"] = "From The File"  # a_number(0), completed here since
    data["cases"][1]["name"] = "Renamed In File"
    data["cases"].append({**data["cases"][2], "a_number": "399999999", "name": "New In File"})
    exported.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["import", "--db", str(server), "--merge", "--preview", str(exported)]) == 0
    assert "Would merge (a preview: nothing was stored)" in capsys.readouterr().out
    assert case_named(server, a_number(1)).name == "Person 1"

    assert main(["import", "--db", str(server), "--merge", str(exported)]) == 0

    out = capsys.readouterr().out
    assert "3 change(s), 1 recorded outcome(s) kept" in out
    assert "added case A399-999-999 (New In File)" in out
    first = case_named(server, a_number(0))
    assert (first.status, first.attorney) == ("completed", "From The File")
    assert case_named(server, a_number(1)).name == "Renamed In File"
    assert len(docket(server).cases) == 5
    assert main(["import", "--db", str(server), "--merge", str(exported)]) == 0
    assert "0 change(s)" in capsys.readouterr().out  # merging again changes nothing
