"""The auto-scheduler: a proposed calendar for a judge's unscheduled cases, and its figures.

Pure and Qt-free: it reads a judge, a court calendar, the cases and the hearings already booked,
and proposes hearings into free session time from a day to fiscal-year end in the order a policy
chooses, each case at the earliest time it fits. The rules are docs/autoschedule.md's.
"""

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from planner.domain.anumber import format_a_number
from planner.domain.calendar import CourtCalendar
from planner.domain.judge import Judge
from planner.domain.rules import RuleSet
from planner.domain.seating import describe_kinds
from planner.domain.stored_case import SchedulableCase
from planner.domain.vocabulary import NOTICE_PERIOD_DAYS, HearingKind
from planner.scheduling.booking import Booked, long_day
from planner.scheduling.completions import most_completions
from planner.scheduling.freetime import FreeTime, Slot, at_minute
from planner.scheduling.plans import CaseNeeds, unscheduled_needs

if TYPE_CHECKING:  # a proposal's hearings are made where it is applied, not on a forecast's path
    from planner.domain.docket import Hearing

#: Minutes kept free between two hearings (the next respondent, interpreter and file).
DEFAULT_BUFFER_MINUTES = 5
#: Languages heard without a booked interpreter: English, and those staff interpreters cover
#: (Spanish and Mandarin, docs/domain). Every other language is rare: a contract interpreter
#: serves several courtrooms, so its hearings are best batched.
COMMON_LANGUAGES = frozenset({"english", "spanish", "mandarin"})


class Policy(StrEnum):
    """The order in which cases claim the free time."""

    OLDEST = "oldest"  # oldest received first
    DEADLINE = "deadline"  # detained and legal clocks first, the nearest deadline first
    MAX_COMPLETIONS = "max-completions"  # the least bench time first: most completions


POLICY_TITLES = {
    Policy.OLDEST: "oldest first",
    Policy.DEADLINE: "deadlines and detained first",
    Policy.MAX_COMPLETIONS: "most completions (shortest first)",
}


class Cancelled(Exception):
    """The caller asked the auto-scheduler to stop; nothing was proposed."""


class Options(NamedTuple):
    buffer_minutes: int = DEFAULT_BUFFER_MINUTES
    notice_days: int = NOTICE_PERIOD_DAYS
    #: Put the same rare language's hearings back to back: when the policy's order reaches a
    #: rare language's first case, that language's other cases follow it at once, so they claim
    #: the free time next to it. The proposal says what it costs in completions.
    group_rare_languages: bool = False


def is_rare_language(language: str) -> bool:
    return language.strip().casefold() not in COMMON_LANGUAGES


class Proposed(NamedTuple):
    """One proposed hearing."""

    a_number: str
    start: datetime
    minutes: int
    kind: HearingKind
    session: str  # "Tue 2026-12-01 13:00-16:30 individual"

    def hearing(self) -> "Hearing":
        from planner.domain.docket import Hearing

        return Hearing(self.a_number, self.start, self.minutes, self.kind)

    def as_json(self) -> dict[str, object]:
        return {
            "a_number": format_a_number(self.a_number),
            "start": self.start.strftime("%Y-%m-%dT%H:%M"),
            "minutes": self.minutes,
            "kind": self.kind.value,
            "session": self.session,
        }


class Unplaced(NamedTuple):
    """A case the proposal does not complete by fiscal-year end, and why."""

    a_number: str
    reason: str
    partly: bool = False  # its next hearing is proposed, but not all it needs

    def as_json(self) -> dict[str, object]:
        return {"a_number": format_a_number(self.a_number), "reason": self.reason}


