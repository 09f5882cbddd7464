"""The month view: what each day's cell says, keys, activation and refresh after a change."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.services.changes import Change
from planner.ui.calendar.calendar_month import MonthView
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.calendar_docket import add_hearing, at, court

NOV = 11


@pytest.fixture
def view(qtbot, workspace: Workspace) -> MonthView:  # type: ignore[no-untyped-def]
    court(workspace)
    month = MonthView(workspace)
    qtbot.addWidget(month)
    month.resize(1200, 700)
    month.show()
    qtbot.waitExposed(month)
    return month


def lines(view: MonthView, month: int, day: int) -> list[str]:
    return view.day_text(date(2026, month, day)).splitlines()


def test_a_day_shows_its_hearings_and_booked_and_free_bench_time(view: MonthView) -> None:
    assert view.title() == "November 2026"
    assert lines(view, NOV, 23) == ["23", "2 hearings", "45 min booked · 6 h 15 free"]
    assert lines(view, NOV, 25) == ["25", "1 hearing", "3 h booked · 4 h free"]
    assert lines(view, NOV, 27) == ["27", "No hearings", "5 h free", "Leave 2 h of the sessions"]
    monday = next(d for d in view.days if d.day == date(2026, 11, 23))
    assert monday.bar is not None
    assert monday.covered == pytest.approx(45 / 420)
    assert not monday.over


def test_days_off_are_named_and_the_weekend_is_quiet(view: MonthView) -> None:
    assert lines(view, NOV, 24) == ["24", "On leave"]
    assert lines(view, NOV, 26) == ["26", "Thanksgiving Day"]
    assert lines(view, NOV, 11) == ["11", "Veterans Day"]
    assert lines(view, 12, 1) == ["1 Dec", "Building maintenance"]  # the next month's first day
    assert lines(view, NOV, 28) == ["28"]
    off = next(d for d in view.days if d.day == date(2026, 11, 26))
    assert off.bar is None


def test_conflicts_are_counted_on_their_day(view: MonthView) -> None:
    assert lines(view, NOV, 30)[1].startswith("⚠ 1")
    assert lines(view, NOV, 30)[2] == "2 hearings"
    assert all(not line.startswith("⚠") for line in lines(view, NOV, 23))


def test_today_is_marked_and_tooltips_say_the_day_in_words(view: MonthView) -> None:
    assert [d.day for d in view.days if d.today] == [date(2026, 11, 25)]
    assert view.selected == date(2026, 11, 25)
    tip = view.cells[date(2026, 11, 23)].tooltip
    assert tip.splitlines() == [
        "Monday 23 November 2026",
        "2 hearings, 45 min booked",
        "6 h 15 free of 7 h bench time (11% booked)",
    ]
    assert "Thanksgiving Day (holiday): no bench time" in view.cells[date(2026, 11, 26)].tooltip
    assert "1 conflict: see the day view" in view.cells[date(2026, 11, 30)].tooltip


def test_keys_move_the_selected_day_and_page_by_month(view: MonthView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected == date(2026, 11, 26)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected == date(2026, 11, 19)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected == date(2026, 12, 3)
    assert view.title() == "December 2026"
    assert lines(view, 12, 1) == ["1", "Building maintenance"]
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.selected == date(2027, 1, 3)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.selected == date(2026, 11, 3)
    assert view.title() == "November 2026"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.selected == date(2026, 11, 30)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.selected == date(2026, 11, 25)


def test_enter_and_double_click_activate_the_day(view: MonthView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    with qtbot.waitSignal(view.day_activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [date(2026, 11, 24)]
    centre = view.cells[date(2026, 11, 18)].rect.center().toPoint()
    with qtbot.waitSignal(view.day_activated) as activated:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == [date(2026, 11, 18)]
    assert view.selected == date(2026, 11, 18)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # the weekday names
    assert view.selected == date(2026, 11, 18)


def test_a_change_in_the_workspace_refreshes_the_days(view: MonthView, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_hearing(view.workspace, "200000009", at(NOV, 23, 13), 180)
    assert lines(view, NOV, 23)[1] == "2 hearings"  # nobody said anything changed yet
    view.workspace.notify(Change.HEARINGS)
    assert lines(view, NOV, 23)[1:] == ["3 hearings", "3 h 45 booked · 3 h 15 free"]
    view.hide()
    add_hearing(view.workspace, "200000010", at(NOV, 25, 16), 30)
    view.workspace.notify(Change.CASES)
    view.show()
    qtbot.waitExposed(view)
    assert lines(view, NOV, 25)[1:] == ["2 hearings", "3 h 30 booked · 3 h 30 free"]


def test_no_judge_shows_an_empty_month(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    view = MonthView(workspace)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    assert lines(view, NOV, 23) == ["23"]
    assert view.grab().width() == 800
