"""The calendar for a screen reader and from the keyboard alone: its days, sessions and hearings
as accessible objects with their text, the arrow keys through them, moves, resizes and outcomes
by keys, and each change announced."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from planner.services import calendar as calendar_service
from planner.ui.calendar.calendar_view import CalendarView
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.calendar_docket import court

OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("does not support (raise|grabbing the keyboard)")


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    court(workspace)
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1366, 700)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    calendar_view.set_date(date(2026, 11, 23))
    return calendar_view


def _children(view: CalendarView) -> list[tuple[QAccessible.Role, str]]:
    interface = QAccessible.queryAccessibleInterface(view.timeline)
    assert interface is not None
    found = []
    for i in range(interface.childCount()):
        child = interface.child(i)
        assert child is not None
        assert interface.indexOfChild(child) == i
        assert child.parent().object() is view.timeline
        found.append((child.role(), child.text(QAccessible.Text.Name)))
    return found


def _starts(workspace: Workspace) -> list[tuple[datetime, int, str]]:
    judge = workspace.judge
    assert judge is not None
    assert judge.id is not None
    entries = calendar_service.agenda(
        workspace.database, judge.id, date(2026, 11, 1), date(2026, 12, 31)
    )
    return sorted((e.start, e.minutes, e.status.value) for e in entries)


def test_the_days_sessions_and_hearings_are_accessible_objects_in_reading_order(
    view: CalendarView,
) -> None:
    found = _children(view)
    assert found[:5] == [
        (QAccessible.Role.Heading, "Monday 23 November, 2 hearings"),
        (QAccessible.Role.Grouping, "8:30 to 12:00, master calendar, 2 hearings"),
        (QAccessible.Role.ListItem, "A200-000-001, removal master calendar, English, 9:00 to 9:15"),
        (
            QAccessible.Role.ListItem,
            "A200-000-002, removal master calendar, English, 9:30 to 10:00",
        ),
        (QAccessible.Role.Grouping, "13:00 to 16:30, individual calendar, 0 hearings"),
    ]
    assert (QAccessible.Role.Heading, "Thursday 26 November, Thanksgiving Day, 0 hearings") in found
    assert (QAccessible.Role.ListItem, "A200-000-003, removal merits, English, 13:00 to 16:00") in (
        found
    )
    view.set_date(date(2026, 11, 30))  # two hearings at the same time: a conflict, said
    names = [name for role, name in _children(view) if role == QAccessible.Role.ListItem]
    assert names[0] == "A200-000-004, removal master calendar, English, in conflict, 9:00 to 9:15"


def test_an_item_has_its_place_on_screen_a_description_and_its_state(
    view: CalendarView, qtbot
) -> None:  # type: ignore[no-untyped-def]
    merits = next(b for b in view.blocks() if b.label[1] == "Ana Gómez")
    interface = QAccessible.queryAccessibleInterface(view.timeline)
    child = next(
        interface.child(i)
        for i in range(interface.childCount())
        if interface.child(i).text(QAccessible.Text.Name).startswith("A200-000-003")
    )
    on_screen = view.timeline.mapToGlobal(merits.rect.center().toPoint())
    assert (child.rect().center() - on_screen).manhattanLength() <= 2
    assert "Ana Gómez" in child.text(QAccessible.Text.Description)
    assert interface.childAt(child.rect().center().x(), child.rect().center().y()) is not None
    assert not child.state().focused
    assert not child.state().selected
    view.timeline.setFocus()
    qtbot.waitUntil(view.timeline.hasFocus)
    view.select_hearing(merits.id)
    assert child.state().selected
    assert child.state().focused
    assert child.state().focusable
    assert interface.focusChild().text(QAccessible.Text.Name) == child.text(QAccessible.Text.Name)
    view.names_button.click()  # names hidden: the screen is shared; the description too
    again = next(
        interface.child(i)
        for i in range(interface.childCount())
        if interface.child(i).text(QAccessible.Text.Name).startswith("A200-000-003")
    )
    assert "Ana Gómez" not in again.text(QAccessible.Text.Description)


def test_the_arrow_keys_go_through_the_hearings_and_past_the_week(
    view: CalendarView, qtbot
) -> None:  # type: ignore[no-untyped-def]
    def selected() -> str:
        item = view.timeline.accessible_focus()
        return "" if item is None else item.name.split(",")[0]

    view.setFocus()  # Tab to the calendar: its focus goes to the hearings
    qtbot.waitUntil(view.timeline.hasFocus)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)
    assert selected() == "A200-000-001"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)
    assert selected() == "A200-000-002"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)  # the last of its day: stays
    assert selected() == "A200-000-002"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Up)
    assert selected() == "A200-000-001"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Right)  # over the day on leave, to Wednesday
    assert selected() == "A200-000-003"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Right)  # none later this week: the next one
    assert view.days()[0] == date(2026, 11, 30)
    assert selected() == "A200-000-004"
    assert view.last_announcement.startswith("Week view, 30 Nov")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Left)
    assert view.days()[0] == date(2026, 11, 23)
    assert selected() == "A200-000-003"
    with qtbot.waitSignal(view.hearing_activated) as opened:
        qtbot.keyClick(view.timeline, Qt.Key.Key_Return)
    assert opened.args == [view.selected]


def test_alt_arrows_move_and_shift_alt_arrows_resize_the_selected_hearing(
    view: CalendarView, qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    view.setFocus()
    qtbot.waitUntil(view.timeline.hasFocus)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)  # A200-000-001, Mon 23 Nov 9:00-9:15
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    first = (datetime(2026, 11, 23, 9, 0), 15, "scheduled")
    assert first in _starts(workspace)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, alt | shift)
    assert (datetime(2026, 11, 23, 9, 0), 30, "scheduled") in _starts(workspace)
    assert view.last_announcement.startswith("Resized: A200-000-001 to Mon 23 Nov 09:00-09:30")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, alt)  # onto the 9:30 hearing: refused
    assert view.last_announcement.startswith("Not moved:")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Up, alt)
    assert (datetime(2026, 11, 23, 8, 45), 30, "scheduled") in _starts(workspace)
    assert view.last_announcement.startswith("Moved: A200-000-001 to Mon 23 Nov 08:45-09:15")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Right, alt)  # Tuesday is on leave: refused
    assert (datetime(2026, 11, 23, 8, 45), 30, "scheduled") in _starts(workspace)
    assert view.last_announcement.startswith("Not moved:")
    qtbot.keyClick(view.timeline, Qt.Key.Key_Left, alt)  # to Friday 20 Nov, the week before
    assert (datetime(2026, 11, 20, 8, 45), 30, "scheduled") in _starts(workspace)
    assert view.days()[0] == date(2026, 11, 16)
    assert view.timeline.accessible_focus().name.startswith("A200-000-001")
    for _ in range(3):
        workspace.undo_stack.undo()
    assert first in _starts(workspace)


@OFFSCREEN_POPUP
def test_the_menu_key_records_an_outcome_and_delete_unschedules(
    view: CalendarView, qtbot, workspace: Workspace
) -> None:  # type: ignore[no-untyped-def]
    view.setFocus()
    qtbot.waitUntil(view.timeline.hasFocus)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)  # Mon 23 Nov 9:00: held before the tests' now

    def choose_held() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):  # Open, Held
            qtbot.keyClick(menu, key)

    QTimer.singleShot(0, choose_held)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Menu)
    assert (datetime(2026, 11, 23, 9, 0), 15, "held") in _starts(workspace)
    assert view.last_announcement == "Held: A200-000-001 (Ctrl+Z undoes it)"
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Delete)
    assert not any(s[0] == datetime(2026, 11, 23, 9, 30) for s in _starts(workspace))
    assert view.last_announcement.startswith("Unscheduled: A200-000-002")


def test_the_focus_ring_is_painted_on_the_focused_hearing(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    merits = next(b for b in view.blocks() if b.label[1] == "Ana Gómez")
    view.select_hearing(merits.id)
    view.timeline.clearFocus()
    qtbot.waitUntil(lambda: not view.timeline.hasFocus())
    before = view.timeline.grab().toImage()
    view.timeline.setFocus()
    qtbot.waitUntil(view.timeline.hasFocus)
    after = view.timeline.grab().toImage()
    ring = merits.rect.adjusted(-6, -6, 6, 6).toAlignedRect()
    inside = merits.rect.adjusted(-1, -1, 1, 1).toAlignedRect()
    assert before.copy(ring) != after.copy(ring)  # a ring round the hearing
    assert before.copy(inside) == after.copy(inside)  # its text untouched


def test_the_month_and_the_year_tell_each_day_in_words(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.last_announcement == "Month view, November 2026"
    grid = view.month_view
    interface = QAccessible.queryAccessibleInterface(grid)
    names = [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]
    monday = "Monday 23 November 2026, 2 hearings, 45 min booked, 6 h 15 free of 7 h bench time"
    assert any(n.startswith(monday) for n in names)
    assert any(n.startswith("Thursday 26 November 2026, Thanksgiving Day") for n in names)
    focused = interface.focusChild()
    assert focused is not None
    assert focused.text(QAccessible.Text.Name).startswith("Monday 23 November 2026")
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert interface.focusChild().text(QAccessible.Text.Name).startswith("Tuesday 24 November")
