"""One helper says every count in words, so no message reads "1 cases" or "1 judges"."""

import pytest

from planner.domain.plural import counted, plural


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 cases"), (1, "1 case"), (2, "2 cases"), (1375, "1,375 cases")],
)
def test_a_count_takes_the_singular_only_for_one(count: int, text: str) -> None:
    assert counted(count, "case") == text


def test_an_irregular_plural_and_a_verb() -> None:
    assert counted(1, "leave entry", "leave entries") == "1 leave entry"
    assert counted(3, "leave entry", "leave entries") == "3 leave entries"
    assert plural(1, "is", "are") == "is"
    assert plural(2, "is", "are") == "are"


def test_a_rounded_number_agrees_with_what_is_shown() -> None:
    assert counted(0.6, "hour", spec=",.0f") == "1 hour"
    assert counted(1.4, "hour", spec=",.0f") == "1 hour"
    assert counted(1.6, "hour", spec=",.0f") == "2 hours"
    assert counted(1234.4, "hour", spec=",.0f") == "1,234 hours"
