"""A simple document (a title, a table) on paper: Qt's text layout prints HTML across Letter
pages, to a printer (with a preview) or a PDF file. For lists a clerk prints as they are: the
Court tab, the interpreter requests. Docket sheets and notices have their own painters."""

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget


def landscape_letter() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.Letter),
        QPageLayout.Orientation.Landscape,
        QMarginsF(36, 36, 36, 36),
        QPageLayout.Unit.Point,
    )


def paint_html(html: str, device: QPagedPaintDevice) -> None:
    document = QTextDocument()
    document.setHtml(html)
    document.print_(device)


def pdf_of_html(html: str, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(landscape_letter())
    writer.setTitle(title)
    writer.setCreator("Judge Workload Planner")
    paint_html(html, writer)
    del writer
    buffer.close()
    return bytes(data.data())


def save_html_pdf(html: str, title: str, out: Path) -> None:
    """Write the document to ``out`` as a PDF, whole or not at all (owner-only)."""
    from planner.services.transfer import write_atomically

    write_atomically(out, pdf_of_html(html, title))


def print_html(html: str, title: str, parent: QWidget) -> None:
    """The print preview of the document; its Print button opens the system's print dialog."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(landscape_letter())
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {title}")
    dialog.paintRequested.connect(lambda device: paint_html(html, device))
    dialog.exec()
    dialog.deleteLater()
