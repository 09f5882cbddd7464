"""The profile dialog: every field is edited as a user would, errors show beside the field."""

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTimeEdit

from planner.domain.judge import Judge, KindMinutes, Session, standard_week
from planner.domain.time_off import Closure, Leave
from planner.domain.vocabulary import (
    DEFAULT_COUNTED_COMPLETIONS,
    CompletionKind,
    HearingKind,
    LeaveKind,
    SessionKind,
)
from planner.services.local_zone import local_zone
from planner.ui.judges.profile_dialog import ProfileDialog

TODAY = date(2026, 11, 25)
ALVAREZ = Judge(
    name="Hon. Maria T. Alvarez",
    court="Los Angeles Immigration Court",
    timezone="America/Los_Angeles",
    id=7,
)
CHRISTMAS_EVE = Closure(date(2026, 12, 24), "Executive order")
YEAR_END = Leave.days(date(2026, 12, 28), date(2026, 12, 31))


def open_dialog(qtbot, judge=None, closures=(), leave=(), taken=()):  # type: ignore[no-untyped-def]
    dialog = ProfileDialog(judge, closures, leave, taken_names=taken, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select everything in a line edit or spin box and type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def type_time(qtbot, edit: QTimeEdit, digits: str) -> None:  # type: ignore[no-untyped-def]
    """Type hours and minutes into a time field, from its hour section."""
    edit.setFocus()
    edit.setSelectedSection(QTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, digits)


def test_a_new_judge_needs_a_name_before_ok_is_enabled(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    name_error = dialog.general.errors["name"]
    assert not dialog.ok_button.isEnabled()
    assert name_error.isVisible()
    assert name_error.text() == "a judge needs a name"
    assert not dialog.tabs.tabIcon(0).isNull()

    qtbot.keyClicks(dialog.general.name, "Hon. Ruth Okafor")
    assert dialog.ok_button.isEnabled()
    assert not name_error.isVisible()
    assert dialog.tabs.tabIcon(0).isNull()
    judge, closures, leave = dialog.profile()
    # The model's defaults, quota 700, in the machine's zone.
    assert judge == Judge(name="Hon. Ruth Okafor", timezone=local_zone())
    assert judge.quota == 700
    assert judge.sessions == standard_week()
    assert (closures, leave) == ([], [])


def test_a_name_already_in_the_database_is_refused_beside_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, taken=["Hon. Ruth Okafor"])
    qtbot.keyClicks(dialog.general.name, "Hon. Ruth Okafor")
    assert "already in this database" in dialog.general.errors["name"].text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.general.name, " II")
    assert dialog.ok_button.isEnabled()


def test_editing_keeps_the_judges_own_name_allowed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ, taken=[ALVAREZ.name, "Hon. B"])
    assert dialog.ok_button.isEnabled()
    assert dialog.profile()[0] == ALVAREZ  # untouched, the same profile and id


# Typing opens the completer's popup, which the offscreen platform cannot raise or grab for.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("does not support (raise|grabbing the keyboard)")


@OFFSCREEN_POPUP
def test_a_time_zone_that_is_not_iana_gets_the_models_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    zone = dialog.general.timezone.lineEdit()
    retype(qtbot, zone, "Pacific Time")
    error = dialog.general.errors["timezone"]
    assert error.isVisible()
    assert "is not an IANA zone such as America/Los_Angeles" in error.text()
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, zone, "America/Chicago")
    assert not error.isVisible()
    assert dialog.profile()[0].timezone == "America/Chicago"


@OFFSCREEN_POPUP
def test_us_time_zones_come_first_and_typing_part_of_a_city_completes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    combo = dialog.general.timezone
    assert combo.itemText(0) == "America/New_York"
    assert combo.findText("Pacific/Saipan") < combo.findText("Africa/Abidjan")
    assert combo.findText("Europe/Lisbon") > 0
    retype(qtbot, combo.lineEdit(), "angel")
    completer = combo.completer()
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "America/Los_Angeles"


