"""The demo generator: reproducible, realistic, and honest about the verdicts it aims at."""

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest

from planner.demo.generator import fitting_sessions, generate_dockets
from planner.domain.calendar import CourtCalendar, Interval, fiscal_year_bounds, fiscal_year_of
from planner.domain.docket import Docket
from planner.domain.rules import Clock, first_master_hearings
from planner.domain.vocabulary import (
    DEFAULT_COUNTED_COMPLETIONS,
    CaseStatus,
    HearingKind,
    HearingStatus,
    SessionKind,
)
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast
from planner.forecast.scan import scan_year
from planner.scheduling.age_targets import project_age_targets

TODAY = date(2026, 11, 25)
ALL_VERDICTS = {
    "not_enough_cases",
    "unreachable_at_minimum_lengths",
    "unreachable_without_shortening",
    "at_risk",
    "on_track",
}

# Written out here, independently of the seating table (docs/scheduling.md): where each hearing
# the demo sets may sit, in templates that have the specific calendars.
FITS = {
    (HearingKind.MASTER, "detained"): {SessionKind.DETAINED_MASTER},
    (HearingKind.MASTER, "juvenile"): {SessionKind.JUVENILE, SessionKind.MASTER},
    (HearingKind.MASTER, "other"): {SessionKind.MASTER},
    (HearingKind.INDIVIDUAL, "detained"): {SessionKind.DETAINED_INDIVIDUAL},
    (HearingKind.INDIVIDUAL, "juvenile"): {SessionKind.JUVENILE, SessionKind.INDIVIDUAL},
    (HearingKind.INDIVIDUAL, "other"): {SessionKind.INDIVIDUAL},
    (HearingKind.BOND, "detained"): {
        SessionKind.BOND,
        SessionKind.DETAINED_MASTER,
        SessionKind.DETAINED_INDIVIDUAL,
    },
    (HearingKind.FEAR_REVIEW, "detained"): {kind for kind in SessionKind if kind.is_bench},
}


def forecast_of(docket: Docket, today: date) -> Forecast:
    return forecast(
        docket.judge,
        closures=docket.closures,
        leave=docket.leave,
        cases=docket.cases,
        hearings=docket.hearings,
        as_of=datetime.combine(today, time()),
    )


@pytest.fixture(scope="module")
def la_docket() -> Docket:
    (docket,) = generate_dockets(cases=2000, judges=1, seed=2018, today=TODAY)
    return docket


@pytest.fixture(scope="module")
def small_demo() -> list[Docket]:
    return generate_dockets(cases=300, judges=2, seed=7, today=TODAY)


def test_the_same_seed_gives_the_same_dockets(small_demo: list[Docket]) -> None:
    assert generate_dockets(cases=300, judges=2, seed=7, today=TODAY) == small_demo


def test_another_seed_gives_other_dockets(small_demo: list[Docket]) -> None:
    other = generate_dockets(cases=300, judges=2, seed=8, today=TODAY)
    assert [d.judge.name for d in other] != [d.judge.name for d in small_demo]
    assert {c.a_number for d in other for c in d.cases} != {
        c.a_number for d in small_demo for c in d.cases
    }


def test_the_pending_cases_add_up_to_the_number_asked_for(small_demo: list[Docket]) -> None:
    pending = [c for d in small_demo for c in d.cases if c.status is CaseStatus.PENDING]
    assert len(pending) == 300
    assert all(d.problems() == [] for d in small_demo)


def test_a_numbers_are_nine_digits_and_unique_across_judges() -> None:
    dockets = generate_dockets(cases=3000, judges=6, seed=3, today=TODAY)
    numbers = [c.a_number for d in dockets for c in d.cases]
    assert len(numbers) == len(set(numbers))
    assert all(len(n) == 9 and n.isdigit() for n in numbers)


def test_taken_names_and_a_numbers_are_not_reused(small_demo: list[Docket]) -> None:
    names = {d.judge.name for d in small_demo}
    numbers = {c.a_number for d in small_demo for c in d.cases}
    again = generate_dockets(
        cases=300, judges=2, seed=7, today=TODAY, taken_names=names, taken_a_numbers=numbers
    )
    assert not names & {d.judge.name for d in again}
    assert not numbers & {c.a_number for d in again for c in d.cases}


