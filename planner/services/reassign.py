"""Reassigning cases, or a whole docket, from one judge to others (issue 19).

Each pending case moves with its history; each of its scheduled hearings from now on is kept,
with its date and time, where it fits the new judge's calendar by every placement rule, and is
otherwise taken off and listed as unscheduled with the reason. The preview and the change do
the same work in one transaction (the preview rolls it back), so the forecasts before and after
are the forecast's own figures on the docket as it would be. Undo puts everything back.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.plural import counted
from planner.domain.vocabulary import CaseStatus, HearingStatus
from planner.forecast.report import Forecast
from planner.scheduling.placement import check_placement
from planner.services.forecasting import forecast_from
from planner.services.judges import match_judge
from planner.store.agenda import CalendarEntry
from planner.store.database import Database
from planner.store.repository import Repository


@dataclass(frozen=True, slots=True)
class CaseMove:
    case_id: int
    a_number: str
    name: str
    to_judge: str


@dataclass(frozen=True, slots=True)
class HearingFate:
    """What becomes of a moved case's scheduled hearing: kept on the new judge's calendar at its
    date and time, or taken off (``reason`` says why it does not fit there)."""

    case_id: int
    hearing: Hearing
    name: str
    to_judge: str
    kept: bool
    reason: str = ""

    def describe(self) -> str:
        h = self.hearing
        when = f"{h.start:%a} {h.start.day} {h.start:%b %Y %H:%M}"
        what = f"{format_a_number(h.a_number)} {h.kind.value} hearing {when}"
        if self.kept:
            return f"{what}: kept, on {self.to_judge}'s calendar"
        return f"{what}: unscheduled ({self.reason.rstrip('.')})"


@dataclass(frozen=True, slots=True)
class Reassignment:
    """What a reassignment does (or did): the cases moved, every scheduled hearing's fate, and
    the forecast of each judge concerned before and after."""

    from_judge: str
    from_judge_id: int
    as_of: datetime
    moves: tuple[CaseMove, ...]
    fates: tuple[HearingFate, ...]
    before: tuple[Forecast, ...]  # the judge the cases leave, then each judge receiving them
    after: tuple[Forecast, ...]
    target_ids: tuple[tuple[str, int], ...]  # judge's name, id

    @property
    def unscheduled(self) -> tuple[HearingFate, ...]:
        return tuple(f for f in self.fates if not f.kept)

    def summary(self) -> str:
        targets = sorted({m.to_judge for m in self.moves})
        kept = len(self.fates) - len(self.unscheduled)
        return (
            f"{counted(len(self.moves), 'case')} from {self.from_judge} to {', '.join(targets)}: "
            f"{counted(kept, 'hearing')} kept, {len(self.unscheduled)} unscheduled."
        )

    def lines(self) -> list[str]:
        """The reassignment in words, a line each, for the command line and the preview."""
        found = [self.summary()]
        for name in sorted({m.to_judge for m in self.moves}):
            moved = [m for m in self.moves if m.to_judge == name]
            found.append(f"To {name}: {counted(len(moved), 'case')}.")
        found.extend(f"  {fate.describe()}" for fate in self.fates)
        found.append("Forecasts (before → after):")
        for before, after in zip(self.before, self.after, strict=True):
            found.append(
                f"  {before.judge}: {before.verdict.title} → {after.verdict.title}; pending "
                f"{before.pending_cases:,} → {after.pending_cases:,}; can complete "
                f"{before.max_completions_at_current_lengths:,} → "
                f"{after.max_completions_at_current_lengths:,} of {after.needed:,} needed"
            )
        return found

    def as_json(self) -> dict[str, object]:
        def figures(f: Forecast) -> dict[str, object]:
            return {
                "verdict": f.verdict.value,
                "pending": f.pending_cases,
                "needed": f.needed,
                "can_complete": f.max_completions_at_current_lengths,
                "booked_hours": round(f.booked_minutes / 60, 1),
            }

        return {
            "from": self.from_judge,
            "as_of": self.as_of.isoformat(timespec="minutes"),
            "cases": [
                {"a_number": format_a_number(m.a_number), "name": m.name, "to": m.to_judge}
                for m in self.moves
            ],
            "hearings": [
                {
                    "a_number": format_a_number(f.hearing.a_number),
                    "start": f.hearing.start.isoformat(timespec="minutes"),
                    "kind": f.hearing.kind.value,
                    "to": f.to_judge,
                    "fate": "kept" if f.kept else "unscheduled",
                    "reason": f.reason or None,
                }
                for f in self.fates
            ],
            "forecasts": [
                {"judge": b.judge, "before": figures(b), "after": figures(a)}
                for b, a in zip(self.before, self.after, strict=True)
            ],
        }


class _Preview(Exception):
    """Raised to roll a preview's transaction back, carrying what it found."""

    def __init__(self, found: Reassignment) -> None:
        super().__init__("preview")
        self.found = found


