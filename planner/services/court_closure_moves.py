"""A court-wide closure over booked hearings (issue 20 on issue 19's closures): every judge of the
court whose hearings the new days strand, the moves the Planner proposes for each judge (the same
proposal as for a judge's own leave or closure: ``leave_moves``), and the closures saved with the
moves chosen in one transaction, with its inverse for undo."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.domain.docket import Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure
from planner.scheduling.displacement import Displacement, Move
from planner.services.court_closures import checked_court_closures
from planner.services.leave_moves import displacement_in, mover
from planner.store.court_calendar import WHOLE_COURT, with_court_closures
from planner.store.database import Database


@dataclass(frozen=True, slots=True)
class JudgeMoves:
    """One judge of the court, and that judge's hearings the new closures strand."""

    judge: Judge
    found: Displacement


def _as_read(closures: Sequence[Closure]) -> list[Closure]:
    return [Closure(c.day, c.reason + WHOLE_COURT) for c in closures]


def stranded_by_court(
    database: Database,
    court: str,
    closures: Sequence[Closure],
    today: date,
    *,
    notice_days: int | None = None,
) -> list[JudgeMoves]:
    """For each judge of ``court`` (by name) whose scheduled hearings from ``today`` on the
    court's closures as ``closures`` put on a day off (and the stored ones did not): the
    hearings and the nearest free place proposed for each. Judges with none are left out;
    nothing is saved."""
    name, new = checked_court_closures(court, closures)
    found: list[JudgeMoves] = []
    with database.transaction() as repo:
        old_court = _as_read(repo.court_closures().closures(name))
        new_court = _as_read(new)
        for judge in sorted(repo.judges(), key=lambda j: j.name):
            if judge.court.strip() != name or judge.id is None:
                continue
            own, leave = repo.own_calendar(judge.id)
            moves = displacement_in(
                repo,
                judge,
                judge,
                (with_court_closures(own, old_court), leave),
                (with_court_closures(own, new_court), leave),
                today,
                notice_days=notice_days,
            )
            if moves.count:
                found.append(JudgeMoves(judge, moves))
    return found


@dataclass(frozen=True, slots=True)
class SavedCourtMoves:
    """What ``save_with_moves`` changed, for undo and redo."""

    court: str
    before: tuple[Closure, ...]  # the court's closures as they were
    after: tuple[Closure, ...]
    moved: tuple[tuple[Hearing, Hearing], ...]  # (before, after)


def save_with_moves(
    database: Database, court: str, closures: Sequence[Closure], moves: Sequence[Move]
) -> SavedCourtMoves:
    """Set the court's closures to ``closures`` and move the hearings as proposed, in one
    transaction: refused whole (``StaleEdit``) if one of the hearings changed since it was
    read."""
    name, after = checked_court_closures(court, closures)
    pairs: list[tuple[Hearing, Hearing]] = []
    with database.transaction() as repo:
        store = repo.court_closures()
        before = store.closures(name)
        store.replace(name, after)
        mover(moves, pairs)(repo)
    return SavedCourtMoves(name, tuple(before), tuple(after), tuple(pairs))


def undo_save_with_moves(database: Database, done: SavedCourtMoves) -> None:
    """Put back the court's closures and every moved hearing as they were, in one transaction."""
    with database.transaction() as repo:
        repo.court_closures().replace(done.court, list(done.before))
        for before, _after in done.moved:
            repo.update_hearing(before)


def redo_save_with_moves(database: Database, done: SavedCourtMoves) -> None:
    """The closures and the moves again, in one transaction."""
    with database.transaction() as repo:
        repo.court_closures().replace(done.court, list(done.after))
        for _before, after in done.moved:
            repo.update_hearing(after)
