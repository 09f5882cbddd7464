"""The Notices tab: the queue of the judge on screen, marked served as one undo step, back in the
queue when a hearing moves, and saved as one PDF with a notice a page."""

from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt

from planner.domain.docket import Case, Docket, Hearing
from planner.domain.judge import Judge
from planner.domain.notices import CourtSettings
from planner.domain.records import replace
from planner.domain.vocabulary import HearingKind
from planner.services import calendar as calendar_service
from planner.services.changes import Change
from planner.ui.common.workspace import Workspace
from planner.ui.notices.notices_view import COLUMNS, NoticesView
from planner.ui.window.main_window import MainWindow
from planner.ui.window.settings import WindowSettings

JUDGE = Judge("Ana Ruiz", court="Los Angeles", timezone="America/Los_Angeles")


@pytest.fixture
def judge(workspace: Workspace) -> Judge:
    """Three hearings after NOW (Wed 25 Nov 2026): Mon 30 Nov, Mon 7 Dec, Mon 4 Jan."""
    cases = tuple(
        Case(f"40000000{i}", name, "removal", date(2026, 1, 5), language=language)
        for i, (name, language) in enumerate(
            [("Rosa Díaz", "Spanish"), ("Li Wei", "Mandarin"), ("Sam Oak", "English")], start=1
        )
    )
    hearings = (
        Hearing("400000001", datetime(2026, 11, 30, 9, 0), 15, HearingKind.MASTER),
        Hearing("400000002", datetime(2026, 12, 7, 9, 0), 15, HearingKind.MASTER),
        Hearing("400000003", datetime(2027, 1, 4, 9, 0), 15, HearingKind.MASTER),
    )
    with workspace.database.transaction() as repo:
        judge_id = repo.add_docket(Docket(JUDGE, cases=cases, hearings=hearings))
    stored = replace(JUDGE, id=judge_id)
    workspace.switch_judge(stored)
    return stored


def _view(qtbot, workspace: Workspace) -> NoticesView:  # type: ignore[no-untyped-def]
    view = NoticesView(workspace)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def _rows(view: NoticesView) -> list[tuple[str, ...]]:
    table = view.table
    return [
        tuple(table.item(r, c).text() for c in range(len(COLUMNS))) for r in range(table.rowCount())
    ]


def test_the_queue_lists_each_hearing_by_its_serve_by_day(qtbot, workspace, judge) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, workspace)
    rows = _rows(view)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("Fri 20 Nov 2026 · late", "Set", "A400-000-001"),  # 10 days before Mon 30 Nov: passed
        ("Fri 27 Nov 2026", "Set", "A400-000-002"),
        ("Fri 25 Dec 2026", "Set", "A400-000-003"),
    ]
    assert rows[0][5] == "Mon 30 Nov 2026 09:00 · master calendar hearing"
    assert view.summary.text().startswith("3 notices to serve for Ana Ruiz, 1 late.")
    assert "notice period 10 days" in view.court_label.text()
    assert view.serve_button.text() == "&Mark All Served"


