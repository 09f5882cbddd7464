"""Text on input (issue 15, point 13): terminal control and bidirectional characters in names
were printed raw, NUL was accepted, and A-numbers in Arabic-Indic or full-width digits were
accepted (so one A-number spelt two ways slipped past the duplicate check). The model refuses
them, so every way in does; planner/domain/text.py says why refusing, not cleaning."""

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.domain.anumber import parse_a_number
from planner.domain.docket import Case, Hearing
from planner.domain.errors import InvalidValue
from planner.domain.judge import Judge
from planner.domain.time_off import Closure
from planner.domain.vocabulary import HearingKind, HearingStatus
from tests.conftest import CliResult

HOSTILE = {
    "ESC clearing the screen": "Ana\x1b[2J\x1b[HPérez",
    "a terminal bell": "Ana\x07 Pérez",
    "NUL": "Ana\x00Pérez",
    "a C1 control": "Ana\x9bPérez",
    "a right-to-left override": "Ana \u202ezereP",
    "a right-to-left isolate": "Ana \u2067Pérez\u2069",
    "a left-to-right mark": "Ana\u200e Pérez",
    "a line break": "Ana\nline 7: forged",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize(
    "make",
    [
        lambda text: Case("100000001", text, "asylum", date(2025, 1, 1)),
        lambda text: Case("100000001", "Ana", "asylum", date(2025, 1, 1), attorney=text),
        lambda text: Case("100000001", "Ana", "asylum", date(2025, 1, 1), language=text),
        lambda text: Judge(text),
        lambda text: Judge("Ortiz", court=text),
        lambda text: Closure(date(2026, 12, 24), text),
    ],
    ids=["case name", "attorney", "language", "judge", "court", "closure reason"],
)
def test_control_and_bidi_characters_are_refused_in_names(
    make: Callable[[str], object], text: str
) -> None:
    with pytest.raises(InvalidValue, match=r"U\+[0-9A-F]{4}") as refused:
        make(text)
    message = str(refused.value)
    assert message.isprintable()  # the refusal itself carries none of them


def test_real_names_of_every_script_are_accepted() -> None:
    for name in ("José Núñez", "محمد الأحمد", "דוד כהן", "می‌خواهم", "Nguyễn Thị Minh", "李伟"):
        Case("100000001", name, "asylum", date(2025, 1, 1))
    reason = "Interpreter unavailable.\nRescheduled:\tnext master"
    Hearing(
        "100000001",
        datetime(2026, 12, 7, 9),
        30,
        HearingKind.MASTER,
        HearingStatus.ADJOURNED,
        adjournment_reason=reason,
    )


@pytest.mark.parametrize(
    "a_number",
    ["١٢٣٤٥٦٧٨٩", "１２３４５６７８９", "A۱۲۳-۴۵۶-۷۸۹", "12345\x006789", "१२३४५६७८९"],
    ids=["Arabic-Indic", "full-width", "Persian", "NUL", "Devanagari"],
)
def test_a_numbers_take_ascii_digits_only(a_number: str) -> None:
    with pytest.raises(InvalidValue, match="is not an A-number"):
        parse_a_number(a_number)


def test_a_csv_with_an_escape_sequence_or_a_full_width_duplicate_is_refused(
    planner: Callable[..., CliResult], db_path: Path, tmp_path: Path
) -> None:
    assert (
        planner("demo", "--db", db_path, "--cases", 5, "--seed", 1, "--today", "2026-11-25").code
        == 0
    )
    csv = tmp_path / "cases.csv"
    csv.write_text(
        "a_number,name,kind,detained,language,represented,received\r\n"
        "A300-000-001,Ana\x1b[2JPérez,asylum,no,Spanish,no,2025-01-01\r\n"
        "A300-000-002,Ben,asylum,no,Spanish,no,2025-01-01\r\n"
        "A３００-０００-００２,Ben Again,asylum,no,Spanish,no,2025-01-01\r\n",
        encoding="utf-8",
    )
    result = planner("import", "--db", db_path, csv)
    assert result.code == 1
    assert "\x1b" not in result.err
    assert "line 2" in result.err
    assert "U+001B" in result.err
    assert "line 4, column a_number" in result.err
