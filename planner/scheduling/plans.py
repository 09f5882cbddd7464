"""What each unscheduled case still needs: its remaining hearings, earliest day, clock and priority.

The auto-scheduler's demand side (docs/autoschedule.md, "What a case needs"), Qt-free and pure.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from planner.domain.judge import Judge, KindMinutes
from planner.domain.rules import RuleSet, age_deadline, clock_base, first_master_hearings
from planner.domain.seating import fitting_session_kinds
from planner.domain.stored_case import SchedulableCase
from planner.domain.vocabulary import (
    ASYLUM_CLOCK_DAYS,
    DEFAULT_HEARING_MINUTES,
    NOTICE_PERIOD_DAYS,
    CaseStatus,
    HearingKind,
    HearingStatus,
    SessionKind,
    hearings_of_kind,
)
from planner.scheduling.booking import Booked

#: The motions benchmark (shared/domain.md): adjudicated within 20 days of receipt.
MOTION_CLOCK_DAYS = 20

M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741 (the vocabulary's letters)

#: For a profile that lacks a hearing kind (an older docket file, say): the vocabulary's defaults.
_DEFAULT_HEARING_MINUTES = {
    kind: KindMinutes(*pair) for kind, pair in DEFAULT_HEARING_MINUTES.items()
}


class Need(NamedTuple):
    """One hearing a case still needs: its kind, its minutes, the session kinds it may sit in."""

    kind: HearingKind
    minutes: int
    sessions: frozenset[SessionKind]


class CaseNeeds(NamedTuple):
    """An unscheduled pending case and the hearings that would complete it."""

    case: SchedulableCase
    needs: tuple[Need, ...]
    earliest: date  # the first day its first proposed hearing may be set
    deadline: date | None  # its legal clock's end (asylum 180 days, motion 20 days), or its
    # nearest age target's end when the rule set's age clocks count as deadlines, if any
    held: int  # hearings it already had (held or completed)

    @property
    def minutes(self) -> int:
        return sum(need.minutes for need in self.needs)

    @property
    def priority(self) -> bool:
        """Detained, or under a legal clock: the memorandum of 17 January 2018's priorities."""
        return self.case.detained or self.deadline is not None


def legal_deadline(
    case: SchedulableCase, rules: RuleSet | None = None, first_master: date | None = None
) -> date | None:
    """The end of the case's legal clock: the asylum clock (180 days from filing) or the motions
    benchmark (20 days from receipt), and with ``rules`` the end of each of the rule set's age
    clocks that applies to it (detained 60 days, non-detained 365 ...), whichever comes first;
    None without one. ``first_master``: the day of the case's first master hearing, where the
    Dedicated Docket's clock starts."""
    asylum = case.asylum_deadline
    found = [asylum] if asylum is not None else []
    if case.kind == "motion":
        found.append(case.received + timedelta(days=MOTION_CLOCK_DAYS))
    if rules is not None:
        age = age_deadline(rules, case, first_master)
        if age is not None:
            found.append(age)
    return min(found) if found else None


def unscheduled_needs(
    judge: Judge,
    cases: Iterable[SchedulableCase],
    hearings: Iterable[Booked],
    first: date,
    *,
    notice_days: int = NOTICE_PERIOD_DAYS,
    longest_session: dict[SessionKind, int] | None = None,
    rules: RuleSet | None = None,
) -> list[CaseNeeds]:
    """Each pending case received by ``first`` with no hearing still scheduled from ``first`` on,
    and what it needs (docs/autoschedule.md). With ``rules``, the rule set's age clocks count
    as deadlines too.

    ``longest_session`` maps a session kind to the minutes of its longest session; a merits
    hearing longer than every session it may sit in is split into equal parts (whole 5 minutes)
    that each fit, heard on successive days.
    """
    scheduled: set[str] = set()
    had_lists: dict[str, list[HearingKind]] = {}
    hearings = list(hearings)
    first_masters = first_master_hearings(hearings)
    for hearing in hearings:
        if hearing.status is HearingStatus.SCHEDULED and hearing.start.date() >= first:
            scheduled.add(hearing.a_number)
        elif hearing.status in (HearingStatus.HELD, HearingStatus.COMPLETED):
            had_lists.setdefault(hearing.a_number, []).append(hearing.kind)
    had = {a_number: tuple(kinds) for a_number, kinds in had_lists.items()}
    found: list[CaseNeeds] = []
    fitting: dict[tuple[HearingKind, bool, bool], frozenset[SessionKind]] = {}
    notice = timedelta(days=notice_days)
    served_by = first - notice  # a notice served by this day has run by ``first``
    pending = CaseStatus.PENDING
    # What a case needs and how far its clocks run follow from these of its facts alone:
    # worked out once per shape (a docket of thousands has a few dozen shapes), so that what is
    # left per case is its own days. Cases that differ in their docket alone share one tuple of
    # needs (the placement remembers the hopeless by it).
    needs_of: dict[_NeedsShape, tuple[Need, ...]] = {}
    shapes: dict[tuple[str, tuple[HearingKind, ...], int | None, bool, bool, bool], _Shape] = {}
    for case in cases:
        a_number = case.a_number
        if case.status is not pending or case.received > first or a_number in scheduled:
            continue
        before = had.get(a_number, ())
        shape = (
            case.kind,
            before,
            case.remaining_minutes,
            case.detained,
            case.juvenile,
            case.dedicated_docket,
        )
        known = shapes.get(shape)
        if known is None:
            needs_shape = shape[:5]
            needs = needs_of.get(needs_shape)
            if needs is None:
                kinds, dropped = _remaining_kinds(case.kind, list(before))
                minutes = _minutes(judge, case, kinds, dropped)
                needs = _needs(judge, case, kinds, minutes, longest_session or {}, fitting)
                needs_of[needs_shape] = needs
            clocks = _deadline_days(case.kind, case.detained, case.dedicated_docket, rules)
            known = shapes[shape] = (needs, *clocks)
        needs, from_received, from_filed, from_first_master = known
        earliest = first
        served = case.nta_served
        if served is not None and served > served_by and not before:
            earliest = served + notice  # its notice period runs past ``first``
        # The earliest of the clocks' ends (``legal_deadline``), from the days they count from.
        deadline = None if from_received is None else case.received + from_received
        filed = case.asylum_filed
        if filed is not None and from_filed is not None:
            day = filed + from_filed
            deadline = day if deadline is None or day < deadline else deadline
        if from_first_master is not None:
            first_master = first_masters.get(a_number)
            if first_master is not None:
                day = first_master + from_first_master
                deadline = day if deadline is None or day < deadline else deadline
        found.append(CaseNeeds(case, needs, earliest, deadline, len(before)))
    return found


