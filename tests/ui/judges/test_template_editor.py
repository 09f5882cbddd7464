"""The weekly grid: a clerk adds, edits and removes sessions with the mouse and the keyboard."""

from collections.abc import Callable
from datetime import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTimeEdit

from planner.domain.judge import Session, standard_week
from planner.domain.vocabulary import SessionKind
from planner.ui.judges.session_dialog import SessionDialog
from planner.ui.judges.template_editor import TemplateEditor

MON, TUE, SAT = 0, 1, 5


def make_editor(qtbot, sessions=(), driver: Callable[[SessionDialog], None] | None = None):  # type: ignore[no-untyped-def]
    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, SessionDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert driver is not None, "no dialog was expected"
        driver(dialog)
        return dialog.result()

    editor = TemplateEditor(sessions, exec_dialog=run)
    qtbot.addWidget(editor)
    editor.resize(800, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def cell_centre(editor: TemplateEditor, at: time, weekday: int) -> QPoint:
    index = editor.grid.model().index(editor.row_of(at), weekday)
    return editor.grid.visualRect(index).center()


def click_cell(qtbot, editor: TemplateEditor, at: time, weekday: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        editor.grid.viewport(), Qt.MouseButton.LeftButton, pos=cell_centre(editor, at, weekday)
    )


def double_click_cell(qtbot, editor: TemplateEditor, at: time, weekday: int) -> None:  # type: ignore[no-untyped-def]
    """A real double-click: Qt's view needs the first press before the double-click event."""
    click_cell(qtbot, editor, at, weekday)
    qtbot.mouseDClick(
        editor.grid.viewport(), Qt.MouseButton.LeftButton, pos=cell_centre(editor, at, weekday)
    )


def step_hour(qtbot, edit: QTimeEdit, key: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.setCurrentSection(QTimeEdit.Section.HourSection)
    for _ in range(times):
        qtbot.keyClick(edit, key)


def click_ok(qtbot, dialog: SessionDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_selecting_half_hours_and_pressing_enter_adds_a_session_of_the_chosen_kind(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot)
    qtbot.keyClicks(editor.kind, "Bond")
    click_cell(qtbot, editor, time(9, 0), TUE)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Return)
    assert editor.sessions() == (Session(TUE, time(9, 0), time(10, 30), SessionKind.BOND),)
    block = editor.grid.item(editor.row_of(time(9, 0)), TUE)
    assert block.text().splitlines()[:2] == ["Bond", "09:00–10:30"]
    assert editor.grid.rowSpan(editor.row_of(time(9, 0)), TUE) == 3


def test_one_selection_across_days_adds_a_session_to_each_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot)
    click_cell(qtbot, editor, time(7, 0), MON)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert [(s.weekday, s.start, s.end) for s in editor.sessions()] == [
        (MON, time(7, 0), time(8, 0)),
        (TUE, time(7, 0), time(8, 0)),
    ]


def test_a_selection_over_a_session_is_refused_and_says_which(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, standard_week())
    click_cell(qtbot, editor, time(8, 0), MON)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Insert)
    assert editor.sessions() == standard_week()
    assert editor.error.isVisible()
    assert "overlaps Mon 08:30-12:00 master" in editor.error.text()


def test_delete_removes_the_session_under_the_cursor(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, standard_week())
    click_cell(qtbot, editor, time(14, 0), TUE)
    assert editor.remove_button.isEnabled()
    qtbot.keyClick(editor.grid, Qt.Key.Key_Delete)
    assert len(editor.sessions()) == 9
    assert Session(TUE, time(13, 0), time(16, 30), SessionKind.INDIVIDUAL) not in editor.sessions()


def test_double_clicking_a_session_edits_its_end_kind_and_interpreter(qtbot) -> None:  # type: ignore[no-untyped-def]
    def drive(dialog: SessionDialog) -> None:
        assert dialog.windowTitle() == "Edit session"
        step_hour(qtbot, dialog.end, Qt.Key.Key_Down)  # 12:00 -> 11:00
        qtbot.keyClicks(dialog.kind, "Detained")  # typing picks the item
        qtbot.keyClicks(dialog.language.lineEdit(), "Mam")
        click_ok(qtbot, dialog)

    editor = make_editor(qtbot, standard_week(), drive)
    double_click_cell(qtbot, editor, time(9, 0), MON)
    monday = editor.sessions()[0]
    assert monday == Session(MON, time(8, 30), time(11, 0), SessionKind.DETAINED_MASTER, "Mam")
    assert editor.grid.item(editor.row_of(time(8, 30)), MON).text().endswith("Mam")


