"""The template advice in one sentence, from a forecast read from a real database."""

from datetime import date, datetime, time

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import SessionKind
from planner.forecast.advice import advice_sentence
from planner.services.forecasting import forecast_judges
from planner.store.database import Database

AS_OF = datetime(2027, 9, 13)  # Mondays left in FY 2027: 13, 20 and 27 September


def _two_pools(database: Database, quota: int) -> None:
    """Monday: master 08:30-12:00 (3 x 210 = 630 minutes left), individual 13:00-14:30
    (3 x 90 = 270); ten asylum cases of a 15-minute master and a 180-minute merits hearing."""
    judge = Judge(
        "Two pools",
        quota=quota,
        sessions=(
            Session(0, time(8, 30), time(12), SessionKind.MASTER),
            Session(0, time(13), time(14, 30), SessionKind.INDIVIDUAL),
        ),
    )
    cases = tuple(Case(f"{100000001 + n}", "R", "asylum", date(2026, 1, 1)) for n in range(10))
    with database.transaction() as repo:
        repo.add_docket(Docket(judge, cases=cases))


def test_the_sentence_names_the_full_pool_the_free_hours_and_the_best_changes(
    database: Database,
) -> None:
    """K(1) = 1: one merits hearing of 180 minutes fits in the 270 individual minutes; the ten
    needed completions' master hearings take 10 x 15 of the 630 master minutes: 480 free, 8 hours.
    An individual morning or afternoon on Tuesdays adds 630 individual minutes: 4 more."""
    _two_pools(database, quota=10)
    [forecast] = forecast_judges(database, "Two pools", as_of=AS_OF, advise=True)

    assert advice_sentence(forecast) == (
        "Individual sessions are full while master sessions have 8 free hours: adding an "
        "individual session on Tuesdays 08:30-12:00 fits 4 more completions by 30 Sep 2027; "
        "adding an individual session on Tuesdays 13:00-16:30 instead fits 4."
    )


def test_no_sentence_without_the_advice_asked_for_or_when_nothing_binds(
    database: Database,
) -> None:
    _two_pools(database, quota=10)
    [unadvised] = forecast_judges(database, "Two pools", as_of=AS_OF)
    assert advice_sentence(unadvised) == ""

    with database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Roomy", quota=1, sessions=(Session(0, time(8, 30), time(12), "master"),)),
                cases=(Case("200000001", "R", "removal", date(2026, 1, 1)),),
            )
        )
    [roomy] = forecast_judges(database, "Roomy", as_of=AS_OF, advise=True)
    assert roomy.binding_pools == ()
    assert advice_sentence(roomy) == ""
