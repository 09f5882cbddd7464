"""Docket sheets on paper: a day's or week's hearings laid out on Letter pages for a printer or
a PDF file (``planner/ui/files/sheet_actions.py`` offers them in the window)."""

from collections.abc import Sequence
from dataclasses import dataclass
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

from planner.services.docket_sheet import COLUMNS, DocketSheet, SheetDay, SheetSession
from planner.ui.common.letter_pages import (
    headless_application as headless_application,  # for the command line
)
from planner.ui.common.letter_pages import letter_layout, painting, paper_font, pdf_document

#: Margins in points: half an inch, which every office printer reaches.
MARGINS = QMarginsF(36, 36, 36, 32)
#: The widest text of the columns sized to their content (time, A-number, detained); the
#: others share the rest of the line in these proportions (name, interpreter, attorney, hearing).
FIXED = {0: "00:00", 1: "A000-000-000", 4: "DETAINED"}
SHARES = {2: 0.355, 3: 0.15, 5: 0.245, 6: 0.25}
NAME, DETAINED = 2, 4
#: A session starts on a page only if this many of its rows fit under its heading.
KEEP_ROWS = 2
CONFIDENTIAL = "Confidential: may name asylum applicants (8 CFR 208.6)"

INK = QColor(0, 0, 0)
GREY = QColor(85, 85, 85)
RULE = QColor(150, 150, 150)
DAY_FILL = QColor(225, 225, 225)
STRIPE = QColor(243, 243, 243)


def page_layout() -> QPageLayout:
    return letter_layout(MARGINS)


# Layout -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    """One horizontal strip of the body: a day's heading, a session's, the column titles or a
    hearing's row."""

    kind: str  # "day", "session", "columns", "row"
    texts: tuple[str, ...]
    height: float
    gap: float = 0.0  # space above it, dropped at the top of a page
    stripe: bool = False


class _Styles:
    """Fonts and lengths for one paint device, in its pixels."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.pt = device.logicalDpiY() / 72  # device pixels per point
        self.title = paper_font(15, bold=True)
        self.period = paper_font(12, bold=True)
        self.subtitle = paper_font(9.5)
        self.day = paper_font(11, bold=True)
        self.note = paper_font(9, italic=True)
        self.session = paper_font(9.5, bold=True)
        self.columns = paper_font(7.5, bold=True)
        self.body = paper_font(9)
        self.strong = paper_font(9, bold=True)
        self.second = paper_font(8)
        self.footer = paper_font(7.5)
        self.pad = 2.5 * self.pt

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def wrapped(self, font: QFont, width: float, text: str) -> float:
        """The height of ``text`` wrapped to ``width``."""
        box = QRectF(0, 0, max(1.0, width), 1e6)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(box, flags, text).height()


def _column_edges(s: "_Styles", width: float) -> list[float]:
    """Where each column starts, and the line's end."""
    fixed = {
        column: max(
            s.metrics(s.body).horizontalAdvance(text), s.metrics(s.columns).horizontalAdvance(text)
        )
        + 3 * s.pad
        for column, text in FIXED.items()
    }
    rest = max(0.0, width - sum(fixed.values()))
    widths = {column: SHARES[column] * rest for column in SHARES}
    for column in SHARES:  # room for the column's title, taken from the name's column
        title = s.metrics(s.columns).horizontalAdvance(COLUMNS[column].upper()) + 3 * s.pad
        if widths[column] < title:
            widths[NAME] -= title - widths[column]
            widths[column] = title
    widths.update(fixed)
    edges, x = [0.0], 0.0
    for column in range(len(COLUMNS)):
        x += widths[column]
        edges.append(x)
    edges[-1] = width
    return edges


def _cell_fonts(s: _Styles, column: int) -> tuple[QFont, QFont]:
    """The font of a cell's first line and of the lines after it."""
    return (s.strong if column == NAME else s.body), s.second


def _row_height(s: _Styles, cells: tuple[str, ...], edges: list[float]) -> float:
    tallest = 0.0
    for column, text in enumerate(cells):
        width = edges[column + 1] - edges[column] - 2 * s.pad
        first, *more = text.split("\n")
        main, second = _cell_fonts(s, column)
        height = s.wrapped(main, width, first) + sum(s.wrapped(second, width, m) for m in more)
        tallest = max(tallest, height)
    return tallest + 2 * s.pad


def _body_items(s: _Styles, sheet: DocketSheet, width: float) -> list[tuple[SheetDay, list]]:
    """Each day with its sessions, each session with its rows."""
    edges = _column_edges(s, width)
    days = []
    for day in sheet.days:
        sessions = []
        for session in day.sessions:
            rows = [
                _Item("row", row.cells(), _row_height(s, row.cells(), edges), stripe=i % 2 == 1)
                for i, row in enumerate(session.rows)
            ]
            sessions.append((session, rows))
        days.append((day, sessions))
    return days


