"""Schedule... a case's next hearing and Move To... a booked one from the keyboard: the dialog of
free places, then the place picked stored as one transaction and one undo step."""

from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from planner.domain.anumber import format_a_number
from planner.domain.docket import Hearing
from planner.scheduling.booking import clock
from planner.scheduling.free_places import Order
from planner.services.changes import Change
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_actions import RunDialog, run_modal


def _first_day(workspace: Workspace) -> date:
    """Places are offered from tomorrow (the judge's date): today's bench is already running."""
    return workspace.clock().date() + timedelta(days=1)


def schedule_case(
    workspace: Workspace,
    case_id: int,
    parent: QWidget | None = None,
    *,
    run: RunDialog = run_modal,
    order: Order = Order.EARLIEST,
) -> Hearing | None:
    """Offer the case's next free places; store the one picked. The hearing set, or None."""
    judge, database = workspace.judge, workspace.database
    if judge is None:
        return None
    first = _first_day(workspace)
    # Loaded on first use: the services' writes import SQLAlchemy, which the first paint must not.
    from planner.services import calendar as calendar_service
    from planner.services import placing
    from planner.ui.docket.schedule_dialog import ScheduleDialog

    try:
        dialog = ScheduleDialog(
            lambda chosen: placing.places_to_schedule(
                database, judge, case_id, first, order=chosen
            ),
            order=order,
            parent=None if parent is None else parent.window(),
        )
    except Exception as error:  # a completed case, a case gone: said, nothing changed
        workspace.failed.emit(error)
        return None
    try:
        if not run(dialog) or (place := dialog.chosen()) is None:
            return None
        a_number = format_a_number(dialog.found.case.a_number)
        kind = place.kind.value.replace("_", " ")
        return workspace.perform(
            f"Scheduled: {a_number} {kind} {place.start:%a} {place.start.day} {place.start:%b} "
            f"{clock(place.start, place.end)}",
            lambda: calendar_service.schedule_hearing(
                database, judge, case_id, place.start, place.minutes, place.kind
            ),
            undo=lambda h: _hearings(calendar_service.unschedule(database, h.id)),  # type: ignore[arg-type]
            redo=lambda h: _hearings(calendar_service.reinstate(database, case_id, h)),
            change=Change.HEARINGS,
        )
    finally:
        dialog.deleteLater()


def move_hearing(
    workspace: Workspace,
    hearing: Hearing,
    parent: QWidget | None = None,
    *,
    run: RunDialog = run_modal,
    order: Order = Order.EARLIEST,
) -> Hearing | None:
    """Offer the free places a scheduled hearing (as the calendar showed it) may move to; store
    the one picked (refused if someone changed the hearing since). The hearing moved, or None."""
    judge, database, hearing_id = workspace.judge, workspace.database, hearing.id
    if judge is None or hearing_id is None:
        return None
    first = _first_day(workspace)
    from planner.services import calendar as calendar_service
    from planner.services import placing
    from planner.ui.docket.schedule_dialog import ScheduleDialog

    try:
        dialog = ScheduleDialog(
            lambda chosen: placing.places_to_move(database, judge, hearing_id, first, order=chosen),
            verb="Move",
            order=order,
            parent=None if parent is None else parent.window(),
        )
    except Exception as error:
        workspace.failed.emit(error)
        return None
    try:
        if not run(dialog) or (place := dialog.chosen()) is None:
            return None
        moved = workspace.perform(
            f"Moved: {format_a_number(hearing.a_number)} to {place.start:%a} {place.start.day} "
            f"{place.start:%b} {clock(place.start, place.end)}",
            lambda: calendar_service.move_hearing(
                database, judge, hearing_id, place.start, place.minutes, seen=hearing
            ),
            undo=lambda pair: _hearings(calendar_service.restore_hearing(database, pair[0])),
            redo=lambda pair: _hearings(calendar_service.restore_hearing(database, pair[1])),
            change=Change.HEARINGS,
        )
        return None if moved is None else moved[1]
    finally:
        dialog.deleteLater()


# The dialog's parent is the window, not the view: the view's Enter (Schedule...) is a shortcut of
# the view and its children, and must not fire again from the dialog's list.


def _hearings(_done: object) -> Change:
    return Change.HEARINGS
