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

import unicodedata

from planner.domain.errors import InvalidValue

#: The bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\n\t")


def check_text(value: str | None, what: str, *, lines: bool = False) -> None:
    """Refuse ``value`` if it holds a control or bidirectional character (``lines``: line
    breaks and tabs are allowed, as in a reason that runs to several lines)."""
    if value is None:
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
