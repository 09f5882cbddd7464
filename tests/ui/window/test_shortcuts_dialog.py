"""Help > Keyboard Shortcuts: every shortcut of the window, read from the actions themselves."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from planner.ui.common.workspace import Workspace
from planner.ui.window.lazy_page import LazyPage
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
    qtbot.keyClicks(dialog.search, "fiscal year VIEW")
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


def _expected_place(window: MainWindow, action: QAction) -> str:
    """Where an action's shortcut works, worked out here from the widgets, not by the dialog."""
    if action.shortcutContext() in (
        Qt.ShortcutContext.WindowShortcut,
        Qt.ShortcutContext.ApplicationShortcut,
    ):
        return "Everywhere"
    owner = action.parent()
    for place, widget in (
        ("Docket", window.docket),
        ("Calendar: Unscheduled list", window.calendar_page.unscheduled),
        ("Calendar", window.calendar_tab),
        ("Court Day", window.court_day),
    ):
        if owner is widget or widget.isAncestorOf(owner):
            return place
    return "Everywhere"


def test_the_list_opened_first_has_every_actions_keys_where_they_work(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Opened before any other tab was shown (the tabs are built when first shown), the list
    has every key of every action of every page, under the place where the key works: an
    action with a shortcut missing from the list (or listed only as another place's key, like
    the Unscheduled list's Enter under the calendar's) fails here."""
    shown = _open(window, qtbot).shown()
    listed = {(place, key) for place, keys, _ in shown for key in keys.split(", ")}
    for i in range(window.views.count()):
        page = window.views.widget(i)
        if isinstance(page, LazyPage):
            page.ensure_built()
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) > 15
    for action in with_keys:
        place = _expected_place(window, action)
        for key in action.shortcuts():
            native = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert (place, native) in listed, f"{action.text()} ({native}) not under {place}"
    assert ("Calendar: Unscheduled list", "Return, Enter", "Schedule") in shown


#: Every key a view might take without a modifier, to find the ones it does.
_CANDIDATES = [
    *(getattr(Qt.Key, f"Key_{c}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
    *(getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)),
    *(
        getattr(Qt.Key, f"Key_{name}")
        for name in [
            "Left",
            "Right",
            "Up",
            "Down",
            "PageUp",
            "PageDown",
            "Home",
            "End",
            "Return",
            "Enter",
            "Insert",
            "Delete",
            "Backspace",
            "Escape",
            "Space",
            "Tab",
            "Plus",
            "Minus",
            "Menu",
        ]
    ),
]


def _press(key: Qt.Key) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def _native(key: Qt.Key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.mark.parametrize(
    ("mode", "place"), [("month", "Calendar: month"), ("year", "Calendar: year")]
)
def test_every_key_the_month_and_year_views_take_is_listed(window, qtbot, mode, place) -> None:  # type: ignore[no-untyped-def]
    listed = {
        key
        for where, keys, _ in _open(window, qtbot).shown()
        if where == place
        for key in keys.split(", ")
    }
    calendar = window.calendar
    window.views.setCurrentWidget(window.calendar_tab)
    calendar.set_mode(mode)
    grid = calendar.month_view if mode == "month" else calendar.year_view
    taken = []
    for key in _CANDIDATES:
        grid.set_date(date(2026, 11, 18))
        opened, before = [], grid.selected
        grid.day_activated.connect(opened.append)
        grid.keyPressEvent(_press(key))  # the view's own keys, not the window's shortcuts
        grid.day_activated.disconnect(opened.append)
        if opened or grid.selected != before or calendar.mode != mode:
            taken.append(key)
        calendar.set_mode(mode)
    assert len(taken) >= 8
    for key in taken:
        assert _native(key) in listed, f"{_native(key)} works in the {mode} view, not listed"


def test_every_key_the_weekly_sessions_table_takes_is_listed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from planner.domain.judge import standard_week
    from planner.ui.judges.template_editor import TemplateEditor

    listed = {
        key
        for where, keys, _ in _open(window, qtbot).shown()
        if where == "Profile: weekly sessions"
        for key in keys.split(", ")
    }
    editor = TemplateEditor(standard_week(), exec_dialog=lambda _dialog: 0)
    qtbot.addWidget(editor)
    grid = editor.grid
    fired: list[bool] = []
    for signal in (grid.enter_pressed, grid.insert_pressed, grid.delete_pressed):
        signal.disconnect()  # the editor's own reactions (dialogs) left out: only which key
        signal.connect(lambda: fired.append(True))
    taken = []
    for key in _CANDIDATES:
        fired.clear()
        grid.keyPressEvent(_press(key))
        if fired:
            taken.append(key)
    assert len(taken) >= 4
    for key in taken:
        assert _native(key) in listed, f"{_native(key)} works in the weekly sessions, not listed"
