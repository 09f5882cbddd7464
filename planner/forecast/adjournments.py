"""Continuances in the forecast: the judge's adjournment rate, observed or set, and the extra
hearings it makes each pending case likely to need (docs/forecast.md, "Adjournments")."""

from typing import Literal, NamedTuple

from planner.domain.bounds import MAX_ADJOURNMENT_RATE
from planner.domain.judge import Judge
from planner.forecast.facts import Workload

Source = Literal["observed", "setting"]


class Adjournments(NamedTuple):
    """The adjournment rate the forecast uses, where it came from, and the history behind it.

    ``recorded``: the judge's hearings with a recorded outcome (held, adjourned or completed)
    that started before as-of; ``adjourned``: those of them adjourned. ``history``: how many
    recorded outcomes the judge asks for before the observed rate replaces the setting.
    """

    rate: float
    source: Source
    recorded: int
    adjourned: int
    history: int

    @property
    def sittings_per_hearing(self) -> float:
        """Expected times a hearing is set until it goes ahead: 1 / (1 - p), each sitting
        adjourned with chance p independently of the others (a geometric count)."""
        return 1.0 / (1.0 - self.rate)

    @property
    def extra_per_hearing(self) -> float:
        """Expected adjourned sittings before a hearing goes ahead: p / (1 - p)."""
        return self.rate / (1.0 - self.rate)

    @property
    def observed_rate(self) -> float | None:
        """adjourned / recorded as observed (uncapped), None with no recorded outcome."""
        return self.adjourned / self.recorded if self.recorded else None


def adjournments(judge: Judge, recorded: int, adjourned: int) -> Adjournments:
    """The adjournment rate p the forecast uses for ``judge``.

    With at least ``judge.adjournment_history`` recorded outcomes, p is observed: adjourned
    hearings / hearings with a recorded outcome (held, adjourned or completed), that is the share
    of the hearings that sat which were adjourned; with fewer, p is the profile's setting
    (``judge.adjournment_rate_pct`` / 100). Either way p is capped at MAX_ADJOURNMENT_RATE
    (0.9), so that 1 / (1 - p) stays finite.
    """
    source: Source
    if recorded >= judge.adjournment_history and recorded > 0:
        rate, source = adjourned / recorded, "observed"
    else:
        rate, source = judge.adjournment_rate_pct / 100, "setting"
    return Adjournments(
        rate=min(max(rate, 0.0), MAX_ADJOURNMENT_RATE),
        source=source,
        recorded=recorded,
        adjourned=adjourned,
        history=judge.adjournment_history,
    )


def of_workload(judge: Judge, workload: Workload) -> Adjournments:
    """The rate from the outcomes the workload counted."""
    return adjournments(judge, workload.recorded_outcomes, workload.adjourned_outcomes)


def for_sittings(minutes: float, sittings: float) -> float:
    """``minutes`` of hearings for that many sittings each (exactly ``minutes`` for one)."""
    return minutes if sittings == 1.0 else minutes * sittings