class Proposal(NamedTuple):
    """A proposed calendar and the figures a judge compares policies by."""

    judge: str
    policy: Policy
    first: date
    fiscal_year_end: date
    options: Options
    cases: int  # the unscheduled pending cases considered
    proposed: tuple[Proposed, ...]
    completions_by_fy_end: int
    deadlines_met: int
    deadlines_missed: int
    deadlines_already_past: int  # of the missed: clocks that had run out before ``first``
    oldest_tenth_wait_days: float | None
    oldest_tenth_unplaced: int
    unplaced: tuple[Unplaced, ...]
    #: With ``options.group_rare_languages``: the rare languages grouped, and the completions
    #: the same policy gives without grouping (what the grouping costs is the difference).
    grouped_languages: tuple[str, ...] = ()
    completions_without_grouping: int | None = None

    @property
    def grouping_cost(self) -> int | None:
        """Completions by fiscal-year end given up to put rare languages back to back (negative:
        gained); None when the option is off."""
        if self.completions_without_grouping is None:
            return None
        return self.completions_without_grouping - self.completions_by_fy_end

    def grouping_text(self) -> str:
        """ "Pashto hearings back to back: costs 1 completion by fiscal-year end (4, not 5)"."""
        cost = self.grouping_cost
        if cost is None:
            return ""
        if not self.grouped_languages:
            return "No rare language to put back to back: nothing changes."
        languages = ", ".join(self.grouped_languages)
        without = self.completions_without_grouping
        if cost == 0:
            return (
                f"{languages} hearings back to back: costs no completion ({without:,} either way)."
            )
        if cost > 0:
            price = f"costs {cost} completion{'' if cost == 1 else 's'} by fiscal-year end"
        else:
            price = f"gains {-cost} completion{'' if cost == -1 else 's'} by fiscal-year end"
        return (
            f"{languages} hearings back to back: {price} "
            f"({self.completions_by_fy_end:,} instead of {without:,})."
        )

    @property
    def proposed_minutes(self) -> int:
        return sum(p.minutes for p in self.proposed)

    def hearings(self) -> list["Hearing"]:
        return [p.hearing() for p in self.proposed]

    def as_json(self) -> dict[str, object]:
        return {
            "judge": self.judge,
            "policy": self.policy.value,
            "from": self.first.isoformat(),
            "fiscal_year_end": self.fiscal_year_end.isoformat(),
            "buffer_minutes": self.options.buffer_minutes,
            "notice_days": self.options.notice_days,
            "cases_considered": self.cases,
            "completions_by_fy_end": self.completions_by_fy_end,
            "deadlines_met": self.deadlines_met,
            "deadlines_missed": self.deadlines_missed,
            "deadlines_already_past": self.deadlines_already_past,
            "oldest_tenth_wait_days": self.oldest_tenth_wait_days,
            "oldest_tenth_unplaced": self.oldest_tenth_unplaced,
            "proposed_hearings": len(self.proposed),
            "proposed_minutes": self.proposed_minutes,
            "proposed": [p.as_json() for p in self.proposed],
            "unplaced": [u.as_json() | {"partly_placed": u.partly} for u in self.unplaced],
        } | (
            {}
            if self.completions_without_grouping is None
            else {
                "rare_languages_back_to_back": {
                    "languages": list(self.grouped_languages),
                    "completions_without": self.completions_without_grouping,
                    "completions_cost": self.grouping_cost,
                }
            }
        )


def group_rare_languages(ordered: list[CaseNeeds]) -> tuple[list[CaseNeeds], tuple[str, ...]]:
    """The cases in the same order, except that each rare language's cases follow its first at
    once (in the order they had); and the rare languages met, in that order."""
    by_language: dict[str, list[CaseNeeds]] = {}
    for need in ordered:
        if is_rare_language(need.case.language):
            by_language.setdefault(need.case.language.strip().casefold(), []).append(need)
    grouped: list[CaseNeeds] = []
    languages: list[str] = []
    for need in ordered:
        key = need.case.language.strip().casefold()
        if key not in by_language:
            grouped.append(need)
        elif by_language[key]:
            group = by_language[key]
            if len(group) > 1:
                languages.append(need.case.language.strip())
            grouped.extend(group)
            by_language[key] = []
    return grouped, tuple(languages)


def order_of(
    policy: Policy,
    needs: list[CaseNeeds],
    buffer: int,
    first: date,
    *,
    detained_first: bool = False,
) -> list[CaseNeeds]:
    """The cases in the order the policy gives them the free time (ties: oldest, then A-number).
    Under the deadline policy with ``detained_first`` (the age clocks count as deadlines), the
    detained cases whose clock can still be met come before the others, each group by days
    left."""
    if policy is Policy.OLDEST:
        return sorted(needs, key=lambda n: (n.case.received, n.case.a_number))
    if policy is Policy.DEADLINE:
        return sorted(needs, key=_deadline_order(first, detained_first))
    return sorted(
        needs,
        key=lambda n: (n.minutes + buffer * len(n.needs), n.case.received, n.case.a_number),
    )


