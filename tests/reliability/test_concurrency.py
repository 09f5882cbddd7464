"""Two users, one file: a judge and a clerk edit the same docket at once. No edit silently
overwrites another: a stale one is refused, saying who changed what."""

import os
import threading
from datetime import date
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.interchange.cases_csv import write_cases
from planner.services import cases as case_service
from planner.services.transfer import import_file
from planner.store.database import Database
from planner.store.errors import DatabaseBusy, StaleEdit

A_NUMBER = "123456789"


@pytest.fixture
def two_users(database_location: str):  # type: ignore[no-untyped-def]
    """A judge and a clerk on one database: a SQLite file, then a PostgreSQL server's."""
    judge_db, clerk_db = Database.open(database_location), Database.open(database_location)
    judge_db.editor, clerk_db.editor = "jortiz", "clerk2"
    with judge_db.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Ortiz"),
                cases=(
                    Case(A_NUMBER, "Ana Pérez", "asylum", date(2025, 1, 1), language="Spanish"),
                ),
            )
        )
        case_id = repo.case_ids(repo.judge_named("Ortiz").id)[A_NUMBER]  # type: ignore[arg-type]
    yield judge_db, clerk_db, case_id
    judge_db.close()
    clerk_db.close()


def test_a_stale_edit_is_refused_saying_who_changed_what(two_users) -> None:  # type: ignore[no-untyped-def]
    judge_db, clerk_db, case_id = two_users
    judges_view = case_service.get_case(judge_db, case_id)
    clerks_view = case_service.get_case(clerk_db, case_id)
    case_service.update_case(
        judge_db, replace(judges_view, language="Portuguese", remaining_minutes=90), judges_view
    )
    with pytest.raises(StaleEdit) as refused:
        case_service.update_case(clerk_db, replace(clerks_view, attorney="L. Chen"), clerks_view)
    message = str(refused.value)
    assert "A123-456-789 was changed by jortiz" in message
    assert "(language, remaining minutes)" in message
    assert "your change was not saved" in message
    stored = case_service.get_case(clerk_db, case_id)
    assert (stored.language, stored.remaining_minutes, stored.attorney) == ("Portuguese", 90, None)
    # Read again, the clerk's edit goes through.
    case_service.update_case(clerk_db, replace(stored, attorney="L. Chen"), stored)
    assert case_service.get_case(judge_db, case_id).attorney == "L. Chen"


