"""The fiscal-year overview: each day's colour, the months' free bench time, keys and refresh."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from planner.scheduling.days import DayState
from planner.services.changes import Change
from planner.ui.calendar.calendar_paint import DAY_OFF
from planner.ui.calendar.calendar_year import SCALE, YearView
from planner.ui.common.workspace import Workspace
from tests.ui.calendar.calendar_docket import add_hearing, at, court

NOV = 11


@pytest.fixture
def view(qtbot, workspace: Workspace) -> YearView:  # type: ignore[no-untyped-def]
    court(workspace)
    year = YearView(workspace)
    qtbot.addWidget(year)
    year.resize(1300, 700)
    year.show()
    qtbot.waitExposed(year)
    return year


def test_twelve_months_from_october_with_their_free_bench_time(view: YearView) -> None:
    assert view.title().startswith("Fiscal year 2027 (1 Oct 2026 – 30 Sep 2027): ")
    figures = dict(view.month_figures())
    names = list(figures)
    assert (names[0], names[-1], len(names)) == ("Oct 2026", "Sep 2027", 12)
    # November 2026: 21 weekdays less Veterans Day, Thanksgiving and the day of leave: 18 days of
    # 7 h, less 2 h of leave on the 27th = 124 h of bench; 45 min + 3 h booked, and the two
    # hearings at the same time on the 30th take 15 minutes of bench time between them.
    assert figures["Nov 2026"] == "120 h free of 124 h"
    assert figures["Jan 2027"] == "133 h free of 133 h"  # 21 weekdays, 2 holidays, no hearings


def test_each_day_is_coloured_by_how_full_it_is_and_days_off_are_hatched(view: YearView) -> None:
    assert view.day_fill(date(2026, 11, 23)) == (SCALE[1], False)  # 45 of 420 minutes
    assert view.day_fill(date(2026, 11, 25)) == (SCALE[2], False)  # 180 of 420
    assert view.day_fill(date(2026, 11, 20)) == (SCALE[0], False)  # nothing booked
    assert view.day_fill(date(2026, 11, 24)) == (DAY_OFF[DayState.LEAVE], True)
    assert view.day_fill(date(2026, 11, 26)) == (DAY_OFF[DayState.HOLIDAY], True)
    assert view.day_fill(date(2026, 12, 1)) == (DAY_OFF[DayState.CLOSURE], True)
    assert view.day_fill(date(2026, 11, 28)) == ("", False)  # Saturday: no sessions
    tip = view.cells[date(2026, 11, 25)].tooltip
    assert "1 hearing, 3 h booked" in tip
    assert "4 h free of 7 h bench time (43% booked)" in tip
    assert [d.day for d in view.layout_.days if d.today] == [date(2026, 11, 25)]


def test_keys_move_by_day_month_and_year(view: YearView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected == date(2026, 11, 24)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected == date(2026, 10, 24)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.selected == date(2026, 10, 1)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected == date(2026, 9, 30)
    assert view.title().startswith("Fiscal year 2026 ")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.selected == date(2027, 9, 30)
    assert view.title().startswith("Fiscal year 2027 ")
    qtbot.keyClick(view, Qt.Key.Key_End)
    with qtbot.waitSignal(view.day_activated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert activated.args == [date(2027, 9, 30)]


def test_double_click_activates_a_day(view: YearView, qtbot) -> None:  # type: ignore[no-untyped-def]
    centre = view.cells[date(2027, 3, 15)].rect.center().toPoint()
    with qtbot.waitSignal(view.day_activated) as activated:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert activated.args == [date(2027, 3, 15)]


def test_a_stored_hearing_and_its_change_signal_recolour_the_day(view: YearView) -> None:
    add_hearing(view.workspace, "200000009", at(NOV, 20, 13), 210)
    view.workspace.notify(Change.HEARINGS)
    assert view.day_fill(date(2026, 11, 20)) == (SCALE[3], False)  # half the day: 50-75%
    assert dict(view.month_figures())["Nov 2026"] == "116 h 30 free of 124 h"
    view.workspace.notify(Change.JUDGES)  # not something the overview shows: nothing read


def test_days_with_hearings_in_conflict_are_marked_and_say_so(view: YearView) -> None:
    # Monday 30 November holds two master hearings at the same time: one conflict.
    assert view.conflict_days() == {date(2026, 11, 30): 1}
    assert "1 conflict: see the day view" in view.cells[date(2026, 11, 30)].tooltip
    assert "conflict" not in view.cells[date(2026, 11, 23)].tooltip
    assert "conflict" in [item.label for item in view.layout_.legend]
