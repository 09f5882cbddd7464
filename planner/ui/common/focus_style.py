"""The keyboard focus, always visible: Fusion, with the focus drawn as a solid 2 px ring in the
theme's highlight (the measured focus colour, 3:1 or more against the window, a button, a field
and, as the selected text colour, against a selected row).

Fusion's own focus frame is the highlight at about a third of its opacity (under 2:1 in the
light theme) and shows only after a key was pressed; a button's and a field's focused frame is
one pixel of a darkened highlight. A proxy style draws over those few
primitives and leaves everything else to Fusion; a style sheet would have replaced Fusion's
drawing of every styled widget."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

#: The ring's width in (device-independent) pixels.
RING_WIDTH = 2

_PE = QStyle.PrimitiveElement
_CC = QStyle.ComplexControl
_FIELDS = (_CC.CC_ComboBox, _CC.CC_SpinBox)
#: Drawn by Fusion with a focused look of its own, ringed on top: a field's frame, a button.
_RINGED = (_PE.PE_FrameLineEdit, _PE.PE_PanelButtonCommand)


def focus_colour(palette: QPalette, selected: bool = False) -> str:
    """The ring's colour: the highlight, or the highlighted text's on a selected row."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
    return palette.color(QPalette.ColorGroup.Active, role).name()


def _ring(painter: QPainter, option: QStyleOption, selected: bool = False) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor(focus_colour(option.palette, selected)), RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRect(QRectF(option.rect).adjusted(half, half, -half, -half))
    painter.restore()


def _styled_by_a_sheet(widget: QWidget | None) -> bool:
    """Whether a style sheet (the widget's or an ancestor's) stands between it and this style."""
    return widget is not None and not isinstance(widget.style(), FocusStyle)


class FocusStyle(QProxyStyle):
    """Fusion with a focus ring that can be seen."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if _styled_by_a_sheet(widget):  # its style sheet draws its focus (the verdict banner's)
            super().drawPrimitive(element, option, painter, widget)
            return
        if element == _PE.PE_FrameFocusRect:  # buttons, boxes, tabs, a view's current item
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            _ring(painter, option, selected)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _RINGED and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if _styled_by_a_sheet(widget):
            return
        if control in _FIELDS and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)
