"""The cases spreadsheet as an Excel workbook: written as text cells, read back equal, bad cells
named by row and column, and openpyxl imported only when a workbook is used."""

import io
import subprocess
import sys
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from planner.domain.docket import Case
from planner.domain.vocabulary import CaseStatus
from planner.interchange.cases_csv import COLUMNS, EXPORT_COLUMNS
from planner.interchange.cases_xlsx import read_cases_xlsx, write_cases_xlsx
from planner.interchange.problems import ImportRefused

KINDS = ("asylum", "removal")


def _cases() -> list[Case]:
    return [
        Case("100000001", "Rosa Díaz", "asylum", date(2025, 1, 2), language="Spanish"),
        Case(
            "100000002",
            '=HYPERLINK("http://x","y")',
            "removal",
            date(2025, 3, 4),
            detained=True,
            represented=True,
            attorney="+1 555 0100",
            status=CaseStatus.PENDING,
        ),
    ]


def test_written_cases_read_back_equal() -> None:
    cases = _cases()
    found = read_cases_xlsx(write_cases_xlsx(cases), case_kinds=KINDS)
    assert list(found.cases) == cases
    assert found.added == 2


def test_no_written_cell_is_a_formula_and_formula_text_is_neutralised() -> None:
    sheet = load_workbook(io.BytesIO(write_cases_xlsx(_cases()))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [*COLUMNS, *EXPORT_COLUMNS]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert sheet["B3"].value == '\'=HYPERLINK("http://x","y")'
    assert sheet["O3"].value == "'+1 555 0100"


def _book(*rows: tuple[object, ...]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = ("a_number", "name", "kind", "detained", "language", "represented", "received")


def test_a_workbook_as_excel_types_it_is_read() -> None:
    """Numbers, dates and booleans as Excel stores them, not only text."""
    data = _book(
        HEADER,
        (123456789, "Ana", "Asylum", False, "English", True, datetime(2025, 1, 2)),
        (None, None, None, None, None, None, None),  # an empty row a spreadsheet leaves
        ("A987-654-321", "Ben", "removal", "yes", "French", "no", date(2024, 12, 31)),
    )
    found = read_cases_xlsx(data, case_kinds=KINDS)
    first, second = found.cases
    assert (first.a_number, first.kind, first.detained, first.represented) == (
        "123456789",
        "asylum",
        False,
        True,
    )
    assert first.received == date(2025, 1, 2)
    assert second.a_number == "987654321"
    assert second.received == date(2024, 12, 31)


def test_bad_cells_are_named_by_row_and_column() -> None:
    data = _book(
        HEADER,
        ("100000001", "Ana", "asylum", "perhaps", "English", "no", "2025-01-02"),
        ("100000002", "Ben", "nonsense", "no", "English", "no", "2025-01-02"),
    )
    with pytest.raises(ImportRefused) as refused:
        read_cases_xlsx(data, case_kinds=KINDS, source="cases.xlsx")
    wheres = [problem.where for problem in refused.value.problems]
    assert wheres == ["line 2, column detained (D)", "line 3, column kind (C)"]


def test_a_file_that_is_not_a_workbook_is_one_problem() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_cases_xlsx(b"a_number,name\n1,x\n", case_kinds=KINDS, source="cases.xlsx")
    assert "not an Excel workbook" in str(refused.value)
    with pytest.raises(ImportRefused):
        read_cases_xlsx(b"PK\x03\x04broken", case_kinds=KINDS, source="cases.xlsx")


def test_openpyxl_is_not_imported_until_a_workbook_is_used() -> None:
    code = (
        "import sys\n"
        "import planner.cli, planner.services.transfer, planner.ui.window.main_window\n"
        "import planner.ui.files.import_export\n"
        "print('openpyxl' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
