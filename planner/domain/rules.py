"""Rule sets: the named, dated measures a fiscal year is planned against (shared/domain.md).

A rule set has a name, the day it took effect, a quota (or none) and age targets: a clock per
kind of case (detained 60 days, non-detained 365 days, motions, the asylum 180-day clock ...)
with the share of cases that should be completed within it. A judge's fiscal year uses the
rule set in force on its first day unless the judge picks another; every threshold is a
setting of the judge's profile (``Judge.age_targets`` replaces a clock's days and goal).
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Literal, NamedTuple, Protocol

from planner.domain.errors import InvalidValue
from planner.domain.plural import counted


class Clock(StrEnum):
    """Which cases an age target counts, and from which day."""

    DETAINED = "detained"  # detained cases (not motions), from the day the rule set counts from
    NON_DETAINED = "non_detained"  # the other cases (not motions), from the same day
    MOTIONS = "motions"  # motions, from their receipt
    ASYLUM = "asylum"  # cases with an asylum application, from its filing (INA 208(d)(5))
    #: Dedicated Docket cases (families, 11 cities), from their first master hearing.
    DEDICATED = "dedicated"


CLOCK_WORDS = {
    Clock.DETAINED: "detained",
    Clock.NON_DETAINED: "non-detained",
    Clock.MOTIONS: "motions",
    Clock.ASYLUM: "asylum applications",
    Clock.DEDICATED: "Dedicated Docket",
}

#: The keys of the built-in rule sets, and the court's own.
METRICS_2018 = "2018"
NO_MEASURES = "none"
TARGETS_2025 = "2025"
COURTS_OWN = "own"
RULE_SET_KEYS = (METRICS_2018, NO_MEASURES, TARGETS_2025, COURTS_OWN)

MAX_TARGET_DAYS = 3650


class _AgeTargetFields(NamedTuple):
    clock: Clock
    days: int
    goal_pct: float


class AgeTarget(_AgeTargetFields):
    """``goal_pct`` of the cases under ``clock`` completed within ``days`` days of its start.

    Checked when made (planner.domain.records)."""

    __slots__ = ()

    def __new__(cls, clock: Clock | str, days: int, goal_pct: float) -> "AgeTarget":
        try:
            clock = Clock(clock)
        except ValueError:
            known = ", ".join(Clock)
            raise InvalidValue(f"age target {clock!r} is not one of: {known}") from None
        if isinstance(days, bool) or not isinstance(days, int):
            raise InvalidValue(f"the {clock} target's days {days!r} must be a whole number")
        if not 1 <= days <= MAX_TARGET_DAYS:
            raise InvalidValue(f"the {clock} target's days {days!r} must be 1 to {MAX_TARGET_DAYS}")
        if not 0 < goal_pct <= 100:
            raise InvalidValue(
                f"the {clock} target's goal {goal_pct!r}% must be above 0 and at most 100"
            )
        return super().__new__(cls, clock, days, goal_pct)

    @property
    def label(self) -> str:
        """ "detained within 60 days" """
        return f"{CLOCK_WORDS[self.clock]} within {counted(self.days, 'day')}"

    def as_json(self) -> dict[str, Any]:
        return {"clock": self.clock.value, "days": self.days, "goal_pct": self.goal_pct}


class RuleSet(NamedTuple):
    """A named, dated set of measures. ``quota`` None: no completion quota applies."""

    key: str
    name: str
    effective: date | None  # None: the court's own, in force when the judge picks it
    quota: int | None
    unsatisfactory: int | None
    targets: tuple[AgeTarget, ...]
    source: str  # where the figures come from, and how sure they are

    @property
    def title(self) -> str:
        """ "2025 targets (PM 25-47), from 12 Sep 2025" """
        if self.effective is None:
            return self.name
        return f"{self.name}, from {self.effective.day} {self.effective:%b %Y}"

    def target(self, clock: Clock) -> AgeTarget | None:
        return next((t for t in self.targets if t.clock is clock), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "effective": None if self.effective is None else self.effective.isoformat(),
            "quota": self.quota,
            "unsatisfactory": self.unsatisfactory,
            "targets": [t.as_json() for t in self.targets],
        }


_ASYLUM = AgeTarget(Clock.ASYLUM, 180, 100.0)

BUILT_IN: dict[str, RuleSet] = {
    METRICS_2018: RuleSet(
        METRICS_2018,
        "2018 performance metrics",
        date(2018, 10, 1),
        700,
        560,
        # The motions benchmark (85% within 20 days of receipt); the other 2018 benchmarks count
        # from the merits hearing, not from a case's start, and are not age targets.
        (AgeTarget(Clock.MOTIONS, 20, 85.0), _ASYLUM),
        "EOIR performance work plan of 30 March 2018, effective 1 October 2018; 560 "
        "(unsatisfactory) as press reports give it",
    ),
    NO_MEASURES: RuleSet(
        NO_MEASURES,
        "no measures (2018 metrics suspended)",
        date(2021, 10, 19),
        None,
        None,
        (),
        "the Chief Immigration Judge suspended the 2018 metrics on 19 October 2021 (AILA, "
        "Government Executive)",
    ),
    TARGETS_2025: RuleSet(
        TARGETS_2025,
        "2025 targets (PM 25-47)",
        date(2025, 9, 12),
        None,
        None,
        (
            AgeTarget(Clock.DETAINED, 60, 95.0),
            AgeTarget(Clock.NON_DETAINED, 365, 95.0),
            # The memo's motion figures were not found: the 2018 benchmark, to check.
            AgeTarget(Clock.MOTIONS, 20, 85.0),
            _ASYLUM,
            # The Dedicated Docket (May 2021) aims at a decision within 300 days of the first
            # master hearing in every case (shared/domain.md): a goal of all of them, a setting.
            AgeTarget(Clock.DEDICATED, 300, 100.0),
        ),
        "EOIR policy memorandum PM 25-47 of 12 September 2025 as secondary sources report it: "
        "defaults to check, not facts",
    ),
}

#: The court's own rule set starts from the 2025 figures; the judge sets each of them.
_OWN_DEFAULT_TARGETS = BUILT_IN[TARGETS_2025].targets


def rule_set_in_force(day: date) -> RuleSet:
    """The built-in rule set in force on ``day``: the latest to take effect on or before it (no
    measures before 1 October 2018)."""
    found = BUILT_IN[NO_MEASURES]
    for rules in sorted(BUILT_IN.values(), key=lambda r: r.effective or date.min):
        if rules.effective is not None and rules.effective <= day:
            found = rules
    return found


def check_rule_set_key(key: str | None) -> str | None:
    """``key`` if it names a rule set (None: the one in force), else a one-line refusal."""
    if key is not None and key not in RULE_SET_KEYS:
        known = ", ".join(RULE_SET_KEYS)
        raise InvalidValue(f"rule set {key!r} is not one of: {known} (or none given: in force)")
    return key


def check_targets(targets: Iterable[AgeTarget]) -> tuple[AgeTarget, ...]:
    """The judge's own target settings, each clock at most once, in the clocks' order."""
    found: dict[Clock, AgeTarget] = {}
    for target in targets:
        if target.clock in found:
            raise InvalidValue(f"the {target.clock} age target is set twice")
        found[target.clock] = target
    return tuple(found[clock] for clock in Clock if clock in found)


def rules_for(
    fy_first: date,
    chosen: str | None,
    quota: int,
    settings: Iterable[AgeTarget] = (),
) -> RuleSet:
    """The rule set a fiscal year starting on ``fy_first`` is measured against: the judge's
    choice (``chosen``), else the one in force on that day; the judge's ``quota`` is the
    setting of a quota where the rule set has one, and ``settings`` replace a clock's days and
    goal where the rule set has that clock (the court's own has the clocks set, else the 2025
    figures)."""
    if chosen == COURTS_OWN:
        own = {t.clock: t for t in settings}
        targets = tuple(own.get(t.clock, t) for t in _OWN_DEFAULT_TARGETS)
        return RuleSet(
            COURTS_OWN,
            "the court's own measures",
            None,
            quota,
            None,
            targets,
            "the judge's profile",
        )
    base = BUILT_IN[chosen] if chosen is not None else rule_set_in_force(fy_first)
    own = {t.clock: t for t in settings}
    return RuleSet(
        base.key,
        base.name,
        base.effective,
        None if base.quota is None else quota,
        base.unsatisfactory,
        tuple(own.get(t.clock, t) for t in base.targets),
        base.source,
    )


class CaseClockFacts(NamedTuple):
    """What an age target reads of a case."""

    kind: str
    detained: bool
    received: date
    asylum_filed: date | None = None
    nta_served: date | None = None
    dedicated_docket: bool = False


class MasterHearing(Protocol):
    """What ``first_master_hearings`` reads of a hearing."""

    @property
    def a_number(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def kind(self) -> str: ...


def first_master_hearings(hearings: Iterable[MasterHearing]) -> dict[str, date]:
    """Each case's first master hearing's day (A-number to day), whatever became of it (held,
    adjourned, completed or still booked): the start of the Dedicated Docket's clock."""
    found: dict[str, date] = {}
    for hearing in hearings:
        if hearing.kind == "master":
            day = hearing.start.date()
            seen = found.get(hearing.a_number)
            if seen is None or day < seen:
                found[hearing.a_number] = day
    return found


