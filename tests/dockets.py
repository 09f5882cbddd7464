"""Small dockets the tests store: a judge with numbered asylum cases."""

from datetime import date

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.store.database import Database


def add_judge_with_cases(
    database: Database, name: str, cases: int, first: int = 100_000_000, person: str = "Person"
) -> None:
    """Store judge ``name`` with ``cases`` pending asylum cases, A-numbers from ``first`` on,
    respondents called "``person`` 0", "``person`` 1", ..."""
    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge(name),
                cases=tuple(
                    Case(str(first + i), f"{person} {i}", "asylum", date(2025, 1, 1))
                    for i in range(cases)
                ),
            )
        )
