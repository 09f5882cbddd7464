"""What-if questions change the forecast's inputs, never the stored docket."""

from datetime import date, datetime, time

import pytest

from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.forecast.engine import forecast
from planner.forecast.whatif import WhatIf, apply_what_if, extra_session

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
