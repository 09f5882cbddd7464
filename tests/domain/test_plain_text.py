"""The quick test of a text (a search in C, made before the character-by-character look that
names the culprit) refuses exactly the characters ``check_text`` refuses, every code point."""

import sys
import unicodedata

from planner.domain.text import BIDI_CONTROLS, plain_text


def test_the_quick_test_refuses_exactly_what_check_text_refuses() -> None:
    for point in range(sys.maxunicode + 1):
        character = chr(point)
        refused = character in BIDI_CONTROLS or unicodedata.category(character) == "Cc"
        assert plain_text(character) is not refused, hex(point)
        in_lines = refused and character not in "\n\t"
        assert plain_text(character, lines=True) is not in_lines, hex(point)
        assert plain_text(f"Ana{character}Ruiz") is not refused, hex(point)
