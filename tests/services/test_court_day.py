"""The court's day on a real database: every judge's sessions side by side, and a hearing moved
to another judge with its case, refused where the rules say no, undone and redone."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Docket
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.scheduling.placement import Refused
from planner.services import court_day as service
from planner.store.database import Database
from tests.scheduling.court import DIAZ, TEMPLATE, add_court_of_three, at

THURSDAY = date(2024, 11, 7)
FIRST, SECOND, LATER = "100000001", "100000002", "100000003"


@pytest.fixture
def court(database: Database) -> Database:
    """Thu 7 Nov: Ruiz hears FIRST at 09:00 and SECOND at 09:30; Cole hears one case at 09:00.
    Ruiz's LATER case is heard on Mon 4 Nov 09:00 and again Thu 14 Nov, Cole's court is closed
    on Mon 4 Nov. Diaz has no sessions."""
    return add_court_of_three(
        database,
        [
            (FIRST, at(7, 9, 0)),
            (SECOND, at(7, 9, 30)),
            (LATER, at(7, 10, 0)),
            (LATER, at(18, 9, 0)),
        ],
        cole_closed=date(2024, 11, 18),
        diaz=replace(DIAZ, sessions=()),
    )


def hearing_id(database: Database, judge: str, a_number: str, start: datetime) -> int:
    day = service.court_day(database, start.date())
    column = next(c for c in day.columns if c.name == judge)
    return next(
        r.hearing_id
        for s in column.day.sessions
        for r in s.rows
        if r.a_number.replace("A", "").replace("-", "") == a_number and r.start == start
    )


def times(database: Database, day: date) -> dict[str, list[str]]:
    found = service.court_day(database, day)
    return {
        c.name: [f"{r.time} {r.a_number}" for s in c.day.sessions for r in s.rows]
        for c in found.columns
    }


def test_the_day_shows_every_judge_side_by_side(court: Database) -> None:
    day = service.court_day(court, THURSDAY)
    assert [c.name for c in day.columns] == ["Ana Ruiz", "Ben Cole", "Cy Diaz"]
    assert times(court, THURSDAY)["Ana Ruiz"] == [
        "09:00 A100-000-001",
        "09:30 A100-000-002",
        "10:00 A100-000-003",
    ]
    assert day.columns[2].day.note == "No sessions in the weekly template"
    assert day.summary() == "Thursday 7 November 2024: 4 hearings before 3 judges."
    chosen = service.court_day(court, THURSDAY, ["ben cole"])
    assert [c.name for c in chosen.columns] == ["Ben Cole"]


def test_a_hearing_moves_with_its_case_and_undo_puts_it_back(court: Database) -> None:
    before = times(court, THURSDAY)
    moved = hearing_id(court, "Ana Ruiz", SECOND, at(7, 9, 30))
    done = service.move_to_judge(court, moved, "Ana Ruiz", "Ben Cole", at(7, 9, 15))
    assert times(court, THURSDAY)["Ben Cole"] == ["09:00 A200-000-001", "09:15 A100-000-002"]
    assert "A100-000-002" not in " ".join(times(court, THURSDAY)["Ana Ruiz"])
    assert done.describe() == (
        "Moved the master hearing of A100-000-002 at 09:15-09:30 on Thu 7 Nov from Ana Ruiz to "
        "Ben Cole, with its case."
    )
    service.undo_transfer(court, done)
    assert times(court, THURSDAY) == before
    service.redo_transfer(court, done)
    assert times(court, THURSDAY)["Ben Cole"][-1] == "09:15 A100-000-002"


def test_a_drop_the_rules_refuse_stores_nothing_and_says_why(court: Database) -> None:
    before = times(court, THURSDAY)
    clash = hearing_id(court, "Ana Ruiz", FIRST, at(7, 9, 0))
    refusal = service.transfer_refusal(court, clash, "Ana Ruiz", "Ben Cole")
    assert refusal is not None
    assert refusal.startswith("Not on Ben Cole's calendar: It overlaps the master hearing")
    assert service.transfer_refusal(court, clash, "Ana Ruiz", "Ben Cole", at(7, 9, 15)) is None
    with pytest.raises(Refused, match="Not on Ben Cole's calendar: It overlaps the master"):
        service.move_to_judge(court, clash, "Ana Ruiz", "Ben Cole")
    with pytest.raises(Refused, match="Not on Cy Diaz's calendar"):
        service.move_to_judge(court, clash, "Ana Ruiz", "Cy Diaz")
    with pytest.raises(InvalidValue, match="Ana Ruiz's already"):
        service.move_to_judge(court, clash, "Ana Ruiz", "Ana Ruiz", at(7, 9, 45))
    assert times(court, THURSDAY) == before


def test_the_cases_later_hearing_that_does_not_fit_is_taken_off_and_undo_restores_it(
    court: Database,
) -> None:
    moved = hearing_id(court, "Ana Ruiz", LATER, at(7, 10, 0))
    done = service.move_to_judge(court, moved, "Ana Ruiz", "Ben Cole")
    assert [h.start for h, _reason in done.taken_off] == [at(18, 9, 0)]
    assert "Building maintenance" in done.describe()
    assert times(court, date(2024, 11, 18))["Ben Cole"] == []
    service.undo_transfer(court, done)
    assert times(court, date(2024, 11, 18))["Ana Ruiz"] == ["09:00 A100-000-003"]


def test_the_court_is_the_judges_whose_profile_names_it(court: Database) -> None:
    with court.transaction() as repo:
        repo.add_docket(Docket(Judge("Di Park", court="San Diego", sessions=TEMPLATE)))
    names = [c.name for c in service.court_day(court, THURSDAY, court="los angeles ").columns]
    assert names == ["Ana Ruiz", "Ben Cole", "Cy Diaz"]
    assert [c.name for c in service.court_day(court, THURSDAY, court="San Diego").columns] == [
        "Di Park"
    ]
    assert len(service.court_day(court, THURSDAY).columns) == 4  # no court: every judge
