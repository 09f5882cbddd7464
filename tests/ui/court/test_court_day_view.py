"""The Court Day tab: every judge's day side by side, a hearing dragged to another judge (refused
drops say why and change nothing), the keyboard's Move to Judge…, one undo step, the combined
docket sheet as PDF, and what a screen reader hears."""

from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from planner.services import court_day
from planner.store.database import Database
from planner.ui.common.workspace import Workspace
from planner.ui.court.court_day_view import CourtDayView
from planner.ui.files.court_sheet_actions import CourtSheetPrinter
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings
from tests.scheduling.court import add_court_of_three, at

THURSDAY = date(2024, 11, 7)
NOW = datetime(2024, 11, 1, 8, 0)


@pytest.fixture
def court(database: Database) -> Database:
    """Thu 7 Nov: Ruiz hears A100-000-001 at 09:00 and A100-000-002 at 09:30; Cole hears
    A200-000-001 at 09:00; Diaz is free."""
    return add_court_of_three(
        database,
        [("100000001", at(7, 9, 0)), ("100000002", at(7, 9, 30))],
        cole_closed=date(2024, 11, 18),
    )


def _view(qtbot, court: Database) -> CourtDayView:  # type: ignore[no-untyped-def]
    view = CourtDayView(Workspace(court, clock=lambda: NOW), CourtSheetPrinter())
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_date(THURSDAY)
    return view


def _shown(view: CourtDayView) -> dict[str, list[str]]:
    assert view.day is not None
    return {
        c.name: [f"{r.time} {r.a_number}" for s in c.day.sessions for r in s.rows]
        for c in view.day.columns
    }


def _centre(view: CourtDayView, a_number: str) -> QPoint:
    block = next(b for b in view.board.blocks if b.row.a_number == a_number)
    return block.rect.center().toPoint()


def _drag(qtbot, view: CourtDayView, a_number: str, column: int, minute: int) -> None:  # type: ignore[no-untyped-def]
    board = view.board
    start = _centre(view, a_number)
    block = board.block_at(start.toPointF())
    assert block is not None
    offset = start.y() - block.rect.top()
    target = QPoint(int(board.column_rect(column).center().x()), int(board.y_of(minute) + offset))
    qtbot.mousePress(board, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(board, start + QPoint(0, 20))
    qtbot.mouseMove(board, target)
    qtbot.mouseRelease(board, Qt.MouseButton.LeftButton, pos=target)


def test_every_judge_side_by_side_with_names_for_screen_readers(qtbot, court) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, court)
    assert _shown(view) == {
        "Ana Ruiz": ["09:00 A100-000-001", "09:30 A100-000-002"],
        "Ben Cole": ["09:00 A200-000-001"],
        "Cy Diaz": [],
    }
    assert view.summary.text() == "Thursday 7 November 2024: 3 hearings before 3 judges."
    names = [item.name for item in view.board.accessible_items()]
    assert names[:4] == [
        "Ana Ruiz, 2 hearings",
        "Ana Ruiz: 8:30 to 12:00, master calendar, 2 hearings",
        "Ana Ruiz: A100-000-001, master hearing, no interpreter, 9:00 to 9:15",
        "Ana Ruiz: A100-000-002, master hearing, no interpreter, 9:30 to 9:45",
    ]
    assert "Cy Diaz, no hearings" in names
    view.choose_judges(["Ben Cole", "Cy Diaz"])
    assert list(_shown(view)) == ["Ben Cole", "Cy Diaz"]


def test_a_hearing_dragged_to_another_judge_moves_and_undo_puts_it_back(qtbot, court) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, court)
    _drag(qtbot, view, "A100-000-002", 1, 10 * 60)
    assert _shown(view)["Ben Cole"] == ["09:00 A200-000-001", "10:00 A100-000-002"]
    assert _shown(view)["Ana Ruiz"] == ["09:00 A100-000-001"]
    assert view.message.text() == (
        "Moved the master hearing of A100-000-002 at 10:00-10:15 on Thu 7 Nov from Ana Ruiz to "
        "Ben Cole, with its case."
    )
    stack = view.workspace.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Move hearing to another judge")
    stack.undo()
    assert _shown(view)["Ana Ruiz"] == ["09:00 A100-000-001", "09:30 A100-000-002"]
    assert _shown(view)["Ben Cole"] == ["09:00 A200-000-001"]


def test_a_refused_drop_says_why_and_changes_nothing(qtbot, court) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, court)
    before = _shown(view)
    _drag(qtbot, view, "A100-000-001", 1, 9 * 60)  # onto Cole's 09:00 hearing
    assert _shown(view) == before
    assert view.workspace.undo_stack.count() == 0
    assert view.message.text().startswith(
        "Not moved: Not on Ben Cole's calendar: It overlaps the master hearing of A200-000-001"
    )
    _drag(qtbot, view, "A100-000-001", 2, 6 * 60)  # before Diaz's sessions start
    assert _shown(view) == before
    assert "Not on Cy Diaz's calendar" in view.message.text()


def test_the_keyboard_moves_a_hearing_to_another_judge(qtbot, court) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, court)
    view.board.setFocus()
    qtbot.keyClick(view.board, Qt.Key.Key_Down)  # the first hearing
    qtbot.keyClick(view.board, Qt.Key.Key_Down)  # Ruiz's 09:30
    assert view.board.accessible_focus() is not None
    assert view.board.accessible_focus().name.startswith("Ana Ruiz: A100-000-002")  # type: ignore[union-attr]

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        assert dialog.comboBoxItems() == ["Ben Cole", "Cy Diaz"]
        dialog.setTextValue("Cy Diaz")
        dialog.accept()

    QTimer.singleShot(200, choose)
    qtbot.keyClick(view.board, Qt.Key.Key_M)
    assert _shown(view)["Cy Diaz"] == ["09:30 A100-000-002"]
    assert view.workspace.undo_stack.count() == 1


def test_the_combined_sheet_saved_as_pdf(qtbot, court, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, court)
    out = view.save_pdf(tmp_path / "court.pdf")
    assert out == tmp_path / "court.pdf"
    pdf = pdfium.PdfDocument(out.read_bytes())
    pages = [p.get_textpage().get_text_range().replace("\r\n", "\n") for p in pdf]
    pdf.close()
    assert len(pages) == 3
    assert "Immigration Judge Ana Ruiz" in pages[0]
    assert "09:30 A100-000-002" in pages[0]
    assert "Immigration Judge Cy Diaz" in pages[2]
    assert pages[2].endswith("Page 3 of 3")


def test_the_window_has_a_court_day_tab(qtbot, court, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace = Workspace(court, clock=lambda: NOW)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, WindowSettings(settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    workspace.switch_judge(workspace.judges()[0])
    window.court_day_view_action.trigger()
    assert window.views.tabText(window.views.currentIndex()) == "Court Da&y"
    view = window.court_day.ensure_built()
    assert isinstance(view, CourtDayView)
    qtbot.waitUntil(lambda: view.day is not None)  # read when first shown
    assert view.day is not None
    assert view.day.day == NOW.date()
    assert court_day.court_day(court, THURSDAY).hearings == 3
