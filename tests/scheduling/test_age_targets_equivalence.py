"""The age targets' projection, made fast (the auto-scheduler's placement without the proposal's
report, one pass over the cases for every target), gives what it gave before on any docket:
the reference below is the projection as it was, through ``propose`` and target by target."""

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.domain.calendar import CourtCalendar, fiscal_year_bounds, fiscal_year_of
from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.rules import (
    BUILT_IN,
    CaseClockFacts,
    RuleSet,
    TargetProjection,
    clock_base,
    clock_start,
    passes_on,
)
from planner.domain.stored_case import StoredCase
from planner.domain.vocabulary import (
    OFF_DOCKET,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingStatus,
    SessionKind,
    hearings_of_kind,
)
from planner.scheduling.age_targets import attainment, projected_completions
from planner.scheduling.autoschedule import Policy, propose
from planner.scheduling.plans import legal_deadline, unscheduled_needs

AS_OF = datetime(2026, 11, 25, 10, 0)
#: Every weekday a session or two of a kind, the juvenile docket on Tuesdays: cases are set
#: day after day from as-of on, so some complete on the very day their clock ends.
SESSIONS = (
    Session(0, time(9), time(10), SessionKind.MASTER),
    Session(0, time(13), time(16, 30), SessionKind.INDIVIDUAL),
    Session(1, time(9), time(10), SessionKind.JUVENILE),
    Session(2, time(9), time(12, 30), SessionKind.INDIVIDUAL),
    Session(3, time(13), time(14), SessionKind.DETAINED_MASTER),
    Session(3, time(9), time(10), SessionKind.BOND),
    Session(4, time(8, 30), time(12), SessionKind.DETAINED_INDIVIDUAL),
)
KINDS = ("removal", "asylum", "asylum_only", "motion", "withholding_only", "bond")


def reference_completions(
    judge: Judge,
    cases: list[Case],
    hearings: list[Hearing],
    as_of: datetime,
    rules: RuleSet | None,
) -> dict[str, date | None]:
    """``projected_completions`` as it was: the deadline policy's whole proposal, the last
    proposed hearing of each case it does not leave out."""
    today = as_of.date()
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(today, judge), judge)
    end = datetime.combine(fy_last + timedelta(days=1), time())
    found: dict[str, date | None] = {}
    pending: dict[str, Case] = {}
    for case in cases:
        done = case.completion_date
        if case.status is CaseStatus.COMPLETED and done is not None and done <= today:
            if fy_first <= done and case.completion_kind in judge.counted_completions:
                found[case.a_number] = done
        elif case.received <= today and case.status not in OFF_DOCKET:
            pending[case.a_number] = case
    last_booked: dict[str, Hearing] = {}
    for hearing in hearings:
        if (
            hearing.status is HearingStatus.SCHEDULED
            and as_of <= hearing.start < end
            and hearing.a_number in pending
        ):
            seen = last_booked.get(hearing.a_number)
            if seen is None or hearing.start > seen.start:
                last_booked[hearing.a_number] = hearing
    for a_number, hearing in last_booked.items():
        ending = hearings_of_kind(pending[a_number].kind)[-1]
        found[a_number] = hearing.start.date() if hearing.kind is ending else None
    rest = [case for a_number, case in pending.items() if a_number not in last_booked]
    if rest:
        first = today if as_of.time() == time() else today + timedelta(days=1)
        if first <= fy_last:
            calendar = CourtCalendar(judge, [], [], first, fy_last)
            proposal = propose(judge, calendar, rest, hearings, first, Policy.DEADLINE, rules=rules)
            unplaced = {u.a_number for u in proposal.unplaced}
            for proposed in proposal.proposed:
                if proposed.a_number not in unplaced:
                    found[proposed.a_number] = proposed.start.date()
        for case in rest:
            found.setdefault(case.a_number, None)
    return found