def test_a_master_session_is_made_a_master_calendar_with_its_limit_and_call_times(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def drive(dialog: SessionDialog) -> None:
        seen["calls enabled before"] = dialog.calls.isEnabled()
        dialog.limit.setFocus()
        dialog.limit.selectAll()
        qtbot.keyClicks(dialog.limit, "40")
        qtbot.keyClicks(dialog.calls, "08:30, 9h")
        seen["error"] = dialog.error.text()
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.calls.clear()
        qtbot.keyClicks(dialog.calls, "10:00, 08:30")
        click_ok(qtbot, dialog)

    editor = make_editor(qtbot, standard_week(), drive)
    double_click_cell(qtbot, editor, time(9, 0), MON)
    assert seen["calls enabled before"] is False  # no limit: no call times
    assert "call time '9h'" in str(seen["error"])
    assert seen["ok"] is False
    monday = editor.sessions()[0]
    assert monday.case_limit == 40
    assert monday.call_times == (time(8, 30), time(10, 0))
    block = editor.grid.item(editor.row_of(time(8, 30)), MON).text()
    assert "40 cases, called 08:30, 10:00" in block


def test_an_individual_session_offers_no_case_limit(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def drive(dialog: SessionDialog) -> None:
        seen["limit"] = dialog.limit.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    editor = make_editor(qtbot, standard_week(), drive)
    double_click_cell(qtbot, editor, time(14, 0), MON)
    assert seen["limit"] is False


@pytest.mark.parametrize(
    ("key", "steps", "message"),
    [
        (Qt.Key.Key_Up, 2, "overlaps Mon 13:00-16:30 individual"),
        (Qt.Key.Key_Down, 4, "ends before it starts"),
    ],
)
def test_the_session_dialog_says_what_is_wrong_and_disables_ok(qtbot, key, steps, message) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def drive(dialog: SessionDialog) -> None:
        step_hour(qtbot, dialog.end, key, steps)  # 12:00 -> 14:00 or 08:00
        seen["error"] = dialog.error.text()
        seen["visible"] = dialog.error.isVisible()
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    editor = make_editor(qtbot, standard_week(), drive)
    click_cell(qtbot, editor, time(10, 0), MON)
    qtbot.keyClick(editor.grid, Qt.Key.Key_Return)
    assert message in str(seen["error"])
    assert seen["visible"] is True
    assert seen["ok"] is False
    assert editor.sessions() == standard_week()


def test_double_clicking_an_empty_half_hour_offers_a_new_session_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    def drive(dialog: SessionDialog) -> None:
        assert dialog.windowTitle() == "New session"
        step_hour(qtbot, dialog.end, Qt.Key.Key_Up)  # 17:30 -> 18:30
        qtbot.keyClicks(dialog.kind, "Administrative")
        click_ok(qtbot, dialog)

    editor = make_editor(qtbot, standard_week(), drive)
    double_click_cell(qtbot, editor, time(17, 0), TUE)
    added = Session(TUE, time(17, 0), time(18, 30), SessionKind.ADMINISTRATIVE)
    assert added in editor.sessions()


def test_weekend_columns_show_on_request_and_for_weekend_sessions(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, standard_week())
    assert editor.grid.isColumnHidden(SAT)
    qtbot.mouseClick(editor.weekend, Qt.MouseButton.LeftButton)
    assert not editor.grid.isColumnHidden(SAT)

    saturday = Session(SAT, time(9, 0), time(12, 0), SessionKind.JUVENILE)
    other = make_editor(qtbot, (*standard_week(), saturday))
    assert not other.grid.isColumnHidden(SAT)
    assert other.weekend.isChecked()


def test_sessions_outside_the_usual_hours_widen_the_grid(qtbot) -> None:  # type: ignore[no-untyped-def]
    early = Session(MON, time(6, 0), time(7, 0), SessionKind.BOND)
    editor = make_editor(qtbot, (early,))
    assert editor.grid.verticalHeaderItem(0).text() == "06:00"
    assert editor.row_of(time(6, 0)) == 0
