"""A re-plan after a change, as use cases: preview it (``autoschedule.propose_replan``), store a
previewed one (the window's Apply), or work it out and store it in one transaction (the command
line's ``planner replan --apply``); each store has its undo and redo, one transaction each.

The moves themselves are ``planner.scheduling.replan``: the hearings in conflict to the nearest
free places of their kind, as few noticed hearings moved as it can.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from planner.domain.anumber import format_a_number
from planner.domain.docket import Hearing
from planner.domain.plural import counted
from planner.domain.vocabulary import HearingStatus
from planner.scheduling.replan import Move, Replan
from planner.services.autoschedule import replan_in
from planner.store.database import Database
from planner.store.errors import StaleEdit
from planner.store.repository import Repository


@dataclass(frozen=True, slots=True)
class Replanned:
    """What a stored re-plan changed: each hearing before and after, for undo and redo."""

    judge: str
    moved: tuple[tuple[Hearing, Hearing], ...]  # (before, after)
    noticed: int  # how many of them were noticed where they were

    def describe(self) -> str:
        if not self.moved:
            return f"Moved no hearing on {self.judge}'s calendar."
        noticed = f", {self.noticed} of them noticed: serve new notices" if self.noticed else ""
        return f"Moved {counted(len(self.moved), 'hearing')} on {self.judge}'s calendar{noticed}."


def apply_replan(database: Database, judge: str, plan: Replan) -> Replanned:
    """Store a previewed re-plan's moves in one transaction: all of them, or none when one of
    its hearings changed since the preview (``StaleEdit`` says which)."""
    with database.transaction() as repo:
        return _store(repo, judge, plan.moves)


def replan_and_apply(
    database: Database, judge_name: str, first: date | None = None, *, move_noticed: bool = False
) -> tuple[Replan, Replanned]:
    """Work out the re-plan and store it, read and written in one transaction."""
    with database.transaction() as repo:
        judge, plan = replan_in(repo, judge_name, first, move_noticed=move_noticed)
        return plan, _store(repo, judge, plan.moves)


def undo_replan(database: Database, done: Replanned) -> None:
    """Put every moved hearing back where it was, in one transaction."""
    _put(database, [(after, before) for before, after in done.moved])


def redo_replan(database: Database, done: Replanned) -> None:
    _put(database, list(done.moved))


def _store(repo: Repository, judge: str, moves: Sequence[Move]) -> Replanned:
    moved: list[tuple[Hearing, Hearing]] = []
    for move in moves:
        before = repo.hearing(move.hearing_id)
        if before.status is not HearingStatus.SCHEDULED or before.start != move.start:
            raise StaleEdit(
                f"the hearing of {format_a_number(move.a_number)} on {move.start:%a %d %b %H:%M} changed since "
                "the re-plan was worked out: nothing was moved; re-plan again"
            )
        moved.append((before, repo.update_hearing(replace(before, start=move.to))))
    return Replanned(judge, tuple(moved), sum(1 for move in moves if move.noticed))


def _put(database: Database, pairs: Sequence[tuple[Hearing, Hearing]]) -> None:
    """Each (as it should be now, as it is to be) written back, refused whole when a hearing
    is no longer as it should be."""
    with database.transaction() as repo:
        for now, then in pairs:
            if now.id is None or repo.hearing(now.id).start != now.start:
                raise StaleEdit(
                    f"the hearing of {format_a_number(now.a_number)} on {now.start:%a %d %b %H:%M} was changed "
                    "since: nothing was moved back"
                )
            repo.update_hearing(then)
