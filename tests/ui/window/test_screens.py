"""Small and large screens: a toolbar of short fixed labels, a quota panel that folds, themes."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QToolBar, QToolButton

from planner.domain.docket import Case, Docket
from planner.domain.judge import Judge
from planner.store.database import Database
from planner.ui.common.colours import HIGH_CONTRAST
from planner.ui.common.theme import apply_theme
from planner.ui.common.workspace import Workspace
from planner.ui.docket.case_actions import perform_add
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _judge_with_cases(database: Database) -> None:
    cases = tuple(
        Case(f"1{i:08d}", f"Respondent {i}", "asylum", date(2025, 1, 1)) for i in range(5)
    )
    with database.transaction() as repo:
        repo.add_docket(Docket(Judge("Margaret V. Valderrama", court="Los Angeles"), cases=cases))


def _window(
    qtbot, workspace: Workspace, settings: WindowSettings, size: tuple[int, int]
) -> MainWindow:  # type: ignore[no-untyped-def]
    _judge_with_cases(workspace.database)
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.quota_panel.up_to_date)
    return window


def _on_the_toolbar(toolbar: QToolBar, button: QToolButton) -> bool:
    """Shown on the toolbar itself, whole: not hidden in its overflow (extension) menu."""
    return button.isVisible() and toolbar.rect().contains(button.geometry())


def test_at_1024x600_every_toolbar_button_is_on_the_toolbar(qtbot, workspace, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, workspace, settings, (1024, 600))
    assert window.width() == 1024
    toolbar = window.toolbar
    button = toolbar.widgetForAction(window.autoschedule_action)
    assert isinstance(button, QToolButton)
    qtbot.waitUntil(lambda: _on_the_toolbar(toolbar, button))
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()


def test_the_undo_button_keeps_its_word_and_names_the_action_in_its_tooltip(  # type: ignore[no-untyped-def]
    qtbot, workspace, settings
) -> None:
    window = _window(qtbot, workspace, settings, (1366, 768))
    button = window.toolbar.widgetForAction(window.undo_action)
    assert isinstance(button, QToolButton)
    width = button.sizeHint().width()
    assert button.text() == "Undo"
    perform_add(workspace, Case("777777777", "Nueva Persona", "removal", date(2026, 11, 1)))
    undo_text = workspace.undo_stack.undoText()
    assert undo_text  # what the action was
    assert button.text() == "Undo"
    assert button.sizeHint().width() == width
    assert undo_text in button.toolTip()
    assert undo_text in window.undo_action.text()  # the Edit menu says it in full


def test_the_quota_panel_folds_to_its_verdict_and_back_and_remembers(  # type: ignore[no-untyped-def]
    qtbot, workspace, settings
) -> None:
    window = _window(qtbot, workspace, settings, (1366, 900))
    panel = window.quota_panel
    assert not panel.folded
    assert panel.details.isVisible()
    open_height = panel.height()
    qtbot.mouseClick(panel.fold_button, Qt.MouseButton.LeftButton)
    assert panel.folded
    assert not panel.details.isVisible()
    assert not panel.message.isVisible()
    assert panel.title.isVisible()  # the verdict stays, on one line
    qtbot.waitUntil(lambda: panel.height() < open_height / 2)
    line = panel.title.fontMetrics().height()
    assert panel.banner.height() < 4 * line
    assert settings.quota_folded() is True
    qtbot.mouseClick(panel.fold_button, Qt.MouseButton.LeftButton)
    assert not panel.folded
    assert panel.details.isVisible()
    assert panel.message.isVisible()
    assert settings.quota_folded() is False


def test_on_a_short_window_the_panel_starts_folded_unless_unfolded_by_hand(  # type: ignore[no-untyped-def]
    qtbot, workspace, settings
) -> None:
    window = _window(qtbot, workspace, settings, (1024, 600))
    assert window.quota_panel.folded
    qtbot.mouseClick(window.quota_panel.fold_button, Qt.MouseButton.LeftButton)
    window.resize(1024, 590)
    qtbot.wait(10)
    assert not window.quota_panel.folded  # the user's choice wins


def test_view_theme_offers_the_four_choices_and_high_contrast_applies(  # type: ignore[no-untyped-def]
    qtbot, workspace, settings
) -> None:
    window = _window(qtbot, workspace, settings, (1366, 768))
    choices = {a.data(): a for a in window.theme_menu.actions()}
    assert set(choices) == {"system", "light", "dark", "high_contrast"}
    try:
        choices["high_contrast"].trigger()
        assert settings.theme() == "high_contrast"
        assert choices["high_contrast"].isChecked()
        assert not choices["light"].isChecked()
        palette = QGuiApplication.palette()
        assert palette.color(QPalette.ColorRole.Window).name() == HIGH_CONTRAST.window
    finally:
        apply_theme("light")
