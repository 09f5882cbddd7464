"""The most cases that fit: a small integer programme, solved exactly by branch and bound.

    maximise sum(x)  subject to  A x <= b,  0 <= x <= n,  x integer

x_g is how many cases of group g are taken, A holds each group's minutes in each constraint (all
of them >= 0) and b the minutes each constraint allows. The forecast's pool model has a few
dozen groups and a handful of constraints; for that size a dense bounded-variable simplex in
plain Python gives the relaxation's bound in well under a millisecond. Three things make the
search short:

- the reduced costs narrow each group's range to what a solution better than the best found
  could take (most groups are then fixed);
- the bound is taken per block: the constraints with a zero dual are dropped, and the rest fall
  apart into blocks no group still free spans (the detained cases' pools and the others'),
  each allowing no more than the floor of its part of the relaxation. The floor of the whole
  is one more whenever two blocks' fractions add up past a case, and a search on that bound
  trades one block's fraction against the other's, group by group: tens of thousands of
  relaxations;
- groups alike but for their length are taken shortest first (``chains``).

On the demo's docket at four dates, the auto-scheduler's benchmark dockets and the national
demo's 400 judges as of 6 December, every count is proven at the first relaxation and equals
HiGHS's (``benchmarks/bench_packing.py``; HiGHS takes 10-75 ms a count there, this 0.1-0.8 ms).
What the search does not prove within its budget: from May of the fiscal year on, mostly at the
floors but at f = 0.8, 0.6 and 0.4 too, a block of the detained pools can hold one case more
only by filling two pools to the minute, a subset sum the relaxation does not see. Such a count,
or such a decision ("do N cases fit?", as the f* bisection asks), and only such, is handed to
HiGHS (``highspy``, imported then and not before), which settles it (0.04-2.8 s of CPU; its
optimum bounds the count, its choice is checked with ``fits``); if HiGHS cannot be loaded or
does not prove it, the count is the search's, never above the exact one (a decision's answer is
then "no"), and ``proven`` is False (docs/performance.md, "K(f) exact" and "K(f) over the fiscal
year").
"""

import math
import os
import sys
import threading
from collections.abc import Sequence

_EPS = 1e-9
#: Minutes are sums of floats; a millionth of a minute decides no question a judge asks.
TOLERANCE = 1e-6


