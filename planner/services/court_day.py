"""The court's day (issue 19): every judge's sessions and hearings of one day side by side, and a
hearing moved from one judge to another, in one transaction with its inverse.

The day of each judge is the docket sheet's day (``planner.services.docket_sheet``), so the
court day view and the combined docket sheet read the same thing. Moving a hearing to another
judge moves its case (a hearing belongs to its case, a case to its judge): the hearing lands at
the time asked (by default its own) on the new judge's calendar only where every placement rule
allows, or nothing is stored and the refusal says why; the case's other scheduled hearings from
then on stay where they fit the new judge's calendar and are otherwise taken off, as a
reassignment does (``planner.services.reassign``). No Qt here.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.vocabulary import CaseStatus, HearingStatus
from planner.scheduling.booking import describe
from planner.scheduling.placement import Refused, check_placement
from planner.services.docket_sheet import DocketSheet, SheetDay, build_sheet
from planner.services.judges import match_judge
from planner.services.reassign import _place
from planner.store.agenda import CalendarEntry
from planner.store.database import Database
from planner.store.errors import Conflict, NotAllowed, StaleEdit
from planner.store.repository import Repository


@dataclass(frozen=True, slots=True)
class CourtColumn:
    """One judge's day: the template's sessions with their hearings, and why the judge does not
    sit (``day.note``) when that is so."""

    judge: Judge
    day: SheetDay
    court: str

    @property
    def name(self) -> str:
        return self.judge.name


@dataclass(frozen=True, slots=True)
class CourtDay:
    day: date
    columns: tuple[CourtColumn, ...]
    printed: datetime

    @property
    def hearings(self) -> int:
        return sum(c.day.hearings for c in self.columns)

    @property
    def title(self) -> str:
        return f"{self.day:%A} {self.day.day} {self.day:%B %Y}"

    def summary(self) -> str:
        return (
            f"{self.title}: {counted(self.hearings, 'hearing')} before "
            f"{counted(len(self.columns), 'judge')}."
        )

    @property
    def sheet_title(self) -> str:
        return f"Court docket sheet: {self.title}"

    @property
    def file_stem(self) -> str:
        return f"court-docket-sheet-{self.day}"

    def describe_saved(self, pages: int, out: object) -> str:
        """One line on the combined sheet written, for the command line and the status bar."""
        return (
            f"Saved the court's docket sheet for {self.title} ({counted(self.hearings, 'hearing')}"
            f" before {counted(len(self.columns), 'judge')}, {counted(pages, 'page')}) to {out}."
        )

    def sheets(self) -> tuple[DocketSheet, ...]:
        """Each judge's docket sheet of the day, in the columns' order."""
        return tuple(
            DocketSheet(c.name, c.court, self.day, self.day, self.printed, (c.day,))
            for c in self.columns
        )


def court_day(
    database: Database,
    day: date,
    judges: Sequence[str] = (),
    *,
    court: str = "",
    printed: datetime | None = None,
) -> CourtDay:
    """The day of the judges named (by default every judge whose profile names ``court``, or
    with no ``court`` every judge of the database, in name order), read in one transaction."""
    midnight = datetime.combine(day, time())
    columns: list[CourtColumn] = []
    with database.read() as repo:
        stored = repo.judges()
        if not stored:
            raise InvalidValue("the database has no judges yet: add a judge first")
        chosen = [match_judge(stored, n) for n in judges] if judges else stored
        if not judges and court.strip():
            key = court.strip().casefold()
            chosen = [j for j in stored if j.court.strip().casefold() == key]
            if not chosen:
                courts = ", ".join(
                    sorted({repr(j.court.strip()) for j in stored if j.court.strip()})
                )
                raise InvalidValue(
                    f"no judge's profile names the court {court.strip()!r} (courts: "
                    f"{courts or 'none named'})"
                )
        seen: set[int | None] = set()
        for judge in chosen:
            if judge.id in seen:
                continue
            seen.add(judge.id)
            assert judge.id is not None
            closures, leave = repo.calendar(judge.id)
            entries = repo.hearings_between(judge.id, midnight, midnight + timedelta(days=1))
            calendar = CourtCalendar(judge, closures, leave, day, day)
            sheet = build_sheet(judge, calendar, entries, day, day, printed or midnight)
            columns.append(CourtColumn(judge, sheet.days[0], judge.court.strip()))
    return CourtDay(day, tuple(columns), printed or midnight)


@dataclass(frozen=True, slots=True)
class HearingTransfer:
    """A hearing moved to another judge with its case: the hearing before and after, and the
    case's other hearings taken off because they do not fit the new judge's calendar."""

    case_id: int
    from_judge: str
    from_judge_id: int
    to_judge: str
    to_judge_id: int
    before: Hearing
    after: Hearing
    taken_off: tuple[tuple[Hearing, str], ...] = ()

    def describe(self) -> str:
        h = self.after
        text = (
            f"Moved {describe(h)} on {h.start:%a} {h.start.day} {h.start:%b} from "
            f"{self.from_judge} to {self.to_judge}, with its case"
        )
        if self.taken_off:
            text += f"; {counted(len(self.taken_off), 'later hearing')} taken off: " + "; ".join(
                reason.rstrip(".") for _h, reason in self.taken_off
            )
        return text + "."


def _judge(repo: Repository, name: str) -> Judge:
    judge = repo.judge_named(name) or match_judge(repo.judges(), name)
    assert judge.id is not None
    return judge


def move_to_judge(
    database: Database,
    hearing_id: int,
    from_name: str,
    to_name: str,
    start: datetime | None = None,
    *,
    seen: Hearing | None = None,
    as_of: datetime | None = None,
) -> HearingTransfer:
    """Move a scheduled hearing of ``from_name``'s docket to ``to_name`` at ``start`` (by
    default its own time), with its case, in one transaction. Refused (``Refused`` or
    ``InvalidValue``, nothing stored) where the new judge's calendar does not take it; a
    ``StaleEdit`` when the hearing changed since the user saw it (``seen``).

    Undo with ``undo_transfer(database, done)``; redo with ``redo_transfer(database, done)``."""
    with database.transaction() as repo:
        return _transfer(repo, hearing_id, from_name, to_name, start, seen, as_of)


class _Rollback(Exception):
    """Raised to roll a trial's transaction back."""