class ClockFacts(Protocol):
    """What an age target reads of a case: a ``CaseClockFacts``, or the case itself."""

    @property
    def kind(self) -> str: ...
    @property
    def detained(self) -> bool: ...
    @property
    def received(self) -> date: ...
    @property
    def asylum_filed(self) -> date | None: ...
    @property
    def dedicated_docket(self) -> bool: ...


def clock_start(
    target: AgeTarget, case: ClockFacts, first_master: date | None = None
) -> date | None:
    """The day the target's clock starts for the case, or None when the target does not apply.

    Detained and non-detained count from the case's receipt by the court (motions aside);
    motions from their receipt; the asylum clock from the application's filing; the Dedicated
    Docket's from the case's first master hearing, ``first_master`` (held, adjourned or booked;
    not started before there is one)."""
    clock = target.clock  # a member of Clock (AgeTarget makes it one): compared by identity
    if clock is Clock.ASYLUM:
        return case.asylum_filed
    if clock is Clock.DEDICATED:
        return first_master if case.dedicated_docket else None
    if case.kind == "motion":
        return case.received if clock is Clock.MOTIONS else None
    if clock is Clock.DETAINED:
        return case.received if case.detained else None
    if clock is Clock.NON_DETAINED:
        return None if case.detained else case.received
    return None  # the motions clock, for a case that is not a motion