def _relaxation(
    rows: Sequence[Sequence[float]],
    caps: Sequence[float],
    lower: Sequence[int],
    upper: Sequence[int],
) -> tuple[float, list[float], list[float], list[float]] | None:
    """The linear relaxation's optimum (value, x, the reduced costs of x, the constraints'
    duals), or None if even ``lower`` does not fit.

    Bounded-variable primal simplex from the slack basis with every x at its lower bound: since
    A >= 0 that start is feasible exactly when A lower <= b, so no first phase is needed.
    Dantzig's rule, turning to Bland's after many steps so it cannot cycle.
    """
    m, n = len(rows), len(lower)
    beta = [caps[i] - sum(a * lo for a, lo in zip(rows[i], lower, strict=True)) for i in range(m)]
    if any(v < -TOLERANCE for v in beta):
        return None
    beta = [max(v, 0.0) for v in beta]
    tableau = [list(rows[i]) + [1.0 if k == i else 0.0 for k in range(m)] for i in range(m)]
    reduced = [1.0] * n + [0.0] * m
    basis = [n + i for i in range(m)]
    is_basic = [False] * n + [True] * m
    at_upper = [False] * (n + m)
    low = [float(v) for v in lower] + [0.0] * m
    high = [float(v) for v in upper] + [math.inf] * m
    for step in range(10_000):
        bland = step > 200
        entering, best = -1, _EPS
        for j in range(n + m):
            if is_basic[j] or high[j] - low[j] <= _EPS:
                continue
            gain = -reduced[j] if at_upper[j] else reduced[j]
            if gain > best:
                entering, best = j, gain
                if bland:
                    break
        if entering < 0:
            break
        sign = -1.0 if at_upper[entering] else 1.0
        limit, leave = high[entering] - low[entering], -1
        for i in range(m):
            a = sign * tableau[i][entering]
            k = basis[i]
            if a > _EPS:
                room = (beta[i] - low[k]) / a
            elif a < -_EPS and high[k] < math.inf:
                room = (high[k] - beta[i]) / -a
            else:
                continue
            if room < limit - _EPS or (leave >= 0 and room <= limit + _EPS and k < basis[leave]):
                limit, leave = max(room, 0.0), i
        for i in range(m):
            beta[i] -= sign * tableau[i][entering] * limit
        if leave < 0:  # the entering variable goes to its other bound
            at_upper[entering] = not at_upper[entering]
            continue
        gone = basis[leave]
        at_upper[gone] = sign * tableau[leave][entering] < 0
        start = high[entering] if at_upper[entering] else low[entering]
        pivot_row = tableau[leave]
        pivot = pivot_row[entering]
        pivot_row[:] = [v / pivot for v in pivot_row]
        for i in range(m):
            if i != leave:
                factor = tableau[i][entering]
                if factor:
                    row = tableau[i]
                    row[:] = [a - factor * b for a, b in zip(row, pivot_row, strict=True)]
        factor = reduced[entering]
        reduced = [a - factor * b for a, b in zip(reduced, pivot_row, strict=True)]
        beta[leave] = start + sign * limit
        basis[leave] = entering
        is_basic[entering], is_basic[gone] = True, False
        at_upper[entering] = False
    x = [high[j] if at_upper[j] else low[j] for j in range(n)]
    for i, k in enumerate(basis):
        if k < n:
            x[k] = beta[i]
    costs = [0.0 if is_basic[j] else reduced[j] for j in range(n)]
    duals = [0.0 if is_basic[n + i] else max(-reduced[n + i], 0.0) for i in range(m)]
    return sum(x), x, costs, duals


