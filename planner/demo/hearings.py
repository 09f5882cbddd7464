"""Placing hearings in a judge's sessions: held ones before today, scheduled ones after it."""

import math
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from random import Random

from planner.demo.plan import JudgePlan
from planner.domain.calendar import Interval
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Session
from planner.domain.seating import fitting_session_kinds
from planner.domain.vocabulary import (
    AdjournmentCause,
    CompletionKind,
    HearingKind,
    HearingStatus,
    Party,
    SessionKind,
)

SK = SessionKind


def fitting_sessions(
    kind: HearingKind, case: Case, template: Iterable[Session]
) -> tuple[SessionKind, ...]:
    """The session kinds a hearing of ``kind`` for ``case`` may sit in, in the judge's
    ``template``: the one table of the rule (``planner.domain.seating``), in the vocabulary's
    order."""
    kinds = fitting_session_kinds(kind, case.detained, case.juvenile, template)
    return tuple(k for k in SessionKind if k in kinds)


def _home(kinds: tuple[SessionKind, ...], template: tuple[Session, ...]) -> SessionKind:
    """The calendar a hearing is set on: the first of ``kinds`` the template has."""
    present = {session.kind for session in template}
    return next((kind for kind in kinds if kind in present), kinds[0])


#: Minutes of each hearing the demo sets.
_MINUTES = {HearingKind.MASTER: 15, HearingKind.BOND: 30, HearingKind.FEAR_REVIEW: 45}
_MERITS = {"asylum": 180, "cancellation": 180, "asylum_only": 180, "adjustment": 60}

_LABR = "Matter of L-A-B-R-, 27 I&N Dec. 405 (A.G. 2018)"
#: Continuances the demo records: the reason in words, in the vocabulary, and who asked.
_C, _P = AdjournmentCause, Party
_ADJOURNMENTS = (
    (f"respondent to seek counsel: good cause for a first continuance ({_LABR})", _C.COUNSEL, _P.RESPONDENT),
    (f"respondent to seek counsel: good cause for a first continuance ({_LABR})", _C.COUNSEL, _P.RESPONDENT),
    (f"respondent to file the I-589 with supporting evidence: good cause ({_LABR})", _C.OTHER, _P.RESPONDENT),
    ("interpreter not available for the respondent's language: reset by the court", _C.INTERPRETER, _P.COURT),
    ("DHS did not produce the detained respondent", _C.DHS_NOT_READY, _P.DHS),
    ("background and security checks not complete (8 CFR 1003.47)", _C.DHS_NOT_READY, _P.DHS),
)  # fmt: skip

#: How far ahead each calendar is set: master calendars for ten weeks, bond for three,
#: individual (merits) calendars to the end of the fiscal year.
_HORIZON_DAYS = {SK.MASTER: 70, SK.JUVENILE: 70, SK.DETAINED_MASTER: 42, SK.BOND: 21}


class _Sessions:
    """The judge's open bench sessions by day, and the minutes already used in each."""

    def __init__(self, plan: JudgePlan) -> None:
        self._calendar = plan.calendar
        self._workdays = plan.workdays
        self._open: dict[date, list[tuple[Session, Interval]]] = {}
        self.used: dict[tuple[date, Session], int] = {}

    def on(self, day: date) -> list[tuple[Session, Interval]]:
        found = self._open.get(day)
        if found is None:
            found = (
                [
                    (session, interval)
                    for session, interval in self._calendar.bench_sessions(day)
                    if self._calendar.leave_minutes_in(interval) == 0
                ]
                if day in self._workdays
                else []
            )
            self._open[day] = found
        return found

    def place(self, day: date, kinds: tuple[SessionKind, ...], minutes: int) -> datetime | None:
        """The start of the first free stretch of ``minutes`` in a fitting session of the day."""
        for session, interval in self.on(day):
            if session.kind in kinds:
                used = self.used.get((day, session), 0)
                if used + minutes <= session.minutes:
                    self.used[(day, session)] = used + minutes
                    return interval.start + timedelta(minutes=used)
        return None


