"""The forecast of one judge's fiscal year as a record: every figure, the verdict and its sentence."""

from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, NamedTuple

from planner.domain.rules import RuleSet, TargetProjection
from planner.forecast.adjournments import Adjournments
from planner.forecast.verdict import Verdict


class Shortened(NamedTuple):
    """A kind's minutes now, and at the required shortening (never below the judge's minimum)."""

    current: int
    shortened: int


class PoolFigures(NamedTuple):
    """One pool of the judge's bench time: its session kinds, the hearing kinds it accepts, and
    its minutes in the remaining window (``needed``: what the needed completions take there at
    current lengths; ``free`` = capacity - needed, negative when they overflow it)."""

    session_kinds: tuple[str, ...]
    hearing_kinds: tuple[str, ...]
    capacity_minutes: float
    booked_minutes: float
    needed_minutes: float

    @property
    def free_minutes(self) -> float:
        return self.capacity_minutes - self.needed_minutes

    @property
    def name(self) -> str:
        return ", ".join(kind.replace("_", " ") for kind in self.session_kinds)

    def as_json(self) -> dict[str, Any]:
        return {
            "session_kinds": list(self.session_kinds),
            "hearing_kinds": list(self.hearing_kinds),
            "capacity_minutes": round(self.capacity_minutes, 1),
            "booked_minutes": round(self.booked_minutes, 1),
            "needed_minutes": round(self.needed_minutes, 1),
            "free_minutes": round(self.free_minutes, 1),
        }


class TemplateChange(NamedTuple):
    """A change of the weekly template, in words, and the completions it adds to K(1)."""

    change: str
    extra_completions: int

    def as_json(self) -> dict[str, Any]:
        return {"change": self.change, "extra_completions": self.extra_completions}


