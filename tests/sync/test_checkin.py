"""Check-out and check-in between two real SQLite files, a court server's and a laptop's, with
edits made through the store as the window makes them (issue 17)."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.sync.merge import CollisionKind, Side
from tests.sync.offline_docket import (
    JUDGE,
    a_number,
    add_case,
    add_hearing,
    case_named,
    complete_case,
    contents,
    delete_hearings_of,
    docket,
    edit_case,
    hearings_of,
    make_server,
    move_hearing,
)

AT = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


@pytest.fixture
def server(tmp_path: Path) -> Path:
    return make_server(tmp_path / "server.sqlite")


@pytest.fixture
def laptop(tmp_path: Path, server: Path) -> Path:
    path = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, path, at=AT)
    return path


def test_checkout_copies_the_docket_and_the_server_knows_who_since_when(
    server: Path, laptop: Path, tmp_path: Path
) -> None:
    assert contents(laptop) == contents(server)
    again = checkout(str(server), JUDGE.upper(), tmp_path / "second.sqlite", at=AT)
    assert len(again.others) == 1  # the first check-out, by whom and since when
    assert "since 2026-12-06 08:00 UTC" in again.others[0]
    assert str(laptop.absolute()) in again.others[0]


def test_edits_on_different_things_merge_both_ways(server: Path, laptop: Path) -> None:
    edit_case(laptop, a_number(0), attorney="Lee Counsel")
    edit_case(server, a_number(0), remaining_minutes=90)
    edit_case(server, a_number(1), name="Person One")
    add_case(laptop, "300000001", "Laptop Case")
    add_case(server, "300000002", "Server Case")
    add_hearing(laptop, "300000001", datetime(2027, 1, 5, 9, 0))
    add_hearing(server, "300000002", datetime(2027, 1, 6, 9, 0))

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.collisions
    for path in (server, laptop):
        case = case_named(path, a_number(0))
        assert (case.attorney, case.remaining_minutes) == ("Lee Counsel", 90)
        assert case_named(path, a_number(1)).name == "Person One"
        assert case_named(path, "300000001").name == "Laptop Case"
        assert case_named(path, "300000002").name == "Server Case"
        assert len(hearings_of(path, "300000001")) == len(hearings_of(path, "300000002")) == 1
    assert contents(server) == contents(laptop)
    # Keys made apart: each side's new case kept its own identity (no id was taken from the other).
    assert len(docket(server).cases) == 6


def test_a_second_checkin_changes_nothing(server: Path, laptop: Path) -> None:
    edit_case(laptop, a_number(2), attorney="A")
    edit_case(server, a_number(3), attorney="B")
    checkin(laptop, str(server))
    before = server.read_bytes()
    result = checkin(laptop, str(server))
    assert result.applied
    assert not result.server_changes
    assert not result.laptop_changes
    assert server.read_bytes() == before


def test_the_same_case_changed_on_both_sides_is_listed_and_nothing_applied(
    server: Path, laptop: Path
) -> None:
    edit_case(laptop, a_number(0), remaining_minutes=120, attorney="Laptop Counsel")
    edit_case(server, a_number(0), remaining_minutes=45, name="Server Name")
    server_before, laptop_before = contents(server), contents(laptop)

    result = checkin(laptop, str(server))

    assert not result.applied
    (collision,) = result.unsettled
    assert collision.kind is CollisionKind.SAME_ROW
    assert collision.fields == ("remaining_minutes",)
    assert collision.version_lines(Side.LAPTOP) == ["Remaining minutes: 120"]
    assert collision.version_lines(Side.SERVER) == ["Remaining minutes: 45"]
    assert collision.laptop_stamp.when is not None
    assert collision.server_stamp.when is not None
    assert contents(server) == server_before
    assert contents(laptop) == laptop_before

    settled = checkin(laptop, str(server), settlements={collision.id: {"remaining_minutes": 75}})

    assert settled.applied
    for path in (server, laptop):
        case = case_named(path, a_number(0))
        assert (case.remaining_minutes, case.attorney, case.name) == (
            75,
            "Laptop Counsel",
            "Server Name",
        )


def test_two_hearings_now_in_one_slot_collide(server: Path, laptop: Path) -> None:
    slot = datetime(2027, 1, 11, 9, 0)
    add_hearing(laptop, a_number(2), slot)
    add_hearing(server, a_number(3), slot)

    result = checkin(laptop, str(server))

    (collision,) = result.unsettled
    assert collision.kind is CollisionKind.ONE_SLOT
    settled = checkin(laptop, str(server), keep=Side.SERVER)
    assert settled.applied
    assert not settled.conflicts
    for path in (server, laptop):
        assert hearings_of(path, a_number(2)) == []
        assert [h.start for h in hearings_of(path, a_number(3))] == [slot]


def test_a_case_completed_on_one_side_and_rescheduled_on_the_other_collides(
    server: Path, laptop: Path
) -> None:
    complete_case(laptop, a_number(0), date(2026, 12, 1))
    move_hearing(server, a_number(0), datetime(2027, 1, 12, 9, 0))

    result = checkin(laptop, str(server))

    kinds = {c.kind for c in result.unsettled}
    assert CollisionKind.COMPLETED_AND_RESCHEDULED in kinds
    settled = checkin(laptop, str(server), keep=Side.LAPTOP)
    assert settled.applied
    case = case_named(server, a_number(0))
    assert case.status == "completed"
    assert [h.start for h in hearings_of(server, a_number(0))] == [datetime(2027, 1, 4, 9, 0)]


def test_the_merge_is_checked_against_every_placement_rule(server: Path, laptop: Path) -> None:
    """Leave taken on the server over a day the laptop booked: no row collides, the Conflicts
    pane's check finds it."""
    add_hearing(laptop, a_number(2), datetime(2027, 1, 13, 9, 0))
    database = Database.open(server)
    with database.transaction() as repo:
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        assert judge.id is not None
        from planner.domain.time_off import Leave

        repo.replace_calendar(judge.id, (), (Leave.days(date(2027, 1, 13), date(2027, 1, 13)),))
    database.close()

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.collisions
    assert len(result.conflicts) == 1
    assert "2027-01-13 09:00" in result.conflicts[0]