def _deadline_order(
    first: date, detained_first: bool
) -> Callable[[CaseNeeds], tuple[int, int, bool, date, str]]:
    """The deadline policy's sort key: no priority (neither detained nor under a clock) last,
    then a clock already run out before ``first`` after the others, then (``detained_first``)
    the detained first; within each, the nearest deadline (none: last), the detained, the
    oldest, the A-number. The three yes-or-no steps are one number (4, 2 and 1) and the
    deadline its day's ordinal: the same order as a tuple of them, with fewer objects made and
    compared (the age targets' projection sorts thousands of cases)."""
    never = date.max.toordinal()
    today = first.toordinal()

    def key(need: CaseNeeds) -> tuple[int, int, bool, date, str]:
        case = need.case
        detained = case.detained
        if need.deadline is None:
            rank = 0 if detained else 4  # no clock: a priority only when detained
            day = never
        else:
            day = need.deadline.toordinal()
            rank = 2 if day < today else 0  # a clock already run out: after
        if detained_first and not detained:
            rank += 1
        return rank, day, not detained, case.received, case.a_number

    return key


def propose(
    judge: Judge,
    calendar: CourtCalendar,
    cases: Iterable[SchedulableCase],
    hearings: Sequence[Booked],
    first: date,
    policy: Policy | str,
    options: Options = Options(),  # noqa: B008 (immutable)
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    rules: RuleSet | None = None,
) -> Proposal:
    """Propose hearings for the judge's unscheduled pending cases from ``first`` to
    ``calendar.last`` (the fiscal year's end).

    Each case, in the policy's order, gets all the hearings it still needs, each in a session of a
    fitting kind and interpreter language, the first no sooner than the notice period allows and
    each later one on a later day, at the earliest free time: all of them or none. Then each case
    left out gets its next hearing alone where one still fits. Under the deadline policy, the
    cases whose legal clock can still be met first claim only time that meets it.
    With ``rules``, the rule set's age clocks (detained 60 days, non-detained 365 ...) count as
    deadlines too, and the detained cases come first by days left (the age targets'
    projection). ``progress(done, total)`` is called now and then; ``cancelled()`` is asked as often, and
    True stops with ``Cancelled``.
    """
    policy = Policy(policy)
    cases = list(cases)  # read twice when rare languages are grouped
    free = FreeTime(calendar, hearings, first, calendar.last, options.buffer_minutes)
    ordered = _ordered(judge, free, cases, hearings, first, policy, options, rules)
    grouped: tuple[str, ...] = ()
    without: int | None = None
    if options.group_rare_languages:
        ordered, grouped = group_rare_languages(ordered)
        plain = options._replace(group_rare_languages=False)
        without = propose(
            judge, calendar, cases, hearings, first, policy, plain, cancelled=cancelled, rules=rules
        ).completions_by_fy_end
    passes = 3 if policy is Policy.DEADLINE else 2
    if policy is Policy.MAX_COMPLETIONS:
        # Two choices' bisections, last tries and cases tried again; three greedies; the
        # partly placed.
        passes = 2 * math.ceil(math.log2(len(ordered) + 1)) + 8
    total = passes * len(ordered)
    tick = _ticker(total, progress, cancelled)
    placed, failed = _place(free, ordered, first, policy, tick)
    partly: dict[str, Proposed] = {}
    for need in ordered:
        tick()
        if need.case.a_number in placed or failed[need.case.a_number] == 0:
            continue
        found = _fit(free, need, 1)
        if not isinstance(found, int):
            partly[need.case.a_number] = _book(free, need, found)[0]
    if progress is not None:
        progress(total, total)
    made = _proposal(
        free, judge, policy, first, calendar.last, options, ordered, placed, partly, failed
    )
    if options.group_rare_languages:
        return made._replace(grouped_languages=grouped, completions_without_grouping=without)
    return made


