"""The adjournment rate and what it does to demand, worked by hand (docs/forecast.md,
"Adjournments").

The judge sits Mondays 09:00-12:00; from 1 August 2027 to 30 September 2027 that is 8 sittings
of 180 minutes, C = 1,440 minutes (tests/forecast/test_known_answers.py). Quota 50, nothing
completed: 50 needed. 40 removal cases of 30 minutes (two master hearings each) are pending.
"""

from datetime import date, datetime, time

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import HearingKind, HearingStatus, SessionKind
from planner.forecast.adjournments import adjournments
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast

AS_OF = datetime(2027, 8, 1)
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)
PENDING = [Case(f"{i:09d}", f"R {i}", "removal", date(2025, 1, 1)) for i in range(1, 41)]


def _history(
    held: int, adjourned: int, on: datetime = datetime(2027, 7, 26, 9, 0)
) -> list[Hearing]:
    """Past master hearings of the pending cases, one each: ``adjourned`` of them adjourned."""
    return [
        Hearing(
            f"{i:09d}",
            on,
            15,
            HearingKind.MASTER,
            HearingStatus.ADJOURNED if i <= adjourned else HearingStatus.HELD,
            "DHS not ready" if i <= adjourned else None,
        )
        for i in range(1, held + adjourned + 1)
    ]


def _forecast(judge: Judge, hearings: list[Hearing]) -> Forecast:
    return forecast(judge, closures=[], leave=[], cases=PENDING, hearings=hearings, as_of=AS_OF)


def test_the_observed_rate_takes_over_at_the_history_wanted() -> None:
    judge = Judge("J", adjournment_rate_pct=5.0, adjournment_history=20)
    below = adjournments(judge, recorded=19, adjourned=19)
    assert (below.rate, below.source) == (0.05, "setting")
    at = adjournments(judge, recorded=20, adjourned=5)
    assert (at.rate, at.source) == (0.25, "observed")
    assert at.sittings_per_hearing == 1 / 0.75
    assert at.extra_per_hearing == 0.25 / 0.75
    capped = adjournments(judge, recorded=20, adjourned=20)
    assert (capped.rate, capped.observed_rate) == (0.9, 1.0)


def test_demand_is_counted_a_quarter_more_at_a_rate_of_one_in_five() -> None:
    """Without adjournments the 40 cases take 1,200 minutes: all fit in 1,440. At p = 0.2
    (2 of 10 outcomes, the history wanted 10) each takes 30 / 0.8 = 37.5 minutes: 1,500 in all,
    so 1,440 / 37.5 = 38 fit; 80 hearings x 0.25 = 20 extra; 1,500 x 0.2 = 300 extra minutes."""
    plain = _forecast(Judge("J", quota=50, sessions=MONDAYS), [])
    judge = Judge("J", quota=50, sessions=MONDAYS, adjournment_history=10)
    rated = _forecast(judge, _history(held=8, adjourned=2))
    assert plain.needed_minutes_at_current == 1200.0
    assert plain.max_completions_at_current_lengths == 40
    assert rated.adjournments is not None
    assert rated.adjournments.rate == 0.2
    assert rated.needed_minutes_at_current == 1500.0
    assert rated.max_completions_at_current_lengths == 38
    assert rated.hearings_to_hold == 80
    assert rated.extra_hearings == 20.0
    assert rated.extra_hearing_minutes == 300.0
    # Floors too: removal's floor 20 minutes -> 25.
    assert rated.needed_minutes_at_minimums == 40 * 25.0


def test_outcomes_from_as_of_on_are_not_history_yet() -> None:
    judge = Judge("J", quota=50, sessions=MONDAYS, adjournment_history=10)
    later = _forecast(judge, _history(held=8, adjourned=2, on=datetime(2027, 8, 2, 9, 0)))
    assert later.adjournments is not None
    assert (later.adjournments.recorded, later.adjournments.source) == (0, "setting")
    assert later.needed_minutes_at_current == 1200.0


def test_at_rate_zero_every_figure_is_the_same() -> None:
    """Outcomes recorded, none adjourned: p = 0 observed, and the forecast is the one without
    any history, figure for figure (only the history's own fields differ)."""
    judge = Judge("J", quota=50, sessions=MONDAYS, adjournment_history=10)
    plain = _forecast(judge, [])
    held = _forecast(judge, _history(held=12, adjourned=0))
    assert held.adjournments is not None
    assert held.adjournments.source == "observed"
    ignore = {"adjournment_rate_source", "adjournment_history"}
    assert {k: v for k, v in held.as_json().items() if k not in ignore} == {
        k: v for k, v in plain.as_json().items() if k not in ignore
    }