def test_unsettled_checkin_leaves_the_server_untouched_byte_for_byte(
    server: Path, laptop: Path
) -> None:
    edit_case(laptop, a_number(1), remaining_minutes=100)
    edit_case(server, a_number(1), remaining_minutes=200)
    before = server.read_bytes()
    assert not checkin(laptop, str(server)).applied
    assert server.read_bytes() == before


def test_a_case_removed_and_put_back_by_undo_is_the_same_case(server: Path, laptop: Path) -> None:
    """Undo puts a removed case back as a new row (a new identity): matched by its A-number, it
    is the case the server changed, not a removal and a second case of one A-number."""
    from tests.sync.offline_docket import delete_case, delete_hearings_of

    removed = case_named(laptop, a_number(2))
    delete_hearings_of(laptop, a_number(2))
    delete_case(laptop, a_number(2))
    add_case(laptop, removed.a_number, removed.name)  # as the undo of the removal does
    edit_case(laptop, a_number(2), received=removed.received)
    edit_case(server, a_number(2), attorney="Server Counsel")

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.collisions
    assert case_named(server, a_number(2)).attorney == "Server Counsel"
    assert len(docket(server).cases) == 4


def _hearing_keys(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(path) as raw:
        return sorted(raw.execute("SELECT uid, start FROM hearings WHERE uid IS NOT NULL"))


def test_a_hearing_removed_and_set_again_in_its_place_leaves_both_files_alike(
    server: Path, tmp_path: Path
) -> None:
    """Found by the check-in property test: the server's clerk takes a hearing off and sets it
    again in the same place; the merge knows it as the hearing checked out (nothing to carry),
    and both files must then hold it under one key, or the next check-in compares two."""
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    before = hearings_of(server, a_number(0))
    assert before  # the court's docket has hearings for this case
    delete_hearings_of(server, a_number(0))
    for hearing in before:
        add_hearing(server, a_number(0), hearing.start, hearing.minutes)

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.collisions
    assert not result.server_changes  # nothing to carry either way
    assert not result.laptop_changes
    assert _hearing_keys(laptop) == _hearing_keys(server)
    assert [h.start for h in hearings_of(server, a_number(0))] == [h.start for h in before]
