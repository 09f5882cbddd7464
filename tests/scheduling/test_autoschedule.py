"""The auto-scheduler on a small court with hand-checked schedules, and its rules as properties."""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.calendar import CourtCalendar
from planner.domain.docket import Case, Hearing
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.scheduling.autoschedule import Options, Policy, propose
from planner.scheduling.placement import check_placement
from tests.scheduling.court import CLOSURES, FIRST, JUDGE, LAST, LEAVE, at, calendar

M, I = HearingKind.MASTER, HearingKind.INDIVIDUAL  # noqa: E741


def asylum(a_number: str, received: date, **fields: object) -> Case:
    return Case(a_number, f"Case {a_number}", "asylum", received, **fields)  # type: ignore[arg-type]


def schedule(cases, first=date(2024, 11, 1), policy=Policy.OLDEST, hearings=(), **options):  # type: ignore[no-untyped-def]
    return propose(JUDGE, calendar(), cases, list(hearings), first, policy, Options(**options))


def placed(proposal) -> list[tuple[str, datetime, int, HearingKind]]:  # type: ignore[no-untyped-def]
    return [(p.a_number, p.start, p.minutes, p.kind) for p in proposal.proposed]


def test_two_asylum_cases_oldest_first_with_a_buffer() -> None:
    # Fri 1 Nov has no master session; Mon 4 Nov has one in the morning; the merits hearing goes
    # on a later day in an individual session (Tue is detained, Wed juvenile): Thu 7 Nov. The
    # younger case's merits hearing does not fit the 25 minutes left that afternoon: Fri 8 Nov.
    older = asylum("111111111", date(2024, 1, 2))
    younger = asylum("222222222", date(2024, 6, 3))
    proposal = schedule([younger, older])
    assert placed(proposal) == [
        ("111111111", at(4, 8, 30), 15, M),
        ("222222222", at(4, 8, 50), 15, M),
        ("111111111", at(7, 13), 180, I),
        ("222222222", at(8, 13), 180, I),
    ]
    assert proposal.completions_by_fy_end == 2
    assert proposal.unplaced == ()
    assert proposal.proposed[2].session == "Thu 2024-11-07 13:00-16:30 individual"


def test_detained_case_sits_in_detained_sessions_only() -> None:
    detained = Case("333333333", "Detained", "removal", date(2024, 6, 1), detained=True)
    assert placed(schedule([detained])) == [
        ("333333333", at(5, 8, 30), 15, M),
        ("333333333", at(12, 8, 30), 15, M),
    ]


def test_notice_period_holiday_and_leave_are_skipped() -> None:
    # Served 1 Nov: no first hearing before Mon 11 Nov, Veterans Day; Thu 14 Nov is the next
    # master session. The second master hearing: Mon 18 Nov (its afternoon leave is no matter).
    served = Case("444444444", "Served", "removal", date(2024, 10, 1), nta_served=date(2024, 11, 1))
    assert placed(schedule([served])) == [
        ("444444444", at(14, 8, 30), 15, M),
        ("444444444", at(18, 8, 30), 15, M),
    ]
    # Without the notice period, from Mon 18 Nov: the next master session after Mon 18 is not
    # Thu 21 (all-day leave) but Mon 25 Nov.
    again = schedule([served], first=date(2024, 11, 18), notice_days=0)
    assert placed(again) == [
        ("444444444", at(18, 8, 30), 15, M),
        ("444444444", at(25, 8, 30), 15, M),
    ]


def test_booked_hearings_are_kept_a_buffer_away() -> None:
    booked = Hearing("999999999", at(4, 8, 30), 60, M, id=1)
    case = Case("555555555", "Next", "motion", date(2024, 6, 1))
    proposal = schedule([case], first=date(2024, 11, 4), hearings=[booked], buffer_minutes=10)
    assert placed(proposal) == [("555555555", at(4, 9, 40), 25, HearingKind.MOTION)]


