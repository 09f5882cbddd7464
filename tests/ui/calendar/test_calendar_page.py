"""The Calendar tab's side panel: unscheduled cases dragged in, the conflicts pane jumping to a
hearing; and the calendar's continuance, keys and Ctrl+G."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from planner.domain.docket import Case, Hearing
from planner.domain.time_off import Leave
from planner.domain.vocabulary import AdjournmentCause, HearingKind, HearingStatus, Party
from planner.services import judges as judge_service
from planner.services.changes import Change
from planner.ui.calendar.calendar_page import CalendarPage
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.calendar.conflicts_pane import TARGET_ROLE
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_mime import CASE_MIME, case_id_of
from planner.ui.docket.docket_model import DocketTableModel
from tests.ui.calendar.test_calendar_drag import NEW, case_id, drop_case, point, stored
from tests.ui.calendar.test_calendar_view import AWAY, DETAINED, MERITS, OTHER, _court, at

LATE = "100000010"


@pytest.fixture
def page(qtbot, workspace: Workspace) -> CalendarPage:  # type: ignore[no-untyped-def]
    """The test court, a case with no hearing, and two conflicts ahead: a hearing booked on the
    closure of Tue 1 Dec, and one on Fri 4 Dec that overlaps another."""
    _court(workspace)
    with workspace.database.transaction() as repo:
        judge_id = workspace.judge.id
        repo.add_case(judge_id, Case(NEW, "Jean Baptiste", "removal", date(2026, 5, 1)))
        late = repo.add_case(judge_id, Case(LATE, "Ivan Petrov", "removal", date(2026, 6, 1)))
        ids = repo.case_ids(judge_id)
        repo.add_hearing(
            ids[OTHER], Hearing(OTHER, datetime(2026, 12, 1, 9), 15, HearingKind.MASTER)
        )
        repo.add_hearing(late.id, Hearing(LATE, datetime(2026, 12, 4, 10), 15, HearingKind.MASTER))
        repo.add_hearing(
            ids[MERITS], Hearing(MERITS, datetime(2026, 12, 4, 10, 5), 15, HearingKind.MASTER)
        )
    made = CalendarPage(workspace)
    qtbot.addWidget(made)
    made.resize(1366, 700)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_unscheduled_list_holds_pending_cases_without_a_hearing_and_is_searchable(  # type: ignore[no-untyped-def]
    qtbot, page: CalendarPage
) -> None:
    pane = page.unscheduled
    model = pane.model
    shown = [model.row_at(r).a_number for r in range(model.rowCount())]
    # Those with a hearing from now on are not listed; those whose hearings are past are.
    assert sorted(shown) == [DETAINED, AWAY, NEW]
    assert pane.count_label.text() == "3 pending cases with no hearing set"
    pane.search_edit.setText("petrov")
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Return)
    assert model.rowCount() == 0
    pane.search_edit.setText("baptiste")
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Return)
    assert model.rowCount() == 1
    assert pane.count_label.text() == "1 matching pending case with no hearing set"
    assert pane.table.dragEnabled()
    mime = model.mimeData([model.index(0, 1)])
    assert mime.hasFormat(CASE_MIME)
    assert case_id_of(mime) == case_id(page.calendar.workspace, NEW)
    assert mime.text() == "A100-000-009 Jean Baptiste"


ASYLUM = "100000011"


def test_the_unscheduled_list_shows_detained_language_and_deadline_and_filters_on_them(  # type: ignore[no-untyped-def]
    qtbot, page: CalendarPage
) -> None:
    """Now is Wed 25 Nov 2026: an asylum application filed on 1 Jun runs out on 28 Nov."""
    workspace = page.calendar.workspace
    with workspace.database.transaction() as repo:
        repo.add_case(
            workspace.judge.id,
            Case(ASYLUM, "Sara Tesfaye", "asylum", date(2026, 5, 1), language="Tigrinya",
                 asylum_filed=date(2026, 6, 1)),
        )  # fmt: skip
    workspace.notify(Change.CASES)
    pane = page.unscheduled
    model, table = pane.model, pane.table
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    header = table.horizontalHeader()
    shown = [titles[c] for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    shown.sort(key=lambda title: header.visualIndex(titles.index(title)))
    assert shown == ["A-number", "Detained", "Language", "Deadline", "Name", "Case kind"]

    def rows() -> dict[str, tuple[str, str, str]]:
        out = {}
        for r in range(model.rowCount()):
            cells = {titles[c]: model.index(r, c).data() for c in range(model.columnCount())}
            out[model.row_at(r).a_number] = (
                cells["Detained"],
                cells["Language"],
                cells["Deadline"],
            )
        return out

    every = rows()
    assert every[DETAINED][0] == "Yes"
    assert every[AWAY][:2] == ("No", "Arabic")
    assert every[ASYLUM] == ("No", "Tigrinya", "2026-11-28")
    assert sorted(every) == sorted([DETAINED, AWAY, NEW, ASYLUM])

    pane.detained_check.setChecked(True)
    assert sorted(rows()) == [DETAINED]
    assert pane.count_label.text() == "1 matching pending case with no hearing set"
    pane.detained_check.setChecked(False)
    pane.language_combo.setCurrentText("Arabic")
    assert sorted(rows()) == [AWAY]
    pane.language_combo.setCurrentIndex(0)
    assert pane.language_combo.currentText() == "Any language"
    assert pane.language_combo.findText("Tigrinya") >= 0
    pane.deadline_spin.setValue(30)
    assert sorted(rows()) == [ASYLUM]
    assert pane.deadline_spin.text() == "Deadline within 30 days"
    pane.deadline_spin.setValue(2)  # 28 Nov is 3 days away
    assert rows() == {}
    pane.deadline_spin.setValue(0)
    assert pane.deadline_spin.text() == "Any deadline"
    assert len(rows()) == 4


def test_a_case_dragged_from_the_list_is_scheduled_and_leaves_the_list(page: CalendarPage) -> None:
    pane, calendar = page.unscheduled, page.calendar
    row = pane.model.row_of(case_id(calendar.workspace, NEW))
    mime = pane.model.mimeData([pane.model.index(row, 0)])
    assert drop_case(calendar, 0, point(calendar, at(27, 11), 1), mime)
    assert stored(calendar.workspace)[NEW] == [(at(27, 11), 15, HearingStatus.SCHEDULED)]
    assert pane.model.row_of(case_id(calendar.workspace, NEW)) is None
    assert pane.model.rowCount() == 2
    calendar.workspace.undo_stack.undo()
    assert pane.model.rowCount() == 3


def test_the_docket_table_is_a_drag_source_too(workspace: Workspace) -> None:
    _court(workspace)
    model = DocketTableModel(workspace)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert case_id_of(model.mimeData([model.index(0, 0)])) == model.case_id(0)


def test_the_conflicts_pane_lists_the_years_conflicts_from_today_and_jumps_to_one(  # type: ignore[no-untyped-def]
    qtbot, page: CalendarPage
) -> None:
    pane, calendar = page.conflicts, page.calendar
    page.show_conflicts()
    assert pane.span == (date(2026, 11, 25), date(2027, 9, 30))
    texts = [pane.list.item(i).text() for i in range(pane.list.count())]
    assert len(texts) == 2  # Monday's overlap and Tuesday's leave are behind us
    assert texts[0].startswith("Tue 1 Dec 2026 09:00 · Closure\n")
    assert "Building maintenance" in texts[0]
    assert texts[1].startswith("Fri 4 Dec 2026 10:00 · Overlap\n")
    assert "overlaps the master hearing of A100-000-003" in texts[1]
    assert page.side.tabText(1) == "Conflicts (2)"
    assert "2 conflicts" in pane.title.text()

    item = pane.list.item(1)
    pane.list.setCurrentItem(item)
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)  # activation
    hearing_id, start = item.data(TARGET_ROLE)
    assert calendar.days()[0] == date(2026, 11, 30)
    assert calendar.selected == hearing_id
    block = calendar.block(hearing_id)
    assert block is not None
    assert block.conflict
    assert calendar.entry(hearing_id).start == start

    # Leave taken on Fri 4 Dec after booking: both of that day's hearings conflict with it too.
    closures, leave = judge_service.calendar_of(
        calendar.workspace.database, calendar.workspace.judge.id
    )
    judge_service.save_profile(calendar.workspace.database, calendar.workspace.judge, closures,
                               [*leave, Leave.days(date(2026, 12, 4), date(2026, 12, 4))])  # fmt: skip
    calendar.workspace.notify(Change.CALENDAR)
    assert pane.list.count() == 4  # the overlap and each hearing's leave
    assert page.side.tabText(1) == "Conflicts (4)"


def test_the_count_stays_right_while_the_unscheduled_list_is_in_front(page: CalendarPage) -> None:
    assert page.side.currentWidget() is page.unscheduled
    assert page.side.tabText(1) == "Conflicts (2)"
    workspace = page.calendar.workspace
    with workspace.database.transaction() as repo:
        repo.delete_case(repo.case_ids(workspace.judge.id)[LATE])
    workspace.notify(Change.CASES | Change.HEARINGS)
    assert page.side.tabText(1) == "Conflicts (1)"


# The calendar's continuance and keys ----------------------------------------------------------


def test_continued_to_a_date_from_the_menu_adjourns_and_sets_the_new_hearing(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    _court(workspace)
    workspace.now = lambda: at(25, 16, 30)  # the merits hearing of 13:00 has been held
    asked = []

    def ask(_parent, shown: str, start: datetime, minutes: int):  # type: ignore[no-untyped-def]
        asked.append((shown, start, minutes))
        why = ("Interpreter unavailable (8 CFR 1003.29)", AdjournmentCause.INTERPRETER, Party.COURT)
        return datetime(2026, 12, 2, 13, 0), why

    view = CalendarView(workspace, ask_continuance=ask)
    qtbot.addWidget(view)
    view.show()
    merits = next(e.id for e in view.entries if e.a_number == MERITS)
    menu = view.hearing_menu(merits)
    action = next(a for a in menu.actions() if a.text() == "Continued to a date…")
    assert action.isEnabled()
    action.trigger()
    assert asked == [("A100-000-003", at(25, 13), 180)]
    assert stored(workspace)[MERITS] == [
        (at(25, 13), 180, HearingStatus.ADJOURNED),
        (datetime(2026, 12, 2, 13), 180, HearingStatus.SCHEDULED),
    ]
    with workspace.database.transaction() as repo:
        adjourned = repo.hearing(merits)
    assert adjourned.adjournment_reason == "Interpreter unavailable (8 CFR 1003.29)"
    assert (adjourned.adjournment_cause, adjourned.adjourned_by) == (
        AdjournmentCause.INTERPRETER,
        Party.COURT,
    )
    assert workspace.undo_stack.undoText() == "Continued: A100-000-003 to Wed 2 Dec 2026 13:00"
    workspace.undo_stack.undo()
    assert stored(workspace)[MERITS] == [(at(25, 13), 180, HearingStatus.SCHEDULED)]


def test_a_refused_continuance_stores_nothing_and_says_why(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace)
    workspace.now = lambda: at(25, 16, 30)  # the merits hearing of 13:00 has been held
    failures: list[Exception] = []
    workspace.failed.connect(failures.append)
    view = CalendarView(
        workspace,
        ask_continuance=lambda *_a: (
            datetime(2026, 11, 26, 13),
            ("Counsel ill", AdjournmentCause.COUNSEL, Party.RESPONDENT),
        ),
    )
    qtbot.addWidget(view)
    view.show()
    merits = next(e.id for e in view.entries if e.a_number == MERITS)
    before = stored(workspace)
    next(
        a for a in view.hearing_menu(merits).actions() if a.text().startswith("Continued")
    ).trigger()
    assert stored(workspace) == before
    assert "Thanksgiving" in str(failures[0])


def test_keys_and_ctrl_g_go_through_days_and_weeks(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace)
    asked: list[date] = []
    view = CalendarView(
        workspace, ask_date=lambda _p, shown: asked.append(shown) or date(2027, 3, 17)
    )
    qtbot.addWidget(view)
    view.show()
    view.windowHandle().requestActivate()  # shortcuts (Ctrl+G) need an active window
    qtbot.waitUntil(view.isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.days()[0] == date(2026, 11, 30)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.days()[0] == date(2026, 11, 16)
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert view.days() == [date(2026, 11, 25)]
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.days() == [date(2026, 11, 27)]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.days() == [date(2026, 11, 23)]
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.days() == [date(2026, 11, 30)]
    qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert asked == [date(2026, 11, 30)]
    assert view.days() == [date(2027, 3, 17)]
    assert view.date_label.text() == "Wednesday 17 March 2027"
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.days()[0] == date(2027, 3, 15)


def test_enter_opens_the_selected_hearing(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace)
    view = CalendarView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    merits = next(b for b in view.blocks() if b.label[1] == "Ana Gómez")
    qtbot.mouseClick(view.timeline, Qt.MouseButton.LeftButton, pos=merits.rect.center().toPoint())
    assert view.selected == merits.id
    with qtbot.waitSignal(view.hearing_activated) as caught:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert caught.args == [merits.id]
    empty = QPointF(view.timeline.scene.columns[0] + 5, view.timeline.scene.top + 2)
    qtbot.mouseClick(view.timeline, Qt.MouseButton.LeftButton, pos=empty.toPoint())
    assert view.selected is None
    QApplication.processEvents()


def test_in_the_window_a_docket_drag_opens_the_calendar_and_refusals_reach_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

    from planner.ui.window.main_window import MainWindow
    from planner.ui.window.settings import WindowSettings

    _court(workspace)
    with workspace.database.transaction() as repo:
        repo.add_case(workspace.judge.id, Case(NEW, "Jean Baptiste", "removal", date(2026, 5, 1)))
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.views.currentIndex() == 0
    docket = window.docket.model
    mime = docket.mimeData([docket.index(docket.row_of(case_id(workspace, NEW)), 0)])
    bar = window.views.tabBar()
    over = bar.tabRect(1).center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        bar, QDragEnterEvent(over, Qt.DropAction.CopyAction, mime, buttons, mods)
    )
    QApplication.sendEvent(bar, QDragMoveEvent(over, Qt.DropAction.CopyAction, mime, buttons, mods))
    qtbot.waitUntil(lambda: window.views.currentIndex() == 1, timeout=3000)
    assert window.views.currentWidget() is window.calendar_tab
    qtbot.wait(50)  # the calendar lays out its first week
    calendar = window.calendar
    assert not drop_case(calendar, 0, point(calendar, at(26, 10), 1), mime)  # Thanksgiving
    assert "Thanksgiving Day, a federal holiday" in window.statusBar().currentMessage()
    assert NEW not in stored(workspace)


def test_ctrl_g_works_from_the_side_panes_too(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    _court(workspace)
    page = CalendarPage(workspace)
    page.calendar._ask_date = lambda _parent, _shown: date(2027, 2, 3)
    qtbot.addWidget(page)
    page.show()
    page.windowHandle().requestActivate()
    qtbot.waitUntil(page.isActiveWindow)
    page.unscheduled.search_edit.setFocus()
    qtbot.keyClick(page.unscheduled.search_edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert page.calendar.days()[0] == date(2027, 2, 1)


def test_a_conflict_opened_from_the_month_view_shows_its_week(qtbot, page: CalendarPage) -> None:  # type: ignore[no-untyped-def]
    calendar, pane = page.calendar, page.conflicts
    qtbot.keyClick(calendar, Qt.Key.Key_M)
    assert calendar.mode == "month"
    page.show_conflicts()
    item = pane.list.item(0)
    pane.list.itemActivated.emit(item)
    hearing_id, _start = item.data(TARGET_ROLE)
    assert calendar.mode == "week"
    assert calendar.days()[0] == date(2026, 11, 30)
    assert calendar.selected == hearing_id
