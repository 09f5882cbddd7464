"""The age targets' placement (``completion_days``) completes each case on the day the
auto-scheduler's proposal (``propose``) does, where free time is scarce: most cases find no
room (left out before they are ordered), cases alike share what the search learnt (by needs,
the language the sessions see and the earliest day), searches for longer hearings start from
what shorter ones found full, and an interpreter's sessions are open to its language alone."""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.calendar import CourtCalendar, fiscal_year_bounds, fiscal_year_of
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import CaseStatus, HearingKind, HearingStatus, SessionKind
from planner.scheduling.autoschedule import Policy, completion_days, propose

KINDS = ("removal", "asylum", "asylum_only", "motion", "withholding_only", "bond")
LANGUAGES = ("English", "Spanish", "Pashto", "Dari", "Mam")
#: Mostly pending; the others are not the auto-scheduler's (a completed case needs its date).
STATUSES = (CaseStatus.PENDING,) * 8 + tuple(
    status for status in CaseStatus if status is not CaseStatus.COMPLETED
)
#: Sessions a template draws from: a master calendar with a case limit, an interpreter's
#: sessions (Pashto), the detained and juvenile dockets.
SESSIONS = (
    Session(0, time(9), time(10), SessionKind.MASTER),
    Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
    Session(1, time(9), time(11), SessionKind.MASTER, None, 3),
    Session(1, time(13), time(15), SessionKind.INDIVIDUAL, "Pashto"),
    Session(2, time(9), time(12, 30), SessionKind.INDIVIDUAL),
    Session(2, time(13), time(14), SessionKind.JUVENILE),
    Session(3, time(9), time(10), SessionKind.DETAINED_MASTER),
    Session(3, time(13), time(14), SessionKind.BOND),
    Session(4, time(8, 30), time(12), SessionKind.DETAINED_INDIVIDUAL),
    Session(4, time(13), time(14), SessionKind.MASTER, "Pashto"),
)


@st.composite
def crowded(draw: st.DrawFn) -> tuple[Judge, list[Case], list[Hearing], date, str]:
    """A sparse template, a first day late in the fiscal year, up to 150 cases."""
    template = draw(st.lists(st.sampled_from(SESSIONS), min_size=1, max_size=6, unique=True))
    rule_set = draw(st.sampled_from(("2025", "2018", "own")))
    judge = Judge("Ruiz", sessions=tuple(template), rule_set=rule_set)
    first = date(2027, 5, 1) + timedelta(days=draw(st.integers(0, 150)))
    cases: list[Case] = []
    hearings: list[Hearing] = []
    for i in range(draw(st.integers(0, 150))):
        a_number = f"{200000000 + i:09d}"
        received = first - timedelta(days=draw(st.integers(0, 800)))
        asylum = draw(st.one_of(st.none(), st.integers(0, 200)))
        cases.append(
            Case(
                a_number,
                f"R{i}",
                draw(st.sampled_from(KINDS)),
                received,
                detained=draw(st.booleans()),
                juvenile=draw(st.integers(0, 3)) == 0,
                language=draw(st.sampled_from(LANGUAGES)),
                status=draw(st.sampled_from(STATUSES)),
                remaining_minutes=draw(st.one_of(st.none(), st.integers(10, 400))),
                asylum_filed=None if asylum is None else received + timedelta(days=asylum),
                nta_served=draw(
                    st.one_of(st.none(), st.just(received), st.just(first - timedelta(days=3)))
                ),
            )
        )
        for _ in range(draw(st.integers(0, 1))):
            start = datetime.combine(first, time(9)) + timedelta(days=draw(st.integers(-90, 60)))
            hearings.append(
                Hearing(
                    a_number,
                    start,
                    draw(st.sampled_from((15, 60, 180))),
                    draw(st.sampled_from((HearingKind.MASTER, HearingKind.INDIVIDUAL))),
                    draw(
                        st.sampled_from(
                            (HearingStatus.SCHEDULED, HearingStatus.HELD, HearingStatus.COMPLETED)
                        )
                    ),
                )
            )
    return judge, cases, hearings, first, rule_set


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded(), st.sampled_from((Policy.DEADLINE, Policy.OLDEST)), st.booleans())
def test_the_placement_completes_each_case_when_the_proposal_does(
    docket: tuple[Judge, list[Case], list[Hearing], date, str], policy: Policy, counted: bool
) -> None:
    judge, cases, hearings, first, _rule_set = docket
    _fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(first, judge), judge)
    rules = judge.rules(first) if counted else None
    calendar = CourtCalendar(judge, [], [], first, fy_last)
    proposal = propose(judge, calendar, cases, hearings, first, policy, rules=rules)
    unplaced = {u.a_number for u in proposal.unplaced}
    expected: dict[str, date] = {}
    for proposed in proposal.proposed:
        if proposed.a_number not in unplaced:
            expected[proposed.a_number] = proposed.start.date()
    found = completion_days(judge, calendar, cases, hearings, first, policy, rules=rules)
    assert found == expected
