"""The forecast's read of a docket: its workload, counted and grouped in the database.

Plain SQL on the driver's connection (``planner.store.reader``), so the first forecast needs no
SQLAlchemy. The statements apply the rules of ``planner.forecast.demand.tally_workload``, and
tests/store/test_forecast_read.py checks that they agree with it.
"""

from collections import Counter
from typing import Any

from planner.domain.judge import Judge
from planner.domain.vocabulary import OFF_DOCKET, CaseStatus, HearingStatus
from planner.forecast.demand import RECORDED_OUTCOMES
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.window import Window
from planner.store.dialect import Link
from planner.store.facts_read import sole_judge

#: Completions from the fiscal year's first day to as-of's day, of the kinds the judge counts.
_COMPLETIONS = (
    "SELECT count(*) FROM cases WHERE judge_id = :judge_id AND status = :completed "
    "AND completion_date BETWEEN :first_day AND :today "
    "AND completion_kind IN :counted"
)
#: A hearing of the case (``cases``) or the judge scheduled in the window.
_IN_WINDOW = "h.status = :scheduled AND h.start >= :as_of AND h.start < :window_end"
#: The statuses off the docket, written into the statement from the vocabulary: a list of two
#: constants, not a bound list the engine unpacks for every statement (0.2 ms for 5,000 cases).
_OFF_DOCKET = "(" + ", ".join(sorted(f"'{status.value}'" for status in OFF_DOCKET)) + ")"
#: A case received by as-of's day and not completed by then (nor off the docket).
_PENDING_NOW = (
    "cases.received <= :today AND (cases.status != :completed "
    "OR cases.completion_date IS NULL OR cases.completion_date > :today) "
    f"AND NOT (cases.status IN {_OFF_DOCKET})"
)
_PENDING = "cases.judge_id = :judge_id AND " + _PENDING_NOW
#: The pending cases (received by as-of's day and not completed by then), those alike counted
#: together; the ones with minutes booked in the window are then taken out of their group here.
_PENDING_GROUPS = (
    "SELECT kind, remaining_minutes, detained, juvenile, count(*) FROM cases WHERE "
    + _PENDING
    + " GROUP BY kind, remaining_minutes, detained, juvenile"
)
#: The same when every case is the judge's (``sole_judge``): read straight through the table.
_PENDING_GROUPS_OF_ALL = (
    "SELECT kind, remaining_minutes, detained, juvenile, count(*) FROM cases WHERE "
    + _PENDING_NOW
    + " GROUP BY kind, remaining_minutes, detained, juvenile"
)
#: Minutes of the judge's hearings scheduled in the window, by case and hearing kind, with the
#: case's kind, override and flags, and whether it is pending; by case, then hearing kind.
_BOOKED = (
    "SELECT cases.id, h.kind, sum(h.minutes), cases.kind, cases.remaining_minutes, "
    "cases.detained, cases.juvenile, " + _PENDING
)
_BY_CASE_AND_KIND = " GROUP BY cases.id, h.kind ORDER BY cases.id, h.kind"
#: The judge's cases by index, then their hearings by the (case, start) index: CROSS JOIN keeps
#: that order. Reading no more of a case than its judge keeps this as cheap as a plain sum.
_BOOKED_BY_CASE = (
    _BOOKED
    + " FROM cases CROSS JOIN hearings AS h ON h.case_id = cases.id"
    + " WHERE cases.judge_id = :judge_id AND "
    + _IN_WINDOW
    + _BY_CASE_AND_KIND
)
#: Every case the judge's: the hearings scheduled in the window, each with its case by id.
_BOOKED_OF_ALL = (
    _BOOKED
    + " FROM hearings AS h JOIN cases ON cases.id = h.case_id WHERE "
    + _IN_WINDOW
    + _BY_CASE_AND_KIND
)
#: The adjournment history: the judge's hearings that started before as-of with an outcome
#: recorded, and how many of them were adjourned.
_COUNT_OUTCOMES = "SELECT count(*), sum(CASE WHEN h.status = :adjourned THEN 1 ELSE 0 END) "
_RECORDED = "h.status IN :outcomes AND h.start < :as_of"
_OUTCOMES = (
    _COUNT_OUTCOMES
    + "FROM cases CROSS JOIN hearings AS h ON h.case_id = cases.id"
    + " WHERE cases.judge_id = :judge_id AND "
    + _RECORDED
)
_OUTCOMES_OF_ALL = (
    _COUNT_OUTCOMES + "FROM hearings AS h JOIN cases ON cases.id = h.case_id WHERE " + _RECORDED
)


