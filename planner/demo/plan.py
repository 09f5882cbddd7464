"""Planning a demo: each judge's profile, court, calendar, completions so far and share of cases."""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from planner.demo.courts import COURTS
from planner.demo.names import judge_name
from planner.demo.profiles import FIRST_PROFILES, LATER_WEIGHTS, PROFILES, Profile, book_leave
from planner.domain.calendar import CourtCalendar, fiscal_year_bounds, fiscal_year_of
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave


@dataclass(slots=True)
class JudgePlan:
    """One judge of the demo before the docket is drawn: everything the calibration needs."""

    index: int
    profile: Profile
    judge: Judge
    leave: list[Leave]
    closures: list[Closure]
    calendar: CourtCalendar
    today: date
    capacity: float  # bench minutes from the start of ``today`` to the fiscal year's end
    past_workdays: list[date]  # this fiscal year's workdays before today
    workdays: frozenset[date]  # all of this fiscal year's workdays
    completed: int  # counted completions so far
    uncounted: int  # changes of venue, transfers and administrative closures so far
    needed: int
    pending: int = 0


def rng_for(seed: int, what: object) -> Random:
    """An independent random stream per purpose (string seeds are hashed with SHA-512, not hash())."""
    return Random(f"planner-demo:{seed}:{what}")


#: When a demo is generated: a date (each judge's local date), or an aware instant, which each
#: judge reads in their own time zone (at 00:30 UTC it is still yesterday in Los Angeles). A naive
#: datetime is taken as a local wall-clock time, the same for every judge.
AsOf = date | datetime


def local_today(as_of: AsOf, judge: Judge) -> date:
    """The judge's local date at ``as_of``."""
    if not isinstance(as_of, datetime):
        return as_of
    if as_of.tzinfo is None:
        return as_of.date()
    return judge.local_time(as_of).date()


def plan_demo(
    cases: int, judges: int, seed: int, today: AsOf, taken_names: set[str]
) -> list[JudgePlan]:
    roster = rng_for(seed, "roster")
    names: set[str] = set(taken_names)
    plans: list[JudgePlan] = []
    later = list(LATER_WEIGHTS)
    weights = list(LATER_WEIGHTS.values())
    courts = [court for court in COURTS if court[0] != "Los Angeles"]
    court_weights = [size for _, _, size in courts]
    for index in range(judges):
        aim = FIRST_PROFILES[index] if index < len(FIRST_PROFILES) else None
        aim = aim or roster.choices(later, weights)[0]
        court, zone, _ = COURTS[0] if index == 0 else roster.choices(courts, court_weights)[0]
        name = judge_name(roster)
        while name in names:
            name = judge_name(roster)
        names.add(name)
        plans.append(
            _plan_judge(index, PROFILES[aim], name, court, zone, rng_for(seed, index), today)
        )
    _share_cases(plans, cases, roster)
    return plans


#: The demo judges' adjournment rate: set in their profiles (so the calibration of the pending
#: mix counts it), and the held history adjourns no more than this share of the outcomes.
DEMO_ADJOURNMENT_RATE_PCT = 8.0


def _plan_judge(
    index: int, profile: Profile, name: str, court: str, zone: str, rng: Random, as_of: AsOf
) -> JudgePlan:
    judge = Judge(
        name=name,
        court=court,
        timezone=zone,
        sessions=profile.sessions,
        adjournment_rate_pct=DEMO_ADJOURNMENT_RATE_PCT,
    )
    today = local_today(as_of, judge)
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(today, judge), judge)
    bare = CourtCalendar(judge, (), (), fy_first, fy_last)
    off = set(bare.holidays)
    leave, closures = book_leave(rng, fy_first, fy_last, profile.extra_leave_days, off)
    calendar = CourtCalendar(judge, closures, leave, fy_first, fy_last)
    window_end = datetime.combine(fy_last + timedelta(days=1), time())
    capacity = calendar.bench_minutes(datetime.combine(today, time()), window_end)
    workdays = [
        fy_first + timedelta(days=n)
        for n in range((fy_last - fy_first).days + 1)
        if calendar.is_workday(fy_first + timedelta(days=n))
    ]
    past = [day for day in workdays if day < today]
    in_year = len(workdays)
    pace = judge.quota * len(past) / in_year if in_year else 0.0
    completed = min(judge.quota + 40, round(profile.pace * pace))
    if profile.aim == "at_risk":
        # Behind the even pace to date: at least one completion short of it.
        completed = max(0, math.floor(pace) - max(1, round(0.12 * pace)))
    elif profile.aim == "on_track":
        completed = max(completed, math.ceil(pace) + 2)
    # Late in the year little bench time is left: a judge aimed at a verdict that needs the
    # remaining completions to fit (at the floors, or at current lengths) must be that close to
    # the quota. Short cases average about 23 minutes at the floors and 37 at current lengths.
    most_needed = {
        "unreachable_without_shortening": capacity * 0.85 / 23,
        "at_risk": capacity * 0.8 / 37,
        "on_track": capacity * 0.55 / 37,
    }.get(profile.aim)
    if most_needed is not None:
        completed = max(completed, judge.quota - math.floor(most_needed))
    if not past:
        completed = 0
    uncounted = round(completed * rng.uniform(0.06, 0.14))
    return JudgePlan(
        index=index,
        profile=profile,
        judge=judge,
        leave=leave,
        closures=closures,
        calendar=calendar,
        today=today,
        capacity=capacity,
        past_workdays=past,
        workdays=frozenset(workdays),
        completed=completed,
        uncounted=uncounted,
        needed=max(0, judge.quota - completed),
    )


def _share_cases(plans: list[JudgePlan], cases: int, rng: Random) -> None:
    """Split the pending cases: a judge short of cases gets about 60% of the completions still
    needed; the others share the rest, in proportion to a jittered weight."""
    left = cases
    busy = []
    for plan in plans:
        if plan.profile.aim == "not_enough_cases" and len(plans) > 1:
            plan.pending = min(left, max(1, math.floor(0.6 * plan.needed)))
            left -= plan.pending
        else:
            busy.append(plan)
    if not busy:
        plans[-1].pending += left
        return
    weights = [rng.uniform(0.75, 1.25) for _ in busy]
    total = sum(weights)
    shares = [math.floor(left * w / total) for w in weights]
    for n in range(left - sum(shares)):
        shares[n % len(shares)] += 1
    for plan, share in zip(busy, shares, strict=True):
        plan.pending = share
