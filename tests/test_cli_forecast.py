"""``planner forecast`` as a clerk's script uses it: text, JSON, exit codes and messages."""

import gc
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.store.database import Database

CONTRACT_KEYS = {
    "judge",
    "fiscal_year",
    "fy_start",
    "fy_end",
    "as_of",
    "quota",
    "completed",
    "needed",
    "pending_cases",
    "capacity_minutes",
    "booked_minutes",
    "max_completions_at_current_lengths",
    "required_shortening_pct",
    "minutes_per_needed_completion",
    "verdict",
    "message",
    "pools",
    "binding_pools",
    "template_changes",
}


def _two_judges(path: Path) -> None:
    database = Database.open(path)
    with database.transaction() as repo:
        for name, count in (("Ortiz", 1000), ("Baker", 50)):
            cases = tuple(
                Case(f"{name == 'Baker':d}{i:08d}", f"R{i}", "asylum", date(2025, 1, 1))
                for i in range(count)
            )
            repo.add_docket(Docket(Judge(name, rule_set="2018"), cases=cases))
    database.close()


def test_json_covers_every_judge_with_the_contract_keys(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_judges(db_path)
    result = planner("forecast", "--db", db_path, "--as-of", "2026-10-01", "--json")
    assert result.code == 0
    forecasts = result.json()
    assert [f["judge"] for f in forecasts] == ["Baker", "Ortiz"]
    for forecast in forecasts:
        assert forecast.keys() >= CONTRACT_KEYS
        assert forecast["fiscal_year"] == 2027
        assert forecast["as_of"] == "2026-10-01T00:00"
    baker, ortiz = forecasts
    assert baker["verdict"] == "not_enough_cases"
    # 1,000 merits hearings of 110 minutes or more do not fit in the individual afternoons of
    # the standard week, however short: the individual pool is where the hours are missing.
    assert ortiz["verdict"] == "unreachable_at_minimum_lengths"
    assert ortiz["pending_cases"] == 1000
    assert ortiz["binding_pools"] == [["individual"]]
    assert "in individual sessions" in ortiz["message"]


def test_one_judge_and_db_after_the_subcommand_or_before(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_judges(db_path)
    after = planner(
        "forecast", "--db", db_path, "--judge", "Ortiz", "--as-of", "2026-10-01", "--json"
    )
    before = planner(
        "--db", db_path, "forecast", "--judge", "Ortiz", "--as-of", "2026-10-01", "--json"
    )
    assert after.code == before.code == 0
    assert after.json() == before.json()
    assert [f["judge"] for f in after.json()] == ["Ortiz"]


def test_text_report_gives_the_verdict_and_the_figures(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_judges(db_path)
    result = planner("forecast", "--db", db_path, "--judge", "Ortiz", "--as-of", "2026-10-01")
    assert result.code == 0
    assert "UNREACHABLE EVEN AT MINIMUM LENGTHS" in result.out
    assert "Pool individual" in result.out
    assert "fiscal year 2027 (01 Oct 2026 to 30 Sep 2027)" in result.out
    assert "Pending cases               1,000" in result.out
    assert "Required shortening         beyond the minimums" in result.out


def test_unknown_judge_is_bad_input(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_judges(db_path)
    result = planner("forecast", "--db", db_path, "--judge", "Nobody")
    assert result.code == 1
    assert "no judge named 'Nobody'" in result.err
    assert "'Baker', 'Ortiz'" in result.err


def test_impossible_date_is_bad_input(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = planner("forecast", "--db", db_path, "--as-of", "2026-02-30")
    assert result.code == 1
    assert "'2026-02-30' is not a date" in result.err


def test_a_file_that_is_not_a_database_is_bad_input(planner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("hello " * 1000)
    result = planner("forecast", "--db", notes)
    assert result.code == 1
    assert "notes.txt is damaged or is not a database" in result.err


def test_default_database_lives_in_the_data_folder(planner, private_data_folder: Path) -> None:  # type: ignore[no-untyped-def]
    assert planner("demo", "--cases", 20, "--today", "2026-11-25").code == 0
    assert list(private_data_folder.rglob("planner.sqlite"))
    result = planner("forecast", "--json", "--as-of", "2026-11-25")
    assert result.code == 0, result.err
    assert len(result.json()) == 1


def test_every_subcommand_has_help(planner) -> None:  # type: ignore[no-untyped-def]
    for command in ("demo", "forecast", "import", "export"):
        result = planner(command, "--help")
        assert result.code == 0
        assert f"usage: planner {command}" in result.out


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    Database.open(tmp_path / "x.sqlite").close()  # an empty database: a forecast reads one
    completed = subprocess.run(
        [sys.executable, "-m", "planner", "forecast", "--db", tmp_path / "x.sqlite", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"


def test_one_pending_case_and_one_workday_read_in_the_singular(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Monday-only judge on Sunday 26 Sep 2027: one workday (Mon 27 Sep) left in FY 2027."""
    from datetime import time

    from planner.domain.judge import Session
    from planner.domain.vocabulary import SessionKind

    MASTER = SessionKind.MASTER

    database = Database.open(db_path)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge(
                    "Ana Ruiz",
                    quota=5,
                    sessions=(Session(0, time(9), time(12), MASTER),),
                    rule_set="2018",
                ),
                cases=(Case("100000001", "R", "removal", date(2025, 1, 1)),),
            )
        )
    database.close()
    result = planner("forecast", "--db", db_path, "--as-of", "2027-09-26")
    assert result.code == 0, result.err
    assert "Only 1 case is pending, 4 fewer than the 5 completions still needed" in result.out
    assert " on 1 workday (booked " in result.out


def test_help_lists_every_command_and_a_bad_option_is_told_with_the_usage(planner) -> None:  # type: ignore[no-untyped-def]
    """``planner --help`` lists the commands in their order (each command's parser is built by
    its own function); --version, and a bad option given to the window, read as a user sees them."""
    from planner import __version__

    assert planner("--version").out == f"planner {__version__}\n"
    listed = planner("--help")
    assert listed.code == 0
    assert "--theme" in listed.out
    commands = re.findall(r"^    (\w+) ", listed.out, re.MULTILINE)  # under "COMMAND"
    assert commands == [
        *("demo", "forecast", "import", "export", "schedule", "replan", "sheet", "report"),
        *("backup", "restore", "court", "notices", "reassign", "interpreters", "checkout"),
        "checkin",
    ]
    for wrong, reason in (
        (("--theme", "purple"), "argument --theme: invalid choice: 'purple'"),
        (("--size", "12"), "argument --size: '12' is not a size such as 1366x768"),
        (("--no-such-option",), "unrecognized arguments: --no-such-option"),
    ):
        result = planner(*wrong)
        assert result.code == 1, wrong
        assert "usage: planner [-h]" in result.err
        assert reason in result.err


@pytest.mark.parametrize(
    ("count", "as_of", "words"),
    [
        (
            1,
            "2027-09-30",
            ("Only 1 case is pending", "on 1 workday ", "until 1 outcome is recorded"),
        ),
        (
            2,
            "2027-09-29",
            ("Only 2 cases are pending", "on 2 workdays ", "until 2 outcomes are recorded"),
        ),
    ],
    ids=["one", "two"],
)
def test_the_text_report_says_one_in_the_singular_and_two_in_the_plural(  # type: ignore[no-untyped-def]
    planner, db_path: Path, count: int, as_of: str, words: tuple[str, ...]
) -> None:
    """``count`` pending cases against a quota of 650, ``count`` outcomes before the observed
    adjournment rate (none recorded: the profile's 10% is used), ``count`` workdays left in the
    fiscal year (Thursday 30 September 2027 is its last)."""
    cases = tuple(Case(f"{i:09d}", f"R{i}", "asylum", date(2025, 1, 1)) for i in range(count))
    judge = Judge(
        "Ortiz", quota=650, rule_set="2018", adjournment_rate_pct=10, adjournment_history=count
    )
    database = Database.open(db_path)
    with database.transaction() as repo:
        repo.add_docket(Docket(judge, cases=cases))
    database.close()
    result = planner("forecast", "--db", db_path, "--as-of", as_of)
    assert result.code == 0, result.err
    for said in words:
        assert said in result.out


def test_the_forecast_leaves_the_collector_as_it_found_it(planner, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The command pauses Python's garbage collector while it works: a script that calls it in
    its own process gets the collector back as it was, after a forecast or a refusal."""
    _two_judges(db_path)
    assert gc.isenabled()
    assert planner("forecast", "--db", db_path, "--as-of", "2026-10-01").code == 0
    assert gc.isenabled()
    assert planner("forecast", "--db", db_path, "--judge", "Nobody").code == 1
    assert gc.isenabled()
    gc.disable()
    try:
        assert planner("forecast", "--db", db_path, "--as-of", "2026-10-01").code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_courts_worth_of_judges_forecast_in_processes_reads_as_one_by_one(
    tmp_path: Path,
) -> None:
    """From 64 judges on, ``planner forecast`` shares them among fresh processes: the command,
    run as users run it, gives every judge's forecast as one thread does, in the same order."""
    import json
    import subprocess
    import sys

    from tests.court_of_judges import DAY, make_court

    path = tmp_path / "court.sqlite"
    one_by_one = make_court(path)

    completed = subprocess.run(
        [sys.executable, "-m", "planner", "forecast", "--db", path, "--as-of", str(DAY), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert json.loads(completed.stdout) == json.loads(json.dumps(one_by_one))
    assert len({f["verdict"] for f in one_by_one}) > 1  # the judges really differ


def test_the_forecast_imports_no_library_it_does_not_use(tmp_path: Path) -> None:
    """Issue 14's process bar: a whole ``planner forecast`` under 3x ``planner --version``. Its
    process (the age targets projected too) imports neither NumPy nor HiGHS (a hard count's
    alone), SQLAlchemy (the window's and the writes'), the holidays library (its years are kept
    beside the code), ``dataclasses`` with ``inspect`` (the domain's records are NamedTuples:
    planner.domain.records) nor ``getpass`` (the user's name is asked at the first write)."""
    import subprocess
    import sys

    database = Database.open(tmp_path / "x.sqlite")
    with database.transaction() as repo:
        cases = tuple(
            Case(
                f"2{i:08d}",
                f"R{i}",
                kind,
                date(2026, 1, 1) + timedelta(days=i % 200),
                detained=i % 5 == 0,
            )
            for i, kind in enumerate(("asylum", "removal", "motion") * 40)
        )
        repo.add_docket(Docket(Judge("Ortiz"), cases=cases))  # the rule set of 2025: targets
    database.close()
    heavy = ("numpy", "highspy", "sqlalchemy", "holidays", "dataclasses", "inspect", "getpass")
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        f"code = main(['forecast', '--db', {str(tmp_path / 'x.sqlite')!r}, '--as-of', '2026-11-25'])\n"
        f"print(code, sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Age target: detained within 60 days" in done.stdout  # projected
    assert done.stdout.splitlines()[-1] == "0 []"


def test_too_few_cases_are_not_told_as_a_shortening_beyond_the_minimums(
    planner, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Baker's 50 cases cannot make 700 completions at any length: the text says no shortening
    would do, and by how many cases, as the banner does, not "beyond the minimums"."""
    _two_judges(db_path)
    result = planner("forecast", "--db", db_path, "--judge", "Baker", "--as-of", "2026-10-01")
    assert result.code == 0
    shortening = [line for line in result.out.splitlines() if "Required shortening" in line]
    assert shortening == ["  Required shortening         none would do: 650 cases short"]
