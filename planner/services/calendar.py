"""Scheduling by hand and recording outcomes: each function is one transaction, with its inverse."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.outcomes import outcome_refusal
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    AdjournmentCause,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
    Party,
)
from planner.scheduling.booking import describe
from planner.scheduling.days import DaySummary, day_summaries
from planner.scheduling.next_hearing import HearingPlan, next_hearing
from planner.scheduling.placement import Conflict, Refused, check_placement, conflicts
from planner.store.agenda import CalendarEntry
from planner.store.database import Database
from planner.store.errors import Conflict as StoreConflict
from planner.store.errors import StaleEdit
from planner.store.reader import Reader
from planner.store.repository import Repository


class Outcome(StrEnum):
    HELD = "held"
    ADJOURNED = "adjourned"
    CONTINUED = "continued"  # adjourned, and a new hearing set on another day
    COMPLETED = "completed"  # the hearing and the case


@dataclass(frozen=True, slots=True)
class OutcomeRecord:
    """What ``record_outcome`` changed, so ``undo_outcome`` and ``redo_outcome`` can replay it."""

    outcome: Outcome
    case_id: int
    before: Hearing
    after: Hearing
    added: Hearing | None = None  # the continuance's new hearing
    case_before: Case | None = None  # set when the case was completed
    case_after: Case | None = None
    removed: tuple[Hearing, ...] = ()  # the completed case's later scheduled hearings, taken off


def _span(first: date, last: date) -> tuple[datetime, datetime]:
    return datetime.combine(first, time()), datetime.combine(last + timedelta(days=1), time())


def agenda(database: Database, judge_id: int, first: date, last: date) -> list[CalendarEntry]:
    """The judge's hearings (any status) from day ``first`` to day ``last``, both included."""
    with database.read() as reader:
        return reader.hearings_between(judge_id, *_span(first, last))


def hearing_entry(database: Database, hearing_id: int) -> CalendarEntry:
    """One hearing with its case's fields."""
    with database.read() as reader:
        return reader.entry(hearing_id)


@dataclass(frozen=True, slots=True)
class DaysView:
    """What a view of some days shows, read in one snapshot: the hearings, each day's summary,
    the judge's closures and leave (as a calendar of those days), and the conflicts."""

    entries: list[CalendarEntry]
    summaries: list[DaySummary]
    court: CourtCalendar
    closures: list[Closure]
    leave: list[Leave]
    conflicts: list[Conflict]


def days_view(database: Database, judge: Judge, first: date, last: date) -> DaysView:
    """The day and week views' reload: everything they show of the days from ``first`` to
    ``last``, from one read (one snapshot)."""
    with database.read() as reader:
        stored, calendar, closures, leave = _calendar_of(reader, judge, first, last)
        entries = reader.hearings_between(stored.id, *_span(first, last))  # type: ignore[arg-type]
    return DaysView(
        entries,
        day_summaries(stored, calendar, entries, first, last),
        calendar,
        closures,
        leave,
        conflicts(stored, calendar, entries, entries),
    )


def day_summaries_for(
    database: Database, judge: Judge, first: date, last: date
) -> list[DaySummary]:
    with database.read() as reader:
        stored, calendar = _calendar(reader, judge, first, last)
        entries = reader.hearings_between(stored.id, *_span(first, last))  # type: ignore[arg-type]
    return day_summaries(stored, calendar, entries, first, last)


def days_and_conflicts_for(
    database: Database, judge: Judge, first: date, last: date
) -> tuple[list[DaySummary], list[Conflict]]:
    """``day_summaries_for`` and ``conflicts_for`` together, from one read of the hearings (the
    month and the year views want both on every change)."""
    with database.read() as reader:
        stored, calendar = _calendar(reader, judge, first, last)
        entries = reader.hearings_between(stored.id, *_span(first, last))  # type: ignore[arg-type]
    summaries = day_summaries(stored, calendar, entries, first, last)
    return summaries, conflicts(stored, calendar, entries, entries)


def case_and_hearings(database: Database, case_id: int) -> tuple[Case, list[Hearing]]:
    """A case and all its hearings, read once when a drag of one of them starts."""
    with database.read() as reader:
        return reader.case(case_id), reader.hearings_of(case_id)


