"""Whether a hearing may go where a clerk puts it, and the conflicts among hearings already booked."""

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar, Interval
from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session
from planner.domain.plural import counted
from planner.domain.seating import describe_kinds, fitting_session_kinds, session_words
from planner.domain.vocabulary import NOTICE_PERIOD_DAYS, HearingKind, HearingStatus, SessionKind
from planner.scheduling.booking import (
    OCCUPYING,
    Booked,
    CaseFlags,
    clock,
    describe,
    end_of,
    long_day,
)


class RefusalKind(StrEnum):
    """Why a hearing may not sit where it is put (also the kind of a conflict)."""

    OVERLAP = "overlap"
    OUTSIDE_SESSION = "outside_session"
    WRONG_SESSION_KIND = "wrong_session_kind"
    HOLIDAY = "holiday"
    CLOSURE = "closure"
    LEAVE = "leave"
    NOTICE_PERIOD = "notice_period"
    TOO_SHORT = "too_short"
    OVER_LIMIT = "over_limit"  # a master calendar already holds its limit of cases
    CALL_TIME = "call_time"  # a master calendar's hearing not set to one of its call times


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a placement is refused, in words a clerk understands; ``others`` are hearing ids it
    clashes with (for an overlap)."""

    kind: RefusalKind
    reason: str
    others: tuple[int, ...] = ()


class Refused(InvalidValue):
    """A service's refusal of a placement; ``refusal`` says which rule and why."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class Conflict:
    """A problem of a hearing already booked; ``hearing_ids`` are the hearings it concerns."""

    kind: RefusalKind
    reason: str
    hearing_ids: tuple[int, ...]
    start: datetime  # of the (first) hearing concerned, to jump to it


def check_placement(
    judge: Judge, calendar: CourtCalendar, hearing: Booked, case: Case, others: Iterable[Booked]
) -> Refusal | None:
    """Why ``hearing`` may NOT be placed where it is, or None when it may.

    ``others`` are the judge's other hearings on that day and the case's own hearings (the notice
    period binds only a case's first hearing); the hearing itself, by id, is skipped among them.
    """
    unique: dict[object, Booked] = {}
    for other in others:
        if other is not hearing and (other.id is None or other.id != hearing.id):
            unique[other.id if other.id is not None else object()] = other
    others = list(unique.values())
    end = end_of(hearing)
    refusal = _day_off(calendar, hearing.start.date()) or _leave(calendar, hearing.start, end)
    if refusal:
        return refusal
    found = _containing_session(calendar, hearing.start, end)
    if isinstance(found, Refusal):
        return found
    if found[0].case_limit is not None:
        # A master calendar: its cases share call times (no overlap among them), up to a limit.
        session, interval = found
        called = [o for o in others if interval.start <= o.start < interval.end]
        outside = [o for o in others if not interval.start <= o.start < interval.end]
        return (
            _wrong_kind(judge, found, hearing, case)
            or _call_time(session, interval, hearing)
            or _over_limit(session, interval, called)
            or _overlap(hearing, outside)
            or _notice_period(hearing, case, others)
            or _too_short(judge, hearing)
        )
    return (
        _wrong_kind(judge, found, hearing, case)
        or _overlap(hearing, others)
        or _notice_period(hearing, case, others)
        or _too_short(judge, hearing)
    )


def _call_time(session: Session, interval: Interval, hearing: Booked) -> Refusal | None:
    if hearing.start.time() in session.calls:
        return None
    calls = ", ".join(f"{call:%H:%M}" for call in session.calls)
    reason = (
        f"the {clock(interval.start, interval.end)} {session_words(session.kind)} session is a "
        f"master calendar: its cases are set to a call time ({calls}), not {hearing.start:%H:%M}"
    )
    return _refuse(RefusalKind.CALL_TIME, reason)


def _over_limit(session: Session, interval: Interval, called: list[Booked]) -> Refusal | None:
    set_in = [o for o in called if o.status in OCCUPYING]
    limit = session.case_limit or 0
    if len(set_in) < limit:
        return None
    reason = (
        f"the {clock(interval.start, interval.end)} {session_words(session.kind)} master calendar "
        f"on {long_day(interval.start.date())} already has its limit of {counted(limit, 'case')}"
    )
    return _refuse(RefusalKind.OVER_LIMIT, reason, tuple(o.id for o in set_in if o.id is not None))


