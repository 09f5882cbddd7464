"""A small red message shown beside a field while its value is invalid, and a label helper."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def kind_label(value: str) -> str:
    """A vocabulary word as a person reads it: ``detained_master`` -> ``Detained master``."""
    return value.replace("_", " ").capitalize()


class FieldError(QLabel):
    """Hidden while the field is valid; otherwise says what is wrong, in red, under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setAccessibleName("Problem")
        self.hide()

    def say(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


def with_error(field: QWidget) -> tuple[QWidget, FieldError]:
    """``field`` with a FieldError under it, in one widget for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = FieldError(box)
    layout.addWidget(error)
    return box, error
