"""Texts laid out once and drawn many times: QStaticText, kept while the same strings recur."""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPen,
    QStaticText,
    QTransform,
)


class StaticTexts:
    """Texts laid out once (QStaticText) and kept while they recur: "12 hearings", "7 h free", the
    day numbers. The views prepare them while laying out, so a paint only draws glyphs."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], QStaticText] = {}
        self._elided: dict[tuple[str, int, str], str] = {}

    def get(self, text: str, font: QFont, font_key: str | None = None) -> QStaticText:
        """``text`` laid out in ``font`` (whose ``key()`` a caller may pass, when it has it)."""
        key = (text, font_key if font_key is not None else font.key())
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > 5000:
                self._texts.clear()
            found = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            # Struck text is laid out plain and struck by whoever paints it (strike_static):
            # Qt draws a static text's strike-out at twice its place and length on a scaled
            # (1.5x, 2x) screen, a stray line across the day.
            plain = QFont(font)
            plain.setStrikeOut(False)
            found.prepare(QTransform(), plain)
            self._texts[key] = found
        return found

    def elided(self, text: str, width: int, metrics: QFontMetrics, font_key: str) -> str:
        """``metrics.elidedText(text, ElideRight, width)``, kept: a relayout asks again for the
        same labels at the same widths (a block's label is elided anew at every resize)."""
        key = (text, width, font_key)
        found = self._elided.get(key)
        if found is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            found = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[key] = found
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


def strike_static(painter: QPainter, where: QPointF, static: QStaticText, font: QFont) -> None:
    """Draw ``static`` (laid out by StaticTexts) at ``where`` in ``font``, struck through when
    the font says so: the strike drawn here, on the text's middle, as long as the text."""
    if not font.strikeOut():
        painter.setFont(font)
        painter.drawStaticText(where, static)
        return
    plain = QFont(font)
    plain.setStrikeOut(False)
    painter.setFont(plain)
    painter.drawStaticText(where, static)
    metrics = QFontMetricsF(plain)
    y = round(where.y() + metrics.ascent() - metrics.strikeOutPos())
    pen = QPen(painter.pen().color(), max(1.0, metrics.lineWidth()))
    pen.setCosmetic(False)
    painter.save()
    painter.setPen(pen)
    painter.drawLine(QPointF(where.x(), y), QPointF(where.x() + static.size().width(), y))
    painter.restore()
