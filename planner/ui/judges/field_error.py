"""A small red message shown beside a field while its value is invalid, and a label helper."""

from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.domain.vocabulary import label


def kind_label(value: str) -> str:
    """A vocabulary word as a person reads it: ``detained_master`` -> ``Detained master``."""
    return label(value)


class FieldError(QLabel):
    """Hidden while the field is valid; otherwise says what is wrong, in red, under the field.

    Its ``lines`` are reserved while it is hidden, so showing a message never moves the fields
    below it and the next click lands where the user aimed; a message longer than them is cut
    at the edge and read whole in the tooltip.
    """

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self.setWordWrap(lines > 1)
        self.setStyleSheet("color: #b3261e;")
        self.setAccessibleName("Problem")
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        metrics = self.fontMetrics()
        self.setFixedHeight(metrics.height() + (lines - 1) * metrics.lineSpacing() + 2)
        self.hide()

    def say(self, message: str | None) -> None:
        self.setText(message or "")
        self.setToolTip(message or "")
        self.setAccessibleDescription(message or "")
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
