"""A title on one line: the longest of its forms that fits the width, the last one elided; the
whole title in its tooltip and accessible name (issue 21: a wrapped title cost a short screen
three lines)."""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FittedLabel(QLabel):
    """A one-line label given its text in several forms, longest first ("23 Nov – 27 Nov 2026",
    "23–27 Nov 2026"): it shows the first that fits its width, else the last elided ("23–27 N…").

    ``text()`` is the whole (first) form, what the label means; ``shown()`` is what is drawn.
    It asks for the whole form's width and takes what the layout gives, down to an ellipsis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._forms: tuple[str, ...] = ("",)
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_forms(self, whole: str, *shorter: str) -> None:
        """The text, whole, then shorter forms of it to show in turn when it does not fit."""
        forms = (whole, *(s for s in shorter if s and s != whole))
        if forms == self._forms:
            return
        self._forms = forms
        self.setToolTip(whole)
        self.setAccessibleName(whole)
        self.updateGeometry()
        self._fit()

    def setText(self, text: str) -> None:
        self.set_forms(text)

    def text(self) -> str:
        """The whole text (as given first), whichever form is shown."""
        return self._forms[0]

    def shown(self) -> str:
        """The form drawn at the present width."""
        return super().text()

    def forms(self) -> tuple[str, ...]:
        return self._forms

    def _room(self) -> int:
        margins = self.contentsMargins()
        return max(0, self.width() - margins.left() - margins.right() - 2 * self.margin())

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = self._room()
        shown = next((f for f in self._forms if metrics.horizontalAdvance(f) <= room), None)
        if shown is None:
            shown = metrics.elidedText(self._forms[-1], Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)

    def _extra(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right() + 2 * self.margin()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        height = metrics.height() + self.contentsMargins().top() + self.contentsMargins().bottom()
        return QSize(metrics.horizontalAdvance(self._forms[0]) + self._extra(), height)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        height = metrics.height() + self.contentsMargins().top() + self.contentsMargins().bottom()
        return QSize(metrics.horizontalAdvance("…") + self._extra(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the forms' widths change with it
            self.updateGeometry()
            self._fit()