def test_what_does_not_fit_is_reported_with_its_reason() -> None:
    # From Fri 29 Nov there is no master session left in the calendar (it ends on 30 Nov).
    case = asylum("666666666", date(2024, 1, 2))
    proposal = schedule([case], first=date(2024, 11, 29))
    assert proposal.proposed == ()
    assert proposal.completions_by_fy_end == 0
    [unplaced] = proposal.unplaced
    assert unplaced.a_number == "666666666"
    assert unplaced.reason == (
        "its 15-minute master hearing needs a master session open to English cases, and there "
        "is none from Fri 29 Nov 2024 to fiscal-year end"
    )


def test_partly_placed_case_gets_its_next_hearing() -> None:
    # From Mon 25 Nov: master that morning, but no individual session after it before 30 Nov
    # other than Fri 29 13:00, which the older case takes.
    older = asylum("111111111", date(2024, 1, 2), asylum_filed=date(2024, 6, 1))
    younger = asylum("222222222", date(2024, 6, 3))
    proposal = schedule([older, younger], first=date(2024, 11, 25))
    assert placed(proposal) == [
        ("111111111", at(25, 8, 30), 15, M),
        ("222222222", at(25, 8, 50), 15, M),
        ("111111111", at(29, 13), 180, I),
    ]
    assert proposal.completions_by_fy_end == 1
    [unplaced] = proposal.unplaced
    assert unplaced.partly
    assert unplaced.a_number == "222222222"
    assert unplaced.reason == (
        "its next hearing is proposed for 2024-11-25 08:50; after it, no free 180-minute "
        "individual hearing slot in an individual session before fiscal-year end"
    )
    # The older case's asylum clock (filed 1 Jun, 180 days: 28 Nov) is missed by a day.
    assert (proposal.deadlines_met, proposal.deadlines_missed) == (0, 1)


def test_max_completions_takes_the_short_cases_first() -> None:
    # One individual session left (Fri 29 Nov, 13:00-16:30): the 180-minute merits hearing and
    # one motion in the 25 minutes after it (16:05), or six motions (with 5-minute buffers).
    old = Case("111111111", "Old", "asylum_only", date(2020, 1, 1))
    motions = [Case(f"70000000{n}", "Motion", "motion", date(2024, 6, 1)) for n in range(6)]
    oldest = schedule([old, *motions], first=date(2024, 11, 29), policy=Policy.OLDEST)
    most = schedule([old, *motions], first=date(2024, 11, 29), policy=Policy.MAX_COMPLETIONS)
    assert oldest.completions_by_fy_end == 2
    assert most.completions_by_fy_end == 6
    assert most.oldest_tenth_unplaced == 1  # what the quota costs the oldest case


def test_deadline_policy_meets_the_clock_that_can_be_met() -> None:
    soon = asylum("111111111", date(2024, 6, 1), asylum_filed=date(2024, 5, 20))  # 16 Nov
    later = asylum("222222222", date(2024, 1, 1), asylum_filed=date(2024, 6, 1))  # 28 Nov
    proposal = schedule([soon, later], policy=Policy.DEADLINE)
    assert proposal.deadlines_met == 2
    oldest = schedule([soon, later], policy=Policy.OLDEST)
    assert oldest.deadlines_met == 2  # room for both in this small court


# Properties ----------------------------------------------------------------------------------

KINDS = (
    "removal",
    "asylum",
    "cancellation",
    "adjustment",
    "asylum_only",
    "bond",
    "fear_review",
    "motion",
)

