"""``planner import`` and ``planner export`` as a clerk uses them: all or nothing, lossless, private."""

import hashlib
import json
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.records import replace
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingStatus,
    LeaveKind,
    SessionKind,
)
from planner.interchange.problems import ImportRefused
from planner.services.transfer import ExportSummary, ImportSummary, export_docket, import_file
from planner.store import private_files
from planner.store.database import Database

HEADER = "a_number,name,kind,detained,juvenile,language,represented,received"


@pytest.fixture
def run(planner: Callable[..., object]) -> Callable[..., object]:
    """``planner ARGS``: it closes the databases it opened before it returns (main), so the file
    can be compared after."""
    return planner


def _docket(name: str = "Ana Ruiz", cases: int = 40, first_a_number: int = 100_000_000) -> Docket:
    judge = Judge(
        name,
        court="Los Angeles",
        timezone="America/Los_Angeles",
        quota=650,
        fy_start_month=10,
        fy_start_day=1,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.DETAINED_MASTER, "Spanish"),
            Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
            Session(4, time(13), time(16, 30), SessionKind.ADMINISTRATIVE),
        ),
        case_minutes={
            "asylum": KindMinutes(195, 120),
            "removal": KindMinutes(30, 20),
            "t_visa": KindMinutes(120, 90),
        },
        hearing_minutes={HearingKind.MASTER: KindMinutes(15, 10)},
        counted_completions=frozenset({CompletionKind.REMOVAL_ORDER, CompletionKind.DISMISSAL}),
        at_risk_slack_pct=12.5,
    )
    kinds = sorted(judge.case_minutes)
    all_cases = []
    for i in range(cases):
        completed = i % 5 == 0
        all_cases.append(
            Case(
                str(first_a_number + i),
                f"Respondent {i} Núñez, José",
                kinds[i % 3],
                date(2024, 1, 1) + timedelta(days=i),
                detained=i % 3 == 0,
                juvenile=i % 7 == 0,
                language=("Spanish", "Mam", "K'iche'", "Haitian Creole")[i % 4],
                represented=i % 2 == 0,
                status=CaseStatus.COMPLETED if completed else CaseStatus.PENDING,
                completion_date=date(2026, 10, 1) + timedelta(days=i) if completed else None,
                completion_kind=CompletionKind.IN_ABSENTIA if completed else None,
                remaining_minutes=90 if i % 4 == 1 else None,
                asylum_filed=date(2024, 6, 1) if i % 3 == 0 else None,
                nta_served=date(2023, 12, 1) if i % 2 else None,
                attorney="Jane Doe, Esq." if i % 2 == 0 else None,
            )
        )
    hearings = []
    for i, case in enumerate(all_cases):
        start = datetime(2026, 10, 5, 8, 30) + timedelta(days=7 * (i % 10))
        status = (HearingStatus.SCHEDULED, HearingStatus.HELD, HearingStatus.ADJOURNED)[i % 3]
        reason = "respondent to seek counsel" if status is HearingStatus.ADJOURNED else None
        hearings.append(Hearing(case.a_number, start, 15, HearingKind.MASTER, status, reason))
    return Docket(
        judge,
        closures=(Closure(date(2026, 12, 24), "Executive order"),),
        leave=(
            Leave.days(date(2026, 11, 23), date(2026, 11, 25), LeaveKind.ANNUAL),
            Leave(datetime(2026, 12, 2, 13), datetime(2026, 12, 2, 16, 30), LeaveKind.SICK),
        ),
        cases=tuple(all_cases),
        hearings=tuple(hearings),
    )


def _store(path: Path, *dockets: Docket) -> None:
    database = Database.open(path)
    with database.transaction() as repo:
        for docket in dockets:
            repo.add_docket(docket)
    database.close()


def _load(path: Path, name: str) -> Docket:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(name)
            assert judge is not None
            assert judge.id is not None
            return repo.load_docket(judge.id)
    finally:
        database.close()


