"""The cases CSV: a clerk's spreadsheet of cases, one row each, read forgivingly and written plainly.

Reading goes through the ``csv`` module, which handles what spreadsheets write (quoted fields with
commas, accents or line breaks, CRLF line ends). Every bad cell of every row is collected, with its
line (the header is line 1) and column, before anything is reported. docs/docket-format.md lists
the columns.
"""

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.bounds import MAX_CASE_MINUTES
from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.vocabulary import CaseStatus, CompletionKind, HearingKind, HearingStatus
from planner.interchange.problems import ImportRefused, Problem, decode_utf8

#: Every column, in the order an export writes them.
COLUMNS = (
    "a_number",
    "name",
    "kind",
    "detained",
    "juvenile",
    "language",
    "represented",
    "received",
    "status",
    "completion_date",
    "completion_kind",
    "remaining_minutes",
    "asylum_filed",
    "nta_served",
    "attorney",
    "dedicated_docket",
)
#: Columns an export writes after COLUMNS, for reading only: how many times the case's hearings
#: were adjourned (its continuances, counted from the hearings). An import accepts the column
#: and ignores it: the count follows from the hearings recorded, not from a cell.
EXPORT_COLUMNS = ("continuances",)
#: Columns a file may add, which no export writes: the case's next hearing (issue 19), set on
#: import where every placement rule allows it (date and time together; the kind by default
#: the one the case needs next).
HEARING_COLUMNS = ("next_hearing_date", "next_hearing_time", "next_hearing_kind")
#: The columns a file must have; the others take their defaults when absent.
REQUIRED = frozenset(
    {"a_number", "name", "kind", "detained", "language", "represented", "received"}
)
#: Other spellings of a column's name (after normalising case, spaces, dashes and underscores).
ALIASES = {"case_kind": "kind", "anumber": "a_number"}

#: The largest number of minutes a cell may hold: the model's bound (a few weeks of bench time).
LARGEST_MINUTES = MAX_CASE_MINUTES

_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_SEPARATORS = re.compile(r"[\s\-_]+")


def normalise(name: str) -> str:
    """A header or vocabulary word compared loosely: ``A-Number`` and ``a number`` are ``a_number``."""
    return _SEPARATORS.sub("_", name.strip().lower()).strip("_")


# Writing ------------------------------------------------------------------------------------


def write_cases(cases: Iterable[Case], continuances: Mapping[str, int] | None = None) -> str:
    """The cases as CSV text with a header row: ISO dates, yes/no, A-numbers as A123-456-789,
    and each case's continuances (``continuances``: A-number to its adjourned hearings).

    The A-number keeps its letter and dashes so that a spreadsheet shows it as text and keeps its
    leading zeros.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((*COLUMNS, *EXPORT_COLUMNS))
    counts = continuances or {}
    for case in cases:
        writer.writerow(case_cells(case, counts.get(case.a_number, 0)))
    return out.getvalue()


def continuance_counts(hearings: Iterable[Hearing]) -> dict[str, int]:
    """A-number to how many of its hearings were adjourned (its continuances)."""
    found: dict[str, int] = {}
    for hearing in hearings:
        if hearing.status is HearingStatus.ADJOURNED:
            found[hearing.a_number] = found.get(hearing.a_number, 0) + 1
    return found


def case_cells(case: Case, continuances: int = 0) -> list[str]:
    """One case's row of cells, in the order of COLUMNS then EXPORT_COLUMNS, formulas made
    inert."""
    return [
        format_a_number(case.a_number),
        inert(case.name),
        inert(case.kind),
        _yes_no(case.detained),
        _yes_no(case.juvenile),
        inert(case.language),
        _yes_no(case.represented),
        case.received.isoformat(),
        case.status.value,
        _text(case.completion_date),
        case.completion_kind.value if case.completion_kind else "",
        "" if case.remaining_minutes is None else str(case.remaining_minutes),
        _text(case.asylum_filed),
        _text(case.nta_served),
        inert(case.attorney or ""),
        _yes_no(case.dedicated_docket),
        str(continuances),
    ]


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection"): a cell opening
#: with one of them is written after an apostrophe, which makes it text; a tab or carriage
#: return first is how some spreadsheets are tricked past that check.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """The cell as a spreadsheet shows it, never runs it: ``=SUM(A1)`` becomes ``'=SUM(A1)``.

    A value whose own apostrophes come before a formula's first character (``'@``) gets one
    more, so that reading takes off exactly the one added here."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def _as_written(cell: str) -> str:
    """The cell without the apostrophe ``inert`` put before it."""
    added = cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS)
    return cell[1:] if added else cell


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