class Packing:
    """Which groups of cases to take so that the most cases fit in every constraint at once."""

    def __init__(
        self,
        rows: Sequence[Sequence[float]],
        caps: Sequence[float],
        counts: Sequence[int],
        chains: Sequence[Sequence[int]] = (),
        budget: int = 2_000,
    ) -> None:
        """``chains``: groups whose columns are proportional, shortest first. Taking a longer
        case of a chain while a shorter one is left can be undone without loss, so the search
        looks only at solutions that fill each chain from its start.

        ``budget``: relaxations the search may solve; past it, the best found is returned and
        ``proven`` is False (it is a feasible count, never above the exact one)."""
        self.rows = [list(row) for row in rows]
        self.caps = [cap + TOLERANCE for cap in caps]
        self.counts = list(counts)
        self.before: dict[int, list[int]] = {}
        self.after: dict[int, list[int]] = {}
        for chain in chains:
            for k, g in enumerate(chain):
                self.before[g] = list(chain[:k])
                self.after[g] = list(chain[k + 1 :])
        self.budget = budget
        self.proven = True
        self.relaxations = 0  # solved by the last search
        self.settled = False  # whether HiGHS settled the last count (the search could not)
        self._fill_order: list[int] | None = None
        self._cols: list[list[tuple[int, float]]] | None = None

    def fits(self, x: Sequence[int]) -> bool:
        return all(
            sum(a * v for a, v in zip(row, x, strict=True)) <= cap
            for row, cap in zip(self.rows, self.caps, strict=True)
        )

    def relaxed(self) -> float:
        """The linear relaxation's optimum: no more cases than this fit."""
        found = _relaxation(self.rows, self.caps, [0] * len(self.counts), self.counts)
        return 0.0 if found is None else found[0]

    def most(self, target: int | None = None) -> tuple[int, list[int]]:
        """The most cases that fit and how many of each group; with ``target``, stop as soon as
        the question "do ``target`` cases fit?" is answered: the count is then at least
        ``target`` if they fit, else below it (not always the exact count). ``proven``: whether
        the count (with ``target``: the answer) is proved, by the search or by HiGHS."""
        n = len(self.counts)
        best = self._fill([0] * n)
        best_value = sum(best)
        stack = [([0] * n, list(self.counts))]
        budget = self.budget
        if target is None and not _highs_loaded:
            budget = max(budget, SEARCH_BEFORE_HIGHS)
        solved = self.relaxations = 0
        self.proven = True
        self.settled = False
        while stack:
            if target is not None and best_value >= target:
                break
            if solved >= budget:
                self.proven = False
                break
            solved += 1
            self.relaxations = solved
            lower, upper = stack.pop()
            if any(lo > hi for lo, hi in zip(lower, upper, strict=True)):
                continue
            found = _relaxation(self.rows, self.caps, lower, upper)
            if found is None:
                continue
            value, x, reduced, duals = found
            bound = math.floor(value + 1e-7)
            if bound <= best_value or (target is not None and bound < target):
                continue
            rounded = [
                max(lo, min(hi, math.floor(v + 1e-7)))
                for v, lo, hi in zip(x, lower, upper, strict=True)
            ]
            if self.fits(rounded):
                # The fractional groups first, the most nearly whole first, then the rest.
                ahead = sorted(
                    (j for j in range(n) if x[j] - rounded[j] > 1e-7),
                    key=lambda j: rounded[j] - x[j],
                )
                candidate = self._fill(rounded, upper, ahead)
                if sum(candidate) > best_value:
                    best, best_value = candidate, sum(candidate)
                    if best_value >= bound:
                        continue
            # Only a solution worth ``goal`` or more matters now: narrow the box to those,
            # and bound them block by block.
            goal = best_value + 1 if target is None else max(best_value + 1, target)
            lower, upper = self._fix(lower, upper, reduced, value - goal)
            blocks = self._blocks(duals, lower, upper)
            if self._bound(x, blocks) < goal:
                continue
            lower, upper = self._chain(lower, upper)
            fractional = [
                (abs(v - round(v)), j) for j, v in enumerate(x) if abs(v - round(v)) > 1e-7
            ]
            if not fractional:
                continue
            _, j = max(fractional)
            down_upper = list(upper)
            down_upper[j] = math.floor(x[j])
            for k in self.after.get(j, ()):  # not full: the longer ones of its chain are empty
                down_upper[k] = 0
            up_lower = list(lower)
            up_lower[j] = math.ceil(x[j])
            for k in self.before.get(j, ()):  # taken: the shorter ones of its chain are full
                up_lower[k] = upper[k]
            stack.append((lower, down_upper))
            stack.append((up_lower, upper))
        if not self.proven:
            best_value, best = self._settle(best_value, best, target)
        return best_value, best

    def _settle(
        self, best_value: int, best: list[int], target: int | None = None
    ) -> tuple[int, list[int]]:
        """The count the search could not prove (with ``target``: the decision it could not
        make), settled by HiGHS.

        First HiGHS bounds it: the programme with every limit ``MARGIN`` above ``caps`` (so a
        choice that fits, even one that fills a pool to the minute, is inside them by far
        more than HiGHS's tolerances) gives, proved optimal, an upper bound on the count. Its
        choice is the count when it fits; else HiGHS solves again with the limits ``fits``
        has, up to three ways, for a choice that fits; the last, at HiGHS's default tolerance,
        bounds the count as well. The count is proven only when a choice that fits reaches a
        bound HiGHS proved. (With the limits at or under ``caps``, HiGHS proved 557 where 558
        fit, and 481 where 482 fit, with two pools filled to the minute.)

        With ``target`` it stops as soon as the question "do ``target`` cases fit?" is
        answered: yes by a choice that fits, no by a bound under ``target`` (then the count
        returned may be below the exact one, as the search's may). Unanswered, the answer
        stays no: a decision never says more fit than a choice that fits shows.
        """
        caps = [cap + MARGIN for cap in self.caps]
        found = _highs_most(self.rows, caps, self.counts, best, at_least=target)
        if found is None:
            return best_value, best
        self.settled = True
        value, x, optimal = found
        bound = value if optimal else None
        x = self._clip(x)
        if self.fits(x) and sum(x) > best_value:
            best_value, best = sum(x), x

        def decided() -> bool:
            if target is None:
                return bound is not None and best_value >= bound
            return best_value >= target or (bound is not None and bound < target)

        # HiGHS's answers near a limit depend on its tolerance and on where it starts: each
        # of these found the fitting choice on some hard count where the others did not. The
        # last, at HiGHS's default tolerance (1e-6 past the limits), bounds the count too:
        # the first's limits let a choice over a pool by less than 1e-4 minute pass.
        for tolerance, start in ((1e-9, None), (1e-9, best), (None, best)):
            if decided():
                break
            again = _highs_most(self.rows, self.caps, self.counts, start, tolerance, target)
            if again is not None:
                x = self._clip(again[1])
                if self.fits(x) and sum(x) > best_value:
                    best_value, best = sum(x), x
                if tolerance is None and again[2]:
                    bound = again[0] if bound is None else min(bound, again[0])
        self.proven = decided()
        return best_value, best

    def _clip(self, x: Sequence[int]) -> list[int]:
        return [max(0, min(c, v)) for v, c in zip(x, self.counts, strict=True)]

    def _blocks(
        self, duals: Sequence[float], lower: Sequence[int], upper: Sequence[int]
    ) -> list[list[int]]:
        """The groups free in the box [lower, upper], by block of the constraints whose dual
        is not zero (two constraints are in one block when a free group is in both)."""
        rows = self.rows
        binding = [i for i, y in enumerate(duals) if y > _EPS]
        head = {i: i for i in binding}

        def find(i: int) -> int:
            while head[i] != i:
                head[i] = head[head[i]]
                i = head[i]
            return i

        inside: list[list[int]] = []
        for j in range(len(lower)):
            found = [] if lower[j] == upper[j] else [i for i in binding if rows[i][j] > 0]
            for i in found[1:]:
                head[find(i)] = find(found[0])
            inside.append(found)
        blocks: dict[int, list[int]] = {}
        for j, found in enumerate(inside):
            if found:
                blocks.setdefault(find(found[0]), []).append(j)
        return list(blocks.values())

    def _bound(self, x: Sequence[float], blocks: Sequence[Sequence[int]]) -> int:
        """No more cases than this fit in the box whose relaxation ``x`` solves, with the
        duals and box ``blocks`` were made from.

        The constraints whose dual is zero can be dropped without raising the relaxation's
        optimum, the groups the box fixes are constants, and the rest often fall apart into
        blocks no free group spans (the pools of detained cases and of the others, when the
        sets of pools that join them have room): then x's part in each block solves that
        block's relaxation, and no more whole cases than its floor fit in it. Their sum is at
        most the floor of the whole: where the fractions of two blocks add up past a case, it
        is one less, and it spares the search from trading one block's fraction against the
        other's, group by group.
        """
        inside = {j for block in blocks for j in block}
        rest = sum(v for j, v in enumerate(x) if j not in inside)
        return math.floor(rest + 1e-7) + sum(
            math.floor(sum(x[j] for j in block) + 1e-7) for block in blocks
        )

    def _fix(
        self, lower: list[int], upper: list[int], reduced: Sequence[float], slack: float
    ) -> tuple[list[int], list[int]]:
        """The box narrowed to the solutions worth ``slack`` less than the relaxation or more
        (the relaxation's optimum x* stays inside it).

        For any x in the box, sum(x) <= value + sum_j d_j (x_j - x*_j) (d the reduced costs,
        every d_j (x_j - x*_j) <= 0), so a group at its lower bound with d_j < 0 may rise by
        at most slack / -d_j, and one at its upper bound with d_j > 0 fall by at most
        slack / d_j."""
        lower, upper = list(lower), list(upper)
        for j, d in enumerate(reduced):
            if d < -_EPS:
                upper[j] = min(upper[j], lower[j] + math.floor(slack / -d + 1e-7))
            elif d > _EPS:
                lower[j] = max(lower[j], upper[j] - math.floor(slack / d + 1e-7))
        return lower, upper

    def _chain(self, lower: list[int], upper: list[int]) -> tuple[list[int], list[int]]:
        """The box narrowed by the chains' order: a group that cannot be full leaves the longer
        ones of its chain empty, and a group taken fills the shorter ones."""
        lower, upper = list(lower), list(upper)
        for j, hi in enumerate(upper):
            if hi < self.counts[j]:
                for k in self.after.get(j, ()):
                    upper[k] = 0
            if lower[j] > 0:
                for k in self.before.get(j, ()):
                    lower[k] = max(lower[k], self.counts[k])
        return lower, upper

    def _fill(
        self, x: list[int], upper: Sequence[int] | None = None, ahead: Sequence[int] = ()
    ) -> list[int]:
        """``x`` with as many more cases added, group by group, as still fit (the groups
        ``ahead`` first, then those that use the least of their tightest constraint)."""
        upper = self.counts if upper is None else upper
        x = list(x)
        caps, cols = self.caps, self._columns()
        used = [0.0] * len(caps)
        for j, taken in enumerate(x):
            if taken:
                for i, a in cols[j]:
                    used[i] += a * taken
        for j in (*ahead, *self._order()):
            more = upper[j] - x[j]
            if more <= 0:
                continue
            for i, a in cols[j]:
                more = min(more, math.floor((caps[i] - used[i]) / a + 1e-12))
            while more > 0 and any(used[i] + a * more > caps[i] for i, a in cols[j]):
                more -= 1
            if more > 0:
                x[j] += more
                for i, a in cols[j]:
                    used[i] += a * more
        return x

    def _columns(self) -> list[list[tuple[int, float]]]:
        """Each group's nonzero coefficients, as (constraint, minutes)."""
        if self._cols is None:
            self._cols = [
                [(i, row[j]) for i, row in enumerate(self.rows) if row[j] > 0]
                for j in range(len(self.counts))
            ]
        return self._cols

    def _order(self) -> list[int]:
        if self._fill_order is None:
            caps = self.caps

            def weight(j: int) -> float:
                return max(
                    (a / caps[i] if caps[i] > 0 else math.inf for i, a in self._columns()[j]),
                    default=0.0,
                )

            self._fill_order = sorted(range(len(self.counts)), key=weight)
        return self._fill_order