def _day_item(s: _Styles, day: SheetDay, width: float, continued: bool) -> _Item:
    title = day.title + (" (continued)" if continued else "")
    note = "" if continued else day.note
    height = s.metrics(s.day).height() + 2 * s.pad
    if note:
        height += s.wrapped(s.note, width - 4 * s.pad, note) + s.pad
    return _Item("day", (title, note), height, gap=10 * s.pt)


def _session_item(s: _Styles, session: SheetSession, continued: bool) -> _Item:
    title = session.title + (" (continued)" if continued else "")
    height = s.metrics(s.session).height() + 2 * s.pad
    return _Item("session", (title, session.count), height, gap=5 * s.pt)


def _columns_item(s: _Styles) -> _Item:
    return _Item("columns", COLUMNS, s.metrics(s.columns).height() + 2 * s.pad)


def paginate(s: _Styles, sheet: DocketSheet, width: float, height: float) -> list[list[_Item]]:
    """The body's strips page by page. A session's heading never ends a page: it goes over with
    the column titles and its first rows, and a session that runs on to the next page starts
    there under its day's and its own heading again, marked "(continued)"."""
    pages: list[list[_Item]] = [[]]
    used = 0.0

    def need(items: list[_Item]) -> float:
        """The height of ``items`` under what the page holds (a gap at its top is dropped)."""
        return sum(i.height + i.gap for i in items) - (0.0 if pages[-1] else items[0].gap)

    def put(items: list[_Item]) -> None:
        nonlocal used
        used += need(items)
        pages[-1].extend(items)

    def fit(items: list[_Item]) -> bool:
        return not pages[-1] or used + need(items) <= height

    def new_page() -> None:
        nonlocal used
        pages.append([])
        used = 0.0

    for day, sessions in _body_items(s, sheet, width):
        heading = _day_item(s, day, width, continued=False)
        if not sessions:
            if not fit([heading]):
                new_page()
            put([heading])
            continue
        for number, (session, rows) in enumerate(sessions):
            opening = [_session_item(s, session, False)]
            opening += [_columns_item(s), *rows[:KEEP_ROWS]] if rows else []
            if number == 0:
                opening.insert(0, heading)
            if not fit(opening):
                new_page()
                if number > 0:
                    opening.insert(0, _day_item(s, day, width, continued=True))
            put(opening)
            for row in rows[KEEP_ROWS:]:
                if not fit([row]):
                    new_page()
                    put(
                        [
                            _day_item(s, day, width, continued=True),
                            _session_item(s, session, True),
                            _columns_item(s),
                        ]
                    )
                put([row])
    return pages


# Painting ---------------------------------------------------------------------------------------


def _text(
    painter: QPainter, font: QFont, color: QColor, rect: QRectF, flags: int, text: str
) -> None:
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(rect, flags, text)


_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def _header_height(s: _Styles) -> float:
    return s.metrics(s.title).height() + s.metrics(s.subtitle).height() + 2 * s.pad + 8 * s.pt


def _footer_height(s: _Styles) -> float:
    return s.metrics(s.footer).height() + 6 * s.pt


def _paint_header(p: QPainter, s: _Styles, sheet: DocketSheet, width: float) -> None:
    title_h = s.metrics(s.title).height()
    _text(p, s.title, INK, QRectF(0, 0, width, title_h), _LEFT, "Docket sheet")
    _text(p, s.period, INK, QRectF(0, 0, width, title_h), _RIGHT, sheet.period)
    y = title_h + s.pad
    sub_h = s.metrics(s.subtitle).height()
    who = f"Immigration Judge {sheet.judge}"
    who += f" · {sheet.court}" if sheet.court else " · court not recorded in the profile"
    _text(p, s.subtitle, INK, QRectF(0, y, width, sub_h), _LEFT, who)
    count = sheet.hearings
    printed = f"{sheet.printed.day} {sheet.printed:%b %Y %H:%M}"
    tally = f"{count} hearing{'' if count == 1 else 's'} · printed {printed}"
    _text(p, s.subtitle, GREY, QRectF(0, y, width, sub_h), _RIGHT, tally)
    y += sub_h + s.pad
    p.setPen(QPen(INK, 1.2 * s.pt))
    p.drawLine(0, round(y), round(width), round(y))


def _paint_footer(p: QPainter, s: _Styles, top: float, width: float, page: int, pages: int) -> None:
    p.setPen(QPen(RULE, 0.5 * s.pt))
    p.drawLine(0, round(top), round(width), round(top))
    box = QRectF(0, top + 3 * s.pt, width, s.metrics(s.footer).height())
    _text(p, s.footer, GREY, box, _LEFT, CONFIDENTIAL)
    _text(p, s.footer, INK, box, _RIGHT, f"Page {page} of {pages}")


