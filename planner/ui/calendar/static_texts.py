"""Texts laid out once and drawn many times: QStaticText, kept while the same strings recur."""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QStaticText, QTransform


class StaticTexts:
    """Texts laid out once (QStaticText) and kept while they recur: "12 hearings", "7 h free", the
    day numbers. The views prepare them while laying out, so a paint only draws glyphs."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], QStaticText] = {}

    def get(self, text: str, font: QFont) -> QStaticText:
        key = (text, font.key())
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > 5000:
                self._texts.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            found.prepare(QTransform(), font)
            self._texts[key] = found
        return found

    def draw(
        self, painter: QPainter, box: QRectF, text: str, align: Qt.AlignmentFlag | None = None
    ) -> None:
        """Draw ``text`` in ``box``: vertically centred, on the left or centred (``align``)."""
        static = self.get(text, painter.font())
        size = static.size()
        x = box.left()
        if align == Qt.AlignmentFlag.AlignCenter:
            x = box.center().x() - size.width() / 2
        elif align == Qt.AlignmentFlag.AlignRight:
            x = box.right() - size.width()
        painter.drawStaticText(QPointF(x, box.center().y() - size.height() / 2), static)
