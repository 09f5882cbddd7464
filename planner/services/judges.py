"""Keeping judges' profiles, closures and leave: each function is one transaction."""

from dataclasses import replace

from planner.domain.docket import Closure, Docket, Leave
from planner.domain.judge import Judge
from planner.store.database import Database


def list_judges(database: Database) -> list[Judge]:
    with database.transaction() as repo:
        return repo.judges()


def add_judge(database: Database, judge: Judge) -> Judge:
    with database.transaction() as repo:
        return replace(judge, id=repo.add_judge(judge))


def update_judge(database: Database, judge: Judge) -> Judge:
    with database.transaction() as repo:
        repo.update_judge(judge)
        return judge


def remove_judge(database: Database, judge_id: int) -> Docket:
    """Remove a judge and the whole docket; returns the docket so an undo can restore it."""
    with database.transaction() as repo:
        docket = repo.load_docket(judge_id)
        repo.remove_judge(judge_id)
        return docket


def restore_judge(database: Database, docket: Docket) -> Judge:
    """Put a removed judge's docket back (the undo of ``remove_judge``)."""
    with database.transaction() as repo:
        return replace(docket.judge, id=repo.add_docket(docket))


def calendar_of(database: Database, judge_id: int) -> tuple[list[Closure], list[Leave]]:
    with database.transaction() as repo:
        return repo.calendar(judge_id)


def save_profile(
    database: Database, judge: Judge, closures: list[Closure], leave: list[Leave]
) -> Judge:
    """Save an edited profile with its closures and leave, all in one transaction."""
    with database.transaction() as repo:
        repo.update_judge(judge)
        assert judge.id is not None
        repo.replace_calendar(judge.id, closures, leave)
        return judge