_HIGHS_LOCK = threading.Lock()
_highs_loaded = False
#: Branch-and-bound nodes HiGHS may explore on one solve, of the one to four a count takes
#: (``_settle``): a few tenths of a second of CPU on the hard counts measured. Past it the count
#: stays the best choice found that fits, unproven. A count of nodes, not of seconds: the same
#: docket gives the same forecast on any machine, loaded or not. On the national demo as of
#: 1 June, 1 July, 1 August and 1 September 2027, every judge's figures and proofs were the
#: same with this limit as with the time limit alone, and 1 July's 400 judges took 12.4 s of
#: CPU instead of 116 s (one judge 66 s), 1 August's 15.4 s instead of 95 s (one judge 76 s,
#: a single count): docs/performance.md.
HIGHS_NODE_LIMIT = 2_000
#: Seconds (wall) HiGHS may take on one solve: a guard only, the node limit comes first.
HIGHS_TIME_LIMIT = 30.0
#: Relaxations a count may solve before HiGHS's first use in the process, whatever its budget:
#: HiGHS's import (with NumPy) costs about as much as this many relaxations (110-125 ms against
#: about 0.1 ms each, measured on the 5,000-case demo of 6 Dec 2026, whose template advice had
#: two counts proven at 287 and 335 relaxations). Once HiGHS is loaded, a count past its own
#: budget goes to HiGHS (a solve, 10-20 ms, costs less than a long search).
SEARCH_BEFORE_HIGHS = 1_024
#: Minutes HiGHS's limits are raised by when it bounds a count (``Packing._settle``).
MARGIN = 1e-4