def transfer_refusal(
    database: Database,
    hearing_id: int,
    from_name: str,
    to_name: str,
    start: datetime | None = None,
) -> str | None:
    """Why ``move_to_judge`` would refuse this move (None: it would be done), found by doing it
    in a transaction that is rolled back: nothing is stored. The view asks it while a hearing is
    dragged, to say why before the drop. On a court server a move the login may not make (from
    or to a docket it may not change) is refused by the server in its own words."""
    try:
        with database.transaction() as repo:
            _transfer(repo, hearing_id, from_name, to_name, start, None, None)
            raise _Rollback
    except _Rollback:
        return None
    except (InvalidValue, Conflict, NotAllowed) as refused:
        return str(refused)


def _transfer(
    repo: Repository,
    hearing_id: int,
    from_name: str,
    to_name: str,
    start: datetime | None,
    seen: Hearing | None,
    as_of: datetime | None,
) -> HearingTransfer:
    source, target = _judge(repo, from_name), _judge(repo, to_name)
    entry = repo.entry(hearing_id)
    before = entry.hearing()
    if seen is not None and before != seen:
        raise StaleEdit(
            f"{entry.changed_by or 'Someone'} changed {describe(seen)} since the court day "
            "showed it: nothing was moved; the view shows it as it is now."
        )
    if before.status is not HearingStatus.SCHEDULED:
        raise InvalidValue(
            f"the hearing is already {before.status.value}: only a scheduled hearing can "
            "move to another judge"
        )
    assert source.id is not None
    assert target.id is not None
    if repo.case_ids(source.id).get(entry.a_number) != entry.case_id:
        raise Conflict(f"that hearing's case is no longer on {source.name}'s docket")
    case = repo.case(entry.case_id)
    if case.status is not CaseStatus.PENDING:
        raise InvalidValue(f"case {case.display_a_number} is completed: it cannot move")
    after = replace(before, start=start or before.start)
    if target.id == source.id:
        raise InvalidValue(f"the hearing is {source.name}'s already: choose another judge")
    if case.kind not in target.case_minutes:
        raise InvalidValue(
            f"{target.name}'s profile has no case kind {case.kind!r}: the case cannot move "
            "there (add the kind to that profile first)"
        )
    repo.mover().move_cases([entry.case_id], source.id, target.id)
    after = repo.update_hearing(after)
    day = after.start.date()
    closures, leave = repo.calendar(target.id)
    calendar = CourtCalendar(target, closures, leave, day, day)
    midnight = datetime.combine(day, time())
    others: list[CalendarEntry | Hearing] = [
        *repo.hearings_between(target.id, midnight, midnight + timedelta(days=1)),
        *repo.hearings_of(entry.case_id),
    ]
    refusal = check_placement(target, calendar, after, case, others)
    if refusal is not None:
        raise Refused(replace(refusal, reason=f"Not on {target.name}'s calendar: {refusal.reason}"))
    later = as_of or after.start
    taken = tuple(
        (h, reason)
        for h, reason in _place(repo, target, entry.case_id, later)
        if reason and h.id != after.id
    )
    return HearingTransfer(
        entry.case_id, source.name, source.id, target.name, target.id, before, after, taken
    )


def undo_transfer(database: Database, done: HearingTransfer) -> None:
    with database.transaction() as repo:
        repo.mover().move_cases([done.case_id], done.to_judge_id, done.from_judge_id)
        repo.update_hearing(done.before)
        repo.put_back_hearings([(done.case_id, h) for h, _reason in done.taken_off])


def redo_transfer(database: Database, done: HearingTransfer) -> None:
    with database.transaction() as repo:
        repo.mover().move_cases([done.case_id], done.from_judge_id, done.to_judge_id)
        repo.update_hearing(done.after)
        repo.delete_hearings([h.id for h, _reason in done.taken_off])  # type: ignore[misc]
