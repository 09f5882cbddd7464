"""Demand: completions so far, and the bench minutes each pending case still needs."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, HearingStatus
from planner.forecast.facts import CaseFacts, HearingFacts


@dataclass(frozen=True, slots=True)
class Demand:
    """The docket as the forecast sees it at as-of.

    ``work`` holds each pending case's remaining work r_i in minutes and ``floor`` its minimum
    m_i, in the same order as ``kinds``.
    """

    completed: int
    work: np.ndarray
    floor: np.ndarray
    kinds: tuple[str, ...]
    booked_minutes: float
    fully_booked: int

    @property
    def pending(self) -> int:
        return len(self.kinds)


def completed_as_of(case: CaseFacts, as_of: date) -> bool:
    """A completion dated after as-of has not happened yet, from the forecast's point of view."""
    return (
        case.status is CaseStatus.COMPLETED
        and case.completion_date is not None
        and case.completion_date <= as_of
    )


def measure_demand(
    judge: Judge,
    cases: Iterable[CaseFacts],
    hearings: Iterable[HearingFacts],
    fy_first: date,
    as_of: datetime,
    window_end: datetime,
) -> Demand:
    """Count completions in the fiscal year to as-of and measure each pending case's work.

    r_i is the larger of the case's booked minutes in the window and its estimate (the judge's
    override, else the kind's default): booked hearings are part of what the case still needs,
    unless they already exceed it. m_i is the kind's minimum, never more than r_i itself.
    """
    booked_by_case: dict[str, int] = defaultdict(int)
    booked_total = 0
    for hearing in hearings:
        if hearing.status is HearingStatus.SCHEDULED and as_of <= hearing.start < window_end:
            booked_by_case[hearing.a_number] += hearing.minutes
            booked_total += hearing.minutes

    today = as_of.date()
    counted = judge.counted_completions
    completed_status = CaseStatus.COMPLETED
    completed = 0
    work: list[float] = []
    floor: list[float] = []
    kinds: list[str] = []
    fully_booked = 0
    # The per-case loop runs for every pending case of every judge: local names and a
    # per-kind table of the judge's minutes keep it cheap (docs/performance.md).
    kind_minutes: dict[str, tuple[int, int]] = {}
    booked_of = booked_by_case.get
    for case in cases:
        if case.status is completed_status:
            done = case.completion_date
            if done is not None and done <= today:
                if fy_first <= done and case.completion_kind in counted:
                    completed += 1
                continue
        if case.received > today:
            continue
        kind = case.kind
        pair = kind_minutes.get(kind)
        if pair is None:
            minutes = judge.minutes_for(kind)
            pair = kind_minutes[kind] = (minutes.default, minutes.minimum)
        estimate = case.remaining_minutes or pair[0]
        booked = booked_of(case.a_number, 0)
        remaining = booked if booked > estimate else estimate
        work.append(remaining)
        floor.append(pair[1] if pair[1] < remaining else remaining)
        kinds.append(kind)
        if booked >= estimate:
            fully_booked += 1
    return Demand(
        completed=completed,
        work=np.asarray(work, dtype=float),
        floor=np.asarray(floor, dtype=float),
        kinds=tuple(kinds),
        booked_minutes=float(booked_total),
        fully_booked=fully_booked,
    )