def _judge(repo: Repository, name: str) -> Judge:
    judge = repo.judge_named(name) or match_judge(repo.judges(), name)
    assert judge.id is not None
    return judge


def _forecast(repo: Repository, judge: Judge, as_of: datetime) -> Forecast:
    return forecast_from(repo.forecast_inputs(judge, as_of))


def _chosen_cases(repo: Repository, source: Judge, a_numbers: Sequence[str] | None) -> list[int]:
    assert source.id is not None
    if a_numbers is None:
        return repo.mover().pending_case_ids(source.id)
    ids = repo.case_ids(source.id)
    chosen: list[int] = []
    for text in a_numbers:
        a_number = parse_a_number(text)
        if a_number not in ids:
            raise InvalidValue(f"case {format_a_number(a_number)} is not on {source.name}'s docket")
        case = repo.case(ids[a_number])
        if case.status is not CaseStatus.PENDING:
            raise InvalidValue(
                f"case {case.display_a_number} is completed: it stays with the judge who "
                "completed it (its completion counts for that judge's year)"
            )
        if ids[a_number] not in chosen:
            chosen.append(ids[a_number])
    return chosen


def _place(
    repo: Repository, judge: Judge, case_id: int, as_of: datetime
) -> list[tuple[Hearing, str]]:
    """Check each scheduled hearing of a case just moved to ``judge``, from ``as_of`` on; take
    off those that do not fit. Returns each with the refusal ("" when kept)."""
    assert judge.id is not None
    case = repo.case(case_id)
    found: list[tuple[Hearing, str]] = []
    closures, leave = repo.calendar(judge.id)
    for hearing in repo.hearings_of(case_id):
        if hearing.status is not HearingStatus.SCHEDULED or hearing.start < as_of:
            continue
        day = hearing.start.date()
        calendar = CourtCalendar(judge, closures, leave, day, day)
        midnight = datetime.combine(day, time())
        others: list[CalendarEntry | Hearing] = [
            *repo.hearings_between(judge.id, midnight, midnight + timedelta(days=1)),
            *repo.hearings_of(case_id),
        ]
        refusal = check_placement(judge, calendar, hearing, case, others)
        if refusal is None:
            found.append((hearing, ""))
        else:
            repo.delete_hearing(hearing.id)  # type: ignore[arg-type]
            found.append((hearing, refusal.reason))
    return found


