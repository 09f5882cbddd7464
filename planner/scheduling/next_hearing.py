"""What a case's next hearing is when a clerk drags it onto the calendar: its kind and length."""

from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind, HearingStatus

#: The calendar's grid: hearings start and end on multiples of this many minutes.
SNAP_MINUTES = 5

#: Case kinds heard at a hearing of their own kind, whatever came before.
_OWN_KIND = {
    "bond": HearingKind.BOND,
    "fear_review": HearingKind.FEAR_REVIEW,
    "motion": HearingKind.MOTION,
}
_HEARD = frozenset({HearingStatus.HELD, HearingStatus.COMPLETED})


@dataclass(frozen=True, slots=True)
class HearingPlan:
    """A pending case with its hearings so far, and the hearing a drop would set for it."""

    case_id: int
    case: Case
    hearings: tuple[Hearing, ...]
    kind: HearingKind
    minutes: int


def snap(minutes: float, step: int = SNAP_MINUTES) -> int:
    """``minutes`` to the nearest multiple of ``step``."""
    return round(minutes / step) * step


def snap_up(minutes: float, step: int = SNAP_MINUTES) -> int:
    """``minutes`` up to a multiple of ``step``."""
    return int(-(-minutes // step)) * step


def next_hearing(judge: Judge, case: Case, hearings: Iterable[Hearing]) -> tuple[HearingKind, int]:
    """The kind and minutes of a case's next hearing (docs/scheduling.md, "Scheduling by hand").

    Bond, fear-review and motion cases get a hearing of that kind at the judge's default length.
    Other cases get a master hearing until one of their hearings has been held; then an individual
    (merits) hearing as long as the case's estimate (the judge's override, else the case kind's
    default), but not under the individual minimum nor over the longest bench session. A case whose
    estimate is under the individual minimum goes back to a master calendar.
    """
    own = _OWN_KIND.get(case.kind)
    if own is not None:
        return own, _default(judge, own)
    if not any(h.status in _HEARD for h in hearings):
        return HearingKind.MASTER, _default(judge, HearingKind.MASTER)
    estimate = case.remaining_minutes or judge.minutes_for(case.kind).default
    floor = judge.hearing_minutes.get(HearingKind.INDIVIDUAL)
    if floor is not None and estimate < floor.minimum:
        return HearingKind.MASTER, _default(judge, HearingKind.MASTER)
    longest = max((s.minutes for s in judge.sessions if s.kind.is_bench), default=estimate)
    return HearingKind.INDIVIDUAL, max(SNAP_MINUTES, min(snap_up(estimate), longest))


def _default(judge: Judge, kind: HearingKind) -> int:
    minutes = judge.hearing_minutes.get(kind)
    return snap_up(minutes.default) if minutes else 30
