"""A small docket whose chart series can be worked out by hand (FY 2027, as of Wed 25 Nov 2026).

Mondays 09:00-12:00 only. Completions counted: 5 Oct, 19 Oct and 2 Nov 2026 (a change of venue
on 26 Oct and a completion in FY 2026 do not count). Pending: 10 removal cases (30 min) and
2 asylum cases (195 min). One removal case has 30 minutes booked on Mon 30 Nov (fully booked:
it completes that day on the booked line); another has 15 minutes on Mon 7 Dec (not enough).
"""

from datetime import date, datetime, time

from planner.domain.docket import Case, Hearing
from planner.domain.judge import Judge, Session
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, SessionKind
from planner.forecast.engine import forecast
from planner.forecast.report import Forecast
from planner.services.chart_data import ChartData, compute_chart_data

NOW = datetime(2026, 11, 25, 10, 0)
MONDAYS = (Session(0, time(9), time(12), SessionKind.MASTER),)
JUDGE = Judge("Hand Worked", court="Test", quota=30, sessions=MONDAYS, rule_set="2018")


def _done(number: int, day: date, kind: CompletionKind = CompletionKind.REMOVAL_ORDER) -> Case:
    return Case(
        f"{number:09d}",
        f"Done {number}",
        "removal",
        date(2025, 1, 1),
        status=CaseStatus.COMPLETED,
        completion_date=day,
        completion_kind=kind,
    )


CASES = (
    _done(101, date(2026, 10, 5)),
    _done(102, date(2026, 10, 19)),
    _done(103, date(2026, 11, 2)),
    _done(104, date(2026, 10, 26), CompletionKind.CHANGE_OF_VENUE),
    _done(105, date(2026, 9, 1)),
    # Pending removal cases, received: 3 in the last 6 months, 4 a year and a half ago, 3 long ago.
    *(Case(f"{200 + i:09d}", f"Removal {i}", "removal", date(2026, 9, 1)) for i in range(3)),
    *(Case(f"{300 + i:09d}", f"Removal {i}", "removal", date(2025, 5, 1)) for i in range(4)),
    *(Case(f"{400 + i:09d}", f"Removal {i}", "removal", date(2020, 1, 1)) for i in range(3)),
    Case("000000501", "Asylum 1", "asylum", date(2024, 6, 1)),
    Case("000000502", "Asylum 2", "asylum", date(2024, 6, 1)),
    Case("000000601", "Not yet received", "removal", date(2026, 12, 1)),
)
HEARINGS = (
    Hearing("000000200", datetime(2026, 11, 30, 9, 0), 30, HearingKind.MASTER),
    Hearing("000000201", datetime(2026, 12, 7, 9, 0), 15, HearingKind.MASTER),
)


def hand_forecast(judge: Judge = JUDGE, cases: tuple[Case, ...] = CASES) -> Forecast:
    return forecast(judge, closures=(), leave=(), cases=cases, hearings=HEARINGS, as_of=NOW)


def hand_data(judge: Judge = JUDGE, cases: tuple[Case, ...] = CASES) -> ChartData:
    return compute_chart_data(
        judge,
        closures=(),
        leave=(),
        cases=cases,
        hearings=HEARINGS,
        forecast=hand_forecast(judge, cases),
        as_of=NOW,
    )
