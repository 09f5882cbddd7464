"""The forecast's read: the workload the store counts in SQL is the one the rules count in Python."""

import itertools
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.demo.profiles import BUSY_WEEK
from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge, KindMinutes, standard_week
from planner.domain.records import replace
from planner.domain.time_off import Leave
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.forecast.demand import tally_workload
from planner.forecast.engine import forecast
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.window import Window, window_of
from planner.services.forecasting import forecast_from, load_inputs
from planner.store.database import Database
from tests.conftest import ENGINES, open_on

_KINDS = {
    "asylum": KindMinutes(195, 120),
    "removal": KindMinutes(30, 20),
    "motion": KindMinutes(25, 15),
}
#: Moments at the fiscal year's edges and inside it, at midnight and during the day.
_AS_OF = st.sampled_from(
    [
        datetime(2026, 10, 1),
        datetime(2026, 11, 25),
        datetime(2026, 11, 25, 10, 15),
        datetime(2027, 1, 1),
        datetime(2027, 9, 30, 14, 30),
    ]
)
_NAMES = (f"Judge {n}" for n in itertools.count())


@pytest.fixture(scope="module", params=ENGINES)
def shared_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One database for every generated docket, each under a judge of its own, on each engine."""
    yield from open_on(request.param, request, tmp_path_factory.mktemp("read"))


@st.composite
def judges(draw: st.DrawFn) -> Judge:
    fy_start = draw(st.sampled_from([(10, 1), (1, 1), (7, 15)]))
    return Judge(
        name=next(_NAMES),
        timezone="America/Los_Angeles",
        quota=draw(st.integers(0, 30)),
        fy_start_month=fy_start[0],
        fy_start_day=fy_start[1],
        case_minutes=_KINDS,
        counted_completions=draw(st.frozensets(st.sampled_from(CompletionKind))),
        # Two pools (master, individual), or five (a detained day and a bond morning).
        sessions=draw(st.sampled_from([standard_week(), BUSY_WEEK])),
    )


def _day(draw: st.DrawFn, as_of: datetime, low: int, high: int) -> date:
    """A day near as-of: as-of's day and its neighbours often, else anywhere in the range."""
    offset = draw(st.sampled_from([-1, 0, 1]) | st.integers(low, high))
    return as_of.date() + timedelta(days=offset)


@st.composite
def cases(draw: st.DrawFn, as_of: datetime, a_number: str) -> Case:
    completed = draw(st.booleans())
    received = _day(draw, as_of, -800, 5)  # a few received after as-of
    # completions in the previous fiscal year, this one, and after as-of
    done = _day(draw, as_of, -500, 400) if completed else None
    return Case(
        a_number=a_number,
        name="Respondent",
        kind=draw(st.sampled_from(sorted(_KINDS))),
        received=min(received, done) if done else received,  # never completed before it
        status=CaseStatus.COMPLETED if completed else CaseStatus.PENDING,
        completion_date=done,
        completion_kind=draw(st.sampled_from(CompletionKind)) if completed else None,
        remaining_minutes=draw(st.sampled_from([None, None, 10, 45, 200])),
        detained=draw(st.booleans()),
        juvenile=draw(st.booleans()),
    )


def _moment(draw: st.DrawFn, window: Window) -> datetime:
    """A start at the window's edges, or anywhere from a month before it to a month after."""
    one = timedelta(minutes=1)
    edges = [window.as_of - one, window.as_of, window.as_of + one, window.end - one, window.end]
    if draw(st.booleans()):
        return draw(st.sampled_from(edges))
    return draw(
        st.datetimes(window.as_of - timedelta(days=30), window.end + timedelta(days=30))
    ).replace(second=0, microsecond=0)


@st.composite
def hearings(draw: st.DrawFn, window: Window, a_numbers: list[str]) -> Hearing:
    status = draw(st.sampled_from(HearingStatus))
    return Hearing(
        a_number=draw(st.sampled_from(a_numbers)),
        start=_moment(draw, window),
        minutes=draw(st.sampled_from([15, 30, 60, 180])),
        kind=draw(st.sampled_from(HearingKind)),
        status=status,
        adjournment_reason="interpreter unavailable" if status is HearingStatus.ADJOURNED else None,
    )


@st.composite
def dockets(draw: st.DrawFn) -> tuple[Docket, datetime]:
    judge, as_of = draw(judges()), draw(_AS_OF)
    a_numbers = [f"{100000001 + n}" for n in range(draw(st.integers(0, 25)))]
    docket_cases = tuple(draw(cases(as_of, a_number)) for a_number in a_numbers)
    docket_hearings = ()
    if a_numbers:
        found = st.lists(hearings(window_of(judge, as_of), a_numbers), max_size=30)
        docket_hearings = tuple(draw(found))
    leave = draw(st.sampled_from([(), (Leave.days(date(2027, 2, 1), date(2027, 2, 5)),)]))
    return Docket(judge, (), leave, docket_cases, docket_hearings), as_of


def _stored(database: Database, docket: Docket) -> Judge:
    with database.transaction() as repo:
        judge_id = repo.add_docket(docket)
    return replace(docket.judge, id=judge_id)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dockets())
