"""The demo generator: J judges' dockets from (cases, judges, seed, today); pure and reproducible.

The same arguments give the same dockets: every random draw comes from ``random.Random``
instances seeded with strings derived from the seed (never the global generator, never the
salted ``hash()``). Each judge's profile aims at a verdict, but the verdict itself is whatever
the real forecast says about the docket drawn.
"""

from collections.abc import Collection, Iterator

from planner.demo.cases import (
    ANumbers,
    completed_cases,
    dedicated_docket,
    off_docket_cases,
    pending_cases,
    pending_kinds,
)
from planner.demo.hearings import fitting_sessions, schedule
from planner.demo.plan import AsOf, JudgePlan, plan_demo, rng_for
from planner.domain.docket import Docket

__all__ = ["DemoPlan", "fitting_sessions", "generate_dockets", "plan_dockets"]


class DemoPlan:
    """The judges of a demo, planned, and their dockets drawn one at a time on iteration."""

    def __init__(self, plans: list[JudgePlan], seed: int, taken_a_numbers: Collection[str]):
        self.plans = plans
        self._seed = seed
        self._a_numbers = ANumbers(seed, taken_a_numbers)

    def __len__(self) -> int:
        return len(self.plans)

    @property
    def pending_cases(self) -> int:
        return sum(plan.pending for plan in self.plans)

    def __iter__(self) -> Iterator[Docket]:
        for plan in self.plans:
            yield self._docket(plan)

    def _docket(self, plan: JudgePlan) -> Docket:
        rng = rng_for(self._seed, f"{plan.index}:docket")
        pending = pending_cases(rng, plan, pending_kinds(rng, plan), self._a_numbers)
        done = completed_cases(rng, plan, self._a_numbers)
        hearings = schedule(rng, plan, pending, done)
        hearings.sort(key=lambda hearing: hearing.start)
        # Issue 18's states, from a stream of their own (the draws above stay as they were):
        # families on the Dedicated Docket, and cases administratively closed or on the status
        # docket besides the pending ones.
        states = rng_for(self._seed, f"{plan.index}:states")
        pending = dedicated_docket(states, plan, pending)
        off = off_docket_cases(states, plan, self._a_numbers)
        return Docket(
            judge=plan.judge,
            closures=tuple(plan.closures),
            leave=tuple(plan.leave),
            cases=tuple(pending + done + off),
            hearings=tuple(hearings),
        )


def plan_dockets(
    *,
    cases: int,
    judges: int,
    seed: int,
    today: AsOf,
    taken_names: Collection[str] = (),
    taken_a_numbers: Collection[str] = (),
) -> DemoPlan:
    """Plan ``judges`` judges sharing ``cases`` pending cases, as of ``today``: a date (each
    judge's local date) or an aware instant (read in each judge's time zone). Names in
    ``taken_names`` and A-numbers in ``taken_a_numbers`` are not used."""
    plans = plan_demo(cases, judges, seed, today, set(taken_names))
    return DemoPlan(plans, seed, taken_a_numbers)


def generate_dockets(
    *,
    cases: int,
    judges: int,
    seed: int,
    today: AsOf,
    taken_names: Collection[str] = (),
    taken_a_numbers: Collection[str] = (),
) -> list[Docket]:
    """Every judge's docket at once (see ``plan_dockets`` to draw them one at a time)."""
    return list(
        plan_dockets(
            cases=cases,
            judges=judges,
            seed=seed,
            today=today,
            taken_names=taken_names,
            taken_a_numbers=taken_a_numbers,
        )
    )