def conflicts(
    judge: Judge, calendar: CourtCalendar, hearings: Iterable[Booked], cases: Iterable[CaseFlags]
) -> list[Conflict]:
    """The problems of the scheduled hearings on the calendar's days: overlaps, hearings outside a
    session or in one of the wrong kind, and hearings on a holiday, closure or leave.

    Hearings outside the calendar's days are not judged. ``cases`` are looked up by A-number; a
    hearing whose case is not among them is not judged for its session kind.
    """
    flags = {case.a_number: case for case in cases}
    fits: dict[tuple[HearingKind, bool, bool], frozenset[SessionKind]] = {}
    by_day: dict[date, list[Booked]] = {}
    for hearing in hearings:
        if hearing.status in OCCUPYING and calendar.first <= hearing.start.date() <= calendar.last:
            by_day.setdefault(hearing.start.date(), []).append(hearing)
    found: list[Conflict] = []
    for day in sorted(by_day):
        found.extend(_conflicts_of_day(judge, calendar, day, by_day[day], flags, fits))
    found.sort(key=lambda c: (c.start, c.hearing_ids))
    return found


def _conflicts_of_day(
    judge: Judge,
    calendar: CourtCalendar,
    day: date,
    hearings: list[Booked],
    flags: dict[str, CaseFlags],
    fits: dict[tuple[HearingKind, bool, bool], frozenset[SessionKind]],
) -> Iterator[Conflict]:
    hearings.sort(key=lambda h: (h.start, h.id or 0))
    day_off = _day_off(calendar, day)
    sessions = calendar.bench_sessions(day)
    on_leave = bool(calendar.leave_on(day))
    ends = [end_of(hearing) for hearing in hearings]
    called: dict[int, list[Booked]] = {}  # master calendar (index in sessions) -> its hearings
    for hearing, end in zip(hearings, ends, strict=True):
        if not day_off:
            for index, (session, interval) in enumerate(sessions):
                if session.case_limit is not None and interval.start <= hearing.start < end <= (
                    interval.end
                ):
                    called.setdefault(index, []).append(hearing)
        if hearing.status is not HearingStatus.SCHEDULED:
            continue
        problems: list[Refusal | None] = (
            [day_off] if day_off else [_leave(calendar, hearing.start, end) if on_leave else None]
        )
        if not day_off:
            found = _containing_session(calendar, hearing.start, end, sessions)
            case = flags.get(hearing.a_number)
            if isinstance(found, Refusal):
                problems.append(found)
            elif case is not None:
                key = (hearing.kind, case.detained, case.juvenile)
                fitting = fits.get(key)
                if fitting is None:
                    fitting = fits[key] = fitting_session_kinds(*key, judge.sessions)
                if found[0].kind not in fitting:  # else it fits: no sentence to write
                    problems.append(_wrong_kind(judge, found, hearing, case, fitting))
        for problem in problems:
            if problem:
                reason = f"{_capital(describe(hearing))} on {long_day(day)}. {problem.reason}"
                yield Conflict(problem.kind, reason, (hearing.id or 0,), hearing.start)
    for index, members in called.items():
        session, interval = sessions[index]
        limit = session.case_limit or 0
        if sum(1 for h in members if h.status in OCCUPYING) > limit:
            reason = (
                f"The {clock(interval.start, interval.end)} {session_words(session.kind)} master "
                f"calendar on {long_day(day)} has {counted(len(members), 'case')} set; its limit is {limit}"
            )
            ids = tuple(h.id or 0 for h in members)
            yield Conflict(RefusalKind.OVER_LIMIT, reason, ids, members[0].start)
    # Overlaps: one conflict per group of hearings that overlap one another (below); the cases
    # of a master calendar share its call times and never overlap one another.
    if called:
        in_calendar = {id(h) for members in called.values() for h in members}
        kept = [(h, e) for h, e in zip(hearings, ends, strict=True) if id(h) not in in_calendar]
        hearings, ends = [h for h, _ in kept], [e for _, e in kept]
    for group, last in _overlap_groups(hearings, ends):
        first, second = group[0], group[1]
        reason = f"{_capital(describe(first))} overlaps {describe(second)}"
        if len(group) > 2:
            reason += (
                f" and {len(group) - 2} more: {len(group)} hearings overlap one another from "
                f"{clock(first.start, last).replace('-', ' to ')}"
            )
        yield Conflict(RefusalKind.OVERLAP, reason, tuple(h.id or 0 for h in group), first.start)


