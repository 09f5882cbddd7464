"""Check-out from, and check-in to, a court server on PostgreSQL (issue 17): the same engine-
neutral rows as on SQLite (``planner.store.sync_rows``), a postgresql:// URL as the server."""

from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.services.offline import checkin, checkout
from planner.store.sessions import Sessions
from planner.store.sync_rows import SyncRows
from planner.sync.merge import CollisionKind, Side
from planner.sync.state import DocketState, Kind
from tests.sync.offline_docket import a_number, case_named, edit_case

JUDGE = "Ana Ruiz"


@pytest.fixture
def server(postgres_url: str) -> str:
    sessions = Sessions.on_server(postgres_url)
    sessions.upgrade_schema()
    with sessions.transaction("clerk") as repo:
        repo.add_docket(
            Docket(
                Judge(JUDGE),
                cases=tuple(
                    Case(a_number(i), f"Person {i}", "asylum", date(2025, 1, 1)) for i in range(3)
                ),
                hearings=(Hearing(a_number(0), datetime(2027, 1, 4, 9), 60, HearingKind.MASTER),),
            )
        )
    sessions.close()
    return postgres_url


def _server_state(url: str) -> DocketState:
    sessions = Sessions.on_server(url)
    try:
        with sessions.transaction("clerk") as repo:
            rows = SyncRows(repo)
            judge_id = rows.judge_id_named(JUDGE)
            assert judge_id is not None
            return rows.read_state(judge_id)
    finally:
        sessions.close()


def _edit_on_server(url: str, number: str, **changes: object) -> None:
    sessions = Sessions.on_server(url)
    try:
        with sessions.transaction("clerk") as repo:
            case_id = repo.case_ids(1)[number]
            case = repo.case(case_id)
            repo.update_case(replace(case, **changes), base=case)
    finally:
        sessions.close()


def _case(state: DocketState, number: str) -> dict[str, object]:
    return next(dict(r) for r in state.table(Kind.CASE).values() if r["a_number"] == number)


def test_checkout_and_checkin_with_a_postgresql_server(server: str, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.sqlite"
    summary = checkout(server, JUDGE, laptop)
    assert (summary.cases, summary.hearings) == (3, 1)
    edit_case(laptop, a_number(0), attorney="Laptop Counsel", remaining_minutes=100)
    _edit_on_server(server, a_number(0), remaining_minutes=50)
    _edit_on_server(server, a_number(1), name="Server Name")

    stopped = checkin(laptop, server)

    assert not stopped.applied
    (collision,) = stopped.unsettled
    assert collision.kind is CollisionKind.SAME_ROW
    assert collision.server_stamp.who == "clerk"
    assert _case(_server_state(server), a_number(0))["attorney"] is None  # nothing applied

    done = checkin(laptop, server, keep=Side.LAPTOP)

    assert done.applied
    state = _server_state(server)
    assert _case(state, a_number(0))["attorney"] == "Laptop Counsel"
    assert _case(state, a_number(0))["remaining_minutes"] == 100
    assert _case(state, a_number(1))["name"] == "Server Name"
    assert case_named(laptop, a_number(1)).name == "Server Name"
    assert not checkin(laptop, server).server_changes  # a second check-in changes nothing


def test_notices_served_on_each_side_meet_on_a_postgresql_server_through_the_command_line(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server serves the notice of hearing 0 before the check-out and the laptop the one of
    a hearing it sets offline: after ``planner checkin`` both sides hold both notices, and
    neither Notices queue lists either hearing."""
    from planner.cli import main
    from planner.services import notices as notice_service
    from planner.store.database import Database
    from tests.sync.offline_docket import add_hearing

    today = date(2026, 12, 10)
    url = server if "sslmode=" in server else f"{server}?sslmode=disable"

    def queue(where: str) -> list[str]:
        database = Database.open(where)
        try:
            due = notice_service.load_queue(database, JUDGE, today).due
        finally:
            database.close()
        return [d.hearing.a_number for d in due]

    def serve(where: str) -> None:
        database = Database.open(where)
        try:
            due = notice_service.load_queue(database, JUDGE, today).due
            notice_service.mark_served(database, JUDGE, due, today)
        finally:
            database.close()

    serve(url)
    laptop = tmp_path / "laptop.sqlite"
    assert main(["checkout", "--from", server, "--judge", JUDGE, "--db", str(laptop)]) == 0
    assert queue(str(laptop)) == []  # the server's notice came with the docket
    add_hearing(laptop, a_number(1), datetime(2027, 1, 4, 10, 0))
    assert queue(str(laptop)) == [a_number(1)]
    serve(str(laptop))
    capsys.readouterr()

    assert main(["checkin", "--db", str(laptop), "--to", server]) == 0

    assert "2 change(s) on the server" in capsys.readouterr().out  # the hearing and its notice
    assert queue(url) == queue(str(laptop)) == []
    state = _server_state(server)
    assert len(state.table(Kind.NOTICE)) == 2
    assert main(["checkin", "--db", str(laptop), "--to", server]) == 0
    assert "0 change(s) on the server, 0 taken to the laptop" in capsys.readouterr().out
