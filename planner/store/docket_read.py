"""Reading cases and hearings as the model has them: a judge's whole docket, one case, a case's
hearings. The facts of a judge's cases and hearings that the age targets' projection reads are
read by ``planner.store.facts_read``, the calendar's entries by ``planner.store.calendar_read``.

Plain SQL on the read path (``planner.store.dialect``), on either engine; a ``Repository``
reads through the same statements on its transaction's own connection.
"""

from planner.domain.docket import Case, Hearing
from planner.store.columns import CASE_SELECT, read_case
from planner.store.dialect import Link
from planner.store.facts_read import sole_judge
from planner.store.members import HEARING_KIND, HEARING_MEDIUM, HEARING_STATUS

_CASES = "SELECT cases.id, cases.version, " + CASE_SELECT + " FROM cases"
_CASES_OF_JUDGE = _CASES + " WHERE cases.judge_id = :judge_id ORDER BY cases.id"
_CASE = _CASES + " WHERE cases.id = :case_id"

_HEARINGS = (
    "SELECT h.id, cases.a_number, h.start, h.minutes, h.kind, h.status, h.adjournment_reason, "
    "h.medium, h.adjournment_cause, h.adjourned_by FROM hearings AS h JOIN cases ON cases.id = h.case_id"
)
_HEARINGS_OF_JUDGE = _HEARINGS + " WHERE cases.judge_id = :judge_id ORDER BY h.start, h.id"
_HEARINGS_OF_ALL = _HEARINGS + " ORDER BY h.start, h.id"  # every case is the judge's
_HEARINGS_OF_CASE = _HEARINGS + " WHERE h.case_id = :case_id ORDER BY h.start, h.id"


def cases_of(link: Link, judge_id: int) -> list[Case]:
    """The judge's cases, in the order they were stored."""
    rows = link.rows(_CASES_OF_JUDGE, {"judge_id": judge_id})
    return [read_case(link.dialect, row[0], row[1], row[2:]) for row in rows]


def case(link: Link, case_id: int) -> Case | None:
    row = link.rows(_CASE, {"case_id": case_id}).fetchone()
    return None if row is None else read_case(link.dialect, row[0], row[1], row[2:])


def hearings_of_judge(link: Link, judge_id: int, whole_file: bool | None = None) -> list[Hearing]:
    """The hearings of the judge's cases, in order of start. ``whole_file``: whether every
    case stored is the judge's, if the caller has asked ``sole_judge`` already."""
    if whole_file is None:
        whole_file = sole_judge(link, judge_id)
    statement = _HEARINGS_OF_ALL if whole_file else _HEARINGS_OF_JUDGE
    return _hearings(link, statement, {"judge_id": judge_id})


def hearings_of_case(link: Link, case_id: int) -> list[Hearing]:
    return _hearings(link, _HEARINGS_OF_CASE, {"case_id": case_id})


def _hearings(link: Link, statement: str, values: dict[str, object]) -> list[Hearing]:
    moment = link.dialect.moment_reader
    return [
        Hearing(
            a_number,
            moment(start),
            minutes,
            HEARING_KIND[kind],
            HEARING_STATUS[status],
            reason,
            id=hearing_id,
            medium=HEARING_MEDIUM[medium],
            adjournment_cause=cause,
            adjourned_by=asker,
        )
        for hearing_id, a_number, start, minutes, kind, status, reason, medium, cause, asker in link.rows(
            statement, values
        )
    ]


def cases_and_hearings(link: Link, judge_id: int) -> tuple[list[Case], list[Hearing]]:
    """Every case of the judge, by id, and every hearing of them, by start: on a read snapshot,
    for the age targets' projection (a write transaction's commit would look to the window's
    poll like another program's change)."""
    return cases_of(link, judge_id), hearings_of_judge(link, judge_id)