def _days(first: date, last: date) -> Iterator[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


def schedule(rng: Random, plan: JudgePlan, pending: list[Case], done: list[Case]) -> list[Hearing]:
    sessions = _Sessions(plan)
    hearings = _held(rng, plan, sessions, pending, done)
    hearings += _scheduled(rng, plan, sessions, pending)
    return hearings


def _held(
    rng: Random, plan: JudgePlan, sessions: _Sessions, pending: list[Case], done: list[Case]
) -> list[Hearing]:
    """The completing hearing of most completions, and for some pending cases a master hearing
    held or adjourned in the last eight weeks."""
    hearings = []
    template = plan.judge.sessions
    for case in done:
        kind = _completing_hearing(case)
        if kind is None:
            continue
        minutes = _MINUTES.get(kind) or _MERITS[case.kind]
        fits = fitting_sessions(kind, case, template)
        start = sessions.place(case.completion_date, fits, minutes)  # type: ignore[arg-type]
        if start is not None:
            hearings.append(Hearing(case.a_number, start, minutes, kind, HearingStatus.COMPLETED))
    recent = [day for day in plan.past_workdays if (plan.today - day).days <= 56]
    if not recent:
        return hearings
    masters: list[Hearing] = []
    for case in pending:
        if case.kind in ("bond", "fear_review", "motion") or rng.random() >= 0.3:
            continue
        day = rng.choice(recent)
        if day <= case.received:
            continue
        start = sessions.place(day, fitting_sessions(HearingKind.MASTER, case, template), 15)
        if start is None:
            continue
        masters.append(Hearing(case.a_number, start, 15, HearingKind.MASTER, HearingStatus.HELD))
    # Adjourn no more of them than the profile's rate of every outcome recorded before today
    # (the demo's calibration counts that rate, so the observed one never exceeds it and the
    # verdict lands where the profile aims): docs/forecast.md, "Adjournments".
    recorded = sum(h.start.date() < plan.today for h in hearings) + len(masters)
    adjourned = min(len(masters), math.floor(plan.judge.adjournment_rate_pct / 100 * recorded))
    for index in rng.sample(range(len(masters)), adjourned):
        reason, cause, asker = rng.choice(_ADJOURNMENTS)
        masters[index] = replace(
            masters[index],
            status=HearingStatus.ADJOURNED,
            adjournment_reason=reason,
            adjournment_cause=cause,
            adjourned_by=asker,
        )
    return hearings + masters


def _completing_hearing(case: Case) -> HearingKind | None:
    if (
        case.completion_kind
        in (
            CompletionKind.CHANGE_OF_VENUE,
            CompletionKind.TRANSFER,
            CompletionKind.ADMINISTRATIVE_CLOSURE,
        )
        or case.kind == "motion"
    ):
        return None  # decided on the papers
    if case.kind == "bond":
        return HearingKind.BOND
    if case.kind == "fear_review":
        return HearingKind.FEAR_REVIEW
    if case.completion_kind is CompletionKind.RELIEF_GRANTED or (
        case.kind != "removal" and case.completion_kind is CompletionKind.REMOVAL_ORDER
    ):
        return HearingKind.INDIVIDUAL
    return HearingKind.MASTER


def _scheduled(
    rng: Random, plan: JudgePlan, sessions: _Sessions, pending: list[Case]
) -> list[Hearing]:
    """Fill the sessions after today, calendar by calendar, from queues of cases awaiting a
    hearing of that kind; each case gets at most one, on the first calendar of its kind the
    judge's template has (juvenile cases in juvenile sessions when there are any)."""
    template = plan.judge.sessions
    queues: dict[SessionKind, list[tuple[Case, HearingKind, int]]] = {kind: [] for kind in SK}
    for case in sorted(pending, key=lambda c: c.received):
        draw = rng.random()
        if case.kind in ("bond", "fear_review"):
            kind = HearingKind.BOND if case.kind == "bond" else HearingKind.FEAR_REVIEW
            queues[SK.BOND].append((case, kind, _MINUTES[kind]))
        elif case.kind == "motion":
            continue
        elif case.detained and 0.4 <= draw < 0.6 and case.kind in _MERITS:
            # A detained case is a priority (domain.md): its next hearing is always queued.
            home = _home(fitting_sessions(HearingKind.INDIVIDUAL, case, template), template)
            queues[home].append((case, HearingKind.INDIVIDUAL, _MERITS[case.kind]))
        elif draw < 0.4 or case.detained:
            home = _home(fitting_sessions(HearingKind.MASTER, case, template), template)
            queues[home].append((case, HearingKind.MASTER, 15))
        elif draw < 0.6 and case.kind in _MERITS:
            home = _home(fitting_sessions(HearingKind.INDIVIDUAL, case, template), template)
            queues[home].append((case, HearingKind.INDIVIDUAL, _MERITS[case.kind]))
    for queue in queues.values():
        queue.reverse()  # oldest case last: pop() takes it first
    hearings = []
    first, last = plan.today + timedelta(days=1), plan.calendar.last
    for day in _days(first, last):
        for session, interval in sessions.on(day):
            horizon = _HORIZON_DAYS.get(session.kind)
            if horizon is not None and (day - plan.today).days > horizon:
                continue
            queue = queues[session.kind]
            spare = rng.randrange(0, 46, 15) if session.kind is SK.MASTER else 0
            budget = session.minutes - spare
            used = sessions.used.get((day, session), 0)
            while queue and used + queue[-1][2] <= budget:
                case, kind, minutes = queue.pop()
                start = interval.start + timedelta(minutes=used)
                hearings.append(Hearing(case.a_number, start, minutes, kind))
                used += minutes
            sessions.used[(day, session)] = used
    return hearings
