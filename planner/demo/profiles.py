"""The kinds of judge the demo makes: weekly templates, leave, pace so far, and workload aimed at."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from planner.domain.judge import Session
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import LeaveKind, SessionKind

_AM = (time(8, 30), time(12, 0))
_PM = (time(13, 0), time(16, 30))

M = SessionKind.MASTER
I = SessionKind.INDIVIDUAL  # noqa: E741
DM = SessionKind.DETAINED_MASTER
DI = SessionKind.DETAINED_INDIVIDUAL
B = SessionKind.BOND
J = SessionKind.JUVENILE
A = SessionKind.ADMINISTRATIVE


def _week(days: list[tuple[SessionKind, SessionKind]]) -> tuple[Session, ...]:
    sessions: list[Session] = []
    for weekday, (morning, afternoon) in enumerate(days):
        if morning is B:
            # A bond morning: custody hearings and fear reviews first, then a detained master.
            sessions.append(Session(weekday, _AM[0], time(10, 30), B))
            sessions.append(Session(weekday, time(10, 30), _AM[1], DM))
        else:
            sessions.append(Session(weekday, *_AM, morning))
        sessions.append(Session(weekday, *_PM, afternoon))
    return tuple(sessions)


#: A Los Angeles-style week: master mornings, merits afternoons and a merits day, a detained
#: day, a bond morning with detained merits after it, and Friday afternoon for administrative
#: work. A third of the docket is detained: two of the five merits sessions are detained ones
#: (with one, the detained merits hearings alone outran the year's bench time).
BUSY_WEEK = _week([(M, I), (DM, DI), (I, I), (B, DI), (M, A)])
#: A juvenile docket: juvenile masters on set days, fewer adult calendars.
JUVENILE_WEEK = _week([(J, I), (M, I), (J, I), (B, DI), (M, A)])
#: An assistant chief judge: three bench days, Thursday and Friday for supervisory work.
SUPERVISORY_WEEK = _week([(M, I), (DM, DI), (B, I), (A, A), (A, A)])


@dataclass(frozen=True, slots=True)
class Profile:
    """What kind of year a judge is having, and the verdict the real forecast should reach."""

    aim: str  # the verdict this profile is built to reach (the forecast decides)
    sessions: tuple[Session, ...]
    pace: float  # counted completions so far, as a share of the quota's even pace to date
    ratio: float  # the minutes of the needed completions' work, as a share of the bench time left
    detained_share: float
    juvenile_share: float
    heavy_removal: bool  # some removal cases expect a contested merits hearing (a judge's override)
    extra_leave_days: int = 0  # training or detail on top of annual and sick leave


PROFILES: dict[str, Profile] = {
    "not_enough_cases": Profile(
        "not_enough_cases", JUVENILE_WEEK, 0.8, 0.5, 0.15, 0.55, heavy_removal=False
    ),
    "unreachable_at_minimum_lengths": Profile(
        "unreachable_at_minimum_lengths",
        SUPERVISORY_WEEK,
        0.6,
        1.3,
        0.33,
        0.03,
        heavy_removal=False,
        extra_leave_days=5,
    ),
    "unreachable_without_shortening": Profile(
        "unreachable_without_shortening", BUSY_WEEK, 0.88, 1.3, 0.33, 0.04, heavy_removal=True
    ),
    "at_risk": Profile("at_risk", BUSY_WEEK, 0.85, 0.85, 0.33, 0.04, heavy_removal=True),
    "on_track": Profile("on_track", BUSY_WEEK, 1.06, 0.6, 0.3, 0.04, heavy_removal=True),
}

#: The first judges take one profile each, the Los Angeles judge first; the rest are drawn.
FIRST_PROFILES = (
    "unreachable_without_shortening",
    "on_track",
    "at_risk",
    "unreachable_at_minimum_lengths",
    "not_enough_cases",
)
LATER_WEIGHTS = {
    "unreachable_without_shortening": 35,
    "at_risk": 20,
    "on_track": 20,
    "unreachable_at_minimum_lengths": 15,
    "not_enough_cases": 10,
}


def book_leave(
    rng: Random, fy_first: date, fy_last: date, extra_days: int, is_off: set[date]
) -> tuple[list[Leave], list[Closure]]:
    """Annual leave (20 to 26 days: a winter and a summer week, the rest in single days), sick
    days, some part-day appointments, training, and now and then a local court closure."""
    weekdays = [
        fy_first + timedelta(days=n)
        for n in range((fy_last - fy_first).days + 1)
        if (fy_first + timedelta(days=n)).weekday() < 5
    ]
    used = set(is_off)
    leave: list[Leave] = []

    def block(first: date, length: int, kind: LeaveKind) -> int:
        days = [first + timedelta(days=n) for n in range(length)]
        if any(day in used or day.weekday() >= 5 or day > fy_last for day in days):
            return 0
        used.update(days)
        leave.append(Leave.days(days[0], days[-1], kind))
        return length

    annual = rng.randint(20, 26)
    for month in (12, 7):
        year = fy_first.year if month >= fy_first.month else fy_first.year + 1
        monday = date(year, month, rng.randint(8, 20))
        monday -= timedelta(days=monday.weekday())
        annual -= block(monday, 5, LeaveKind.ANNUAL)
    for kind, count in (
        (LeaveKind.ANNUAL, annual),
        (LeaveKind.SICK, rng.randint(3, 8)),
        (LeaveKind.TRAINING, extra_days),
    ):
        while count > 0:
            length = min(count, rng.choice((1, 1, 2, 3)) if kind is not LeaveKind.TRAINING else 5)
            if kind is LeaveKind.TRAINING:
                first = rng.choice(weekdays)
                first -= timedelta(days=first.weekday())
            else:
                first = rng.choice(weekdays)
            count -= block(first, length, kind)
    for _ in range(rng.randint(2, 6)):
        day = rng.choice(weekdays)
        if day in used:
            continue
        used.add(day)
        start, end = rng.choice(((time(13, 0), time(16, 30)), (time(8, 30), time(11, 0))))
        kind = rng.choice((LeaveKind.SICK, LeaveKind.ANNUAL))
        leave.append(Leave(_at(day, start), _at(day, end), kind))
    closures = []
    if rng.random() < 0.3:
        day = rng.choice([d for d in weekdays if d not in used])
        closures.append(Closure(day, "court closed: building maintenance"))
    leave.sort(key=lambda entry: entry.start)
    return leave, closures


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment)
