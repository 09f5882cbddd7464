"""Now and today are the judge's own: the local wall-clock time in the judge's time zone."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from planner.domain.judge import Judge
from planner.services.clock import now_for, today_for

LOS_ANGELES = Judge("Ann Ruiz", court="Los Angeles", timezone="America/Los_Angeles")
NEW_YORK = Judge("Bo Chen", court="New York", timezone="America/New_York")
#: 00:30 UTC on 6 December 2026: still the 5th in Los Angeles and New York.
HALF_PAST_MIDNIGHT_UTC = datetime(2026, 12, 6, 0, 30, 59, 999, tzinfo=UTC)


def test_at_half_past_midnight_utc_it_is_still_yesterday_in_los_angeles() -> None:
    assert now_for(LOS_ANGELES, HALF_PAST_MIDNIGHT_UTC) == datetime(2026, 12, 5, 16, 30)
    assert today_for(LOS_ANGELES, HALF_PAST_MIDNIGHT_UTC) == date(2026, 12, 5)
    assert now_for(NEW_YORK, HALF_PAST_MIDNIGHT_UTC) == datetime(2026, 12, 5, 19, 30)
    assert today_for(Judge("Cy Dow", timezone="UTC"), HALF_PAST_MIDNIGHT_UTC) == date(2026, 12, 6)


def test_the_instant_may_come_in_any_offset_and_daylight_saving_is_followed() -> None:
    tokyo = timezone(timedelta(hours=9))
    assert now_for(LOS_ANGELES, datetime(2026, 12, 6, 9, 30, tzinfo=tokyo)) == datetime(
        2026, 12, 5, 16, 30
    )
    # 1 October 2027, 06:30 UTC: summer time in Los Angeles (UTC-7), the fiscal year's first day.
    assert now_for(LOS_ANGELES, datetime(2027, 10, 1, 6, 30, tzinfo=UTC)) == datetime(
        2027, 9, 30, 23, 30
    )
    assert today_for(LOS_ANGELES, datetime(2027, 10, 1, 7, 0, tzinfo=UTC)) == date(2027, 10, 1)


def test_a_time_without_a_zone_is_not_an_instant() -> None:
    with pytest.raises(ValueError, match="not an instant"):
        now_for(LOS_ANGELES, datetime(2026, 12, 6, 0, 30))
