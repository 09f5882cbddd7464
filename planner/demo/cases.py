"""Drawing a judge's cases: the mix of kinds aimed at the profile's workload, and each respondent."""

import itertools
import math
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from random import Random

import numpy as np

from planner.demo.courts import LANGUAGES
from planner.demo.names import attorney_name, respondent_name
from planner.demo.plan import JudgePlan
from planner.domain.docket import Case
from planner.domain.seating import pools_of
from planner.domain.vocabulary import CaseStatus, CompletionKind
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.pools import PoolModel, case_groups
from planner.forecast.scan import scan_year

#: Kinds whose remaining work is short: master hearings, bond, fear reviews, motions.
_LIGHT = {"removal": 55, "bond": 12, "motion": 13, "fear_review": 6, "adjustment": 14}
#: Kinds that still need a merits hearing; "removal+" is a removal case in which the judge
#: expects a contested merits hearing and has overridden the remaining minutes.
_HEAVY = {"asylum": 60, "cancellation": 14, "asylum_only": 6, "removal+": 20}
_HEAVY_NO_OVERRIDE = {"asylum": 74, "cancellation": 19, "asylum_only": 7}

_COUNTED = {
    CompletionKind.REMOVAL_ORDER: 30,
    CompletionKind.IN_ABSENTIA: 22,
    CompletionKind.RELIEF_GRANTED: 16,
    CompletionKind.VOLUNTARY_DEPARTURE: 12,
    CompletionKind.TERMINATION: 6,
    CompletionKind.DISMISSAL: 4,
}
_UNCOUNTED = {
    CompletionKind.CHANGE_OF_VENUE: 5,
    CompletionKind.TRANSFER: 2,
    CompletionKind.ADMINISTRATIVE_CLOSURE: 3,
}
_DETAINABLE = ("asylum_only", "removal", "asylum", "motion")
#: A detained docket moves fast: EOIR's PM 25-47 aims at 95% of detained cases completed within
#: 60 days of receipt (/work/shared/domain.md). Of the detained completions so far, one in this
#: many took longer (appeals and remands, contested merits): 5%.
DETAINED_LONG_COMPLETIONS_EVERY = 20
#: Of the pending detained cases, one in this many came in more than 60 days ago: the 5% that
#: take longer (up to about 300 days) weigh more in a pending docket than among completions,
#: about 14% of it (tests/demo/test_detained_docket.py works it out); here 10%. The rest came in
#: within 60 days, so some are about to pass it.
DETAINED_PAST_60_EVERY = 10

_LANGUAGE_NAMES = [name for name, _ in LANGUAGES]
_LANGUAGE_WEIGHTS = list(itertools.accumulate(weight for _, weight in LANGUAGES))

Draw = tuple[str, int | None]  # a case kind and the judge's override of its remaining minutes


class ANumbers:
    """Unique 9-digit A-numbers in a scrambled order, skipping any already in the database."""

    _SPAN = 700_000_000  # 200000000 to 899999999
    _STEP = 387_420_489  # 3**18: coprime with the span, so every step lands on a new number

    def __init__(self, seed: int, taken: Collection[str]) -> None:
        self._next = Random(f"planner-demo:{seed}:a-numbers").randrange(self._SPAN)
        self._taken = taken

    def __call__(self) -> str:
        while True:
            number = str(200_000_000 + self._next)
            self._next = (self._next + self._STEP) % self._SPAN
            if number not in self._taken:
                return number


def _weighted(table: dict[str, int] | dict[CompletionKind, int]) -> tuple[list, list[int]]:
    return list(table), list(itertools.accumulate(table.values()))


def _draw_heavy(kind: str, u: float) -> Draw:
    if kind == "removal+":
        return "removal", 150 + 15 * int(u * 7)
    if kind == "asylum" and u < 0.08:
        return "asylum", 240 + 30 * int(u / 0.02)  # hundreds of pages: two sessions
    return kind, None


