"""What-if questions change the forecast's inputs, never the stored docket."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.forecast.advice import template_changes
from planner.forecast.demand import tally_workload
from planner.forecast.engine import forecast
from planner.forecast.whatif import SessionChange, WhatIf, apply_what_if, extra_session
from planner.forecast.window import window_of

AS_OF = datetime(2027, 8, 1)  # a Sunday; 8 Monday sittings of 180 minutes remain (C = 1,440)
JUDGE = Judge("Small", quota=60, sessions=(Session(0, time(9), time(12), SessionKind.MASTER),))
CASES = [Case(f"{i:09d}", "R", "removal", date(2025, 1, 1)) for i in range(1, 101)]


def _capacity(what_if: WhatIf) -> float:
    judge, leave = apply_what_if(what_if, JUDGE, [], [], AS_OF)
    result = forecast(judge, closures=[], leave=leave, cases=CASES, hearings=[], as_of=AS_OF)
    return result.capacity_minutes


def test_an_empty_what_if_changes_nothing() -> None:
    assert WhatIf().is_empty
    assert _capacity(WhatIf()) == 1440


def test_a_lower_quota_changes_the_verdict() -> None:
    """Quota 60 needs 60 x 30 = 1,800 minutes (unreachable); quota 40 needs 1,200 (fits)."""
    judge, _ = apply_what_if(WhatIf(quota=40), JUDGE, [], [], AS_OF)
    result = forecast(judge, closures=[], leave=[], cases=CASES, hearings=[], as_of=AS_OF)
    assert result.quota == 40
    assert result.needed == 40
    assert result.max_completions_at_current_lengths >= 40


def test_extra_leave_is_taken_on_the_next_workdays() -> None:
    """Two days of leave fall on Mondays 2 and 9 August: 2 x 180 minutes less."""
    assert _capacity(WhatIf(extra_leave_days=2)) == 1440 - 360


def test_an_extra_weekly_session_adds_its_minutes_on_every_workday() -> None:
    """A Monday afternoon 13:00-16:30 (210 minutes) on the 8 sitting Mondays: +1,680."""
    assert _capacity(WhatIf(extra_session=extra_session(0, afternoon=True))) == 1440 + 8 * 210


def test_an_extra_session_over_one_the_judge_has_is_refused_not_counted_twice() -> None:
    """Monday 08:30-12:00 overlaps the judge's Monday 09:00-12:00: the hours are there already."""
    with pytest.raises(InvalidValue, match=r"Mon 08:30-12:00 individual overlaps Mon 09:00-12:00"):
        _capacity(WhatIf(extra_session=extra_session(0, afternoon=False)))


def test_negative_extra_leave_is_refused() -> None:
    with pytest.raises(InvalidValue, match="extra leave of -2 days"):
        WhatIf(extra_leave_days=-2)


def test_turning_a_master_session_into_an_individual_one_fits_what_the_advice_says() -> None:
    """From Monday 13 Sep 2027 three Mondays and three Tuesdays are left. Master sessions Monday
    and Tuesday 08:30-12:00 (6 x 210 = 1,260 minutes), individual Monday 13:00-14:30 (3 x 90 =
    270). Ten asylum cases (a 15-minute master hearing and a 180-minute merits hearing): 270 / 180
    holds one merits hearing, K(1) = 1. Turning Tuesday's master session into an individual one
    gives 270 + 630 = 900 individual minutes (5 merits hearings) and leaves 630 master minutes
    (42 master hearings): K(1) = 5, four more, as the template advice counts it."""
    as_of = datetime(2027, 9, 13)
    tuesday = Session(1, time(8, 30), time(12), SessionKind.MASTER)
    judge = Judge(
        "Two pools",
        quota=10,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER),
            Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
            tuesday,
        ),
    )
    cases = [Case(f"{100000001 + n}", "R", "asylum", date(2026, 1, 1)) for n in range(10)]

    def k1(what_if: WhatIf) -> int:
        changed, leave = apply_what_if(what_if, judge, [], [], as_of)
        result = forecast(changed, closures=[], leave=leave, cases=cases, hearings=[], as_of=as_of)
        return result.max_completions_at_current_lengths

    change = SessionChange(tuesday, SessionKind.INDIVIDUAL)
    assert (k1(WhatIf()), k1(WhatIf(session_change=change))) == (1, 5)
    saved = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=as_of)
    advised = template_changes(
        judge,
        closures=[],
        leave=[],
        workload=tally_workload(judge, cases, [], window_of(judge, as_of)),
        as_of=as_of,
        result=saved,
        limit=100,
    )
    words = "turn the Tuesday 08:30-12:00 master session into an individual session"
    extra = {c.change: c.extra_completions for c in advised}[words]
    assert extra == k1(WhatIf(session_change=change)) - k1(WhatIf()) == 4
    # The stored template is the caller's: the what-if changed a copy.
    assert judge.sessions[2].kind is SessionKind.MASTER


def test_a_session_change_must_name_one_of_the_judges_sessions_and_a_new_kind() -> None:
    monday = JUDGE.sessions[0]
    with pytest.raises(InvalidValue, match="Mon 09:00-12:00 master session is master already"):
        SessionChange(monday, SessionKind.MASTER)
    with pytest.raises(InvalidValue, match="session kind"):
        SessionChange(monday, "courtroom")  # type: ignore[arg-type]
    elsewhere = SessionChange(Session(2, time(9), time(12), "master"), SessionKind.INDIVIDUAL)
    with pytest.raises(InvalidValue, match="Wed 09:00-12:00 master session is not one of the"):
        apply_what_if(WhatIf(session_change=elsewhere), JUDGE, [], [], AS_OF)
    assert not WhatIf(session_change=SessionChange(monday, SessionKind.BOND)).is_empty
