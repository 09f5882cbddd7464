"""The keyboard focus is always visible: a button, a text field and a table's current row
get a solid ring in the measured focus colour (the highlight; on a selected row, the selected
text's colour), in every theme."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui.common.colours import THEMES, Theme
from planner.ui.common.focus_style import RING_WIDTH, FocusStyle
from planner.ui.common.theme import apply_theme


def _count(image: QImage, colour: str) -> int:
    return sum(
        image.pixelColor(x, y).name() == colour
        for y in range(image.height())
        for x in range(image.width())
    )


@pytest.fixture
def styled(qtbot):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    before = app.style().name()
    app.setStyle(FocusStyle())
    yield app
    app.setStyle(before)
    apply_theme("light")


@pytest.mark.parametrize("theme", list(Theme), ids=[t.value for t in Theme])
def test_a_focused_button_field_and_table_are_ringed(qtbot, styled, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    apply_theme(theme.value)
    colours = THEMES[theme]
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    button = QPushButton("Save")
    field = QLineEdit("text")
    table = QTableWidget(3, 2)
    for row in range(3):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row},{column}"))
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for widget in (button, field, table):
        layout.addWidget(widget)
    root.resize(300, 300)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    for widget, other in ((button, field), (field, button)):
        other.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(other.hasFocus)
        unfocused = _count(widget.grab().toImage(), colours.highlight)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        ring = _count(widget.grab().toImage(), colours.highlight) - unfocused
        # A ring RING_WIDTH wide all round, give or take the corners Fusion rounds.
        assert ring >= RING_WIDTH * (widget.width() + widget.height()), type(widget).__name__
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentCell(1, 0)
    qtbot.waitUntil(table.hasFocus)
    cell = table.visualItemRect(table.item(1, 0))
    image = table.viewport().grab(cell).toImage()
    # The current cell, in the selected row: ringed in the selected text's colour.
    edge = {image.pixelColor(x, 0).name() for x in range(2, cell.width() - 2)}
    assert edge == {colours.highlighted_text}