def hearing_plan(database: Database, judge: Judge, case_id: int) -> HearingPlan:
    """A pending case, its hearings, and the kind and length of the hearing to set next.

    Read once when a drag starts, so the calendar can check each position without the database.
    """
    with database.read() as reader:
        case = reader.case(case_id)
        hearings = tuple(reader.hearings_of(case_id))
    if case.status is not CaseStatus.PENDING:
        raise InvalidValue(f"case {case.display_a_number} is completed: it needs no hearing")
    kind, minutes = next_hearing(judge, case, hearings)
    return HearingPlan(case_id, case, hearings, kind, minutes)


def conflicts_for(database: Database, judge: Judge, first: date, last: date) -> list[Conflict]:
    """The conflicts of the scheduled hearings from ``first`` to ``last``."""
    with database.read() as reader:
        stored, calendar = _calendar(reader, judge, first, last)
        entries = reader.hearings_between(stored.id, *_span(first, last))  # type: ignore[arg-type]
    return conflicts(stored, calendar, entries, entries)


def schedule_hearing(
    database: Database, judge: Judge, case_id: int, start: datetime, minutes: int, kind: HearingKind
) -> Hearing:
    """Set a new hearing of a pending case; refused (``Refused``) where it may not go.

    Undo with ``unschedule(database, hearing.id)``; redo with ``reinstate(database, case_id, hearing)``.
    """
    with database.transaction() as repo:
        case = repo.case(case_id)
        if case.status is not CaseStatus.PENDING:
            raise InvalidValue(f"case {case.display_a_number} is completed: it needs no hearing")
        hearing = Hearing(case.a_number, start, minutes, kind)
        _refuse_misplaced(repo, judge, case_id, case, hearing)
        return repo.add_hearing(case_id, hearing)


def _refuse_stale(entry: CalendarEntry, seen: Hearing | None) -> None:
    """Two users, one file: a hearing changed since the user read it (``seen``: as the calendar
    showed it) is not changed again over the other user's change, and the message says who."""
    if seen is None or entry.hearing() == seen:
        return
    now = entry.hearing()
    state = describe(now) + ("" if now.status is HearingStatus.SCHEDULED else f", {now.status}")
    raise StaleEdit(
        f"{entry.changed_by or 'Someone'} changed {describe(seen)} on {seen.start:%a %d %b} "
        f"since the calendar showed it: it is now {state} on {now.start:%a %d %b}. Nothing was "
        "saved; the calendar shows it as it is now."
    )


def move_hearing(
    database: Database,
    judge: Judge,
    hearing_id: int,
    start: datetime,
    minutes: int,
    *,
    seen: Hearing | None = None,
) -> tuple[Hearing, Hearing]:
    """Move or resize a scheduled hearing; returns it before and after. ``seen`` is the hearing
    as the user saw it: if someone changed it since, nothing is saved (StaleEdit).

    Undo with ``restore_hearing(database, before)``; redo with ``restore_hearing(database, after)``.
    """
    with database.transaction() as repo:
        entry = repo.entry(hearing_id)
        _refuse_stale(entry, seen)
        before = entry.hearing()
        if before.status is not HearingStatus.SCHEDULED:
            raise InvalidValue(
                f"the hearing of {before.start:%Y-%m-%d} is already {before.status.value}: "
                "only a scheduled hearing can be moved"
            )
        after = replace(before, start=start, minutes=minutes)
        _refuse_misplaced(repo, judge, entry.case_id, repo.case(entry.case_id), after)
        return before, repo.update_hearing(after)


def set_medium(
    database: Database, hearing_id: int, medium: HearingMedium, *, seen: Hearing | None = None
) -> tuple[Hearing, Hearing]:
    """Say how the respondent appears at a hearing (in person, video, telephone); returns it
    before and after. Undo with ``restore_hearing(database, before)``. ``seen``: as in
    ``move_hearing``."""
    with database.transaction() as repo:
        entry = repo.entry(hearing_id)
        _refuse_stale(entry, seen)
        before = entry.hearing()
        return before, repo.update_hearing(replace(before, medium=HearingMedium(medium)))


