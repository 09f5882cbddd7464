"""Scheduling without the mouse: Schedule... from the docket and the Unscheduled list, Move To...
on the calendar; the place picked in the dialog is one transaction and one undo step."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from planner.domain.docket import Hearing
from planner.services import calendar as calendar_service
from planner.ui.calendar.calendar_page import CalendarPage
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from planner.ui.docket.docket_view import DocketView
from planner.ui.docket.schedule_dialog import ScheduleDialog
from tests.ui.calendar import calendar_docket
from tests.ui.docket.test_docket_view import docket, open_judge


class Typist(list[ScheduleDialog]):
    """Runs the real dialog with keys only: Down ``downs`` times, then Enter (or Escape)."""

    def __init__(self, qtbot, downs: int = 0, escape: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.qtbot, self.downs, self.escape = qtbot, downs, escape

    def __call__(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, ScheduleDialog)
        self.append(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        assert dialog.list.hasFocus() or dialog.focusWidget() is dialog.list
        for _ in range(self.downs):
            self.qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
        key = Qt.Key.Key_Escape if self.escape else Qt.Key.Key_Return
        self.qtbot.keyClick(dialog.list, key)
        return dialog.result() == QDialog.DialogCode.Accepted


def hearings_of(workspace: Workspace, a_number: str) -> list[Hearing]:
    with workspace.database.transaction() as repo:
        case_id = repo.case_ids(workspace.judge.id)[a_number]  # type: ignore[union-attr]
        return repo.hearings_of(case_id)


def test_enter_on_a_docket_row_schedules_the_place_picked_and_undo_takes_it_off(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    open_judge(workspace, docket())
    typist = Typist(qtbot, downs=1)
    view = DocketView(workspace, run_dialog=typist)
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    view.windowHandle().requestActivate()
    qtbot.waitUntil(view.isActiveWindow)
    view.search_edit.setText("Olga")  # a detained bond case with no hearing
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.select_case(view.model.case_id(0))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert len(typist) == 1
    dialog = typist[0]
    places = dialog.places()
    assert len(places) == 5
    assert [p.start for p in places] == sorted(p.start for p in places)
    assert places[0].start.date() > datetime(2026, 11, 25).date()  # from tomorrow
    assert "detained" in places[0].why()
    assert dialog.windowTitle() == "Schedule A000-007-890"
    (booked,) = hearings_of(workspace, "000007890")
    assert (booked.start, booked.minutes, booked.kind) == (
        places[1].start,
        places[1].minutes,
        places[1].kind,
    )
    assert workspace.undo_stack.count() == 1
    assert workspace.undo_stack.undoText().startswith("Scheduled: A000-007-890 bond")
    workspace.undo_stack.undo()
    assert hearings_of(workspace, "000007890") == []
    workspace.undo_stack.redo()
    assert hearings_of(workspace, "000007890") == [booked]


def test_escape_in_the_dialog_sets_nothing(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    open_judge(workspace, docket())
    typist = Typist(qtbot, escape=True)
    view = DocketView(workspace, run_dialog=typist)
    qtbot.addWidget(view)
    view.show()
    view.search_edit.setText("Olga")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.select_case(view.model.case_id(0))
    view.schedule_action.trigger()
    assert len(typist) == 1
    assert hearings_of(workspace, "000007890") == []
    assert workspace.undo_stack.count() == 0


def test_the_order_choice_lists_the_tightest_fit_first(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    calendar_docket.court(workspace)
    # Thu 26 is Thanksgiving, Fri 27 morning is free; Mon 30 has two hearings at 09:00.
    with workspace.database.transaction() as repo:
        case_id = repo.case_ids(workspace.judge.id)[calendar_docket.FIRST]  # type: ignore[union-attr]
    from planner.scheduling.free_places import Order
    from planner.services import placing

    first = datetime(2026, 11, 26).date()
    dialog = ScheduleDialog(
        lambda order: placing.places_to_schedule(
            workspace.database,
            workspace.judge,
            case_id,
            first,
            order=order,  # type: ignore[arg-type]
        )
    )
    qtbot.addWidget(dialog)
    earliest = [p.start for p in dialog.places()]
    dialog.order_combo.setCurrentIndex(list(Order).index(Order.TIGHTEST))
    tightest = dialog.places()
    assert [p.free_minutes - p.minutes for p in tightest] == sorted(
        p.free_minutes - p.minutes for p in tightest
    )
    assert earliest == sorted(earliest)


def test_ctrl_m_moves_the_selected_hearing_to_the_place_picked(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    calendar_docket.court(workspace)
    typist = Typist(qtbot)
    view = CalendarView(workspace, run_dialog=typist)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    view.windowHandle().requestActivate()  # shortcuts (Ctrl+M) need an active window
    qtbot.waitUntil(view.isActiveWindow)
    view.set_date(datetime(2026, 11, 30).date())
    (clash,) = [e for e in view.entries if e.a_number == calendar_docket.CLASH_A]
    view.select_hearing(clash.id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(typist) == 1
    place = typist[0].places()[0]
    assert typist[0].windowTitle() == "Move A200-000-004 To"
    moved = calendar_service.hearing_entry(workspace.database, clash.id)
    assert moved.start == place.start != clash.start
    workspace.undo_stack.undo()
    assert calendar_service.hearing_entry(workspace.database, clash.id).start == clash.start


def test_the_hearing_menu_offers_move_to(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    calendar_docket.court(workspace)
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    view.set_date(datetime(2026, 11, 30).date())
    hearing_id = view.entries[0].id
    texts = [a.text() for a in view.hearing_menu(hearing_id).actions()]
    assert "Move To…" in texts


def test_enter_in_the_unscheduled_list_schedules_the_case(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    calendar_docket.court(workspace)
    from planner.domain.docket import Case

    with workspace.database.transaction() as repo:
        repo.add_case(
            workspace.judge.id,
            Case(
                "300000001",
                "Jean Baptiste",
                "removal",  # type: ignore[union-attr]
                datetime(2026, 5, 1).date(),
            ),
        )
    typist = Typist(qtbot)
    page = CalendarPage(workspace)
    page.unscheduled.run_dialog = typist
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.windowHandle().requestActivate()  # shortcuts (Enter) need an active window
    qtbot.waitUntil(page.isActiveWindow)
    pane = page.unscheduled
    pane.search_edit.setText("Baptiste")
    pane.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Down)
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert len(typist) == 1
    (booked,) = hearings_of(workspace, "300000001")
    assert booked.start == typist[0].places()[0].start
    assert booked.start >= datetime(2026, 11, 26) + timedelta(hours=8)