#: What a case's needs follow from: its kind, the hearings it had, its estimate, detention and
#: whether it is a juvenile's.
_NeedsShape = tuple[str, tuple[HearingKind, ...], int | None, bool, bool]

#: A shape's needs and its ``_DeadlineDays``, one flat tuple.
_Shape = tuple[tuple["Need", ...], timedelta | None, timedelta | None, timedelta | None]

#: From a case's receipt, its asylum filing and its first master hearing to the nearest clock
#: counted from each (None: none is).
_DeadlineDays = tuple[timedelta | None, timedelta | None, timedelta | None]


def _deadline_days(
    kind: str, detained: bool, dedicated_docket: bool, rules: RuleSet | None
) -> _DeadlineDays:
    """``legal_deadline`` for every case of this kind, detention and docket, as the time from
    its receipt to the nearest clock counted from it, from its asylum filing to the nearest
    counted from that (the asylum clock's 180 days at most), and from its first master hearing
    (the Dedicated Docket's): the deadline is the earliest day these give (one triple per shape,
    not every clock per case)."""
    spans: dict[str, list[int]] = {
        "received": [MOTION_CLOCK_DAYS] if kind == "motion" else [],
        "asylum_filed": [ASYLUM_CLOCK_DAYS],
        "first_master": [],
    }
    for target in rules.targets if rules is not None else ():
        base = clock_base(target, kind, detained, dedicated_docket)
        if base is not None:
            spans[base].append(target.days)
    received, filed, first_master = (
        timedelta(days=min(days)) if days else None for days in spans.values()
    )
    return received, filed, first_master


def _remaining_kinds(
    case_kind: str, had: list[HearingKind]
) -> tuple[list[HearingKind], list[HearingKind]]:
    """The kind's hearings less the leading ones the case already had (at least the last), and
    the ones dropped."""
    plan = list(hearings_of_kind(case_kind))
    left = list(had)
    dropped = []
    while len(plan) > 1 and plan[0] in left:
        left.remove(plan[0])
        dropped.append(plan.pop(0))
    return plan, dropped


def _minutes(
    judge: Judge, case: SchedulableCase, kinds: list[HearingKind], dropped: list[HearingKind]
) -> list[int]:
    """Each hearing's minutes: the hearings before the last at the judge's default for their
    kind, and the last one what is left of the case's estimate (the judge's override of the
    case, else the case kind's default, less the default minutes of the hearings it already
    had), never under the last hearing kind's floor. An override of a case heard in master
    hearings that is longer than they add up to means a contested case: a master hearing, then a
    merits hearing."""
    hearing = {**_DEFAULT_HEARING_MINUTES, **judge.hearing_minutes}
    estimate = case.remaining_minutes
    if estimate is None:
        kind_minutes = judge.case_minutes.get(case.kind)
        estimate = kind_minutes.default if kind_minutes else hearing[I].default
        estimate -= sum(hearing[kind].default for kind in dropped)
    elif I not in kinds and kinds[0] is M and estimate > sum(hearing[k].default for k in kinds):
        kinds[1:] = [I]
    minutes = [hearing[kind].default for kind in kinds]
    minutes[-1] = max(estimate - sum(minutes[:-1]), hearing[kinds[-1]].minimum)
    return minutes


def _needs(
    judge: Judge,
    case: SchedulableCase,
    kinds: list[HearingKind],
    minutes: list[int],
    longest: dict[SessionKind, int],
    fitting: dict[tuple[HearingKind, bool, bool], frozenset[SessionKind]],
) -> tuple[Need, ...]:
    needs: list[Need] = []
    for kind, length in zip(kinds, minutes, strict=True):
        key = (kind, case.detained, case.juvenile)
        sessions = fitting.get(key)
        if sessions is None:
            sessions = fitting[key] = fitting_session_kinds(kind, *key[1:], judge.sessions)
        room = max((longest.get(s, 0) for s in sessions), default=0)
        parts = 1
        if kind is I and room and length > room:
            parts = -(-length // room)
        each = -(-length // parts)
        if parts > 1 and -(-each // 5) * 5 <= room:
            each = -(-each // 5) * 5
        needs.extend(Need(kind, each, sessions) for _ in range(parts))
    return tuple(needs)
