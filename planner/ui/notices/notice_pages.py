"""Notices on paper: one notice a page, on Letter, for a printer or a PDF file.

The words come from ``planner.services.notices.notice_text``; this module lays them out."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
)

from planner.domain.notices import CourtSettings, DueNotice
from planner.services.notices import NoticeText, notice_text
from planner.ui.common.letter_pages import (
    headless_application as headless_application,  # for the command line
)
from planner.ui.common.letter_pages import letter_layout, painting, paper_font, pdf_document

#: An inch at the sides: a notice is filed and punched.
MARGINS = QMarginsF(54, 54, 54, 42)
HEADING = (
    "UNITED STATES DEPARTMENT OF JUSTICE",
    "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
    "IMMIGRATION COURT",
)
CONFIDENTIAL = "Confidential: may name an asylum applicant (8 CFR 208.6)"
INK = QColor(0, 0, 0)
GREY = QColor(85, 85, 85)

_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)


def page_layout() -> QPageLayout:
    return letter_layout(MARGINS)


class _Styles:
    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.pt = device.logicalDpiY() / 72
        self.heading = paper_font(9, bold=True)
        self.court = paper_font(11)
        self.title = paper_font(15, bold=True)
        self.label = paper_font(10, bold=True)
        self.body = paper_font(11)
        self.footer = paper_font(8)

    def height(self, font: QFont, width: float, text: str, flags: int = _WRAP) -> float:
        box = QRectF(0, 0, max(1.0, width), 1e6)
        return QFontMetricsF(font, self.device).boundingRect(box, flags, text).height()


def _text(
    p: QPainter, s: _Styles, font: QFont, colour: QColor, x: float, y: float, width: float,
    text: str, flags: int = _WRAP,
) -> float:  # fmt: skip
    """Draw ``text`` wrapped to ``width`` from ``y``; returns the y below it."""
    height = s.height(font, width, text, flags)
    p.setFont(font)
    p.setPen(colour)
    p.drawText(QRectF(x, y, width, height), flags, text)
    return y + height


def _pairs(
    p: QPainter, s: _Styles, pairs: Sequence[tuple[str, str]], y: float, width: float
) -> float:
    label_w = 9 * s.pt * 10
    for label, value in pairs:
        bottom = _text(p, s, s.label, INK, 0, y, label_w, label)
        bottom = max(bottom, _text(p, s, s.body, INK, label_w, y, width - label_w, value))
        y = bottom + 4 * s.pt
    return y


def _paint_notice(p: QPainter, s: _Styles, words: NoticeText, width: float, height: float,
                  page: int, pages: int) -> None:  # fmt: skip
    y = 0.0
    for line in HEADING:
        y = _text(p, s, s.heading, INK, 0, y, width, line, _CENTRE)
    y += 4 * s.pt
    for line in words.court:
        y = _text(p, s, s.court, INK, 0, y, width, line, _CENTRE)
    y += 10 * s.pt
    p.setPen(QPen(INK, 1.2 * s.pt))
    p.drawLine(0, round(y), round(width), round(y))
    y += 14 * s.pt
    y = _text(p, s, s.title, INK, 0, y, width, words.title.upper(), _CENTRE) + 16 * s.pt
    y = _pairs(p, s, words.parties, y, width) + 12 * s.pt
    y = _text(p, s, s.body, INK, 0, y, width, words.body) + 14 * s.pt
    _pairs(p, s, words.details, y, width)
    footer_h = s.height(s.footer, width, CONFIDENTIAL)
    top = height - 2 * footer_h - 4 * s.pt
    p.setPen(QPen(GREY, 0.5 * s.pt))
    p.drawLine(0, round(top), round(width), round(top))
    y = _text(p, s, s.footer, GREY, 0, top + 3 * s.pt, width, words.footer)
    _text(p, s, s.footer, GREY, 0, y, width, CONFIDENTIAL)
    _text(p, s, s.footer, INK, 0, top + 3 * s.pt, width, f"Notice {page} of {pages}", _RIGHT)


def paint_notices(
    notices: Sequence[DueNotice], court: CourtSettings, printed: date, device: QPagedPaintDevice
) -> int:
    """Paint one notice a page on ``device`` (a printer or a PDF writer); returns the pages."""
    if not notices:
        raise ValueError("there are no notices to print")
    with painting(device, "the notices") as paper:
        s = _Styles(device)
        for number, notice in paper.numbered(notices):
            words = notice_text(notice, court, printed)
            _paint_notice(paper.painter, s, words, paper.width, paper.height, number, len(notices))
    return len(notices)


def title(judge: str) -> str:
    return f"Hearing notices: {judge}"


def pdf_bytes(
    notices: Sequence[DueNotice], court: CourtSettings, printed: date, judge: str
) -> bytes:
    data, _pages = pdf_document(
        page_layout(), title(judge), lambda writer: paint_notices(notices, court, printed, writer)
    )
    return data


def save_pdf(
    notices: Sequence[DueNotice], court: CourtSettings, printed: date, judge: str, out: Path
) -> int:
    """Write the notices to ``out`` as one PDF, whole or not at all; returns its pages."""
    from planner.services.transfer import write_atomically

    write_atomically(out, pdf_bytes(notices, court, printed, judge))
    return len(notices)
