"""The max-completions policy against a simple rival and against the forecast's bound (issue 14).

The rival (``tests/scheduling/rival.py``) chooses the shortest cases and places them longest
first where each fits best; max-completions must never complete fewer. The forecast's K(1)
counts the most cases whose hearings fit in every pool at once; no schedule completes more.
``tests/forecast/test_pools.py`` checks K(1) against a brute force and the schedule on empty
calendars of default cases; here the dockets also have interpreter sessions, buffers, booked
hearings, notices to appear and judges' overrides.
"""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, KindMinutes, Session
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind, SessionKind
from planner.forecast.engine import forecast
from planner.scheduling.autoschedule import Options, Policy, propose
from tests.scheduling.court import CLOSURES, FIRST, JUDGE, LAST, LEAVE
from tests.scheduling.rival import rival_completions

K = SessionKind
KINDS = ("removal", "asylum", "asylum_only", "adjustment", "bond", "fear_review", "motion")


def _most(judge, cal, cases, hearings, first, buffer=5):  # type: ignore[no-untyped-def]
    return propose(judge, cal, cases, hearings, first, Policy.MAX_COMPLETIONS, Options(buffer))


def test_merits_hearings_take_whole_sessions_and_short_ones_fill_what_they_leave() -> None:
    """Individual afternoons only (210 minutes), the judge's floor 15 minutes; from Mon 25 Nov
    2024 to the 30th: Mon 25, Thu 28 is Thanksgiving, Fri 29: two sessions. Two 180-minute
    hearings and two of 15: each session holds a 180 and a 15 (180 + 5 + 15 = 200). Short ones
    first, earliest time (the old rule) put both 15s on Monday and one 180 on Friday: 3."""
    judge = replace(
        JUDGE,
        sessions=tuple(s for s in JUDGE.sessions if s.kind is K.INDIVIDUAL),
        hearing_minutes={**JUDGE.hearing_minutes, HearingKind.INDIVIDUAL: KindMinutes(180, 15)},
    )
    cases = [
        Case(f"10000000{n}", "R", "asylum_only", date(2024, 1, 1), remaining_minutes=minutes)
        for n, minutes in enumerate((180, 180, 15, 15))
    ]
    cal = CourtCalendar(judge, [], [], date(2024, 11, 1), date(2024, 11, 30))
    proposal = _most(judge, cal, cases, [], date(2024, 11, 25))
    assert proposal.completions_by_fy_end == 4
    assert sorted((p.start, p.minutes) for p in proposal.proposed) == [
        (datetime(2024, 11, 25, 13), 180),
        (datetime(2024, 11, 25, 16, 5), 15),
        (datetime(2024, 11, 29, 13), 180),
        (datetime(2024, 11, 29, 16, 5), 15),
    ]


def test_merits_cases_get_the_early_master_mornings_when_master_time_binds() -> None:
    """Monday mornings master (210 minutes, two 100-minute master hearings), afternoons
    individual; Mondays 4, 18 and 25 November 2024 (the 11th is Veterans Day). Three removal
    cases (two master hearings each, received first, least bench time) and two asylum cases (a
    master hearing, then a merits hearing on a later day). Removal cases first took the 4th's
    and the 18th's mornings, and no asylum case found an afternoon after its master hearing:
    3 completions. The asylum cases' master hearings on the 4th, their merits on the 18th and
    25th, two removal cases on the 18th and 25th: 4."""
    judge = Judge(
        "Master Mornings",
        sessions=(
            Session(0, time(8, 30), time(12), K.MASTER),
            Session(0, time(13), time(16, 30), K.INDIVIDUAL),
        ),
        hearing_minutes={
            HearingKind.MASTER: KindMinutes(100, 10),
            HearingKind.INDIVIDUAL: KindMinutes(180, 110),
        },
    )
    cases = [
        Case(f"10000000{n}", "R", "removal" if n < 3 else "asylum", date(2024, 1, 1 + n))
        for n in range(5)
    ]
    cal = CourtCalendar(judge, [], [], date(2024, 11, 1), date(2024, 11, 30))
    proposal = propose(
        judge, cal, cases, [], date(2024, 11, 4), Policy.MAX_COMPLETIONS, Options(5, 0)
    )
    assert proposal.completions_by_fy_end == 4
    masters_on_the_4th = {p.a_number for p in proposal.proposed if p.start.day == 4}
    assert masters_on_the_4th == {"100000003", "100000004"}  # the asylum cases
    assert [u.a_number for u in proposal.unplaced] == ["100000002"]