def test_fiscal_year_start_quota_and_slack_are_edited_and_checked(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    form = dialog.general
    retype(qtbot, form.fy_day, "30")
    assert "must be a month 1-12 and a day 1-28" in form.errors["fy_start"].text()
    assert not dialog.ok_button.isEnabled()
    assert "General" in dialog.summary.text()
    retype(qtbot, form.fy_day, "15")
    qtbot.keyClicks(form.fy_month, "July")
    retype(qtbot, form.quota, "650")
    retype(qtbot, form.slack, "100")
    assert "must be 0 to under 100" in form.errors["at_risk_slack_pct"].text()
    retype(qtbot, form.slack, "12.5")
    assert dialog.ok_button.isEnabled()
    judge = dialog.profile()[0]
    assert (judge.fy_start_month, judge.fy_start_day, judge.quota) == (7, 15, 650)
    assert judge.at_risk_slack_pct == 12.5


def test_minimum_above_default_is_refused_beside_the_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    dialog.tabs.setCurrentIndex(2)
    asylum = dialog.case_minutes.row("asylum")
    retype(qtbot, asylum.minimum, "200")
    assert asylum.error.isVisible()
    assert asylum.error.text() == (
        "minimum 200 must be positive and no more than the default 195 minutes"
    )
    assert not dialog.ok_button.isEnabled()
    assert not dialog.tabs.tabIcon(2).isNull()
    retype(qtbot, asylum.default, "240")
    assert not asylum.error.isVisible()
    assert dialog.ok_button.isEnabled()

    bond = dialog.hearing_minutes.row(HearingKind.BOND)
    qtbot.keyClick(bond.minimum, Qt.Key.Key_Up)
    judge = dialog.profile()[0]
    assert judge.case_minutes["asylum"] == KindMinutes(240, 200)
    assert judge.hearing_minutes[HearingKind.BOND] == KindMinutes(30, 21)


def test_a_new_case_kind_is_added_and_a_duplicate_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    minutes = dialog.case_minutes
    qtbot.keyClicks(minutes.new_kind, "asylum")
    assert "already in the table" in minutes.new_kind_error.text()
    assert not minutes.add_button.isEnabled()
    retype(qtbot, minutes.new_kind, "withholding_only")
    qtbot.mouseClick(minutes.add_button, Qt.MouseButton.LeftButton)
    retype(qtbot, minutes.row("withholding_only").default, "150")
    assert dialog.profile()[0].case_minutes["withholding_only"] == KindMinutes(150, 30)


def test_counted_completions_are_checkboxes_with_defaults_to_restore(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    dialog.tabs.setCurrentIndex(3)
    boxes = dialog.completions.boxes
    qtbot.keyClick(boxes[CompletionKind.CHANGE_OF_VENUE], Qt.Key.Key_Space)
    qtbot.keyClick(boxes[CompletionKind.DISMISSAL], Qt.Key.Key_Space)
    counted = dialog.profile()[0].counted_completions
    assert CompletionKind.CHANGE_OF_VENUE in counted
    assert CompletionKind.DISMISSAL not in counted
    qtbot.mouseClick(dialog.completions.defaults, Qt.MouseButton.LeftButton)
    assert dialog.profile()[0].counted_completions == DEFAULT_COUNTED_COMPLETIONS


def test_the_weekly_grid_edits_the_profiles_sessions(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ)
    dialog.tabs.setCurrentIndex(1)
    grid = dialog.template.grid
    grid.setFocus()
    grid.setCurrentCell(dialog.template.row_of(time(8, 30)), 4)  # Friday morning
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    sessions = dialog.profile()[0].sessions
    assert Session(4, time(8, 30), time(12, 0), SessionKind.MASTER) not in sessions
    assert len(sessions) == 9


def test_closures_are_added_and_removed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ, [CHRISTMAS_EVE])
    closures = dialog.calendar.closures
    closures.day.setFocus()
    closures.day.setCurrentSection(QDateEditSection.DaySection)
    qtbot.keyClick(closures.day, Qt.Key.Key_Up)  # 25 Nov -> 26 Nov
    qtbot.keyClicks(closures.reason, "Thanksgiving Friday closure")
    qtbot.mouseClick(closures.add_button, Qt.MouseButton.LeftButton)
    assert dialog.profile()[1] == [
        Closure(date(2026, 11, 26), "Thanksgiving Friday closure"),
        CHRISTMAS_EVE,
    ]
    assert not closures.add_button.isEnabled()  # that day is now taken
    assert "already a closure" in closures.error.text()

    qtbot.mouseClick(
        closures.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=closures.table.visualItemRect(closures.table.item(1, 0)).center(),
    )
    qtbot.mouseClick(closures.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.profile()[1] == [Closure(date(2026, 11, 26), "Thanksgiving Friday closure")]


def test_a_closure_on_a_day_without_sessions_disables_ok_and_says_why(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The standard week has no Sunday sessions: a closure on Sunday 29 Nov would mean nothing."""
    dialog = open_dialog(qtbot, ALVAREZ, [CHRISTMAS_EVE])
    closures = dialog.calendar.closures
    dialog.tabs.setCurrentIndex(4)
    closures.day.setDate(QDate(2026, 11, 29))
    qtbot.keyClicks(closures.reason, "Building maintenance")
    qtbot.mouseClick(closures.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.ok_button.isEnabled()
    assert not dialog.tabs.tabIcon(4).isNull()
    assert "Closures & leave" in dialog.summary.text()
    assert dialog.problems()[4] == (
        "the closure on Sun 29 Nov 2026 falls on a Sunday, when the judge has no sessions: "
        "a closure is for a day the court would sit"
    )
    closures.table.selectRow(0)
    qtbot.mouseClick(closures.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    assert dialog.tabs.tabIcon(4).isNull()


def test_part_day_leave_is_added_and_a_backwards_one_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ, leave=[YEAR_END])
    editor = dialog.calendar.leave
    dialog.tabs.setCurrentIndex(4)
    qtbot.mouseClick(editor.part, Qt.MouseButton.LeftButton)
    assert editor.start.isVisible()
    assert not editor.last.isVisible()
    type_time(qtbot, editor.end, "1200")
    assert "ends before it starts" in editor.error.text()
    assert not editor.add_button.isEnabled()
    assert dialog.ok_button.isEnabled()  # the profile itself is still valid
    type_time(qtbot, editor.end, "1700")
    qtbot.keyClicks(editor.kind, "Sick")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    afternoon = Leave(datetime(2026, 11, 25, 13), datetime(2026, 11, 25, 17), LeaveKind.SICK)
    assert dialog.profile()[2] == [afternoon, YEAR_END]
    assert editor.table.item(0, 1).text() == "17:00"


def test_selected_leave_is_changed_and_removed(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ALVAREZ, leave=[YEAR_END])
    editor = dialog.calendar.leave
    dialog.tabs.setCurrentIndex(4)
    qtbot.mouseClick(
        editor.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.table.visualItemRect(editor.table.item(0, 0)).center(),
    )
    assert editor.first.date() == QDate(2026, 12, 28)  # the form shows the selected leave
    editor.last.setFocus()
    editor.last.setCurrentSection(QDateEditSection.DaySection)
    qtbot.keyClick(editor.last, Qt.Key.Key_Down)  # 31 Dec -> 30 Dec
    qtbot.keyClicks(editor.kind, "Training")
    qtbot.mouseClick(editor.update_button, Qt.MouseButton.LeftButton)
    changed = Leave.days(date(2026, 12, 28), date(2026, 12, 30), LeaveKind.TRAINING)
    assert dialog.profile()[2] == [changed]

    editor.table.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.profile()[2] == []


QDateEditSection = QTimeEdit.Section


def test_the_rule_set_and_age_targets_are_kept_and_picked(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A profile's choice survives an edit of something else; a clock ticked takes the figures
    typed beside it; the rule set is picked from its list."""
    from planner.domain.records import replace
    from planner.domain.rules import AgeTarget, Clock

    chosen = replace(ALVAREZ, rule_set="2018", age_targets=(AgeTarget(Clock.MOTIONS, 30, 90.0),))
    dialog = open_dialog(qtbot, chosen)
    retype(qtbot, dialog.general.court, "San Francisco Immigration Court")
    judge, _, _ = dialog.profile()
    assert judge.rule_set == "2018"
    assert judge.age_targets == (AgeTarget(Clock.MOTIONS, 30, 90.0),)

    form = dialog.general
    form.rule_set.setCurrentIndex(form.rule_set.findData("2025"))
    tick, days, goal = form.targets.rows[Clock.DETAINED]
    assert goal.value() == 95.0  # the 2025 figure shown until ticked
    assert not days.isEnabled()
    tick.click()
    assert days.isEnabled()
    retype(qtbot, days, "45")
    judge, _, _ = dialog.profile()
    assert judge.rule_set == "2025"
    assert AgeTarget(Clock.DETAINED, 45, 95.0) in judge.age_targets
    assert "2025 targets (PM 25-47), from 12 Sep 2025" in form.rule_set.currentText()


def test_the_adjournment_settings_are_kept_typed_and_bounded(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The rate assumed until there is history, and the outcomes that make enough history:
    kept through an edit of something else, typed as a user would, never above 90%."""
    from planner.domain.records import replace

    set_before = replace(ALVAREZ, adjournment_rate_pct=15.0, adjournment_history=30)
    dialog = open_dialog(qtbot, set_before)
    retype(qtbot, dialog.general.court, "San Francisco Immigration Court")
    judge, _, _ = dialog.profile()
    assert (judge.adjournment_rate_pct, judge.adjournment_history) == (15.0, 30)

    form = dialog.general
    from PySide6.QtWidgets import QLabel

    (label,) = [w for w in form.findChildren(QLabel) if w.text() == "Ad&journments:"]
    assert label.buddy() is form.adjournment_rate  # Alt+J
    retype(qtbot, form.adjournment_rate, "22.5")
    retype(qtbot, form.adjournment_history, "50")
    judge, _, _ = dialog.profile()
    assert (judge.adjournment_rate_pct, judge.adjournment_history) == (22.5, 50)
    assert form.adjournment_history.text() == "until 50 outcomes are recorded"
    retype(qtbot, form.adjournment_rate, "95")
    assert form.adjournment_rate.value() <= 90.0
    assert dialog.ok_button.isEnabled()
    assert dialog.profile()[0].adjournment_rate_pct <= 90.0
