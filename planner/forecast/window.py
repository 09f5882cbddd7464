"""The forecast's window: the fiscal year that contains as-of, and the time left in it."""

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from planner.domain.calendar import fiscal_year_bounds, fiscal_year_of
from planner.domain.judge import Judge


class Window(NamedTuple):
    """The fiscal year of ``as_of`` and the remaining window [as_of, end)."""

    fiscal_year: int
    first: date  # the fiscal year's first day
    last: date  # and its last
    as_of: datetime  # a local wall-clock time of the judge
    end: datetime  # midnight after the fiscal year's last day

    @property
    def today(self) -> date:
        return self.as_of.date()


def window_of(judge: Judge, as_of: datetime) -> Window:
    """The window a forecast of ``judge`` from ``as_of`` speaks of."""
    fiscal_year = fiscal_year_of(as_of.date(), judge)
    first, last = fiscal_year_bounds(fiscal_year, judge)
    end = datetime.combine(last + timedelta(days=1), time())
    return Window(fiscal_year, first, last, as_of, end)
