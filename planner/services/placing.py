"""Where a case's next hearing, or a booked hearing moved, may go: the Schedule... and Move To...
dialogs' read (one transaction). Setting the place chosen is ``calendar.schedule_hearing`` or
``calendar.move_hearing``, which check it again."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, HearingKind, HearingStatus
from planner.scheduling.free_places import DEFAULT_COUNT, FreePlace, Order, free_places
from planner.scheduling.next_hearing import next_hearing
from planner.store.database import Database
from planner.store.errors import Conflict as StoreConflict
from planner.store.repository import Repository

#: How far ahead the search looks.
HORIZON_DAYS = 366


@dataclass(frozen=True, slots=True)
class Places:
    """The places offered for one hearing, with what it is."""

    case_id: int
    case: Case
    kind: HearingKind
    minutes: int
    places: tuple[FreePlace, ...]
    first: date
    moving: Hearing | None = None  # the booked hearing to move, as read


def places_to_schedule(
    database: Database,
    judge: Judge,
    case_id: int,
    first: date,
    *,
    order: Order = Order.EARLIEST,
    count: int = DEFAULT_COUNT,
) -> Places:
    """The first ``count`` places from day ``first`` for the case's next hearing (its kind and
    length as a drag would give them); refused for a completed case."""
    with database.transaction() as repo:
        case = repo.case(case_id)
        if case.status is not CaseStatus.PENDING:
            raise InvalidValue(f"case {case.display_a_number} is completed: it needs no hearing")
        own = repo.hearings_of(case_id)
        stored, calendar = _calendar(repo, judge, first)
        kind, minutes = next_hearing(stored, case, own)
        booked = _booked(repo, stored, calendar)
    found = free_places(
        stored, calendar, case, kind, minutes, booked, own, first, order=order, count=count
    )
    return Places(case_id, case, kind, minutes, tuple(found), first)


def places_to_move(
    database: Database,
    judge: Judge,
    hearing_id: int,
    first: date,
    *,
    order: Order = Order.EARLIEST,
    count: int = DEFAULT_COUNT,
) -> Places:
    """The first ``count`` places from day ``first`` a scheduled hearing may move to (same kind
    and length); refused for a hearing already recorded."""
    with database.transaction() as repo:
        entry = repo.entry(hearing_id)
        hearing = entry.hearing()
        if hearing.status is not HearingStatus.SCHEDULED:
            raise InvalidValue(
                f"the hearing of {hearing.start:%Y-%m-%d} is already {hearing.status.value}: "
                "only a scheduled hearing can be moved"
            )
        case = repo.case(entry.case_id)
        own = repo.hearings_of(entry.case_id)
        stored, calendar = _calendar(repo, judge, first)
        booked = _booked(repo, stored, calendar)
    found = free_places(
        stored,
        calendar,
        case,
        hearing.kind,
        hearing.minutes,
        booked,
        own,
        first,
        moving=hearing_id,
        order=order,
        count=count,
    )
    return Places(
        entry.case_id, case, hearing.kind, hearing.minutes, tuple(found), first, moving=hearing
    )


def _calendar(repo: Repository, judge: Judge, first: date) -> tuple[Judge, CourtCalendar]:
    stored = repo.judge_named(judge.name)
    if stored is None or stored.id != judge.id:
        raise StoreConflict(f"judge {judge.name!r} is no longer in this database")
    closures, leave = repo.calendar(stored.id)  # type: ignore[arg-type]
    last = first + timedelta(days=HORIZON_DAYS)
    return stored, CourtCalendar(stored, closures, leave, first, last)


def _booked(repo: Repository, judge: Judge, calendar: CourtCalendar) -> list[Hearing]:
    start = datetime.combine(calendar.first, time())
    end = datetime.combine(calendar.last + timedelta(days=1), time())
    entries = repo.hearings_between(judge.id, start, end)  # type: ignore[arg-type]
    return [entry.hearing() for entry in entries]
