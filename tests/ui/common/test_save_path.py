"""The save dialog's answer as a file of one type: the extension added where the name chosen
lacks it, nothing when cancelled."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from planner.ui.common.save_path import ask_save_path


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ("/tmp/week", "/tmp/week.pdf"),
        ("/tmp/week.pdf", "/tmp/week.pdf"),
        ("/tmp/WEEK.PDF", "/tmp/WEEK.PDF"),
        ("/tmp/week.csv", "/tmp/week.csv.pdf"),
    ],
)
def test_the_extension_is_added_where_the_name_lacks_it(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, chosen: str, expected: str
) -> None:
    asked: list[tuple[object, ...]] = []

    def dialog(*args: object) -> tuple[str, str]:
        asked.append(args)
        return chosen, "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    parent = QWidget()
    qtbot.addWidget(parent)
    suggested = Path.home() / "sheet.pdf"
    out = ask_save_path(parent, "Save as PDF", suggested, "PDF documents (*.pdf)", ".pdf")
    assert out == Path(expected)
    assert asked == [(parent, "Save as PDF", str(suggested), "PDF documents (*.pdf)")]


def test_a_cancelled_dialog_saves_nothing(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_save_path(parent, "Save as CSV", "court.csv", "CSV files (*.csv)", ".csv") is None
