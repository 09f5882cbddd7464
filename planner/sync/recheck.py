"""After a merge, every placement rule again: a row-level merge cannot see that two different
hearings now take one slot, or that a hearing now falls on leave the other side added."""

from planner.domain.calendar import CourtCalendar
from planner.scheduling.placement import conflicts
from planner.sync.codec import docket_of
from planner.sync.state import DocketState, Kind


def placement_conflicts(state: DocketState) -> list[str]:
    """The conflicts of the docket's scheduled hearings (as the Conflicts pane lists them), one
    sentence each, earliest first."""
    docket, _numbers = docket_of(state)
    if not docket.hearings:
        return []
    days = [hearing.start.date() for hearing in docket.hearings]
    calendar = CourtCalendar(docket.judge, docket.closures, docket.leave, min(days), max(days))
    found = conflicts(docket.judge, calendar, docket.hearings, docket.cases)
    return [f"{c.start:%Y-%m-%d %H:%M}: {c.reason}" for c in found]


def integrity_problems(state: DocketState) -> list[str]:
    """What makes the docket inconsistent (a hearing of no case, an A-number twice, a case kind
    the profile lacks); empty when it is sound."""
    docket, _numbers = docket_of(state)
    problems = docket.problems()
    cases = state.table(Kind.CASE)
    for uid, row in state.table(Kind.HEARING).items():
        if str(row["case"]) not in cases:
            problems.append(f"hearing {uid} belongs to no case on the docket")
    for uid, row in state.table(Kind.NOTICE).items():
        if str(row["case"]) not in cases:
            problems.append(f"notice {uid} belongs to no case on the docket")
    return problems
