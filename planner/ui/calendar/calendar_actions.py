"""The calendar's changes, each one transaction and one undo step: a drop stored (a hearing set,
moved or resized), a hearing unscheduled and a hearing's outcome recorded."""

from planner.domain.anumber import format_a_number
from planner.domain.docket import Hearing
from planner.services import calendar as calendar_service
from planner.services.calendar import Outcome, OutcomeRecord
from planner.services.changes import Change
from planner.ui.calendar.calendar_drag import Drag, DragKind, Landing
from planner.ui.common.workspace import Workspace

OUTCOME_CHANGE = Change.HEARINGS | Change.CASES


def store_drop(workspace: Workspace, drag: Drag, landing: Landing) -> int | None:
    """Store an accepted drop; the id of the hearing set or moved, or None when the service
    refused it (the workspace reports why and nothing is pushed)."""
    if drag.kind is DragKind.SCHEDULE:
        return _schedule(workspace, drag, landing)
    return _move(workspace, drag, landing)


def _schedule(workspace: Workspace, drag: Drag, landing: Landing) -> int | None:
    judge, database = workspace.judge, workspace.database
    if judge is None:
        return None
    kind = drag.hearing.kind.value.replace("_", " ")
    made = workspace.perform(
        f"Scheduled: {format_a_number(drag.case.a_number)} {kind} {landing.hearing_text}",
        lambda: calendar_service.schedule_hearing(
            database, judge, drag.case_id, landing.start, landing.minutes, drag.hearing.kind
        ),
        undo=lambda h: _hearings(calendar_service.unschedule(database, h.id)),  # type: ignore[arg-type]
        redo=lambda h: _hearings(calendar_service.reinstate(database, drag.case_id, h)),
        change=Change.HEARINGS,
    )
    return None if made is None else made.id


def _move(workspace: Workspace, drag: Drag, landing: Landing) -> int | None:
    judge, database, hearing_id = workspace.judge, workspace.database, drag.hearing.id
    if judge is None or hearing_id is None:
        return None
    verb = "Resized" if drag.kind is DragKind.RESIZE else "Moved"
    moved = workspace.perform(
        f"{verb}: {format_a_number(drag.case.a_number)} to {landing.hearing_text}",
        lambda: calendar_service.move_hearing(
            database, judge, hearing_id, landing.start, landing.minutes, seen=drag.hearing
        ),
        undo=lambda pair: _hearings(calendar_service.restore_hearing(database, pair[0])),
        redo=lambda pair: _hearings(calendar_service.restore_hearing(database, pair[1])),
        change=Change.HEARINGS,
    )
    return None if moved is None else hearing_id


def unschedule(workspace: Workspace, hearing: Hearing) -> bool:
    """Take a scheduled hearing (as the calendar showed it) off the calendar as one undo step;
    False when the service refused it (the workspace reports why and nothing is pushed)."""
    database, hearing_id = workspace.database, hearing.id
    if hearing_id is None:
        return False
    start = hearing.start
    done = workspace.perform(
        f"Unscheduled: {format_a_number(hearing.a_number)} {start:%a} {start.day} {start:%b %H:%M}",
        lambda: calendar_service.unschedule_hearing(database, hearing_id, seen=hearing),
        undo=lambda pair: _hearings(calendar_service.reinstate(database, *pair)),
        redo=lambda pair: _hearings(calendar_service.unschedule(database, hearing_id)),
        change=Change.HEARINGS,
    )
    return done is not None


def record(
    workspace: Workspace,
    hearing_id: int,
    outcome: Outcome,
    text: str,
    seen: Hearing | None = None,
    **details: object,
) -> bool:
    """Record a hearing's outcome (held, adjourned, continued, completed) as one undo step;
    ``seen`` is the hearing as the calendar showed it (refused if someone changed it since)."""
    judge, database = workspace.judge, workspace.database
    if judge is None:
        return False

    def undo(done: OutcomeRecord) -> Change:
        calendar_service.undo_outcome(database, done)
        return OUTCOME_CHANGE

    def redo(done: OutcomeRecord) -> Change:
        calendar_service.redo_outcome(database, done)
        return OUTCOME_CHANGE

    done = workspace.perform(
        text,
        lambda: calendar_service.record_outcome(
            database,
            judge,
            hearing_id,
            outcome,
            seen=seen,
            now=workspace.clock(),
            **details,  # type: ignore[arg-type]
        ),
        undo=undo,
        redo=redo,
        change=OUTCOME_CHANGE,
    )
    return done is not None


def _hearings(_done: object) -> Change:
    return Change.HEARINGS
