"""File > Interpreter Requests…: the day's or week's list, by language, across the judges, with
its bookings; saved as CSV and PDF."""

from datetime import date
from pathlib import Path

from planner.ui.common.workspace import Workspace
from planner.ui.files.interpreter_dialog import InterpreterDialog
from tests.services.test_interpreters import build_court

MONDAY = date(2026, 11, 30)


def test_the_day_then_the_week_and_its_files(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build_court(workspace.database)
    dialog = InterpreterDialog(workspace, MONDAY)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.bookings.toPlainText().splitlines() == [
        "Spanish: Mon 30 Nov 13:00–16:00, Ana Ruiz (1 hearing)",
        "Tigrinya: Mon 30 Nov 09:00–09:45, Ana Ruiz (2 hearings)",
    ]
    dialog.span.setCurrentIndex(1)  # the week
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(3, 4).text() == "Ben Cole"
    assert dialog.save("csv", tmp_path / "week.csv") == tmp_path / "week.csv"
    assert (tmp_path / "week.csv").read_text(encoding="utf-8-sig").count("Tigrinya") == 3
    assert dialog.save("pdf", tmp_path / "week.pdf").read_bytes().startswith(b"%PDF")  # type: ignore[union-attr]
    dialog.show()
    dialog.grab().save("/tmp/n19/interpreters.png")