# Reading ------------------------------------------------------------------------------------


def decode_csv(data: bytes, source: str = "the file") -> str:
    """The text of a CSV file's bytes: UTF-8, with or without the byte-order mark Excel adds."""
    return decode_utf8(data, source, "in Excel, save it as 'CSV UTF-8 (Comma delimited)'")


@dataclass(frozen=True, slots=True)
class NextHearing:
    """A case's next hearing as a row of the file gives it, to be placed by the service: its
    line and column say where a refusal is reported."""

    line: int
    where: str  # "line 4, column next_hearing_date (P)"
    a_number: str
    start: datetime
    kind: HearingKind | None  # None: the kind the case needs next


@dataclass(frozen=True, slots=True)
class CasesImport:
    """The cases a CSV file adds to or updates on a docket, all of them valid."""

    cases: tuple[Case, ...]
    added: int
    updated: int
    hearings: tuple[NextHearing, ...] = ()


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    header: str  # as the file spells it
    name: str  # one of COLUMNS, or "" for a column without a header

    @property
    def where(self) -> str:
        label = (
            f"{self.header} ({_letter(self.index)})" if self.header.strip() else _letter(self.index)
        )
        return f"column {label}"


def read_cases(
    text: str,
    *,
    case_kinds: Collection[str],
    existing: Mapping[str, Case] | None = None,
    source: str = "the file",
) -> CasesImport:
    """The cases in CSV text, or ImportRefused listing every bad cell and row.

    ``case_kinds`` are the judge's; ``existing`` maps the A-numbers already on the docket to their
    cases. A row for an existing case changes only the columns the file has; a new case takes the
    defaults for the columns it lacks.
    """
    return read_case_rows(_csv_rows(text), case_kinds=case_kinds, existing=existing, source=source)


