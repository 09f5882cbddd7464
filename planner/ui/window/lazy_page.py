"""A tab that builds its widget the first time it is shown, so start-up pays only for what is
on screen (the charts' matplotlib, for one, is imported then)."""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_built()

    def ensure_built(self) -> QWidget:
        """The page's widget, built now if it was not yet."""
        if self.content is None:
            self.content = self._build()
            layout = self.layout()
            assert layout is not None  # made in __init__
            layout.addWidget(self.content)
        return self.content
