"""Adding, editing and removing cases: each function is one transaction."""

from planner.domain.docket import Case, Hearing
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