def reference_attainment(
    rules: RuleSet, cases: list[Case], completions: dict[str, date | None], fy_last: date
) -> tuple[TargetProjection, ...]:
    """``attainment`` as it was: target by target, each case's clock facts made again."""
    by_number = {case.a_number: case for case in cases}
    results = []
    for target in rules.targets:
        met = decided = missing = 0
        first_miss: date | None = None
        for a_number, done in completions.items():
            case = by_number[a_number]
            facts = CaseClockFacts(
                case.kind, case.detained, case.received, case.asylum_filed, case.nta_served
            )
            start = clock_start(target, facts)
            if start is None:
                continue
            deadline = start + timedelta(days=target.days)
            passes = passes_on(target, start)
            if done is not None and done <= fy_last:
                decided += 1
                if done <= deadline:
                    met += 1
                    continue
            elif passes <= fy_last:
                decided += 1
            else:
                continue
            if case.status is CaseStatus.PENDING:
                missing += 1
                first_miss = passes if first_miss is None else min(first_miss, passes)
        results.append(
            TargetProjection(
                target, 100 * met / decided if decided else None, missing, first_miss, met, decided
            )
        )
    return tuple(results)


@st.composite
def dockets(draw: st.DrawFn) -> tuple[list[Case], list[Hearing]]:
    count = draw(st.integers(0, 40))
    cases: list[Case] = []
    hearings: list[Hearing] = []
    for i in range(count):
        a_number = f"{100000000 + i:09d}"
        # Received about one of the clocks' days (20, 60, 180, 365) before as-of's week, or
        # any day of two years and a half.
        clock = draw(st.sampled_from((20, 60, 180, 365)))
        received = draw(
            st.one_of(
                st.just(AS_OF.date() - timedelta(days=clock)).map(
                    lambda day: day + timedelta(days=draw(st.integers(-3, 12)))
                ),
                st.integers(0, 900).map(lambda n: date(2024, 6, 1) + timedelta(days=n)),
            )
        )
        received = min(received, AS_OF.date() + timedelta(days=30))
        asylum = draw(st.one_of(st.none(), st.integers(0, 200)))
        status = draw(st.sampled_from((CaseStatus.PENDING,) * 6 + tuple(CaseStatus)))
        done = None
        kind_done = None
        if status is CaseStatus.COMPLETED:
            done = received + timedelta(days=draw(st.integers(0, 300)))
            kind_done = draw(st.sampled_from(tuple(CompletionKind)))
        cases.append(
            Case(
                a_number,
                f"R{i}",
                draw(st.sampled_from(KINDS)),
                received,
                detained=draw(st.booleans()),
                juvenile=draw(st.integers(0, 2)) == 0,
                language=draw(st.sampled_from(("English", "Spanish", "Pashto"))),
                status=status,
                completion_date=done,
                completion_kind=kind_done,
                remaining_minutes=draw(st.one_of(st.none(), st.integers(10, 400))),
                asylum_filed=None if asylum is None else received + timedelta(days=asylum),
                nta_served=draw(st.one_of(st.none(), st.just(received))),
            )
        )
        for _ in range(draw(st.integers(0, 2))):
            start = datetime(2026, 11, 30, 9) + timedelta(days=draw(st.integers(-60, 200)))
            hearings.append(
                Hearing(
                    a_number,
                    start,
                    15,
                    draw(st.sampled_from((HearingKind.MASTER, HearingKind.INDIVIDUAL))),
                    draw(
                        st.sampled_from(
                            (HearingStatus.SCHEDULED, HearingStatus.HELD, HearingStatus.COMPLETED)
                        )
                    ),
                )
            )
    return cases, hearings


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets(), st.sampled_from(("2025", "2018", "own")), st.integers(0, 3))
def test_the_projection_is_what_it_was(
    docket: tuple[list[Case], list[Hearing]], rule_set: str, days_on: int
) -> None:
    cases, hearings = docket
    judge = Judge("Ruiz", sessions=SESSIONS, rule_set=rule_set)
    as_of = AS_OF + timedelta(days=days_on, hours=days_on % 2 * 14)
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(as_of.date(), judge), judge)
    rules = judge.rules(fy_first)
    for counted in (rules, None):
        found = projected_completions(judge, [], [], cases, hearings, as_of, counted)
        assert found == reference_completions(judge, cases, hearings, as_of, counted)
        assert attainment(rules, cases, found, fy_last) == reference_attainment(
            rules, cases, found, fy_last
        )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets())
