"""Alien registration numbers (A-numbers): parsing any common spelling, formatting one way."""

import re

from planner.domain.errors import InvalidValue

_SEPARATORS = re.compile(r"[\s\-]+")
# ASCII digits only: \d would take Arabic-Indic (١٢٣) or full-width (１２３) digits too, and one
# A-number spelt in two scripts would slip past the docket's check for duplicates.
_DIGITS = re.compile(r"[0-9]{8,9}")


def parse_a_number(text: str) -> str:
    """Return the A-number in ``text`` as 9 digits.

    Accepts 8 or 9 digits, with or without a leading ``A`` and with spaces or dashes anywhere:
    ``A123-456-789``, ``a 12345678``, ``123456789``. An 8-digit number gains a leading zero.
    """
    if type(text) is str and len(text) == 9 and text.isascii() and text.isdigit():
        return text  # already 9 digits: every case and hearing read back from the store
    compact = _SEPARATORS.sub("", text.strip())
    if compact[:1] in ("A", "a"):
        compact = compact[1:]
    if not _DIGITS.fullmatch(compact):
        raise InvalidValue(
            f"{text!r} is not an A-number: expected 8 or 9 digits, "
            "optionally after an 'A' and with spaces or dashes (for example A123-456-789)"
        )
    return compact.zfill(9)


def format_a_number(a_number: str) -> str:
    """Show a stored 9-digit A-number the way courts write it: ``A123-456-789``."""
    return f"A{a_number[0:3]}-{a_number[3:6]}-{a_number[6:9]}"
