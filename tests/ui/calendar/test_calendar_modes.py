"""The calendar's four views: Month and Year beside Day and Week, and a day opened from them."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from planner.ui.calendar.calendar_view import CalendarView
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


def test_month_and_year_buttons_show_their_grids_and_name_the_page(view: CalendarView) -> None:
    view.month_button.click()
    assert view.stack.currentWidget() is view.month_view
    assert view.month_button.isChecked()
    assert view.date_label.text() == "November 2026"
    assert view.month_view.day_text(date(2026, 11, 26)).splitlines()[1] == "Thanksgiving Day"
    view.next_button.click()
    assert view.date_label.text() == "December 2026"
    view.year_button.click()
    assert view.stack.currentWidget() is view.year_view
    assert view.date_label.text().startswith("Fiscal year 2027 ")
    view.week_button.click()
    assert view.stack.currentWidget() is view.scroller
    assert view.days()[0] == date(2026, 12, 21)  # the week of the day selected last


def test_a_day_opened_in_the_month_shows_in_the_day_view(view: CalendarView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.mode == "month"
    qtbot.keyClick(view.month_view, Qt.Key.Key_Left)
    assert view.date_label.text() == "November 2026"
    qtbot.keyClick(view.month_view, Qt.Key.Key_Return)
    assert view.mode == "day"
    assert view.day_button.isChecked()
    assert view.days() == [date(2026, 11, 24)]
    assert view.day_labels() == ["Tue 24 Nov · On leave"]
    qtbot.keyClick(view, Qt.Key.Key_Y)
    qtbot.keyClick(view.year_view, Qt.Key.Key_Down)
    qtbot.keyClick(view.year_view, Qt.Key.Key_Enter)
    assert view.days() == [date(2026, 12, 24)]