cases_strategy = st.lists(
    st.builds(
        lambda n, kind, detained, juvenile, served, override, lang: Case(
            f"{100000000 + n:09d}",
            "Someone",
            kind,
            date(2024, 1, 1) + timedelta(days=n % 200),
            detained=detained,
            juvenile=juvenile,
            nta_served=served,
            remaining_minutes=override,
            language=lang,
        ),
        st.integers(0, 10**6),
        st.sampled_from(KINDS),
        st.booleans(),
        st.booleans(),
        st.none() | st.dates(date(2024, 10, 1), date(2024, 11, 30)),
        st.none() | st.integers(10, 400),
        st.sampled_from(("Spanish", "Mam", "English")),
    ),
    max_size=40,
    unique_by=lambda c: c.a_number,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cases=cases_strategy,
    policy=st.sampled_from(list(Policy)),
    first=st.dates(date(2024, 11, 1), date(2024, 11, 30)),
    buffer=st.integers(0, 15),
    booked=st.lists(
        st.builds(
            lambda day, minute, length: Hearing(
                "999999999", at(day, 8) + timedelta(minutes=minute), length, M
            ),
            st.integers(1, 30),
            st.integers(0, 500),
            st.integers(5, 200),
        ),
        max_size=15,
    ),
)
def test_every_proposed_hearing_is_a_valid_placement(cases, policy, first, buffer, booked) -> None:  # type: ignore[no-untyped-def]
    booked = [
        Hearing(h.a_number, h.start, h.minutes, h.kind, id=n + 1) for n, h in enumerate(booked)
    ]
    proposal = schedule(cases, first=first, policy=policy, hearings=booked, buffer_minutes=buffer)
    by_number = {case.a_number: case for case in cases}
    new = [
        Hearing(p.a_number, p.start, p.minutes, p.kind, id=-(n + 1))
        for n, p in enumerate(proposal.proposed)
    ]
    everything = booked + new
    cal = calendar()
    for hearing in new:
        case = by_number[hearing.a_number]
        # inside a session of its kind; no holiday, closure, leave, overlap, notice period; not
        # shorter than the judge's floor for the kind
        refusal = check_placement(JUDGE, cal, hearing, case, everything)
        assert refusal is None, refusal
        assert hearing.start.date() >= first
        # a buffer from every other hearing that day
        for other in everything:
            if other is not hearing and other.start.date() == hearing.start.date():
                gap = max(other.start - hearing.end, hearing.start - other.end)
                assert gap >= timedelta(minutes=buffer)
    # each case's proposed hearings fall on distinct days, in order, and a completed case gets
    # at least its estimate
    for a_number in {h.a_number for h in new}:
        mine = [h for h in new if h.a_number == a_number]
        days = [h.start.date() for h in mine]
        assert days == sorted(set(days))
        case = by_number[a_number]
        if a_number not in {u.a_number for u in proposal.unplaced}:
            estimate = case.remaining_minutes or JUDGE.case_minutes[case.kind].default
            assert sum(h.minutes for h in mine) >= estimate
    assert proposal.completions_by_fy_end + len(proposal.unplaced) == proposal.cases
    assert all(h.status is HearingStatus.SCHEDULED for h in new)


def test_interpreter_blocks_take_only_their_language() -> None:
    # Thu 7 Nov afternoon has a Mam interpreter: the Spanish case's merits hearing waits for the
    # open Friday afternoon, the Mam case's takes Thursday.
    sessions = tuple(
        replace(s, language="Mam") if (s.weekday, s.kind) == (3, SessionKind.INDIVIDUAL) else s
        for s in JUDGE.sessions
    )
    judge = replace(JUDGE, sessions=sessions)
    spanish = asylum("111111111", date(2024, 1, 2), language="Spanish")
    mam = asylum("222222222", date(2024, 6, 3), language="mam")
    cal = CourtCalendar(judge, CLOSURES, LEAVE, FIRST, LAST)
    proposal = propose(judge, cal, [spanish, mam], [], date(2024, 11, 1), Policy.OLDEST)
    assert placed(proposal) == [
        ("111111111", at(4, 8, 30), 15, M),
        ("222222222", at(4, 8, 50), 15, M),
        ("222222222", at(7, 13), 180, I),
        ("111111111", at(8, 13), 180, I),
    ]


