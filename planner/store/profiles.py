"""Reading judges' profiles: the judge's row and its sessions, minutes and counted completions,
each table read once however many judges (a forecast of a court reads 400); and a judge's
calendar of court closures and leave."""

import json
import sqlite3
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from planner.domain.docket import Closure, Leave
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.rules import AgeTarget, Clock
from planner.domain.vocabulary import CompletionKind, HearingKind, LeaveKind, SessionKind
from planner.store.connection import read_time

_JUDGES = (
    "SELECT id, version, name, court, timezone, quota, fy_start_month, fy_start_day, "
    "at_risk_slack_pct, rule_set, age_targets FROM judges"
)
_ALL_JUDGES = _JUDGES + " ORDER BY name"
_JUDGE_NAMED = _JUDGES + " WHERE name = ?"
_JUDGE_WITH_ID = _JUDGES + " WHERE id = ?"
#: The judges wanted, bound as one JSON array of ids.
_WANTED = " WHERE judge_id IN (SELECT value FROM json_each(?))"
#: The tables of a profile besides ``judges``: (judge_id, the values...) in the order they count.
_SESSIONS = (
    'SELECT judge_id, weekday, start, "end", kind, language FROM template_sessions'
    + _WANTED
    + " ORDER BY judge_id, weekday, start"
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

_CLOSURES = "SELECT day, reason FROM closures WHERE judge_id = ? ORDER BY day"
_LEAVE = 'SELECT start, "end", kind, all_day FROM leave WHERE judge_id = ? ORDER BY start, id'


def all_profiles(connection: sqlite3.Connection) -> list[Judge]:
    """Every judge's profile, by name."""
    return _profiles(connection, connection.execute(_ALL_JUDGES).fetchall())


def profile_named(connection: sqlite3.Connection, name: str) -> Judge | None:
    rows = connection.execute(_JUDGE_NAMED, (name,)).fetchall()
    return next(iter(_profiles(connection, rows)), None)


def profile_of(connection: sqlite3.Connection, judge_id: int) -> Judge | None:
    rows = connection.execute(_JUDGE_WITH_ID, (judge_id,)).fetchall()
    return next(iter(_profiles(connection, rows)), None)


def _profiles(connection: sqlite3.Connection, judges: list[tuple[Any, ...]]) -> list[Judge]:
    if not judges:
        return []
    wanted = json.dumps([row[0] for row in judges])
    sessions, case_kinds, hearing_kinds, counted = (
        _grouped(connection, query, wanted)
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
            sessions=tuple(
                Session(weekday, read_time(start), read_time(end), SessionKind(kind), language)
                for weekday, start, end, kind, language in sessions[judge_id]
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
        ) in judges
    ]


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


def _grouped(
    connection: sqlite3.Connection, query: str, wanted: str
) -> dict[int, list[tuple[Any, ...]]]:
    """The table's rows of the wanted judges, by judge, without their judge_id."""
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for judge_id, *values in connection.execute(query, (wanted,)):
        grouped[judge_id].append(tuple(values))
    return grouped


def calendar_of(connection: sqlite3.Connection, judge_id: int) -> tuple[list[Closure], list[Leave]]:
    """The judge's court closures, by day, and leave, by start."""
    closures = [
        Closure(date.fromisoformat(day), reason)
        for day, reason in connection.execute(_CLOSURES, (judge_id,))
    ]
    leave = [
        Leave(
            datetime.fromisoformat(start),
            datetime.fromisoformat(end),
            LeaveKind(kind),
            all_day=bool(all_day),
        )
        for start, end, kind, all_day in connection.execute(_LEAVE, (judge_id,))
    ]
    return closures, leave
