"""A small known docket for the month and year views: November 2026 around the tests' now."""

from datetime import date, datetime

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import HearingKind, LeaveKind
from planner.ui.common.workspace import Workspace

FIRST, SECOND, MERITS, CLASH_A, CLASH_B = (f"20000000{i}" for i in range(1, 6))


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute)


def court(workspace: Workspace) -> int:
    """The standard week (08:30-12:00, 13:00-16:30: 7 h of bench a day). Mon 23 Nov: two master
    hearings, 45 minutes; Tue 24 on leave; Wed 25 a 3-hour merits hearing; Thu 26 Thanksgiving;
    Fri 27 leave 13:00-15:00; Mon 30 two hearings at the same time (a conflict); Tue 1 Dec the
    court closed for building maintenance. Returns the judge's id."""
    cases = tuple(
        Case(a_number, name, "removal", date(2026, 1, 5 + i))
        for i, (a_number, name) in enumerate(
            (
                (FIRST, "Rosa Díaz"),
                (SECOND, "Li Wei"),
                (MERITS, "Ana Gómez"),
                (CLASH_A, "Omar Haddad"),
                (CLASH_B, "Eva Novak"),
            )
        )
    )
    hearings = (
        Hearing(FIRST, at(11, 23, 9), 15, HearingKind.MASTER),
        Hearing(SECOND, at(11, 23, 9, 30), 30, HearingKind.MASTER),
        Hearing(MERITS, at(11, 25, 13), 180, HearingKind.INDIVIDUAL),
        Hearing(CLASH_A, at(11, 30, 9), 15, HearingKind.MASTER),
        Hearing(CLASH_B, at(11, 30, 9), 15, HearingKind.MASTER),
    )
    leave = (
        Leave.days(date(2026, 11, 24), date(2026, 11, 24)),
        Leave(at(11, 27, 13), at(11, 27, 15), LeaveKind.TRAINING),
    )
    closures = (Closure(date(2026, 12, 1), "Building maintenance"),)
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(Docket(Judge("Ana Ruiz"), closures, leave, cases, hearings))
    workspace.switch_judge(next(j for j in workspace.judges() if j.id == judge_id))
    return judge_id


def add_hearing(workspace: Workspace, a_number: str, start: datetime, minutes: int) -> None:
    """Store one more hearing of a new case, as another screen would, without telling anyone."""
    judge_id = workspace.judge.id  # type: ignore[union-attr]
    case = Case(a_number, "Nora Kim", "removal", date(2026, 2, 1))
    with workspace.database.transaction() as repo:
        case_id = repo.add_case(judge_id, case).id
        repo.add_hearing(
            case_id,  # type: ignore[arg-type]
            Hearing(a_number, start, minutes, HearingKind.INDIVIDUAL),
        )
