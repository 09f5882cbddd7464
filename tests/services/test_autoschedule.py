"""The auto-scheduler's use cases on a real database: preview, apply, stale proposals, progress."""

from datetime import date

import pytest

from planner.domain.docket import Docket, Hearing
from planner.domain.vocabulary import HearingKind
from planner.scheduling.autoschedule import Cancelled, Policy
from planner.services import autoschedule as service
from planner.services import calendar as calendar_service
from planner.store.database import Database
from planner.store.errors import Conflict
from tests.scheduling.court import CLOSURES, JUDGE, LEAVE, at, case

FIRST = date(2024, 11, 1)


@pytest.fixture
def court(database: Database) -> Database:
    cases = tuple(case(f"1000000{n:02d}") for n in range(12))
    with database.transaction() as repo:
        repo.add_docket(Docket(JUDGE, CLOSURES, LEAVE, cases=cases))
    return database


def stored(database: Database) -> list[Hearing]:
    return calendar_service.agenda(database, 1, date(2024, 1, 1), date(2025, 12, 31))


def test_preview_stores_nothing_and_apply_stores_it_all(court: Database) -> None:
    proposal = service.propose_schedule(court, JUDGE.name, FIRST, Policy.OLDEST)
    assert proposal.proposed
    assert stored(court) == []
    applied = service.apply_proposal(court, proposal)
    assert applied.hearings == len(proposal.proposed)
    rows = stored(court)
    assert sorted((h.a_number, h.start, h.minutes, h.kind) for h in rows) == sorted(
        (p.a_number, p.start, p.minutes, p.kind) for p in proposal.proposed
    )
    # Scheduled now: a new proposal has nothing left for them.
    again = service.propose_schedule(court, JUDGE.name, FIRST, Policy.OLDEST)
    assert not {p.a_number for p in again.proposed} & {p.a_number for p in proposal.proposed}


def test_a_stale_proposal_is_refused_and_stores_nothing(court: Database) -> None:
    proposal = service.propose_schedule(court, JUDGE.name, FIRST, Policy.MAX_COMPLETIONS)
    with court.transaction() as repo:
        case_id = repo.case_ids(1)["100000000"]
    calendar_service.schedule_hearing(
        court, _judge(court), case_id, at(4, 8, 30), 15, HearingKind.MASTER
    )
    with pytest.raises(Conflict, match="changed since"):
        service.apply_proposal(court, proposal)
    assert len(stored(court)) == 1