def unschedule_hearing(
    database: Database, hearing_id: int, *, seen: Hearing | None = None
) -> tuple[int, Hearing]:
    """Take a scheduled hearing off the calendar (the user's Unschedule); returns its case's id
    and the hearing as it was. Refused for a hearing already recorded (held, adjourned,
    completed), and, when ``seen`` differs from what is stored, for someone else's change.

    Undo with ``reinstate(database, case_id, hearing)``; redo with ``unschedule(database, id)``.
    """
    with database.transaction() as repo:
        entry = repo.entry(hearing_id)
        _refuse_stale(entry, seen)
        hearing = entry.hearing()
        if hearing.status is not HearingStatus.SCHEDULED:
            when = f"{hearing.start:%a} {hearing.start.day} {hearing.start:%b %Y at %H:%M}"
            raise InvalidValue(
                f"the hearing of {when} is already recorded as {hearing.status.value}: "
                "only a scheduled hearing can be unscheduled"
            )
        repo.delete_hearing(hearing_id)
        return entry.case_id, hearing


def record_outcome(
    database: Database,
    judge: Judge,
    hearing_id: int,
    outcome: Outcome,
    *,
    reason: str | None = None,
    continued_to: date | datetime | None = None,
    completion_kind: CompletionKind | None = None,
    on: date | None = None,
    seen: Hearing | None = None,
    now: datetime,
    cause: AdjournmentCause | None = None,
    asked_by: Party | None = None,
) -> OutcomeRecord:
    """Record what happened at a scheduled hearing, in one transaction.

    held; adjourned (``reason`` required); continued (``reason`` and ``continued_to`` required: a new
    hearing of the same length that day at the same time, or at ``continued_to``'s time when it is a
    datetime, checked like any placement), each with the continuance's ``cause`` and who it was
    ``asked_by`` where given; completed
    (``completion_kind`` required; the case completes ``on`` that date, by default the hearing's,
    and its later scheduled hearings are taken off). Undo with ``undo_outcome(database, record)``.
    ``seen`` is the hearing as the user saw it: if someone changed it since, nothing is saved.
    ``now`` is the judge's local wall-clock time: a hearing that starts after it has no outcome yet
    (refused, ``InvalidValue``, with the reason ``outcome_refusal`` gives).
    """
    outcome = Outcome(outcome)
    with database.transaction() as repo:
        entry = repo.entry(hearing_id)
        _refuse_stale(entry, seen)
        before = entry.hearing()
        refusal = outcome_refusal(before, now)
        if refusal is not None:
            raise InvalidValue(refusal)
        if outcome is Outcome.HELD:
            after = repo.update_hearing(replace(before, status=HearingStatus.HELD))
            return OutcomeRecord(outcome, entry.case_id, before, after)
        if outcome in (Outcome.ADJOURNED, Outcome.CONTINUED):
            asked = (cause, asked_by)
            return _adjourn(repo, judge, entry, before, outcome, reason, continued_to, asked)
        return _complete(repo, entry, before, completion_kind, on)


def _adjourn(
    repo: Repository,
    judge: Judge,
    entry: CalendarEntry,
    before: Hearing,
    outcome: Outcome,
    reason: str | None,
    continued_to: date | datetime | None,
    asked: tuple[AdjournmentCause | None, Party | None] = (None, None),
) -> OutcomeRecord:
    if not (reason and reason.strip()):
        raise InvalidValue("an adjournment needs its reason (and its legal basis)")
    cause, asked_by = asked
    after = repo.update_hearing(
        replace(
            before,
            status=HearingStatus.ADJOURNED,
            adjournment_reason=reason.strip(),
            adjournment_cause=cause,
            adjourned_by=asked_by,
        )
    )
    if outcome is Outcome.ADJOURNED:
        return OutcomeRecord(outcome, entry.case_id, before, after)
    if continued_to is None:
        raise InvalidValue("a continuance needs the date it is continued to")
    if isinstance(continued_to, datetime):
        start = continued_to
    else:
        start = datetime.combine(continued_to, before.start.time())
    if start.date() <= before.start.date():
        raise InvalidValue(
            f"a hearing of {before.start:%Y-%m-%d} can only be continued to a later day"
        )
    new = Hearing(before.a_number, start, before.minutes, before.kind)
    case = repo.case(entry.case_id)
    _refuse_misplaced(repo, judge, entry.case_id, case, new)
    added = repo.add_hearing(entry.case_id, new)
    return OutcomeRecord(outcome, entry.case_id, before, after, added=added)