def _overlap_groups(
    hearings: list[Booked], ends: list[datetime]
) -> list[tuple[list[Booked], datetime]]:
    """The day's hearings (sorted by start) that overlap, in groups: two hearings clash when they
    overlap and at least one of them is still scheduled, and a group is a set of hearings linked
    by clashes (each clashes with at least one other of its group; every clash is inside one group).

    One sweep by start. A group stays open while one of its hearings has not ended; a new hearing
    joins (and merges) the open groups it clashes with; a held or completed hearing that clashes
    with nothing yet waits, by its end, for a scheduled one. So the work grows with the hearings,
    not with the number of clashing pairs (a crowded day has thousands of those), and so does the
    list returned: a clerk sees each tangle once, not every pair in it. ``ends`` are the
    hearings' ends; each group comes with the latest of its members'.
    """
    done: list[tuple[list[Booked], datetime]] = []
    # Open groups: [members, latest end, latest end of a scheduled member (or None)].
    open_: list[list] = []  # type: ignore[type-arg]
    waiting: list[tuple[datetime, int, Booked]] = []  # held alone, a heap by end
    for order, (hearing, end) in enumerate(zip(hearings, ends, strict=True)):
        start = hearing.start
        scheduled = hearing.status is HearingStatus.SCHEDULED
        members: list[Booked] = []
        latest, latest_scheduled = end, (end if scheduled else None)
        still: list[list] = []  # type: ignore[type-arg]
        for group in open_:
            if group[1] <= start:  # every member has ended: the group is complete
                done.append((group[0], group[1]))
            elif (group[1] if scheduled else group[2] or start) > start:  # a clash: merge
                if len(group[0]) > len(members):  # the smaller into the larger
                    group[0].extend(members)
                    members = group[0]
                else:
                    members.extend(group[0])
                latest = max(latest, group[1])
                if group[2] is not None and (
                    latest_scheduled is None or group[2] > latest_scheduled
                ):
                    latest_scheduled = group[2]
            else:
                still.append(group)
        if scheduled:
            while waiting and waiting[0][0] <= start:
                heapq.heappop(waiting)
            for other_end, _order, other in waiting:  # each has not ended: a clash
                members.append(other)
                latest = max(latest, other_end)
            waiting.clear()
        if members:
            members.append(hearing)
            still.append([members, latest, latest_scheduled])
        elif scheduled:
            still.append([[hearing], end, end])
        else:
            heapq.heappush(waiting, (end, order, hearing))
        open_ = still
    done.extend((group[0], group[1]) for group in open_)
    done = [(members, latest) for members, latest in done if len(members) > 1]
    for members, _latest in done:
        members.sort(key=lambda h: (h.start, h.id or 0))
    return done


def _day_off(calendar: CourtCalendar, day: date) -> Refusal | None:
    if not calendar.first <= day <= calendar.last:
        raise ValueError(f"the calendar covers {calendar.first} to {calendar.last}, not {day}")
    if day in calendar.holidays:
        reason = f"{long_day(day)} is {calendar.holidays[day]}, a federal holiday"
        return _refuse(RefusalKind.HOLIDAY, reason)
    if day in calendar.closures:
        reason = f"the court is closed on {long_day(day)}: {calendar.closures[day]}"
        return _refuse(RefusalKind.CLOSURE, reason)
    return None


def _leave(calendar: CourtCalendar, start: datetime, end: datetime) -> Refusal | None:
    wanted = Interval(start, end)
    day = start.date()
    midnight = datetime.combine(day, time())
    for leave in calendar.leave_on(day):
        if wanted.overlap_minutes(leave) > 0:
            if leave.start <= midnight and leave.end >= midnight + timedelta(days=1):
                when = f"all day on {long_day(day)}"
            else:
                shown = f"{leave.start:%H:%M}" if leave.start > midnight else "midnight"
                until = f"{leave.end:%H:%M}" if leave.end.date() == day else "midnight"
                when = f"from {shown} to {until} on {long_day(day)}"
            return _refuse(RefusalKind.LEAVE, f"the judge is on leave {when}")
    return None