@example(  # two cases alike but for the juvenile docket: they need different sessions
    (
        [
            Case("100000001", "A", "removal", date(2026, 1, 1)),
            Case("100000002", "B", "removal", date(2026, 1, 1), juvenile=True),
        ],
        [],
    )
)
def test_what_each_case_needs_is_worked_out_as_if_it_were_alone(
    docket: tuple[list[Case], list[Hearing]],
) -> None:
    """The needs are worked out once per shape of case: each is what the case alone gets."""
    cases, hearings = docket
    judge = Judge("Ruiz", sessions=SESSIONS)
    first = date(2026, 11, 26)
    longest = {SessionKind.INDIVIDUAL: 210, SessionKind.DETAINED_INDIVIDUAL: 150}
    rules = judge.rules(date(2026, 10, 1))
    together = unscheduled_needs(
        judge, cases, hearings, first, longest_session=longest, rules=rules
    )
    alone = [
        need
        for case in cases
        for need in unscheduled_needs(
            judge, [case], hearings, first, longest_session=longest, rules=rules
        )
    ]
    assert together == alone


def _facts(case: Case) -> StoredCase:
    return StoredCase(*(getattr(case, name) for name in StoredCase._fields))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets(), st.sampled_from(("2025", "2018", "own")), st.integers(0, 3))
def test_the_projection_from_the_cases_facts_is_the_projection_from_the_cases(
    docket: tuple[list[Case], list[Hearing]], rule_set: str, days_on: int
) -> None:
    """What the store hands the projection (``StoredCase``, plain values) gives what the cases
    give."""
    cases, hearings = docket
    facts = [_facts(case) for case in cases]
    judge = Judge("Ruiz", sessions=SESSIONS, rule_set=rule_set)
    as_of = AS_OF + timedelta(days=days_on, hours=days_on % 2 * 14)
    fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(as_of.date(), judge), judge)
    rules = judge.rules(fy_first)
    found = projected_completions(judge, [], [], facts, hearings, as_of, rules)
    assert found == projected_completions(judge, [], [], cases, hearings, as_of, rules)
    assert attainment(rules, facts, found, fy_last) == attainment(rules, cases, found, fy_last)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockets(), st.sampled_from(("2025", "2018", "own", None)))
def test_each_deadline_is_the_cases_legal_deadline(
    docket: tuple[list[Case], list[Hearing]], rule_set: str | None
) -> None:
    """The deadlines are worked out once per kind and detention: each is ``legal_deadline``'s,
    the nearest of the case's clocks, with the rule set's age clocks where they count."""
    cases, hearings = docket
    judge = Judge("Ruiz", sessions=SESSIONS, rule_set=rule_set or "2025")
    rules = None if rule_set is None else judge.rules(date(2026, 10, 1))
    needs = unscheduled_needs(judge, cases, hearings, date(2026, 11, 26), rules=rules)
    for need in needs:
        assert need.deadline == legal_deadline(need.case, rules), need.case


@given(
    st.sampled_from(KINDS),
    st.booleans(),
    st.dates(date(2015, 1, 1), date(2030, 1, 1)),
    st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 1, 1))),
)
def test_a_clock_starts_on_the_day_its_base_names(
    kind: str, detained: bool, received: date, filed: date | None
) -> None:
    facts = CaseClockFacts(kind, detained, received, filed)
    for rules in BUILT_IN.values():
        for target in rules.targets:
            base = clock_base(target, kind, detained)
            expected = None if base is None else getattr(facts, base)
            assert clock_start(target, facts) == expected