def _complete(
    repo: Repository,
    entry: CalendarEntry,
    before: Hearing,
    completion_kind: CompletionKind | None,
    on: date | None,
) -> OutcomeRecord:
    if completion_kind is None:
        raise InvalidValue("a completion needs its kind (removal order, relief granted, ...)")
    case_before = repo.case(entry.case_id)
    if case_before.status is not CaseStatus.PENDING:
        raise InvalidValue(f"case {case_before.display_a_number} is already completed")
    case_after = repo.update_case(
        replace(
            case_before,
            status=CaseStatus.COMPLETED,
            completion_kind=CompletionKind(completion_kind),
            completion_date=on or before.start.date(),
        )
    )
    after = repo.update_hearing(replace(before, status=HearingStatus.COMPLETED))
    removed = tuple(
        h
        for h in repo.hearings_of(entry.case_id)
        if h.status is HearingStatus.SCHEDULED and h.start > before.start
    )
    for hearing in removed:
        repo.delete_hearing(hearing.id)  # type: ignore[arg-type]
    return OutcomeRecord(
        Outcome.COMPLETED,
        entry.case_id,
        before,
        after,
        case_before=case_before,
        case_after=case_after,
        removed=removed,
    )


# The inverses, for undo and redo: they put back exactly what was, without checking placement.


def unschedule(database: Database, hearing_id: int) -> Hearing:
    """Take a hearing off the calendar (the undo of ``schedule_hearing``); returns it."""
    with database.transaction() as repo:
        hearing = repo.hearing(hearing_id)
        repo.delete_hearing(hearing_id)
        return hearing


def reinstate(database: Database, case_id: int, hearing: Hearing) -> Hearing:
    """Put back a hearing taken off, under its id (the redo of ``schedule_hearing``)."""
    with database.transaction() as repo:
        return repo.add_hearing(case_id, hearing)


def restore_hearing(database: Database, hearing: Hearing) -> Hearing:
    """Write a hearing's saved fields back over it (the undo and redo of ``move_hearing``)."""
    with database.transaction() as repo:
        return repo.update_hearing(hearing)


def undo_outcome(database: Database, record: OutcomeRecord) -> None:
    with database.transaction() as repo:
        if record.added is not None:
            repo.delete_hearing(record.added.id)  # type: ignore[arg-type]
        for hearing in record.removed:
            repo.add_hearing(record.case_id, hearing)
        if record.case_before is not None:
            repo.update_case(record.case_before)
        repo.update_hearing(record.before)


def redo_outcome(database: Database, record: OutcomeRecord) -> None:
    with database.transaction() as repo:
        repo.update_hearing(record.after)
        if record.case_after is not None:
            repo.update_case(record.case_after)
        for hearing in record.removed:
            repo.delete_hearing(hearing.id)  # type: ignore[arg-type]
        if record.added is not None:
            repo.add_hearing(record.case_id, record.added)


# Placement against the stored calendar, in the caller's transaction -----------------------------


def _calendar(
    source: Reader | Repository, judge: Judge, first: date, last: date
) -> tuple[Judge, CourtCalendar]:
    """The judge as stored now (its template), and a calendar of its closures and leave."""
    stored, calendar, _closures, _leave = _calendar_of(source, judge, first, last)
    return stored, calendar


def _calendar_of(
    source: Reader | Repository, judge: Judge, first: date, last: date
) -> tuple[Judge, CourtCalendar, list[Closure], list[Leave]]:
    stored = source.judge_named(judge.name)
    if stored is None or stored.id != judge.id:
        raise StoreConflict(f"judge {judge.name!r} is no longer in this database")
    closures, leave = source.calendar(stored.id)  # type: ignore[arg-type]
    return stored, CourtCalendar(stored, closures, leave, first, last), closures, leave


def _refuse_misplaced(
    repo: Repository, judge: Judge, case_id: int, case: Case, hearing: Hearing
) -> None:
    day = hearing.start.date()
    stored, calendar = _calendar(repo, judge, day, day)
    others: list[CalendarEntry | Hearing] = [
        *repo.hearings_between(stored.id, *_span(day, day)),  # type: ignore[arg-type]
        *repo.hearings_of(case_id),
    ]
    refusal = check_placement(stored, calendar, hearing, case, others)
    if refusal is not None:
        raise Refused(refusal)