def read_workload(link: Link, judge: Judge, window: Window) -> Workload:
    """The workload of ``judge``'s docket at the window's as-of."""
    assert judge.id is not None
    codec = link.dialect
    values = {
        "judge_id": judge.id,
        "as_of": codec.moment(window.as_of),
        "window_end": codec.moment(window.end),
        "first_day": codec.day(window.first),
        "today": codec.day(window.today),
        "counted": codec.ids(sorted(kind.value for kind in judge.counted_completions)),
        "completed": CaseStatus.COMPLETED.value,
        "scheduled": HearingStatus.SCHEDULED.value,
        "adjourned": HearingStatus.ADJOURNED.value,
        "outcomes": codec.ids(sorted(status.value for status in RECORDED_OUTCOMES)),
    }
    (completed,) = link.one(_COMPLETIONS, values)
    # A judge's own file is read straight through its tables, a court's by the judge's index.
    sole = sole_judge(link, judge.id)
    # The pending cases are grouped in SQL; those with minutes booked in the window, a few per
    # judge's day, are grouped again here by their minutes per hearing kind.
    plain: Counter[tuple[str, int | None, bool, bool]] = Counter()
    groups = link.rows(_PENDING_GROUPS_OF_ALL if sole else _PENDING_GROUPS, values)
    for kind, override, detained, juvenile, count in groups:
        plain[(kind, override, codec.read_flag(detained), codec.read_flag(juvenile))] += count
    by_case: dict[int, tuple[tuple[Any, ...], dict[str, int]]] = {}
    for case_id, hearing_kind, minutes, *case in link.rows(
        _BOOKED_OF_ALL if sole else _BOOKED_BY_CASE, values
    ):
        by_case.setdefault(case_id, (tuple(case), {}))[1][hearing_kind] = minutes
    booked: Counter[tuple[str, bool, bool]] = Counter()
    alike: Counter[tuple[Any, ...]] = Counter()
    for (kind, override, detained, juvenile, is_pending), by_kind in by_case.values():
        flags = (codec.read_flag(detained), codec.read_flag(juvenile))
        for hearing_kind, minutes in by_kind.items():
            booked[(hearing_kind, *flags)] += minutes
        total = sum(by_kind.values())
        if is_pending and total:
            kinds = tuple(sorted((k, m) for k, m in by_kind.items() if m))
            alike[(kind, override, *flags, total, kinds)] += 1
            plain[(kind, override, *flags)] -= 1
    pending = [
        PendingGroup(kind, override, 0, count, detained, juvenile)
        for (kind, override, detained, juvenile), count in plain.items()
        if count
    ]
    pending += [
        PendingGroup(kind, override, total, count, detained, juvenile, kinds)
        for (kind, override, detained, juvenile, total, kinds), count in alike.items()
    ]
    booked_hearings = tuple((*key, minutes) for key, minutes in booked.items() if minutes)
    recorded, adjourned = link.one(_OUTCOMES_OF_ALL if sole else _OUTCOMES, values)
    return Workload(
        completed=completed,
        pending=tuple(pending),
        booked_minutes=sum(minutes for *_, minutes in booked_hearings),
        booked_hearings=booked_hearings,
        recorded_outcomes=recorded,
        adjourned_outcomes=adjourned or 0,
    )
