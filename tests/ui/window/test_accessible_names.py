"""Screen readers: every control of the main window, its tabs, panels and docks, and of its
dialogs has an accessible name (and a description where its name alone does not say what it
does), as Qt gives them to the platform's accessibility bus."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.vocabulary import HearingKind
from planner.ui.calendar.calendar_dialogs import AdjournDialog, ContinuanceDialog, DateDialog
from planner.ui.common.accessibility import accessible_name
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_dialog import CaseDialog
from planner.ui.docket.complete_dialog import CompleteCaseDialog
from planner.ui.docket.explanation_dialog import ExplanationDialog
from planner.ui.files.ics_export_dialog import IcsExportDialog
from planner.ui.judges.profile_dialog import ProfileDialog
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.ui.conftest import NOW

_INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTextEdit,
)


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def unnamed(root: QWidget) -> list[str]:
    """The interactive widgets under ``root`` a screen reader could not name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, _INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (a scroll area's corner)
            continue
        if widget.window() is not root.window():  # a combo box's list, when it pops up
            continue
        if isinstance(widget.parentWidget(), (QLineEdit, QComboBox)):  # their own parts
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue  # a line edit inside a combo box, say: the combo box is the control
        if not accessible_name(widget):
            parent = widget.parentWidget()
            where = type(parent).__name__ if parent else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}")
    return missing


def _window(qtbot, workspace: Workspace, settings: WindowSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    cases = tuple(
        Case(f"1{i:08d}", f"Respondent {i}", "asylum", date(2025, 1, 1)) for i in range(3)
    )
    hearings = (Hearing("100000000", NOW.replace(hour=9, minute=0), 30, HearingKind.MASTER),)
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(Judge("Ana Ruiz"), cases=cases, hearings=hearings))
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    for tab in range(window.views.count()):  # the lazy pages are built when first shown
        window.views.setCurrentIndex(tab)
        qtbot.wait(10)
    return window


def test_every_control_of_the_window_and_its_pages_has_a_name(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings)
    missing = unnamed(window)
    assert missing == [], "\n".join(missing)


def test_the_walk_fails_on_a_control_without_a_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    assert unnamed(root) == ["QLineEdit '' in QWidget"]
    edit.setAccessibleName("Search")
    assert unnamed(root) == []


def test_the_calendar_and_the_toolbar_describe_what_they_do(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings)
    calendar = window.calendar
    for button in (calendar.previous_button, calendar.next_button, calendar.day_button):
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.text(QAccessible.Text.Name) in ("Previous", "Next", "Day")
        assert interface.text(QAccessible.Text.Description)  # its tooltip: keys too
    assert accessible_name(window.quota_panel.title).startswith("Verdict: ")


def test_every_control_of_the_dialogs_has_a_name(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings)
    judge = workspace.judge
    case = Case("100000001", "Respondent 1", "asylum", date(2025, 1, 1))
    today = NOW.date()
    dialogs: list[QDialog] = [
        window.show_shortcuts(),
        CaseDialog(judge, languages=["Spanish"], today=today, case=case, parent=window),
        CompleteCaseDialog(judge, case, today=today, parent=window),
        ProfileDialog(judge, parent=window),
        ContinuanceDialog(window, "A100-000-001", NOW, 30),
        AdjournDialog(window, "A100-000-001", NOW),
        DateDialog(window, today),
        IcsExportDialog(judge, today=today, parent=window),
        ExplanationDialog(window),
    ]
    failures = []
    for dialog in dialogs:
        dialog.show()  # as the window opens it: its form's fields are named then
        missing = unnamed(dialog)
        if missing:
            failures.append(f"{type(dialog).__name__}: " + "; ".join(missing))
        dialog.close()
    assert failures == [], "\n".join(failures)


def _tab_cycle(qtbot, window: MainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    """The accessible names Tab goes through from the judge switcher, once round."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    window.judge_box.setFocus()
    qtbot.waitUntil(window.judge_box.hasFocus)
    names: list[str] = []
    widget = QApplication.focusWidget()
    for _ in range(80):
        names.append(accessible_name(widget))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is window.judge_box:
            return names
    raise AssertionError(f"Tab never came back to the judge switcher: {names}")


def test_tab_goes_in_reading_order_on_every_page(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings)
    quota = [
        "Ana Ruiz",
        "How is this computed?",
        "Hide details",
        "quota",
        "extra leave",
        "none",  # the extra session: on Linux a combo box is named by its value (its label
        "Reset",  # is given by a relation, as its buddy)
        "none",  # the session to turn into another kind
    ]
    window.views.setCurrentIndex(0)
    docket = _tab_cycle(qtbot, window)
    assert docket[: len(quota)] == quota  # the top of the window first
    assert docket[len(quota)] == "Docket"  # the tabs
    assert docket[len(quota) + 1] == "Search the docket"
    assert docket[-1] == "Docket"  # the table last: Tab leaves it (arrows move in it)
    window.views.setCurrentIndex(1)  # a page built after the window: the same order
    calendar = _tab_cycle(qtbot, window)
    assert calendar[: len(quota)] == quota
    assert calendar[len(quota) :] == [
        "Calendar",
        "Unscheduled",
        "Search the unscheduled cases",
        "Detained only",
        "Any language",
        "Asylum deadline within (days)",
        "Unscheduled cases",
        "Calendar",  # the days and their hearings: the arrow keys go through them
    ]


def test_the_newer_dialogs_name_every_control(qtbot, workspace, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Reassign Cases, Court Closures, Interpreter Requests, Connect to Court Server and Bring
    Back Online's collisions (the Notices tab is one of the window's pages, above)."""
    from planner.services.offline import checkin, checkout
    from planner.ui.files.court_server_dialog import CourtServerDialog
    from planner.ui.files.interpreter_dialog import InterpreterDialog
    from planner.ui.files.offline_actions import CollisionDialog
    from planner.ui.judges.court_closures_dialog import CourtClosuresDialog
    from planner.ui.judges.reassign_dialog import ReassignDialog
    from tests.sync.offline_docket import JUDGE, a_number, edit_case, make_server

    window = _window(qtbot, workspace, settings)
    judge = workspace.judge
    today = NOW.date()
    server = make_server(tmp_path / "server.sqlite")
    laptop = tmp_path / "laptop.sqlite"
    checkout(str(server), JUDGE, laptop)
    edit_case(laptop, a_number(1), attorney="Laptop Counsel")
    edit_case(server, a_number(1), attorney="Server Counsel")
    dialogs: list[QDialog] = [
        ReassignDialog(workspace, judge, ["A100-000-001"], window),
        CourtClosuresDialog("Los Angeles", [], ["Ana Ruiz"], today, window),
        InterpreterDialog(workspace, today, window),
        CourtServerDialog(window, settings),
        CollisionDialog(checkin(laptop, str(server)), window),
    ]
    failures = []
    for dialog in dialogs:
        dialog.show()
        missing = unnamed(dialog)
        if missing:
            failures.append(f"{type(dialog).__name__}: " + "; ".join(missing))
        dialog.close()
    assert failures == [], "\n".join(failures)