class _PoolCounts:
    """K(1) or K at the floors (the forecast's pool model) of the docket drawn with ``n`` short
    cases: what the demo calibrates against, so each judge lands where the profile aims.

    The detained share is set as ``pending_cases`` sets it (bond and fear reviews, then the
    detainable kinds in turn), spread over each kind's overrides in proportion rather than drawn;
    bookings and juvenile flags are left out (they move few minutes between pools).
    """

    def __init__(self, plan: JudgePlan, light: list[Draw], heavy: list[Draw]):
        self._plan, self._light, self._heavy = plan, light, heavy
        window_end = datetime.combine(plan.calendar.last + timedelta(days=1), time())
        year = scan_year(
            plan.calendar, plan.leave, datetime.combine(plan.today, time()), window_end
        )
        by_kind = year.by_kind(plan.judge.sessions)
        self._pools = pools_of(plan.judge.sessions)
        self._capacity = [
            sum(by_kind.get(kind, 0.0) for kind in pool.session_kinds) for pool in self._pools
        ]
        self._known: dict[tuple[int, bool], int] = {}

    def __call__(self, n_light: int, at_floors: bool) -> int:
        key = (n_light, at_floors)
        if key not in self._known:
            count = self._plan.pending
            drawn = Counter(self._light[:n_light]) + Counter(self._heavy[: count - n_light])
            held = _detained_counts(drawn, count, self._plan.profile.detained_share)
            pending = []
            for (kind, minutes), n in drawn.items():
                inside = held.get((kind, minutes), 0)
                if inside:
                    pending.append(PendingGroup(kind, minutes, 0, inside, True))
                if n - inside:
                    pending.append(PendingGroup(kind, minutes, 0, n - inside, False))
            workload = Workload(completed=0, pending=tuple(pending), booked_minutes=0)
            groups = case_groups(self._plan.judge, workload, self._pools)
            model = PoolModel(self._pools, self._capacity, groups)
            self._known[key] = model.count(None if at_floors else 1.0)[0]
        return self._known[key]


def _detained_counts(drawn: Counter[Draw], count: int, share: float) -> dict[Draw, int]:
    """How many of each kind and override ``_flags`` detains, the kind's share spread over its
    overrides in proportion (the calibration's stand-in for the draw)."""
    held = {draw: n for draw, n in drawn.items() if draw[0] in ("bond", "fear_review")}
    wanted = round(share * count) - sum(held.values())
    for kind in _DETAINABLE:
        if wanted <= 0:
            break
        alike = {draw: n for draw, n in drawn.items() if draw[0] == kind}
        total = sum(alike.values())
        take = min(wanted, total)
        for draw, n in alike.items():
            held[draw] = n * take // total
        for draw in sorted(alike, key=lambda d: alike[d], reverse=True)[
            : take - sum(held[d] for d in alike)
        ]:
            held[draw] += 1
        wanted -= take
    return held


#: Per aimed verdict: K at the floors (True) or at current lengths, and the share of the
#: needed completions it should reach with the fewest short cases that reach it.
_AIMS = {
    "unreachable_at_minimum_lengths": (True, 0.85),
    "unreachable_without_shortening": (False, 0.8),
    "at_risk": (False, 1.0),
    "on_track": (False, 1.5),
}


def pending_kinds(rng: Random, plan: JudgePlan) -> list[Draw]:
    """The pending cases' kinds, with as many short cases as brings K (the forecast's count of
    the completions that fit, by session pool) where the profile aims (docs/performance.md,
    "The demo docket"). Where no mix of kinds gets there (late in the year, a few hours left),
    the completions so far are moved instead, so the needed completions are where K is."""
    count, needed, profile = plan.pending, plan.needed, plan.profile
    kinds, weights = _weighted(_LIGHT)
    light: list[Draw] = [(k, None) for k in rng.choices(kinds, cum_weights=weights, k=count)]
    kinds, weights = _weighted(_HEAVY if profile.heavy_removal else _HEAVY_NO_OVERRIDE)
    heavy = [
        _draw_heavy(k, u)
        for k, u in zip(
            rng.choices(kinds, cum_weights=weights, k=count),
            np.random.default_rng(rng.getrandbits(64)).random(count).tolist(),
            strict=True,
        )
    ]
    usual = round(0.3 * count)
    aim = _AIMS.get(profile.aim)
    if aim is None or needed == 0 or needed >= count:
        n_light = usual
    else:
        at_floors, share = aim
        counts = _PoolCounts(plan, light, heavy)
        target = max(1, math.ceil(share * needed))
        # The fewest short cases that bring K to the target (K grows with them).
        low, high = 0, count
        while low < high:
            middle = (low + high) // 2
            if counts(middle, at_floors) >= target:
                high = middle
            else:
                low = middle + 1
        n_light = max(low, usual) if profile.aim == "on_track" else low
        _move_completions(plan, counts, n_light, at_floors, share)
    draws = light[:n_light] + heavy[: count - n_light]
    rng.shuffle(draws)
    return draws