def _containing_session(
    calendar: CourtCalendar,
    start: datetime,
    end: datetime,
    sessions: list[tuple[Session, Interval]] | None = None,
) -> tuple[Session, Interval] | Refusal:
    if sessions is None:
        sessions = calendar.bench_sessions(start.date())
    for session, interval in sessions:
        if interval.start <= start and end <= interval.end:
            return session, interval
    day = long_day(start.date())
    if not sessions:
        reason = f"there are no bench sessions on {day} in the weekly template"
        return _refuse(RefusalKind.OUTSIDE_SESSION, reason)
    for session, interval in sessions:
        if interval.start <= start < interval.end:
            reason = (
                f"{clock(start, end)} runs past the end of the {clock(interval.start, interval.end)} "
                f"{session_words(session.kind)} session"
            )
            return _refuse(RefusalKind.OUTSIDE_SESSION, reason)
    listed = ", ".join(f"{clock(i.start, i.end)} {session_words(s.kind)}" for s, i in sessions)
    reason = f"{clock(start, end)} is not inside a bench session; on {day} they are {listed}"
    return _refuse(RefusalKind.OUTSIDE_SESSION, reason)


def _wrong_kind(
    judge: Judge,
    found: tuple[Session, Interval],
    hearing: Booked,
    case: CaseFlags,
    fitting: frozenset[SessionKind] | None = None,
) -> Refusal | None:
    session, interval = found
    if fitting is None:
        fitting = fitting_session_kinds(hearing.kind, case.detained, case.juvenile, judge.sessions)
    if session.kind in fitting:
        return None
    whose = " and ".join(
        word for word, flag in (("detained", case.detained), ("juvenile", case.juvenile)) if flag
    )
    what = f"{_words(hearing.kind)} hearings" + (f" of {whose} cases" if whose else "")
    reason = (
        f"{what} go in {describe_kinds(fitting)}; {clock(interval.start, interval.end)} "
        f"is {describe_kinds(frozenset({session.kind}))}"
    )
    return _refuse(RefusalKind.WRONG_SESSION_KIND, reason)


def _overlap(hearing: Booked, others: list[Booked]) -> Refusal | None:
    start, end = hearing.start, end_of(hearing)
    clashes = sorted(
        (o for o in others if o.status in OCCUPYING and o.start < end and start < end_of(o)),
        key=lambda o: o.start,
    )
    if not clashes:
        return None
    reason = f"it overlaps {describe(clashes[0])}"
    if len(clashes) > 1:
        reason += f" and {len(clashes) - 1} more"
    ids = tuple(o.id for o in clashes if o.id is not None)
    return _refuse(RefusalKind.OVERLAP, reason, ids)


def _notice_period(hearing: Booked, case: Case, others: list[Booked]) -> Refusal | None:
    earliest = case.earliest_first_hearing
    if earliest is None or hearing.start.date() >= earliest:
        return None
    if any(o.a_number == case.a_number and o.start < hearing.start for o in others):
        return None  # not the case's first hearing
    reason = (
        f"the notice to appear of {format_a_number(case.a_number)} was served on "
        f"{long_day(case.nta_served)}: its first hearing may not be set before "  # type: ignore[arg-type]
        f"{long_day(earliest)} ({NOTICE_PERIOD_DAYS} days' notice, INA 239(b)(1))"
    )
    return _refuse(RefusalKind.NOTICE_PERIOD, reason)


def _too_short(judge: Judge, hearing: Booked) -> Refusal | None:
    floor = judge.hearing_minutes.get(hearing.kind)
    if floor is None or hearing.minutes >= floor.minimum:
        return None
    reason = (
        f"{_words(hearing.kind)} hearings last at least {counted(floor.minimum, 'minute')} in "
        f"this judge's profile; {counted(hearing.minutes, 'minute')} is too short"
    )
    return _refuse(RefusalKind.TOO_SHORT, reason)


def _refuse(kind: RefusalKind, reason: str, others: tuple[int, ...] = ()) -> Refusal:
    return Refusal(kind, _capital(reason), others)


def _words(kind: HearingKind) -> str:
    return kind.value.replace("_", " ")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
