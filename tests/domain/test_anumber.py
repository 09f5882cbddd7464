"""A-numbers: every common spelling is accepted and stored as 9 digits; anything else is refused."""

import pytest

from planner.domain.anumber import format_a_number, parse_a_number
from planner.domain.errors import InvalidValue


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("123456789", "123456789"),
        ("A123456789", "123456789"),
        ("a123-456-789", "123456789"),
        ("A 123 456 789", "123456789"),
        (" 12345678 ", "012345678"),
        ("A12-345-678", "012345678"),
    ],
)
def test_common_spellings_are_stored_as_nine_digits(text: str, stored: str) -> None:
    assert parse_a_number(text) == stored


@pytest.mark.parametrize(
    "text", ["", "A", "1234567", "1234567890", "B123456789", "12345678x", "A12.345.678"]
)
def test_anything_else_is_refused_with_the_value_quoted(text: str) -> None:
    with pytest.raises(InvalidValue, match=repr(text).replace("\\", "\\\\").replace(".", r"\.")):
        parse_a_number(text)


def test_display_form_is_the_courts() -> None:
    assert format_a_number("012345678") == "A012-345-678"