def _move_completions(
    plan: JudgePlan, counts: _PoolCounts, n_light: int, at_floors: bool, share: float
) -> None:
    """Where the mix of kinds cannot put K where the profile aims, move the needed completions
    (and so the completions so far) to it; before the year's first workday there are none."""
    if not plan.past_workdays:
        return
    reached = counts(n_light, at_floors)
    needed = plan.needed
    if share < 1:
        if reached >= needed:  # even the heaviest mix fits the needed: need more
            needed = math.floor(reached / share) + 1
        if not at_floors:  # shortening must be able to reach it
            needed = min(needed, counts(n_light, True))
    elif reached < share * needed:  # even the lightest mix falls short: need fewer
        needed = math.floor(reached / share)
    needed = max(1, min(needed, plan.judge.quota))
    if needed != plan.needed:
        completed = plan.judge.quota - needed
        plan.uncounted = round(plan.uncounted * completed / max(1, plan.completed))
        plan.completed, plan.needed = completed, needed


def _floor_pace(plan: JudgePlan) -> int:
    in_year = len(plan.workdays)
    return int(plan.judge.quota * len(plan.past_workdays) / in_year) if in_year else 0


def _languages(rng: Random, count: int) -> list[str]:
    return rng.choices(_LANGUAGE_NAMES, cum_weights=_LANGUAGE_WEIGHTS, k=count)


def _flags(rng: Random, draws: list[Draw], detained_share: float) -> list[bool]:
    """Exactly the profile's share detained: bond and fear reviews always, then others."""
    detained = [kind in ("bond", "fear_review") for kind, _ in draws]
    wanted = round(detained_share * len(draws)) - sum(detained)
    for kind in _DETAINABLE:
        if wanted <= 0:
            break
        candidates = [n for n, (k, _) in enumerate(draws) if k == kind]
        rng.shuffle(candidates)
        for n in candidates[:wanted]:
            detained[n] = True
        wanted -= len(candidates[:wanted])
    return detained


def _uniforms(rng: Random, count: int, columns: int) -> list[list[float]]:
    """``count`` rows of uniform draws in [0, 1), from a NumPy generator seeded by ``rng``."""
    return np.random.default_rng(rng.getrandbits(64)).random((count, columns)).tolist()


def pending_cases(
    rng: Random, plan: JudgePlan, draws: list[Draw], a_number: ANumbers
) -> list[Case]:
    today = plan.today
    days_ago = [today - timedelta(days=n) for n in range(2500)]
    detained = _flags(rng, draws, plan.profile.detained_share)
    languages = _languages(rng, len(draws))
    juvenile_share = plan.profile.juvenile_share
    cases = []
    held_so_far = 0
    for (kind, override), held, language, u in zip(
        draws, detained, languages, _uniforms(rng, len(draws), 10), strict=True
    ):
        juvenile = not held and u[0] < juvenile_share
        if held:
            # Every tenth detained case (the draws are shuffled) came in 61 to 300 days ago,
            # the others within 60 days (the 60-day target: docs/forecast.md), younger more often.
            held_so_far += 1
            if held_so_far % DETAINED_PAST_60_EVERY == 0:
                age = 61 + int(u[1] ** 2 * 240)
            else:
                age = 12 + int(u[1] ** 1.3 * 49)
            represented = u[2] < 0.2
        else:
            age = 12 + int(u[1] ** 1.6 * 2200)
            represented = u[2] < (0.55 if juvenile else 0.8)
        asylum_filed = None
        if kind in ("asylum", "asylum_only"):
            # Filed 20 days to a year after the case came in; a case younger than that filed
            # some day since it came in (never later than today, and not all of them today).
            after = 20 + int(u[3] * 346)
            asylum_filed = days_ago[age - (after if after <= age else int(u[3] * age))]
        cases.append(
            Case(
                a_number=a_number(),
                name=respondent_name(language, u[4], u[5], u[6]),
                kind=kind,
                received=days_ago[age],
                detained=held,
                juvenile=juvenile,
                language=language,
                represented=represented,
                remaining_minutes=override,
                asylum_filed=asylum_filed,
                nta_served=days_ago[age + 3 + int(u[7] * 43)],
                attorney=attorney_name(u[8], u[9]) if represented else None,
            )
        )
    return cases


