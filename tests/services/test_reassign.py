"""Reassigning cases between judges on a real database: each hearing's fate by the placement
rules, the forecasts before and after, one transaction, and undo."""

from datetime import date, datetime

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.time_off import Closure
from planner.services import reassign as service
from planner.store.database import Database
from tests.scheduling.court import add_court_of_three, at

AS_OF = datetime(2024, 10, 21, 8, 0)
FIRST, SECOND, THIRD = "100000001", "100000002", "100000003"


@pytest.fixture
def court(database: Database) -> Database:
    """Ruiz has three cases: hearings Mon 4 Nov 09:00 (Cole's court is closed that day for
    him), Thu 7 Nov 09:00 (Cole has a hearing then) and Thu 14 Nov 09:30."""
    return add_court_of_three(
        database,
        [(FIRST, at(4, 9, 0)), (SECOND, at(7, 9, 0)), (THIRD, at(14, 9, 30))],
        cole_closed=date(2024, 11, 4),
    )


def dockets(database: Database) -> dict[str, tuple[list[str], list[datetime]]]:
    found = {}
    with database.transaction() as repo:
        for judge in repo.judges():
            docket = repo.load_docket(judge.id)  # type: ignore[arg-type]
            found[judge.name] = (
                sorted(c.a_number for c in docket.cases),
                sorted(h.start for h in docket.hearings),
            )
    return found


def test_chosen_cases_keep_the_hearings_that_fit_and_list_the_others(court: Database) -> None:
    before = dockets(court)
    preview = service.preview_reassignment(court, "Ana Ruiz", ["Ben Cole"], [FIRST, SECOND], AS_OF)
    assert dockets(court) == before  # a preview stores nothing
    assert [(m.a_number, m.to_judge) for m in preview.moves] == [
        (FIRST, "Ben Cole"),
        (SECOND, "Ben Cole"),
    ]
    assert [(f.hearing.a_number, f.kept) for f in preview.fates] == [
        (FIRST, False),
        (SECOND, False),
    ]
    closed, clash = (f.reason for f in preview.fates)
    assert closed == "The court is closed on Mon 4 Nov 2024: Building maintenance"
    assert clash == "It overlaps the master hearing of A200-000-001 at 09:00-09:15"
    assert [f.judge for f in preview.before] == ["Ana Ruiz", "Ben Cole"]
    assert [f.pending_cases for f in preview.before] == [3, 1]
    assert [f.pending_cases for f in preview.after] == [1, 3]

    done = service.reassign(
        court, "Ana Ruiz", ["Ben Cole"], [FIRST, SECOND], AS_OF, previewed=preview
    )
    assert done.moves == preview.moves
    after = dockets(court)
    assert after["Ana Ruiz"] == ([THIRD], [at(14, 9, 30)])
    assert after["Ben Cole"] == ([FIRST, SECOND, "200000001"], [at(7, 9, 0)])

    service.undo_reassignment(court, done)
    assert dockets(court) == before
    service.redo_reassignment(court, done)
    assert dockets(court) == after


def test_a_whole_docket_is_shared_among_judges_by_their_pending_cases(court: Database) -> None:
    done = service.reassign(court, "Ana Ruiz", ["Ben Cole", "Cy Diaz"], None, AS_OF)
    # Each goes to the judge with the fewest pending cases (Diaz none, Cole one), the first
    # named on a tie.
    assert [(m.a_number, m.to_judge) for m in done.moves] == [
        (FIRST, "Cy Diaz"),
        (SECOND, "Ben Cole"),
        (THIRD, "Cy Diaz"),
    ]
    assert [(f.hearing.a_number, f.to_judge, f.kept) for f in done.fates] == [
        (FIRST, "Cy Diaz", True),
        (SECOND, "Ben Cole", False),  # Cole hears another case then
        (THIRD, "Cy Diaz", True),
    ]
    assert dockets(court)["Ana Ruiz"] == ([], [])
    assert [f.judge for f in done.after] == ["Ana Ruiz", "Ben Cole", "Cy Diaz"]
    assert done.as_json()["cases"][0] == {
        "a_number": "A100-000-001",
        "name": "Rosa Díaz",
        "to": "Cy Diaz",
    }


def test_a_preview_that_no_longer_holds_is_refused(court: Database) -> None:
    preview = service.preview_reassignment(court, "Ana Ruiz", ["Cy Diaz"], [THIRD], AS_OF)
    service_closure(court, "Cy Diaz", date(2024, 11, 14))
    with pytest.raises(InvalidValue, match="changed since the preview"):
        service.reassign(court, "Ana Ruiz", ["Cy Diaz"], [THIRD], AS_OF, previewed=preview)
    assert dockets(court)["Ana Ruiz"][0] == [FIRST, SECOND, THIRD]


def service_closure(database: Database, judge: str, day: date) -> None:
    with database.transaction() as repo:
        stored = repo.judge_named(judge)
        closures, leave = repo.calendar(stored.id)  # type: ignore[union-attr, arg-type]
        repo.replace_calendar(stored.id, [*closures, Closure(day, "Snow")], leave)  # type: ignore[union-attr, arg-type]


def test_bad_requests_are_refused_with_their_reason(court: Database) -> None:
    with pytest.raises(InvalidValue, match="A200-000-001 is not on Ana Ruiz's docket"):
        service.preview_reassignment(court, "Ana Ruiz", ["Ben Cole"], ["200000001"], AS_OF)
    with pytest.raises(InvalidValue, match="already"):
        service.preview_reassignment(court, "Ana Ruiz", ["Ana Ruiz"], None, AS_OF)
