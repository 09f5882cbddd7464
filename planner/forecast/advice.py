"""Template advice: when one pool binds while another has free time, the changes of the weekly
template (turn a session into another kind, add a session) that fit the most extra completions
by fiscal-year end, each counted by K(1) with the template so changed (docs/forecast.md)."""

from collections.abc import Iterable
from datetime import datetime, time

from planner.domain.calendar import CourtCalendar
from planner.domain.judge import Judge, Session
from planner.domain.plural import counted
from planner.domain.records import replace
from planner.domain.seating import Pool, pools_of, session_words
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import SessionKind
from planner.forecast.facts import Workload
from planner.forecast.pools import CaseGroup, PoolModel, case_groups
from planner.forecast.report import Forecast, TemplateChange
from planner.forecast.scan import scan_year
from planner.forecast.window import window_of

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The sessions a judge may add: a morning 08:30-12:00 or an afternoon 13:00-16:30, Mon-Fri.
_HALVES = ((time(8, 30), time(12)), (time(13), time(16, 30)))


def template_changes(
    judge: Judge,
    *,
    closures: Iterable[Closure],
    leave: Iterable[Leave],
    workload: Workload,
    as_of: datetime,
    result: Forecast,
    limit: int = 2,
) -> tuple[TemplateChange, ...]:
    """The ``limit`` changes that add the most to K(1), best first (none adds nothing), or ()
    when no pool binds while another has free time."""
    binding = set(result.binding_pools)
    if not binding or not any(
        i not in binding and pool.free_minutes > 0 for i, pool in enumerate(result.pools)
    ):
        return ()
    wanted = [
        kind
        for kind in SessionKind
        if any(kind.value in result.pools[i].session_kinds for i in binding)
    ]
    window = window_of(judge, as_of)
    closures, leave = list(closures), list(leave)
    calendar = CourtCalendar(judge, closures, leave, window.first, window.last)
    year = scan_year(calendar, leave, as_of, window.end)
    base = result.max_completions_at_current_lengths
    found: list[tuple[int, int, str]] = []

    # The cases' groups follow from the pools and the judge's minutes and adjournment rate,
    # not from the sessions themselves: made once per set of pools, not once per change tried
    # (most changes leave the pools as they were).
    groups_of: dict[tuple[Pool, ...], list[CaseGroup]] = {}

    def count(sessions: tuple[Session, ...], minutes: tuple[float, ...]) -> int:
        pools = pools_of(sessions)
        capacity = [0.0] * len(pools)
        for session, left in zip(sessions, minutes, strict=True):
            for i, pool in enumerate(pools):
                if session.kind in pool.session_kinds:
                    capacity[i] += left
        groups = groups_of.get(tuple(pools))
        if groups is None:
            changed = replace(judge, sessions=sessions)
            groups = groups_of[tuple(pools)] = case_groups(changed, workload, pools)
        model = PoolModel(pools, capacity, groups)
        # A change that cannot fit more than the template as it is adds nothing to advise:
        # its bound says so at once, where its count could search long to prove one case
        # fewer (50 ms of the advice's 100 on the 5,000-case demo, docs/performance.md).
        if model.bound(1.0) <= base:
            return base
        return model.count(1.0)[0]

    for index, session in enumerate(judge.sessions):
        if session.kind in wanted or not session.kind.is_bench:
            continue  # administrative time is the judge's to keep
        for kind in wanted:
            sessions = tuple(
                replace(s, kind=kind) if i == index else s for i, s in enumerate(judge.sessions)
            )
            words = (
                f"turn the {_DAYS[session.weekday]} {session.start:%H:%M}-{session.end:%H:%M} "
                f"{session_words(session.kind)} session into {_a(session_words(kind))} session"
            )
            found.append((count(sessions, year.by_session) - base, len(found), words))
    for weekday in range(5):
        taken = judge.sessions_on(weekday)
        for start, end in _HALVES:
            if any(s.start < end and start < s.end for s in taken):
                continue
            added: tuple[Session, ...] = ()
            minutes = 0.0
            for kind in wanted:
                new = Session(weekday, start, end, kind)
                sessions = (*judge.sessions, new)
                if not added:  # the new session's minutes left, whatever its kind
                    with_it = replace(judge, sessions=sessions)
                    calendar = CourtCalendar(with_it, closures, leave, window.first, window.last)
                    minutes = scan_year(calendar, leave, as_of, window.end).by_session[-1]
                    added = (new,)
                words = (
                    f"add {_a(session_words(kind))} session on {_DAYS[weekday]}s "
                    f"{start:%H:%M}-{end:%H:%M}"
                )
                found.append(
                    (count(sessions, (*year.by_session, minutes)) - base, len(found), words)
                )
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple(TemplateChange(words, extra) for extra, _, words in found[:limit] if extra > 0)


#: A change's first word ("turn the ...", "add a ...") as the subject of a sentence.
_GERUNDS = {"turn": "turning", "add": "adding"}


def advice_sentence(result: Forecast) -> str:
    """The template advice in one sentence, or "" when the forecast has none: "Individual
    sessions are full while master sessions have 322 free hours: turning the Wednesday
    08:30-12:00 master session into an individual session fits 54 more completions by
    30 Sep 2027; adding ... instead fits 50." (the changes are alternatives, not a sum)."""
    changes = result.template_changes
    full = tuple(result.binding_pools)
    roomy = tuple(
        i for i, pool in enumerate(result.pools) if i not in full and pool.free_minutes > 0
    )
    if not changes or not full or not roomy:
        return ""
    free_hours = sum(result.pools[i].free_minutes for i in roomy) / 60
    full_names = result.pool_names(full)
    end = result.fy_end
    best, *others = changes
    sentence = (
        f"{full_names[:1].upper()}{full_names[1:]} sessions are full while "
        f"{result.pool_names(roomy)} sessions have {counted(free_hours, 'free hour', spec=',.0f')}"
        f": {_as_subject(best.change)} fits {counted(best.extra_completions, 'more completion')} "
        f"by {end.day} {end:%b %Y}"
    )
    for other in others:
        sentence += f"; {_as_subject(other.change)} instead fits {other.extra_completions:,}"
    return sentence + "."


def _as_subject(change: str) -> str:
    verb, _, rest = change.partition(" ")
    return f"{_GERUNDS[verb]} {rest}" if verb in _GERUNDS else f"the change to {change}"


def _a(words: str) -> str:
    return ("an " if words[0] in "aeiou" else "a ") + words
