"""What the window greys on a court server beyond the docket's own edits (issue 16): the Court
Day's moves (a hearing, with its case, moved between two judges: both dockets change), File >
Import and File > Take Offline, each by the login's rights as the server words them; a move
still tried (a drag, the M key) is refused in one line and nothing is saved."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.ui.court.court_day_view import CourtDayView
from planner.ui.window.main_window import MainWindow
from tests.court_server import add_hearings, hearings_of_the_day
from tests.ui.window import test_court_server_windows as two_windows
from tests.ui.window.test_court_server_roles import ADMIN_REFUSAL, ASSISTANT_REFUSAL, _switch

court, windows = two_windows.court, two_windows.windows

#: A Monday after the window's NOW (25 Nov 2026) on which both judges sit.
MONDAY_NINE = datetime(2026, 11, 30, 9, 0)


def _sentence(reason: str) -> str:
    return reason[0].upper() + reason[1:]


def _court_day(qtbot, window: MainWindow) -> CourtDayView:  # type: ignore[no-untyped-def]
    window.court_day_view_action.trigger()
    view = window.court_day.ensure_built()
    assert isinstance(view, CourtDayView)
    view.set_date(MONDAY_NINE.date())
    qtbot.waitUntil(lambda: view.day is not None and view.day.day == MONDAY_NINE.date())
    return view


def _column(view: CourtDayView, judge: str) -> int:
    assert view.day is not None
    return [c.name for c in view.day.columns].index(judge)


def _drag(qtbot, view: CourtDayView, hearing_id: int, judge: str) -> None:  # type: ignore[no-untyped-def]
    """The hearing dragged with the mouse onto ``judge``'s column at its own time."""
    board = view.board
    block = board.block(hearing_id)
    assert block is not None
    start = block.rect.center().toPoint()
    target = QPoint(int(board.column_rect(_column(view, judge)).center().x()), start.y())
    qtbot.mousePress(board, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(board, start + QPoint(0, 20))
    qtbot.mouseMove(board, target)
    qtbot.mouseRelease(board, Qt.MouseButton.LeftButton, pos=target)


def _no_dialog(opened: list[str]) -> None:
    """Closes a modal dialog, should one open, noting its title (a refused move opens none)."""
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        opened.append(dialog.windowTitle())
        dialog.close()


def test_an_assistants_court_day_moves_only_between_their_assigned_judges(
    qtbot, windows, court, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    hearings = add_hearings(court, MONDAY_NINE, ("Ortiz", "Baker"))
    before = hearings_of_the_day(court, MONDAY_NINE.date())
    window = windows("lee", "Ortiz")  # the judge on screen is lee's: nothing else greyed
    view = _court_day(qtbot, window)
    assert not window.read_only_label.isVisible()

    view.board.select(hearings["Baker"])

    assert not view.move_action.isEnabled()
    assert not view.move_button.isEnabled()
    assert view.move_action.toolTip() == _sentence(ASSISTANT_REFUSAL)
    assert view.move_action.statusTip() == _sentence(ASSISTANT_REFUSAL)
    assert view.move_button.toolTip() == _sentence(ASSISTANT_REFUSAL)

    opened: list[str] = []
    QTimer.singleShot(300, lambda: _no_dialog(opened))
    view.board.setFocus()
    qtbot.keyClick(view.board, Qt.Key.Key_M)  # the keyboard's move, tried all the same
    assert opened == []
    assert view.message.text() == f"Not moved: {ASSISTANT_REFUSAL}."

    view.message.clear()
    _drag(qtbot, view, hearings["Baker"], "Ortiz")  # from a judge lee may not change
    assert view.message.text() == f"Not moved: {ASSISTANT_REFUSAL}."

    window.resize(1366, 768)
    qtbot.waitUntil(lambda: view.width() > 1000)
    view.board.select(hearings["Baker"])
    window.grab().save(str(tmp_path / "court_day_read_only.png"))

    view.board.select(hearings["Ortiz"])
    assert view.move_action.isEnabled()  # lee's own judge's hearing ...
    view.message.clear()
    _drag(qtbot, view, hearings["Ortiz"], "Baker")  # ... but not onto a judge lee may not change
    assert view.message.text() == f"Not moved: {ASSISTANT_REFUSAL}."

    assert window.workspace.undo_stack.count() == 0
    assert hearings_of_the_day(court, MONDAY_NINE.date()) == before


def test_an_administrators_court_day_moves_nothing(qtbot, windows, court) -> None:  # type: ignore[no-untyped-def]
    hearings = add_hearings(court, MONDAY_NINE, ("Ortiz", "Baker"))
    before = hearings_of_the_day(court, MONDAY_NINE.date())
    window = windows("clerk_admin", "Ortiz")
    view = _court_day(qtbot, window)

    for judge, other in (("Ortiz", "Baker"), ("Baker", "Ortiz")):
        view.board.select(hearings[judge])
        assert not view.move_action.isEnabled()
        assert view.move_action.toolTip() == _sentence(ADMIN_REFUSAL)
        assert view.move_selected() is None
        assert view.message.text() == f"Not moved: {ADMIN_REFUSAL}."
        assert view.move_hearing(hearings[judge], other, None) is None
        assert view.message.text() == f"Not moved: {ADMIN_REFUSAL}."

    assert window.workspace.undo_stack.count() == 0
    assert hearings_of_the_day(court, MONDAY_NINE.date()) == before


def test_import_and_take_offline_follow_the_judge_on_screen(
    qtbot, windows, court, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a: (asked.append("open"), ("", ""))[1]),
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (asked.append("save"), ("", ""))[1]),
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    window = windows("lee", "Baker")

    for action in (window.import_action, window.take_offline_action):
        assert not action.isEnabled(), action.text()
        assert action.toolTip() == _sentence(ASSISTANT_REFUSAL)
        assert action.statusTip() == _sentence(ASSISTANT_REFUSAL)
    assert window.read_only_label.text() == f"Read-only: {ASSISTANT_REFUSAL}"
    (file_menu,) = (a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    window.import_action.showStatusText(window)  # as the menu's hover shows it
    assert window.statusBar().currentMessage() == _sentence(ASSISTANT_REFUSAL)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.docket.width() > 1000)
    window.grab().save(str(tmp_path / "read_only_window.png"))
    file_menu.adjustSize()
    file_menu.grab().save(str(tmp_path / "read_only_file_menu.png"))

    # A stale window's or a shortcut's way in: refused before a file is chosen, nothing saved.
    assert not window.import_file()
    assert not window.take_offline()
    assert asked == []
    assert said == [f"{_sentence(ASSISTANT_REFUSAL)}\n\nNothing was changed in the database."] * 2
    assert window.workspace.undo_stack.count() == 0

    _switch(qtbot, window, "Ortiz")  # assigned to lee

    assert window.import_action.isEnabled()
    assert window.take_offline_action.isEnabled()
    import_tip = "Add a docket file (.json) or a cases spreadsheet (.csv, .xlsx), after a preview"
    assert window.import_action.toolTip() == import_tip == window.import_action.statusTip()
    assert window.take_offline_action.toolTip().startswith("Copy the judge's docket")
