"""Notices served travel with the docket (issue 17, with issue 19's notices): check-out copies
the notices of the judge's hearings to the laptop, and check-in merges them both ways like every
other edit: a notice served on either side is kept on both, so the Notices queue of each lists
a hearing as noticed (and a re-plan pins it) whichever side served its notice."""

from datetime import date, datetime
from pathlib import Path

import pytest

from planner.cli import main
from planner.domain.notices import ServedNotice
from planner.services import notices as notice_service
from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.sync.merge import CollisionKind, Side
from tests.sync.offline_docket import (
    JUDGE,
    a_number,
    delete_case,
    delete_hearings_of,
    docket,
    edit_case,
    make_server,
    move_hearing,
)

#: The day the queues are read and notices served: the hearings are on Monday 4 January 2027.
TODAY = date(2026, 12, 10)
AT = datetime(2026, 12, 6, 8, 0)


def _queue(path: Path | str, today: date = TODAY) -> list[tuple[str, str, datetime]]:
    """The judge's Notices queue on a file or server: (event, A-number, start) of each."""
    database = Database.open(path)
    try:
        queue = notice_service.load_queue(database, JUDGE, today)
    finally:
        database.close()
    return [(d.event.value, d.hearing.a_number, d.hearing.start) for d in queue.due]


def _serve(path: Path | str, number: str, on: date = TODAY) -> tuple[ServedNotice, ...]:
    """Mark the case's notice due served (as the Notices queue's Mark Served does)."""
    database = Database.open(path)
    try:
        queue = notice_service.load_queue(database, JUDGE, on)
        due = [d for d in queue.due if d.hearing.a_number == number]
        assert due, f"no notice of {number} is due"
        return notice_service.mark_served(database, JUDGE, due, on)
    finally:
        database.close()