def _highs_most(
    rows: Sequence[Sequence[float]],
    caps: Sequence[float],
    counts: Sequence[int],
    start: Sequence[int] | None,
    tolerance: float | None = None,
    at_least: int | None = None,
) -> tuple[int, list[int], bool] | None:
    """HiGHS's optimum of the same integer programme with the rows' limits ``caps`` (the
    count, its choice, whether HiGHS proved it), from the feasible choice ``start`` if any; None if
    HiGHS cannot be loaded. ``tolerance``: HiGHS's MIP feasibility tolerance (None: its
    default, 1e-6). ``at_least``: a decision's target; HiGHS then looks only for choices of that
    many cases or more (its objective bound), and "proved" says that it found one or that
    there is none: no search below the target for the optimum, which a decision does not ask
    (on the national demo as of 15 Sep 2027, its 296 decisions took 1.51 s of CPU instead of
    2.18 s, each with the same answer).

    Imported here, on the few counts the search leaves unproven (late in the year), so that
    no other count, nor the window's start, pays its import (17-210 ms, with NumPy).
    """
    try:
        import highspy
    except ImportError:  # a copy of the Planner without it: the count stays unproven
        return None
    global _highs_loaded
    n = len(counts)
    with _HIGHS_LOCK:
        if not _highs_loaded:
            # HiGHS prints its banner on standard output when the first solver is made,
            # before any option can silence it: that would spoil `planner forecast --json`.
            sys.stdout.flush()
            saved = os.dup(1)
            try:
                with open(os.devnull, "w") as null:
                    os.dup2(null.fileno(), 1)
                    solver = highspy.Highs()  # type: ignore[no-untyped-call]
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _highs_loaded = True
        else:
            solver = highspy.Highs()  # type: ignore[no-untyped-call]
        solver.setOptionValue("output_flag", False)
        solver.setOptionValue("threads", 1)
        solver.setOptionValue("mip_rel_gap", 0.0)
        if tolerance is not None:
            solver.setOptionValue("mip_feasibility_tolerance", tolerance)
        solver.setOptionValue("time_limit", HIGHS_TIME_LIMIT)
        solver.setOptionValue("mip_max_nodes", HIGHS_NODE_LIMIT)
        if at_least is not None:  # the objective is minus the count
            solver.setOptionValue("objective_bound", 0.5 - at_least)
        inf = highspy.kHighsInf
        for j in range(n):
            solver.addVar(0.0, float(counts[j]))
            solver.changeColCost(j, -1.0)
            solver.changeColIntegrality(j, highspy.HighsVarType.kInteger)
        for row, cap in zip(rows, caps, strict=True):
            index = [j for j, a in enumerate(row) if a > 0]
            solver.addRow(-inf, cap, len(index), index, [row[j] for j in index])
        if start is not None:
            hint = highspy.HighsSolution()
            hint.col_value = [float(v) for v in start]
            hint.value_valid = True
            solver.setSolution(hint)
        solver.run()
        optimal = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
        solution = solver.getSolution()
        if not solution.value_valid:
            return None
        x = [round(v) for v in solution.col_value]
        value = round(-solver.getInfo().objective_function_value)
    return value, x, optimal
