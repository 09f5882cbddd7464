"""The docket table's filters in SQL select exactly the cases the filter's words describe.

Each filter is also evaluated here in Python over the stored docket, case by case; the ids the
store finds (and its count) must be those.
"""

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from random import Random

import pytest

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.rules import BUILT_IN
from planner.domain.vocabulary import (
    ASYLUM_CLOCK_DAYS,
    CaseStatus,
    CompletionKind,
    HearingKind,
    HearingStatus,
)
from planner.services import docket as docket_service
from planner.store.database import Database
from planner.store.listing import DocketFilter, SortKey
from tests.conftest import ENGINES, open_on

NOW = datetime(2026, 11, 25, 10, 30)
NAMES = ["Ana Pérez", "ANA perez", "Li 50%_off", "O'Brien", "Zoë Ålund", "Kofi Mensah"]
LANGUAGES = ["Spanish", "Mam", "French"]


def _docket() -> Docket:
    rng = Random(7)
    cases, hearings = [], []
    for i in range(240):
        completed = rng.random() < 0.2
        kind = rng.choice(["asylum", "removal", "motion"])
        a_number = f"{200_000_000 + i * 7_919:09d}"
        cases.append(
            Case(
                a_number,
                f"{rng.choice(NAMES)} {i}",
                kind,
                NOW.date() - timedelta(days=rng.randrange(1, 900)),
                detained=rng.random() < 0.3,
                juvenile=rng.random() < 0.2,
                language=rng.choice(LANGUAGES),
                represented=rng.random() < 0.6,
                status=CaseStatus.COMPLETED if completed else CaseStatus.PENDING,
                completion_date=NOW.date() if completed else None,
                completion_kind=CompletionKind.RELIEF_GRANTED if completed else None,
                asylum_filed=(
                    NOW.date() - timedelta(days=rng.randrange(100, 200))
                    if kind == "asylum" and rng.random() < 0.8
                    else None
                ),
                dedicated_docket=i % 4 == 0,  # no draw: the other values stay as they were
            )
        )
        for _ in range(rng.choice([0, 0, 1, 2])):
            start = datetime.combine(NOW.date() + timedelta(days=rng.randrange(-30, 60)), time(9))
            if start.date() == NOW.date():
                start = start.replace(hour=rng.choice([8, 10, 11]))  # before, at and after now
            adjourned = rng.random() < 0.3
            hearings.append(
                Hearing(
                    a_number,
                    start,
                    60,
                    HearingKind.MASTER,
                    HearingStatus.ADJOURNED if adjourned else HearingStatus.SCHEDULED,
                    "interpreter unavailable" if adjourned else None,
                )
            )
    # Two families on the Dedicated Docket, just received, their first master hearing held
    # (adjourned) or booked: 300 days from it end before their 365 non-detained days.
    for i, (days, status) in enumerate(((-5, HearingStatus.ADJOURNED), (12, None))):
        a_number = f"{300_000_000 + i:09d}"
        cases.append(
            Case(a_number, f"Family {i}", "removal", NOW.date() - timedelta(days=20),
                 dedicated_docket=True)
        )  # fmt: skip
        start = datetime.combine(NOW.date() + timedelta(days=days), time(9))
        reason = "interpreter unavailable" if status else None
        hearings.append(
            Hearing(a_number, start, 15, HearingKind.MASTER, status or HearingStatus.SCHEDULED,
                    reason)
        )  # fmt: skip
    return Docket(Judge("Ruiz"), cases=tuple(cases), hearings=tuple(hearings))


@pytest.fixture(scope="module", params=ENGINES)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, int, Docket]]:
    """The docket stored on each engine: the same statements, rendered for each."""
    for database in open_on(request.param, request, tmp_path_factory.mktemp("listing")):
        docket = _docket()
        with database.transaction() as repo:
            judge_id = repo.add_docket(docket)
        yield database, judge_id, docket


def _coming(docket: Docket, a_number: str) -> bool:
    return any(
        h.a_number == a_number and h.status == HearingStatus.SCHEDULED and h.start >= NOW
        for h in docket.hearings
    )


Rule = Callable[[Case, Docket], bool]

FILTERS: list[tuple[DocketFilter, Rule]] = [
    (DocketFilter(), lambda c, d: c.status == CaseStatus.PENDING),
    (DocketFilter(status=None), lambda c, d: True),
    (DocketFilter(status=CaseStatus.COMPLETED), lambda c, d: c.status == CaseStatus.COMPLETED),
    (DocketFilter(status=None, kind="motion"), lambda c, d: c.kind == "motion"),
    (DocketFilter(status=None, language="Mam"), lambda c, d: c.language == "Mam"),
    (DocketFilter(status=None, detained=True), lambda c, d: c.detained),
    (DocketFilter(status=None, juvenile=False), lambda c, d: not c.juvenile),
    (DocketFilter(status=None, represented=True), lambda c, d: c.represented),
    (DocketFilter(status=None, has_hearing=True), lambda c, d: _coming(d, c.a_number)),
    (DocketFilter(status=None, has_hearing=False), lambda c, d: not _coming(d, c.a_number)),
    (
        DocketFilter(status=None, deadline_within_days=30),
        lambda c, d: (
            c.asylum_filed is not None
            and c.asylum_filed + timedelta(days=ASYLUM_CLOCK_DAYS)
            <= NOW.date() + timedelta(days=30)
        ),
    ),
    # names: whatever the case and the accents; SQL's wildcards are plain characters
    (
        DocketFilter(status=None, text="ana PÉREZ"),
        lambda c, d: c.name.startswith(("Ana P", "ANA p")),
    ),
    (DocketFilter(status=None, text="perez"), lambda c, d: c.name.startswith(("Ana P", "ANA p"))),
    (DocketFilter(status=None, text="ZOE alund"), lambda c, d: c.name.startswith("Zoë Ålund")),
    (DocketFilter(status=None, text="50%_"), lambda c, d: "50%_" in c.name),
    (DocketFilter(status=None, text="%"), lambda c, d: "%" in c.name),
    (DocketFilter(status=None, text="o'brien"), lambda c, d: "o'brien" in c.name.lower()),
    # A-numbers in any spelling, or a part of one
    (DocketFilter(status=None, text="A200-007-919"), lambda c, d: c.a_number == "200007919"),
    (DocketFilter(status=None, text=" 7919 "), lambda c, d: "7919" in c.a_number),
    (
        DocketFilter(text="2000", detained=False, language="Spanish"),
        lambda c, d: (
            "2000" in c.a_number
            and c.status == CaseStatus.PENDING
            and not c.detained
            and c.language == "Spanish"
        ),
    ),
]


