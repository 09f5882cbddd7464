"""The domain's checked records (planner.domain.records): made, changed and copied, each is
checked as a new one is, and a judge's profile compares without its stored version."""

import pickle
from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.records import replace
from planner.domain.rules import AgeTarget, Clock
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import LeaveKind, SessionKind

MONDAY_MORNING = Session(0, time(8, 30), time(12, 0), SessionKind.MASTER)


def test_a_change_is_checked_as_a_new_record_is() -> None:
    with pytest.raises(InvalidValue, match="ends before it starts"):
        replace(MONDAY_MORNING, end=time(8, 0))
    with pytest.raises(InvalidValue, match="overlaps"):
        replace(Judge("Ortiz"), sessions=(MONDAY_MORNING, MONDAY_MORNING))
    with pytest.raises(InvalidValue, match="must be 1 to"):
        replace(AgeTarget(Clock.DETAINED, 60, 95.0), days=0)
    with pytest.raises(InvalidValue, match="minimum"):
        replace(KindMinutes(180, 120), minimum=200)


def test_a_kind_given_as_text_is_the_vocabularys_member_made_or_changed() -> None:
    assert Session(0, time(13), time(16), "individual").kind is SessionKind.INDIVIDUAL
    assert replace(MONDAY_MORNING, kind="juvenile").kind is SessionKind.JUVENILE
    leave = Leave(datetime(2026, 12, 1), datetime(2026, 12, 2), "sick")
    assert leave.kind is LeaveKind.SICK
    assert AgeTarget("asylum", 180, 100.0).clock is Clock.ASYLUM


def test_a_change_keeps_the_rest_and_the_class() -> None:
    judge = Judge("Ortiz", quota=700, id=3, version=2)
    changed = replace(judge, quota=650)
    assert type(changed) is Judge
    assert (changed.quota, changed.name, changed.id, changed.version) == (650, "Ortiz", 3, 2)
    assert changed.sessions == judge.sessions
    closure = Closure(date(2026, 12, 24), "Executive order")
    assert replace(closure, reason="Snow") == Closure(date(2026, 12, 24), "Snow")


def test_the_dockets_dataclasses_are_changed_by_the_same_replace() -> None:
    case = Case("200000001", "R1", "asylum", date(2025, 1, 1))
    assert replace(case, remaining_minutes=90).remaining_minutes == 90
    with pytest.raises(InvalidValue):
        replace(case, a_number="12")


def test_a_profile_compares_without_its_stored_version() -> None:
    read = Judge("Ortiz", id=3, version=7)
    assert read == replace(read, version=8)
    assert (read != replace(read, version=8)) is False
    assert read != replace(read, quota=650)
    assert read != tuple(read)  # a judge equals a judge alone
    assert tuple(read) != read
    with pytest.raises(TypeError):
        hash(read)  # its minutes are dicts


def test_a_record_copied_to_another_process_is_the_same_record() -> None:
    judge = Judge(
        "Ortiz", sessions=(MONDAY_MORNING,), age_targets=(AgeTarget("motions", 30, 90.0),)
    )
    copied = pickle.loads(pickle.dumps(judge))
    assert type(copied) is Judge
    assert copied == judge
    assert copied.sessions[0].kind is SessionKind.MASTER
