"""The command line never answers with a traceback (issue 15, point 11): each of these got one;
each now gets one line saying what is wrong, and exit code 1. An unexpected error is logged,
redacted as the window's are."""

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Leave
from planner.domain.vocabulary import HearingKind
from planner.interchange.docket_json import write_docket
from tests.conftest import CliResult

JUDGE = "Ortiz"


def _one_line_refusal(result: CliResult) -> None:
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err
    # argparse's usage (its first line and those indented under it) aside: the reason is one line
    lines = [line for line in result.err.splitlines() if not line.startswith(("usage:", " "))]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("planner")


@pytest.fixture
def filled(planner: Callable[..., CliResult], db_path: Path, tmp_path: Path) -> Path:
    docket = Docket(
        Judge(JUDGE),
        cases=tuple(
            Case(str(100_000_000 + i), f"Person {i}", "asylum", date(2025, 1, 1)) for i in range(40)
        ),
        hearings=(Hearing("100000000", datetime(2026, 11, 30, 9), 60, HearingKind.MASTER),),
    )
    path = tmp_path / "docket.json"
    path.write_text(write_docket(docket), encoding="utf-8")
    assert planner("import", "--db", db_path, path).code == 0
    return db_path


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "command",
    [
        ("forecast", "--as-of"),
        ("report", "--judge", JUDGE, "--out", "{tmp}/r.pdf", "--as-of"),
        ("schedule", "--judge", JUDGE, "--from"),
        ("sheet", "--judge", JUDGE, "--out", "{tmp}/s.pdf", "--date"),
        ("export", "--judge", JUDGE, "--out", "{tmp}/c.ics", "--from"),
        ("export", "--judge", JUDGE, "--out", "{tmp}/c.ics", "--to"),
    ],
    ids=lambda c: f"{c[0]} {c[-1]}",
)
def test_a_date_out_of_range_on_the_command_line_is_refused(
    planner: Callable[..., CliResult], filled: Path, tmp_path: Path, command: tuple, day: str
) -> None:
    args = [part.format(tmp=tmp_path) for part in command]
    result = planner(*args, day, "--db", filled)
    _one_line_refusal(result)
    assert f"{day} is out of range" in result.err


def test_a_demo_of_too_many_cases_is_refused(
    planner: Callable[..., CliResult], db_path: Path
) -> None:
    result = planner("demo", "--db", db_path, "--cases", "99999999999999999999999")
    _one_line_refusal(result)
    assert "too many" in result.err
    assert not db_path.exists()


@pytest.mark.parametrize("option", ["--buffer", "--notice-days"])
def test_a_schedule_with_a_huge_gap_is_refused(
    planner: Callable[..., CliResult], filled: Path, option: str
) -> None:
    result = planner("schedule", "--db", filled, "--judge", JUDGE, option, "9" * 30)
    _one_line_refusal(result)
    assert "too many" in result.err


def test_a_docket_file_with_leave_ending_in_9999_is_refused(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    leave = Leave.days(date(2026, 12, 1), date(2026, 12, 2))
    text = write_docket(Docket(Judge(JUDGE), leave=(leave,)))
    path = tmp_path / "docket.json"
    path.write_text(text.replace("2026-12-02", "9999-12-31"), encoding="utf-8")
    assert "9999-12-31" in path.read_text(encoding="utf-8")
    result = planner("import", "--db", db_path, path)
    assert result.code == 1
    assert "9999-12-31 is out of range" in result.err
    assert "Traceback" not in result.err


def test_a_hearing_in_9999_is_refused_before_any_calendar_export(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    hearing = Hearing("100000000", datetime(2026, 11, 30, 9), 60, HearingKind.MASTER)
    case = Case("100000000", "Person", "asylum", date(2025, 1, 1))
    text = write_docket(Docket(Judge(JUDGE), cases=(case,), hearings=(hearing,)))
    path = tmp_path / "docket.json"
    path.write_text(text.replace("2026-11-30T09:00", "9999-12-31T23:30"), encoding="utf-8")
    assert "9999-12-31T23:30" in path.read_text(encoding="utf-8")
    result = planner("import", "--db", db_path, path)
    assert result.code == 1
    assert "9999-12-31 is out of range" in result.err


def test_a_csv_with_nta_served_in_9999_is_refused_before_any_schedule(
    planner: Callable[..., CliResult], filled: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "cases.csv"
    csv.write_text(
        "a_number,name,kind,detained,language,represented,received,nta_served\r\n"
        "A200-000-001,New Person,asylum,no,English,no,2025-01-01,9999-12-31\r\n",
        encoding="utf-8",
    )
    result = planner("import", "--db", filled, csv)
    assert result.code == 1
    assert "9999-12-31 is out of range" in result.err
    assert planner("schedule", "--db", filled, "--judge", JUDGE, "--from", "2026-12-07").code == 0


def test_a_backup_into_a_missing_or_unwritable_folder_is_refused(
    planner: Callable[..., CliResult], filled: Path, tmp_path: Path
) -> None:
    _one_line_refusal(planner("backup", "--db", filled, "--out", tmp_path / "nowhere" / "b.sqlite"))
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder", encoding="utf-8")
    _one_line_refusal(planner("backup", "--db", filled, "--out", a_file / "b.sqlite"))
    assert not (tmp_path / "nowhere").exists()


def _run_planner(*args: object, **options: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output="stdout" not in options,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        **options,
    )


def test_output_to_a_full_disk_is_one_line(filled: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _run_planner(
            "forecast",
            "--db",
            filled,
            "--json",
            "--as-of",
            "2026-11-25",
            stdout=full,
            stderr=subprocess.PIPE,
        )
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert err.strip().splitlines() == [
        "planner: could not write the output (No space left on device)"
    ]


def test_a_reader_that_stops_early_is_one_line(
    planner: Callable[..., CliResult], db_path: Path
) -> None:
    # An output far larger than a pipe holds (64 KiB): 400 cases made about 66 KB, and a run in
    # CI wrote it all before the reader stopped (exit 0, nothing to report); 1,500 make 450 KB.
    assert (
        planner("demo", "--db", db_path, "--cases", 1500, "--seed", 3, "--today", "2026-11-25").code
        == 0
    )
    judge = planner("forecast", "--db", db_path, "--json", "--as-of", "2026-11-25").json()[0][
        "judge"
    ]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "planner",
            "schedule",
            "--json",
            "--db",
            str(db_path),
            "--judge",
            judge,
            "--from",
            "2026-11-30",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert len(process.stdout.read(10)) == 10  # as `| head -c 10`
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1, err
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert err.strip().splitlines() == [
        "planner: the output was cut off: whatever read it stopped reading"
    ]


def test_an_unexpected_error_is_one_line_and_logged_without_names(
    planner: Callable[..., CliResult],
    filled: Path,
    monkeypatch: pytest.MonkeyPatch,
    private_data_folder: Path,
) -> None:
    from planner.services import forecasting

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("bug while reading 'Ana Pérez' A123456789 for Ortiz")

    monkeypatch.setattr(forecasting, "forecast_judges", broken)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(private_data_folder / "planner-data"))
    result = planner("forecast", "--db", filled)
    _one_line_refusal(result)
    assert "unexpected error (RuntimeError)" in result.err
    log = (private_data_folder / "planner-data" / "planner.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log
    assert "test_cli_failures.py" in log
    for secret in ("Ana", "Pérez", "123456789", "Ortiz"):
        assert secret not in log
