"""What check-out and check-in do with the court's calendar and the notices served (issue 17):
the laptop carries the court's closures and settings read-only, refreshed at each check-in, so
its calendar and forecast agree with the server's; notices served on the server since the
check-out stay there through the check-in."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from planner.domain.notices import CourtSettings, NoticeEvent, ServedNotice
from planner.domain.records import replace
from planner.domain.time_off import Closure
from planner.domain.vocabulary import HearingKind
from planner.services.offline import checkin, checkout
from planner.store.database import Database
from planner.store.repository import Repository
from tests.sync.offline_docket import JUDGE, a_number, edit_case, make_server, move_hearing

AT = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
COURT = "Otay Mesa"
SNOW = Closure(date(2027, 1, 12), "Snow")
FLOOD = Closure(date(2027, 2, 3), "Flooded building")


@contextmanager
def _in(path: Path) -> Iterator[tuple[Repository, int]]:
    """One transaction on a file, with the judge's id."""
    database = Database.open(path)
    try:
        with database.transaction() as repo:
            judge = repo.judge_named(JUDGE)
            assert judge is not None
            assert judge.id is not None
            yield repo, judge.id
    finally:
        database.close()


def _server_of_a_court(tmp_path: Path) -> Path:
    server = make_server(tmp_path / "server.sqlite")
    with _in(server) as (repo, _judge_id):
        judge = repo.judge_named(JUDGE)
        assert judge is not None
        repo.update_judge(replace(judge, court=COURT), base=judge)
        repo.court_closures().replace(COURT, [SNOW])
        repo.notices().save_court(CourtSettings(COURT, "401 W A St", 14))
    return server


def _calendar_closures(path: Path) -> list[Closure]:
    with _in(path) as (repo, judge_id):
        closures, _leave = repo.calendar(judge_id)
        return sorted(closures, key=lambda c: c.day)


def _court(path: Path) -> tuple[CourtSettings, list[Closure]]:
    with _in(path) as (repo, _judge_id):
        return repo.notices().court(COURT), repo.court_closures().closures(COURT)


def test_checkout_carries_the_courts_closures_and_settings(tmp_path: Path) -> None:
    server = _server_of_a_court(tmp_path)
    laptop = tmp_path / "laptop.sqlite"

    checkout(str(server), JUDGE, laptop, at=AT)

    assert _court(laptop) == (CourtSettings(COURT, "401 W A St", 14), [SNOW])
    assert _calendar_closures(laptop) == _calendar_closures(server)
    assert [c.day for c in _calendar_closures(laptop)] == [SNOW.day]


def test_checkin_brings_the_servers_court_calendar_and_never_sends_the_laptops(
    tmp_path: Path,
) -> None:
    server = _server_of_a_court(tmp_path)
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    with _in(server) as (repo, _judge_id):  # the court closes again while the laptop is away
        repo.court_closures().replace(COURT, [SNOW, FLOOD])
        repo.notices().save_court(CourtSettings(COURT, "401 W A St", 21))
    with _in(laptop) as (repo, _judge_id):  # the laptop's copy is read-only: not sent back
        repo.court_closures().replace(COURT, [Closure(date(2027, 3, 1), "Laptop only")])

    result = checkin(laptop, str(server))

    assert result.applied
    assert not result.server_changes  # the court's calendar is no change of the docket
    expected = (CourtSettings(COURT, "401 W A St", 21), [SNOW, FLOOD])
    assert _court(server) == expected
    assert _court(laptop) == expected
    assert _calendar_closures(laptop) == _calendar_closures(server)
    assert [c.day for c in _calendar_closures(laptop)] == [SNOW.day, FLOOD.day]


def test_notices_served_on_the_server_since_checkout_stay_through_the_checkin(
    tmp_path: Path,
) -> None:
    server = make_server(tmp_path / "server.sqlite")
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop, at=AT)
    with _in(server) as (repo, judge_id):
        case_id = repo.case_ids(judge_id)[a_number(0)]
        (hearing,) = repo.hearings_of(case_id)
        assert hearing.id is not None
        served = repo.notices().add_notices(
            [
                ServedNotice(
                    hearing.id,
                    case_id,
                    NoticeEvent.SET,
                    hearing.start,
                    hearing.minutes,
                    HearingKind.MASTER,
                    JUDGE,
                    date(2026, 12, 7),
                )
            ]
        )
    # The laptop edits the case and moves the very hearing the notice was served for.
    edit_case(laptop, a_number(0), attorney="Lee Counsel")
    move_hearing(laptop, a_number(0), datetime(2027, 1, 5, 9, 0))

    result = checkin(laptop, str(server))

    assert result.applied
    with _in(server) as (repo, judge_id):
        assert repo.notices().served_for(judge_id) == served
        (moved,) = repo.hearings_of(repo.case_ids(judge_id)[a_number(0)])
        # The same hearing (its id kept), now differing from its notice: the Notices queue
        # lists it as needing another.
        assert (moved.id, moved.start) == (hearing.id, datetime(2027, 1, 5, 9, 0))
