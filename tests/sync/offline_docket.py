"""A court server's file with one judge's small docket, and edits made as the window makes them."""

from datetime import date, datetime
from pathlib import Path

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind
from planner.store.database import Database

JUDGE = "Ana Ruiz"
#: A Monday: master sessions 08:30-12:00, individual 13:00-16:30 (the standard week).
MONDAY = date(2027, 1, 4)


def a_number(i: int) -> str:
    return str(200_000_000 + i)


def case_of_number(i: int) -> Case:
    """The docket's case ``i``, as make_server adds it."""
    return Case(a_number(i), f"Person {i}", "asylum", date(2025, 1, 1))


def make_server(path: Path, cases: int = 4) -> Path:
    database = Database.open(path)
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge(JUDGE, timezone="America/Los_Angeles"),
                cases=tuple(case_of_number(i) for i in range(cases)),
                hearings=(
                    Hearing(a_number(0), datetime(2027, 1, 4, 9, 0), 60, HearingKind.MASTER),
                    Hearing(a_number(1), datetime(2027, 1, 4, 10, 0), 60, HearingKind.MASTER),
                ),
            )
        )
    database.close()
    return path


def docket(path: Path) -> Docket:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(JUDGE)
            assert judge is not None
            assert judge.id is not None
            return repo.load_docket(judge.id)
    finally:
        database.close()


def case_named(path: Path, number: str) -> Case:
    found = {c.a_number: c for c in docket(path).cases}
    return found[number]


def edit_case(path: Path, number: str, **changes: object) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            ids = repo.case_ids(_judge_id(repo))
            case = repo.case(ids[number])
            repo.update_case(replace(case, **changes), base=case)
    finally:
        database.close()


def complete_case(path: Path, number: str, day: date) -> None:
    edit_case(
        path,
        number,
        status=CaseStatus.COMPLETED,
        completion_date=day,
        completion_kind=CompletionKind.RELIEF_GRANTED,
    )


def add_case(path: Path, number: str, name: str) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            repo.add_case(_judge_id(repo), Case(number, name, "asylum", date(2025, 2, 1)))
    finally:
        database.close()


def delete_case(path: Path, number: str) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            repo.delete_case(repo.case_ids(_judge_id(repo))[number])
    finally:
        database.close()


def add_hearing(path: Path, number: str, start: datetime, minutes: int = 60) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            case_id = repo.case_ids(_judge_id(repo))[number]
            repo.add_hearing(case_id, Hearing(number, start, minutes, HearingKind.MASTER))
    finally:
        database.close()


def hearings_of(path: Path, number: str) -> list[Hearing]:
    return [h for h in docket(path).hearings if h.a_number == number]


def move_hearing(path: Path, number: str, start: datetime) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            case_id = repo.case_ids(_judge_id(repo))[number]
            (hearing, *_rest) = repo.hearings_of(case_id)
            repo.update_hearing(replace(hearing, start=start))
    finally:
        database.close()


def delete_hearings_of(path: Path, number: str) -> None:
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            case_id = repo.case_ids(_judge_id(repo))[number]
            repo.delete_hearings([h.id for h in repo.hearings_of(case_id) if h.id is not None])
    finally:
        database.close()


def _judge_id(repo: object) -> int:
    judge = repo.judge_named(JUDGE)  # type: ignore[attr-defined]
    assert judge is not None
    assert judge.id is not None
    return int(judge.id)


def notices_served(path: Path) -> tuple[tuple[object, ...], ...]:
    """The notices served on the judge's cases: (A-number, event, start, day served), sorted."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge_id = _judge_id(repo)
            numbers = {case_id: number for number, case_id in repo.case_ids(judge_id).items()}
            served = repo.notices().served_for(judge_id)
    finally:
        database.close()
    return tuple(sorted((numbers[n.case_id], n.event.value, n.start, n.served) for n in served))


def contents(path: Path) -> tuple[object, ...]:
    """Everything of the judge's docket that a check-in could change, ids aside."""
    found = docket(path)
    return (
        notices_served(path),
        found.judge.name,
        found.judge.sessions,
        found.closures,
        found.leave,
        tuple(sorted((replace(c, id=None) for c in found.cases), key=lambda c: c.a_number)),
        tuple(
            sorted(
                (replace(h, id=None) for h in found.hearings), key=lambda h: (h.a_number, h.start)
            )
        ),
    )
