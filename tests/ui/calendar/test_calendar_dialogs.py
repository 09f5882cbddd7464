"""The calendar's small dialogs: the continuance asks a later date and time and a reason."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDialogButtonBox

from planner.domain.vocabulary import AdjournmentCause, Party
from planner.ui.calendar.calendar_dialogs import ContinuanceDialog, DateDialog


def test_the_continuance_proposes_a_week_later_and_asks_why_and_who_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The reason in the court's vocabulary (the first, respondent to seek counsel, to start),
    who asked (the reason's usual party until the user picks another) and details: "other"
    needs its details."""
    dialog = ContinuanceDialog(None, "A100-000-003", datetime(2026, 11, 25, 13, 0), 180)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.when.dateTime().toPython() == datetime(2026, 12, 2, 13, 0)
    assert dialog.windowTitle() == "Continue A100-000-003"
    fields = dialog.fields
    assert ok.isEnabled()
    fields.cause.setCurrentIndex(fields.cause.findData(AdjournmentCause.OTHER.value))
    assert not ok.isEnabled()
    assert "other reason" in ok.toolTip()
    qtbot.keyClicks(fields.details, "  Respondent ill  ")
    assert ok.isEnabled()
    fields.cause.setCurrentIndex(fields.cause.findData(AdjournmentCause.INTERPRETER.value))
    assert fields.asked_by.currentText() == "The court"
    fields.asked_by.setCurrentIndex(fields.asked_by.findData(Party.RESPONDENT.value))
    dialog.when.setDateTime(QDateTime(QDate(2026, 12, 9), QTime(9, 30)))
    assert dialog.answer() == (
        datetime(2026, 12, 9, 9, 30),
        ("Interpreter unavailable: Respondent ill", AdjournmentCause.INTERPRETER, Party.RESPONDENT),
    )
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(9, 30)))
    assert dialog.answer()[0].date() == date(2026, 11, 26)  # not before the next day


def test_go_to_date_starts_on_the_date_on_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DateDialog(None, date(2026, 11, 25))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == date(2026, 11, 25)
    dialog.calendar.setSelectedDate(QDate(2027, 3, 17))
    assert dialog.chosen() == date(2027, 3, 17)
