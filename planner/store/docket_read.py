"""A judge's cases and hearings as the model's records, in plain SQL on a read snapshot (for the
age targets' projection, which must not take a write transaction: the window's poll would take
its commit for another program's change)."""

import sqlite3

from planner.domain.docket import Case, Hearing
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.store.connection import read_day, read_moment

_CASES = (
    "SELECT id, version, a_number, name, kind, received, detained, juvenile, language, "
    "represented, status, completion_date, completion_kind, remaining_minutes, asylum_filed, "
    "nta_served, attorney FROM cases WHERE judge_id = ? ORDER BY id"
)
_HEARINGS = (
    "SELECT hearings.id, cases.a_number, hearings.start, hearings.minutes, hearings.kind, "
    "hearings.status, hearings.adjournment_reason FROM hearings "
    "JOIN cases ON hearings.case_id = cases.id WHERE cases.judge_id = ? "
    "ORDER BY hearings.start, hearings.id"
)


def cases_and_hearings(
    connection: sqlite3.Connection, judge_id: int
) -> tuple[list[Case], list[Hearing]]:
    """Every case of the judge, by id, and every hearing of them, by start."""
    cases = []
    for row in connection.execute(_CASES, (judge_id,)):
        (case_id, version, a_number, name, kind, received, detained, juvenile, language) = row[:9]
        (represented, status, done, done_kind, remaining, asylum, nta, attorney) = row[9:]
        received_day = read_day(received)
        assert received_day is not None  # NOT NULL in the schema
        cases.append(
            Case(
                a_number,
                name,
                kind,
                received_day,
                detained=bool(detained),
                juvenile=bool(juvenile),
                language=language,
                represented=bool(represented),
                status=CaseStatus(status),
                completion_date=read_day(done),
                completion_kind=None if done_kind is None else CompletionKind(done_kind),
                remaining_minutes=remaining,
                asylum_filed=read_day(asylum),
                nta_served=read_day(nta),
                attorney=attorney,
                id=case_id,
                version=version,
            )
        )
    hearings = []
    for hearing_id, a_number, start, minutes, kind, status, reason in connection.execute(
        _HEARINGS, (judge_id,)
    ):
        moment = read_moment(start)
        assert moment is not None  # NOT NULL in the schema
        hearings.append(
            Hearing(
                a_number,
                moment,
                minutes,
                HearingKind(kind),
                HearingStatus(status),
                reason,
                id=hearing_id,
            )
        )
    return cases, hearings
