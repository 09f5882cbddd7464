"""New leave or a closure over booked hearings: which hearings it strands, where the Planner would
move them (``planner.scheduling.displacement``), and the profile saved with the moves chosen in
one transaction, with its inverse for undo."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.scheduling.displacement import Displacement, Move, displaced, propose_moves
from planner.services.judges import save_named_profile, save_profile
from planner.store.court_calendar import WHOLE_COURT, with_court_closures
from planner.store.database import Database
from planner.store.errors import Conflict, StaleEdit

if TYPE_CHECKING:  # the writes' module imports SQLAlchemy: not on the first paint's path
    from planner.store.repository import Repository

#: How far past the last stranded hearing the search for a new place looks.
HORIZON_DAYS = 366


def stranded_by(
    database: Database,
    judge: Judge,
    closures: Sequence[Closure],
    leave: Sequence[Leave],
    today: date,
    *,
    notice_days: int | None = None,
    stored_name: str | None = None,
) -> Displacement:
    """The judge's scheduled hearings from ``today`` on that the new ``closures`` and ``leave``
    put on a day off (and the stored ones did not), each with the nearest free place proposed;
    nothing is saved. ``notice_days`` None: the 10-day default (``Displacement.notice_source``);
    ``stored_name``: the judge's name as stored, when the edit renames the judge."""
    assert judge.id is not None
    with database.transaction() as repo:
        stored = repo.judge_named(stored_name or judge.name)
        if stored is None or stored.id != judge.id:
            raise Conflict(f"judge {judge.name!r} is no longer in this database")
        court = _court_closures(repo, judge.court)  # the court's days stay closed to moves
        return displacement_in(
            repo,
            stored,
            judge,
            repo.calendar(judge.id),
            (with_court_closures(closures, court), list(leave)),
            today,
            notice_days=notice_days,
        )


def _court_closures(repo: "Repository", court: str) -> list[Closure]:
    """The closures of the court named, as a judge's calendar reads them."""
    name = court.strip()
    if not name:
        return []
    return [Closure(c.day, c.reason + WHOLE_COURT) for c in repo.court_closures().closures(name)]


def displacement_in(
    repo: "Repository",
    stored: Judge,
    template: Judge,
    old: tuple[list[Closure], list[Leave]],
    new: tuple[list[Closure], list[Leave]],
    today: date,
    *,
    notice_days: int | None = None,
) -> Displacement:
    """In one open transaction: the hearings of ``stored`` (as saved) that the calendar ``new``
    (closures and leave, the court's included) puts on a day off and ``old`` did not, each with
    the nearest free place under ``template``'s sessions and ``new``; nothing is written."""
    assert stored.id is not None
    closures, leave = new
    last_day = max([today, *(c.day for c in closures), *(entry.end.date() for entry in leave)])
    span_end = datetime.combine(last_day + timedelta(days=1), time())
    entries = repo.hearings_between(stored.id, datetime.combine(today, time()), span_end)
    before = CourtCalendar(stored, old[0], old[1], today, last_day)
    after_span = CourtCalendar(template, list(closures), list(leave), today, last_day)
    found = displaced(template, before, after_span, entries, today)
    if not found:
        return propose_moves(template, after_span, [], {}, {}, [], today, notice_days=notice_days)
    by_id = {entry.id: entry for entry in entries}
    stranded = [
        (by_id[h.id].hearing(), by_id[h.id].case_id, why)  # type: ignore[index]
        for h, why in found
    ]
    cases = {case_id: repo.case(case_id) for _h, case_id, _w in stranded}
    own = {case_id: repo.hearings_of(case_id) for case_id in cases}
    last = max(h.start.date() for h, _c, _w in stranded) + timedelta(days=HORIZON_DAYS)
    window = CourtCalendar(template, list(closures), list(leave), today, last)
    booked = [
        entry.hearing()
        for entry in repo.hearings_between(
            stored.id, datetime.combine(today, time()), datetime.combine(last, time())
        )
    ]
    return propose_moves(
        template, window, stranded, cases, own, booked, today, notice_days=notice_days
    )


@dataclass(frozen=True, slots=True)
class SavedWithMoves:
    """What ``save_with_moves`` changed, for undo and redo."""

    judge: Judge
    moved: tuple[tuple[Hearing, Hearing], ...]  # (before, after)


def save_with_moves(
    database: Database,
    judge: Judge,
    closures: list[Closure],
    leave: list[Leave],
    base: Judge,
    moves: Sequence[Move],
) -> SavedWithMoves:
    """Save the edited profile, closures and leave and move the hearings as proposed, in one
    transaction: refused whole if someone saved the profile or changed one of the hearings
    since they were read."""
    pairs: list[tuple[Hearing, Hearing]] = []
    saved = save_profile(database, judge, closures, leave, base, after=mover(moves, pairs))
    return SavedWithMoves(saved, tuple(pairs))


def mover(
    moves: Sequence[Move], pairs: list[tuple[Hearing, Hearing]]
) -> Callable[["Repository"], None]:
    def move_all(repo: "Repository") -> None:
        for move in moves:
            after = move.moved()
            if after is None or move.hearing.id is None:
                continue
            now = repo.hearing(move.hearing.id)
            if now != move.hearing:
                raise StaleEdit(
                    f"the hearing of {move.hearing.start:%a %d %b %H:%M} changed since the moves "
                    "were proposed: nothing was saved; look at them again"
                )
            pairs.append((now, repo.update_hearing(after)))

    return move_all


def undo_save_with_moves(
    database: Database,
    done: SavedWithMoves,
    before: Judge,
    closures: list[Closure],
    leave: list[Leave],
) -> None:
    """Put back the profile, closures, leave and the hearings as they were, in one transaction."""
    save_named_profile(
        database,
        done.judge.name,
        before,
        closures,
        leave,
        after=lambda repo: [repo.update_hearing(b) for b, _a in done.moved],
    )


def redo_save_with_moves(
    database: Database,
    done: SavedWithMoves,
    before: Judge,
    closures: list[Closure],
    leave: list[Leave],
) -> None:
    save_named_profile(
        database,
        before.name,
        done.judge,
        closures,
        leave,
        after=lambda repo: [repo.update_hearing(a) for _b, a in done.moved],
    )
