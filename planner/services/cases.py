"""Adding, editing and removing cases: each function is one transaction."""

from dataclasses import dataclass
from datetime import datetime

from planner.domain.case_states import moved
from planner.domain.docket import Case, Hearing
from planner.domain.vocabulary import OFF_DOCKET, CaseStatus, HearingStatus
from planner.store.database import Database


def get_case(database: Database, case_id: int) -> Case:
    with database.transaction() as repo:
        return repo.case(case_id)


def add_case(database: Database, judge_id: int, case: Case) -> Case:
    """Add a case; returns it with its id."""
    with database.transaction() as repo:
        return repo.add_case(judge_id, case)


def update_case(database: Database, case: Case, base: Case | None = None) -> Case:
    """Save an edited case. With ``base`` (the case as the user began editing it, as read), the
    edit is refused (StaleEdit) if someone changed the case since, saying who changed what."""
    with database.transaction() as repo:
        return repo.update_case(case, base)


def delete_case(database: Database, case_id: int) -> tuple[Case, list[Hearing]]:
    """Delete a case and its hearings; returns both, so an undo can put them back."""
    with database.transaction() as repo:
        case = repo.case(case_id)
        hearings = repo.hearings_of(case_id)
        repo.delete_case(case_id)
        return case, hearings


def restore_case(database: Database, judge_id: int, case: Case, hearings: list[Hearing]) -> Case:
    """Put back a deleted case with its hearings, under the same ids."""
    with database.transaction() as repo:
        restored = repo.add_case(judge_id, case)
        assert restored.id is not None
        repo.restore_hearings(restored.id, hearings)
        return restored


@dataclass(frozen=True, slots=True)
class StateChange:
    """A case moved off the active docket or back (``planner.domain.case_states``), and the
    scheduled hearings from then on that a move off the docket took off the calendar."""

    before: Case
    after: Case
    removed: tuple[Hearing, ...] = ()


def move_case(
    database: Database, case_id: int, to: CaseStatus, *, now: datetime, seen: Case | None = None
) -> StateChange:
    """Administratively close a case, put it on the status docket, or recalendar it, in one
    transaction; refused (``InvalidValue``, one line) where the domain forbids it. Off the active
    docket, its hearings still scheduled from ``now`` (the judge's local time) on are taken off
    the calendar. ``seen``: the case as the user saw it (StaleEdit if changed since)."""
    with database.transaction() as repo:
        before = repo.case(case_id)
        after = repo.update_case(moved(before, to), seen)
        removed: tuple[Hearing, ...] = ()
        if to in OFF_DOCKET:
            removed = tuple(
                h
                for h in repo.hearings_of(case_id)
                if h.status is HearingStatus.SCHEDULED and h.start >= now
            )
            for hearing in removed:
                assert hearing.id is not None
                repo.delete_hearing(hearing.id)
        return StateChange(before, after, removed)


def undo_move(database: Database, change: StateChange) -> None:
    """Put the case back as it was, with the hearings the move took off (same ids)."""
    assert change.before.id is not None
    with database.transaction() as repo:
        repo.update_case(change.before)
        repo.restore_hearings(change.before.id, change.removed)


def redo_move(database: Database, change: StateChange) -> None:
    with database.transaction() as repo:
        repo.update_case(change.after)
        for hearing in change.removed:
            assert hearing.id is not None
            repo.delete_hearing(hearing.id)