class _Unreadable(Exception):
    """The rows stopped being readable (malformed CSV): the problem saying where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV row with the line it starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    last_line = 0
    try:
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            yield line, row
    except csv.Error as error:
        raise _Unreadable(
            Problem(f"line {reader.line_num}", f"this is not readable CSV ({error})")
        ) from None


def read_case_rows(
    rows: Iterable[tuple[int, list[str]]],
    *,
    case_kinds: Collection[str],
    existing: Mapping[str, Case] | None = None,
    source: str = "the file",
) -> CasesImport:
    """The cases in rows of cells, each with its line (a spreadsheet's row number), the first
    the header: what ``read_cases`` does for CSV text, for any table of text cells."""
    existing = existing or {}
    problems: list[Problem] = []
    numbered = iter(rows)
    try:
        first = next(numbered, None)
        if first is None:
            expected = ", ".join(c for c in COLUMNS if c in REQUIRED)
            raise ImportRefused(
                source,
                [Problem("line 1", f"the file is empty: expected a header row ({expected})")],
            )
        columns = _columns(first[1], problems)
        if problems:
            raise ImportRefused(source, problems)
        ignored = (*HEARING_COLUMNS, *EXPORT_COLUMNS)
        present = frozenset(c.name for c in columns if c.name and c.name not in ignored)
        kinds = {normalise(kind): kind for kind in case_kinds}
        first_line: dict[str, int] = {}
        cases: list[Case] = []
        hearings: list[NextHearing] = []
        added = 0
        for line, row in numbered:
            if not any(cell.strip() for cell in row):
                continue  # blank lines, and the empty rows spreadsheets leave at the end
            before = len(problems)
            values = _row_values(row, line, columns, kinds, problems)
            a_number = values.get("a_number")
            if a_number is None:
                continue
            if a_number in first_line:
                a_column = next(c for c in columns if c.name == "a_number")
                problems.append(
                    Problem(
                        f"line {line}, {a_column.where}",
                        f"{format_a_number(a_number)} is also on line {first_line[a_number]}; "
                        "a file lists each case once",
                    )
                )
                continue
            first_line[a_number] = line
            if len(problems) > before:
                continue
            own = {name: value for name, value in values.items() if name not in ignored}
            case = _case(own, existing.get(a_number), present, line, problems)
            if case is not None:
                cases.append(case)
                added += a_number not in existing
                hearing = _next_hearing(values, case, line, columns, problems)
                if hearing is not None:
                    hearings.append(hearing)
    except _Unreadable as error:
        problems.append(error.problem)
    if problems:
        raise ImportRefused(source, problems)
    return CasesImport(
        tuple(cases), added=added, updated=len(cases) - added, hearings=tuple(hearings)
    )


def _next_hearing(
    values: dict[str, Any], case: Case, line: int, columns: list[_Column], problems: list[Problem]
) -> NextHearing | None:
    """The row's next hearing, if it gives one: a date and a time (both or neither), for a
    pending case."""
    day, at, kind = (values.get(name) for name in HEARING_COLUMNS)
    if day is None and at is None and kind is None:
        return None
    where = {c.name: c.where for c in columns if c.name}
    place = f"line {line}, {where.get('next_hearing_date', 'column next_hearing_date')}"
    if day is None or at is None:
        missing = "next_hearing_time" if at is None else "next_hearing_date"
        problems.append(
            Problem(place, f"a next hearing needs its date and its time: {missing} is empty")
        )
        return None
    if case.status is not CaseStatus.PENDING:
        problems.append(
            Problem(place, f"case {case.display_a_number} is completed: it needs no hearing")
        )
        return None
    return NextHearing(line, place, case.a_number, datetime.combine(day, at), kind)


def _columns(header: list[str], problems: list[Problem]) -> list[_Column]:
    columns: list[_Column] = []
    seen: dict[str, _Column] = {}
    if len(header) == 1 and ";" in header[0]:
        problems.append(
            Problem(
                "line 1",
                "the columns are separated by semicolons: save the file with commas "
                "(in Excel, 'CSV UTF-8 (Comma delimited)')",
            )
        )
        return columns
    known = (*COLUMNS, *HEARING_COLUMNS, *EXPORT_COLUMNS)
    for index, title in enumerate(header):
        key = normalise(title)
        name = ALIASES.get(key, key)
        column = _Column(index, title, name if name in known else "")
        if key and name not in known:
            problems.append(
                Problem(
                    f"line 1, {column.where}",
                    f"unknown column {title!r}: the columns are {', '.join(known)}",
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    f"line 1, {column.where}",
                    f"{title!r} is the same column as {seen[name].header!r} "
                    f"({_letter(seen[name].index)}); keep one",
                )
            )
        elif name:
            seen[name] = column
        columns.append(column)
    for name in COLUMNS:
        if name in REQUIRED and name not in seen:
            problems.append(Problem("line 1", f"the required column {name!r} is missing"))
    return columns


def _row_values(
    row: list[str],
    line: int,
    columns: list[_Column],
    kinds: Mapping[str, str],
    problems: list[Problem],
) -> dict[str, Any]:
    """The row's good cells parsed by column; each bad one is reported."""
    extra = [cell for cell in row[len(columns) :] if cell.strip()]
    if extra:
        problems.append(
            Problem(
                f"line {line}",
                f"{len(row)} values but the header names {len(columns)} columns (extra "
                f"{extra[0]!r}): a value holding a comma needs quotes",
            )
        )
    values: dict[str, Any] = {}
    for column in columns:
        cell = row[column.index] if column.index < len(row) else ""
        cell = _as_written(cell.strip()).strip()
        where = f"line {line}, {column.where}"
        if not column.name:
            if cell:
                problems.append(
                    Problem(where, f"the value {cell!r} is under a column with no name")
                )
            continue
        if not cell:
            if column.name in REQUIRED:
                problems.append(Problem(where, f"empty, but every case needs a {column.name}"))
            else:
                values[column.name] = _DEFAULTS[column.name]
            continue
        try:
            if column.name == "kind":
                values["kind"] = _kind(cell, kinds)
            else:
                values[column.name] = _PARSERS[column.name](cell)
        except InvalidValue as error:
            problems.append(Problem(where, str(error)))
    return values


def _case(
    values: dict[str, Any],
    existing: Case | None,
    present: frozenset[str],
    line: int,
    problems: list[Problem],
) -> Case | None:
    try:
        if existing is None:
            return Case(**values)
        return replace(existing, **{name: values[name] for name in present})
    except InvalidValue as error:
        problems.append(Problem(f"line {line}", str(error)))
        return None


# Cells --------------------------------------------------------------------------------------


def _letter(index: int) -> str:
    """The spreadsheet's name for a column: A ... Z, AA, AB ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _kind(cell: str, kinds: Mapping[str, str]) -> str:
    try:
        return kinds[normalise(cell)]
    except KeyError:
        known = ", ".join(sorted(kinds.values()))
        raise InvalidValue(
            f"{cell!r} is not a case kind of the judge's profile (the kinds are {known})"
        ) from None


def _yes_or_no(cell: str) -> bool:
    word = cell.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise InvalidValue(f"{cell!r} is not yes or no (write yes/no, y/n, true/false or 1/0)")


def _date(cell: str) -> date:
    try:
        if _ISO_DATE.fullmatch(cell):
            return date.fromisoformat(cell)
        match = _US_DATE.fullmatch(cell)
        if match:
            return date(int(match[3]), int(match[1]), int(match[2]))
    except ValueError:
        pass
    raise InvalidValue(
        f"{cell!r} is not a date: write YYYY-MM-DD or M/D/YYYY (2026-03-01 or 3/1/2026)"
    )


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::00)?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def _time(cell: str) -> time:
    """A time of day: 09:30, 9:30, 13:00 or 1:00 PM."""
    match = _CLOCK.fullmatch(cell.strip())
    if match:
        hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half.startswith("p") else 0)
        elif half:
            hour = 99
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InvalidValue(f"{cell!r} is not a time of day: write HH:MM (09:30, 13:00 or 1:00 PM)")


def _minutes(cell: str) -> int:
    if not cell.isdecimal() or not cell.isascii():
        raise InvalidValue(f"{cell!r} is not a whole number of minutes")
    # Counted before int(): Python refuses to convert more than 4,300 digits.
    minutes = int(cell) if len(cell) <= 9 else LARGEST_MINUTES + 1
    if not 0 < minutes <= LARGEST_MINUTES:
        shown = repr(cell) if len(cell) <= 12 else f"a number of {len(cell):,} digits"
        raise InvalidValue(f"{shown} minutes must be at least 1 and at most {LARGEST_MINUTES:,}")
    return minutes


def _word(vocabulary: type[Any], what: str) -> Callable[[str], Any]:
    def parse(cell: str) -> Any:
        try:
            return vocabulary(normalise(cell))
        except ValueError:
            choices = ", ".join(member.value for member in vocabulary)
            raise InvalidValue(f"{what} {cell!r} is not one of: {choices}") from None

    return parse


def _same(cell: str) -> str:
    return cell


_PARSERS: dict[str, Callable[[str], Any]] = {
    "a_number": parse_a_number,
    "name": _same,
    "detained": _yes_or_no,
    "juvenile": _yes_or_no,
    "language": _same,
    "represented": _yes_or_no,
    "received": _date,
    "status": _word(CaseStatus, "status"),
    "completion_date": _date,
    "completion_kind": _word(CompletionKind, "completion kind"),
    "remaining_minutes": _minutes,
    "asylum_filed": _date,
    "nta_served": _date,
    "attorney": _same,
    "dedicated_docket": _yes_or_no,
    "continuances": _same,  # written by an export, ignored by an import
    "next_hearing_date": _date,
    "next_hearing_time": _time,
    "next_hearing_kind": _word(HearingKind, "hearing kind"),
}
#: What a blank cell in an optional column means.
_DEFAULTS: dict[str, Any] = {
    "juvenile": False,
    "status": CaseStatus.PENDING,
    "completion_date": None,
    "completion_kind": None,
    "remaining_minutes": None,
    "asylum_filed": None,
    "nta_served": None,
    "attorney": None,
    "dedicated_docket": False,
    "continuances": None,
    "next_hearing_date": None,
    "next_hearing_time": None,
    "next_hearing_kind": None,
}
