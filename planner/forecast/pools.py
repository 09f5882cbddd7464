"""The forecast by pools: each pending case's minutes in the pools that may hold its hearings,
and K(f), the most cases whose hearings fit in every pool at once (docs/forecast.md, "Pools").

A hearing that more than one pool may hold (a motion may sit in any bench session) is fluid
between them: K ignores how minutes split across days and sessions, so it also ignores how such
a hearing's minutes split across its pools. Its demand then fits exactly when, for every set S
of pools, the minutes of the hearings that only S may hold are at most S's capacity; those are
the constraints of the integer programme ``planner.forecast.packing`` solves.
"""

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from planner.domain.judge import Judge, KindMinutes
from planner.domain.seating import Pool, pools_for, track_of
from planner.domain.vocabulary import (
    DEFAULT_HEARING_MINUTES,
    HearingKind,
    hearings_of_kind,
)
from planner.forecast.adjournments import for_sittings, of_workload
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.packing import Packing

_BISECTION_STEPS = 20
#: Relaxations one step of the bisection may solve before HiGHS decides it (``Packing.most``).
#: One is enough for most: on the national demo as of 6 December 2026, 3 of 3,932 searches ran
#: out; late in the fiscal year more do, where N fit only with two pools filled to the minute
#: (docs/performance.md, "K(f) over the fiscal year"). A step HiGHS cannot decide either (not
#: loadable, out of time) counts as "does not fit", so f* is never overstated.
_DECISION_BUDGET = 16
#: Relaxations one count of K may solve; past it, HiGHS settles the count (``Packing.most``).
#: Until late in the fiscal year every count measured was proven by the first relaxation; then
#: some counts at the floors need HiGHS (docs/performance.md, "K(f) exact").
_COUNT_BUDGET = 64

PoolSet = frozenset[int]


class CaseGroup(NamedTuple):
    """``count`` pending cases alike for the pool model: remaining work r, floor m, and r's
    minutes by the set of pools that may hold them (at current lengths; they sum to r)."""

    #: The field hides the tuple's count() method, which nothing calls on a group.
    count: int  # type: ignore[assignment]
    work: float
    floor: float
    shares: tuple[tuple[PoolSet, float], ...]

    def unit(self) -> dict[PoolSet, float]:
        """Each pool set's share of the case's length (the shares scaled to sum to 1)."""
        if self.work <= 0:
            return {}
        return {pools: minutes / self.work for pools, minutes in self.shares}


def hearing_minutes(judge: Judge) -> dict[HearingKind, KindMinutes]:
    """The judge's minutes per hearing kind, the vocabulary's for a kind the profile lacks."""
    table = {kind: KindMinutes(*pair) for kind, pair in DEFAULT_HEARING_MINUTES.items()}
    table.update(judge.hearing_minutes)
    return table


def case_groups(judge: Judge, workload: Workload, pools: Sequence[Pool]) -> list[CaseGroup]:
    """Each group of alike pending cases with its minutes by pool set.

    r and m are the forecast's (docs/forecast.md, "Demand"). Booked hearings count in the pools
    their kind may sit in; the rest of r (r less the booked minutes) goes to the hearings of the
    case kind not yet booked (all of them if none is), each but the last at its kind's default
    minutes and the last taking what is left. As for the auto-scheduler, a judge's override
    longer than a master-calendar kind's hearings add up to means a master hearing, then a
    merits hearing. Every minute is then multiplied by the sittings each hearing is expected to
    take, 1 / (1 - p) for the judge's adjournment rate p (``planner.forecast.adjournments``).
    """
    minutes_of = hearing_minutes(judge)
    sittings = of_workload(judge, workload).sittings_per_hearing
    merged: dict[tuple[Any, ...], int] = defaultdict(int)
    for group in workload.pending:
        minutes = judge.minutes_for(group.kind)
        estimate = group.estimate_override or minutes.default
        work = max(group.booked, estimate)
        floor = min(minutes.minimum, work)
        track = track_of(group.detained, group.juvenile)
        shares: dict[PoolSet, float] = defaultdict(float)
        for kind, booked in group.booked_kinds:
            shares[pools_for(HearingKind(kind), track, pools)] += booked
        rest = work - group.booked
        if rest > 0:
            left = _unbooked(group, estimate, minutes_of)
            for kind in left[:-1]:
                take = min(minutes_of[kind].default, rest)
                shares[pools_for(kind, track, pools)] += take
                rest -= take
            shares[pools_for(left[-1], track, pools)] += rest
        key = (
            for_sittings(float(work), sittings),
            for_sittings(float(floor), sittings),
            tuple(
                sorted(
                    (tuple(sorted(p)), for_sittings(m, sittings)) for p, m in shares.items() if m
                )
            ),
        )
        merged[key] += group.count
    return [
        CaseGroup(count, work, floor, tuple((frozenset(p), m) for p, m in shares))
        for (work, floor, shares), count in merged.items()
    ]


