"""Template advice: the change of the weekly template that fits the most extra completions."""

from datetime import date, datetime, time

from planner.domain.docket import Case
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.forecast.advice import template_changes
from planner.forecast.demand import tally_workload
from planner.forecast.engine import forecast
from planner.forecast.window import window_of

AS_OF = datetime(2027, 9, 13)  # Mondays left in FY 2027: 13, 20 and 27 September


def test_turning_free_master_time_into_individual_time_fits_more_merits_hearings() -> None:
    """Monday: master 08:30-12:00 (3 x 210 = 630 minutes left), individual 13:00-14:30
    (3 x 90 = 270). Ten asylum cases (15 + 180): K(1) = 1, the individual pool binds while the
    master pool has 615 minutes free. Turning the master morning into an individual session
    leaves no master time: the cases' master hearings fit nowhere, K = 0. Adding an individual
    afternoon is impossible (Monday's afternoon is taken); an individual morning on Tuesday adds
    630 individual minutes: 900 / 180 = 5 merits hearings, 4 more completions; so does each
    other weekday's morning or afternoon (the first found is named)."""
    judge = Judge(
        "Two pools",
        quota=10,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER),
            Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
        ),
    )
    cases = [Case(f"{100000001 + n}", "R", "asylum", date(2026, 1, 1)) for n in range(10)]
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    workload = tally_workload(judge, cases, [], window_of(judge, AS_OF))

    changes = template_changes(
        judge, closures=[], leave=[], workload=workload, as_of=AS_OF, result=result
    )

    assert [(c.change, c.extra_completions) for c in changes] == [
        ("add an individual session on Tuesdays 08:30-12:00", 4),
        ("add an individual session on Tuesdays 13:00-16:30", 4),
    ]
    assert changes[0].as_json() == {
        "change": "add an individual session on Tuesdays 08:30-12:00",
        "extra_completions": 4,
    }


def test_no_advice_when_every_pool_has_room() -> None:
    judge = Judge("Roomy", quota=1, sessions=(Session(0, time(8, 30), time(12), "master"),))
    cases = [Case("100000001", "R", "removal", date(2026, 1, 1))]
    result = forecast(judge, closures=[], leave=[], cases=cases, hearings=[], as_of=AS_OF)
    workload = tally_workload(judge, cases, [], window_of(judge, AS_OF))
    assert result.binding_pools == ()
    assert (
        template_changes(
            judge, closures=[], leave=[], workload=workload, as_of=AS_OF, result=result
        )
        == ()
    )