def _paint_item(p: QPainter, s: _Styles, item: _Item, y: float, width: float) -> None:
    rect = QRectF(0, y, width, item.height)
    if item.kind == "day":
        title, note = item.texts
        bar = QRectF(0, y, width, s.metrics(s.day).height() + 2 * s.pad)
        p.fillRect(bar, DAY_FILL)
        _text(p, s.day, INK, bar.adjusted(2 * s.pad, 0, -2 * s.pad, 0), _LEFT, title)
        if note:
            box = QRectF(2 * s.pad, bar.bottom() + s.pad / 2, width - 4 * s.pad, item.height)
            _text(p, s.note, INK, box, _WRAP, note)
    elif item.kind == "session":
        title, count = item.texts
        inner = rect.adjusted(s.pad, 0, -s.pad, 0)
        _text(p, s.session, INK, inner, _LEFT, title)
        _text(p, s.subtitle, GREY, inner, _RIGHT, count)
    elif item.kind == "columns":
        p.setPen(QPen(INK, 0.6 * s.pt))
        p.drawLine(0, round(rect.bottom()), round(width), round(rect.bottom()))
        edges = _column_edges(s, width)
        for column, title in enumerate(item.texts):
            box = QRectF(edges[column] + s.pad, y, edges[column + 1] - edges[column], item.height)
            _text(p, s.columns, GREY, box, _LEFT, title.upper())
    else:
        _paint_row(p, s, item, rect)


def _paint_row(p: QPainter, s: _Styles, item: _Item, rect: QRectF) -> None:
    if item.stripe:
        p.fillRect(rect, STRIPE)
    p.setPen(QPen(RULE, 0.3 * s.pt))
    p.drawLine(round(rect.left()), round(rect.bottom()), round(rect.right()), round(rect.bottom()))
    edges = _column_edges(s, rect.width())
    for column, text in enumerate(item.texts):
        width = edges[column + 1] - edges[column] - 2 * s.pad
        x, y = edges[column] + s.pad, rect.top() + s.pad
        first, *more = text.split("\n")
        main, second = _cell_fonts(s, column)
        if column == DETAINED and first == "Yes":  # detained: the line a clerk must not miss
            main = s.strong
        for line, font, color in [(first, main, INK)] + [(m, second, GREY) for m in more]:
            height = s.wrapped(font, width, line)
            _text(p, font, color, QRectF(x, y, width, height + s.pad), _WRAP, line)
            y += height


def paint_sheet(sheet: DocketSheet, device: QPagedPaintDevice) -> int:
    """Paint the sheet on ``device`` (a printer or a PDF writer), a page at a time; returns the
    number of pages."""
    return paint_sheets((sheet,), device)


def paint_sheets(sheets: Sequence[DocketSheet], device: QPagedPaintDevice) -> int:
    """Paint several judges' sheets one after the other on ``device`` (the court's combined
    sheet of a day): each judge's starts on a new page under its own header, and the pages are
    numbered through the whole document. Returns the number of pages."""
    with painting(device, "the docket sheet") as paper:
        s = _Styles(device)
        painter, width, height = paper.painter, paper.width, paper.height
        header, footer = _header_height(s), _footer_height(s)
        body_top = header + 6 * s.pt
        laid = [
            (sheet, page)
            for sheet in sheets
            for page in paginate(s, sheet, width, height - body_top - footer - 4 * s.pt)
        ]
        for number, (sheet, items) in paper.numbered(laid):
            _paint_header(painter, s, sheet, width)
            y = body_top
            for index, item in enumerate(items):
                if index:
                    y += item.gap
                _paint_item(painter, s, item, y, width)
                y += item.height
            _paint_footer(painter, s, height - footer, width, number, len(laid))
    return len(laid)


def title(sheet: DocketSheet) -> str:
    return f"Docket sheet: {sheet.judge}, {sheet.period}"


def pdf_bytes(sheet: DocketSheet) -> tuple[bytes, int]:
    """The sheet as a PDF document on Letter paper, and its number of pages."""
    return pdf_document(page_layout(), title(sheet), lambda writer: paint_sheet(sheet, writer))


def court_pdf_bytes(sheets: Sequence[DocketSheet], title: str) -> tuple[bytes, int]:
    """The court's combined sheet (every judge's sheet of a day) as one PDF, and its pages."""
    return pdf_document(page_layout(), title, lambda writer: paint_sheets(sheets, writer))


def save_court_pdf(sheets: Sequence[DocketSheet], title: str, out: Path) -> int:
    """Write the combined sheet to ``out``, whole or not at all; returns its number of pages."""
    from planner.services.transfer import write_atomically

    data, pages = court_pdf_bytes(sheets, title)
    write_atomically(out, data)
    return pages


def save_pdf(sheet: DocketSheet, out: Path) -> int:
    """Write the sheet to ``out`` as a PDF, whole or not at all; returns its number of pages."""
    from planner.services.transfer import write_atomically  # not at start-up: it costs 0.1 s

    data, pages = pdf_bytes(sheet)
    write_atomically(out, data)
    return pages


def describe(sheet: DocketSheet, pages: int, out: Path) -> str:
    """One line on what was written, for the command line and the status bar."""
    hearings = f"{sheet.hearings} hearing{'' if sheet.hearings == 1 else 's'}"
    period = sheet.period.replace("Week of", "the week of", 1)
    return (
        f"Saved the docket sheet of {sheet.judge} for {period} ({hearings}, "
        f"{pages} page{'' if pages == 1 else 's'}) to {out}."
    )
