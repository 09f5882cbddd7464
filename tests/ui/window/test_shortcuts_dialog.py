"""Help > Keyboard Shortcuts: every shortcut of the window, read from the actions themselves."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence

from planner.ui.common.workspace import Workspace
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from planner.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.calendar.calendar_docket import court


@pytest.fixture
def window(qtbot, workspace: Workspace, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    court(workspace)
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    made = MainWindow(workspace, settings)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def _open(window: MainWindow, qtbot) -> ShortcutsDialog:  # type: ignore[no-untyped-def]
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.shortcuts_action in help_menu.actions()
    window.shortcuts_action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_every_action_with_a_shortcut_is_listed_with_its_native_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.views.setCurrentWidget(window.calendar_tab)  # the calendar's own actions built too
    assert window.calendar is not None
    dialog = _open(window, qtbot)
    shown = dialog.shown()
    listed = {key for _, keys, _ in shown for key in keys.split(", ")}
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) > 15
    for action in with_keys:
        for key in action.shortcuts():
            native = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert native in listed, f"{action.text()} ({native}) is not listed"
    assert (
        "Everywhere",
        QKeySequence("Ctrl+Shift+J").toString(QKeySequence.SequenceFormat.NativeText),
        "Add Judge",
    ) in shown
    places = [place for place, _, _ in shown]
    assert places.index("Everywhere") < places.index("Docket") < places.index("Calendar")
    assert ("Docket", "Return, Enter", "Schedule") in shown
    assert ("Docket", "F2", "Edit Case") in shown
    assert ("Docket", "Del", "Delete Case") in shown  # works only in the docket
    assert ("Calendar", "D", "Day view") in shown
    assert ("Calendar", "Ctrl+G", "Go to a date…") in shown
    assert sum(1 for place, keys, _ in shown if place == "Calendar" and keys == "Ctrl+G") == 1
    assert sum(1 for place, keys, _ in shown if place == "Calendar" and keys == "Ctrl+M") == 1


def test_the_list_is_searchable_and_named_for_screen_readers(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(window, qtbot)
    assert dialog.table.accessibleName() == "Keyboard shortcuts"
    assert dialog.search.accessibleName() == "Search shortcuts"
    everything = dialog.shown()
    qtbot.keyClicks(dialog.search, "fiscal YEAR")
    assert dialog.shown() == [("Calendar", "Y", "Fiscal year view")]
    dialog.search.clear()
    assert dialog.shown() == everything


def test_nothing_is_cut(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(window, qtbot)
    table = dialog.table
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)
    assert table.header().length() <= table.viewport().width()
    dialog.grab().save("/tmp/keys.png")


def test_the_court_days_keys_are_listed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    shown = _open(window, qtbot).shown()
    assert ("Court Day", "M", "Move the selected hearing to another judge…") in shown
    assert ("Everywhere", QKeySequence("Ctrl+6").toString(QKeySequence.SequenceFormat.NativeText),
            "Court Day") in shown  # fmt: skip