#: Three days told apart by ``clock_base``: a case received on the first, its asylum application
#: filed on the second, its first master hearing on the third.
_RECEIVED, _FILED, _FIRST_MASTER = date(2000, 1, 1), date(2000, 1, 2), date(2000, 1, 3)
_BASES: dict[date, Literal["received", "asylum_filed", "first_master"]] = {
    _RECEIVED: "received",
    _FILED: "asylum_filed",
    _FIRST_MASTER: "first_master",
}


def clock_base(
    target: AgeTarget, kind: str, detained: bool, dedicated_docket: bool = False
) -> Literal["received", "asylum_filed", "first_master"] | None:
    """The day the target's clock starts on for every case of this kind, detention and docket:
    its receipt, its asylum application's filing or its first master hearing (``clock_start``
    returns one of them, or None, by these alone); None: the target does not apply to such
    cases. Worked out once per shape of case where thousands are counted (the age targets)."""
    facts = CaseClockFacts(kind, detained, _RECEIVED, _FILED, dedicated_docket=dedicated_docket)
    start = clock_start(target, facts, _FIRST_MASTER)
    return None if start is None else _BASES[start]


def age_deadline(rules: RuleSet, case: ClockFacts, first_master: date | None = None) -> date | None:
    """The last day within the nearest of the rule set's age clocks that apply to the case
    (detained 60 days, non-detained 365, motions, the asylum clock, the Dedicated Docket's from
    ``first_master`` ...): the day the auto-scheduler's deadline policy treats as the case's
    deadline; None without one."""
    found = [
        start + timedelta(days=target.days)
        for target in rules.targets
        if (start := clock_start(target, case, first_master)) is not None
    ]
    return min(found) if found else None


def passes_on(target: AgeTarget, start: date) -> date:
    """The first day a case whose clock started on ``start`` is past the target: completed on
    or before ``start + days`` it is within it."""
    return start + timedelta(days=target.days + 1)


class TargetProjection(NamedTuple):
    """One age target's projected attainment for the fiscal year (``planner forecast --json``'s
    ``age_targets``): the share of the cases decided by fiscal-year end that are completed
    within the target (None: no such case), and the pending cases that will pass it."""

    target: AgeTarget
    projected_pct: float | None
    cases_missing: int
    first_miss: date | None
    met: int = 0
    counted: int = 0

    @property
    def short(self) -> bool:
        return self.projected_pct is not None and self.projected_pct < self.target.goal_pct

    def as_json(self) -> dict[str, Any]:
        return {
            "target": self.target.label,
            "goal_pct": self.target.goal_pct,
            "projected_pct": None if self.projected_pct is None else round(self.projected_pct, 1),
            "cases_missing": self.cases_missing,
            "first_miss": None if self.first_miss is None else self.first_miss.isoformat(),
        }

    def sentence(self, today: date | None = None) -> str:
        """ "detained within 60 days: 71% projected, goal 95%; 38 cases will pass 60 days, the
        first on 14 January" """
        t = self.target
        goal = f"goal {t.goal_pct:g}%"
        if self.projected_pct is None:
            head = f"{t.label}: no case decided by year end, {goal}"
        else:
            head = f"{t.label}: {self.projected_pct:.0f}% projected, {goal}"
        if not self.cases_missing or self.first_miss is None:
            return head
        past = today is not None and self.first_miss <= today
        when = f"{self.first_miss.day} {self.first_miss:%B}" + (
            f" {self.first_miss.year}" if past else ""
        )
        if self.cases_missing == 1:
            verb = "passed" if past else "will pass"
            return f"{head}; 1 case {verb} {counted(t.days, 'day')} on {when}"
        first = "the first already" if past else "the first"
        passes = f"{self.cases_missing:,} cases will pass {counted(t.days, 'day')}"
        return f"{head}; {passes}, {first} on {when}"