cases_strategy = st.lists(
    st.builds(
        lambda n, kind, detained, served, override, language: Case(
            f"{100000000 + n:09d}",
            "Someone",
            kind,
            date(2024, 1, 1) + timedelta(days=n % 200),
            detained=detained,
            nta_served=served,
            remaining_minutes=override,
            language=language,
        ),
        st.integers(0, 10**6),
        st.sampled_from(KINDS),
        st.booleans(),
        st.none() | st.dates(date(2024, 10, 20), date(2024, 11, 20)),
        st.none() | st.sampled_from((15, 30, 60, 120, 180, 240)),
        st.sampled_from(("Spanish", "Mam", "English")),
    ),
    max_size=30,
    unique_by=lambda c: c.a_number,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cases=cases_strategy,
    first=st.dates(date(2024, 11, 1), date(2024, 11, 25)),
    buffer=st.integers(0, 10),
    mam_thursday=st.booleans(),
    booked=st.lists(
        st.builds(
            lambda day, minute, length: Hearing(
                "999999999",
                datetime(2024, 11, day, 8) + timedelta(minutes=minute),
                length,
                HearingKind.MASTER,
            ),
            st.integers(1, 30),
            st.integers(0, 500),
            st.integers(5, 120),
        ),
        max_size=10,
    ),
)
def test_max_completions_never_completes_fewer_than_the_rival(  # type: ignore[no-untyped-def]
    cases, first, buffer, mam_thursday, booked
) -> None:
    judge = JUDGE
    if mam_thursday:  # Thursday afternoons with a Mam interpreter
        judge = replace(
            JUDGE,
            sessions=tuple(
                replace(s, language="Mam") if (s.weekday, s.kind) == (3, K.INDIVIDUAL) else s
                for s in JUDGE.sessions
            ),
        )
    cal = CourtCalendar(judge, CLOSURES, LEAVE, FIRST, LAST)
    booked = [replace(h, id=n + 1) for n, h in enumerate(booked)]
    options = Options(buffer)
    most = _most(judge, cal, cases, booked, first, buffer)
    assert most.completions_by_fy_end >= rival_completions(
        judge, cal, cases, booked, first, options
    )


#: Late in FY 2027, Monday 13 to Thursday 30 September: 14 weekdays.
AS_OF = datetime(2027, 9, 13)
AM, PM = (time(8, 30), time(12)), (time(13), time(16, 30))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kinds=st.lists(st.sampled_from(KINDS), max_size=25),
    overrides=st.lists(st.none() | st.sampled_from((30, 60, 120, 240)), min_size=25, max_size=25),
    detained=st.lists(st.booleans(), min_size=25, max_size=25),
    template=st.lists(
        st.tuples(
            st.integers(0, 4),
            st.booleans(),
            st.sampled_from((K.MASTER, K.INDIVIDUAL, K.DETAINED_MASTER, K.BOND)),
            st.sampled_from((None, "Spanish")),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda t: (t[0], t[1]),
    ),
    buffer=st.integers(0, 10),
)
def test_the_schedule_never_completes_more_than_the_forecasts_bound(  # type: ignore[no-untyped-def]
    kinds, overrides, detained, template, buffer
) -> None:
    sessions = tuple(
        Session(day, *(PM if pm else AM), kind, language) for day, pm, kind, language in template
    )
    judge = Judge("Bound", sessions=sessions)
    cases = [
        Case(
            f"{100000001 + n}",
            f"R{n}",
            kind,
            date(2026, 1, 1),
            detained=detained[n],
            remaining_minutes=overrides[n],
            language="Spanish" if n % 2 else "English",
        )
        for n, kind in enumerate(kinds)
    ]
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    cal = CourtCalendar(judge, [], [], date(2026, 10, 1), date(2027, 9, 30))
    proposal = _most(judge, cal, cases, [], AS_OF.date(), buffer)
    assert proposal.completions_by_fy_end <= result.max_completions_at_current_lengths
