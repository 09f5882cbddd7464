"""Pages on US Letter paper, for a printer or a PDF file: the page layout, the fonts, the painter
and its page loop, the PDF document made in memory, and the print preview.

The docket sheets (planner/ui/files/docket_sheet.py) and the hearing notices
(planner/ui/notices/notice_pages.py) lay out their own pages and paint them through this; the
simple documents of planner/ui/common/printed_html.py print and save through it."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

LETTER = QPageSize(QPageSize.PageSizeId.Letter)
#: The PDF writer's resolution, in dots per inch.
PDF_RESOLUTION = 600
CREATOR = "Judge Workload Planner"

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


def letter_layout(margins: QMarginsF, *, landscape: bool = False) -> QPageLayout:
    """Letter paper, portrait (or ``landscape``), with ``margins`` in points."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(LETTER, orientation, margins, QPageLayout.Unit.Point)


def paper_font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """The application's font at ``points``, unhinted: on paper the glyphs keep the shapes and
    widths they were measured with."""
    made = QFont(QGuiApplication.font())
    made.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    made.setPointSizeF(points)
    made.setBold(bold)
    made.setItalic(italic)
    return made


@dataclass(frozen=True)
class Pages:
    """A painter open on a printer's or a PDF writer's pages, and the size of the area inside
    the margins, in the device's pixels."""

    painter: QPainter
    device: QPagedPaintDevice
    width: float
    height: float

    def numbered(self, items: Sequence[_Item]) -> Iterator[tuple[int, _Item]]:
        """Each of ``items`` with its page number, from 1: each after the first on a new page."""
        for number, item in enumerate(items, start=1):
            if number > 1:
                self.device.newPage()
            yield number, item


@contextmanager
def painting(device: QPagedPaintDevice, what: str) -> Iterator[Pages]:
    """Paint on ``device``'s pages; the painter ends however the painting does. A device that
    cannot be opened is an OSError naming ``what`` was to be printed."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"the printer or file could not be opened for {what}")
    try:
        paint = device.pageLayout().paintRectPixels(round(device.logicalDpiY()))
        yield Pages(painter, device, float(paint.width()), float(paint.height()))
    finally:
        painter.end()


def pdf_document(
    layout: QPageLayout,
    title: str,
    paint: Callable[[QPdfWriter], _Result],
    resolution: int = PDF_RESOLUTION,
) -> tuple[bytes, _Result]:
    """A PDF document, made in memory with pages of ``layout``, titled ``title`` and painted by
    ``paint`` at ``resolution`` dots per inch; with what ``paint`` returned."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(layout)
    writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    painted = paint(writer)
    del writer  # the writer finishes the document as it goes
    buffer.close()
    return bytes(data.data()), painted


def print_preview(
    layout: QPageLayout,
    title: str,
    parent: "QWidget",
    paint: Callable[[QPagedPaintDevice], object],
) -> "QPrintPreviewDialog":
    """The print preview of a document of ``layout`` pages titled ``title``, painted by
    ``paint``; its Print button opens the system's print dialog. The caller shows it (``exec``)
    and deletes it later."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(layout)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {title}")
    dialog.paintRequested.connect(paint)
    # Kept as long as the dialog, which does not own it (not named printer: the dialog's
    # printer() method).
    dialog.kept_printer = printer  # type: ignore[attr-defined]
    return dialog


def headless_application() -> QGuiApplication:
    """The running Qt application, or a new one for painting without a window (Qt needs one for
    its fonts; without a display, set QT_QPA_PLATFORM=offscreen first)."""
    return QGuiApplication.instance() or QGuiApplication(["planner"])  # type: ignore[return-value]
