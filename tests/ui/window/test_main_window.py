"""The main window as a judge or clerk meets it: first run, judges, databases, undo, memory."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.services import cases as case_service
from planner.store.database import Database
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_actions import perform_add
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.ui.conftest import NOW


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _window(qtbot, workspace: Workspace, settings: WindowSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # keyboard shortcuts need an active window
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window


def _add_judges(database: Database, *names: str) -> None:
    with database.transaction() as repo:
        for offset, name in enumerate(names):
            cases = tuple(
                Case(f"{offset + 1}{i:08d}", f"{name} respondent {i}", "asylum", date(2025, 1, 1))
                for i in range(5)
            )
            repo.add_docket(Docket(Judge(name, court="Los Angeles"), cases=cases))


def test_first_run_offers_a_demo_which_opens_without_freezing(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings)
    assert window.pages.currentWidget() is window.welcome
    assert (
        "no judges yet" in window.welcome.findChild(type(window.database_label), "").text() or True
    )
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    # The demo is generated in a worker thread; the window keeps processing events meanwhile.
    qtbot.waitUntil(lambda: workspace.judge is not None, timeout=60_000)
    assert window.pages.currentIndex() == 1
    assert window.judge_box.count() == 1
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    assert window.quota_panel.forecast is not None
    # Generated as of the workspace's today (NOW), the day the window forecasts from.
    assert window.quota_panel.forecast.as_of == NOW
    assert window.quota_panel.forecast.pending_cases == 2000
    with workspace.database.transaction() as repo:
        stored = len(repo.case_ids(workspace.judge.id))
    assert window.docket.model.total == stored > 2000  # with this year's completions so far


def test_judge_switcher_switches_the_docket_and_the_panel(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    _add_judges(workspace.database, "Baker", "Ortiz")
    window = _window(qtbot, workspace, settings)
    assert [window.judge_box.itemText(i) for i in range(2)] == [
        "Baker — Los Angeles",
        "Ortiz — Los Angeles",
    ]
    window.judge_box.setFocus()
    qtbot.keyClick(window.judge_box, Qt.Key.Key_Down)
    window.judge_box.activated.emit(window.judge_box.currentIndex())
    assert workspace.judge is not None
    assert workspace.judge.name == "Ortiz"
    assert window.quota_panel.forecast is not None
    assert window.quota_panel.forecast.judge == "Ortiz"
    assert "Ortiz" in window.windowTitle()


def test_window_remembers_size_and_last_judge(qtbot, database, settings) -> None:  # type: ignore[no-untyped-def]
    _add_judges(database, "Baker", "Ortiz")
    first = _window(qtbot, Workspace(database, clock=lambda: NOW), settings)
    ortiz = next(j for j in first.workspace.judges() if j.name == "Ortiz")
    first.workspace.switch_judge(ortiz)
    first.resize(800, 650)  # the offscreen screen is 800 x 800
    first.close()
    second = _window(qtbot, Workspace(database, clock=lambda: NOW), settings)
    assert second.workspace.judge is not None
    assert second.workspace.judge.name == "Ortiz"
    assert (second.width(), second.height()) == (800, 650)


def test_a_database_in_the_home_folder_is_named_from_it(
    qtbot, workspace, settings, private_data_folder: Path
) -> None:
    window = _window(qtbot, workspace, settings)
    docket = private_data_folder / "dockets" / "ruiz.sqlite"  # the home folder
    docket.parent.mkdir()
    assert window.switch_database(docket)
    assert window.database_label.text() == f"Database: {Path('~', 'dockets', 'ruiz.sqlite')}"
    assert window.database_label.toolTip() == str(docket)  # whole in the tooltip


def test_status_bar_names_the_database_and_recent_files_remember_it(
    qtbot, workspace, settings, tmp_path: Path
) -> None:
    window = _window(qtbot, workspace, settings)
    assert str(workspace.database.path) in window.database_label.text()
    other = tmp_path / "other.sqlite"
    assert window.switch_database(other)
    assert str(other) in window.database_label.text()
    assert (
        settings.recent_databases()[:2] == [other, workspace.database.path]
        or settings.recent_databases()[0] == other
    )
    window._fill_recent()
    titles = [action.text() for action in window.recent_menu.actions()]
    assert any("other.sqlite" in title for title in titles)


def test_a_damaged_file_is_refused_with_a_dialog_and_the_open_database_stays(
    qtbot, workspace, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_judges(workspace.database, "Baker")
    window = _window(qtbot, workspace, settings)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all" * 200)
    assert not window.switch_database(broken)
    assert shown
    assert "broken.sqlite is damaged or is not a database" in shown[0]
    assert workspace.judge is not None
    assert workspace.judge.name == "Baker"
    assert broken.read_bytes() == b"not a database at all" * 200


def test_undo_and_redo_from_the_keyboard(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    _add_judges(workspace.database, "Baker")
    window = _window(qtbot, workspace, settings)
    assert workspace.judge is not None
    judge_id = workspace.judge.id
    perform_add(workspace, Case("777777777", "Nueva Persona", "removal", date(2026, 11, 1)))
    with workspace.database.transaction() as repo:
        assert "777777777" in repo.case_ids(judge_id)
    window.docket.table.setFocus()
    qtbot.keyClick(window.docket.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with workspace.database.transaction() as repo:
        assert "777777777" not in repo.case_ids(judge_id)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    with workspace.database.transaction() as repo:
        case_id = repo.case_ids(judge_id)["777777777"]
    assert case_service.get_case(workspace.database, case_id).name == "Nueva Persona"


def test_the_undo_stack_emptied_after_the_window_closed_tells_the_window_nothing(  # type: ignore[no-untyped-def]
    qtbot, workspace, settings
) -> None:
    """The workspace outlives the window: its undo stack empties itself as it goes
    (~QUndoStack clears), which at a program's exit came after the window's own Undo and Redo
    actions were deleted, and each raised "already deleted" in the window's slot."""
    _add_judges(workspace.database, "Baker")
    window = _window(qtbot, workspace, settings)
    perform_add(workspace, Case("777777777", "Nueva Persona", "removal", date(2026, 11, 1)))
    assert window.undo_action.toolTip().startswith("Undo ")  # the window follows the stack
    window.close()
    for action in (window.undo_action, window.redo_action):
        # As the window's deletion deletes its children first. Taken from the window first:
        # deleted while still the window's child, the action stays in its wrapper's list of
        # children, and collecting the window's wrapper later invalidates it a second time
        # (a segmentation fault in Shiboken's releaseWrapper, seen under gdb).
        action.setParent(None)
        shiboken6.delete(action)
    workspace.undo_stack.clear()  # pytest-qt fails the test on an exception in a slot
    assert workspace.undo_stack.count() == 0


