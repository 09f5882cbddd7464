"""Every number and date on input is bounded, in the model, so every way in refuses it with one
clear message (issue 15, point 9): a case needing 999,999,999 minutes made the scheduler split
it into millions of parts."""

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.bounds import MAX_CASE_MINUTES, MAX_HEARING_MINUTES, MAX_QUOTA
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, KindMinutes
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind, LeaveKind
from planner.interchange.docket_json import write_docket
from tests.conftest import CliResult

HEADER = (
    "a_number,name,kind,detained,juvenile,language,represented,received,status,completion_date,"
    "completion_kind,remaining_minutes,asylum_filed,nta_served,attorney\r\n"
)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: Case(
                "100000001", "Ana", "asylum", date(2025, 1, 1), remaining_minutes=999_999_999
            ),
            "remaining minutes 999999999 must be a whole number from 1 to 10,000",
        ),
        (
            lambda: Hearing("100000001", datetime(2026, 12, 7, 9), 100_000, HearingKind.MASTER),
            "minutes 100000 must be a whole number from 1 to 1,440",
        ),
        (lambda: Judge("Ortiz", quota=10**9), "quota 1000000000 must be a whole number"),
        (lambda: KindMinutes(10**7, 30), "default minutes 10000000 must be a whole number"),
        (
            lambda: Case(
                "100000001", "Ana", "asylum", date(2025, 1, 1), remaining_minutes=10**5000
            ),
            "of about 5,001 digits must be a whole number",
        ),
        (
            lambda: Leave.days(date(2026, 12, 1), date(9999, 12, 31)),
            "leave ending 9999-12-31 is out of range",
        ),
        (
            lambda: Leave(datetime(2026, 12, 1), datetime(9999, 12, 31, 23), LeaveKind.ANNUAL),
            "leave ending 9999-12-31 is out of range",
        ),
        (
            lambda: Case(
                "100000001", "Ana", "asylum", date(2025, 1, 1), nta_served=date(9999, 12, 31)
            ),
            "nta served 9999-12-31 is out of range",
        ),
        (
            lambda: Hearing("100000001", datetime(9999, 12, 31, 23, 30), 60, HearingKind.MASTER),
            "9999-12-31 is out of range",
        ),
        (lambda: Closure(date(1, 1, 1), "none"), "0001-01-01 is out of range"),
    ],
)
def test_the_model_refuses_numbers_and_dates_out_of_bounds(
    make: Callable[[], object], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        make()


def test_the_bounds_allow_every_real_docket() -> None:
    Case("100000001", "Ana", "asylum", date(1990, 1, 1), remaining_minutes=MAX_CASE_MINUTES)
    Hearing("100000001", datetime(2190, 1, 1, 9), MAX_HEARING_MINUTES, HearingKind.MASTER)
    Judge("Ortiz", quota=MAX_QUOTA)


def test_a_csv_with_a_huge_number_is_refused_naming_the_row(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    assert (
        planner("demo", "--db", db_path, "--cases", 5, "--seed", 1, "--today", "2026-11-25").code
        == 0
    )
    csv = tmp_path / "cases.csv"
    rows = [
        "A100-000-001,Ana,asylum,no,no,English,no,2025-01-01,pending,,,999999999,,,\r\n",
        "A100-000-002,Ben,asylum,no,no,English,no,2025-01-01,pending,,," + "9" * 5000 + ",,,\r\n",
    ]
    csv.write_text(HEADER + "".join(rows), encoding="utf-8")
    result = planner("import", "--db", db_path, csv)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "line 2" in result.err
    assert "999999999' minutes must be at least 1 and at most 10,000" in result.err
    assert "a number of 5,000 digits" in result.err
    assert "line 3" in result.err
    assert len(result.err) < 2000


def test_a_docket_file_with_a_huge_hearing_is_refused(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    docket = Docket(
        Judge("Ortiz"),
        cases=(Case("100000001", "Ana", "asylum", date(2025, 1, 1)),),
        hearings=(Hearing("100000001", datetime(2026, 12, 7, 9), 60, HearingKind.MASTER),),
    )
    path = tmp_path / "docket.json"
    path.write_text(
        write_docket(docket).replace('"minutes": 60', '"minutes": 999999999'), encoding="utf-8"
    )
    assert '"minutes": 999999999' in path.read_text(encoding="utf-8")
    result = planner("import", "--db", db_path, path)
    assert result.code == 1
    assert "must be a whole number from 1 to 1,440" in result.err
    assert "Traceback" not in result.err


def test_a_csv_of_many_bad_rows_lists_the_first_hundred_and_counts_the_rest(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    """Issue 15, point 12: 1,000,000 bad rows printed 100 MB of errors."""
    assert (
        planner("demo", "--db", db_path, "--cases", 5, "--seed", 1, "--today", "2026-11-25").code
        == 0
    )
    rows = 20_000
    csv = tmp_path / "cases.csv"
    csv.write_text(
        HEADER
        + "".join(
            f"A1{i:08d},P,asylum,no,no,English,no,not-a-date,pending,,,,,,\r\n" for i in range(rows)
        ),
        encoding="utf-8",
    )
    result = planner("import", "--db", db_path, csv)
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0] == f"planner: nothing was imported: {rows:,} problems in {csv}"
    assert len(lines) == 1 + 100 + 1
    assert lines[1].startswith("  line 2, ")
    assert lines[100].startswith("  line 101, ")
    assert (
        lines[-1] == f"  … and {rows - 100:,} more problems like these (the first 100 are listed)"
    )
