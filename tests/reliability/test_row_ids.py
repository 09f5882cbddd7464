"""Row ids are never reused (issue 15, point 1): a stale edit opened on a row that was since
removed, as by ``planner import --replace``, can never land on the row that replaced it; and
rows written by an import record who wrote them."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Leave
from planner.domain.vocabulary import LeaveKind
from planner.interchange.docket_json import write_docket
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.services.transfer import import_file
from planner.store.database import Database
from planner.store.errors import Conflict


def _docket(*people: tuple[str, str], quota: int = 700) -> Docket:
    return Docket(
        Judge("Ortiz", quota=quota),
        cases=tuple(Case(a_number, name, "asylum", date(2025, 1, 1)) for a_number, name in people),
        leave=(Leave(datetime(2027, 1, 4, 0, 0), datetime(2027, 1, 5, 0, 0), LeaveKind.ANNUAL),),
    )


def _write(tmp_path: Path, docket: Docket, name: str) -> Path:
    path = tmp_path / name
    path.write_text(write_docket(docket), encoding="utf-8")
    return path


def test_a_stale_case_edit_after_a_replace_never_lands_on_another_respondent(
    database: Database, tmp_path: Path
) -> None:
    first = _docket(("100000001", "Ana One"), ("100000002", "Ben Two"), ("100000003", "Cy Three"))
    import_file(database, _write(tmp_path, first, "first.json"), judge_name=None)
    with database.transaction() as repo:
        judge = repo.judge_named("Ortiz")
        ids = repo.case_ids(judge.id)  # type: ignore[arg-type]
    clerks_view = case_service.get_case(database, ids["100000003"])  # Cy Three's Edit dialog
    # The judge replaces the docket: Cy Three is gone, Dee Four is new.
    second = _docket(("100000001", "Ana One"), ("100000002", "Ben Two"), ("100000004", "Dee Four"))
    import_file(database, _write(tmp_path, second, "second.json"), judge_name=None, replace=True)
    with pytest.raises(Conflict, match="no longer in this database"):
        case_service.update_case(database, replace(clerks_view, attorney="L. Chen"), clerks_view)
    with database.transaction() as repo:
        judge = repo.judge_named("Ortiz")
        docket = repo.load_docket(judge.id)  # type: ignore[arg-type]
    assert {(c.a_number, c.name, c.attorney) for c in docket.cases} == {
        ("100000001", "Ana One", None),
        ("100000002", "Ben Two", None),
        ("100000004", "Dee Four", None),
    }
    assert not set(ids.values()) & {c.id for c in docket.cases}


def test_a_stale_profile_edit_after_a_replace_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    import_file(database, _write(tmp_path, _docket(quota=700), "first.json"), judge_name=None)
    base = judge_service.judge_named(database, "Ortiz")
    assert base is not None
    import_file(
        database, _write(tmp_path, _docket(quota=500), "second.json"), judge_name=None, replace=True
    )
    with pytest.raises(Conflict):
        judge_service.save_profile(database, replace(base, quota=900), [], [], base)
    now = judge_service.judge_named(database, "Ortiz")
    assert now is not None
    assert now.quota == 500
    assert now.id != base.id
    _closures, leave = judge_service.calendar_of(database, now.id)  # type: ignore[arg-type]
    assert len(leave) == 1  # the replaced docket's leave is still there


def test_ids_of_removed_rows_are_not_given_again(database: Database) -> None:
    """Removing the newest judge (the highest ids) and adding another: SQLite without
    AUTOINCREMENT would hand the same ids out again."""

    def leave_ids() -> set[int]:
        with sqlite3.connect(database.path) as raw:
            return {row[0] for row in raw.execute("SELECT id FROM leave")}

    with database.transaction() as repo:
        first = repo.add_docket(_docket(("100000001", "Ana One")))
        case_ids = set(repo.case_ids(first).values())
    first_leave = leave_ids()
    with database.transaction() as repo:
        repo.remove_judge(first)
    with database.transaction() as repo:
        second = repo.add_docket(_docket(("100000001", "Ana One")))
        assert second != first
        assert not case_ids & set(repo.case_ids(second).values())
    assert leave_ids()
    assert not first_leave & leave_ids()


def test_rows_an_import_writes_record_who_wrote_them(database: Database, tmp_path: Path) -> None:
    database.editor = "jortiz"
    import_file(
        database,
        _write(tmp_path, _docket(("100000001", "Ana One")), "docket.json"),
        judge_name=None,
    )
    with sqlite3.connect(database.path) as raw:
        for table in ("judges", "cases"):
            # Constant table names, in a test.
            assert raw.execute(f"SELECT DISTINCT changed_by FROM {table}").fetchall() == [
                ("jortiz",)
            ]
