"""Reading judges' profiles: the judge's row and its sessions, minutes and counted completions,
each table read once however many judges (a forecast of a court reads 400); and a judge's
calendar of court closures and leave."""

import json
from collections import defaultdict
from typing import Any

from planner.domain.judge import Judge, KindMinutes, Session, parse_call_times
from planner.domain.rules import AgeTarget, Clock
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import CompletionKind, HearingKind, LeaveKind, SessionKind
from planner.store.dialect import Link

_JUDGES = (
    "SELECT id, version, name, court, timezone, quota, fy_start_month, fy_start_day, "
    "at_risk_slack_pct, rule_set, age_targets, adjournment_rate_pct, adjournment_history "
    "FROM judges"
)
_ALL_JUDGES = _JUDGES + " ORDER BY name"
_JUDGE_NAMED = _JUDGES + " WHERE name = :name"
_JUDGE_WITH_ID = _JUDGES + " WHERE id = :id"
#: The judges wanted, bound as one list of ids.
_WANTED = " WHERE judge_id IN :wanted"
#: The tables of a profile besides ``judges``: (judge_id, the values...) in the order they count.
_SESSIONS = (
    'SELECT judge_id, weekday, start, "end", kind, language, case_limit, call_times '
    "FROM template_sessions" + _WANTED + " ORDER BY judge_id, weekday, start"
)
_CASE_KINDS = (
    "SELECT judge_id, kind, default_minutes, minimum_minutes FROM case_kind_minutes"
    + _WANTED
    + " ORDER BY judge_id, kind"
)
_HEARING_KINDS = (
    "SELECT judge_id, kind, default_minutes, minimum_minutes FROM hearing_kind_minutes"
    + _WANTED
    + " ORDER BY judge_id, kind"
)
_COUNTED = (
    "SELECT judge_id, completion_kind FROM counted_completions"
    + _WANTED
    + " ORDER BY judge_id, completion_kind"
)

_CLOSURES = "SELECT day, reason FROM closures WHERE judge_id = :judge_id ORDER BY day"
_LEAVE = (
    'SELECT start, "end", kind, all_day FROM leave WHERE judge_id = :judge_id ORDER BY start, id'
)


def all_profiles(link: Link) -> list[Judge]:
    """Every judge's profile, by name."""
    return _profiles(link, link.rows(_ALL_JUDGES).fetchall())


def profile_named(link: Link, name: str) -> Judge | None:
    rows = link.rows(_JUDGE_NAMED, {"name": name}).fetchall()
    return next(iter(_profiles(link, rows)), None)


def profile_of(link: Link, judge_id: int) -> Judge | None:
    rows = link.rows(_JUDGE_WITH_ID, {"id": judge_id}).fetchall()
    return next(iter(_profiles(link, rows)), None)


def _profiles(link: Link, judges: list[tuple[Any, ...]]) -> list[Judge]:
    if not judges:
        return []
    wanted = link.dialect.ids([row[0] for row in judges])
    read_time = link.dialect.read_time
    sessions, case_kinds, hearing_kinds, counted = (
        _grouped(link, query, wanted)
        for query in (_SESSIONS, _CASE_KINDS, _HEARING_KINDS, _COUNTED)
    )
    return [
        Judge(
            id=judge_id,
            version=version,
            name=name,
            court=court,
            timezone=timezone,
            quota=quota,
            fy_start_month=fy_start_month,
            fy_start_day=fy_start_day,
            at_risk_slack_pct=at_risk_slack_pct,
            rule_set=rule_set,
            age_targets=read_targets(age_targets),
            **adjournment_settings(adjournment_rate_pct, adjournment_history),
            sessions=tuple(
                Session(
                    weekday,
                    read_time(start),
                    read_time(end),
                    SessionKind(kind),
                    language,
                    limit,
                    parse_call_times(calls),
                )
                for weekday, start, end, kind, language, limit, calls in sessions[judge_id]
            ),
            case_minutes={
                kind: KindMinutes(default, minimum)
                for kind, default, minimum in case_kinds[judge_id]
            },
            hearing_minutes={
                HearingKind(kind): KindMinutes(default, minimum)
                for kind, default, minimum in hearing_kinds[judge_id]
            },
            counted_completions=frozenset(CompletionKind(kind) for (kind,) in counted[judge_id]),
        )
        for (
            judge_id,
            version,
            name,
            court,
            timezone,
            quota,
            fy_start_month,
            fy_start_day,
            at_risk_slack_pct,
            rule_set,
            age_targets,
            adjournment_rate_pct,
            adjournment_history,
        ) in judges
    ]


def adjournment_settings(rate_pct: float | None, history: int | None) -> dict[str, Any]:
    """The profile's adjournment settings from their columns (NULL: the default)."""
    found: dict[str, Any] = {}
    if rate_pct is not None:
        found["adjournment_rate_pct"] = float(rate_pct)
    if history is not None:
        found["adjournment_history"] = int(history)
    return found


def read_targets(stored: str | None) -> tuple[AgeTarget, ...]:
    """The judge's age-target settings from their stored JSON (NULL: none)."""
    if not stored:
        return ()
    return tuple(
        AgeTarget(Clock(item["clock"]), int(item["days"]), float(item["goal_pct"]))
        for item in json.loads(stored)
    )


def stored_targets(targets: tuple[AgeTarget, ...]) -> str | None:
    """The judge's age-target settings as the ``judges.age_targets`` column keeps them."""
    return json.dumps([t.as_json() for t in targets]) if targets else None


def _grouped(link: Link, query: str, wanted: object) -> dict[int, list[tuple[Any, ...]]]:
    """The table's rows of the wanted judges, by judge, without their judge_id."""
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for judge_id, *values in link.rows(query, {"wanted": wanted}):
        grouped[judge_id].append(tuple(values))
    return grouped


def calendar_of(link: Link, judge_id: int) -> tuple[list[Closure], list[Leave]]:
    """The judge's court closures, by day, and leave, by start."""
    codec, values = link.dialect, {"judge_id": judge_id}
    closures = [
        Closure(codec.read_day(day), reason) for day, reason in link.rows(_CLOSURES, values)
    ]
    leave = [
        Leave(
            codec.read_moment(start),
            codec.read_moment(end),
            LeaveKind(kind),
            all_day=codec.read_flag(all_day),
        )
        for start, end, kind, all_day in link.rows(_LEAVE, values)
    ]
    return closures, leave