@pytest.mark.parametrize(("where", "rule"), FILTERS, ids=[repr(f) for f, _ in FILTERS])
def test_a_filter_finds_the_cases_it_describes(
    stored: tuple[Database, int, Docket], where: DocketFilter, rule: Rule
) -> None:
    database, judge_id, docket = stored
    found = docket_service.find_cases(database, judge_id, where, now=NOW)
    rows = docket_service.case_rows(database, found, now=NOW)
    expected = {c.a_number for c in docket.cases if rule(c, docket)}
    assert {row.a_number for row in rows} == expected
    assert len(found) == len(expected) == docket_service.count_cases(database, judge_id, where, NOW)


def test_a_row_shows_the_next_hearing_still_to_come_and_the_stored_values(
    stored: tuple[Database, int, Docket],
) -> None:
    database, judge_id, docket = stored
    ids = docket_service.find_cases(database, judge_id, DocketFilter(status=None), SortKey.A_NUMBER)
    rows = docket_service.case_rows(database, ids, now=NOW)
    by_number = {case.a_number: case for case in docket.cases}
    assert [row.a_number for row in rows] == sorted(by_number)
    for row in rows:
        case = by_number[row.a_number]
        coming = [
            h.start
            for h in docket.hearings
            if h.a_number == case.a_number
            and h.status == HearingStatus.SCHEDULED
            and h.start >= NOW
        ]
        assert row.next_hearing == (min(coming) if coming else None)
        assert (row.name, row.kind, row.language) == (case.name, case.kind, case.language)
        assert (row.detained, row.juvenile, row.represented) == (
            case.detained,
            case.juvenile,
            case.represented,
        )
        assert (row.received, row.status, row.asylum_filed) == (
            case.received,
            case.status,
            case.asylum_filed,
        )
        assert isinstance(row.received, date)
        assert isinstance(row.detained, bool)


@pytest.mark.parametrize("rule_set", ["2025", "2018"])
def test_the_target_sort_follows_the_domains_clock_ends(
    stored: tuple[Database, int, Docket], rule_set: str
) -> None:
    """Sorted by days to the target, in SQL on each engine: the order of the nearest age
    target's end as the domain computes it (``age_deadline``), cases without one last. Under
    the 2018 metrics only motions (20 days) and asylum applications (180) have a clock."""
    database, judge_id, _docket = stored
    where = DocketFilter(status=None, rules=BUILT_IN[rule_set])
    for descending in (False, True):
        ids = docket_service.find_cases(database, judge_id, where, SortKey.TARGET, descending, NOW)
        rows = docket_service.case_rows(database, ids, now=NOW)
        ends = [(row.target_end(where.rules), row.id) for row in rows]
        dated = [e for e in ends if e[0] is not None]
        assert ends[: len(dated)] == dated  # the cases without a clock last
        assert [d for d, _ in dated] == sorted((d for d, _ in dated), reverse=descending)
        if rule_set == "2018":
            assert {row.kind for row in rows if row.target_end(where.rules)} <= {
                "motion",
                "asylum",
            }
        else:
            assert len(dated) == len(rows)
            # The Dedicated Docket's 300 days from the first master hearing are the nearest
            # clock of some cases, so the sort reads it too.
            nearest = [
                row
                for row in rows
                if row.dedicated_docket
                and row.first_master is not None
                and row.target_end(where.rules) == row.first_master + timedelta(days=300)
            ]
            assert nearest


def test_the_will_miss_filter_is_the_services_set_bound_as_a_list(
    stored: tuple[Database, int, Docket],
) -> None:
    database, judge_id, _docket = stored
    every = docket_service.find_cases(database, judge_id, DocketFilter(), now=NOW)
    chosen = frozenset(every[::5])
    where = DocketFilter(will_miss=chosen, detained=True)
    found = docket_service.find_cases(database, judge_id, where, now=NOW)
    rows = docket_service.case_rows(database, found, now=NOW)
    assert set(found) == {row.id for row in rows if row.detained} <= chosen
    assert {
        row.id for row in docket_service.case_rows(database, list(chosen), NOW) if row.detained
    } == set(found)
    assert (
        docket_service.find_cases(database, judge_id, DocketFilter(will_miss=frozenset()), now=NOW)
        == []
    )