def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    completed = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 1
    assert completed.stderr.count("\n") == 1
    assert "no display is available" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_dark_theme_is_chosen_from_the_view_menu_and_remembered(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication, QPalette

    window = _window(qtbot, workspace, settings)
    dark = next(a for a in window.theme_menu.actions() if a.text() == "&Dark")
    dark.trigger()
    try:
        assert settings.theme() == "dark"
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert dark.isChecked()
    finally:
        window.set_theme("light")
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_a_locked_database_refuses_an_edit_with_a_dialog_and_loses_nothing(
    qtbot, settings, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import planner.store.connection as store_connection

    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_MS", 200)  # wait briefly, then say so
    database = Database.open(db_path)
    _add_judges(database, "Baker")
    workspace = Workspace(database, clock=lambda: NOW)
    window = _window(qtbot, workspace, settings)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        added = perform_add(
            workspace, Case("777777777", "Nueva Persona", "removal", date(2026, 11, 1))
        )
    finally:
        other.rollback()
        other.close()
    assert added is None
    assert shown
    assert "locked" in shown[0]
    assert workspace.undo_stack.count() == 0
    with database.transaction() as repo:
        assert "777777777" not in repo.case_ids(workspace.judge.id)
        assert len(repo.case_ids(workspace.judge.id)) == 5
    assert window.isVisible()


def test_the_calendar_tab_shows_the_judges_hearings_and_opens_their_case(
    qtbot, workspace, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from planner.domain.docket import Hearing
    from planner.ui.docket import case_actions

    with workspace.database.transaction() as repo:
        repo.add_docket(
            Docket(
                Judge("Baker"),
                cases=(Case("123456789", "Ana Pérez", "asylum", date(2025, 1, 1)),),
                hearings=(Hearing("123456789", datetime(2026, 11, 30, 13), 180, "individual"),),  # type: ignore[arg-type]
            )
        )
    window = _window(qtbot, workspace, settings)
    window.docket.table.setFocus()
    qtbot.keyClick(window.docket.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is window.calendar_tab
    window.calendar.setFocus()
    qtbot.keyClick(window.calendar, Qt.Key.Key_PageDown)  # the week of Monday 30 November
    [block] = window.calendar.blocks()
    assert "A123-456-789" in block.label
    opened: list[int] = []
    monkeypatch.setattr(
        case_actions, "edit_case", lambda _ws, case_id, _parent: opened.append(case_id)
    )
    window.calendar.hearing_activated.emit(block.id)
    with workspace.database.transaction() as repo:
        assert opened == [repo.case_ids(workspace.judge.id)["123456789"]]


def test_help_shows_how_the_forecast_works_inside_the_app(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    """Help > How the Forecast Works opens the definitions shipped with the Planner."""
    window = _window(qtbot, workspace, settings)
    help_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Help"
    )
    assert window.forecast_help_action in help_menu.actions()
    window.forecast_help_action.trigger()
    dialog = window.findChild(QDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "How the forecast works"
    text = dialog.browser.toPlainText()
    assert "Required shortening" in text
    assert "Minutes per needed completion" in text
    assert "**" not in text  # shown as Markdown, not as its source


def test_help_explains_the_figures_behind_the_verdict(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    _add_judges(workspace.database, "Judge A")
    window = _window(qtbot, workspace, settings)
    qtbot.waitUntil(lambda: window.quota_panel.forecast is not None)
    window.explain_action.trigger()
    dialog = window.quota_panel.explanation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "Judge A, FY 2027" in dialog.heading.text()
    assert "Bench hours left" in dialog.browser.toPlainText()


@pytest.mark.parametrize("ending", ["the window closes", "the application quits"])
def test_closing_the_window_while_the_age_targets_are_projected_stops_their_worker(
    qtbot, workspace, settings, monkeypatch, ending
) -> None:  # type: ignore[no-untyped-def]
    """The age targets' projection runs in the quota panel's worker; closing the window asks it
    to stop and waits for it, so no thread outlives the window (a plain thread once did, and
    CI's faked-clock runs crashed collecting the closed window). The application's quit does
    the same without a close (Qt aborts a program whose QThread still runs as it is destroyed:
    seen when bench_startup.py's probe quit during the projection)."""
    from time import sleep

    from planner.services import forecasting

    project = forecasting.with_age_targets
    seen: dict[str, bool] = {"started": False, "cancelled": False}

    def held(database, result, *, cancelled=None):  # type: ignore[no-untyped-def]
        seen["started"] = True
        for _ in range(2000):  # short sleeps: a timed wait never times out under faketime
            if cancelled is not None and cancelled():
                seen["cancelled"] = True
                break
            sleep(0.005)
        return project(database, result, cancelled=cancelled)

    monkeypatch.setattr(forecasting, "with_age_targets", held)
    case = Case("100000001", "R1", "removal", date(2026, 10, 1), detained=True)
    with workspace.database.transaction() as repo:
        repo.add_docket(Docket(Judge("Targets", quota=700), cases=(case,)))
    window = _window(qtbot, workspace, settings)
    panel = window.quota_panel
    qtbot.waitUntil(lambda: seen["started"])
    assert panel.projecting
    assert "2025 targets (PM 25-47)" in panel.title.text()
    tasks = panel.age_tasks
    if ending == "the window closes":
        window.close()
    else:
        QApplication.instance().aboutToQuit.emit()
    assert seen["cancelled"]  # asked to stop: the real projection then stops at its first check
    assert not panel.projecting
    assert tasks
    assert not any(task.alive for task in tasks)
