"""A master calendar's row where its whole line does not fit (a week's day at 1024x600 is about
110 px): what a clerk reads first kept, the rest shortened, nothing dropped without a trace.

The row reads: the call time (at the first of a call) and the place, bold; D (detained) and R
(represented); the A-number while there is room for it and a few letters of the name; the name,
elided; the language at the right edge, whole where it fits, else its first three letters. The
block's tooltip and its accessible text keep every field whole (``calendar_access``).
"""

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QStaticText

from planner.domain.anumber import format_a_number
from planner.domain.vocabulary import HearingStatus
from planner.store.agenda import CalendarEntry
from planner.ui.calendar.static_texts import StaticTexts

Placed = tuple[QPointF, QStaticText, int]  # where, the text laid out once, which font

#: How many letters of the name must show for the A-number to keep its place.
NAME_LETTERS = 6


def short_language(language: str) -> str:
    """ "Spanish" -> "Spa", "Haitian Creole" -> "Hai": the first three letters."""
    return language.strip()[:3]


def markers(entry: CalendarEntry) -> str:
    """ "D R": detained, represented."""
    return " ".join(m for m, on in (("D", entry.detained), ("R", entry.represented)) if on)


def compact_row(
    entry: CalendarEntry,
    call: str,
    place: int,
    names: bool,
    box: QRectF,
    fonts: tuple[QFont, QFont, QFont],
    keys: tuple[str, ...],
    metrics: QFontMetrics,
    bold_metrics: QFontMetrics,
    texts: StaticTexts,
) -> tuple[Placed, ...]:
    """The row's texts placed in ``box`` (one line): ``call`` is "8:30" at the first row of a
    call, else "", ``place`` its place in the order of call.

    Tried in order until the name keeps ``NAME_LETTERS`` letters: with the A-number and the
    whole language, with the A-number and the short language, without the A-number (whole
    language, then short), then without the call time too; last, the short language without
    the call time and what is left for the name (the tooltip says the time)."""
    left_x, top = box.left() + 3, box.top() + 1
    width = box.width() - 6
    height = metrics.height()
    bold = 2 if entry.status is HearingStatus.ADJOURNED else 1
    flags = markers(entry)
    name = entry.name if names else ""
    language = entry.language.strip()
    gap = metrics.horizontalAdvance(" ")

    def at(text: str, font: int, x: float) -> Placed:
        static = texts.get(text, fonts[font], keys[font])
        return QPointF(x, top + (height - static.size().height()) / 2), static, font

    def left_of(with_call: bool, with_a_number: bool) -> str:
        parts = [call] if call and with_call else []
        parts.append(f"{place}.")
        if with_a_number or not names:  # without a name the A-number is what tells them apart
            parts.append(format_a_number(entry.a_number))
        return " ".join(parts)

    wanted = metrics.horizontalAdvance(name[:NAME_LETTERS] + "…") if name else 0
    short = short_language(language)
    tries = [(True, True, language), (True, True, short), (True, False, language)]
    tries += [(True, False, short), (False, False, short)]
    choice = tries[-1]
    for with_call, with_a_number, right in tries:
        left = left_of(with_call, with_a_number)
        if width - _advance(left, flags, right, bold_metrics, metrics, gap) >= wanted:
            choice = (with_call, with_a_number, right)
            break
    left = left_of(choice[0], choice[1])
    right = choice[2]
    placed: list[Placed] = []
    room = int(max(0.0, width))
    shown_left = texts.elided(left, room, bold_metrics, keys[1])
    placed.append(at(shown_left, bold, left_x))
    x = left_x + bold_metrics.horizontalAdvance(shown_left) + gap
    if flags and x + bold_metrics.horizontalAdvance(flags) <= left_x + width:
        placed.append(at(flags, 1, x))
        x += bold_metrics.horizontalAdvance(flags) + gap
    right_w = metrics.horizontalAdvance(right) if right else 0
    right_x = left_x + width - right_w
    if right and right_x >= x:
        placed.append(at(right, 0, right_x))
    else:
        right_x = left_x + width
    if name:
        shown = texts.elided(name, int(max(0.0, right_x - gap - x)), metrics, keys[0])
        if shown and shown != "…":
            placed.append(at(shown, 0, x))
    return tuple(placed)


def _advance(
    left: str, flags: str, right: str, bold: QFontMetrics, plain: QFontMetrics, gap: int
) -> int:
    """The width the row takes without its name."""
    used = bold.horizontalAdvance(left) + gap
    if flags:
        used += bold.horizontalAdvance(flags) + gap
    if right:
        used += plain.horizontalAdvance(right) + gap
    return used
