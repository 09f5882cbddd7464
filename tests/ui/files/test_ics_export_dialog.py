"""File > Export Calendar (.ics)…: the dialog, and the file it writes, as a user meets them."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind, HearingStatus
from planner.ui.common.workspace import Workspace
from planner.ui.files import ics_export_dialog
from planner.ui.files.ics_export_dialog import IcsExportDialog, start_export
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

TODAY = date(2026, 11, 25)


@pytest.fixture
def judge(workspace: Workspace) -> Judge:
    with workspace.database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Baker", court="Chicago", timezone="America/Chicago"),
                cases=(
                    Case("123456789", "Ana Pérez", "asylum", date(2025, 1, 1)),
                    Case("987654321", "Luis Quispe", "removal", date(2025, 2, 1)),
                ),
                hearings=(
                    # Before and after the 2027 spring change (14 March): 09:00 both times.
                    Hearing("123456789", datetime(2027, 3, 12, 9), 180, HearingKind.INDIVIDUAL),
                    Hearing("987654321", datetime(2027, 3, 15, 9), 15, HearingKind.MASTER),
                    Hearing(
                        "987654321",
                        datetime(2027, 3, 1, 9),
                        15,
                        HearingKind.MASTER,
                        HearingStatus.ADJOURNED,
                        "interpreter unavailable",
                    ),
                ),
            )
        )
    judge = workspace.judges()[0]
    workspace.switch_judge(judge)
    return judge


def _dialog(qtbot, judge: Judge, out: Path) -> IcsExportDialog:  # type: ignore[no-untyped-def]
    dialog = IcsExportDialog(judge, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(out))
    return dialog


def _export(
    qtbot, workspace: Workspace, judge: Judge, dialog: IcsExportDialog, monkeypatch
) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    choice = dialog.choice()
    assert choice is not None
    task = start_export(workspace, judge, choice, dialog)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    return said


def test_names_are_left_out_unless_the_box_is_ticked(qtbot, judge: Judge) -> None:  # type: ignore[no-untyped-def]
    dialog = IcsExportDialog(judge, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.names_box.text() == "Include &names (confidential)"
    assert not dialog.names_box.isChecked()
    assert dialog.first_edit.date().toPython() == TODAY
    assert dialog.last_edit.date().toPython() == TODAY + timedelta(days=365)
    assert dialog.file_edit.text().endswith("hearings-baker.ics")
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.range_error)))
    assert "last four digits of the A-number" in texts
    assert "America/Chicago" in texts


def test_the_file_has_no_names_and_keeps_9am_across_daylight_saving(
    qtbot, workspace: Workspace, judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "baker.ics"
    dialog = _dialog(qtbot, judge, out)
    said = _export(qtbot, workspace, judge, dialog, monkeypatch)
    assert said == [
        f"Exported Judge Baker's 3 hearings (1 adjourned, marked cancelled) to {out} as a "
        "calendar, without names: each shows the hearing kind and the A-number's last four digits."
    ]
    text = out.read_bytes().decode("utf-8")
    assert "Pérez" not in text
    assert "Quispe" not in text
    events = sorted(
        Calendar.from_ical(out.read_bytes()).walk("VEVENT"), key=lambda e: e.decoded("dtstart")
    )
    assert [str(e["SUMMARY"]) for e in events] == [
        "Adjourned: Master calendar · …4321",
        "Individual hearing · …6789",
        "Master calendar · …4321",
    ]
    assert [str(e["STATUS"]) for e in events] == ["CANCELLED", "CONFIRMED", "CONFIRMED"]
    starts = [e.decoded("dtstart") for e in events]
    assert {(s.hour, s.minute) for s in starts} == {(9, 0)}
    assert [s.astimezone(UTC).hour for s in starts] == [15, 15, 14]  # CST, CST, then CDT


def test_ticking_names_puts_them_in(
    qtbot, workspace: Workspace, judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "named.ics"
    dialog = _dialog(qtbot, judge, out)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.names_box.setFocus()
    qtbot.keyClick(dialog.names_box, Qt.Key.Key_Space)
    assert dialog.names_box.isChecked()
    said = _export(qtbot, workspace, judge, dialog, monkeypatch)
    assert said[0].endswith("It names asylum applicants: keep it confidential.")
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert "Individual hearing · A123-456-789 · Ana Pérez" in summaries


def test_the_dates_choose_the_hearings(
    qtbot, workspace: Workspace, judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "march.ics"
    dialog = _dialog(qtbot, judge, out)
    dialog.first_edit.setDate(QDate(2027, 3, 10))
    dialog.last_edit.setDate(QDate(2027, 3, 12))
    _export(qtbot, workspace, judge, dialog, monkeypatch)
    assert len(Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 1


def test_a_wrong_range_or_folder_is_said_under_the_field_and_the_dialog_stays(
    qtbot, judge: Judge, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, judge, tmp_path / "nowhere" / "x.ics")
    dialog.show()
    dialog.last_edit.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.range_error.text() == "The last day is before the first."
    assert dialog.file_error.text() == f"The folder {tmp_path / 'nowhere'} does not exist."
    assert not (tmp_path / "nowhere").exists()


def test_the_file_menu_exports_the_judge_on_screen(
    qtbot, workspace: Workspace, judge: Judge, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    [action] = [
        a for a in window.menuBar().actions()[0].menu().actions() if "Calendar (.ics)" in a.text()
    ]
    assert action.isEnabled()
    out = tmp_path / "from-menu.ics"
    monkeypatch.setattr(ics_export_dialog, "default_file", lambda _judge: out)
    monkeypatch.setattr(IcsExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    # The dialog's defaults: from today (25 Nov 2026) for a year, without names.
    assert "Judge Baker's 3 hearings" in said[0]
    assert "without names" in said[0]
    assert out.exists()
