"""A re-plan stored: a previewed one applied all or nothing, worked out and stored in one
transaction (``planner replan --apply``), and undone and redone, each in one transaction."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Docket, Hearing
from planner.domain.notices import NoticeEvent, ServedNotice
from planner.domain.vocabulary import HearingKind
from planner.services import calendar as calendar_service
from planner.services import replanning
from planner.services.autoschedule import propose_replan
from planner.store.database import Database
from planner.store.errors import StaleEdit
from tests.scheduling.court import CLOSURES, JUDGE, LEAVE, at, case

FIRST = date(2024, 11, 1)
NOTICED, SECOND, THIRD = "300000001", "300000002", "300000003"


def seed_replan(database: Database) -> int:
    """Thursday 21 Nov 2024 is on leave (tests/scheduling/court.py) with three master hearings
    booked before it was, at 09:00, 09:15 and 09:30; the first's notice was served. The judge's
    id."""
    cases = tuple(case(a) for a in (NOTICED, SECOND, THIRD))
    hearings = tuple(
        Hearing(a, at(21, 9, 15 * i), 15, HearingKind.MASTER)
        for i, a in enumerate((NOTICED, SECOND, THIRD))
    )
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(JUDGE, CLOSURES, LEAVE, cases=cases, hearings=hearings))
        ids = {h.a_number: h.id for h in repo.load_docket(judge_id).hearings}
        case_ids = repo.case_ids(judge_id)
        repo.notices().add_notices(
            [
                ServedNotice(
                    ids[NOTICED],  # type: ignore[arg-type]
                    case_ids[NOTICED],
                    NoticeEvent.SET,
                    at(21, 9),
                    15,
                    HearingKind.MASTER,
                    JUDGE.name,
                    date(2024, 10, 20),
                )
            ]
        )
    return judge_id


def starts(database: Database) -> dict[str, datetime]:
    rows = calendar_service.agenda(database, 1, date(2024, 1, 1), date(2025, 12, 31))
    return {h.a_number: h.start for h in rows}


def test_a_previewed_replan_is_applied_and_undone_and_redone_whole(database: Database) -> None:
    seed_replan(database)
    before = starts(database)
    plan = propose_replan(database, JUDGE.name, FIRST)
    assert starts(database) == before  # a preview stores nothing
    done = replanning.apply_replan(database, JUDGE.name, plan)
    after = starts(database)
    assert after[NOTICED] == before[NOTICED]  # pinned
    assert (after[SECOND], after[THIRD]) == (at(25, 8, 30), at(25, 8, 45))
    assert done.describe() == "Moved 2 hearings on Ana Ruiz's calendar."
    replanning.undo_replan(database, done)
    assert starts(database) == before
    replanning.redo_replan(database, done)
    assert starts(database) == after


def test_a_stale_replan_moves_nothing(database: Database) -> None:
    seed_replan(database)
    plan = propose_replan(database, JUDGE.name, FIRST, move_noticed=True)
    with database.transaction() as repo:
        third = next(h for h in repo.load_docket(1).hearings if h.a_number == THIRD)
    calendar_service.restore_hearing(
        database, Hearing(THIRD, at(22, 13), 15, third.kind, id=third.id)
    )
    before = starts(database)
    with pytest.raises(StaleEdit, match="A300-000-003 on Thu 21 Nov 09:30 changed since"):
        replanning.apply_replan(database, JUDGE.name, plan)
    assert starts(database) == before


def test_replan_and_apply_moves_the_noticed_only_when_asked_and_says_so(
    database: Database,
) -> None:
    seed_replan(database)
    plan, done = replanning.replan_and_apply(database, JUDGE.name, FIRST, move_noticed=True)
    assert plan.noticed_moved == 1
    assert len(done.moved) == 3
    assert done.describe() == (
        "Moved 3 hearings on Ana Ruiz's calendar, 1 of them noticed: serve new notices."
    )
    assert all(start.day != 21 for start in starts(database).values())
