"""How many pending cases fit into the bench time left, and how much hearings must shrink.

K(f) takes the pending cases in ascending order of max(f * r_i, m_i) and counts how many fit into
the capacity C. Ascending order is optimal for counting, so K(f) is an upper bound on what any
schedule completes.

The cases come in groups of alike cases (the same r and m, ``count`` of them): a docket of
5,000 cases is some tens of groups, so plain Python over the groups is quicker than NumPy over
the cases, and the forecast's process does not pay NumPy's import (60-200 ms, measured).
"""

from collections.abc import Sequence

_BISECTION_STEPS = 50  # 2**-50 of the unit interval: far below a minute of any hearing
#: Sums of scaled minutes differ in their last bits with the order of addition; a millionth of
#: a minute decides no question a judge asks, and keeps counting and bisection consistent.
_TOLERANCE = 1e-6


class Fitting:
    """K(f) and its inverse over one docket's pending work: each group's remaining work r and
    minimum m, and how many cases it holds (one each if ``counts`` is not given)."""

    def __init__(
        self,
        work: Sequence[float],
        floor: Sequence[float],
        counts: Sequence[int] | None = None,
    ) -> None:
        self.work = [float(w) for w in work]
        self.floor = [float(m) for m in floor]
        self.counts = [1] * len(self.work) if counts is None else [int(n) for n in counts]

    @property
    def pending(self) -> int:
        return sum(self.counts)

    def total_work(self) -> float:
        return sum(w * n for w, n in zip(self.work, self.counts, strict=True))

    def total_floor(self) -> float:
        return sum(m * n for m, n in zip(self.floor, self.counts, strict=True))

    def lengths(self, scale: float) -> list[float]:
        """Each group's case length when every remaining work is scaled by ``scale``."""
        return [max(scale * w, m) for w, m in zip(self.work, self.floor, strict=True)]

    def count_fitting(self, capacity: float, scale: float = 1.0) -> int:
        """K(scale): the most cases that fit into ``capacity`` minutes at that scale."""
        return self._count(self.lengths(scale), capacity)

    def count_fitting_at_floors(self, capacity: float) -> int:
        return self._count(self.floor, capacity)

    def minutes_for_smallest(self, count: int, scale: float = 1.0) -> float:
        """The minutes of the ``count`` shortest cases at that scale (0 <= count <= pending)."""
        return self._smallest_sum(self.lengths(scale), count)

    def minutes_for_smallest_at_floors(self, count: int) -> float:
        return self._smallest_sum(self.floor, count)

    def largest_scale(self, count: int, capacity: float) -> float | None:
        """f*: the largest scale in (0, 1] at which ``count`` cases fit, or None if none does.

        The minutes of the ``count`` shortest cases grow monotonically with the scale, so a
        bisection finds the point where they reach the capacity.
        """
        lenient = capacity + _TOLERANCE  # the same test count_fitting applies
        if count > self.pending or self.minutes_for_smallest_at_floors(count) > lenient:
            return None
        if self.minutes_for_smallest(count, 1.0) <= lenient:
            return 1.0
        low, high = 0.0, 1.0
        for _ in range(_BISECTION_STEPS):
            middle = (low + high) / 2
            if self.minutes_for_smallest(count, middle) <= capacity:
                low = middle
            else:
                high = middle
        return low

    def _sorted(self, lengths: list[float]) -> list[tuple[float, int]]:
        return sorted(zip(lengths, self.counts, strict=True))

    def _count(self, lengths: list[float], capacity: float) -> int:
        room = capacity + _TOLERANCE
        used, fitted = 0.0, 0
        for length, n in self._sorted(lengths):
            if n <= 0:
                continue
            if length <= 0:
                fitted += n
                continue
            take = min(n, int((room - used) // length)) if used + length <= room else 0
            # Guard the division's last bit: never past the room, never short of what fits.
            while take > 0 and used + take * length > room:
                take -= 1
            while take < n and used + (take + 1) * length <= room:
                take += 1
            fitted += take
            used += take * length
            if take < n:
                break
        return fitted

    def _smallest_sum(self, lengths: list[float], count: int) -> float:
        total, left = 0.0, count
        for length, n in self._sorted(lengths):
            if left <= 0:
                break
            take = min(n, left)
            total += take * length
            left -= take
        return total
