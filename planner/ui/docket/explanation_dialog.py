""" "How is this computed?": every figure behind the verdict, with its unit and its working."""

from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner.paths import forecast_definitions
from planner.services.explanation import Explanation
from planner.ui.common.document_dialog import DocumentDialog, bring_forward, fit_to_screen


class ExplanationDialog(QDialog):
    """Not modal: it follows the panel (a what-if included) while it stays open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How is this computed?")
        self.explanation: Explanation | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("How the forecast is computed")
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.definitions = QPushButton("&Definitions…")
        self.definitions.setToolTip("How the forecast works: docs/forecast.md")
        self.definitions.clicked.connect(self.show_definitions)
        self.copy = QPushButton("&Copy")
        self.copy.setToolTip("Copy every figure as plain text")
        self.copy.clicked.connect(self.copy_text)
        buttons.addButton(self.definitions, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(860, 640)
        fit_to_screen(self, parent)
        self._definitions: DocumentDialog | None = None

    def show_explanation(self, explanation: Explanation, *, trying: bool) -> None:
        self.explanation = explanation
        prefix = "<b>What if (not saved)</b> — " if trying else ""
        self.heading.setText(prefix + escape(explanation.heading))
        self.browser.setHtml(_html(explanation))

    def copy_text(self) -> None:
        if self.explanation is not None:
            QGuiApplication.clipboard().setText(self.explanation.as_text())

    def show_definitions(self) -> None:
        if self._definitions is None:
            self._definitions = DocumentDialog(
                forecast_definitions(), "How the forecast works", self
            )
            fit_to_screen(self._definitions, self)
        bring_forward(self._definitions)


def _html(explanation: Explanation) -> str:
    parts = []
    for section in explanation.sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        parts.append('<table cellspacing="0" cellpadding="3" width="100%">')
        for figure in section.figures:
            parts.append(
                "<tr>"
                f'<td width="30%">{escape(figure.label)}</td>'
                f'<td width="18%" align="right"><b>{escape(figure.text)}</b></td>'
                f"<td><small>{escape(figure.working)}</small></td>"
                "</tr>"
            )
        parts.append("</table>")
    return "".join(parts)