def test_a_csv_import_counts_as_a_change_too(two_users, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    judge_db, clerk_db, case_id = two_users
    clerks_view = case_service.get_case(clerk_db, case_id)
    csv = tmp_path / "cases.csv"
    csv.write_text(write_cases([replace(clerks_view, language="French")]), encoding="utf-8")
    import_file(judge_db, csv, judge_name="Ortiz")
    with pytest.raises(StaleEdit, match=r"changed by jortiz .language."):
        case_service.update_case(clerk_db, replace(clerks_view, name="Ana P. Pérez"), clerks_view)


def test_edits_raced_from_two_connections_lose_nothing(two_users) -> None:  # type: ignore[no-untyped-def]
    """Both users add to the case's remaining minutes, each read-modify-write, as fast as they
    can; a refused edit is read again and retried. Every saved addition must be in the total."""
    judge_db, clerk_db, case_id = two_users
    case_service.update_case(
        judge_db, replace(case_service.get_case(judge_db, case_id), remaining_minutes=1)
    )
    per_user = int(os.environ.get("PLANNER_RACE_EDITS", "150"))  # more for a long run
    saved = {"jortiz": 0, "clerk2": 0}
    refused = {"jortiz": 0, "clerk2": 0}
    start = threading.Barrier(2)

    def edit(database: Database) -> None:
        start.wait()
        for _ in range(per_user):
            while True:
                seen = case_service.get_case(database, case_id)
                try:
                    case_service.update_case(
                        database, replace(seen, remaining_minutes=seen.remaining_minutes + 1), seen
                    )
                except (StaleEdit, DatabaseBusy):
                    refused[database.editor] += 1
                    continue
                saved[database.editor] += 1
                break

    users = [threading.Thread(target=edit, args=(db,)) for db in (judge_db, clerk_db)]
    for user in users:
        user.start()
    for user in users:
        user.join()
    final = case_service.get_case(judge_db, case_id)
    assert saved == {"jortiz": per_user, "clerk2": per_user}
    assert final.remaining_minutes == 1 + 2 * per_user  # no addition lost
    print(f"\nraced: {2 * per_user} edits saved, {sum(refused.values())} stale ones refused")


def test_a_locked_database_waits_briefly_then_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import planner.store.connection as store_connection

    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_MS", 100)
    database = Database.open(db_path)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with (
            pytest.raises(DatabaseBusy, match="locked by another program; try again"),
            database.transaction() as repo,
        ):
            repo.add_judge(Judge("Baker"))
    finally:
        other.rollback()
        other.close()
    with database.transaction() as repo:
        assert repo.judges() == []
    database.close()


def test_a_stale_profile_edit_is_refused(two_users) -> None:  # type: ignore[no-untyped-def]
    from planner.services import judges as judge_service

    judge_db, clerk_db, _case_id = two_users
    judges_view = judge_service.judge_named(judge_db, "Ortiz")
    clerks_view = judge_service.judge_named(clerk_db, "Ortiz")
    # The judge changes only the weekly sessions: the profile's version counts that too.
    judge_service.save_profile(
        judge_db, replace(judges_view, sessions=judges_view.sessions[:3]), [], [], judges_view
    )
    with pytest.raises(StaleEdit, match="profile of Ortiz was changed by jortiz"):
        judge_service.save_profile(clerk_db, replace(clerks_view, quota=500), [], [], clerks_view)
    stored = judge_service.judge_named(clerk_db, "Ortiz")
    assert (stored.quota, len(stored.sessions)) == (clerks_view.quota, 3)


def _import_when_told(db_path: str, csv: str, judge: str, start, results) -> None:  # type: ignore[no-untyped-def]
    database = Database.open(db_path)
    start.wait()
    try:
        import_file(database, Path(csv), judge_name=judge)
        results.put((judge, "ok"))
    except Exception as error:  # the test reports what went wrong
        results.put((judge, f"{type(error).__name__}: {error}"))
    finally:
        database.close()


def test_two_imports_into_different_judges_at_once_both_succeed(
    database_location: str, tmp_path: Path
) -> None:
    """Two processes, each importing a cases CSV into its own judge's docket at the same moment
    (each reads the docket, then writes): the second waits for the first, neither is refused."""
    import multiprocessing

    from tests.dockets import add_judge_with_cases

    database = Database.open(database_location)
    add_judge_with_cases(database, "Ortiz", 400, first=100_000_000)
    add_judge_with_cases(database, "Baker", 400, first=200_000_000)
    csvs = {}
    with database.transaction() as repo:
        for name in ("Ortiz", "Baker"):
            docket = repo.load_docket(repo.judge_named(name).id)  # type: ignore[union-attr,arg-type]
            csvs[name] = docket.cases
    database.close()
    context = multiprocessing.get_context("fork")
    rounds = int(os.environ.get("PLANNER_IMPORT_RACES", "6"))
    for round_ in range(rounds):
        for name, cases in csvs.items():
            path = tmp_path / f"{name}.csv"
            changed = [replace(case, remaining_minutes=60 + round_) for case in cases]
            path.write_text(write_cases(changed), encoding="utf-8")
        start, results = context.Barrier(2), context.Queue()
        workers = [
            context.Process(
                target=_import_when_told,
                args=(database_location, str(tmp_path / f"{name}.csv"), name, start, results),
            )
            for name in csvs
        ]
        for worker in workers:
            worker.start()
        outcomes = dict(results.get(timeout=60) for _ in workers)
        for worker in workers:
            worker.join(timeout=60)
        assert outcomes == {"Ortiz": "ok", "Baker": "ok"}, f"round {round_}"
