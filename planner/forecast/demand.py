"""Demand: completions so far, and the bench minutes each pending case still needs."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from planner.domain.judge import Judge
from planner.domain.vocabulary import OFF_DOCKET, CaseStatus, HearingStatus
from planner.forecast.adjournments import for_sittings, of_workload
from planner.forecast.facts import CaseFacts, HearingFacts, PendingGroup, Workload
from planner.forecast.window import Window

#: A hearing's recorded outcomes: it sat, and went ahead (held, completed) or was adjourned.
RECORDED_OUTCOMES = frozenset(
    {HearingStatus.HELD, HearingStatus.ADJOURNED, HearingStatus.COMPLETED}
)


class Demand(NamedTuple):
    """The docket as the forecast sees it at as-of.

    The pending cases come in groups of alike cases: ``counts[g]`` cases of kind ``kinds[g]``,
    each with remaining work ``work[g]`` minutes (r_i) and minimum ``floor[g]`` (m_i).
    """

    completed: int
    work: tuple[float, ...]
    floor: tuple[float, ...]
    counts: tuple[int, ...]
    kinds: tuple[str, ...]
    booked_minutes: float
    fully_booked: int

    @property
    def pending(self) -> int:
        return sum(self.counts)


def tally_workload(
    judge: Judge,
    cases: Iterable[CaseFacts],
    hearings: Iterable[HearingFacts],
    window: Window,
) -> Workload:
    """The docket's workload at the window's as-of: the rules of docs/forecast.md ("Demand").

    - A case counts as completed if it is ``completed`` with a completion date from the fiscal
      year's first day to as-of's day, of a completion kind the judge counts.
    - Any other case is pending, unless it is completed on or before as-of's day (a completion
      dated after as-of has not happened yet) or was received after as-of's day.
    - A case's booked minutes are those of its hearings still ``scheduled`` that start in the
      window; ``booked_minutes`` adds up every such hearing, whatever its case.
    - The adjournment history: every hearing that started before as-of with an outcome
      recorded (``held``, ``adjourned``, ``completed``), and how many of them were adjourned.

    The store computes the same workload in SQL (``Repository.forecast_inputs``); a property
    test keeps the two in agreement.
    """
    as_of, end, first, today = window.as_of, window.end, window.first, window.today
    booked_by_case: dict[str, int] = defaultdict(int)
    booked_by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    booked_total = 0
    booked: list[tuple[str, str, int]] = []
    recorded = adjourned = 0
    for hearing in hearings:
        if hearing.status in RECORDED_OUTCOMES and hearing.start < as_of:
            recorded += 1
            adjourned += hearing.status is HearingStatus.ADJOURNED
        if hearing.status is HearingStatus.SCHEDULED and as_of <= hearing.start < end:
            booked_by_case[hearing.a_number] += hearing.minutes
            booked_by_kind[hearing.a_number][str(hearing.kind)] += hearing.minutes
            booked_total += hearing.minutes
            booked.append((hearing.a_number, str(hearing.kind), hearing.minutes))

    counted = judge.counted_completions
    completed = 0
    groups: Counter[tuple[Any, ...]] = Counter()
    flags: dict[str, tuple[bool, bool]] = {}
    for case in cases:
        flags[case.a_number] = (bool(case.detained), bool(case.juvenile))
        done = case.completion_date
        if case.status is CaseStatus.COMPLETED and done is not None and done <= today:
            if first <= done and case.completion_kind in counted:
                completed += 1
            continue
        if case.received > today or case.status in OFF_DOCKET:
            continue  # not received yet, or off the active docket: not pending work
        by_kind: Counter[str] = booked_by_kind.get(case.a_number, Counter())
        groups[
            case.kind,
            case.remaining_minutes,
            booked_by_case.get(case.a_number, 0),
            bool(case.detained),
            bool(case.juvenile),
            tuple(sorted((kind, minutes) for kind, minutes in by_kind.items() if minutes)),
        ] += 1
    # A hearing of a case not on the docket counts as booked; its flags are unknown (ordinary).
    booked_hearings: Counter[tuple[str, bool, bool]] = Counter()
    for a_number, kind, minutes in booked:
        booked_hearings[(kind, *flags.get(a_number, (False, False)))] += minutes
    return Workload(
        completed=completed,
        pending=tuple(
            PendingGroup(kind, override, total, count, detained, juvenile, kinds)
            for (kind, override, total, detained, juvenile, kinds), count in groups.items()
        ),
        booked_minutes=booked_total,
        booked_hearings=tuple(
            (*key, minutes) for key, minutes in booked_hearings.items() if minutes
        ),
        recorded_outcomes=recorded,
        adjourned_outcomes=adjourned,
    )


def measure_demand(judge: Judge, workload: Workload) -> Demand:
    """Each pending case's remaining work r_i and minimum m_i, from the judge's minutes.

    r_i is the larger of the case's booked minutes in the window and its estimate (the judge's
    override, else the kind's default): booked hearings are part of what the case still needs,
    unless they already exceed it. m_i is the kind's minimum, never more than r_i itself.
    Both are then multiplied by the sittings each hearing is expected to take, 1 / (1 - p) for
    the judge's adjournment rate p (``planner.forecast.adjournments``): with p = 0, by nothing.
    """
    sittings = of_workload(judge, workload).sittings_per_hearing
    work: list[int] = []
    floor: list[int] = []
    counts: list[int] = []
    fully_booked = 0
    for group in workload.pending:
        minutes = judge.minutes_for(group.kind)
        estimate = group.estimate_override or minutes.default
        remaining = max(group.booked, estimate)
        work.append(remaining)
        floor.append(min(minutes.minimum, remaining))
        counts.append(group.count)
        if group.booked >= estimate:
            fully_booked += group.count
    return Demand(
        completed=workload.completed,
        work=tuple(for_sittings(float(w), sittings) for w in work),
        floor=tuple(for_sittings(float(m), sittings) for m in floor),
        counts=tuple(counts),
        kinds=tuple(g.kind for g in workload.pending),
        booked_minutes=float(workload.booked_minutes),
        fully_booked=fully_booked,
    )
