"""The judge profile: defaults from the domain, and refusals that say what is wrong."""

from datetime import time

import pytest

from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.vocabulary import CompletionKind, SessionKind


def test_defaults_are_the_federal_ones() -> None:
    judge = Judge("Ortiz")
    assert judge.quota == 700
    assert (judge.fy_start_month, judge.fy_start_day) == (10, 1)
    assert judge.case_minutes["asylum"] == KindMinutes(195, 120)
    assert judge.case_minutes["removal"].default == 30
    assert CompletionKind.CHANGE_OF_VENUE not in judge.counted_completions
    assert CompletionKind.IN_ABSENTIA in judge.counted_completions
    # The standard week: 7 bench hours a day, Monday to Friday.
    assert sum(s.minutes for s in judge.sessions) == 5 * 7 * 60


def test_unknown_time_zone_is_refused() -> None:
    with pytest.raises(InvalidValue, match="'Mars/Olympus'"):
        Judge("Ortiz", timezone="Mars/Olympus")


@pytest.mark.parametrize("zone", ["America", "Pacific", "America/", ""])
def test_a_region_or_a_malformed_name_is_not_a_time_zone(zone: str) -> None:
    # With the tzdata package (icalendar needs it), a region folder used to escape as an OSError.
    with pytest.raises(InvalidValue, match="is not an IANA zone"):
        Judge("Ortiz", timezone=zone)


def test_session_must_end_after_it_starts() -> None:
    with pytest.raises(InvalidValue, match="ends before it starts"):
        Session(0, time(12), time(9), SessionKind.MASTER)


def test_session_kind_is_checked_against_the_vocabulary() -> None:
    assert Session(0, time(9), time(12), "individual").kind is SessionKind.INDIVIDUAL  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"'merits'.*master"):
        Session(0, time(9), time(12), "merits")  # type: ignore[arg-type]


def test_minimum_cannot_exceed_default() -> None:
    with pytest.raises(InvalidValue, match="minimum 200"):
        KindMinutes(default=180, minimum=200)


def test_unknown_case_kind_names_the_known_ones() -> None:
    with pytest.raises(InvalidValue, match=r"'visa'.*asylum"):
        Judge("Ortiz").minutes_for("visa")


def test_weekly_sessions_may_not_overlap_and_the_message_names_both() -> None:
    monday = Session(0, time(8, 30), time(12), SessionKind.MASTER)
    with pytest.raises(
        InvalidValue,
        match=r"^weekly session Mon 11:00-13:00 individual overlaps Mon 08:30-12:00 master: "
        "a judge sits in one session at a time$",
    ):
        Judge("Ortiz", sessions=(monday, Session(0, time(11), time(13), SessionKind.INDIVIDUAL)))
    with pytest.raises(InvalidValue, match="overlaps"):
        Judge("Ortiz", sessions=(monday, monday))


def test_sessions_that_touch_or_sit_on_other_days_are_fine() -> None:
    sessions = (
        Session(0, time(8, 30), time(12), SessionKind.MASTER),
        Session(0, time(12), time(13), SessionKind.ADMINISTRATIVE),
        Session(1, time(8, 30), time(12), SessionKind.MASTER),
    )
    assert Judge("Ortiz", sessions=sessions).sessions == sessions


def test_a_case_kind_needs_a_name() -> None:
    with pytest.raises(InvalidValue, match="case kind ' ' needs a name"):
        Judge("Ortiz", case_minutes={" ": KindMinutes(60, 30)})
