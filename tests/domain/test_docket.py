"""Cases, hearings and leave refuse impossible values; a docket reports its inconsistencies."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session
from planner.domain.time_off import Closure, Leave, closure_problems
from planner.domain.vocabulary import (
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingMedium,
    HearingStatus,
    SessionKind,
)


def _case(**changes: object) -> Case:
    fields: dict[str, object] = {
        "a_number": "A123-456-789",
        "name": "Ana Pérez",
        "kind": "asylum",
        "received": date(2025, 3, 1),
    }
    fields.update(changes)
    return Case(**fields)  # type: ignore[arg-type]


def test_case_stores_a_number_as_digits_and_shows_it_the_courts_way() -> None:
    case = _case()
    assert case.a_number == "123456789"
    assert case.display_a_number == "A123-456-789"


def test_completed_case_needs_date_and_kind() -> None:
    with pytest.raises(InvalidValue, match="completion date and kind"):
        _case(status=CaseStatus.COMPLETED)
    done = _case(
        status="completed", completion_date=date(2026, 11, 2), completion_kind="removal_order"
    )
    assert done.completion_kind is CompletionKind.REMOVAL_ORDER


def test_asylum_clock_runs_180_days_from_filing() -> None:
    assert _case(asylum_filed=date(2026, 1, 1)).asylum_deadline == date(2026, 6, 30)
    assert _case().asylum_deadline is None


def test_notice_period_is_ten_days() -> None:
    assert _case(nta_served=date(2026, 11, 1)).earliest_first_hearing == date(2026, 11, 11)


def test_adjourned_hearing_needs_a_reason() -> None:
    with pytest.raises(InvalidValue, match="reason"):
        Hearing("123456789", datetime(2026, 12, 1, 9), 15, HearingKind.MASTER, "adjourned")  # type: ignore[arg-type]


def test_whole_day_leave_covers_its_last_day() -> None:
    leave = Leave.days(date(2026, 12, 21), date(2026, 12, 23))
    assert leave.start == datetime(2026, 12, 21)
    assert leave.end == datetime(2026, 12, 24)
    assert leave.last_day == date(2026, 12, 23)
    with pytest.raises(InvalidValue):
        Leave.days(date(2026, 12, 23), date(2026, 12, 21))


def test_docket_problems_name_each_inconsistency() -> None:
    judge = Judge("Ortiz")
    docket = Docket(
        judge,
        cases=(_case(), _case(), _case(a_number="111111111", kind="visa")),
        hearings=(Hearing("999999999", datetime(2026, 12, 1, 9), 15, HearingKind.MASTER),),
    )
    problems = docket.problems()
    assert any("A123-456-789 appears more than once" in p for p in problems)
    assert any("'visa'" in p for p in problems)
    assert any("A999-999-999, which is not on the docket" in p for p in problems)
    assert Docket(judge, cases=(_case(),)).problems() == []


def test_a_case_needs_a_language() -> None:
    with pytest.raises(InvalidValue, match=r"A100-000-001 needs a language \(English if no"):
        Case("100000001", "Rosa Díaz", "asylum", date(2026, 1, 5), language=" ")


def test_a_case_is_not_completed_before_it_was_received() -> None:
    with pytest.raises(InvalidValue, match="completed on 2026-01-04, before it was received"):
        Case(
            "100000001",
            "Rosa Díaz",
            "asylum",
            date(2026, 1, 5),
            status=CaseStatus.COMPLETED,
            completion_date=date(2026, 1, 4),
            completion_kind=CompletionKind.DISMISSAL,
        )
    same_day = Case(
        "100000001",
        "Rosa Díaz",
        "asylum",
        date(2026, 1, 5),
        status=CaseStatus.COMPLETED,
        completion_date=date(2026, 1, 5),
        completion_kind=CompletionKind.DISMISSAL,
    )
    assert same_day.completion_date == same_day.received


def test_closures_on_a_weekend_without_sessions_or_twice_mean_nothing() -> None:
    mondays = (Session(0, time(9), time(12), SessionKind.MASTER),)
    saturdays = (*mondays, Session(5, time(9), time(12), SessionKind.MASTER))
    thursday = Closure(date(2026, 12, 24), "Executive order")  # a court-wide closure
    saturday = Closure(date(2026, 12, 26), "Storm")
    assert closure_problems(mondays, [thursday]) == []
    assert closure_problems(saturdays, [saturday]) == []
    assert closure_problems(mondays, [saturday, thursday, thursday]) == [
        "the closure on Sat 26 Dec 2026 falls on a Saturday, when the judge has no sessions: "
        "a closure is for a day the court would sit",
        "the closure on Thu 24 Dec 2026 is listed twice",
    ]


def test_backwards_leave_says_its_days_as_the_calendar_shows_them() -> None:
    with pytest.raises(
        InvalidValue,
        match=r"^leave from Mon 21 Dec 2026 to Sun 6 Dec 2026 ends before it starts: "
        r"the last day comes on or after the first$",
    ):
        Leave.days(date(2026, 12, 21), date(2026, 12, 6))
    with pytest.raises(
        InvalidValue,
        match=r"^leave from Wed 25 Nov 2026 13:00 to Wed 25 Nov 2026 12:00 ends before it starts$",
    ):
        Leave(datetime(2026, 11, 25, 13), datetime(2026, 11, 25, 12), "sick")  # type: ignore[arg-type]


# A hearing's checks: the same refusals and messages, each made only for a value refused ------

_START = datetime(2026, 12, 1, 9, 0)


def test_a_hearing_takes_its_values_in_their_written_forms() -> None:
    hearing = Hearing("A12-345-678", _START, 30, "master", "adjourned", "ill", medium="video")  # type: ignore[arg-type]
    assert hearing.a_number == "012345678"
    assert hearing.kind is HearingKind.MASTER
    assert hearing.status is HearingStatus.ADJOURNED
    assert hearing.medium is HearingMedium.VIDEO


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minutes": 0}, "a hearing's minutes 0 must be a whole number from 1 to"),
        ({"minutes": True}, "a hearing's minutes True must be a whole number"),
        ({"start": datetime(1899, 1, 1, 9)}, "the hearing of A012-345-678 on 1899-01-01 is out"),
        ({"kind": "trial"}, "hearing kind 'trial' is not one of"),
        ({"status": "gone"}, "hearing status 'gone' is not one of"),
        (
            {"adjournment_reason": "ill\u202e"},
            "the hearing of A012-345-678 on 2026-12-01: the adjournment reason holds a "
            "bidirectional control character",
        ),
        (
            {"adjournment_cause": "counsel"},
            "the hearing of A012-345-678 on 2026-12-01: only an adjourned hearing has a reason",
        ),
        ({"status": "adjourned"}, "the adjourned hearing of A012-345-678 on 2026-12-01 needs"),
    ],
)
def test_a_hearing_refuses_a_bad_value_saying_what_and_where(
    changes: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {
        "a_number": "012345678",
        "start": _START,
        "minutes": 30,
        "kind": HearingKind.MASTER,
    } | changes
    with pytest.raises(InvalidValue) as refused:
        Hearing(**values)  # type: ignore[arg-type]
    assert str(refused.value).startswith(message), str(refused.value)
