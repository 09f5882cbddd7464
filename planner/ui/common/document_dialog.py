"""A page of the Planner's own documentation (Markdown shipped with it), read inside the app."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class DocumentDialog(QDialog):
    """Shows one Markdown file, or says where it looked if the file is not there."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # links point into the source tree, not into the app
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.browser.setPlainText(
                f"The page could not be read from {path} ({reason.lower()}). This copy of the "
                "Planner may have been installed without its documents."
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 600)


def fit_to_screen(dialog: QDialog, parent: QWidget | None) -> None:
    """No taller or wider than the screen it opens on, less a margin (small laptops)."""
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    dialog.resize(min(dialog.width(), room.width() - 40), min(dialog.height(), room.height() - 60))


def bring_forward(dialog: QDialog) -> None:
    """Show a dialog that is not modal, or raise it if it is already open."""
    if dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
    else:
        dialog.show()