def _without_ids(docket: Docket) -> Docket:
    return replace(
        docket,
        judge=replace(docket.judge, id=None),
        cases=tuple(replace(case, id=None) for case in docket.cases),
        hearings=tuple(replace(hearing, id=None) for hearing in docket.hearings),
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Lossless -----------------------------------------------------------------------------------


def test_export_import_export_gives_the_same_file_and_docket(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first_db, second_db = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _store(first_db, _docket())
    exported = run("export", "--db", first_db, "--judge", "Ana Ruiz", "--out", tmp_path / "a.json")
    assert exported.code == 0, exported.err
    assert "Exported Judge Ana Ruiz's docket (40 cases, 40 hearings" in exported.out
    imported = run("import", "--db", second_db, tmp_path / "a.json")
    assert imported.code == 0, imported.err
    assert imported.out.strip() == (
        f"Imported 40 cases and 40 hearings for Judge Ana Ruiz from {tmp_path / 'a.json'}."
    )
    again = run("export", "--db", second_db, "--judge", "Ana Ruiz", "--out", tmp_path / "b.json")
    assert again.code == 0, again.err
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    first, second = _load(first_db, "Ana Ruiz"), _load(second_db, "Ana Ruiz")
    assert _without_ids(first) == _without_ids(second)
    stored = _docket()  # as the store returns it: hearings by start, then as added
    assert _without_ids(second) == replace(
        stored, hearings=tuple(sorted(stored.hearings, key=lambda hearing: hearing.start))
    )


def test_cases_exported_as_csv_import_back_equal(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first_db, second_db = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _store(first_db, _docket())
    _store(second_db, replace(_docket(), cases=(), hearings=()))
    out = tmp_path / "cases.csv"
    exported = run("export", "--db", first_db, "--judge", "Ana Ruiz", "--out", out)
    assert exported.out.startswith(f"Exported Judge Ana Ruiz's 40 cases to {out}.")
    assert out.read_bytes().startswith(b"a_number,name,kind,")
    imported = run("import", "--db", second_db, out)
    assert imported.code == 0, imported.err
    assert imported.out.strip() == (
        f"Added 40 cases and updated 0 on Judge Ana Ruiz's docket from {out}."
    )
    first, second = _load(first_db, "Ana Ruiz"), _load(second_db, "Ana Ruiz")
    assert [replace(c, id=None) for c in second.cases] == [replace(c, id=None) for c in first.cases]


def test_import_and_export_through_the_service_api(database: Database, tmp_path: Path) -> None:
    source = tmp_path / "docket.json"
    _store_and_export(tmp_path, source)
    summary = import_file(database, source, judge_name="Bo Chen")
    assert summary == ImportSummary("Bo Chen", str(source), "docket", cases=40, hearings=40)
    written = export_docket(database, "Bo Chen", "csv", tmp_path / "out.csv")
    assert written == ExportSummary("Bo Chen", "csv", tmp_path / "out.csv", 40, 40, 2, 1)


def _store_and_export(tmp_path: Path, out: Path) -> None:
    other = tmp_path / "source.sqlite"
    _store(other, _docket())
    database = Database.open(other)
    try:
        export_docket(database, "Ana Ruiz", "json", out)
    finally:
        database.close()


# All or nothing -----------------------------------------------------------------------------


def test_a_csv_with_bad_rows_changes_nothing_and_lists_every_one(
    run, db_path: Path, tmp_path: Path
) -> None:
    _store(db_path, _docket())
    before = _digest(db_path)
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_text(
        f"{HEADER}\r\n"
        "200000001,Good Row,asylum,no,no,Spanish,no,2025-01-02\r\n"
        "100000001,Update Of A Good Case,removal,no,no,Spanish,no,2025-01-02\r\n"
        "2000002,Short A-Number,asylum,no,no,Spanish,no,2025-01-02\r\n"
        '200000003,"Quoted, With\nA Line Break",divorce,no,no,Spanish,no,2025-01-02\r\n'
        "200000004,Bad Date,asylum,no,no,Spanish,no,2/30/2025\r\n",
        encoding="utf-8",
    )
    result = run("import", "--db", db_path, spreadsheet)
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == f"planner: nothing was imported: 3 problems in {spreadsheet}"
    assert lines[1].startswith("  line 4, column a_number (A): '2000002' is not an A-number")
    assert lines[2].startswith("  line 5, column kind (C): 'divorce' is not a case kind")
    assert lines[3].startswith("  line 7, column received (H): '2/30/2025' is not a date")
    assert len(lines) == 4
    assert _digest(db_path) == before
    assert len(_load(db_path, "Ana Ruiz").cases) == 40


def test_a_bad_docket_file_changes_nothing(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    before = _digest(db_path)
    source = tmp_path / "bad.json"
    _store_and_export(tmp_path, source)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["judge"]["name"] = "Bo Chen"
    data["cases"][12]["received"] = "2025-02-30"
    data["hearings"][3]["colour"] = "red"
    source.write_text(json.dumps(data), encoding="utf-8")
    result = run("import", "--db", db_path, source)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"planner: nothing was imported: 2 problems in {source}",
        "  cases[12].received: '2025-02-30' is not a date in the form YYYY-MM-DD "
        "(case A100-000-012)",
        "  hearings[3].colour: unknown field 'colour': the fields are a_number, adjourned_by, "
        "adjournment_cause, adjournment_reason, kind, medium, minutes, start, status",
    ]
    assert _digest(db_path) == before


def test_a_judge_already_in_the_database_needs_replace(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    before = _digest(db_path)
    source = tmp_path / "docket.json"
    _store_and_export(tmp_path, source)
    result = run("import", "--db", db_path, source)
    assert result.code == 1
    assert "Judge Ana Ruiz is already in" in result.err
    assert "--replace" in result.err
    assert _digest(db_path) == before


def test_replace_swaps_the_whole_docket_and_leaves_other_judges(
    run, db_path: Path, tmp_path: Path
) -> None:
    other = _docket("Bo Chen", cases=5, first_a_number=300_000_000)
    _store(db_path, _docket(cases=40), other)
    source = tmp_path / "smaller.json"
    smaller_db = tmp_path / "smaller.sqlite"
    _store(smaller_db, _docket(cases=3, first_a_number=500_000_000))
    assert run("export", "--db", smaller_db, "--judge", "Ana Ruiz", "--out", source).code == 0
    result = run("import", "--db", db_path, "--replace", source)
    assert result.code == 0, result.err
    assert result.out.strip() == (
        f"Replaced Judge Ana Ruiz's docket with {source}: 3 cases and 3 hearings."
    )
    replaced = _load(db_path, "Ana Ruiz")
    assert [c.a_number for c in replaced.cases] == ["500000000", "500000001", "500000002"]
    assert len(replaced.hearings) == 3
    assert _without_ids(_load(db_path, "Bo Chen")) == other


def test_judge_renames_a_docket_files_judge(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    source = tmp_path / "docket.json"
    _store_and_export(tmp_path, source)
    result = run("import", "--db", db_path, "--judge", "Bo Chen", source)
    assert result.code == 0, result.err
    assert "for Judge Bo Chen" in result.out
    assert len(_load(db_path, "Bo Chen").cases) == 40
    assert len(_load(db_path, "Ana Ruiz").cases) == 40


# The cases CSV and its judge ----------------------------------------------------------------


def test_a_csv_adds_new_cases_and_updates_those_on_the_docket(
    run, db_path: Path, tmp_path: Path
) -> None:
    _store(db_path, _docket())
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_bytes(
        b"\xef\xbb\xbfA-Number,Name,Case Kind,Detained,Language,Represented,Received\r\n"
        b"A100-000-000,Respondent 0 N\xc3\xba\xc3\xb1ez,Asylum,y,Mam,n,1/1/2024\r\n"
        b"A200-000-000,New Person,T Visa,n,Spanish,y,2025-06-01\r\n"
    )
    result = run("import", "--db", db_path, spreadsheet)
    assert result.code == 0, result.err
    assert result.out.strip() == (
        f"Added 1 case and updated 1 on Judge Ana Ruiz's docket from {spreadsheet}."
    )
    docket = _load(db_path, "Ana Ruiz")
    cases = {case.a_number: case for case in docket.cases}
    assert len(cases) == 41
    updated = cases["100000000"]
    assert (updated.name, updated.kind, updated.language) == ("Respondent 0 Núñez", "asylum", "Mam")
    assert updated.status is CaseStatus.COMPLETED  # the file has no status column: kept
    assert updated.attorney == "Jane Doe, Esq."
    assert cases["200000000"].kind == "t_visa"
    assert len(docket.hearings) == 40


def test_a_csv_needs_to_know_whose_docket(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_text(f"{HEADER}\n200000001,A Person,asylum,no,no,Mam,no,2025-01-02\n")
    empty = run("import", "--db", db_path, spreadsheet)
    assert empty.code == 1
    assert "has no judges yet" in empty.err
    _store(db_path, _docket(), _docket("Bo Chen", cases=1, first_a_number=300_000_000))
    several = run("import", "--db", db_path, spreadsheet)
    assert several.code == 1
    assert "--judge NAME (judges: 'Ana Ruiz', 'Bo Chen')" in several.err
    unknown = run("import", "--db", db_path, "--judge", "Cy Dow", spreadsheet)
    assert unknown.code == 1
    assert "no judge named 'Cy Dow' in this database (judges: 'Ana Ruiz', 'Bo Chen')" in unknown.err
    chosen = run("import", "--db", db_path, "--judge", "Bo Chen", spreadsheet)
    assert chosen.code == 0, chosen.err
    assert len(_load(db_path, "Bo Chen").cases) == 2
    assert len(_load(db_path, "Ana Ruiz").cases) == 40


def test_the_only_judge_needs_no_name(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    before = _digest(db_path)
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_text(f"{HEADER}\n200000001,A Person,asylum,no,no,Mam,no,2025-01-02\n")
    result = run("import", "--db", db_path, spreadsheet)
    assert result.code == 0, result.err
    assert "Added 1 case and updated 0 on Judge Ana Ruiz's docket" in result.out
    assert _digest(db_path) != before  # the digest does see a change: the refusals' checks bite


def test_replace_is_refused_for_a_csv(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    before = _digest(db_path)
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_text(f"{HEADER}\n200000001,A Person,asylum,no,no,Mam,no,2025-01-02\n")
    result = run("import", "--db", db_path, "--replace", spreadsheet)
    assert result.code == 1
    assert "--replace is for docket files" in result.err
    assert _digest(db_path) == before


# Files that cannot be read ------------------------------------------------------------------


def test_a_missing_file_is_a_clear_error(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", "--db", db_path, tmp_path / "nowhere.csv")
    assert (result.code, result.out) == (1, "")
    assert (
        result.err == f"planner: {tmp_path / 'nowhere.csv'} does not exist: nothing was imported\n"
    )


def test_a_folder_is_not_a_file_to_import(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("import", "--db", db_path, tmp_path)
    assert result.code == 1
    assert "is a folder, not a file to import" in result.err


def test_an_unreadable_file_is_a_clear_error(
    run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.csv"
    locked.write_text(HEADER)

    def refuse(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run("import", "--db", db_path, locked)
    assert result.code == 1
    assert result.err == (
        f"planner: {locked} cannot be read (Permission denied): nothing was imported\n"
    )


def test_invalid_json_says_where(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "judge-workload-planner/docket",\n "version": 1,\n}')
    result = run("import", "--db", db_path, broken)
    assert result.code == 1
    assert f"nothing was imported: 1 problem in {broken}" in result.err
    assert (
        "line 2, column 14: this is not valid JSON (a comma before the closing '}': remove it)"
        in result.err
    )


def test_a_csv_that_is_not_utf8_says_where(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    before = _digest(db_path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        f"{HEADER}\n200000001,Jos\xe9,asylum,no,no,Mam,no,2025-01-02\n".encode("latin-1")
    )
    result = run("import", "--db", db_path, latin)
    assert result.code == 1
    assert "line 2: the file is not UTF-8 text: byte 0xE9 at byte position" in result.err
    assert _digest(db_path) == before


def test_a_file_without_a_known_extension_is_recognised_by_its_content(
    run, db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "docket.json"
    _store_and_export(tmp_path, source)
    backup = tmp_path / "docket.backup"
    backup.write_bytes(source.read_bytes())
    result = run("import", "--db", db_path, backup)
    assert result.code == 0, result.err
    assert "Imported 40 cases" in result.out


def test_a_refusal_is_an_invalid_value_listing_every_problem(
    database: Database, tmp_path: Path
) -> None:
    spreadsheet = tmp_path / "clerk.csv"
    spreadsheet.write_text(f"{HEADER}\nx,,asylum,no,no,Mam,no,2025-01-02\n")
    with database.transaction() as repo:
        repo.add_docket(_docket())
    with pytest.raises(ImportRefused) as refused:
        import_file(database, spreadsheet, judge_name=None)
    assert isinstance(refused.value, ValueError)
    assert [p.where for p in refused.value.problems] == [
        "line 2, column a_number (A)",
        "line 2, column name (B)",
    ]


# Export -------------------------------------------------------------------------------------


def test_an_export_holds_only_that_judges_docket(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket(), _docket("Bo Chen", cases=5, first_a_number=300_000_000))
    for out in (tmp_path / "bo.json", tmp_path / "bo.csv"):
        result = run("export", "--db", db_path, "--judge", "Bo Chen", "--out", out)
        assert result.code == 0, result.err
        text = out.read_text(encoding="utf-8")
        assert "Ana Ruiz" not in text
        assert "100000001" not in text
        assert "A100-000-001" not in text
        assert "Bo Chen" in text or out.suffix == ".csv"
    data = json.loads((tmp_path / "bo.json").read_text(encoding="utf-8"))
    assert len(data["cases"]) == 5


def test_the_format_comes_from_the_option_or_the_extension(
    run, db_path: Path, tmp_path: Path
) -> None:
    _store(db_path, _docket())
    as_csv = run(
        "export",
        "--db",
        db_path,
        "--judge",
        "Ana Ruiz",
        "--format",
        "csv",
        "--out",
        tmp_path / "x.txt",
    )
    assert as_csv.code == 0, as_csv.err
    assert (tmp_path / "x.txt").read_text(encoding="utf-8").startswith("a_number,")
    as_json = run("export", "--db", db_path, "--judge", "Ana Ruiz", "--out", tmp_path / "x.JSON")
    assert as_json.code == 0, as_json.err
    assert json.loads((tmp_path / "x.JSON").read_text(encoding="utf-8"))["version"] == 1
    unknown = run("export", "--db", db_path, "--judge", "Ana Ruiz", "--out", tmp_path / "x.ods")
    assert unknown.code == 1
    assert "say --format json, csv or xlsx" in unknown.err


def test_exporting_an_unknown_judge_names_the_known_ones(
    run, db_path: Path, tmp_path: Path
) -> None:
    _store(db_path, _docket())
    result = run("export", "--db", db_path, "--judge", "Cy Dow", "--out", tmp_path / "x.json")
    assert result.code == 1
    assert "no judge named 'Cy Dow' in this database (judges: 'Ana Ruiz')" in result.err
    assert not (tmp_path / "x.json").exists()


def test_an_export_to_a_missing_folder_is_a_clear_error(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    out = tmp_path / "nowhere" / "x.json"
    result = run("export", "--db", db_path, "--judge", "Ana Ruiz", "--out", out)
    assert result.code == 1
    assert f"the folder {out.parent} does not exist: nothing was exported" in result.err


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(
    run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(db_path, _docket())
    out = tmp_path / "exports" / "docket.json"
    out.parent.mkdir()
    out.write_text("the previous export\n")

    def disk_full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private_files.os, "replace", disk_full)  # the shared writer's rename
    result = run("export", "--db", db_path, "--judge", "Ana Ruiz", "--out", out)
    assert result.code == 1
    assert f"could not write {out} (No space left on device): nothing was exported" in result.err
    assert out.read_text() == "the previous export\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["docket.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_export_is_readable_by_its_owner_only(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store(db_path, _docket())
    out = tmp_path / "docket.json"
    assert run("export", "--db", db_path, "--judge", "Ana Ruiz", "--out", out).code == 0
    assert out.stat().st_mode & 0o777 == 0o600


def test_summaries_read_as_sentences() -> None:
    assert ImportSummary("Judge X", "f.json", "docket", cases=2000, hearings=3100).describe() == (
        "Imported 2,000 cases and 3,100 hearings for Judge X from f.json."
    )
    assert ImportSummary("X", "f.csv", "cases", added=12, updated=3).describe() == (
        "Added 12 cases and updated 3 on Judge X's docket from f.csv."
    )
    assert (
        ExportSummary("X", "json", Path("f.json"), 1, 1, 1, 0)
        .describe()
        .startswith(
            "Exported Judge X's docket (1 case, 1 hearing, 1 leave entry, 0 court closures) to f.json."
        )
    )


def test_cases_exported_as_xlsx_import_back_equal(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first_db, second_db = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _store(first_db, _docket())
    _store(second_db, replace(_docket(), cases=(), hearings=()))
    out = tmp_path / "cases.xlsx"
    exported = run("export", "--db", first_db, "--judge", "Ana Ruiz", "--out", out)
    assert exported.code == 0, exported.err
    assert exported.out.startswith(f"Exported Judge Ana Ruiz's 40 cases to {out}.")
    assert out.read_bytes().startswith(b"PK\x03\x04")
    if sys.platform != "win32":
        assert out.stat().st_mode & 0o077 == 0
    imported = run("import", "--db", second_db, out)
    assert imported.code == 0, imported.err
    assert imported.out.strip() == (
        f"Added 40 cases and updated 0 on Judge Ana Ruiz's docket from {out}."
    )
    first, second = _load(first_db, "Ana Ruiz"), _load(second_db, "Ana Ruiz")
    assert [replace(c, id=None) for c in second.cases] == [replace(c, id=None) for c in first.cases]