def test_the_store_counts_the_workload_as_the_rules_do(
    shared_database: Database, docket_at: tuple[Docket, datetime]
) -> None:
    docket, as_of = docket_at
    judge = _stored(shared_database, docket)
    expected = tally_workload(judge, docket.cases, docket.hearings, window_of(judge, as_of))

    inputs = load_inputs(shared_database, judge, as_of)

    assert inputs.workload == expected
    assert inputs.as_of == as_of
    in_memory = forecast(
        docket.judge,
        closures=docket.closures,
        leave=docket.leave,
        cases=docket.cases,
        hearings=docket.hearings,
        as_of=as_of,
    )
    assert forecast_from(inputs).as_json() == in_memory.as_json()


def test_the_rules_at_the_edges_of_the_window(shared_database: Database) -> None:
    """A worked example of the rules, through both paths."""
    as_of = datetime(2026, 11, 25, 10, 0)
    judge = Judge(
        next(_NAMES),
        timezone="America/Los_Angeles",
        quota=10,
        case_minutes=_KINDS,
        counted_completions=frozenset({CompletionKind.REMOVAL_ORDER}),
    )
    done = CaseStatus.COMPLETED
    docket_cases = (
        # Counted: completed this fiscal year by as-of's day, with a counted kind.
        Case("100000001", "A", "removal", date(2025, 1, 1), status=done,
             completion_date=date(2026, 10, 1), completion_kind="removal_order"),
        Case("100000002", "B", "removal", date(2025, 1, 1), status=done,
             completion_date=date(2026, 11, 25), completion_kind="removal_order"),
        # Not counted, not pending: last fiscal year's, or a kind the judge does not count.
        Case("100000003", "C", "removal", date(2025, 1, 1), status=done,
             completion_date=date(2026, 9, 30), completion_kind="removal_order"),
        Case("100000004", "D", "removal", date(2025, 1, 1), status=done,
             completion_date=date(2026, 11, 1), completion_kind="transfer"),
        # Pending: completed only after as-of's day, or pending; its booked minutes
        Case("100000005", "E", "asylum", date(2025, 1, 1), status=done,
             completion_date=date(2026, 11, 26), completion_kind="removal_order"),
        Case("100000006", "F", "asylum", date(2025, 1, 1)),
        Case("100000007", "G", "asylum", date(2026, 11, 25), remaining_minutes=60),
        # Not yet on the docket: received after as-of's day (its hearing still counts as booked).
        Case("100000008", "H", "motion", date(2026, 11, 26)),
    )  # fmt: skip
    scheduled, held = HearingStatus.SCHEDULED, HearingStatus.HELD
    docket_hearings = (
        Hearing("100000005", datetime(2026, 11, 25, 10, 0), 60, "individual"),  # at as-of: in
        Hearing("100000005", datetime(2027, 9, 30, 23, 0), 60, "master"),  # last hour: in
        Hearing("100000006", datetime(2026, 11, 25, 9, 59), 60, "master"),  # before as-of: out
        Hearing("100000006", datetime(2027, 10, 1), 60, "master"),  # window's end: out
        Hearing("100000006", datetime(2027, 1, 5, 9), 30, "master", held),  # held: out
        Hearing("100000007", datetime(2027, 1, 5, 9), 15, "master", scheduled),
        Hearing("100000008", datetime(2027, 2, 1, 9), 25, "motion"),
    )
    docket = Docket(judge, (), (), docket_cases, docket_hearings)
    expected = Workload(
        completed=2,
        pending=(
            # E: its merits and master hearings in the window, each in its own pool.
            PendingGroup("asylum", None, 120, 1, booked_kinds=(("individual", 60), ("master", 60))),
            PendingGroup("asylum", None, 0, 1),
            PendingGroup("asylum", 60, 15, 1, booked_kinds=(("master", 15),)),
        ),
        booked_minutes=60 + 60 + 15 + 25,
        # By hearing kind and the case's flags (none detained or juvenile here).
        booked_hearings=(
            ("individual", False, False, 60),
            ("master", False, False, 60 + 15),
            ("motion", False, False, 25),
        ),
    )
    window = window_of(judge, as_of)
    assert window.end == datetime(2027, 10, 1)
    assert tally_workload(judge, docket_cases, docket_hearings, window) == expected
    assert (
        load_inputs(shared_database, _stored(shared_database, docket), as_of).workload == expected
    )


def test_cases_alike_are_counted_once_each(tmp_path: Path) -> None:
    """Grouping loses nothing: the forecast sees as many pending cases as the docket has."""
    as_of = datetime(2026, 11, 25)
    judge = Judge("Ortiz", timezone="America/Los_Angeles", quota=5, case_minutes=_KINDS)
    docket_cases = tuple(
        Case(f"{100000001 + n}", "R", "removal", date(2026, 1, 1)) for n in range(7)
    )
    database = Database.open(tmp_path / "alike.sqlite")
    try:
        inputs = load_inputs(database, _stored(database, Docket(judge, cases=docket_cases)), as_of)
    finally:
        database.close()
    assert inputs.workload.pending == (PendingGroup("removal", None, 0, 7),)
    assert forecast_from(inputs).pending_cases == 7