def test_the_first_judge_sits_in_los_angeles(la_docket: Docket) -> None:
    assert la_docket.judge.court == "Los Angeles"
    assert la_docket.judge.timezone == "America/Los_Angeles"
    kinds = {s.kind for s in la_docket.judge.sessions}
    assert {SessionKind.MASTER, SessionKind.INDIVIDUAL, SessionKind.ADMINISTRATIVE} <= kinds
    assert SessionKind.DETAINED_MASTER in kinds


def test_the_docket_looks_like_a_real_court(la_docket: Docket) -> None:
    pending = [c for c in la_docket.cases if c.status is CaseStatus.PENDING]
    assert len(pending) == 2000
    assert 0.25 <= sum(c.detained for c in pending) / 2000 <= 0.42
    assert 0.3 <= sum(not c.represented for c in pending) / 2000 <= 0.5
    assert all((c.attorney is not None) == c.represented for c in la_docket.cases)
    languages = Counter(c.language for c in pending)
    assert languages.most_common(1)[0][0] == "Spanish"
    assert {"Mam", "K'iche'", "Portuguese", "Haitian Creole", "Mandarin", "Russian"} <= set(
        languages
    )
    assert 0.03 <= languages["English"] / 2000 <= 0.2
    kinds = Counter(c.kind for c in pending)
    assert (kinds["removal"] + kinds["asylum"]) / 2000 > 0.6
    assert set(kinds) == {
        "removal",
        "asylum",
        "cancellation",
        "adjustment",
        "asylum_only",
        "bond",
        "fear_review",
        "motion",
    }
    assert all(c.asylum_filed is not None for c in pending if c.kind in ("asylum", "asylum_only"))
    assert all(c.nta_served is not None and c.nta_served <= c.received for c in la_docket.cases)
    ages = [(TODAY - c.received).days for c in pending]
    assert min(ages) >= 10
    assert max(ages) > 3 * 365


@pytest.mark.parametrize(
    "today", [date(2026, 10, 1), TODAY, date(2027, 9, 30), date(2027, 10, 1), date(2028, 2, 29)]
)
def test_asylum_applications_are_filed_while_the_case_is_open(today: date) -> None:
    dockets = generate_dockets(cases=3000, judges=3, seed=2018, today=today)
    pending = [c for d in dockets for c in d.cases if c.status is CaseStatus.PENDING]
    done = [c for d in dockets for c in d.cases if c.status is CaseStatus.COMPLETED]
    for case in (c for c in pending + done if c.asylum_filed is not None):
        assert case.received <= case.asylum_filed <= (case.completion_date or today), case
    filed = [c.asylum_filed for c in pending if c.kind in ("asylum", "asylum_only")]
    assert len(filed) > 500
    assert sum(day == today for day in filed) < 0.02 * len(filed)  # not all filed today
    assert len(set(filed)) > 0.3 * len(filed)
    detained = [c.asylum_filed for c in pending if c.detained and c.asylum_filed is not None]
    # Young cases too: spread over the days since they came in. A detained docket is young
    # (tests/demo/test_detained_docket.py): nine in ten of its filings fall in the last 60 days.
    assert len(set(detained)) > 0.4 * min(len(detained), 60)
    assert any(c.asylum_filed is not None for c in done) or not done  # none on the year's first day


def test_an_instant_is_each_judges_own_date() -> None:
    """At 00:30 UTC on 1 October 2027 it is still 30 September, the fiscal year's last day, in
    Los Angeles, and already 1 October in a zone at UTC."""
    instant = datetime(2027, 10, 1, 0, 30, tzinfo=UTC)
    (los_angeles,) = generate_dockets(cases=300, judges=1, seed=2018, today=instant)
    assert los_angeles.judge.timezone == "America/Los_Angeles"
    assert (
        los_angeles == generate_dockets(cases=300, judges=1, seed=2018, today=date(2027, 9, 30))[0]
    )
    last_day = date(2027, 9, 30)
    done = [c for c in los_angeles.cases if c.status is CaseStatus.COMPLETED]
    assert done
    assert max(c.completion_date for c in done) < last_day  # type: ignore[type-var]
    assert all(h.start.date() <= last_day for h in los_angeles.hearings)
    assert max(c.received for c in los_angeles.cases) < last_day
    # A naive datetime is a local wall-clock time: its date, for every judge.
    assert generate_dockets(cases=300, judges=1, seed=2018, today=datetime(2027, 10, 1, 0, 30)) == (
        generate_dockets(cases=300, judges=1, seed=2018, today=date(2027, 10, 1))
    )


