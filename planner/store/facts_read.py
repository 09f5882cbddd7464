"""Reading the facts of a judge's cases and hearings that the age targets' projection reads,
as plain values (``StoredCase``, ``StoredHearing``), not as the checked records a whole docket
is read as (``planner.store.docket_read``): on ``planner forecast``'s way, which reads thousands
of them and checks none.

Plain SQL on the read path (``planner.store.dialect``), on either engine.
"""

from planner.domain.stored_case import StoredCase
from planner.domain.stored_hearing import StoredHearing
from planner.domain.vocabulary import CaseStatus
from planner.store.dialect import Link
from planner.store.members import COMPLETION_KIND, HEARING_KIND, HEARING_STATUS

#: The judges with the lowest and the highest id that have cases: two steps down an index.
_CASES_JUDGES = (
    "SELECT (SELECT judge_id FROM cases ORDER BY judge_id LIMIT 1), "
    "(SELECT judge_id FROM cases ORDER BY judge_id DESC LIMIT 1)"
)


def sole_judge(link: Link, judge_id: int) -> bool:
    """Whether every case stored is the judge's: a judge's own docket file, as most are. Then
    the judge's rows are all the rows, read straight through their tables: a docket's cases in
    the order of their ids rather than found by the judge's index and sorted again, its
    hearings without looking up each case's (SQLite, 5,000 cases: 1.4 ms and 0.7 ms less)."""
    return link.one(_CASES_JUDGES) == (judge_id, judge_id)


#: A case's three flags as one number made in the statement (detained 1, juvenile 2, on the
#: Dedicated Docket 4; on either engine), and what each number stands for: a small integer a
#: row, not three values each made into a bool.
_FLAGS = (
    "CASE WHEN detained THEN 1 ELSE 0 END + CASE WHEN juvenile THEN 2 ELSE 0 END "
    "+ CASE WHEN dedicated_docket THEN 4 ELSE 0 END"
)
_FLAG_SETS = tuple((bool(n & 1), bool(n & 2), bool(n & 4)) for n in range(8))
#: A case's status as its place in the vocabulary, and the member at each place.
_STATUSES = tuple(CaseStatus)
_STATUS_PLACE = (
    "CASE status "
    + " ".join(f"WHEN '{status.value}' THEN {place}" for place, status in enumerate(_STATUSES))
    + " END"
)
#: The columns of a case the age targets' projection reads, in ``StoredCase``'s order (the
#: flags and the status as numbers).
_FACTS = (
    "SELECT a_number, kind, received, language, completion_date, completion_kind, "
    f"remaining_minutes, asylum_filed, nta_served, {_FLAGS}, {_STATUS_PLACE} FROM cases"
)
_FACTS_OF_JUDGE = _FACTS + " WHERE judge_id = :judge_id ORDER BY id"
_FACTS_OF_ALL = _FACTS + " ORDER BY id"  # every case is the judge's (``sole_judge``)


def case_facts_of(link: Link, judge_id: int, whole_file: bool) -> list[StoredCase]:
    """The facts of the judge's cases the age targets' projection reads, in the order they were
    stored, as plain values: not checked again (they were as ``Case``s when written). Five
    thousand cases in about a fifth of the time ``cases_of`` takes.

    Each column's reading function is bound once (``Dialect.day_reader``: the C parser on
    SQLite), the flags and the status come as small numbers (``_FLAGS``, ``_STATUS_PLACE``),
    and each row becomes a ``StoredCase`` without its generated ``__new__`` (a plain tuple of
    it): 5,000 cases in 9 ms of CPU, not 15. ``whole_file``: every case stored is the
    judge's (``sole_judge``)."""
    day, new = link.dialect.day_reader, tuple.__new__
    flag_sets, statuses, kind_of = _FLAG_SETS, _STATUSES, COMPLETION_KIND
    statement = _FACTS_OF_ALL if whole_file else _FACTS_OF_JUDGE
    return [
        new(
            StoredCase,
            (
                a_number,
                kind,
                day(received),
                detained,
                juvenile,
                language,
                statuses[status],
                None if completed is None else day(completed),
                None if completion is None else kind_of[completion],
                minutes,
                None if filed is None else day(filed),
                None if served is None else day(served),
                dedicated,
            ),
        )
        for (
            a_number,
            kind,
            received,
            language,
            completed,
            completion,
            minutes,
            filed,
            served,
            flags,
            status,
        ) in link.rows(statement, {"judge_id": judge_id})
        for detained, juvenile, dedicated in (flag_sets[flags],)
    ]


#: The columns of a hearing the age targets' projection reads, in ``StoredHearing``'s order.
_BOOKED = (
    "SELECT h.id, cases.a_number, h.start, h.minutes, h.kind, h.status "
    "FROM hearings AS h JOIN cases ON cases.id = h.case_id"
)
_BOOKED_OF_JUDGE = _BOOKED + " WHERE cases.judge_id = :judge_id ORDER BY h.start, h.id"
_BOOKED_OF_ALL = _BOOKED + " ORDER BY h.start, h.id"  # every case is the judge's


def booked_of(link: Link, judge_id: int, whole_file: bool) -> list[StoredHearing]:
    """The facts of the hearings of the judge's cases the age targets' projection reads, by
    start, as plain values: not checked again (they were as ``Hearing``s when written), in
    about half the time ``hearings_of_judge`` takes. ``whole_file``: every case stored is the
    judge's (``sole_judge``)."""
    moment, new = link.dialect.moment_reader, tuple.__new__
    kinds, statuses = HEARING_KIND, HEARING_STATUS
    statement = _BOOKED_OF_ALL if whole_file else _BOOKED_OF_JUDGE
    return [
        new(
            StoredHearing,
            (hearing_id, a_number, moment(start), minutes, kinds[kind], statuses[status]),
        )
        for hearing_id, a_number, start, minutes, kind, status in link.rows(
            statement, {"judge_id": judge_id}
        )
    ]


def case_facts_and_hearings(
    link: Link, judge_id: int
) -> tuple[list[StoredCase], list[StoredHearing]]:
    """The facts of every case of the judge, by id, and of every hearing of them, by start:
    what the age targets' projection reads, on a read snapshot."""
    whole_file = sole_judge(link, judge_id)  # asked once for both
    return case_facts_of(link, judge_id, whole_file), booked_of(link, judge_id, whole_file)
