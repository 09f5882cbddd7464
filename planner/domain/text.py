"""Text the model accepts: no character that could change how a terminal, a log or a report
shows what is around it.

Refused, not cleaned: a name is what a court wrote, and quietly changing it would make the
docket disagree with the court's records; the clerk who typed or pasted it is told which
character, where, and fixes the source. Refused in every text of the model:

- control characters (Unicode category Cc: NUL, ESC and the other C0 and C1 controls, which
  a terminal obeys: ESC [2J clears the screen, others retitle windows or move the cursor).
  Line breaks and tabs are control characters too: a name is one line. An adjournment reason,
  which may run to several lines, may hold line breaks and tabs;
- the bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which
  reorder the text after them ("Trojan Source"): a name could show as another name, or hide
  what follows it on the line. Right-to-left names (Arabic, Hebrew, Persian) need none of them:
  their letters carry their own direction. The zero-width joiners stay allowed (Persian and
  Indic scripts need them).
"""

import re
import unicodedata

from planner.domain.errors import InvalidValue

#: The bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\n\t")
#: Every character ``check_text`` refuses, for a search in C before the character-by-character
#: look that names the culprit: category Cc is exactly U+0000-U+001F and U+007F-U+009F (a
#: stable category: Unicode never adds to it), and the bidirectional controls.
_BIDI = "".join(sorted(BIDI_CONTROLS))
_REFUSED = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
#: The same, less the line breaks and tabs of a text that may run to several lines.
_REFUSED_IN_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def plain_text(value: str, *, lines: bool = False) -> bool:
    """Whether ``check_text`` takes ``value`` (a quick test: a case read from the store needs
    no message, and the docket's five thousand are read at once)."""
    return (_REFUSED_IN_LINES if lines else _REFUSED).search(value) is None


def check_text(value: str | None, what: str, *, lines: bool = False) -> None:
    """Refuse ``value`` if it holds a control or bidirectional character (``lines``: line
    breaks and tabs are allowed, as in a reason that runs to several lines)."""
    if value is None or (isinstance(value, str) and plain_text(value, lines=lines)):
        return
    for position, character in enumerate(value, start=1):
        if lines and character in _LINE_BREAKS:
            continue
        if character in BIDI_CONTROLS:
            kind = "a bidirectional control character"
        elif unicodedata.category(character) == "Cc":
            kind = "a line break" if character in "\r\n" else "a control character"
        else:
            continue
        raise InvalidValue(
            f"{what} holds {kind} (U+{ord(character):04X}, character {position} of "
            f"{len(value)}), which could change how the text around it is shown: remove it"
        )
