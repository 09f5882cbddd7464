"""Creating a demo docket: generated judges written to the database in one transaction."""

from collections.abc import Callable
from dataclasses import dataclass

from planner.demo.generator import plan_dockets
from planner.demo.plan import AsOf
from planner.domain.errors import InvalidValue
from planner.domain.plural import counted
from planner.domain.vocabulary import CaseStatus
from planner.store.database import Database


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What ``create_demo`` wrote."""

    judges: tuple[str, ...]
    pending_cases: int
    completed_cases: int
    hearings: int
    where: str

    def describe(self) -> str:
        return (
            f"Created {counted(len(self.judges), 'judge')} with "
            f"{counted(self.pending_cases, 'pending case')} and "
            f"{counted(self.hearings, 'hearing')} in {self.where}."
        )


def create_demo(
    database: Database,
    *,
    cases: int,
    judges: int,
    seed: int,
    today: AsOf,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add ``judges`` generated judges sharing ``cases`` pending cases, as of ``today``: a date
    (each judge's local date) or an aware instant, which each judge reads in their own time zone.

    All or nothing: one transaction. Judges already in the database keep their names: the demo
    picks fresh invented names, and fresh A-numbers, so running it twice adds a second set of
    judges (what a clerk trying the Planner out expects) rather than failing.
    """
    if cases <= 0 or judges <= 0:
        raise InvalidValue(
            f"a demo needs at least one case and one judge, not {cases} and {judges}"
        )
    if judges > cases:
        raise InvalidValue(
            f"{counted(judges, 'judge')} cannot share {counted(cases, 'pending case')}: "
            "ask for at least as many cases as judges"
        )
    names: list[str] = []
    pending = completed = hearings = 0
    with database.transaction() as repo:
        existing = repo.judges()
        taken_numbers: set[str] = set()
        for judge in existing:
            assert judge.id is not None
            taken_numbers.update(repo.case_ids(judge.id))
        plan = plan_dockets(
            cases=cases,
            judges=judges,
            seed=seed,
            today=today,
            taken_names={judge.name for judge in existing},
            taken_a_numbers=taken_numbers,
        )
        for done, docket in enumerate(plan, start=1):
            repo.add_docket(docket)
            names.append(docket.judge.name)
            # Administratively closed and status-docket cases are neither (issue 18).
            pending += sum(1 for case in docket.cases if case.status is CaseStatus.PENDING)
            completed += sum(1 for case in docket.cases if case.status is CaseStatus.COMPLETED)
            hearings += len(docket.hearings)
            if progress is not None:
                progress(done, judges)
        repo.refresh_statistics()
    return DemoSummary(tuple(names), pending, completed, hearings, database.describe())
