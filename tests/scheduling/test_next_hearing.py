"""The next hearing a drag sets for a case: its kind from the case and its history, its length."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.docket import Case, Hearing
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.scheduling.next_hearing import next_hearing, snap, snap_up
from tests.scheduling.court import JUDGE

A = "123456789"


def _case(kind: str, remaining: int | None = None) -> Case:
    return Case(A, "Rosa Díaz", kind, date(2024, 6, 1), remaining_minutes=remaining)


def _hearing(status: HearingStatus) -> Hearing:
    return Hearing(A, datetime(2024, 11, 4, 9), 15, HearingKind.MASTER, status, id=1)


def test_a_case_not_yet_heard_gets_a_master_hearing() -> None:
    assert next_hearing(JUDGE, _case("asylum"), []) == (HearingKind.MASTER, 15)
    scheduled = [_hearing(HearingStatus.SCHEDULED)]
    adjourned = [replace(scheduled[0], status=HearingStatus.ADJOURNED, adjournment_reason="ill")]
    assert next_hearing(JUDGE, _case("asylum"), scheduled)[0] is HearingKind.MASTER
    assert next_hearing(JUDGE, _case("asylum"), adjourned)[0] is HearingKind.MASTER


def test_after_a_held_hearing_the_merits_hearing_is_as_long_as_the_estimate() -> None:
    held = [_hearing(HearingStatus.HELD)]
    assert next_hearing(JUDGE, _case("asylum"), held) == (HearingKind.INDIVIDUAL, 195)
    assert next_hearing(JUDGE, _case("asylum", 122), held) == (HearingKind.INDIVIDUAL, 125)
    assert next_hearing(JUDGE, _case("asylum", 600), held) == (HearingKind.INDIVIDUAL, 210)
    # An estimate under the individual minimum (110) goes back to a master calendar.
    assert next_hearing(JUDGE, _case("removal"), held) == (HearingKind.MASTER, 15)


def test_bond_fear_review_and_motion_cases_get_their_own_kind() -> None:
    assert next_hearing(JUDGE, _case("bond"), []) == (HearingKind.BOND, 30)
    assert next_hearing(JUDGE, _case("fear_review"), []) == (HearingKind.FEAR_REVIEW, 45)
    assert next_hearing(JUDGE, _case("motion"), []) == (HearingKind.MOTION, 25)


@given(st.integers(min_value=-1000, max_value=1000))
def test_snapping_lands_on_the_grid_near_the_value(minutes: int) -> None:
    assert snap(minutes) % 5 == 0
    assert abs(snap(minutes) - minutes) <= 2.5
    assert snap_up(minutes) % 5 == 0
    assert 0 <= snap_up(minutes) - minutes < 5