def test_completions_this_year_include_ones_that_do_not_count(la_docket: Docket) -> None:
    fy_first, _ = fiscal_year_bounds(fiscal_year_of(TODAY, la_docket.judge), la_docket.judge)
    done = [c for c in la_docket.cases if c.status is CaseStatus.COMPLETED]
    assert done
    assert all(fy_first <= c.completion_date < TODAY for c in done)  # type: ignore[operator]
    how = {c.completion_kind for c in done}
    assert how - DEFAULT_COUNTED_COMPLETIONS  # change of venue, transfer, closure...
    assert how & DEFAULT_COUNTED_COMPLETIONS


def test_held_hearings_come_before_today_with_reasons(la_docket: Docket) -> None:
    past = [h for h in la_docket.hearings if h.status is not HearingStatus.SCHEDULED]
    statuses = {h.status for h in past}
    assert statuses == {HearingStatus.HELD, HearingStatus.ADJOURNED, HearingStatus.COMPLETED}
    assert all(h.start.date() < TODAY for h in past)
    reasons = [h.adjournment_reason for h in past if h.status is HearingStatus.ADJOURNED]
    assert any("L-A-B-R-" in (r or "") for r in reasons)


def test_leave_is_booked_in_the_fiscal_year(la_docket: Docket) -> None:
    whole_days = sum((e.end - e.start).days for e in la_docket.leave if e.all_day)
    assert 25 <= whole_days <= 45  # 20-26 annual and 3-8 sick days, weekends inside weeks off
    assert any(not e.all_day for e in la_docket.leave)


@pytest.mark.parametrize("today", [date(2026, 10, 1), TODAY, date(2027, 6, 30)])
def test_every_scheduled_hearing_sits_in_a_fitting_session_on_a_workday(today: date) -> None:
    for docket in generate_dockets(cases=1500, judges=5, seed=11, today=today):
        judge = docket.judge
        fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(today, judge), judge)
        calendar = CourtCalendar(judge, docket.closures, docket.leave, fy_first, fy_last)
        cases = {c.a_number: c for c in docket.cases}
        scheduled = [h for h in docket.hearings if h.status is HearingStatus.SCHEDULED]
        assert scheduled
        for hearing in scheduled:
            case = cases[hearing.a_number]
            day = hearing.start.date()
            assert today < day <= fy_last
            assert calendar.is_workday(day)
            group = "detained" if case.detained else "juvenile" if case.juvenile else "other"
            fits = FITS[(hearing.kind, group)]
            assert fitting_sessions(hearing.kind, case, judge.sessions)
            assert set(fitting_sessions(hearing.kind, case, judge.sessions)) <= fits
            holding = [
                s
                for s, interval in calendar.bench_sessions(day)
                if interval.start <= hearing.start and hearing.end <= interval.end
            ]
            assert any(s.kind in fits for s in holding), (hearing, holding)
            assert calendar.leave_minutes_in(Interval(hearing.start, hearing.end)) == 0


@pytest.mark.parametrize(
    "today", [date(2026, 10, 1), TODAY, date(2027, 3, 15), date(2027, 8, 2), date(2027, 9, 30)]
)
def test_the_default_judge_cannot_reach_the_quota_without_shorter_hearings(today: date) -> None:
    (docket,) = generate_dockets(cases=2000, judges=1, seed=2018, today=today)
    assert forecast_of(docket, today).verdict == "unreachable_without_shortening"


@pytest.mark.parametrize("seed", [1, 2018])
@pytest.mark.parametrize(
    "today",
    [date(2026, 10, 1), date(2026, 10, 6), date(2027, 1, 20), date(2027, 7, 14), date(2027, 9, 29)],
)
def test_five_judges_spread_over_all_five_verdicts(seed: int, today: date) -> None:
    dockets = generate_dockets(cases=5000, judges=5, seed=seed, today=today)
    verdicts = {forecast_of(d, today).verdict.value for d in dockets}
    assert verdicts == ALL_VERDICTS


