"""How many pending cases fit into the bench time left, and how much hearings must shrink.

K(f) takes the pending cases in ascending order of max(f * r_i, m_i) and counts how many fit into
the capacity C. Ascending order is optimal for counting, so K(f) is an upper bound on what any
schedule completes.
"""

import numpy as np

_BISECTION_STEPS = 50  # 2**-50 of the unit interval: far below a minute of any hearing
#: Sums of scaled minutes differ in their last bits with the order of addition; a millionth of
#: a minute decides no question a judge asks, and keeps counting and bisection consistent.
_TOLERANCE = 1e-6


class Fitting:
    """K(f) and its inverse over one docket's pending work."""

    def __init__(self, work: np.ndarray, floor: np.ndarray) -> None:
        self.work = work
        self.floor = floor

    def lengths(self, scale: float) -> np.ndarray:
        """Each pending case's minutes when every remaining work is scaled by ``scale``."""
        lengths: np.ndarray = np.maximum(scale * self.work, self.floor)
        return lengths

    def count_fitting(self, capacity: float, scale: float = 1.0) -> int:
        """K(scale): the most cases that fit into ``capacity`` minutes at that scale."""
        return self._count(np.sort(self.lengths(scale)), capacity)

    def count_fitting_at_floors(self, capacity: float) -> int:
        return self._count(np.sort(self.floor), capacity)

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
        if count > len(self.work) or self.minutes_for_smallest_at_floors(count) > lenient:
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

    @staticmethod
    def _count(sorted_lengths: np.ndarray, capacity: float) -> int:
        return int(np.searchsorted(np.cumsum(sorted_lengths), capacity + _TOLERANCE, side="right"))

    @staticmethod
    def _smallest_sum(lengths: np.ndarray, count: int) -> float:
        if count <= 0:
            return 0.0
        if count >= len(lengths):
            return float(lengths.sum())
        return float(np.partition(lengths, count - 1)[:count].sum())
