"""The process the kill test kills: it applies numbered edits to a database, one transaction
each, and prints ``ok N`` after edit N is saved (its transaction committed), until it is killed.

Run as ``python kill_worker.py DATABASE FIRST``. Every edit is a function of its number alone, so
the test knows what each confirmed edit must have left in the file.
"""

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.interchange.cases_csv import write_cases
from planner.interchange.docket_json import write_docket
from planner.services import cases as case_service
from planner.services import judges as judge_service
from planner.services.transfer import import_file
from planner.store.database import Database

#: What edit N does is KINDS[N % 7].
KINDS = ("batch", "edit", "import", "edit", "add", "remove", "docket")
BATCH_CASES = 400  # a docket of this many cases, each with one hearing, in one transaction
IMPORT_CASES = 40  # a cases CSV of this many rows
POOL = 20  # the cases the edits rename
IMPORTS_JUDGE = "Imports"


def pool_a_number(k: int) -> str:
    return f"5{k:08d}"


def import_a_number(n: int, k: int) -> str:
    return f"3{n:05d}{k:03d}"


def added_a_number(n: int) -> str:
    return f"4{n:08d}"


def batch_a_number(n: int, k: int) -> str:
    return f"6{n:05d}{k:03d}"


def edit_target(n: int) -> int:
    return n % POOL


def setup(database: Database) -> None:
    """The docket the edits work on: a judge with the pool of cases to rename."""
    cases = tuple(
        Case(pool_a_number(k), f"pool {k}", "asylum", date(2025, 1, 1)) for k in range(POOL)
    )
    judge_service.restore_judge(database, Docket(Judge(IMPORTS_JUDGE), cases=cases))


def batch_docket(n: int) -> Docket:
    cases = tuple(
        Case(batch_a_number(n, k), f"batch {n} case {k}", "removal", date(2025, 3, 1))
        for k in range(BATCH_CASES)
    )
    start = datetime(2027, 1, 4, 9)
    hearings = tuple(
        Hearing(case.a_number, start + timedelta(days=k // 8, hours=k % 8), 30, HearingKind.MASTER)
        for k, case in enumerate(cases)
    )
    return Docket(Judge(f"Batch {n}"), cases=cases, hearings=hearings)


def docket_file(n: int) -> str:
    """A docket file (JSON) of a judge ``Docket N``, as 'planner import' reads it."""
    docket = batch_docket(n)
    cases = tuple(replace(c, a_number="7" + c.a_number[1:]) for c in docket.cases)
    hearings = tuple(replace(h, a_number="7" + h.a_number[1:]) for h in docket.hearings)
    return write_docket(Docket(Judge(f"Docket {n}"), cases=cases, hearings=hearings))


def apply(database: Database, n: int, folder: Path) -> None:
    kind = KINDS[n % len(KINDS)]
    if kind == "batch":
        judge_service.restore_judge(database, batch_docket(n))
    elif kind == "docket":
        path = folder / f"docket-{n}.json"
        path.write_text(docket_file(n), encoding="utf-8")
        import_file(database, path, judge_name=None)
    elif kind == "edit":
        with database.transaction() as repo:
            judge = repo.judge_named(IMPORTS_JUDGE)
            assert judge is not None
            assert judge.id is not None
            case_id = repo.case_ids(judge.id)[pool_a_number(edit_target(n))]
            case = repo.case(case_id)
            repo.update_case(replace(case, name=f"edited {n}", remaining_minutes=n % 500 + 1))
    elif kind == "import":
        rows = [
            Case(import_a_number(n, k), f"imported {n} {k}", "asylum", date(2025, 2, 1))
            for k in range(IMPORT_CASES)
        ]
        csv = folder / f"import-{n}.csv"
        csv.write_text(write_cases(rows), encoding="utf-8")
        import_file(database, csv, judge_name=IMPORTS_JUDGE)
    elif kind == "add":
        judge = judge_service.judge_named(database, IMPORTS_JUDGE)
        assert judge is not None
        assert judge.id is not None
        case_service.add_case(
            database, judge.id, Case(added_a_number(n), f"added {n}", "asylum", date(2025, 4, 1))
        )
    elif judge_service.judge_named(database, f"Batch {n - 5}") is not None:  # remove
        judge_service.remove_named(database, f"Batch {n - 5}")


def main() -> None:
    path, first = Path(sys.argv[1]), int(sys.argv[2])
    database = Database.open(path)
    print("ready", flush=True)
    n = first
    while True:
        apply(database, n, path.parent)
        print(f"ok {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