def _unbooked(
    group: PendingGroup, estimate: int, minutes_of: dict[HearingKind, KindMinutes]
) -> list[HearingKind]:
    """The hearings of a group's case kind not yet booked (all of them if none is; the last
    one if every one is): an override longer than a master-calendar kind's hearings add up to
    means a master hearing, then a merits hearing."""
    plan = list(hearings_of_kind(group.kind))
    if (
        group.estimate_override is not None
        and HearingKind.INDIVIDUAL not in plan
        and plan[0] is HearingKind.MASTER
        and estimate > sum(minutes_of[k].default for k in plan)
    ):
        plan = [HearingKind.MASTER, HearingKind.INDIVIDUAL]
    booked_kinds = {kind for kind, _ in group.booked_kinds}
    return [k for k in plan if k.value not in booked_kinds] or plan[-1:]


def hearings_to_hold(judge: Judge, workload: Workload) -> int:
    """The hearings the pending cases still need, as ``case_groups`` lays their minutes out:
    per case, one for each hearing kind booked in the window, and each hearing of its kind not
    yet booked (asylum: a master hearing, then a merits hearing) when its remaining work is
    more than its booked minutes."""
    minutes_of = hearing_minutes(judge)
    total = 0
    for group in workload.pending:
        estimate = group.estimate_override or judge.minutes_for(group.kind).default
        held = len(group.booked_kinds)
        if max(group.booked, estimate) > group.booked:
            held += len(_unbooked(group, estimate, minutes_of))
        total += held * group.count
    return total


