"""Moving a case off the active docket and back: administrative closure, the status docket and
recalendaring (shared/domain.md). Neither state is a completion nor pending work; a case in one
may come back to the active docket, or go to the other.

The rules, each refusal one line naming the case:
- a pending case may be administratively closed or put on the status docket; a case in one of
  those states may go to the other;
- a case administratively closed or on the status docket may be recalendared (back to pending);
- a completed case does none of these (reopen it by editing the completion first), and a case
  already in the state asked for is not moved again.
"""

from dataclasses import replace

from planner.domain.anumber import format_a_number
from planner.domain.docket import Case
from planner.domain.errors import InvalidValue
from planner.domain.vocabulary import CASE_STATUS_WORDS, OFF_DOCKET, CaseStatus

#: What each move is called in the window, by the state it moves a case to.
MOVE_WORDS = {
    CaseStatus.ADMIN_CLOSED: "Administratively close",
    CaseStatus.STATUS_DOCKET: "Put on the status docket",
    CaseStatus.PENDING: "Recalendar",
}


def move_refusal(a_number: str, status: CaseStatus, to: CaseStatus) -> str | None:
    """Why the case ``a_number``, now ``status``, may not move to ``to`` (one line), or None
    when it may."""
    shown = format_a_number(a_number)
    if to not in MOVE_WORDS:
        return f"case {shown} can only be closed, put on the status docket or recalendared"
    if status is CaseStatus.COMPLETED:
        return (
            f"case {shown} is completed: only a pending case leaves the active docket, "
            "and only a closed or status-docket case is recalendared"
        )
    if status is to:
        if to is CaseStatus.PENDING:
            return f"case {shown} is already on the active docket"
        return f"case {shown} is already {CASE_STATUS_WORDS[to]}"
    if to is CaseStatus.PENDING and status not in OFF_DOCKET:
        return f"case {shown} is not administratively closed or on the status docket"
    return None


def moved(case: Case, to: CaseStatus) -> Case:
    """The case in state ``to``; raises ``InvalidValue`` with ``move_refusal``'s reason."""
    refusal = move_refusal(case.a_number, case.status, to)
    if refusal is not None:
        raise InvalidValue(refusal)
    return replace(case, status=to)