def completion_days(
    judge: Judge,
    calendar: CourtCalendar,
    cases: Iterable[SchedulableCase],
    hearings: Sequence[Booked],
    first: date,
    policy: Policy | str,
    *,
    cancelled: Callable[[], bool] | None = None,
    rules: RuleSet | None = None,
) -> dict[str, date]:
    """The day each case that ``propose`` (default options) would complete is completed on: the
    day of its last proposed hearing; the cases it leaves out are not in it. The same placement,
    without what only the proposal's report needs (the partly placed cases' next hearings, the
    reasons, the figures): the age targets' projection asks this of thousands of cases.

    Under the deadline and oldest policies, which place each case in turn where it first fits,
    the cases that find no room in the free time as it is before anything is proposed are left
    out before they are put in order (most of a docket that is booked to year end): see
    ``_may_fit``."""
    policy = Policy(policy)
    options = Options()
    free = FreeTime(calendar, hearings, first, calendar.last, options.buffer_minutes)
    hopeless: dict[_Alike, date | None] = {}
    if policy is Policy.MAX_COMPLETIONS:  # it weighs all the cases together
        ordered = _ordered(judge, free, list(cases), hearings, first, policy, options, rules)
    else:
        # All kept to the end: ``hopeless`` knows their needs by id.
        unscheduled = _unscheduled(judge, free, list(cases), hearings, first, options, rules)
        needs = _may_fit(free, unscheduled, hopeless)
        ordered = order_of(
            policy, needs, options.buffer_minutes, first, detained_first=rules is not None
        )
    tick = _ticker(0, None, cancelled)
    placed, _failed = _place(free, ordered, first, policy, tick, hopeless=hopeless)
    return {a_number: booked[-1].start.date() for a_number, booked in placed.items()}


def _ordered(
    judge: Judge,
    free: FreeTime,
    cases: list[SchedulableCase],
    hearings: Sequence[Booked],
    first: date,
    policy: Policy,
    options: Options,
    rules: RuleSet | None,
) -> list[CaseNeeds]:
    """The unscheduled cases' needs, in the order the policy gives them the free time."""
    needs = _unscheduled(judge, free, cases, hearings, first, options, rules)
    return order_of(policy, needs, options.buffer_minutes, first, detained_first=rules is not None)


def _unscheduled(
    judge: Judge,
    free: FreeTime,
    cases: list[SchedulableCase],
    hearings: Sequence[Booked],
    first: date,
    options: Options,
    rules: RuleSet | None,
) -> list[CaseNeeds]:
    """The unscheduled cases' needs, with merits hearings split to fit the longest sessions."""
    return unscheduled_needs(
        judge,
        cases,
        hearings,
        first,
        notice_days=options.notice_days,
        longest_session=free.longest(),
        rules=rules,
    )


#: What makes two cases' searches for room the same: their needs (one tuple per shape), the
#: language the search sees, their earliest day.
_Alike = tuple[int, str | None, date]


def _alike(free: FreeTime, ordered: list[CaseNeeds]) -> list[_Alike]:
    """Each case's ``_Alike`` key, in order. The language is the one ``FreeTime.find`` sees:
    every language no session of the window has is one (None), so their cases are alike."""
    seen_as: dict[str, str | None] = {}
    keys = []
    for need in ordered:
        language = need.case.language
        if language not in seen_as:
            seen_as[language] = free.searched_as(language.casefold())
        keys.append((id(need.needs), seen_as[language], need.earliest))
    return keys


def _may_fit(
    free: FreeTime, needs: list[CaseNeeds], hopeless: dict[_Alike, date | None]
) -> list[CaseNeeds]:
    """The cases that find room for all their hearings in the free time as it is now, in the
    order they come; and in ``hopeless``, as ``_place`` reads it, for each kind of case alike
    (``_alike``), the day its last hearing falls on now, or None when it finds no room.

    Free time only shrinks while cases are placed, so a case that finds no room now never
    will, and a search that finds none books nothing: leaving such cases out changes where no
    other case goes, under a policy that places each case in turn where it first fits (not
    the most-completions one). And the last hearing of a case that fits can only fall later:
    the day it falls on now is where ``_place``'s memory of the hopeless starts."""
    kept = []
    for need, key in zip(needs, _alike(free, needs), strict=True):
        if key not in hopeless:
            found = _fit(free, need, len(need.needs))
            hopeless[key] = None if isinstance(found, int) else found[-1][0].day
        if hopeless[key] is not None:
            kept.append(need)
    return kept


