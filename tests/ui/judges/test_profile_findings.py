"""The profile dialog's findings: leave dates follow, errors never move the fields, tables explained."""

from datetime import date

from PySide6.QtCore import QDate, QPoint
from PySide6.QtWidgets import QApplication, QWidget

from planner.domain.judge import Judge
from planner.domain.time_off import Leave
from planner.ui.judges.profile_dialog import ProfileDialog

TODAY = date(2026, 11, 25)
ALVAREZ = Judge(name="Hon. Maria T. Alvarez", court="Los Angeles", timezone="America/Chicago")


def open_dialog(qtbot, judge=ALVAREZ, leave=()):  # type: ignore[no-untyped-def]
    dialog = ProfileDialog(judge, (), leave, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def top(widget: QWidget, dialog: QWidget) -> int:
    QApplication.processEvents()
    return widget.mapTo(dialog, QPoint(0, 0)).y()


def test_last_day_follows_first_day_keeping_the_length(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    editor = dialog.calendar.leave
    dialog.tabs.setCurrentIndex(4)
    editor.first.setDate(QDate(2026, 12, 7))
    editor.last.setDate(QDate(2026, 12, 9))
    editor.first.setDate(QDate(2026, 12, 21))
    assert editor.last.date() == QDate(2026, 12, 23)
    assert editor.entry() == Leave.days(date(2026, 12, 21), date(2026, 12, 23))
    assert not editor.error.text()
    editor.first.setDate(QDate(2026, 12, 22))  # still before the last day: the last day stays
    assert editor.last.date() == QDate(2026, 12, 23)


def test_a_leave_error_does_not_move_the_buttons_below(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    editor = dialog.calendar.leave
    dialog.tabs.setCurrentIndex(4)
    before = top(editor.add_button, dialog)
    editor.last.setDate(QDate(2026, 11, 20))  # the last day before the first: an error
    assert editor.error.isVisible()
    assert top(editor.add_button, dialog) == before


def test_a_general_error_does_not_move_the_fields_below(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    general = dialog.general
    below = (general.court, general.timezone, general.quota, general.slack)
    before = [top(field, dialog) for field in below]
    general.name.clear()
    assert general.errors["name"].isVisible()
    assert [top(field, dialog) for field in below] == before


def test_each_minutes_table_says_what_it_drives(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    dialog.tabs.setCurrentIndex(2)
    assert "forecast" in dialog.case_minutes_note.text()
    assert "auto-scheduler" in dialog.hearing_minutes_note.text()
    assert dialog.case_minutes_note.isVisible()
    assert dialog.hearing_minutes_note.isVisible()


def test_a_case_kind_is_typed_and_shown_by_its_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    editor = dialog.case_minutes
    assert "_" not in editor.new_kind.placeholderText()
    qtbot.keyClicks(editor.new_kind, "Withholding only")
    editor.add_kind()
    assert editor.row("withholding_only").name.text() == "Withholding only"
    assert "withholding_only" in dialog.profile()[0].case_minutes
    qtbot.keyClicks(editor.new_kind, "withholding only")
    assert "already in the table" in editor.new_kind_error.text()


def test_at_risk_slack_is_explained(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    tip = dialog.general.slack.toolTip()
    assert "binding" in tip
    assert "capacity" in tip
    assert "at risk" in dialog.general.slack_help.text()


def test_a_new_judge_starts_in_the_machines_zone(qtbot) -> None:  # type: ignore[no-untyped-def]
    from planner.services.local_zone import local_zone

    dialog = open_dialog(qtbot, judge=None)
    assert dialog.general.timezone.currentText() == local_zone()
