"""Court-wide closures on a real database: entered once, on every judge of the court's calendar,
counted by the forecast and kept off by the placement rules and the scheduler; a judge's own
closures stay the judge's."""

from datetime import date, datetime

import pytest

from planner.domain.docket import Docket
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.records import replace
from planner.domain.time_off import Closure
from planner.domain.vocabulary import HearingKind
from planner.scheduling.placement import Refused
from planner.services import calendar as calendar_service
from planner.services import court_closures as service
from planner.services.forecasting import forecast_judges
from planner.services.judges import calendar_of, own_calendar_of
from planner.store.database import Database
from tests.scheduling.court import JUDGE, TEMPLATE, at, case

COLE = Judge("Ben Cole", court="Los Angeles", timezone="America/Los_Angeles", sessions=TEMPLATE)
ELSEWHERE = Judge("Di Fox", court="San Diego", timezone="America/Los_Angeles", sessions=TEMPLATE)
SNOW = date(2024, 11, 4)  # a Monday
OWN = Closure(date(2024, 11, 26), "Building maintenance")


@pytest.fixture
def court(database: Database) -> dict[str, Judge]:
    stored = {}
    with database.transaction() as repo:
        for judge, closures in ((JUDGE, (OWN,)), (COLE, ()), (ELSEWHERE, ())):
            judge_id = repo.add_docket(Docket(judge, closures, cases=(case("100000001"),)))
            stored[judge.name] = replace(judge, id=judge_id)
    return stored


def test_a_court_closure_is_on_every_judge_of_the_court_and_no_other(database, court) -> None:  # type: ignore[no-untyped-def]
    assert service.save_court_closures(database, " Los Angeles ", [Closure(SNOW, "Snow")]) == []
    ruiz, cole, fox = (court[n].id for n in ("Ana Ruiz", "Ben Cole", "Di Fox"))
    assert calendar_of(database, ruiz)[0] == [Closure(SNOW, "Snow (whole court)"), OWN]
    assert calendar_of(database, cole)[0] == [Closure(SNOW, "Snow (whole court)")]
    assert calendar_of(database, fox)[0] == []
    # The profile edits, and a docket file carries, the judge's own closures only.
    assert own_calendar_of(database, ruiz)[0] == [OWN]
    assert service.judges_of_court(database, "Los Angeles") == ["Ana Ruiz", "Ben Cole"]


def test_the_placement_rules_and_the_forecast_count_it(database, court) -> None:  # type: ignore[no-untyped-def]
    cole = court["Ben Cole"]
    with database.transaction() as repo:
        case_id = repo.case_ids(cole.id)["100000001"]  # type: ignore[arg-type]
    as_of = datetime(2024, 10, 1)
    before = forecast_judges(database, "Ben Cole", as_of)[0].capacity_minutes
    service.save_court_closures(database, "Los Angeles", [Closure(SNOW, "Snow")])
    after = forecast_judges(database, "Ben Cole", as_of)[0].capacity_minutes
    assert before - after == 7 * 60  # Monday's two sessions: 08:30-12:00 and 13:00-16:30
    with pytest.raises(Refused, match="Snow"):
        calendar_service.schedule_hearing(
            database, cole, case_id, at(4, 9, 0), 15, HearingKind.MASTER
        )


def test_the_scheduler_keeps_off_it(database, court) -> None:  # type: ignore[no-untyped-def]
    from planner.services import autoschedule

    open_day = autoschedule.propose_schedule(database, "Ben Cole", first=SNOW)
    assert open_day.proposed[0].start == at(4, 8, 30)  # the master hearing
    service.save_court_closures(database, "Los Angeles", [Closure(SNOW, "Snow")])
    closed = autoschedule.propose_schedule(database, "Ben Cole", first=SNOW)
    assert closed.proposed[0].start == at(7, 8, 30)  # Thursday's master calendar
    assert all(p.start.date() != SNOW for p in closed.proposed)


def test_a_court_needs_a_name_and_a_day_once(database, court) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue, match="name the court in the judge's profile"):
        service.save_court_closures(database, " ", [Closure(SNOW, "Snow")])
    with pytest.raises(InvalidValue, match="listed twice"):
        service.save_court_closures(
            database, "Los Angeles", [Closure(SNOW, "Snow"), Closure(SNOW, "Ice")]
        )