def _ticker(
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Callable[[], None]:
    """What each case looked at calls: now and then it reports progress and asks whether to
    stop (raising ``Cancelled``)."""
    step = 0  # cases looked at so far, over all passes

    def tick() -> None:
        nonlocal step
        if step % 100 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled("the auto-scheduler was stopped; nothing was proposed")
            if progress is not None:
                progress(step, total)
        step += 1

    return tick


def _place(
    free: FreeTime,
    ordered: list[CaseNeeds],
    first: date,
    policy: Policy,
    tick: Callable[[], None],
    hopeless: dict[_Alike, date | None] | None = None,
) -> tuple[dict[str, list[Proposed]], dict[str, int]]:
    """Each case placed whole (its proposed hearings, in time order), and for each other case
    the index of the first hearing that found no room, as the policy places them.

    With ``hopeless`` (a dict, empty at first), the caller wants only the cases placed, not
    where the others failed (``completion_days``): a case is searched to the window's end
    whatever its last day, and its needs, language and earliest day are remembered with the
    day its last hearing fell on (None: it found no room at all). A case alike whose last day
    comes before that day is not searched: it would find no room either. Each hearing of a
    case goes to the earliest gap that fits from the day after the one before, so a search
    bounded by a last day finds the same hearings as the unbounded one when its last hearing
    falls by that day, and none otherwise; and free time only shrinks while cases are placed,
    so those hearings can only move later. Under the deadline policy, where every case has a
    last day of its own (its clock's end, later from case to case in the policy's order), the
    cases alike are then searched once, not one by one. The placement is the same;
    ``failed`` is then not to be read (it lacks the cases known to find no room)."""
    placed: dict[str, list[Proposed]] = {}
    failed: dict[str, int] = {}  # A-number -> index of the first need that found no room
    keys = [] if hopeless is None else _alike(free, ordered)  # both passes read them

    def fit(at: int, need: CaseNeeds, latest: date | None) -> list[tuple[Slot, int]] | int:
        """Where the case's hearings go by day ``latest``, or the index of the first that
        finds no room; with ``hopeless``, for a case not known to find none (the loops ask
        the dict themselves: thousands of cases, most of them known)."""
        if hopeless is None:
            return _fit(free, need, len(need.needs), latest)
        found = _fit(free, need, len(need.needs))
        if isinstance(found, int):
            hopeless[keys[at]] = None
            return found
        last_day = found[-1][0].day
        if latest is not None and last_day > latest:
            hopeless[keys[at]] = last_day
            return 0  # which hearing fails is not asked for
        return found

    if policy is Policy.DEADLINE:
        # Clocks that can still be met claim their time first, and only time that meets them.
        for at, need in enumerate(ordered):
            tick()
            deadline = need.deadline
            if deadline is None or deadline < first:
                continue
            if hopeless is not None:
                soonest = hopeless.get(keys[at], date.min)  # date.min: not searched yet
                if soonest is None or deadline < soonest:
                    continue  # known to find no room by its deadline
            found = fit(at, need, deadline)
            if not isinstance(found, int):
                placed[need.case.a_number] = _book(free, need, found)
    if policy is Policy.MAX_COMPLETIONS:
        done, failed = most_completions(free, ordered, tick)
        for a_number, hearings_of_case in done.items():
            placed[a_number] = [
                Proposed(
                    a_number, at_minute(slot.day, start), need.minutes, need.kind, slot.label()
                )
                for need, slot, start in hearings_of_case
            ]
    else:
        for at, need in enumerate(ordered):
            tick()
            if need.case.a_number in placed:
                continue
            if hopeless is not None and hopeless.get(keys[at], date.min) is None:
                continue  # known to find no room at all
            found = fit(at, need, None)
            if isinstance(found, int):
                failed[need.case.a_number] = found
            else:
                placed[need.case.a_number] = _book(free, need, found)
    return placed, failed


def _fit(
    free: FreeTime, need: CaseNeeds, count: int, latest: date | None = None
) -> list[tuple[Slot, int]] | int:
    """Where the case's first ``count`` hearings go (each on a later day than the one before),
    or the index of the first that finds no room. Nothing is booked yet: the hearings fall on
    different days, so they cannot take each other's gaps."""
    language = need.case.language.casefold()
    earliest = need.earliest
    spots: list[tuple[Slot, int]] = []
    for index, hearing in enumerate(need.needs[:count]):
        found = free.find(hearing.sessions, language, hearing.minutes, earliest, latest)
        if found is None:
            return index
        spots.append(found)
        earliest = date.fromordinal(found[0].day.toordinal() + 1)
    return spots


def _book(free: FreeTime, need: CaseNeeds, spots: list[tuple[Slot, int]]) -> list[Proposed]:
    booked = []
    for hearing, (slot, gap) in zip(need.needs, spots, strict=False):
        start = free.take(slot, gap, hearing.minutes)
        booked.append(
            Proposed(
                need.case.a_number,
                at_minute(slot.day, start),
                hearing.minutes,
                hearing.kind,
                slot.label(),
            )
        )
    return booked


def _proposal(
    free: FreeTime,
    judge: Judge,
    policy: Policy,
    first: date,
    last: date,
    options: Options,
    ordered: list[CaseNeeds],
    placed: dict[str, list[Proposed]],
    partly: dict[str, Proposed],
    failed: dict[str, int],
) -> Proposal:
    proposed = [p for hearings in placed.values() for p in hearings]
    proposed.extend(partly.values())
    proposed.sort(key=lambda p: (p.start, p.a_number))
    met = missed = past = 0
    for need in ordered:
        deadline = need.deadline
        if deadline is None or deadline > last:
            continue  # no clock, or one that runs out after the proposal's horizon
        done = placed.get(need.case.a_number)
        if done is not None and done[-1].start.date() <= deadline:
            met += 1
        else:
            missed += 1
            past += deadline < first
    wait, unplaced_old = _oldest_tenth(ordered, placed, last)
    unplaced = tuple(
        Unplaced(
            need.case.a_number,
            _reason(free, need, failed[need.case.a_number], partly.get(need.case.a_number), last),
            need.case.a_number in partly,
        )
        for need in sorted(ordered, key=lambda n: (n.case.received, n.case.a_number))
        if need.case.a_number not in placed
    )
    return Proposal(
        judge=judge.name,
        policy=policy,
        first=first,
        fiscal_year_end=last,
        options=options,
        cases=len(ordered),
        proposed=tuple(proposed),
        completions_by_fy_end=len(placed),
        deadlines_met=met,
        deadlines_missed=missed,
        deadlines_already_past=past,
        oldest_tenth_wait_days=wait,
        oldest_tenth_unplaced=unplaced_old,
        unplaced=unplaced,
    )


def _oldest_tenth(
    ordered: list[CaseNeeds], placed: dict[str, list[Proposed]], last: date
) -> tuple[float | None, int]:
    """The mean days from receipt to the proposed completion of the oldest tenth of the cases
    (rounded up); a case not completed counts as waiting to the day after fiscal-year end, so the
    figure is then a lower bound. Also how many of them are not completed."""
    if not ordered:
        return None, 0
    oldest = sorted(ordered, key=lambda n: (n.case.received, n.case.a_number))
    oldest = oldest[: math.ceil(len(oldest) / 10)]
    days, missing = [], 0
    for need in oldest:
        done = placed.get(need.case.a_number)
        end = done[-1].start.date() if done else date.fromordinal(last.toordinal() + 1)
        missing += done is None
        days.append((end - need.case.received).days)
    return round(sum(days) / len(days), 1), missing


def _reason(
    free: FreeTime, need: CaseNeeds, index: int, partly: Proposed | None, last: date
) -> str:
    """Why the case does not complete by fiscal-year end, in a clerk's words."""
    hearing = need.needs[index]
    what = f"{hearing.minutes}-minute {hearing.kind.value.replace('_', ' ')} hearing"
    where = describe_kinds(hearing.sessions)
    if index == 0 and need.earliest > last:
        return (
            f"the notice period runs past fiscal-year end: its first hearing may not be set "
            f"before {long_day(need.earliest)}"
        )
    language = need.case.language
    if not free.has_sessions(hearing.sessions, language.casefold()):
        return (
            f"its {what} needs {where} open to {language} cases, and there is none from "
            f"{long_day(need.earliest)} to fiscal-year end"
        )
    through = "" if language.casefold() == "english" else f" (open or {language} interpreter)"
    room = f"no free {what} slot in {where}{through}"
    if partly is not None:
        return (
            f"its next hearing is proposed for {partly.start:%Y-%m-%d %H:%M}; after it, {room} "
            f"before fiscal-year end"
        )
    if index > 0:
        return f"{room} on a day after its earlier hearings, before fiscal-year end"
    return f"{room} from {long_day(need.earliest)} to fiscal-year end ({long_day(last)})"