def _reassign(
    repo: Repository,
    from_name: str,
    to_names: Sequence[str],
    a_numbers: Sequence[str] | None,
    as_of: datetime,
) -> Reassignment:
    source = _judge(repo, from_name)
    if not to_names:
        raise InvalidValue("name at least one judge to receive the cases")
    targets: list[Judge] = []
    for name in to_names:
        target = _judge(repo, name)
        if target.id == source.id:
            raise InvalidValue(f"the cases are {source.name}'s already: name another judge")
        if all(t.id != target.id for t in targets):
            targets.append(target)
    chosen = _chosen_cases(repo, source, a_numbers)
    if not chosen:
        raise InvalidValue(f"{source.name} has no pending cases to reassign")
    judges = [source, *targets]
    before = tuple(_forecast(repo, j, as_of) for j in judges)
    # Each case goes to the receiving judge with the fewest pending cases so far.
    load = {t.id: f.pending_cases for t, f in zip(targets, before[1:], strict=True)}
    moves: list[CaseMove] = []
    fates: list[HearingFate] = []
    for case_id in chosen:
        case = repo.case(case_id)
        target = min(targets, key=lambda t: (load[t.id], targets.index(t)))
        load[target.id] += 1
        if case.kind not in target.case_minutes:
            raise InvalidValue(
                f"case {case.display_a_number} is of kind {case.kind!r}, which {target.name}'s "
                "profile does not define: add the kind to that profile first"
            )
        repo.mover().move_cases([case_id], source.id, target.id)  # type: ignore[arg-type]
        moves.append(CaseMove(case_id, case.a_number, case.name, target.name))
        for hearing, reason in _place(repo, target, case_id, as_of):
            fates.append(HearingFate(case_id, hearing, case.name, target.name, not reason, reason))
    after = tuple(_forecast(repo, j, as_of) for j in judges)
    return Reassignment(
        source.name,
        source.id,  # type: ignore[arg-type]
        as_of,
        tuple(moves),
        tuple(fates),
        before,
        after,
        tuple((t.name, t.id) for t in targets),  # type: ignore[misc]
    )


def preview_reassignment(
    database: Database,
    from_name: str,
    to_names: Sequence[str],
    a_numbers: Sequence[str] | None,
    as_of: datetime,
) -> Reassignment:
    """What ``reassign`` would do, computed in a transaction that is rolled back: nothing is
    stored. ``a_numbers`` None: the judge's whole pending docket."""
    try:
        with database.transaction() as repo:
            raise _Preview(_reassign(repo, from_name, to_names, a_numbers, as_of))
    except _Preview as preview:
        return preview.found


def reassign(
    database: Database,
    from_name: str,
    to_names: Sequence[str],
    a_numbers: Sequence[str] | None,
    as_of: datetime,
    *,
    previewed: Reassignment | None = None,
) -> Reassignment:
    """Move the cases in one transaction. With ``previewed``, refused (nothing stored) when the
    outcome would differ from that preview: the dockets changed since it was shown.

    Undo with ``undo_reassignment(database, done)``; redo with ``redo_reassignment``."""
    with database.transaction() as repo:
        done = _reassign(repo, from_name, to_names, a_numbers, as_of)
        if previewed is not None and (done.moves, done.fates) != (
            previewed.moves,
            previewed.fates,
        ):
            raise InvalidValue(
                "the dockets changed since the preview was shown: nothing was moved; look at "
                "the preview again"
            )
        return done


def undo_reassignment(database: Database, done: Reassignment) -> None:
    """Put every case back on its judge's docket and every hearing taken off back."""
    with database.transaction() as repo:
        targets = dict(done.target_ids)
        for move in done.moves:
            repo.mover().move_cases([move.case_id], targets[move.to_judge], done.from_judge_id)
        repo.put_back_hearings([(f.case_id, f.hearing) for f in done.unscheduled])


def redo_reassignment(database: Database, done: Reassignment) -> None:
    with database.transaction() as repo:
        targets = dict(done.target_ids)
        for move in done.moves:
            repo.mover().move_cases([move.case_id], done.from_judge_id, targets[move.to_judge])
        repo.delete_hearings([f.hearing.id for f in done.unscheduled])  # type: ignore[misc]


def default_as_of(database: Database, from_name: str, today: date | None = None) -> datetime:
    """The moment a reassignment counts from: midnight of ``today``, or now in the judge's zone."""
    from planner.services.clock import now_for

    if today is not None:
        return datetime.combine(today, time())
    with database.read() as reader:
        judge = reader.judge_named(from_name) or match_judge(reader.judges(), from_name)
    return now_for(judge)
