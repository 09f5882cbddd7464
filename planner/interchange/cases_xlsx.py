"""The cases spreadsheet as an Excel workbook (.xlsx): the CSV's columns and rules, in a sheet.

openpyxl reads and writes the file (a well-kept library; xlsx is a zip of XML that is not worth
writing by hand). It takes about 0.3 s to import, so it is imported only when an .xlsx file is
read or written, never at start-up. The first sheet holds the cases; its row numbers are the
lines the problems name (the header is row 1).
"""

import io
import zipfile
from collections.abc import Collection, Iterator, Mapping
from datetime import date, datetime, time
from typing import Any

from planner.domain.docket import Case
from planner.interchange.cases_csv import (
    COLUMNS,
    EXPORT_COLUMNS,
    CasesImport,
    case_cells,
    read_case_rows,
)
from planner.interchange.problems import ImportRefused, Problem

#: An .xlsx file begins as every zip file does.
ZIP_START = b"PK\x03\x04"


def write_cases_xlsx(
    cases: Collection[Case], continuances: Mapping[str, int] | None = None
) -> bytes:
    """The cases as a workbook with one sheet, "Cases": the CSV's cells, every one stored as
    text, so that no cell is ever a formula (and those a spreadsheet would run begin with an
    apostrophe, as in the CSV); ``continuances`` as ``write_cases`` takes them."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cases")
    sheet.append([*COLUMNS, *EXPORT_COLUMNS])
    counts = continuances or {}
    for case in cases:
        row = []
        for text in case_cells(case, counts.get(case.a_number, 0)):
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # text, even if it looks like "=..."
            row.append(cell)
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_cases_xlsx(
    data: bytes,
    *,
    case_kinds: Collection[str],
    existing: Mapping[str, Case] | None = None,
    source: str = "the file",
) -> CasesImport:
    """The cases on the workbook's first sheet, or ImportRefused listing every bad cell (by row
    number, as "line", and column) — as ``read_cases`` does for a CSV."""
    return read_case_rows(
        _rows(data, source), case_kinds=case_kinds, existing=existing, source=source
    )


def _rows(data: bytes, source: str) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not data.startswith(ZIP_START):
        raise _not_a_workbook(source, "it is not a zip file, as every .xlsx is")
    try:
        # read_only streams the sheet; data_only gives a formula cell's last computed value.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise _not_a_workbook(source, str(error) or type(error).__name__) from None
    try:
        if not book.worksheets:
            raise _not_a_workbook(source, "it has no sheet")
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield number, [_text(value) for value in values]
    finally:
        book.close()


def _not_a_workbook(source: str, why: str) -> ImportRefused:
    return ImportRefused(
        source, [Problem("", f"this is not an Excel workbook (.xlsx) that can be read: {why}")]
    )


def _text(value: Any) -> str:
    """A cell's value as the CSV would hold it: ISO dates, yes/no, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