def test_marking_served_is_one_undo_step_and_a_moved_hearing_comes_back(  # type: ignore[no-untyped-def]
    qtbot, workspace, judge
) -> None:
    view = _view(qtbot, workspace)
    view.table.selectionModel().select(
        view.table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.table.selectionModel().select(
        view.table.model().index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert view.serve_button.text() == "&Mark 2 notices Served"
    qtbot.mouseClick(view.serve_button, Qt.MouseButton.LeftButton)
    assert [r[2] for r in _rows(view)] == ["A400-000-001"]
    assert workspace.undo_stack.count() == 1
    assert workspace.undo_stack.undoText() == "Mark 2 notices served"
    workspace.undo_stack.undo()
    assert len(_rows(view)) == 3
    workspace.undo_stack.redo()
    assert len(_rows(view)) == 1

    # The hearing of 7 Dec moves to 14 Dec: its notice no longer says when it is.
    (entry,) = calendar_service.agenda(
        workspace.database, judge.id, date(2026, 12, 7), date(2026, 12, 7)
    )
    calendar_service.move_hearing(
        workspace.database, judge, entry.id, datetime(2026, 12, 14, 9), 15
    )
    workspace.notify(Change.HEARINGS)
    moved = [r for r in _rows(view) if r[2] == "A400-000-002"]
    assert moved == [
        ("Fri 4 Dec 2026", "Moved", "A400-000-002", "Li Wei", "Pro se",
         "Mon 14 Dec 2026 09:00 · master calendar hearing", "Mon 7 Dec 2026 09:00"),
    ]  # fmt: skip


def test_the_court_address_is_one_undo_step_and_the_pdf_has_a_notice_a_page(  # type: ignore[no-untyped-def]
    qtbot, workspace, judge, tmp_path: Path
) -> None:
    view = _view(qtbot, workspace)
    view.save_court(CourtSettings("Los Angeles", "606 S Olive St\nLos Angeles, CA 90014", 14))
    assert (
        "606 S Olive St, Los Angeles, CA 90014 · notice period 14 days" in view.court_label.text()
    )
    assert _rows(view)[1][0] == "Mon 23 Nov 2026 · late"
    out = view.save_pdf(tmp_path / "notices.pdf")
    pdf = pdfium.PdfDocument(out.read_bytes())
    pages = [page.get_textpage().get_text_range() for page in pdf]
    pdf.close()
    assert len(pages) == 3
    assert all("606 S Olive St" in page for page in pages)
    assert ["Rosa Díaz" in page for page in pages] == [True, False, False]
    assert "Mandarin (an interpreter will be provided)" in pages[1]
    workspace.undo_stack.undo()
    assert "no address yet" in view.court_label.text()


def test_the_window_has_a_notices_tab(qtbot, workspace, judge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, WindowSettings(settings))
    qtbot.addWidget(window)
    window.show()
    window.notices_view_action.trigger()
    view = window.notices.ensure_built()
    assert isinstance(view, NoticesView)
    qtbot.waitUntil(lambda: view.table.rowCount() == 3)
    window.resize(1100, 600)
    window.grab().save(str(Path("/tmp/n19/notices.png")))


def test_the_clerk_sees_every_judge_of_the_court_and_marks_them_served(  # type: ignore[no-untyped-def]
    qtbot, workspace, judge, tmp_path
) -> None:
    cole = Judge("Ben Cole", court="Los Angeles", timezone="America/Los_Angeles")
    park = Judge("Di Park", court="San Diego", timezone="America/Los_Angeles")
    with workspace.database.transaction() as repo:
        for who, a_number in ((cole, "500000001"), (park, "600000001")):
            case = Case(a_number, "Omar Haddad", "removal", date(2026, 1, 5))
            hearing = Hearing(a_number, datetime(2026, 12, 8, 9, 0), 15, HearingKind.MASTER)
            repo.add_docket(Docket(who, cases=(case,), hearings=(hearing,)))
    view = _view(qtbot, workspace)
    assert view.table.isColumnHidden(len(COLUMNS))  # one judge: no judge column
    assert len(_rows(view)) == 3
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.court_wide_box, Qt.MouseButton.LeftButton)
    assert not view.table.isColumnHidden(len(COLUMNS))
    rows = [(r[2], view.table.item(i, len(COLUMNS)).text()) for i, r in enumerate(_rows(view))]
    assert rows == [
        ("A400-000-001", "Ana Ruiz"),
        ("A400-000-002", "Ana Ruiz"),
        ("A500-000-001", "Ben Cole"),  # Mon 8 Dec: served by Sat 28 Nov
        ("A400-000-003", "Ana Ruiz"),
    ]  # San Diego's judge is another court's
    assert view.summary.text().startswith("4 notices to serve for Los Angeles (2 judges), 1 late.")
    out = view.save_pdf(tmp_path / "court.pdf")
    assert out is not None
    pdf = pdfium.PdfDocument(out.read_bytes())
    assert len(pdf) == 4
    assert "Ben Cole" in pdf[2].get_textpage().get_text_range()
    pdf.close()
    view.mark_served()  # all four, one transaction, one undo step
    assert _rows(view) == []
    assert workspace.undo_stack.count() == 1
    workspace.undo_stack.undo()
    assert len(_rows(view)) == 4
