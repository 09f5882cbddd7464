"""What the forecast reads: a docket's workload, or the case and hearing facts it is tallied from."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple, Protocol

from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus


class CaseFacts(Protocol):
    @property
    def a_number(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def received(self) -> date: ...
    @property
    def status(self) -> CaseStatus: ...
    @property
    def completion_date(self) -> date | None: ...
    @property
    def completion_kind(self) -> CompletionKind | None: ...
    @property
    def remaining_minutes(self) -> int | None: ...
    @property
    def detained(self) -> bool: ...
    @property
    def juvenile(self) -> bool: ...


class HearingFacts(Protocol):
    @property
    def a_number(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def minutes(self) -> int: ...
    @property
    def status(self) -> HearingStatus: ...
    @property
    def kind(self) -> HearingKind: ...


class PendingGroup(NamedTuple):
    """``count`` pending cases alike for the forecast: the same case kind, the same override of
    the kind's remaining minutes (None: no override), the same minutes booked in the window
    (``booked``, and by hearing kind in ``booked_kinds``: sorted pairs, none of 0 minutes) and
    the same detained and juvenile flags (which sessions their hearings may sit in)."""

    kind: str
    estimate_override: int | None
    booked: int
    #: The field hides the tuple's count() method, which nothing calls on a group.
    count: int  # type: ignore[assignment]
    detained: bool = False
    juvenile: bool = False
    booked_kinds: tuple[tuple[str, int], ...] = ()


def _group_order(group: PendingGroup) -> tuple[object, ...]:
    override = group.estimate_override
    return (
        group.kind,
        override is not None,
        override or 0,
        group.booked,
        group.detained,
        group.juvenile,
        group.booked_kinds,
        group.count,
    )


class _WorkloadFields(NamedTuple):
    completed: int
    pending: tuple[PendingGroup, ...]
    booked_minutes: int
    booked_hearings: tuple[tuple[str, bool, bool, int], ...]
    recorded_outcomes: int
    adjourned_outcomes: int


class Workload(_WorkloadFields):
    """A judge's docket at as-of, as the forecast counts it.

    ``completed``: completions this fiscal year to as-of that count toward the quota;
    ``pending``: the pending cases, grouped (kept in one order, so equal workloads compare
    equal however they were read); ``booked_minutes``: minutes of every hearing still scheduled
    in the window; ``booked_hearings``: the same minutes by (hearing kind, detained, juvenile),
    to put them in the pools that hold them; ``recorded_outcomes``: the judge's hearings that
    started before as-of with an outcome recorded (held, adjourned or completed), and
    ``adjourned_outcomes`` those of them adjourned (the observed adjournment rate's history).
    """

    __slots__ = ()

    def __new__(
        cls,
        completed: int,
        pending: Iterable[PendingGroup],
        booked_minutes: int,
        booked_hearings: Iterable[tuple[str, bool, bool, int]] = (),
        recorded_outcomes: int = 0,
        adjourned_outcomes: int = 0,
    ) -> "Workload":
        return super().__new__(
            cls,
            completed,
            tuple(sorted(pending, key=_group_order)),
            booked_minutes,
            tuple(sorted(booked_hearings)),
            recorded_outcomes,
            adjourned_outcomes,
        )

    @property
    def pending_count(self) -> int:
        return sum(group.count for group in self.pending)


class ForecastInputs(NamedTuple):
    """What the forecast of a judge from ``as_of`` reads: the profile, calendar and workload."""

    judge: Judge
    closures: list[Closure]
    leave: list[Leave]
    workload: Workload
    as_of: datetime