class Forecast(NamedTuple):
    judge: str
    fiscal_year: int
    fy_start: date
    fy_end: date
    as_of: datetime
    quota: int
    completed: int
    needed: int
    pending_cases: int
    capacity_minutes: float
    booked_minutes: float
    max_completions_at_current_lengths: int
    max_completions_at_minimum_lengths: int
    required_shortening_pct: float | None
    minutes_per_needed_completion: float | None
    bench_hours_missing: float
    slack_pct: float | None
    workdays_in_year: int
    workdays_left: int
    pace_expected_to_date: float
    projected_from_booked: int
    counted_completions: tuple[str, ...]
    #: Each kind's minutes now and at the required shortening (read-only: a record made
    #: without them has an empty mapping no one can fill).
    shortened_case_minutes: Mapping[str, Shortened] = MappingProxyType({})
    shortened_hearing_minutes: Mapping[str, Shortened] = MappingProxyType({})
    verdict: Verdict = Verdict.ON_TRACK
    message: str = ""
    pools: tuple[PoolFigures, ...] = ()
    #: The pools full at K(1) (by index into ``pools``), and for the unreachable verdicts the
    #: pools where the bench hours are missing.
    binding_pools: tuple[int, ...] = ()
    short_pools: tuple[int, ...] = ()
    template_changes: tuple[TemplateChange, ...] = ()
    #: False when the search for K(1) or K at the floors stopped at its budget: the figure is
    #: then the most found to fit (a lower bound of the pool model's count).
    max_completions_proven: bool = True
    #: Bench minutes the needed completions take (every pending case when fewer), at current
    #: lengths and at the minimums, as the verdict counts them: the cases the pool model takes,
    #: and when they overflow a pool, the bench time that would hold them (so that needed minus
    #: left is the hours short). The explanation and the charts show these.
    needed_minutes_at_current: float = 0.0
    needed_minutes_at_minimums: float = 0.0
    #: The judge's at-risk threshold: slack under this percentage of the binding pools' capacity.
    at_risk_slack_pct: float = 10.0
    #: The rule set the fiscal year is measured against (None: a record made without one).
    rule_set: RuleSet | None = None
    #: Each age target's projection on the calendar as it stands, when it has been worked out
    #: (it runs the auto-scheduler, so it is asked for apart from the verdict): None until then.
    age_targets: tuple[TargetProjection, ...] | None = None
    #: The adjournment rate the demand counts (observed or the profile's setting; None: a
    #: record made without one), the hearings the pending cases still need
    #: (``planner.forecast.pools.hearings_to_hold``), and the adjourned sittings and bench
    #: minutes the rate expects on top of them (docs/forecast.md, "Adjournments").
    adjournments: Adjournments | None = None
    hearings_to_hold: int = 0
    extra_hearings: float = 0.0
    extra_hearing_minutes: float = 0.0

    @property
    def has_quota(self) -> bool:
        """Whether a completion quota applies (False under a rule set without one)."""
        return self.rule_set is None or self.rule_set.quota is not None

    def pool_names(self, indices: tuple[int, ...]) -> str:
        """ "individual", "individual and detained individual" """
        names = [self.pools[i].name for i in indices]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def as_json(self) -> dict[str, Any]:
        """The forecast as the JSON object ``planner forecast --json`` prints for a judge."""
        return {
            "judge": self.judge,
            "fiscal_year": self.fiscal_year,
            "fy_start": self.fy_start.isoformat(),
            "fy_end": self.fy_end.isoformat(),
            "as_of": self.as_of.isoformat(timespec="minutes"),
            "quota": self.quota,
            "completed": self.completed,
            "needed": self.needed,
            "pending_cases": self.pending_cases,
            "capacity_minutes": round(self.capacity_minutes, 1),
            "booked_minutes": round(self.booked_minutes, 1),
            "max_completions_at_current_lengths": self.max_completions_at_current_lengths,
            "max_completions_at_minimum_lengths": self.max_completions_at_minimum_lengths,
            "required_shortening_pct": _rounded(self.required_shortening_pct),
            "minutes_per_needed_completion": _rounded(self.minutes_per_needed_completion),
            "bench_hours_missing": round(self.bench_hours_missing, 1),
            "slack_pct": _rounded(self.slack_pct),
            "workdays_in_year": self.workdays_in_year,
            "workdays_left": self.workdays_left,
            "pace_expected_to_date": round(self.pace_expected_to_date, 1),
            "projected_from_booked": self.projected_from_booked,
            "counted_completions": list(self.counted_completions),
            "shortened_case_minutes": _shortened_json(self.shortened_case_minutes),
            "shortened_hearing_minutes": _shortened_json(self.shortened_hearing_minutes),
            "verdict": self.verdict.value,
            "message": self.message,
            "pools": [pool.as_json() for pool in self.pools],
            "binding_pools": [list(self.pools[i].session_kinds) for i in self.binding_pools],
            "template_changes": [change.as_json() for change in self.template_changes],
            "max_completions_proven": self.max_completions_proven,
            "rule_set": None if self.rule_set is None else self.rule_set.as_json(),
            "age_targets": (
                None if self.age_targets is None else [t.as_json() for t in self.age_targets]
            ),
            **self._adjournments_json(),
        }

    def _adjournments_json(self) -> dict[str, Any]:
        found = self.adjournments
        return {
            "adjournment_rate": None if found is None else round(found.rate, 4),
            "adjournment_rate_source": None if found is None else found.source,
            "adjournment_history": None
            if found is None
            else {
                "recorded_outcomes": found.recorded,
                "adjourned": found.adjourned,
                "needed": found.history,
            },
            "hearings_to_hold": self.hearings_to_hold,
            "extra_hearings": round(self.extra_hearings, 1),
            "extra_hearing_minutes": round(self.extra_hearing_minutes, 1),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _shortened_json(table: Mapping[str, Shortened]) -> dict[str, dict[str, int]]:
    return {kind: {"current": s.current, "shortened": s.shortened} for kind, s in table.items()}