def completed_cases(rng: Random, plan: JudgePlan, a_number: ANumbers) -> list[Case]:
    """This fiscal year's completions so far, on the workdays before today."""
    if not plan.past_workdays:
        return []
    counted, counted_weights = _weighted(_COUNTED)
    uncounted, uncounted_weights = _weighted(_UNCOUNTED)
    how = rng.choices(counted, cum_weights=counted_weights, k=plan.completed)
    how += rng.choices(uncounted, cum_weights=uncounted_weights, k=plan.uncounted)
    cases = []
    languages = _languages(rng, len(how))
    held_so_far = 0
    for completion, language, u in zip(how, languages, _uniforms(rng, len(how), 7), strict=True):
        day: date = rng.choice(plan.past_workdays)
        kind = _completed_kind(rng, completion)
        held = kind in ("bond", "fear_review") or u[0] < 0.3
        represented = u[1] < (0.2 if held else 0.8)
        days = rng.randint(20, 1500 if not held else 120)
        if held:
            # 12 to 60 days from receipt, every twentieth 61 to 300 (the same draw, rescaled).
            held_so_far += 1
            if held_so_far % DETAINED_LONG_COMPLETIONS_EVERY == 0:
                days = 61 + (days - 20) * 239 // 100
            else:
                days = 12 + (days - 20) * 48 // 100
        received = day - timedelta(days=days)
        cases.append(
            Case(
                a_number=a_number(),
                name=respondent_name(language, u[2], u[3], u[4]),
                kind=kind,
                received=received,
                detained=held,
                language=language,
                represented=represented,
                status=CaseStatus.COMPLETED,
                completion_date=day,
                completion_kind=completion,
                asylum_filed=_filed(received, day, rng.randint(20, 200))
                if kind == "asylum"
                else None,
                nta_served=received - timedelta(days=rng.randint(3, 45)),
                attorney=attorney_name(u[5], u[6]) if represented else None,
            )
        )
    return cases


def _filed(received: date, completed: date, after: int) -> date:
    """An asylum application filed ``after`` days after the case came in, or, when the case was
    completed sooner, as far into its life (never after its completion)."""
    span = (completed - received).days
    return received + timedelta(days=after if after <= span else after * span // 200)


def _completed_kind(rng: Random, completion: CompletionKind) -> str:
    if completion is CompletionKind.RELIEF_GRANTED:
        return rng.choice(("asylum", "asylum", "cancellation", "adjustment"))
    if completion is CompletionKind.IN_ABSENTIA:
        return rng.choice(("removal", "removal", "asylum"))
    return rng.choice(("removal", "removal", "asylum", "bond", "fear_review", "motion"))


#: A family on the Dedicated Docket: this share of the young non-detained adult removal and
#: asylum cases (received within this many days, so their 300 days from the first master
#: hearing are still running).
DEDICATED_SHARE = 0.08
DEDICATED_WITHIN_DAYS = 420
#: Cases off the active docket, per pending case: administratively closed, on the status docket.
ADMIN_CLOSED_SHARE = 0.02
STATUS_DOCKET_SHARE = 0.01


def dedicated_docket(rng: Random, plan: JudgePlan, pending: list[Case]) -> list[Case]:
    """The pending cases with the Dedicated Docket's families marked (``rng`` is a stream of its
    own: every other draw of the docket stays as it was)."""
    marked = []
    for case in pending:
        young = (plan.today - case.received).days <= DEDICATED_WITHIN_DAYS
        family = case.kind in ("removal", "asylum") and not case.detained and not case.juvenile
        chosen = rng.random() < DEDICATED_SHARE  # drawn for every case: the same stream each time
        marked.append(replace(case, dedicated_docket=True) if family and young and chosen else case)
    return marked


def off_docket_cases(rng: Random, plan: JudgePlan, a_number: ANumbers) -> list[Case]:
    """Cases off the active docket besides the pending ones: administratively closed (long
    removal and asylum cases) and on the status docket (adjustment cases waiting on USCIS)."""
    closed = round(plan.pending * ADMIN_CLOSED_SHARE)
    waiting = round(plan.pending * STATUS_DOCKET_SHARE)
    if plan.pending and not closed + waiting:
        closed = 1
    states = [CaseStatus.ADMIN_CLOSED] * closed + [CaseStatus.STATUS_DOCKET] * waiting
    cases = []
    languages = _languages(rng, len(states))
    for status, language, u in zip(states, languages, _uniforms(rng, len(states), 7), strict=True):
        kind = (
            "adjustment"
            if status is CaseStatus.STATUS_DOCKET
            else rng.choice(("removal", "asylum"))
        )
        received = plan.today - timedelta(days=200 + int(u[0] * 1300))
        represented = u[1] < 0.8
        cases.append(
            Case(
                a_number=a_number(),
                name=respondent_name(language, u[2], u[3], u[4]),
                kind=kind,
                received=received,
                language=language,
                represented=represented,
                status=status,
                asylum_filed=received + timedelta(days=30) if kind == "asylum" else None,
                nta_served=received - timedelta(days=rng.randint(3, 45)),
                attorney=attorney_name(u[5], u[6]) if represented else None,
            )
        )
    return cases