def _served(path: Path | str) -> list[tuple[str, str, datetime, date]]:
    """Every notice served on the judge's cases: (A-number, event, start, day served)."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(JUDGE)
            assert judge is not None
            assert judge.id is not None
            numbers = {i: n for n, i in repo.case_ids(judge.id).items()}
            found = repo.notices().served_for(judge.id)
    finally:
        database.close()
    return sorted((numbers[n.case_id], n.event.value, n.start, n.served) for n in found)


def _noticed(path: Path | str) -> set[str]:
    """The A-numbers whose hearing the parties were told of as it stands (a re-plan pins it)."""
    from planner.domain.notices import noticed_hearings

    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(JUDGE)
            assert judge is not None
            assert judge.id is not None
            hearings = {
                h.id: h.a_number
                for number, case_id in repo.case_ids(judge.id).items()
                for h in repo.hearings_of(case_id)
            }
            served = repo.notices().served_for(judge.id)
            starts = [
                (h.id, h.start)
                for case_id in repo.case_ids(judge.id).values()
                for h in repo.hearings_of(case_id)
                if h.id is not None
            ]
    finally:
        database.close()
    return {hearings[i] for i in noticed_hearings(starts, served)}


H0 = datetime(2027, 1, 4, 9, 0)
H1 = datetime(2027, 1, 4, 10, 0)


@pytest.fixture
def server(tmp_path: Path) -> Path:
    return make_server(tmp_path / "server.sqlite")


def test_checkout_copies_the_notices_of_the_judges_hearings(server: Path, tmp_path: Path) -> None:
    _serve(server, a_number(0))
    laptop = tmp_path / "laptop.sqlite"

    checkout(str(server), JUDGE, laptop, at=AT)

    assert _served(laptop) == _served(server) == [(a_number(0), "set", H0, TODAY)]
    assert _queue(laptop) == [("set", a_number(1), H1)]  # hearing 0 is noticed on the laptop
    assert _noticed(laptop) == {a_number(0)}


def test_a_notice_served_on_the_laptop_reaches_the_server_through_the_command_line(
    qapp, server: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    # In process, `planner notices --out` paints on the running application (pytest-qt's qapp:
    # a QGuiApplication of its own would abort the window tests that follow in this process).
    laptop = tmp_path / "laptop.sqlite"
    assert main(["checkout", "--from", str(server), "--judge", JUDGE, "--db", str(laptop)]) == 0
    pdf = tmp_path / "notices.pdf"
    assert (
        main(
            [
                "notices",
                "--db",
                str(laptop),
                "--out",
                str(pdf),
                "--mark-served",
                "--as-of",
                TODAY.isoformat(),
            ]
        )
        == 0
    )
    assert "Marked 2 served" in capsys.readouterr().out
    assert _queue(laptop) == []

    assert main(["checkin", "--db", str(laptop), "--to", str(server)]) == 0

    assert "2 change(s) on the server" in capsys.readouterr().out
    expected = [(a_number(0), "set", H0, TODAY), (a_number(1), "set", H1, TODAY)]
    assert _served(server) == expected
    assert _queue(server) == []  # the server's queue no longer lists them
    assert _noticed(server) == {a_number(0), a_number(1)}  # a re-plan pins them
    assert main(["notices", "--db", str(server), "--as-of", TODAY.isoformat()]) == 0
    assert "No notices to serve" in capsys.readouterr().out
    # A second check-in changes nothing.
    assert main(["checkin", "--db", str(laptop), "--to", str(server)]) == 0
    assert "0 change(s) on the server, 0 taken to the laptop" in capsys.readouterr().out
    assert _served(laptop) == _served(server) == expected


def test_notices_served_on_each_side_are_kept_on_both(server: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    _serve(laptop, a_number(0))
    _serve(server, a_number(1), date(2026, 12, 11))

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.collisions
    expected = [(a_number(0), "set", H0, TODAY), (a_number(1), "set", H1, date(2026, 12, 11))]
    assert _served(server) == _served(laptop) == expected
    assert _queue(server) == _queue(laptop) == []
    assert not checkin(laptop, str(server)).server_changes


def test_a_notice_served_on_the_laptop_for_a_moved_hearing_follows_it(
    server: Path, tmp_path: Path
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    moved = datetime(2027, 1, 11, 9, 0)
    move_hearing(laptop, a_number(0), moved)
    _serve(laptop, a_number(0))

    assert checkin(laptop, str(server)).applied

    assert _served(server) == [(a_number(0), "set", moved, TODAY)]
    assert _noticed(server) == {a_number(0)}
    assert _queue(server) == [("set", a_number(1), H1)]


def test_a_cancellation_served_offline_reaches_the_server(server: Path, tmp_path: Path) -> None:
    """Hearing 1 was noticed on the server; offline it is taken off and the cancellation is
    served: the server, whose hearing goes with the merge, has both notices, and nothing due."""
    _serve(server, a_number(1))
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    delete_hearings_of(laptop, a_number(1))
    assert ("cancelled", a_number(1), H1) in _queue(laptop)
    _serve(laptop, a_number(1), date(2026, 12, 12))

    assert checkin(laptop, str(server)).applied

    expected = [(a_number(1), "cancelled", H1, date(2026, 12, 12)), (a_number(1), "set", H1, TODAY)]
    assert _served(server) == _served(laptop) == expected
    assert [h.a_number for h in docket(server).hearings] == [a_number(0)]
    assert _queue(server, date(2026, 12, 12)) == [("set", a_number(0), H0)]


def test_a_notice_served_on_a_case_the_other_side_removed_is_a_collision(
    server: Path, tmp_path: Path
) -> None:
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    _serve(laptop, a_number(0))
    delete_case(server, a_number(0))

    stopped = checkin(laptop, str(server))

    assert not stopped.applied
    (collision,) = stopped.unsettled
    assert collision.kind is CollisionKind.CASE_REMOVED
    assert any("notice served 2026-12-10" in line for line in collision.version_lines(Side.LAPTOP))
    # The removed case is named by its A-number, not its identity.
    assert "case A200-000-000: not there" in collision.version_lines(Side.SERVER)
    assert checkin(laptop, str(server), keep=Side.LAPTOP).applied
    assert _served(server) == [(a_number(0), "set", H0, TODAY)]
    assert a_number(0) in {c.a_number for c in docket(server).cases}


def test_undoing_a_notice_on_the_laptop_takes_it_back_on_the_server(
    server: Path, tmp_path: Path
) -> None:
    _serve(server, a_number(0))
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    database = Database.open(laptop)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        assert judge.id is not None
        served = repo.notices().served_for(judge.id)
    notice_service.unmark_served(database, served)  # the undo of Mark Served, on the laptop
    database.close()
    edit_case(laptop, a_number(2), attorney="Counsel")

    assert checkin(laptop, str(server)).applied

    assert _served(server) == []
    assert ("set", a_number(0), H0) in _queue(server)


def test_a_checkout_made_before_notices_were_carried_still_merges_them(
    server: Path, tmp_path: Path
) -> None:
    """A laptop's base kept before notices were carried has none: the notices of both sides
    are then each one side's additions, kept on both."""
    import json

    from sqlalchemy import update

    from planner.store.tables import CheckoutCopyRow, NoticeRow

    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    database = Database.open(laptop)
    with database.transaction() as repo:
        session = repo._session
        (row,) = session.query(CheckoutCopyRow).all()
        base = json.loads(row.base)
        base["rows"].pop("notice", None)
        session.execute(update(CheckoutCopyRow).values(base=json.dumps(base)))
        assert session.query(NoticeRow).count() == 0
    database.close()
    _serve(laptop, a_number(0))
    _serve(server, a_number(1))

    assert checkin(laptop, str(server)).applied

    assert _served(server) == _served(laptop)
    assert len(_served(server)) == 2
    assert not checkin(laptop, str(server)).server_changes
