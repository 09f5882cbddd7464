"""The forecast's read of a docket: its workload, counted and grouped in the database."""

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from planner.domain.judge import Judge
from planner.domain.vocabulary import CaseStatus, HearingStatus
from planner.forecast.facts import PendingGroup, Workload
from planner.forecast.window import Window
from planner.store.tables import CaseRow, HearingRow

# The statements are built once; each read binds the judge and the window. They apply the rules
# of planner.forecast.demand.tally_workload, and tests/store/test_forecast_read.py checks that
# they agree with it.

_JUDGE = bindparam("judge_id")
_AS_OF = bindparam("as_of")
_WINDOW_END = bindparam("window_end")
_FIRST_DAY = bindparam("first_day")
_TODAY = bindparam("today")
_COUNTED = bindparam("counted", expanding=True)

_COMPLETED = CaseStatus.COMPLETED.value

#: Completions from the fiscal year's first day to as-of's day, of the kinds the judge counts.
_COMPLETIONS = (
    select(func.count())
    .select_from(CaseRow)
    .where(
        CaseRow.judge_id == _JUDGE,
        CaseRow.status == _COMPLETED,
        CaseRow.completion_date.between(_FIRST_DAY, _TODAY),
        CaseRow.completion_kind.in_(_COUNTED),
    )
)

_IN_WINDOW = (
    HearingRow.status == HearingStatus.SCHEDULED.value,
    HearingRow.start >= _AS_OF,
    HearingRow.start < _WINDOW_END,
)

#: Each pending case (received by as-of's day and not completed by then) with the minutes of
#: its hearings scheduled in the window ...
_PENDING_CASES = (
    select(
        CaseRow.kind,
        CaseRow.remaining_minutes,
        func.coalesce(
            select(func.sum(HearingRow.minutes))
            .where(HearingRow.case_id == CaseRow.id, *_IN_WINDOW)
            .scalar_subquery(),
            0,
        ).label("booked"),
    )
    .where(
        CaseRow.judge_id == _JUDGE,
        CaseRow.received <= _TODAY,
        or_(
            CaseRow.status != _COMPLETED,
            CaseRow.completion_date.is_(None),
            CaseRow.completion_date > _TODAY,
        ),
    )
    .subquery()
)
_ALIKE = (_PENDING_CASES.c.kind, _PENDING_CASES.c.remaining_minutes, _PENDING_CASES.c.booked)
#: ... and those alike counted together.
_PENDING_GROUPS = select(*_ALIKE, func.count()).group_by(*_ALIKE)

#: Minutes of every hearing scheduled in the window, whatever its case.
_BOOKED = (
    select(func.coalesce(func.sum(HearingRow.minutes), 0))
    .join(CaseRow, HearingRow.case_id == CaseRow.id)
    .where(CaseRow.judge_id == _JUDGE, *_IN_WINDOW)
)


def read_workload(session: Session, judge: Judge, window: Window) -> Workload:
    """The workload of ``judge``'s docket at the window's as-of."""
    params = {
        "judge_id": judge.id,
        "as_of": window.as_of,
        "window_end": window.end,
        "first_day": window.first,
        "today": window.today,
        "counted": sorted(kind.value for kind in judge.counted_completions),
    }
    return Workload(
        completed=session.scalar(_COMPLETIONS, params) or 0,
        pending=tuple(PendingGroup(*row) for row in session.execute(_PENDING_GROUPS, params)),
        booked_minutes=session.scalar(_BOOKED, params) or 0,
    )