def test_a_merits_hearing_longer_than_a_session_is_heard_in_parts() -> None:
    # 400 minutes: a 15-minute master hearing and 385 of merits, in two parts of 195 (each
    # fits the 210-minute afternoon), on Thu 7 and Fri 8 Nov.
    long = asylum("111111111", date(2024, 1, 2), remaining_minutes=400)
    assert placed(schedule([long])) == [
        ("111111111", at(4, 8, 30), 15, M),
        ("111111111", at(7, 13), 195, I),
        ("111111111", at(8, 13), 195, I),
    ]


def test_no_session_open_to_the_case_says_so() -> None:
    judge = replace(
        JUDGE, sessions=tuple(s for s in JUDGE.sessions if s.kind is not SessionKind.MASTER)
    )
    cal = CourtCalendar(judge, CLOSURES, LEAVE, FIRST, LAST)
    proposal = propose(
        judge, cal, [asylum("111111111", date(2024, 1, 2))], [], FIRST, Policy.OLDEST
    )
    [unplaced] = proposal.unplaced
    assert "needs a master session open to English cases, and there is none" in unplaced.reason


def test_rare_languages_back_to_back_trade_one_completion_and_say_so() -> None:
    """Mondays 09:00-11:00 only, two of them (4 and 18 Nov; 11 Nov is Veterans Day): room for
    eight 25-minute motions with their 5-minute buffers. The oldest case and the youngest are
    Pashto (a contract interpreter's language); the youngest's motion takes 55 minutes.

    Oldest first, the oldest Pashto case and the seven English ones fill both mornings: eight
    completions, and the interpreter is booked for one hearing. With the Pashto hearings back to
    back (one booking, 09:00-10:25 on 4 Nov) the 55-minute motion takes two English cases' room:
    seven, and the proposal says it costs one."""
    from planner.domain.judge import Judge, Session

    judge = Judge("Ana Ruiz", sessions=(Session(0, time(9), time(11), SessionKind.MASTER),))
    court = CourtCalendar(judge, (), (), date(2024, 11, 4), date(2024, 11, 18))

    def motion(a_number: str, month: int, language: str = "English", **more: object) -> Case:
        return Case(a_number, "R", "motion", date(2024, month, 1), language=language, **more)  # type: ignore[arg-type]

    cases = [
        motion("100000001", 1, "Pashto"),
        *(motion(f"20000000{n}", 1 + n) for n in range(1, 8)),
        motion("300000001", 10, "Pashto", remaining_minutes=55),
    ]
    first = date(2024, 11, 4)
    plain = propose(judge, court, cases, [], first, Policy.OLDEST, Options(notice_days=0))
    assert plain.completions_by_fy_end == 8
    assert [u.a_number for u in plain.unplaced] == ["300000001"]
    assert plain.grouping_cost is None
    assert "rare_languages_back_to_back" not in plain.as_json()

    options = Options(notice_days=0, group_rare_languages=True)
    grouped = propose(judge, court, cases, [], first, Policy.OLDEST, options)
    assert [(p.a_number, p.start, p.minutes) for p in grouped.proposed[:3]] == [
        ("100000001", at(4, 9, 0), 25),
        ("300000001", at(4, 9, 30), 55),  # the same interpreter, straight after
        ("200000001", at(4, 10, 30), 25),
    ]
    assert grouped.completions_by_fy_end == 7
    assert [u.a_number for u in grouped.unplaced] == ["200000006", "200000007"]
    assert grouped.grouping_cost == 1
    assert grouped.grouping_text() == (
        "Pashto hearings back to back: costs 1 completion by fiscal-year end (7 instead of 8)."
    )
    assert grouped.as_json()["rare_languages_back_to_back"] == {
        "languages": ["Pashto"],
        "completions_without": 8,
        "completions_cost": 1,
    }
