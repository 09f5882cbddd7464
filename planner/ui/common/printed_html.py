"""A simple document (a title, a table) on paper: Qt's text layout prints HTML across Letter
pages, to a printer (with a preview) or a PDF file. For lists a clerk prints as they are: the
Court tab, the interpreter requests. Docket sheets and notices have their own painters."""

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QTextDocument
from PySide6.QtWidgets import QWidget

from planner.ui.common.letter_pages import letter_layout, pdf_document, print_preview

#: Qt's text layout prints at the PDF writer's own resolution.
_RESOLUTION = 1200


def landscape_letter() -> QPageLayout:
    return letter_layout(QMarginsF(36, 36, 36, 36), landscape=True)


def paint_html(html: str, device: QPagedPaintDevice) -> None:
    document = QTextDocument()
    document.setHtml(html)
    document.print_(device)


def pdf_of_html(html: str, title: str) -> bytes:
    data, _ = pdf_document(
        landscape_letter(), title, lambda writer: paint_html(html, writer), _RESOLUTION
    )
    return data


def save_html_pdf(html: str, title: str, out: Path) -> None:
    """Write the document to ``out`` as a PDF, whole or not at all (owner-only)."""
    from planner.services.transfer import write_atomically

    write_atomically(out, pdf_of_html(html, title))


def print_html(html: str, title: str, parent: QWidget) -> None:
    """The print preview of the document; its Print button opens the system's print dialog."""
    dialog = print_preview(landscape_letter(), title, parent, lambda d: paint_html(html, d))
    dialog.exec()
    dialog.deleteLater()
