"""The forecast's read of a docket: its workload, counted and grouped in the database.

Plain SQL on the driver's connection (``planner.store.reader``), so the first forecast needs no
SQLAlchemy. The statements apply the rules of ``planner.forecast.demand.tally_workload``, and
tests/store/test_forecast_read.py checks that they agree with it.
"""

import json
import sqlite3

from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, HearingKind, HearingStatus
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.window import Window
from planner.store.connection import stored_day, stored_moment

#: Completions from the fiscal year's first day to as-of's day, of the kinds the judge counts.
_COMPLETIONS = (
    "SELECT count(*) FROM cases WHERE judge_id = :judge_id AND status = :completed "
    "AND completion_date BETWEEN :first_day AND :today "
    "AND completion_kind IN (SELECT value FROM json_each(:counted))"
)
#: A hearing of the case (``cases``) or the judge scheduled in the window.
_IN_WINDOW = "h.status = :scheduled AND h.start >= :as_of AND h.start < :window_end"
_HEARING_KINDS = tuple(kind.value for kind in HearingKind)
#: Each pending case (received by as-of's day and not completed by then) with the minutes of its
#: hearings scheduled in the window, in all and by hearing kind, and those alike counted together.
_PENDING_GROUPS = (
    "SELECT kind, remaining_minutes, booked, detained, juvenile, "
    + ", ".join(f"b_{kind}" for kind in _HEARING_KINDS)
    + ", count(*) FROM (SELECT cases.kind, cases.remaining_minutes, cases.detained, "
    "cases.juvenile, coalesce(sum(h.minutes), 0) AS booked, "
    + ", ".join(
        f"coalesce(sum(CASE WHEN h.kind = '{kind}' THEN h.minutes END), 0) AS b_{kind}"
        for kind in _HEARING_KINDS
    )
    + " FROM cases LEFT JOIN hearings AS h ON h.case_id = cases.id AND "
    + _IN_WINDOW
    + " WHERE cases.judge_id = :judge_id AND cases.received <= :today "
    "AND (cases.status != :completed OR cases.completion_date IS NULL "
    "OR cases.completion_date > :today) GROUP BY cases.id"
    ") GROUP BY kind, remaining_minutes, booked, detained, juvenile, "
    + ", ".join(f"b_{kind}" for kind in _HEARING_KINDS)
)
#: Minutes of every hearing scheduled in the window, whatever its case, by hearing kind and
#: the case's flags.
_BOOKED = (
    "SELECT h.kind, cases.detained, cases.juvenile, sum(h.minutes) FROM hearings AS h "
    "JOIN cases ON h.case_id = cases.id WHERE cases.judge_id = :judge_id AND "
    + _IN_WINDOW
    + " GROUP BY h.kind, cases.detained, cases.juvenile"
)


def read_workload(connection: sqlite3.Connection, judge: Judge, window: Window) -> Workload:
    """The workload of ``judge``'s docket at the window's as-of."""
    values = {
        "judge_id": judge.id,
        "as_of": stored_moment(window.as_of),
        "window_end": stored_moment(window.end),
        "first_day": stored_day(window.first),
        "today": stored_day(window.today),
        "counted": json.dumps(sorted(kind.value for kind in judge.counted_completions)),
        "completed": CaseStatus.COMPLETED.value,
        "scheduled": HearingStatus.SCHEDULED.value,
    }
    (completed,) = connection.execute(_COMPLETIONS, values).fetchone()
    booked = [
        (kind, bool(detained), bool(juvenile), minutes)
        for kind, detained, juvenile, minutes in connection.execute(_BOOKED, values)
        if minutes
    ]
    pending = []
    for row in connection.execute(_PENDING_GROUPS, values):
        kind, override, total, detained, juvenile, *by_kind, count = row
        kinds = tuple(sorted((k, m) for k, m in zip(_HEARING_KINDS, by_kind, strict=True) if m))
        pending.append(
            PendingGroup(kind, override, total, count, bool(detained), bool(juvenile), kinds)
        )
    return Workload(
        completed=completed,
        pending=tuple(pending),
        booked_minutes=sum(minutes for *_, minutes in booked),
        booked_hearings=tuple(booked),
    )