def test_progress_is_reported_and_cancel_stops(court: Database) -> None:
    seen: list[tuple[int, int]] = []
    found = service.compare_policies(
        court, JUDGE.name, FIRST, progress=lambda d, t: seen.append((d, t))
    )
    assert [p.policy for p in found] == list(Policy)
    assert seen[-1][0] == seen[-1][1]
    assert all(done <= total for done, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len({total for _, total in seen}) == 1
    with pytest.raises(Cancelled):
        service.compare_policies(court, JUDGE.name, FIRST, cancelled=lambda: True)


def _judge(database: Database):  # type: ignore[no-untyped-def]
    with database.transaction() as repo:
        return repo.judge_named(JUDGE.name)


def test_withdrawing_an_applied_proposal_removes_exactly_its_hearings(court: Database) -> None:
    """The undo of an apply: its hearings go, others stay; the redo puts them back, same ids."""
    with court.transaction() as repo:
        case_id = repo.case_ids(1)["100000000"]
    other = calendar_service.schedule_hearing(
        court, _judge(court), case_id, at(4, 8, 30), 15, HearingKind.MASTER
    )
    proposal = service.propose_schedule(court, JUDGE.name, FIRST, Policy.OLDEST)
    applied = service.apply_proposal(court, proposal)
    assert len(applied.hearing_ids) == len(proposal.proposed) == applied.hearings
    assert {h.id for h in stored(court)} == {other.id, *applied.hearing_ids}
    withdrawn = service.withdraw_applied(court, applied)
    assert [h.id for h in stored(court)] == [other.id]
    service.restore_withdrawn(court, withdrawn)
    assert {h.id for h in stored(court)} == {other.id, *applied.hearing_ids}
    assert sorted(
        (h.a_number, h.start, h.minutes, h.kind) for h in stored(court) if h.id != other.id
    ) == sorted((p.a_number, p.start, p.minutes, p.kind) for p in proposal.proposed)


def test_withdrawing_is_all_or_none(court: Database) -> None:
    proposal = service.propose_schedule(court, JUDGE.name, FIRST, Policy.OLDEST)
    applied = service.apply_proposal(court, proposal)
    calendar_service.unschedule(court, applied.hearing_ids[-1])  # gone by another way
    with pytest.raises(Conflict, match="no longer"):
        service.withdraw_applied(court, applied)
    assert len(stored(court)) == len(applied.hearing_ids) - 1


def test_putting_back_is_refused_whole_when_an_id_was_taken_meanwhile(court: Database) -> None:
    proposal = service.propose_schedule(court, JUDGE.name, FIRST, Policy.OLDEST)
    applied = service.apply_proposal(court, proposal)
    withdrawn = service.withdraw_applied(court, applied)
    case_id, hearing = withdrawn.hearings[-1]
    calendar_service.reinstate(court, case_id, hearing)  # its id is in use again
    with pytest.raises(Conflict, match="already"):
        service.restore_withdrawn(court, withdrawn)
    assert [h.id for h in stored(court)] == [hearing.id]


def test_what_was_stored_reads_in_the_singular_for_one() -> None:
    from planner.services.autoschedule import Applied

    assert Applied("Ana Ruiz", hearings=1, cases=1).describe() == (
        "Stored 1 proposed hearing of 1 case on Ana Ruiz's calendar."
    )
    assert Applied("Ana Ruiz", hearings=1_297, cases=2).describe() == (
        "Stored 1,297 proposed hearings of 2 cases on Ana Ruiz's calendar."
    )


def test_a_replan_pins_the_hearings_noticed_in_the_store_unless_asked(database: Database) -> None:
    """Thursday 21 Nov 2024 is on leave (tests/scheduling/court.py) with two hearings booked
    before it was: one noticed (a notice served in the store), one not. The re-plan moves the
    second and pins the first; asked, it moves both and says one was noticed."""
    from planner.domain.notices import NoticeEvent, ServedNotice

    cases = (case("300000001"), case("300000002"))
    hearings = (
        Hearing("300000001", at(21, 9), 15, HearingKind.MASTER),
        Hearing("300000002", at(21, 9, 15), 15, HearingKind.MASTER),
    )
    with database.transaction() as repo:
        judge_id = repo.add_docket(Docket(JUDGE, CLOSURES, LEAVE, cases=cases, hearings=hearings))
        ids = {h.a_number: h.id for h in repo.load_docket(judge_id).hearings}
        case_ids = repo.case_ids(judge_id)
        repo.notices().add_notices(
            [
                ServedNotice(
                    ids["300000001"],
                    case_ids["300000001"],
                    NoticeEvent.SET,
                    at(21, 9),
                    15,
                    HearingKind.MASTER,
                    JUDGE.name,
                    date(2024, 10, 20),
                )
            ]
        )
    result = service.propose_replan(database, JUDGE.name, FIRST)
    assert [m.a_number for m in result.moves] == ["300000002"]
    assert result.pinned == (ids["300000001"],)
    assert "1 noticed hearing is pinned" in result.summary()
    asked = service.propose_replan(database, JUDGE.name, FIRST, move_noticed=True)
    assert sorted(m.a_number for m in asked.moves) == ["300000001", "300000002"]
    assert asked.noticed_moved == 1
    assert len(stored(database)) == 2  # nothing stored
    assert {h.start for h in stored(database)} == {at(21, 9), at(21, 9, 15)}
