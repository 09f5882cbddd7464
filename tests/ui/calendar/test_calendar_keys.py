"""The calendar's table of keys (shown in Help > Keyboard Shortcuts) is the keys it handles."""

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from planner.ui.calendar.calendar_view import (
    CALENDAR_KEYS,
    GO_TO_DATE_KEY,
    MOVE_TO_KEY,
    CalendarView,
    key_combination,
)
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.calendar_docket import court


@pytest.fixture
def view(qtbot, workspace: Workspace) -> CalendarView:  # type: ignore[no-untyped-def]
    court(workspace)
    calendar_view = CalendarView(workspace)
    qtbot.addWidget(calendar_view)
    calendar_view.resize(1366, 700)
    calendar_view.show()
    qtbot.waitExposed(calendar_view)
    return calendar_view


def _handled(view: CalendarView, key: Qt.Key, modifiers: object = None) -> bool:
    held = Qt.KeyboardModifier.NoModifier if modifiers is None else modifiers
    event = QKeyEvent(QEvent.Type.KeyPress, key, held)  # type: ignore[arg-type]
    QTimer.singleShot(0, _close_popup)  # the Menu key's menu
    QApplication.sendEvent(view, event)
    return event.isAccepted()


def _close_popup() -> None:
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()


@pytest.mark.qt_log_ignore("does not support (raise|grabbing the keyboard)")  # the menu
def test_every_key_of_the_table_is_handled_and_others_are_not(view: CalendarView) -> None:
    view.set_mode("week")
    for names, does in CALENDAR_KEYS:
        for name in names:
            if name in (GO_TO_DATE_KEY, MOVE_TO_KEY):
                continue  # the shortcuts of actions: test_the_action_keys_are_the_ones_listed
            combination = key_combination(name)
            view.set_mode("week")
            view.set_date(date(2026, 11, 23))
            first = view.entries[0].id
            view.select_hearing(first)  # Enter, Delete and the moves act on the selected hearing
            handled = _handled(view, combination.key(), combination.keyboardModifiers())
            assert handled, f"{name} ({does}) is not handled"
    assert not _handled(view, Qt.Key.Key_Q)  # a key not in the table goes on to the parent
    assert not _handled(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)


def test_the_view_keys_change_the_view(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    for key, mode in ((Qt.Key.Key_M, "month"), (Qt.Key.Key_Y, "year"), (Qt.Key.Key_D, "day")):
        qtbot.keyClick(view, key)
        assert view.mode == mode
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.mode == "week"
    view.set_date(date(2026, 12, 7))
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert date(2026, 11, 25) in view.days()


def test_the_action_keys_are_the_ones_listed(view: CalendarView) -> None:
    listed = [QKeySequence(n) for names, _ in CALENDAR_KEYS for n in names if "Ctrl" in n]
    assert view.go_action.shortcut() in listed
    assert view.move_action.shortcut() == QKeySequence(MOVE_TO_KEY)
    assert QKeySequence(MOVE_TO_KEY) in listed