def test_the_year_scan_matches_the_court_calendar() -> None:
    """The forecast's one-pass scan gives the calendar's own figures on generated dockets."""
    for today in (date(2026, 10, 1), date(2027, 2, 16), date(2027, 9, 30)):
        for docket in generate_dockets(cases=500, judges=5, seed=5, today=today):
            judge = docket.judge
            first, last = fiscal_year_bounds(fiscal_year_of(today, judge), judge)
            calendar = CourtCalendar(judge, docket.closures, docket.leave, first, last)
            end = datetime.combine(last + timedelta(days=1), time())
            for as_of in (datetime.combine(today, time()), datetime.combine(today, time(10, 17))):
                year = scan_year(calendar, docket.leave, as_of, end)
                before = calendar.workdays(first, today - timedelta(days=1)) if today > first else 0
                assert (year.capacity, year.workdays_in_year) == (
                    calendar.bench_minutes(as_of, end),
                    calendar.workdays(),
                )
                assert (year.workdays_before, year.workdays_left) == (
                    before,
                    calendar.workdays(today, last),
                )


def test_the_same_seed_gives_the_same_dockets_in_another_process() -> None:
    """No salted hash() decides anything: other hash seeds, same dockets."""
    script = (
        "import hashlib; from datetime import date; from planner.domain.records import replace\n"
        "from planner.demo.generator import generate_dockets\n"
        "ds = generate_dockets(cases=400, judges=3, seed=5, today=date(2026, 11, 25))\n"
        "data = [(replace(d.judge, counted_completions=frozenset()), d.cases, d.hearings,\n"
        "         d.leave, d.closures, sorted(d.judge.counted_completions)) for d in ds]\n"
        "print(hashlib.sha256(repr(data).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in (1, 2)
    }
    assert len(digests) == 1


def test_the_demo_has_the_history_of_issue_18(la_docket: Docket) -> None:
    """Continuances with their reasons and who asked; cases administratively closed and on the
    status docket (besides the 2,000 pending); families on the Dedicated Docket whose 300-day
    clock has started; a detained docket with cases about to pass their 60 days; and the 2025
    targets' projection counts each of them."""
    adjourned = [h for h in la_docket.hearings if h.status is HearingStatus.ADJOURNED]
    assert len({h.adjournment_cause for h in adjourned}) >= 3
    assert all(h.adjournment_cause is not None and h.adjourned_by is not None for h in adjourned)
    states = Counter(c.status for c in la_docket.cases)
    assert states[CaseStatus.PENDING] == 2000
    assert states[CaseStatus.ADMIN_CLOSED] == 40
    assert states[CaseStatus.STATUS_DOCKET] == 20
    family = [c for c in la_docket.cases if c.dedicated_docket]
    assert family
    assert all(c.status is CaseStatus.PENDING and not c.detained for c in family)
    first_masters = first_master_hearings(la_docket.hearings)
    assert any(c.a_number in first_masters for c in family)
    pending = [c for c in la_docket.cases if c.status is CaseStatus.PENDING]
    soon = [c for c in pending if c.detained and 45 <= (TODAY - c.received).days <= 60]
    assert len(soon) >= 10  # about to pass 60 days
    projected = {
        t.target.clock: t
        for t in project_age_targets(
            la_docket.judge,
            la_docket.closures,
            la_docket.leave,
            la_docket.cases,
            la_docket.hearings,
            datetime.combine(TODAY, time()),
        )
    }
    assert projected[Clock.DETAINED].cases_missing > 0
    assert projected[Clock.DEDICATED].counted > 0


def test_the_off_docket_cases_are_two_and_one_percent_and_reproducible() -> None:
    """2% of the pending count administratively closed and 1% on the status docket, besides
    the pending cases asked for; the same seed gives them again."""
    (docket,) = generate_dockets(cases=300, judges=1, seed=11, today=TODAY)
    states = Counter(c.status for c in docket.cases)
    assert (states[CaseStatus.PENDING], states[CaseStatus.ADMIN_CLOSED]) == (300, 6)
    assert states[CaseStatus.STATUS_DOCKET] == 3
    again = generate_dockets(cases=300, judges=1, seed=11, today=TODAY)[0]
    assert again == docket