class PoolModel:
    """K(f) and its inverse over the pools of one judge's template."""

    def __init__(
        self, pools: Sequence[Pool], capacity: Sequence[float], groups: Sequence[CaseGroup]
    ) -> None:
        self.pools = tuple(pools)
        self.capacity = [float(c) for c in capacity]
        self.groups = list(groups)
        units = [group.unit() for group in self.groups]
        # A case with a hearing no pool may hold never fits.
        self.counts = [
            0 if frozenset() in unit else g.count
            for g, unit in zip(self.groups, units, strict=True)
        ]
        self.blocked = sum(
            g.count for g, c in zip(self.groups, self.counts, strict=True) if c == 0 and g.count
        )
        sets = {pools for unit in units for pools in unit if pools}
        self.row_sets: list[PoolSet] = []
        self.unit_rows: list[list[float]] = []
        for mask in range(1, 1 << len(self.pools)):
            chosen = frozenset(i for i in range(len(self.pools)) if mask >> i & 1)
            inside = [s for s in sets if s <= chosen]
            if not inside or frozenset().union(*inside) != chosen or not _connected(inside):
                continue
            self.row_sets.append(chosen)
            self.unit_rows.append(
                [sum(share for s, share in unit.items() if s and s <= chosen) for unit in units]
            )
        self.row_caps = [sum(self.capacity[i] for i in s) for s in self.row_sets]
        # Groups whose cases need the same shares of the same pools differ only in length.
        alike: dict[tuple[Any, ...], list[int]] = defaultdict(list)
        self.unit_keys = [
            tuple(sorted((tuple(sorted(s)), round(v, 9)) for s, v in unit.items()))
            for unit in units
        ]
        for g, key in enumerate(self.unit_keys):
            alike[key].append(g)
        self.chains = [
            sorted(members, key=lambda g: (self.groups[g].work, self.groups[g].floor))
            for members in alike.values()
            if len(members) > 1
        ]
        self.proven = True

    @property
    def single(self) -> bool:
        """One constraint and no case blocked: K is today's sorted count over one pool."""
        return len(self.row_sets) <= 1 and not self.blocked

    def lengths(self, scale: float | None) -> list[float]:
        """Each group's case length at ``scale`` (None: at the floors)."""
        if scale is None:
            return [g.floor for g in self.groups]
        return [max(scale * g.work, g.floor) for g in self.groups]

    def packing(
        self, lengths: Sequence[float], budget: int = _COUNT_BUDGET
    ) -> tuple[Packing, list[list[int]]]:
        """The integer programme at these lengths, over columns that merge the groups alike at
        them (same shares, same length: at the floors most are), and each column's groups."""
        columns: dict[tuple[Any, ...], list[int]] = {}
        for g, key in enumerate(self.unit_keys):
            columns.setdefault((key, round(lengths[g], 9)), []).append(g)
        members = list(columns.values())
        rows = [[row[m[0]] * lengths[m[0]] for m in members] for row in self.unit_rows]
        counts = [sum(self.counts[g] for g in m) for m in members]
        where = {g: c for c, m in enumerate(members) for g in m}
        chains = []
        for chain in self.chains:
            merged = sorted({where[g] for g in chain}, key=lambda c: lengths[members[c][0]])
            if len(merged) > 1:
                chains.append(merged)
        return Packing(rows, self.row_caps, counts, chains, budget), members

    def _solve(
        self, scale: float | None, target: int | None = None, budget: int = _COUNT_BUDGET
    ) -> tuple[int, list[int], bool]:
        packing, members = self.packing(self.lengths(scale), budget)
        found, x = packing.most(target=target)
        per_group = [0] * len(self.groups)
        for column, taken in zip(members, x, strict=True):
            for g in column:
                per_group[g] = min(taken, self.counts[g])
                taken -= per_group[g]
        return found, per_group, packing.proven

    def bound(self, scale: float | None = 1.0) -> int:
        """No more cases than this fit at that scale (None: at the floors): the integer
        programme's linear relaxation, rounded down, in a fraction of a millisecond where a
        count that has to prove the last case does not fit can take tens."""
        packing, _ = self.packing(self.lengths(scale))
        return math.floor(packing.relaxed() + 1e-7)

    def count(self, scale: float | None = 1.0) -> tuple[int, list[int]]:
        """K(scale) (None: at the floors), and how many of each group."""
        found, x, proven = self._solve(scale)
        self.proven = self.proven and proven
        return found, x

    def fits(self, count: int, scale: float | None) -> bool:
        """Whether ``count`` cases fit at that scale: the search decides, or past its budget
        HiGHS; if neither does, the answer is no (the forecast never overstates what fits)."""
        if count <= 0:
            return True
        found, _, _ = self._solve(scale, count, _DECISION_BUDGET)
        return found >= count

    def largest_scale(
        self,
        count: int,
        at_floors: int | None = None,
        at_current: int | None = None,
        settled: Callable[[float, float], bool] | None = None,
    ) -> float | None:
        """f*: the largest scale in (0, 1] at which ``count`` cases fit, or None if none does.

        K is monotone in f, so a bisection finds f*, to 2**-20 of the unit interval (under a
        thousandth of a minute of a 400-minute case), or sooner: once ``settled(low, high)``
        says that nothing between the last scale that fits and the last that does not would
        change the answer (the forecast's: no figure shown from f* differs at the two). The
        steps near f* are the hard ones to decide, and late in the fiscal year most of the
        national forecast's time (docs/performance.md).
        """
        if at_floors is None:
            at_floors = count if self.fits(count, None) else count - 1
        if at_current is None:
            at_current = count if self.fits(count, 1.0) else count - 1
        if count > sum(self.counts) or at_floors < count:
            return None
        if at_current >= count:
            return 1.0
        low, high = 0.0, 1.0
        for _ in range(_BISECTION_STEPS):
            middle = (low + high) / 2
            if self.fits(count, middle):
                low = middle
            else:
                high = middle
            if settled is not None and settled(low, high):
                break
        return low

    def chosen(
        self, count: int, scale: float | None, most: tuple[int, list[int]] | None = None
    ) -> list[int]:
        """``count`` cases (or all there are) as the forecast takes them: a set that fits if one
        does, else the most that fit and then the shortest of the rest. ``most``: K at that
        scale and its cases, if already counted."""
        lengths = self.lengths(scale)
        if most is not None and most[0] < count:
            x = list(most[1])
        else:
            _, x, _ = self._solve(scale, count)
        order = sorted(range(len(self.groups)), key=lambda g: lengths[g])
        total = sum(x)
        for g in reversed(order):  # too many: drop the longest
            drop = min(x[g], total - count) if total > count else 0
            x[g] -= drop
            total -= drop
        for g in order:  # too few: add the shortest
            add = min(self.groups[g].count - x[g], count - total) if total < count else 0
            x[g] += add
            total += add
        return x

    def row_use(self, x: Sequence[int], scale: float | None) -> list[float]:
        lengths = self.lengths(scale)
        return [
            sum(u * length * n for u, length, n in zip(row, lengths, x, strict=True))
            for row in self.unit_rows
        ]

    def pool_use(self, x: Sequence[int], scale: float | None) -> list[float]:
        """Minutes the cases ``x`` need in each pool; a hearing several pools may hold is counted
        in each in proportion to its capacity."""
        lengths = self.lengths(scale)
        use = [0.0] * len(self.pools)
        for group, length, n in zip(self.groups, lengths, x, strict=True):
            if not n:
                continue
            for pools, share in group.unit().items():
                _spread(use, pools, share * length * n, self.capacity)
        return use

    def shortfall(self, x: Sequence[int], scale: float | None) -> tuple[float, PoolSet]:
        """The most minutes by which the cases ``x`` overflow a set of pools, and that set."""
        worst, where = 0.0, PoolSet()
        for s, used, cap in zip(self.row_sets, self.row_use(x, scale), self.row_caps, strict=True):
            if used - cap > worst:
                worst, where = used - cap, s
        return worst, where

    def binding(self, x: Sequence[int], scale: float | None) -> list[int]:
        """The pools that are full with the cases ``x``: those of the smallest sets of pools
        that have no room left for one more case of any group not all taken."""
        lengths = self.lengths(scale)
        full: list[PoolSet] = []
        for row, s, used, cap in zip(
            self.unit_rows, self.row_sets, self.row_use(x, scale), self.row_caps, strict=True
        ):
            needs = [
                u * length
                for u, length, n, total in zip(row, lengths, x, self.counts, strict=True)
                if n < total and u > 0
            ]
            if needs and cap - used < min(needs) - 1e-6:
                full.append(s)
        smallest = [s for s in full if not any(t < s for t in full)]
        return sorted(set().union(*smallest)) if smallest else []

    def slack_pct(self, x: Sequence[int]) -> float | None:
        """The least room left, as a share of capacity, in a set of pools the cases use."""
        found = [
            100 * (cap - used) / cap
            for used, cap in zip(self.row_use(x, 1.0), self.row_caps, strict=True)
            if cap > 0 and used > 0
        ]
        return min(found) if found else None


def booked_by_pool(
    workload: Workload, pools: Sequence[Pool], capacity: Sequence[float]
) -> list[float]:
    """The minutes booked in the window in each pool (by the pools their kind may sit in)."""
    booked = [0.0] * len(pools)
    for kind, detained, juvenile, minutes in workload.booked_hearings:
        where = pools_for(HearingKind(kind), track_of(detained, juvenile), pools)
        _spread(booked, where, minutes, capacity)
    return booked


def _spread(into: list[float], pools: PoolSet, minutes: float, capacity: Sequence[float]) -> None:
    if not pools:
        return
    room = sum(capacity[i] for i in pools)
    for i in pools:
        into[i] += minutes * (capacity[i] / room if room > 0 else 1 / len(pools))


def _connected(sets: list[PoolSet]) -> bool:
    reached = set(sets[0])
    grew = True
    while grew:
        grew = False
        for s in sets:
            if not s <= reached and s & reached:
                reached |= s
                grew = True
    return all(s <= reached for s in sets)
